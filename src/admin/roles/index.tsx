import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { AdminList, byText, type Column } from '../../components/AdminList'
import { ChoiceChips, choicesOf } from '../../components/ChoiceChips'
import { Screen } from '../../components/Screen'
import type { RoleHolder } from '../../../types/members'
import { ROLE_LABELS, ROLE_SCOPE_LABELS } from '../../../types/roles'
import { useRoles } from './useRoles'
import './index.scss'

/** 角色管理 (union office): grant and revoke the roles that open admin tools. */
export default function Roles() {
  const { holders, scopeChoices, form, errors, saving, change, grant, revoke } = useRoles()
  const scopeLabel = ROLE_SCOPE_LABELS[form.role]
  /** The roles someone holds, each with its × to revoke it. */
  const grants = (holder: RoleHolder) => (
    <View className="roles__grants">
      {holder.roles.map((role) => (
        <Tag key={role.label} color="#c8161d" background="#fdecec" closeable className="roles__tag" onClose={() => revoke(holder, role)}>
          {role.label}
        </Tag>
      ))}
    </View>
  )
  const columns: Column<RoleHolder>[] = [
    { title: '姓名', width: '7em', render: (holder) => <Text className="admin-table__strong">{holder.name}</Text>, compare: (a, b) => byText(a.name, b.name) },
    { title: '工号', width: '7em', render: (holder) => holder.staffNo, compare: (a, b) => byText(a.staffNo, b.staffNo) },
    { title: '分工会', width: 'minmax(10em, 1fr)', render: (holder) => holder.unitName, compare: (a, b) => byText(a.unitName, b.unitName) },
    { title: '角色（点 × 撤销）', width: 'minmax(16em, 2fr)', render: grants },
  ]
  return (
    <Screen className="roles">
      <View className="card">
        <Text className="roles__heading">授予角色</Text>
        <Input className="field-input roles__input" placeholder="会员工号" value={form.staffNo} maxLength={20} onChange={(value) => change({ staffNo: value })} />
        {errors.staffNo && <Text className="roles__error">{errors.staffNo}</Text>}
        <ChoiceChips value={form.role} options={choicesOf(ROLE_LABELS)} onChange={(role) => change({ role, scope: '' })} />
        {scopeLabel && (
          <>
            <Text className="roles__scope-label">选择{scopeLabel}</Text>
            {scopeChoices.length > 0 ? (
              <ChoiceChips value={form.scope} options={scopeChoices.map((scope) => ({ value: scope.id, label: scope.name }))} onChange={(scope) => change({ scope })} />
            ) : (
              <Text className="roles__none">还没有可选的{scopeLabel}</Text>
            )}
          </>
        )}
        {errors.scope && <Text className="roles__error">{errors.scope}</Text>}
        <Button type="primary" block loading={saving} onClick={grant} className="roles__grant">
          授予
        </Button>
      </View>

      <AdminList
        list={holders}
        rowKey={(holder) => holder.memberId}
        columns={columns}
        emptyText="还没有人担任角色"
        card={(holder) => (
          <View className="card">
            <Text className="roles__name">
              {holder.name}
              <Text className="roles__meta">
                {' '}
                {holder.staffNo} · {holder.unitName}
              </Text>
            </Text>
            {grants(holder)}
          </View>
        )}
      />
    </Screen>
  )
}

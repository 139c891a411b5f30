import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { ChoiceChips, choicesOf } from '../../components/ChoiceChips'
import { StateView } from '../../components/StateView'
import { ROLE_LABELS, ROLE_SCOPE_LABELS } from '../../../types/roles'
import { useRoles } from './useRoles'
import './index.scss'

/** 角色管理 (union office): grant and revoke the roles that open admin tools. */
export default function Roles() {
  const { holders, scopeChoices, form, errors, saving, change, grant, revoke } = useRoles()
  const scopeLabel = ROLE_SCOPE_LABELS[form.role]
  return (
    <View className="page roles">
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

      <StateView loading={holders.loading} error={holders.error} empty={!holders.data?.length} emptyText="还没有人担任角色" onRetry={holders.reload}>
        {holders.data?.map((holder) => (
          <View key={holder.memberId} className="card">
            <Text className="roles__name">
              {holder.name}
              <Text className="roles__meta">
                {' '}
                {holder.staffNo} · {holder.unitName}
              </Text>
            </Text>
            <View className="roles__grants">
              {holder.roles.map((role) => (
                <Tag key={role.label} color="#c8161d" background="#fdecec" closeable className="roles__tag" onClose={() => revoke(holder, role)}>
                  {role.label}
                </Tag>
              ))}
            </View>
          </View>
        ))}
      </StateView>
    </View>
  )
}

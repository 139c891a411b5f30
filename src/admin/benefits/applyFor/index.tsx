import { Button, Cell, SearchBar } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { ApplicationForm } from '../../../components/ApplicationForm'
import { Screen } from '../../../components/Screen'
import { APPLICATION_KINDS } from '../../../../types/benefitApplications'
import { useApplyFor } from '../useApplicationQueue'
import './index.scss'

/** 代为申请慰问: find the member (a unit admin: in their unit), then the same form a member fills for themselves. */
export default function ApplyFor() {
  const { query, setQuery, found, member, setMember, form, errors, change, addProof, addingProof, submit, busy } = useApplyFor()
  return (
    <Screen className="apply-for">
      {member ? (
        <View className="card apply-for__member">
          <View>
            <Text className="apply-for__name">
              {member.name}（{member.staffNo}）
            </Text>
            <Text className="card-meta">{member.unitName}</Text>
          </View>
          <Text className="apply-for__change" onClick={() => setMember(undefined)}>
            换一位
          </Text>
        </View>
      ) : (
        <>
          <SearchBar placeholder="搜索会员姓名或工号" value={query} onChange={setQuery} />
          {found.length > 0 ? (
            <Cell.Group className="apply-for__found">
              {found.map((row) => (
                <Cell key={row.id} className="apply-for__row" title={`${row.name}（${row.staffNo}）`} description={row.unitName} extra="选择" clickable onClick={() => setMember(row)} />
              ))}
            </Cell.Group>
          ) : (
            <Text className="apply-for__hint">{query.trim() ? '没有找到这位会员' : '先找到要代为申请的会员'}</Text>
          )}
        </>
      )}
      {member && (
        <>
          <ApplicationForm form={form} errors={errors} change={change} kinds={APPLICATION_KINDS} onAddProof={addProof} addingProof={addingProof} />
          <View className="bottom-bar">
            <Button type="primary" block loading={busy} disabled={addingProof} className="apply__submit" onClick={submit}>
              提交申请
            </Button>
          </View>
        </>
      )}
    </Screen>
  )
}

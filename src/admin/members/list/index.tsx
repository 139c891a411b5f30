import { Button, SearchBar, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { AdminList, byText, type Column } from '../../../components/AdminList'
import { ChoiceChips, choicesOf } from '../../../components/ChoiceChips'
import { Screen } from '../../../components/Screen'
import { UnitChips } from '../../../components/UnitChips'
import { useProfile } from '../../../hooks/useProfile'
import { GENDER_LABELS, MEMBER_GROUP_LABELS, MEMBER_STATUS_LABELS, type MemberGroup, type RosterRow } from '../../../../types/members'
import { useRoster, useUnits } from '../useMembers'
import { useRosterDownloads } from '../useRosterFiles'
import './index.scss'

const COLUMNS: Column<RosterRow>[] = [
  { title: '姓名', width: '7em', render: (row) => <Text className="admin-table__strong">{row.name}</Text>, compare: (a, b) => byText(a.name, b.name) },
  { title: '工号', width: '7em', render: (row) => row.staffNo, compare: (a, b) => byText(a.staffNo, b.staffNo) },
  { title: '性别', width: '3em', render: (row) => GENDER_LABELS[row.gender] },
  { title: '分工会', width: 'minmax(10em, 2fr)', render: (row) => row.unitName, compare: (a, b) => byText(a.unitName, b.unitName) },
  { title: '状态', width: '5em', render: (row) => MEMBER_STATUS_LABELS[row.status], compare: (a, b) => byText(a.status, b.status) },
  { title: '手机号', width: '9em', render: (row) => row.phone },
  { title: '生日', width: '7em', render: (row) => row.birthDate },
  { title: '会费', width: '5em', render: (row) => (row.duesPaid ? '已缴' : <Text className="roster__unpaid">未缴</Text>), compare: (a, b) => Number(a.duesPaid) - Number(b.duesPaid) },
  { title: '微信', width: '5em', render: (row) => (row.bound ? '已绑定' : <Text className="roster__unbound">未绑定</Text>), compare: (a, b) => Number(a.bound) - Number(b.bound) },
]

/** A member as a phone shows them: name and facts, tags, the masked phone and birthday. */
const card = (row: RosterRow, open: (row: RosterRow) => void) => (
  <View className="card roster__row" onClick={() => open(row)}>
    <View className="roster__head">
      <Text className="roster__name">{row.name}</Text>
      <Text className="roster__meta">
        {row.staffNo} · {GENDER_LABELS[row.gender]} · {row.unitName}
      </Text>
    </View>
    <View className="roster__facts">
      <Tag background="#f5f5f7" color="#595959" className="roster__tag">
        {MEMBER_STATUS_LABELS[row.status]}
      </Tag>
      {!row.duesPaid && (
        <Tag type="warning" className="roster__tag">
          会费未缴
        </Tag>
      )}
      {!row.bound && (
        <Tag background="#fdecec" color="#c8161d" className="roster__tag">
          未绑定
        </Tag>
      )}
      <Text className="roster__private">
        {row.phone} · 生日 {row.birthDate}
      </Text>
    </View>
  </View>
)

/**
 * 会员名册: union office sees every unit (opens a record to edit, imports and exports the roster as Excel); a unit
 * admin sees their own unit.
 */
export default function Roster() {
  const [query, setQuery] = useState('')
  const [unitId, setUnitId] = useState('')
  const [group, setGroup] = useState<MemberGroup | ''>('')
  const list = useRoster(query.trim(), unitId, group)
  const profile = useProfile()
  const units = useUnits()
  const office = profile.data?.roles.some((grant) => grant.role === 'unionOffice') ?? false
  const { exporting } = useRosterDownloads()
  const open = (row: RosterRow) => office && Taro.navigateTo({ url: `/admin/members/detail/index?id=${encodeURIComponent(row.id)}` })
  return (
    <Screen className="roster">
      <View className="roster__filters">
        <View className="roster__bar">
          <SearchBar className="roster__search" placeholder="搜索姓名或工号" value={query} onChange={(value) => setQuery(value)} />
          {office && (
            <View className="roster__tools">
              <Button size="small" type="primary" fill="outline" onClick={() => Taro.navigateTo({ url: '/admin/members/import/index' })}>
                导入名册
              </Button>
              <Button size="small" fill="outline" loading={exporting.busy} onClick={() => exporting.run(unitId || undefined)}>
                {unitId ? '导出本分工会' : '导出全部'}
              </Button>
            </View>
          )}
        </View>
        {office && (
          <UnitChips units={units.data} value={unitId} onChange={setUnitId} className="roster__units" />
        )}
        <View className="roster__groups">
          <ChoiceChips value={group} options={[{ value: '', label: '全部人员' }, ...choicesOf(MEMBER_GROUP_LABELS)]} onChange={setGroup} />
        </View>
      </View>
      <AdminList
        list={list}
        rowKey={(row) => row.id}
        columns={COLUMNS}
        card={(row) => card(row, open)}
        onOpen={office ? open : undefined}
        emptyText="没有找到会员"
      />
    </Screen>
  )
}

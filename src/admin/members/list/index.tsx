import { Button, SearchBar, Tag } from '@nutui/nutui-react-taro'
import { ScrollView, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceChips, choicesOf } from '../../../components/ChoiceChips'
import { ListFooter } from '../../../components/ListFooter'
import { StateView } from '../../../components/StateView'
import { useProfile } from '../../../hooks/useProfile'
import { GENDER_LABELS, MEMBER_GROUP_LABELS, MEMBER_STATUS_LABELS, type MemberGroup } from '../../../../types/members'
import { useRoster, useUnits } from '../useMembers'
import { useRosterDownloads } from '../useRosterFiles'
import './index.scss'

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
  const open = (id: string) => office && Taro.navigateTo({ url: `/admin/members/detail/index?id=${encodeURIComponent(id)}` })
  return (
    <View className="page roster">
      <SearchBar placeholder="搜索姓名或工号" value={query} onChange={(value) => setQuery(value)} />
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
      {office && (
        <ScrollView scrollX className="roster__units">
          <ChoiceChips
            value={unitId}
            options={[{ value: '', label: '全部分工会' }, ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))]}
            onChange={setUnitId}
            className="roster__unit-choices"
          />
        </ScrollView>
      )}
      <View className="roster__groups">
        <ChoiceChips value={group} options={[{ value: '', label: '全部人员' }, ...choicesOf(MEMBER_GROUP_LABELS)]} onChange={setGroup} />
      </View>
      <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText="没有找到会员" onRetry={list.reload}>
        {list.items.map((row) => (
          <View key={row.id} className="card roster__row" onClick={() => open(row.id)}>
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
        ))}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
      </StateView>
    </View>
  )
}

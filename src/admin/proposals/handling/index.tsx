import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceChips } from '../../../components/ChoiceChips'
import { ListFooter } from '../../../components/ListFooter'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { StatusTag } from '../../../components/StatusTag'
import { useProfile } from '../../../hooks/useProfile'
import { proposalUrl } from '../../../hooks/useProposals'
import { formatDay } from '../../../../types/time'
import { useHandlingQueue } from '../useReview'
import '../proposalText.scss'
import './index.scss'

/** 承办事项 (a handling department's handlers): the proposals its department leads or assists, the reply due first. */
export default function HandlingList() {
  const { data: profile } = useProfile()
  const depts = (profile?.roles ?? []).filter((grant) => grant.role === 'handlingDept' && grant.scope).map((grant) => ({ value: grant.scope!, label: grant.label.replace(/^承办部门（(.*)）$/, '$1') }))
  const [chosen, setChosen] = useState('')
  const deptId = chosen || depts[0]?.value
  const list = useHandlingQueue(deptId)
  return (
    <Screen className="handling">
      {depts.length > 1 && (
        <View className="handling__filters">
          <ChoiceChips value={deptId ?? ''} options={depts} onChange={setChosen} />
        </View>
      )}
      <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText="暂无交办给本部门的提案" onRetry={list.reload}>
        {list.items.map((row) => (
          <View key={row.id} className="card handling__row" onClick={() => void Taro.navigateTo({ url: proposalUrl(row.id) })}>
            <View className="card-head">
              <Text className="proposal-text__row-title">
                {row.number ? `${row.number} ` : ''}
                {row.title}
              </Text>
              <StatusTag tone={row.overdue ? 'bad' : row.state === 'assigned' || row.state === 'rehandling' ? 'pending' : 'good'}>{row.overdue ? '已逾期' : row.stateLabel}</StatusTag>
            </View>
            <Text className="card-meta">
              {row.leadDeptId === deptId ? '主办' : '协办'} · {row.authorName}
              {row.replyDue ? ` · ${formatDay(row.replyDue, true)} 前答复` : ''}
            </Text>
          </View>
        ))}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
      </StateView>
    </Screen>
  )
}

import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceChips } from '../../../components/ChoiceChips'
import { ListFooter } from '../../../components/ListFooter'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { StatusTag } from '../../../components/StatusTag'
import { proposalUrl, useProposalSession } from '../../../hooks/useProposals'
import { PROPOSAL_CATEGORY_LABELS, PROPOSAL_STATE_LABELS, type ProposalState } from '../../../../types/proposals'
import { formatDateTime } from '../../../../types/time'
import { useProposalFiles } from '../useProposalFiles'
import { decideUrl, useReviewQueue } from '../useReview'
import '../proposalText.scss'
import './index.scss'

const STATES: ProposalState[] = ['submitted', 'accepted', 'merged', 'converted', 'rejected']

/**
 * 提案审查 (the session's committee, the union office): the session's proposals by state, the submitted ones to decide;
 * and the session's 提案汇编 (.docx) and 提案办理情况表 (.xlsx) to download.
 */
export default function Review() {
  const session = useProposalSession()
  const [state, setState] = useState<ProposalState>('submitted')
  const list = useReviewQueue(session.data?.id, state)
  const files = useProposalFiles(session.data?.id)
  return (
    <Screen className="review">
      <View className="review__filters">
        {session.data && <Text className="review__session">{session.data.name}教代会 · 提案工作委员会</Text>}
        {session.data && (
          <View className="review__files">
            <Button size="small" fill="outline" className="review__book" disabled={!files.ready} loading={files.bookBusy} onClick={() => void files.downloadBook()}>
              下载提案汇编
            </Button>
            <Button size="small" fill="outline" className="review__handling" disabled={!files.ready} loading={files.handlingBusy} onClick={() => void files.downloadHandling()}>
              下载办理情况表
            </Button>
          </View>
        )}
        <ChoiceChips value={state} options={STATES.map((value) => ({ value, label: value === 'submitted' ? '待审查' : PROPOSAL_STATE_LABELS[value] }))} onChange={setState} />
      </View>
      <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText={state === 'submitted' ? '没有待审查的提案' : '暂无'} onRetry={list.reload}>
        {list.items.map((row) => (
          <View key={row.id} className="card review__row" onClick={() => void Taro.navigateTo({ url: row.state === 'submitted' ? decideUrl(row.id) : proposalUrl(row.id) })}>
            <View className="card-head">
              <Text className="proposal-text__row-title">{row.number ? `${row.number} ` : ''}{row.title}</Text>
              <StatusTag tone={row.state === 'submitted' ? 'pending' : row.state === 'rejected' ? 'bad' : 'good'}>{row.stateLabel}</StatusTag>
            </View>
            <Text className="card-meta">
              {row.authorName} · {PROPOSAL_CATEGORY_LABELS[row.category]} · 附议 {row.confirmed} 人{row.submittedAt ? ` · ${formatDateTime(row.submittedAt)} 提交` : ''}
            </Text>
          </View>
        ))}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
      </StateView>
    </Screen>
  )
}

import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceChips } from '../../components/ChoiceChips'
import { ListFooter } from '../../components/ListFooter'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { StatusTag } from '../../components/StatusTag'
import { editProposalUrl, proposalUrl, useInvitations, useMyProposals, useProposalSession, usePublicRecord, useSessions } from '../../hooks/useProposals'
import { PROPOSAL_CATEGORIES, PROPOSAL_CATEGORY_LABELS, PROPOSAL_KIND_LABELS, type ProposalCategory, type SessionView } from '../../../types/proposals'
import { formatDateTime, formatDay } from '../../../types/time'
import { stateTone } from '../stateTone'
import './index.scss'

const REVIEW_URL = '/admin/proposals/review/index'

/** The session: collecting or not, until when, and what I may file in it. */
function SessionCard({ session }: { session: SessionView | null }) {
  if (!session) {
    return (
      <View className="card proposals__session">
        <Text className="proposals__session-name">暂无教代会届次</Text>
        <Text className="proposals__session-line">校工会设置届次后，代表可在征集期内提交提案；任何会员随时可以提意见建议。</Text>
      </View>
    )
  }
  const window = session.opensAt && session.closesAt ? `${formatDateTime(session.opensAt)} 至 ${formatDateTime(session.closesAt)}` : '尚未设定'
  return (
    <View className="card proposals__session">
      <View className="card-head">
        <Text className="proposals__session-name">{session.name}教代会</Text>
        <StatusTag tone={session.collecting ? 'good' : 'neutral'}>{session.collecting ? '提案征集中' : '不在征集期'}</StatusTag>
      </View>
      <Text className="proposals__session-line">征集时间：{window}</Text>
      {session.meetingStart && <Text className="proposals__session-line">大会日期：{formatDay(session.meetingStart)}{session.meetingEnd && session.meetingEnd !== session.meetingStart ? ` 至 ${formatDay(session.meetingEnd)}` : ''}</Text>}
      <Text className="proposals__session-line">
        {session.delegate
          ? `您是本届教代会代表。一事一案，需 ${session.secondersNeeded} 位代表确认附议后提交。`
          : '您不是本届代表：可以提意见建议，由校工会答复或转交相关部门。'}
      </Text>
      {session.committee && (
        <Button size="small" fill="outline" className="proposals__review" onClick={() => void Taro.navigateTo({ url: REVIEW_URL })}>
          提案审查
        </Button>
      )}
    </View>
  )
}

function MyList() {
  const list = useMyProposals()
  return (
    <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText="还没有写过提案或意见建议" onRetry={list.reload}>
      {list.items.map((row) => (
        <View key={row.id} className="card proposals__row" onClick={() => void Taro.navigateTo({ url: row.state === 'draft' ? editProposalUrl(row.id) : proposalUrl(row.id) })}>
          <View className="card-head">
            <Text className="proposals__title">{row.title || '（未填写标题）'}</Text>
            <StatusTag tone={stateTone(row.state)}>{row.stateLabel}</StatusTag>
          </View>
          <Text className="card-meta">
            {PROPOSAL_KIND_LABELS[row.kind]} · {PROPOSAL_CATEGORY_LABELS[row.category]}
            {row.number ? ` · ${row.number}` : ''}
            {row.kind === 'proposal' && row.needed > 0 && (row.state === 'draft' || row.state === 'seconding') ? ` · 附议 ${row.confirmed}/${row.needed}` : ''}
          </Text>
          <Text className="card-meta">更新于 {formatDateTime(row.updatedAt)}</Text>
        </View>
      ))}
      <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
    </StateView>
  )
}

const INVITATION_LABELS = { invited: '待回复', confirmed: '已附议', declined: '已谢绝' } as const

function Invitations() {
  const list = useInvitations()
  return (
    <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText="暂无附议邀请" onRetry={list.reload}>
      {list.items.map((row) => (
        <View key={row.proposalId} className="card proposals__row" onClick={() => void Taro.navigateTo({ url: proposalUrl(row.proposalId) })}>
          <View className="card-head">
            <Text className="proposals__title">{row.title}</Text>
            <StatusTag tone={row.state === 'invited' ? 'pending' : row.state === 'confirmed' ? 'good' : 'neutral'}>{INVITATION_LABELS[row.state]}</StatusTag>
          </View>
          <Text className="card-meta">
            {row.authorName} 邀请 · {formatDateTime(row.invitedAt)} · 提案{row.proposalStateLabel}
          </Text>
        </View>
      ))}
      <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
    </StateView>
  )
}

const CATEGORY_CHOICES = [{ value: '' as const, label: '全部' }, ...PROPOSAL_CATEGORIES.map((category) => ({ value: category, label: PROPOSAL_CATEGORY_LABELS[category] }))]

/** 公开提案: a session's accepted proposals, what their departments answered, and how it was rated. */
function PublicRecord({ sessionId: current }: { sessionId?: string }) {
  const sessions = useSessions()
  const [chosen, setChosen] = useState<string>()
  const [category, setCategory] = useState<ProposalCategory | ''>('')
  const set = sessions.data?.filter((session) => session.opensAt) ?? []
  const sessionId = chosen ?? current ?? set[0]?.id ?? ''
  const list = usePublicRecord(sessionId, category)
  return (
    <View className="proposals__record">
      {set.length > 1 && <ChoiceChips value={sessionId} options={set.map((session) => ({ value: session.id, label: session.name }))} onChange={setChosen} />}
      <ChoiceChips value={category} options={CATEGORY_CHOICES} onChange={setCategory} />
      <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText="这一届暂无立案的提案" onRetry={list.reload}>
        {list.items.map((row) => (
          <View key={row.id} className="card proposals__row" onClick={() => void Taro.navigateTo({ url: proposalUrl(row.id) })}>
            <View className="card-head">
              <Text className="proposals__title">{row.title}</Text>
              <StatusTag tone={stateTone(row.state)}>{row.stateLabel}</StatusTag>
            </View>
            <Text className="card-meta">
              {row.number} · {PROPOSAL_CATEGORY_LABELS[row.category]} · 提案人 {row.authorName}
            </Text>
            {row.leadDeptName && (
              <Text className="card-meta">
                承办：{row.leadDeptName}
                {row.outcomeLabel ? ` · ${row.outcomeLabel}` : ''}
                {row.satisfactionLabel ? ` · 提案人${row.satisfactionLabel}` : ''}
              </Text>
            )}
            {row.withheldReason && <Text className="proposals__withheld">不公开：{row.withheldReason}</Text>}
          </View>
        ))}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
      </StateView>
    </View>
  )
}

type Tab = 'mine' | 'invitations' | 'record'

const TABS: { value: Tab; label: string }[] = [
  { value: 'mine', label: '我的提案与建议' },
  { value: 'invitations', label: '附议邀请' },
  { value: 'record', label: '公开提案' },
]

/** 教代会提案: the session, my proposals and suggestions, my invitations to second, the public record; a new one. */
export default function Proposals() {
  const session = useProposalSession()
  const [tab, setTab] = useState<Tab>('mine')
  const filesProposals = Boolean(session.data?.delegate && session.data.collecting)
  return (
    <Screen className="proposals">
      <StateView loading={session.loading} error={session.error} empty={false} emptyText="" onRetry={session.reload}>
        <SessionCard session={session.data ?? null} />
        <View className="proposals__tabs">
          <ChoiceChips value={tab} options={session.data?.delegate ? TABS : TABS.filter((option) => option.value !== 'invitations')} onChange={setTab} />
        </View>
        {tab === 'mine' ? <MyList /> : tab === 'invitations' ? <Invitations /> : <PublicRecord sessionId={session.data?.id} />}
        <View className="bottom-bar">
          <Button type="primary" block className="proposals__new" onClick={() => void Taro.navigateTo({ url: editProposalUrl() })}>
            {filesProposals ? '写提案' : '提意见建议'}
          </Button>
        </View>
      </StateView>
    </Screen>
  )
}

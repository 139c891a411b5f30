import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AdminList, byText, type Column } from '../../components/AdminList'
import { ChoiceChips } from '../../components/ChoiceChips'
import { Screen } from '../../components/Screen'
import { StatusTag, type Tone } from '../../components/StatusTag'
import { PUSH_STATE_LABELS, type PushState, type SendRecord } from '../../../types/messages'
import { formatDateTime } from '../../../types/time'
import { useSends, type SendFilter } from './useSends'
import './index.scss'

const FILTERS: Exclude<PushState, 'none'>[] = ['queued', 'sent', 'noConsent', 'failed', 'cancelled']

const TONES: Record<PushState, Tone> = { none: 'neutral', queued: 'pending', sending: 'pending', sent: 'good', noConsent: 'neutral', failed: 'bad', cancelled: 'neutral' }

const StateTag = ({ state }: { state: PushState }) => <StatusTag tone={TONES[state]}>{PUSH_STATE_LABELS[state]}</StatusTag>

const COLUMNS: Column<SendRecord>[] = [
  { title: '时间', width: '9em', render: (send) => formatDateTime(send.sentAt ?? send.sendAt) },
  { title: '接收人', width: '6em', render: (send) => <Text className="admin-table__strong">{send.recipientName}</Text>, compare: (a, b) => byText(a.recipientName, b.recipientName) },
  { title: '消息', width: 'minmax(14em, 2fr)', render: (send) => `${send.kindTitle}｜${send.text}` },
  { title: '状态', width: '8em', render: (send) => <StateTag state={send.state} />, compare: (a, b) => byText(a.state, b.state) },
  { title: '尝试', width: '4em', render: (send) => String(send.attempts) },
  { title: '原因', width: 'minmax(10em, 1fr)', render: (send) => send.error ?? '' },
]

/** 发送记录 (union office): each WeChat subscription message, and whether it reached the member. */
export default function Sends() {
  const [state, setState] = useState<SendFilter>('all')
  const { list, counts } = useSends(state)
  const total = Object.values(counts).reduce((sum, count) => sum + (count ?? 0), 0)
  const options = [
    { value: 'all' as const, label: `全部 ${total}` },
    ...FILTERS.map((value) => ({ value, label: `${PUSH_STATE_LABELS[value]} ${counts[value] ?? 0}` })),
  ]
  return (
    <Screen className="sends">
      <View className="sends__filters">
        <ChoiceChips value={state} options={options} onChange={setState} />
        <Text className="sends__hint">只列出发往微信的消息；会员都能在小程序「消息」中看到全部消息。</Text>
      </View>
      <AdminList
        list={list}
        rowKey={(send) => send.id}
        columns={COLUMNS}
        emptyText="还没有发往微信的消息"
        card={(send) => (
          <View className="card">
            <View className="card-head">
              <Text className="sends__who">{send.recipientName}</Text>
              <StateTag state={send.state} />
            </View>
            <Text className="sends__text">
              {send.kindTitle}｜{send.text}
            </Text>
            <Text className="card-meta">
              {formatDateTime(send.sentAt ?? send.sendAt)} · 尝试 {send.attempts} 次{send.error ? ` · ${send.error}` : ''}
            </Text>
          </View>
        )}
      />
    </Screen>
  )
}

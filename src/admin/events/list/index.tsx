import { Button, Tabs } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { AdminList, byText, type Column } from '../../../components/AdminList'
import { Screen } from '../../../components/Screen'
import { EVENT_KIND_LABELS, EVENT_PHASE_LABELS, type AdminEventRow, type EventPhase } from '../../../../types/events'
import { formatDateTime } from '../../../../types/time'
import { EventHeading } from '../EventHeading'
import { editable, PhaseTag } from '../phase'
import { editUrl, participantsUrl, useAdminEvents } from '../useAdminEvents'
import './index.scss'

const PHASES: { value: EventPhase | 'all'; title: string }[] = [
  { value: 'all', title: '全部' },
  ...(['open', 'upcoming', 'draft', 'closed', 'finished', 'cancelled'] as const).map((phase) => ({ value: phase, title: EVENT_PHASE_LABELS[phase] })),
]

const places = (row: AdminEventRow) => (row.capacity === null ? `${row.held} 人 / 不限` : `${row.held} / ${row.capacity}`)

/** 编辑 (查看 once it is over), 报名名单 (once published), 复制. */
function Actions({ row, copy }: { row: AdminEventRow; copy: (id: string) => void }) {
  return (
    <View className="admin-event__actions" onClick={(event) => event.stopPropagation()}>
      <Button size="small" fill="outline" className="admin-event__edit" onClick={() => Taro.navigateTo({ url: editUrl({ id: row.id }) })}>
        {editable(row.phase) ? '编辑' : '查看'}
      </Button>
      {row.phase !== 'draft' && (
        <Button size="small" type="primary" fill="outline" className="admin-event__participants" onClick={() => Taro.navigateTo({ url: participantsUrl(row.id) })}>
          报名名单
        </Button>
      )}
      <Button size="small" fill="outline" className="admin-event__copy" onClick={() => copy(row.id)}>
        复制
      </Button>
    </View>
  )
}

/** 待审核 in the union red when someone waits for a decision. */
const Pending = ({ row }: { row: AdminEventRow }) =>
  row.pending > 0 ? <Text className="admin-event__pending">{row.pending} 待审核</Text> : <Text className="admin-event__none">—</Text>

/** 活动管理: the events the caller organizes, by phase, with their places, waitlist and reviews waiting. */
export default function AdminEventList() {
  const [phase, setPhase] = useState<EventPhase | 'all'>('all')
  const list = useAdminEvents(phase)
  const copy = (id: string) => void list.copy(id)
  const columns: Column<AdminEventRow>[] = [
    { title: '状态', width: '6.5em', render: (row) => <PhaseTag phase={row.phase} /> },
    { title: '活动', width: 'minmax(12em, 3fr)', render: (row) => <Text className="admin-table__strong">{row.title}</Text>, compare: (a, b) => byText(a.title, b.title) },
    { title: '组织', width: 'minmax(6em, 1fr)', render: (row) => row.organizer, compare: (a, b) => byText(a.organizer, b.organizer) },
    { title: '时间', width: '10.5em', render: (row) => formatDateTime(row.startAt), compare: (a, b) => a.startAt.localeCompare(b.startAt) },
    { title: '名额', width: '7em', render: places, compare: (a, b) => a.held - b.held },
    { title: '候补', width: '4em', render: (row) => (row.waiting > 0 ? `${row.waiting} 人` : '—'), compare: (a, b) => a.waiting - b.waiting },
    { title: '待审核', width: '5em', render: (row) => <Pending row={row} />, compare: (a, b) => a.pending - b.pending },
    { title: '操作', width: '15em', render: (row) => <Actions row={row} copy={copy} /> },
  ]

  return (
    <Screen className="admin-events">
      <Tabs value={phase} onChange={(value) => setPhase(value as EventPhase | 'all')} activeType="line" className="admin-events__tabs">
        {PHASES.map((item) => (
          <Tabs.TabPane key={item.value} value={item.value} title={item.title} />
        ))}
      </Tabs>
      <AdminList
        list={list}
        rowKey={(row) => row.id}
        columns={columns}
        onOpen={(row) => Taro.navigateTo({ url: row.phase === 'draft' ? editUrl({ id: row.id }) : participantsUrl(row.id) })}
        emptyText={phase === 'all' ? '还没有活动，点下方按钮新建第一个' : `没有${EVENT_PHASE_LABELS[phase]}的活动`}
        card={(row) => (
          <View className="card admin-event">
            <EventHeading phase={row.phase} kind={EVENT_KIND_LABELS[row.kind]} organizer={row.organizer} title={row.title} />
            <Text className="admin-event__meta">{formatDateTime(row.startAt)} 开始</Text>
            <View className="admin-event__stats">
              <Text className="admin-event__stat">
                名额 <Text className="admin-event__figure">{places(row)}</Text>
              </Text>
              {row.waiting > 0 && (
                <Text className="admin-event__stat">
                  候补 <Text className="admin-event__figure">{row.waiting}</Text>
                </Text>
              )}
              {row.pending > 0 && <Text className="admin-event__stat admin-event__pending">{row.pending} 人待审核</Text>}
            </View>
            <Actions row={row} copy={copy} />
          </View>
        )}
      />
      {(list.organizer.office || list.organizer.unitIds.length > 0) && (
        <View className="bottom-bar">
          <Button type="primary" block onClick={() => void list.create()} className="admin-events__create">
            新建活动
          </Button>
        </View>
      )}
    </Screen>
  )
}

import { Button, Image, Popup } from '@nutui/nutui-react-taro'
import { ScrollView, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { AdminList, byText, type Column } from '../../../components/AdminList'
import { ChoiceChips, type Choice } from '../../../components/ChoiceChips'
import { Screen } from '../../../components/Screen'
import { StatusTag, type Tone } from '../../../components/StatusTag'
import { SIGNUP_STATE_LABELS, type EventDraft, type FormAnswer, type ParticipantRow, type SignupState, type SignupStatus } from '../../../../types/events'
import { formatDateTime, shanghaiDay } from '../../../../types/time'
import { useShared } from '../../../hooks/useShared'
import { openDownload } from '../../../services/files'
import { deskLayout } from '../../../services/layout'
import { EventHeading } from '../EventHeading'
import { ReasonDialog, type ReasonRequest } from '../ReasonDialog'
import { useParticipants, type ParticipantFilters, type Summary } from '../useParticipants'
import './index.scss'

const STATES: SignupState[] = ['pending', 'confirmed', 'waiting', 'offered', 'rejected', 'cancelled', 'removed', 'lapsed', 'eventCancelled']
const LIVE: SignupState[] = ['pending', 'confirmed', 'waiting', 'offered']
/** A phone's overview shows up to this many units; more fold to the first few and 全部. */
const UNITS_SHOWN = 6
const UNITS_FOLDED = 4

const STATUS_TONES: Record<SignupStatus, Tone> = {
  pending: 'pending',
  confirmed: 'good',
  checkedIn: 'good',
  waiting: 'pending',
  offered: 'pending',
  rejected: 'bad',
  removed: 'bad',
  absent: 'bad',
  cancelled: 'neutral',
  lapsed: 'neutral',
  eventCancelled: 'neutral',
}

const CHECKED_IN: Choice<ParticipantFilters['checkedIn']>[] = [
  { value: '', label: '签到不限' },
  { value: 'yes', label: '已签到' },
  { value: 'no', label: '未签到' },
]

const answerText = (answer: FormAnswer | undefined) => (answer === undefined || answer === '' ? '—' : Array.isArray(answer) ? answer.join('、') : String(answer))

const statusTag = (row: ParticipantRow) => (
  <StatusTag tone={STATUS_TONES[row.status]}>
    {row.statusLabel}
    {row.cancelRequested ? ' · 申请取消' : ''}
  </StatusTag>
)

interface RowActions {
  decide: (row: ParticipantRow, approve: boolean) => void
  decideCancel: (row: ParticipantRow, approve: boolean) => void
  remove: (row: ParticipantRow) => void
  mark: (row: ParticipantRow, present: boolean) => void
  /** Attendance can be marked from the event's day on. */
  marking: boolean
}

/** What the organizer can do with a sign-up in its state. */
function Actions({ row, actions }: { row: ParticipantRow; actions: RowActions }) {
  const buttons = []
  if (row.state === 'pending') {
    buttons.push(
      <Button key="approve" size="small" type="primary" className="participant__approve" onClick={() => actions.decide(row, true)}>
        通过
      </Button>,
      <Button key="reject" size="small" fill="outline" className="participant__reject" onClick={() => actions.decide(row, false)}>
        不通过
      </Button>,
    )
  }
  if (row.state === 'confirmed' && row.cancelRequested) {
    buttons.push(
      <Button key="cancel-yes" size="small" type="primary" className="participant__cancel-yes" onClick={() => actions.decideCancel(row, true)}>
        同意取消
      </Button>,
      <Button key="cancel-no" size="small" fill="outline" className="participant__cancel-no" onClick={() => actions.decideCancel(row, false)}>
        不同意
      </Button>,
    )
  }
  if (row.state === 'confirmed' && actions.marking && !row.checkedInAt) {
    buttons.push(
      <Button key="present" size="small" fill="outline" type="primary" disabled={row.status === 'checkedIn'} className="participant__present" onClick={() => actions.mark(row, true)}>
        出席
      </Button>,
      <Button key="absent" size="small" fill="outline" disabled={row.status === 'absent'} className="participant__absent" onClick={() => actions.mark(row, false)}>
        缺席
      </Button>,
    )
  }
  if (LIVE.includes(row.state)) {
    buttons.push(
      <Button key="remove" size="small" fill="outline" type="danger" className="participant__remove" onClick={() => actions.remove(row)}>
        移出
      </Button>,
    )
  }
  if (buttons.length === 0) return null
  return (
    <View className="participant__actions" onClick={(event) => event.stopPropagation()}>
      {buttons}
    </View>
  )
}

/** The event's figures: places held of the capacity, each state's count, check-ins, and each unit's places. */
function Overview({ draft, summary, unitId, onUnit }: { draft: EventDraft; summary?: Summary; unitId: string; onUnit: (unitId: string) => void }) {
  const { settings } = draft
  const desk = useShared(deskLayout)
  const [allUnits, setAllUnits] = useState(false)
  const byUnit = summary?.byUnit ?? []
  // A phone shows the first few units; the rest on a tap (a desk has room for all).
  const units = desk || allUnits || byUnit.length <= UNITS_SHOWN ? byUnit : byUnit.slice(0, UNITS_FOLDED)
  const count = (state: SignupState) => summary?.counts[state] ?? 0
  // Fresh with every reload of the list (a decision or a removal moves it), else as the event was loaded.
  const held = summary ? count('pending') + count('confirmed') + count('offered') : draft.held
  const figures: [string, string | number, boolean?][] = [
    ['名额', settings.capacity === null ? `${held} / 不限` : `${held} / ${settings.capacity}`],
    ['已报名', count('confirmed')],
    ['待审核', count('pending'), count('pending') > 0],
    ['候补', count('waiting')],
    ['递补待确认', count('offered')],
    ['已签到', summary?.checkedIn ?? 0],
  ]
  return (
    <View className="card participants__overview">
      <EventHeading phase={draft.phase} organizer={draft.organizer} title={settings.title} />
      <Text className="card-meta">
        {formatDateTime(settings.startAt)} · {settings.place}
      </Text>
      <View className="participants__figures">
        {figures.map(([label, value, alert]) => (
          <View key={label} className="participants__figure">
            <Text className={`participants__value${alert ? ' participants__value--alert' : ''}`}>{value}</Text>
            <Text className="participants__figure-label">{label}</Text>
          </View>
        ))}
      </View>
      {byUnit.length > 0 && (
        <View className="participants__units">
          <Text className="participants__units-title">{settings.unitQuotas.length > 0 ? '各分工会名额（已占 / 名额）' : '各分工会已占名额'}</Text>
          <View className="participants__unit-grid">
            {units.map((unit) => {
              const full = unit.quota !== undefined && unit.held >= unit.quota
              return (
                <View
                  key={unit.unitId}
                  className={`participants__unit${unit.unitId === unitId ? ' participants__unit--chosen' : ''}`}
                  onClick={() => onUnit(unit.unitId === unitId ? '' : unit.unitId)}
                >
                  <Text className="participants__unit-name">{unit.unitName}</Text>
                  <Text className={`participants__unit-count${full ? ' participants__unit-count--full' : ''}`}>
                    {unit.held}
                    {unit.quota !== undefined ? ` / ${unit.quota}` : ''}
                  </Text>
                </View>
              )
            })}
          </View>
          {units.length < byUnit.length && (
            <Text className="participants__more" onClick={() => setAllUnits(true)}>
              全部 {byUnit.length} 个分工会 ▾
            </Text>
          )}
        </View>
      )}
    </View>
  )
}

/** 报名名单: who signed up for an event, in every state, and what the organizer decides about each. */
export default function Participants() {
  const eventId = decodeURIComponent(useRouter().params.id ?? '')
  const [filters, setFilters] = useState<ParticipantFilters>({ state: '', unitId: '', checkedIn: '' })
  const screen = useParticipants(eventId, filters)
  const [asking, setAsking] = useState<ReasonRequest>()
  const draft = screen.draft.data
  const form = draft?.settings.form ?? []
  const filter = (change: Partial<ParticipantFilters>) => setFilters((previous) => ({ ...previous, ...change }))
  const summary = screen.summary

  const actions: RowActions = {
    marking: draft !== undefined && shanghaiDay(new Date()) >= shanghaiDay(draft.settings.startAt),
    decide: (row, approve) =>
      approve
        ? void screen.decide(row, true)
        : setAsking({
            title: '审核不通过',
            description: `${row.memberName}的报名将不通过，名额让给候补。原因会告知本人。`,
            confirmText: '不通过',
            placeholder: '原因，如：不符合青年教职工条件',
            required: true,
            onConfirm: (reason) => screen.decide(row, false, reason),
          }),
    decideCancel: (row, approve) =>
      approve
        ? void screen.decideCancel(row, true)
        : setAsking({
            title: '不同意取消',
            description: `${row.memberName}的报名将保留。可以写明原因告知本人（选填）。`,
            confirmText: '不同意取消',
            placeholder: '原因（选填）',
            required: false,
            onConfirm: (reason) => screen.decideCancel(row, false, reason || undefined),
          }),
    remove: (row) =>
      setAsking({
        title: '移出报名',
        description: `将${row.memberName}（${row.staffNo}）移出本活动${row.state === 'waiting' ? '的候补' : ''}。${
          row.state === 'waiting' ? '' : '空出的名额按候补顺序让给第一位候补。'
        }原因会告知本人。`,
        confirmText: '移出',
        placeholder: '移出原因，如：重复报名',
        required: true,
        onConfirm: (reason) => screen.remove(row, reason),
      }),
    mark: (row, present) => void screen.mark(row, present),
  }

  const columns: Column<ParticipantRow>[] = [
    { title: '姓名', width: '6em', render: (row) => <Text className="admin-table__strong">{row.memberName}</Text>, compare: (a, b) => byText(a.memberName, b.memberName) },
    { title: '工号', width: '6.5em', render: (row) => row.staffNo, compare: (a, b) => byText(a.staffNo, b.staffNo) },
    { title: '分工会', width: 'minmax(8em, 1.5fr)', render: (row) => row.unitName, compare: (a, b) => byText(a.unitName, b.unitName) },
    { title: '手机号', width: '8.5em', render: (row) => row.phone || '—' },
    { title: '状态', width: '8em', render: statusTag, compare: (a, b) => byText(a.statusLabel, b.statusLabel) },
    ...form.slice(0, 4).map((field) => ({ title: field.label, width: 'minmax(7em, 1fr)', render: (row: ParticipantRow) => answerText(row.answers[field.key]) })),
    { title: '报名时间', width: '8.5em', render: (row) => formatDateTime(row.signedUpAt), compare: (a, b) => a.signedUpAt.localeCompare(b.signedUpAt) },
    { title: '操作', width: '13em', render: (row) => <Actions row={row} actions={actions} /> },
  ]

  const units = summary?.byUnit ?? []
  const codeCheckIn = draft?.settings.checkIn.kind === 'code' && draft.phase !== 'draft' && draft.phase !== 'cancelled'
  const stateChoices: Choice<SignupState | ''>[] = [
    { value: '', label: '全部状态' },
    ...STATES.filter((state) => LIVE.includes(state) || (summary?.counts[state] ?? 0) > 0 || filters.state === state).map((state) => ({
      value: state,
      label: `${SIGNUP_STATE_LABELS[state]} ${summary?.counts[state] ?? 0}`,
    })),
  ]

  return (
    <Screen className="participants">
      {draft && <Overview draft={draft} summary={summary} unitId={filters.unitId} onUnit={(unitId) => filter({ unitId })} />}
      <View className="participants__filters">
        <View className="participants__tools">
          {codeCheckIn && (
            <Button size="small" fill="outline" type="primary" className="participants__code" loading={screen.loadingCode} onClick={() => void screen.showVenueCode()}>
              签到码
            </Button>
          )}
          <Button size="small" fill="outline" className="participants__export" loading={screen.exporting} onClick={() => void screen.exportList()}>
            导出 Excel
          </Button>
        </View>
        <ScrollView scrollX className="participants__scroll">
          <ChoiceChips value={filters.state} options={stateChoices} onChange={(state) => filter({ state })} className="participants__chips" />
        </ScrollView>
        {units.length > 1 && (
          <ScrollView scrollX className="participants__scroll">
            <ChoiceChips
              value={filters.unitId}
              options={[{ value: '', label: '全部分工会' }, ...units.map((unit) => ({ value: unit.unitId, label: unit.unitName }))]}
              onChange={(unitId) => filter({ unitId })}
              className="participants__chips"
            />
          </ScrollView>
        )}
        <View className="participants__scroll">
          <ChoiceChips value={filters.checkedIn} options={CHECKED_IN} onChange={(checkedIn) => filter({ checkedIn })} className="participants__chips" />
        </View>
      </View>
      <AdminList
        list={screen.list}
        rowKey={(row) => row.id}
        columns={columns}
        emptyText={filters.state || filters.unitId || filters.checkedIn ? '没有符合条件的报名' : '还没有人报名'}
        card={(row) => (
          <View className="card participant">
            <View className="participant__head">
              <Text className="participant__name">{row.memberName}</Text>
              <Text className="participant__meta">
                {row.staffNo} · {row.unitName}
              </Text>
              <View className="participant__status">{statusTag(row)}</View>
            </View>
            <Text className="participant__line">
              {row.phone || '—'} · {formatDateTime(row.signedUpAt)} 报名{row.checkedInAt ? ` · ${formatDateTime(row.checkedInAt)} 签到` : ''}
            </Text>
            {form.length > 0 && (
              <View className="participant__answers">
                {form.map((field) => (
                  <Text key={field.key} className="participant__answer">
                    <Text className="participant__question">{field.label}：</Text>
                    {answerText(row.answers[field.key])}
                  </Text>
                ))}
              </View>
            )}
            {row.reason && <Text className="participant__reason">原因：{row.reason}</Text>}
            <Actions row={row} actions={actions} />
          </View>
        )}
      />

      <Popup visible={screen.venueCode !== undefined} position="center" round closeable onClose={screen.hideVenueCode} className="venue-code">
        {screen.venueCode && draft && (
          <View className="venue-code__body">
            <Text className="venue-code__title">{draft.settings.title}</Text>
            <Text className="venue-code__subtitle">现场签到码 · 请用微信扫码签到</Text>
            <Image className="venue-code__image" src={screen.venueCode.image} mode="aspectFit" showMenuByLongpress />
            <Text className="venue-code__scene">签到码编号 {screen.venueCode.scene}</Text>
            {process.env.TARO_ENV === 'h5' ? (
              <Button
                type="primary"
                className="venue-code__save"
                onClick={() => void openDownload({ url: screen.venueCode!.image, fileName: `签到码-${draft.settings.title}.png` })}
              >
                保存图片
              </Button>
            ) : (
              <Text className="venue-code__tip">长按图片保存或转发，打印后张贴在签到处</Text>
            )}
          </View>
        )}
      </Popup>
      <ReasonDialog request={asking} onClose={() => setAsking(undefined)} />
    </Screen>
  )
}

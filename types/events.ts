/**
 * Events and sign-ups (活动报名): the contract of the `events` function. An event is organized by the union office
 * (for everyone) or by a unit admin (for their own unit); members sign up with the event's form, and the seats,
 * per-unit quotas and the waitlist stay correct under a rush (cloudfunctions/events/seats.ts).
 */
import * as v from 'valibot'
import { IdSchema, PageSchema, TextSchema, TimeSchema, type Page } from './common'
import { MEMBER_GROUPS, type MemberGroup } from './members'

export const EVENT_KINDS = ['competition', 'sportsMeeting', 'culture', 'lecture', 'mixer', 'ceremony', 'volunteering', 'other'] as const
export type EventKind = (typeof EVENT_KINDS)[number]

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  competition: '比赛',
  sportsMeeting: '运动会',
  culture: '文化活动',
  lecture: '讲座培训',
  mixer: '联谊',
  ceremony: '仪式',
  volunteering: '志愿服务',
  other: '其他',
}

/** What each kind holds, for the form's hints (the seeds' year). */
export const EVENT_KIND_EXAMPLES: Record<EventKind, string> = {
  competition: '乒乓球、羽毛球、气排球、网球、足球、拔河',
  sportsMeeting: '教职工健身运动会',
  culture: '书画摄影展、文艺晚会、短视频比赛',
  lecture: '急救、厨艺、花艺、亲子教育',
  mixer: '青年教职工联谊',
  ceremony: '荣休仪式',
  volunteering: '志愿服务队',
  other: '其他活动',
}

export const EVENT_TITLE_MAX = 60
export const EVENT_DESCRIPTION_MAX = 10_000
export const EVENT_PLACE_MAX = 60
/** The most places an event can have: more than any campus has members. */
export const CAPACITY_MAX = 10_000
export const FORM_FIELDS_MAX = 20
export const FORM_OPTIONS_MAX = 20
export const TEXT_ANSWER_MAX = 500
export const REASON_MAX = 200
export const OFFER_HOURS_MAX = 72
/** How far around the start a venue check-in may open or stay open. */
export const CHECK_IN_WINDOW_MAX_MINUTES = 24 * 60
/** The largest cover image (封面图); the app sends phone photos compressed, well under it. */
export const COVER_MAX_BYTES = 2 * 1024 * 1024
/** The longest file id a cover may have (a CloudBase fileID is about 100 characters). */
const COVER_ID_MAX = 300

/** Who an event is for, beyond the organizer's own reach; every condition set must hold. */
export interface Eligibility {
  /** 在职 / 退休; absent: both. */
  statuses?: ('active' | 'retired')[]
  gender?: 'male' | 'female'
  /** Age on the event's day (Shanghai), in completed years, inclusive. */
  minAge?: number
  maxAge?: number
  /** Only members of these units. */
  unitIds?: string[]
  /** 青年教职工 / 女教职工: the member must be in every group listed. */
  groups?: MemberGroup[]
  /** Only delegates (教代会代表) of this congress session. */
  delegatesOf?: string
  /** Only members whose dues are paid. */
  duesPaid?: boolean
}

export const FORM_FIELD_TYPES = ['text', 'number', 'choice', 'multiChoice', 'date', 'phone'] as const
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number]

export const FORM_FIELD_TYPE_LABELS: Record<FormFieldType, string> = {
  text: '文字',
  number: '数字',
  choice: '单选',
  multiChoice: '多选',
  date: '日期',
  phone: '手机号',
}

/** One question of an event's sign-up form. A phone question is prefilled with the member's own number. */
export interface FormField {
  /** Stable within the event: answers are keyed by it. */
  key: string
  label: string
  type: FormFieldType
  required: boolean
  /** text: the most characters (default TEXT_ANSWER_MAX). */
  maxLength?: number
  /** number: the range, inclusive. */
  min?: number
  max?: number
  /** choice / multiChoice: what can be picked. */
  options?: string[]
}

/** An answer: text, date ('YYYY-MM-DD') and phone are strings, a number a number, a multiple choice a list. */
export type FormAnswer = string | number | string[]
export type FormAnswers = Record<string, FormAnswer>

/** Until when a member may cancel a confirmed sign-up themself. */
export type CancelPolicy = { kind: 'until'; until: string } | { kind: 'never' } | { kind: 'approval' }

export const CANCEL_POLICY_LABELS: Record<CancelPolicy['kind'], string> = {
  until: '截止时间前可自行取消',
  never: '报名后不可取消',
  approval: '取消须经组织者同意',
}

/** Off; a freed place goes at once to the first waiting; or it is offered, to accept within `acceptHours`. */
export type WaitlistPolicy = { kind: 'off' } | { kind: 'auto' } | { kind: 'offer'; acceptHours: number }

export const WAITLIST_LABELS: Record<WaitlistPolicy['kind'], string> = {
  off: '不候补',
  auto: '候补自动递补',
  offer: '候补递补须确认',
}

/** A code scanned at the venue within a window around the start, or attendance marked by the organizer. */
export type CheckInPolicy = { kind: 'code'; opensMinutesBefore: number; closesMinutesAfter: number } | { kind: 'organizer' }

export type ReviewPolicy = 'auto' | 'organizer'

/** Stored states: a draft, published (sign-up not yet open / open / closed / finished follow the clock), or cancelled. */
export type EventStatus = 'draft' | 'published' | 'cancelled'

/** Where an event is, by its status and the clock. */
export type EventPhase = 'draft' | 'upcoming' | 'open' | 'closed' | 'finished' | 'cancelled'

export const EVENT_PHASE_LABELS: Record<EventPhase, string> = {
  draft: '草稿',
  upcoming: '未开始报名',
  open: '报名中',
  closed: '报名已截止',
  finished: '已结束',
  cancelled: '已取消',
}

/**
 * A sign-up's state. Held (a place is theirs): pending, confirmed, offered. Live (one per member per event): those
 * and waiting. The rest are ended; a member whose sign-up ended may sign up again.
 */
export type SignupState = 'pending' | 'confirmed' | 'waiting' | 'offered' | 'rejected' | 'cancelled' | 'removed' | 'lapsed' | 'eventCancelled'

export const HELD_STATES = ['pending', 'confirmed', 'offered'] as const satisfies readonly SignupState[]
export const LIVE_STATES = [...HELD_STATES, 'waiting'] as const satisfies readonly SignupState[]
export const ENDED_STATES = ['rejected', 'cancelled', 'removed', 'lapsed', 'eventCancelled'] as const satisfies readonly SignupState[]

export const SIGNUP_STATE_LABELS: Record<SignupState, string> = {
  pending: '待审核',
  confirmed: '已报名',
  waiting: '候补',
  offered: '递补待确认',
  rejected: '未通过',
  cancelled: '已取消',
  removed: '已移出',
  lapsed: '递补已过期',
  eventCancelled: '活动已取消',
}

/** What a member sees of their own sign-up: its state, and attendance once it counts. */
export type SignupStatus = SignupState | 'checkedIn' | 'absent'

export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  ...SIGNUP_STATE_LABELS,
  checkedIn: '已签到',
  absent: '缺席',
}

/** One unit's share of the places. */
export interface UnitQuota {
  unitId: string
  quota: number
}

/** The organizer's settings of an event, as the form sends them. Times are ISO instants. */
export interface EventSettings {
  kind: EventKind
  title: string
  /** Notice markup (types/richText.ts). */
  description: string
  place: string
  startAt: string
  endAt: string
  signupOpensAt: string
  signupClosesAt: string
  /** Null: no limit. */
  capacity: number | null
  /** Empty: no per-unit quotas. Non-empty: only the units listed get places, each at most its quota. */
  unitQuotas: UnitQuota[]
  eligibility: Eligibility
  form: FormField[]
  cancelPolicy: CancelPolicy
  review: ReviewPolicy
  waitlist: WaitlistPolicy
  checkIn: CheckInPolicy
  /** The cover image (封面图): a file of the file store (JPEG, PNG or WebP, at most COVER_MAX_BYTES); absent: none. */
  coverFileId?: string
}

const int = (label: string, min: number, max: number) =>
  v.pipe(v.number(`${label}须为数字`), v.integer(`${label}须为整数`), v.minValue(min, `${label}不能小于 ${min}`), v.maxValue(max, `${label}不能大于 ${max}`))

const EligibilitySchema = v.strictObject({
  statuses: v.optional(v.pipe(v.array(v.picklist(['active', 'retired'], '人员状态不正确'), '人员状态须为列表'), v.minLength(1, '请至少选择一种人员状态'))),
  gender: v.optional(v.picklist(['male', 'female'], '性别不正确')),
  minAge: v.optional(int('最小年龄', 16, 100)),
  maxAge: v.optional(int('最大年龄', 16, 100)),
  unitIds: v.optional(v.pipe(v.array(IdSchema, '分工会须为列表'), v.minLength(1, '请至少选择一个分工会'), v.maxLength(100, '最多选择 100 个分工会'))),
  groups: v.optional(v.pipe(v.array(v.picklist(MEMBER_GROUPS, '人群不正确'), '人群须为列表'), v.maxLength(2, '人群最多两项'))),
  delegatesOf: v.optional(IdSchema),
  duesPaid: v.optional(v.literal(true, '会费条件只能为“须已缴纳”')),
})

const FormFieldSchema = v.strictObject({
  key: v.pipe(v.string('题目标识须为文字'), v.regex(/^[a-z][a-z0-9]{0,15}$/, '题目标识格式不正确')),
  label: TextSchema('题目', 20),
  type: v.picklist(FORM_FIELD_TYPES, '题目类型不正确'),
  required: v.boolean('必填须为是或否'),
  maxLength: v.optional(int('字数上限', 1, TEXT_ANSWER_MAX)),
  min: v.optional(v.pipe(v.number('最小值须为数字'), v.finite('最小值须为数字'))),
  max: v.optional(v.pipe(v.number('最大值须为数字'), v.finite('最大值须为数字'))),
  options: v.optional(
    v.pipe(
      v.array(TextSchema('选项', 20), '选项须为列表'),
      v.minLength(2, '请至少填写两个选项'),
      v.maxLength(FORM_OPTIONS_MAX, `选项不能超过 ${FORM_OPTIONS_MAX} 个`),
    ),
  ),
})

const CancelPolicySchema = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('until'), until: TimeSchema('取消截止时间') }),
    v.strictObject({ kind: v.literal('never') }),
    v.strictObject({ kind: v.literal('approval') }),
  ],
  '请选择取消规则',
)

const WaitlistSchema = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('off') }),
    v.strictObject({ kind: v.literal('auto') }),
    v.strictObject({ kind: v.literal('offer'), acceptHours: int('确认时限', 1, OFFER_HOURS_MAX) }),
  ],
  '请选择候补方式',
)

const CheckInSchema = v.variant(
  'kind',
  [
    v.strictObject({
      kind: v.literal('code'),
      opensMinutesBefore: int('签到提前开放分钟数', 0, CHECK_IN_WINDOW_MAX_MINUTES),
      closesMinutesAfter: int('签到截止分钟数', 0, CHECK_IN_WINDOW_MAX_MINUTES),
    }),
    v.strictObject({ kind: v.literal('organizer') }),
  ],
  '请选择签到方式',
)

export const EventSettingsSchema = v.strictObject({
  kind: v.picklist(EVENT_KINDS, '请选择活动类型'),
  title: TextSchema('活动名称', EVENT_TITLE_MAX),
  description: v.pipe(v.string('活动介绍须为文字'), v.trim(), v.maxLength(EVENT_DESCRIPTION_MAX, `活动介绍不能超过 ${EVENT_DESCRIPTION_MAX} 个字`)),
  place: TextSchema('活动地点', EVENT_PLACE_MAX),
  startAt: TimeSchema('开始时间'),
  endAt: TimeSchema('结束时间'),
  signupOpensAt: TimeSchema('报名开始时间'),
  signupClosesAt: TimeSchema('报名截止时间'),
  capacity: v.nullable(int('名额', 1, CAPACITY_MAX)),
  unitQuotas: v.pipe(
    v.array(v.strictObject({ unitId: IdSchema, quota: int('分工会名额', 1, CAPACITY_MAX) }), '分工会名额须为列表'),
    v.maxLength(100, '分工会名额最多 100 项'),
  ),
  eligibility: EligibilitySchema,
  form: v.pipe(v.array(FormFieldSchema, '报名表须为列表'), v.maxLength(FORM_FIELDS_MAX, `报名表最多 ${FORM_FIELDS_MAX} 题`)),
  cancelPolicy: CancelPolicySchema,
  review: v.picklist(['auto', 'organizer'], '请选择审核方式'),
  waitlist: WaitlistSchema,
  checkIn: CheckInSchema,
  coverFileId: v.optional(v.pipe(v.string('封面图须为文字'), v.minLength(1, '封面图不正确，请重新选择图片'), v.maxLength(COVER_ID_MAX, '封面图不正确，请重新选择图片'))),
})

/** A new event: a union-wide one, or (with `unitId`) one of that unit, which its unit admin may organize. */
export const EventCreateSchema = v.strictObject({ unitId: v.optional(IdSchema), settings: EventSettingsSchema })
export const EventUpdateSchema = v.strictObject({ eventId: IdSchema, settings: EventSettingsSchema })
export const EventIdSchema = v.strictObject({ eventId: IdSchema })
export const EventCancelSchema = v.strictObject({ eventId: IdSchema, reason: TextSchema('取消原因', REASON_MAX) })

export const EVENT_LIST_TABS = ['open', 'upcoming', 'finished'] as const
export type EventListTab = (typeof EVENT_LIST_TABS)[number]
export const EVENT_LIST_TAB_LABELS: Record<EventListTab, string> = { open: '报名中', upcoming: '即将开始', finished: '已结束' }

export const EventListSchema = v.optional(
  v.strictObject({ tab: v.optional(v.picklist(EVENT_LIST_TABS, '列表不正确'), 'open'), kind: v.optional(v.picklist(EVENT_KINDS, '活动类型不正确')), ...PageSchema }),
  {},
)

const AnswerSchema = v.union(
  [
    v.pipe(v.string('回答须为文字'), v.maxLength(TEXT_ANSWER_MAX, `回答不能超过 ${TEXT_ANSWER_MAX} 个字`)),
    v.pipe(v.number('回答须为数字'), v.finite('回答须为数字')),
    v.pipe(v.array(v.pipe(v.string('选项须为文字'), v.maxLength(40, '选项不正确')), '回答须为列表'), v.maxLength(FORM_OPTIONS_MAX, '选项过多')),
  ],
  '回答格式不正确',
)

export const SignUpSchema = v.strictObject({
  eventId: IdSchema,
  answers: v.pipe(
    v.record(v.pipe(v.string(), v.regex(/^[a-z][a-z0-9]{0,15}$/, '题目标识格式不正确')), AnswerSchema, '报名表须为对象'),
    v.check((answers) => Object.keys(answers).length <= FORM_FIELDS_MAX, '回答过多'),
  ),
})

export const MySignupsSchema = v.optional(v.strictObject({ ...PageSchema }), {})

export const SignupIdSchema = v.strictObject({ signupId: IdSchema })
export const CheckInSchemaInput = v.strictObject({
  scene: v.pipe(v.string('签到码须为文字'), v.maxLength(32, '签到码无效，请扫描活动现场的签到码')),
})

export const ParticipantsSchema = v.strictObject({
  eventId: IdSchema,
  state: v.optional(v.picklist(['pending', 'confirmed', 'waiting', 'offered', 'rejected', 'cancelled', 'removed', 'lapsed', 'eventCancelled'], '状态不正确')),
  unitId: v.optional(IdSchema),
  checkedIn: v.optional(v.boolean('签到筛选须为是或否')),
  ...PageSchema,
})

export const DecideSchema = v.strictObject({
  signupId: IdSchema,
  approve: v.boolean('审核结果须为是或否'),
  reason: v.optional(TextSchema('原因', REASON_MAX)),
})

export const RemoveSchema = v.strictObject({ signupId: IdSchema, reason: TextSchema('移出原因', REASON_MAX) })
export const AttendanceSchema = v.strictObject({ signupId: IdSchema, present: v.boolean('出勤须为是或否') })

export const AdminEventListSchema = v.optional(
  v.strictObject({ phase: v.optional(v.picklist(['draft', 'upcoming', 'open', 'closed', 'finished', 'cancelled'], '状态不正确')), ...PageSchema }),
  {},
)

export const CalendarSchema = v.optional(v.strictObject({ year: v.optional(int('年份', 2000, 2100)) }), {})

export const CalendarEntryInputSchema = v.strictObject({
  date: v.pipe(v.string('日期须为文字'), v.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-05-20')),
  title: TextSchema('事项', 40),
  note: v.optional(v.pipe(v.string('说明须为文字'), v.trim(), v.maxLength(200, '说明不能超过 200 个字'))),
})
export const CalendarEntryCreateSchema = CalendarEntryInputSchema
export const CalendarEntryIdSchema = v.strictObject({ entryId: IdSchema })

/** An event in a member's list. */
export interface EventSummary {
  id: string
  kind: EventKind
  title: string
  place: string
  startAt: string
  endAt: string
  phase: EventPhase
  /** The organizer in words: 校工会, or the unit's name. */
  organizer: string
  capacity: number | null
  /** Places not held by anyone, fresh; null without a limit. */
  placesLeft: number | null
  /** The caller's own sign-up status, if any is live or ended recently. */
  myStatus?: SignupStatus
  /** A link to the cover image that works for a few minutes; absent without a cover. Covers are public to members. */
  coverUrl?: string
}

/** Whether the caller may sign up now, and if not, why in plain words. */
export type SignupVerdict =
  | { can: true; outcome: 'confirm' | 'review' | 'waitlist'; message: string }
  | { can: false; message: string }

export interface MySignupView {
  id: string
  eventId: string
  eventTitle: string
  startAt: string
  place: string
  state: SignupState
  status: SignupStatus
  statusLabel: string
  /** 候补第 N 位. */
  waitlistPosition?: number
  offerExpiresAt?: string
  reason?: string
  answers: FormAnswers
  cancelRequested: boolean
  /** What the member can do now. */
  canCancel: boolean
  cancelNeedsApproval: boolean
  canAccept: boolean
  signedUpAt: string
}

export interface EventDetail extends EventSummary {
  description: string
  signupOpensAt: string
  signupClosesAt: string
  eligibilityText: string[]
  form: FormField[]
  cancelPolicy: CancelPolicy
  review: ReviewPolicy
  waitlist: WaitlistPolicy
  checkIn: CheckInPolicy
  /** People waiting. */
  waitingCount: number
  verdict: SignupVerdict
  mySignup?: MySignupView
  /** The caller's profile values the form can start from: a phone question gets their number. */
  prefill: FormAnswers
}

/** What signing up (or any change to one's sign-up) answers. */
export interface SignupResult {
  signupId: string
  state: SignupState
  /** 报名成功 / 候补第 N 位 / 待审核 … */
  message: string
  waitlistPosition?: number
}

export interface AdminEventRow {
  id: string
  kind: EventKind
  title: string
  organizer: string
  startAt: string
  phase: EventPhase
  capacity: number | null
  held: number
  waiting: number
  pending: number
}

/** Everything the organizer's form and its page need. */
export interface EventDraft {
  id: string
  unitId?: string
  organizer: string
  phase: EventPhase
  settings: EventSettings
  /** Held sign-ups: a capacity cannot go below it. */
  held: number
  /** Once anyone has signed up, the form and eligibility are fixed (so every answer means the same). */
  locked: boolean
  checkInScene?: string
  /** A link to the cover image for the form's preview (as EventSummary's). */
  coverUrl?: string
}

export interface ParticipantRow {
  id: string
  memberName: string
  staffNo: string
  unitId: string
  unitName: string
  phone: string
  state: SignupState
  status: SignupStatus
  statusLabel: string
  waitlistPosition?: number
  answers: FormAnswers
  signedUpAt: string
  checkedInAt?: string
  cancelRequested: boolean
  reason?: string
}

export interface UnitCount {
  unitId: string
  unitName: string
  held: number
  /** Absent without quotas. */
  quota?: number
}

export interface Participants extends Page<ParticipantRow> {
  counts: Partial<Record<SignupState, number>>
  checkedIn: number
  byUnit: UnitCount[]
}

export interface CheckInResult {
  eventId: string
  eventTitle: string
  /** True when this scan checked them in; false when they had already. */
  checkedIn: boolean
  message: string
}

export interface VenueCode {
  scene: string
  /** WeChat: the mini-program code image; locally a QR code of the check-in link. A data URL. */
  image: string
  /** What the code opens (locally: a link to the browser build's check-in page). */
  page: string
}

export interface CalendarItem {
  id: string
  /** 'event': a published event (opens its page); 'entry': a line of the union's 行事历. */
  type: 'event' | 'entry'
  date: string
  title: string
  note?: string
  eventId?: string
  phase?: EventPhase
}

export interface CalendarMonth {
  month: number
  items: CalendarItem[]
}

export interface CalendarView {
  year: number
  months: CalendarMonth[]
}

export interface HomeEvents {
  /** The caller's coming events (held sign-ups), soonest first. */
  mine: MySignupView[]
  /** How many events are open for sign-up now. */
  openCount: number
}

/** The contract of the `events` function. */
export interface EventsApi {
  list: { request: v.InferInput<typeof EventListSchema>; response: Page<EventSummary> }
  detail: { request: v.InferInput<typeof EventIdSchema>; response: EventDetail }
  home: { request: void; response: HomeEvents }
  signUp: { request: v.InferInput<typeof SignUpSchema>; response: SignupResult }
  mySignups: { request: v.InferInput<typeof MySignupsSchema>; response: Page<MySignupView> }
  cancelSignup: { request: v.InferInput<typeof SignupIdSchema>; response: SignupResult }
  acceptOffer: { request: v.InferInput<typeof SignupIdSchema>; response: SignupResult }
  checkIn: { request: v.InferInput<typeof CheckInSchemaInput>; response: CheckInResult }
  calendar: { request: v.InferInput<typeof CalendarSchema>; response: CalendarView }
  /** Organizers: the union office, or a unit admin for their unit's events. */
  adminList: { request: v.InferInput<typeof AdminEventListSchema>; response: Page<AdminEventRow> }
  adminGet: { request: v.InferInput<typeof EventIdSchema>; response: EventDraft }
  create: { request: v.InferInput<typeof EventCreateSchema>; response: { id: string } }
  update: { request: v.InferInput<typeof EventUpdateSchema>; response: EventDraft }
  /** A draft copied from an event (last year's), dates moved a year on. */
  copy: { request: v.InferInput<typeof EventIdSchema>; response: { id: string } }
  publish: { request: v.InferInput<typeof EventIdSchema>; response: EventDraft }
  closeSignup: { request: v.InferInput<typeof EventIdSchema>; response: EventDraft }
  cancel: { request: v.InferInput<typeof EventCancelSchema>; response: EventDraft }
  /** A draft that was never published, gone (a published event is cancelled instead). */
  deleteDraft: { request: v.InferInput<typeof EventIdSchema>; response: { id: string } }
  participants: { request: v.InferInput<typeof ParticipantsSchema>; response: Participants }
  decide: { request: v.InferInput<typeof DecideSchema>; response: ParticipantRow }
  decideCancel: { request: v.InferInput<typeof DecideSchema>; response: ParticipantRow }
  remove: { request: v.InferInput<typeof RemoveSchema>; response: ParticipantRow }
  markAttendance: { request: v.InferInput<typeof AttendanceSchema>; response: ParticipantRow }
  venueCode: { request: v.InferInput<typeof EventIdSchema>; response: VenueCode }
  /** Union office: the 行事历's own lines. */
  addCalendarEntry: { request: v.InferInput<typeof CalendarEntryCreateSchema>; response: CalendarItem }
  removeCalendarEntry: { request: v.InferInput<typeof CalendarEntryIdSchema>; response: { removed: boolean } }
}

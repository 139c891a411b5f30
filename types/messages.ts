/**
 * Messages (消息): what the union tells a member. Each goes to their inbox, and, when they hold a consent for the
 * kind's WeChat subscription template, to their WeChat as a subscription message. Every kind is one row of
 * MESSAGE_KINDS: its Chinese name, the inbox text, the page it opens, and how its data fills the template's fields.
 * Template ids are deployment settings (工会设置); a kind without one is inbox-only.
 */
import * as v from 'valibot'
import { IdSchema, PageSchema, type Page } from './common'
import { BENEFIT_KIND_LABELS, type BenefitKind } from './benefits'
import { NOTICE_CATEGORY_LABELS, type NoticeCategory } from './notices'

/** WeChat's types of template field, each with its own rules (platform-facts.md); see fitField. */
export type FieldType = 'thing' | 'name' | 'phrase' | 'character_string' | 'number' | 'letter' | 'symbol' | 'phone_number' | 'amount' | 'time' | 'date'

/** One field of a kind's template: its key in the template (thing1, time2…) and type, and the value from the data. */
export interface TemplateField<D> {
  key: string
  type: FieldType
  /** The field's Chinese name in the template, for the README and 工会设置. */
  label: string
  value(data: D): string
}

export interface MessageKindInfo<D> {
  /** What the kind is called: the inbox entry's heading, 消息订阅, 发送记录. */
  title: string
  /** When members get it, for 消息订阅. */
  description: string
  /** The inbox entry's line. */
  text(data: D): string
  /** The page it opens, without the leading slash: WeChat's `page` (parameters allowed). */
  page(data: D): string
  /** The template the union office picks in the WeChat console (订阅消息 → 公共模板库), and how data fills it. */
  template: TemplateField<D>[]
}

export interface NoticeMessageData {
  noticeId: string
  title: string
  category: NoticeCategory
  /** ISO time the notice is published. */
  publishAt: string
}

/** A reminder of a coming event (the day before at 09:00, and an hour before). */
export interface EventReminderData {
  eventId: string
  title: string
  startAt: string
  place: string
  when: 'day' | 'hour'
}

/** What changed in a member's sign-up. */
export type SignupChange = 'promoted' | 'promotedPending' | 'offered' | 'approved' | 'rejected' | 'removed' | 'cancelApproved' | 'cancelDeclined'

export const SIGNUP_CHANGE_LABELS: Record<SignupChange, string> = {
  promoted: '候补成功，已获得名额',
  promotedPending: '候补获得名额，待审核',
  offered: '有名额空出，请确认参加',
  approved: '报名审核通过',
  rejected: '报名未通过审核',
  removed: '已被移出活动名单',
  cancelApproved: '取消报名申请已同意',
  cancelDeclined: '取消报名申请未同意',
}

export interface EventSignupData {
  eventId: string
  title: string
  change: SignupChange
  startAt: string
  /** The offer's deadline, or the organizer's reason. */
  detail?: string
}

export interface EventCancelledData {
  eventId: string
  title: string
  startAt: string
  reason: string
}

/** A benefit given to a member (a birthday gift), or the one reminder to collect it before its deadline. */
export interface BenefitMessageData {
  payoutId: string
  kind: BenefitKind
  item: string
  /** How to collect it, in words: 凭领取码 8F3K2M9Q, or 到 工会活动中心 领取. */
  handout: string
  /** The last Shanghai day to collect it. */
  deadline?: string
}

/** A step of a member's 慰问 application: their unit admin passed it to the union office, or a step returned it. */
export interface BenefitApplicationData {
  applicationId: string
  kind: BenefitKind
  change: 'checked' | 'returned'
  /** Returned: who returned it (分工会, 校工会) and why. */
  by?: string
  reason?: string
}

/** A delegate invited to second a colleague's proposal. */
export interface ProposalInvitationData {
  proposalId: string
  title: string
  authorName: string
}

/**
 * What became of a proposal, told to its author (a seconder's answer, the committee's decision…), or to its lead
 * department's handlers: its reply is overdue.
 */
export type ProposalChange = 'seconded' | 'declined' | 'accepted' | 'merged' | 'converted' | 'rejected' | 'assigned' | 'replied' | 'closed' | 'overdue'

export const PROPOSAL_CHANGE_LABELS: Record<ProposalChange, string> = {
  seconded: '代表确认附议',
  declined: '代表未附议',
  accepted: '提案已立案',
  merged: '提案已并案办理',
  converted: '提案转为意见建议',
  rejected: '提案不予立案',
  assigned: '已交办承办部门',
  replied: '承办部门已答复，请评价',
  closed: '已办结',
  overdue: '已超过答复期限',
}

/** The template's 进度 (a phrase: at most 5 characters). */
const PROPOSAL_CHANGE_PHRASES: Record<ProposalChange, string> = {
  seconded: '已附议',
  declined: '未附议',
  accepted: '已立案',
  merged: '已并案',
  converted: '转为建议',
  rejected: '不予立案',
  assigned: '已交办',
  replied: '已答复',
  closed: '已办结',
  overdue: '已超期',
}

export interface ProposalProgressData {
  proposalId: string
  title: string
  change: ProposalChange
  /** Who seconded or declined; the number given; the reason. */
  detail?: string
}

/** Every kind of message, with its data's type. Modules add theirs here. */
export interface MessageData {
  notice: NoticeMessageData
  eventReminder: EventReminderData
  eventSignup: EventSignupData
  eventCancelled: EventCancelledData
  benefitIssued: BenefitMessageData
  benefitReminder: BenefitMessageData
  benefitApplication: BenefitApplicationData
  proposalInvitation: ProposalInvitationData
  proposalProgress: ProposalProgressData
}

const benefitHeading = (data: BenefitMessageData) => (data.kind === 'birthday' ? `生日快乐！您的${data.item}已发放` : `${BENEFIT_KIND_LABELS[data.kind]}：您的${data.item}已发放`)
const benefitDeadline = (data: BenefitMessageData) => (data.deadline ? `，请于 ${data.deadline} 前领取` : '')

export type MessageKind = keyof MessageData

export const MESSAGE_KINDS: { [K in MessageKind]: MessageKindInfo<MessageData[K]> } = {
  notice: {
    title: '通知公告',
    description: '校工会发布与您有关的通知公告时',
    text: (data) => `${NOTICE_CATEGORY_LABELS[data.category]}：${data.title}`,
    page: (data) => `pages/notices/detail/index?id=${data.noticeId}`,
    template: [
      { key: 'thing1', type: 'thing', label: '通知标题', value: (data) => data.title },
      { key: 'phrase2', type: 'phrase', label: '通知类型', value: (data) => NOTICE_CATEGORY_LABELS[data.category] },
      { key: 'time3', type: 'time', label: '发布时间', value: (data) => data.publishAt },
      { key: 'thing4', type: 'thing', label: '发布单位', value: () => '校工会' },
    ],
  },
  eventReminder: {
    title: '活动提醒',
    description: '您报名的活动前一天和开始前一小时',
    text: (data) => `${data.when === 'day' ? '明天' : '一小时后'}：${data.title}（${data.place}）`,
    page: (data) => `events/detail/index?id=${data.eventId}`,
    template: [
      { key: 'thing1', type: 'thing', label: '活动名称', value: (data) => data.title },
      { key: 'time2', type: 'time', label: '活动时间', value: (data) => data.startAt },
      { key: 'thing3', type: 'thing', label: '活动地点', value: (data) => data.place },
    ],
  },
  eventSignup: {
    title: '报名结果',
    description: '候补获得名额、审核结果、被移出等报名变化时',
    text: (data) => `${SIGNUP_CHANGE_LABELS[data.change]}：${data.title}${data.detail ? `（${data.change === 'offered' ? `请于 ${data.detail} 前确认` : data.detail}）` : ''}`,
    page: () => 'events/mine/index',
    template: [
      { key: 'thing1', type: 'thing', label: '活动名称', value: (data) => data.title },
      { key: 'phrase2', type: 'phrase', label: '报名状态', value: (data) => SIGNUP_CHANGE_PHRASES[data.change] },
      { key: 'time3', type: 'time', label: '活动时间', value: (data) => data.startAt },
      { key: 'thing4', type: 'thing', label: '备注', value: (data) => data.detail ?? SIGNUP_CHANGE_LABELS[data.change] },
    ],
  },
  eventCancelled: {
    title: '活动取消',
    description: '您报名的活动取消时',
    text: (data) => `活动已取消：${data.title}（${data.reason}）`,
    page: (data) => `events/detail/index?id=${data.eventId}`,
    template: [
      { key: 'thing1', type: 'thing', label: '活动名称', value: (data) => data.title },
      { key: 'time2', type: 'time', label: '原定时间', value: (data) => data.startAt },
      { key: 'thing3', type: 'thing', label: '取消原因', value: (data) => data.reason },
    ],
  },
  benefitIssued: {
    title: '福利发放',
    description: '生日慰问等福利发放给您时',
    text: (data) => `${benefitHeading(data)}（${data.handout}${benefitDeadline(data)}）`,
    page: () => 'benefits/mine/index',
    template: [
      { key: 'thing1', type: 'thing', label: '福利名称', value: (data) => data.item },
      { key: 'thing2', type: 'thing', label: '领取方式', value: (data) => data.handout },
      { key: 'thing3', type: 'thing', label: '温馨提示', value: (data) => (data.kind === 'birthday' ? '生日快乐！' : BENEFIT_KIND_LABELS[data.kind]) },
    ],
  },
  benefitReminder: {
    title: '福利领取提醒',
    description: '您的福利临近领取期限仍未领取时（只提醒一次）',
    text: (data) => `您的${data.item}还未领取${benefitDeadline(data)}（${data.handout}）`,
    page: () => 'benefits/mine/index',
    template: [
      { key: 'thing1', type: 'thing', label: '福利名称', value: (data) => data.item },
      { key: 'thing2', type: 'thing', label: '领取方式', value: (data) => data.handout },
      { key: 'thing3', type: 'thing', label: '领取期限', value: (data) => (data.deadline ? `${data.deadline} 前` : '请尽快领取') },
    ],
  },
  benefitApplication: {
    title: '慰问申请进度',
    description: '您的慰问申请通过分工会审核或被退回时（批准后以「福利发放」告知）',
    text: (data) =>
      data.change === 'checked'
        ? `${BENEFIT_KIND_LABELS[data.kind]}申请已通过分工会审核，等待校工会审批`
        : `${BENEFIT_KIND_LABELS[data.kind]}申请被${data.by}退回：${data.reason}`,
    page: () => 'benefits/applications/index',
    template: [
      { key: 'thing1', type: 'thing', label: '申请事项', value: (data) => BENEFIT_KIND_LABELS[data.kind] },
      { key: 'phrase2', type: 'phrase', label: '审核结果', value: (data) => (data.change === 'checked' ? '待审批' : '已退回') },
      { key: 'thing3', type: 'thing', label: '备注', value: (data) => (data.change === 'checked' ? '已通过分工会审核' : `${data.by}：${data.reason}`) },
    ],
  },
  proposalInvitation: {
    title: '提案附议邀请',
    description: '有代表邀请您附议其提案时',
    text: (data) => `${data.authorName}邀请您附议提案「${data.title}」，请阅读后确认是否附议`,
    page: (data) => `proposals/detail/index?id=${data.proposalId}`,
    template: [
      { key: 'thing1', type: 'thing', label: '提案标题', value: (data) => data.title },
      { key: 'name2', type: 'name', label: '提案人', value: (data) => data.authorName },
      { key: 'thing3', type: 'thing', label: '温馨提示', value: () => '请阅读提案后确认是否附议' },
    ],
  },
  proposalProgress: {
    title: '提案进度',
    description: '您的提案有代表附议、有审查结果、交办、答复或办结时；您承办的提案超过答复期限时',
    text: (data) => `「${data.title}」${PROPOSAL_CHANGE_LABELS[data.change]}${data.detail ? `：${data.detail}` : ''}`,
    page: (data) => `proposals/detail/index?id=${data.proposalId}`,
    template: [
      { key: 'thing1', type: 'thing', label: '提案标题', value: (data) => data.title },
      { key: 'phrase2', type: 'phrase', label: '进度', value: (data) => PROPOSAL_CHANGE_PHRASES[data.change] },
      { key: 'thing3', type: 'thing', label: '说明', value: (data) => data.detail ?? PROPOSAL_CHANGE_LABELS[data.change] },
    ],
  },
}

/** The template's 报名状态 (a phrase: at most 5 characters). */
const SIGNUP_CHANGE_PHRASES: Record<SignupChange, string> = {
  promoted: '候补成功',
  promotedPending: '待审核',
  offered: '待确认',
  approved: '审核通过',
  rejected: '未通过',
  removed: '已移出',
  cancelApproved: '已取消',
  cancelDeclined: '未同意',
}

export const MESSAGE_KIND_LIST = Object.keys(MESSAGE_KINDS) as MessageKind[]

/** One inbox entry as the member sees it. */
export interface InboxEntry {
  id: string
  kind: MessageKind
  title: string
  text: string
  /** The page to open, with its leading slash. */
  page: string
  /** When it arrived (ISO). */
  at: string
  read: boolean
}

export const InboxSchema = v.optional(v.strictObject({ ...PageSchema }), {})
export const MessageIdSchema = v.strictObject({ id: IdSchema })

/** What WeChat's consent panel answered for one template. */
export type ConsentChoice = 'accept' | 'reject' | 'ban' | 'filter'

/** A template id as the WeChat console shows it (43 characters, in practice). */
export const TEMPLATE_ID = /^[A-Za-z0-9_-]{10,64}$/

const TemplateIdSchema = v.pipe(v.string('模板编号须为文字'), v.regex(TEMPLATE_ID, '模板编号格式不正确'))

/** The panel's answer, template id → choice, as `requestSubscribeMessage` gives it (up to 3 at once). */
export const ConsentSchema = v.strictObject({
  choices: v.pipe(
    v.record(TemplateIdSchema, v.picklist(['accept', 'reject', 'ban', 'filter'], '订阅结果不正确')),
    v.check((choices) => Object.keys(choices).length >= 1, '请至少订阅一种消息'),
    v.check((choices) => Object.keys(choices).length <= 3, '一次最多订阅 3 种消息'),
  ),
})

/** One kind in 消息订阅: whether WeChat reminders can be had for it, and what the member said last. */
export interface SubscriptionView {
  kind: MessageKind
  title: string
  description: string
  /** Absent: the union office has set no template, so this kind reaches the inbox only. */
  templateId?: string
  /** Reminders the member has allowed and not used yet (each 允许 in WeChat's panel allows one). */
  remaining: number
  /** Their last answer in the panel. */
  lastChoice?: ConsentChoice
}

/** Where a subscription message is: none (inbox only), waiting, sent, or why not. */
export type PushState = 'none' | 'queued' | 'sending' | 'sent' | 'noConsent' | 'failed' | 'cancelled'

export const PUSH_STATE_LABELS: Record<PushState, string> = {
  none: '仅站内',
  queued: '待发送',
  sending: '发送中',
  sent: '已发送',
  noConsent: '未订阅或已用完',
  failed: '发送失败',
  cancelled: '已取消',
}

export const SendsSchema = v.optional(
  v.strictObject({
    state: v.optional(v.picklist(['queued', 'sending', 'sent', 'noConsent', 'failed', 'cancelled'], '发送状态不正确')),
    ...PageSchema,
  }),
  {},
)

/** One subscription message in 发送记录 (union office). */
export interface SendRecord {
  id: string
  kind: MessageKind
  kindTitle: string
  recipientName: string
  text: string
  state: PushState
  attempts: number
  /** When it is (or was) due. */
  sendAt: string
  sentAt?: string
  error?: string
}

/** The contract of the `messages` function. */
export interface MessagesApi {
  inbox: { request: v.InferInput<typeof InboxSchema>; response: Page<InboxEntry> }
  unreadCount: { request: void; response: { unread: number } }
  read: { request: v.InferInput<typeof MessageIdSchema>; response: { read: boolean } }
  readAll: { request: void; response: { read: number } }
  subscriptions: { request: void; response: SubscriptionView[] }
  recordConsent: { request: v.InferInput<typeof ConsentSchema>; response: SubscriptionView[] }
  /** Union office: every subscription message and where it is. */
  sends: { request: v.InferInput<typeof SendsSchema>; response: Page<SendRecord> & { counts: Partial<Record<PushState, number>> } }
}

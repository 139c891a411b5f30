/**
 * Congress proposals (教代会提案) and suggestions (合理化建议): the vocabulary both sides share. How a proposal moves
 * (domain.md): a delegate drafts it, invites seconders (附议) and submits it once enough have confirmed; the proposal
 * committee accepts it (立案, numbered), merges it into another (并案), converts it to a suggestion or rejects it; an
 * accepted one is assigned to a lead department (主办) and assisting ones (协办), which reply; the author rates the
 * reply, an unsatisfied rating sends it back to be handled again, and the committee closes it (办结). A suggestion
 * (anyone's, at any time, or a converted proposal) is answered by the union office or forwarded to a department.
 */
import * as v from 'valibot'
import { DaySchema, ImageIdsSchema } from './benefitApplications'
import { IdSchema, PageSchema, TextSchema, TimeSchema, type Page } from './common'

export const PROPOSAL_KINDS = ['proposal', 'suggestion'] as const
export type ProposalKind = (typeof PROPOSAL_KINDS)[number]

export const PROPOSAL_KIND_LABELS: Record<ProposalKind, string> = {
  proposal: '提案',
  suggestion: '意见建议',
}

export const PROPOSAL_CATEGORIES = ['teachingResearch', 'personnelPay', 'logistics', 'campus', 'welfare', 'other'] as const
export type ProposalCategory = (typeof PROPOSAL_CATEGORIES)[number]

export const PROPOSAL_CATEGORY_LABELS: Record<ProposalCategory, string> = {
  teachingResearch: '教学科研',
  personnelPay: '人事分配',
  logistics: '后勤保障',
  campus: '校园建设',
  welfare: '福利待遇',
  other: '其他',
}

export const PROPOSAL_STATES = [
  'draft',
  'seconding',
  'submitted',
  'accepted',
  'merged',
  'converted',
  'rejected',
  'assigned',
  'replied',
  'rated',
  'rehandling',
  'closed',
] as const
export type ProposalState = (typeof PROPOSAL_STATES)[number]

export const PROPOSAL_STATE_LABELS: Record<ProposalState, string> = {
  draft: '草稿',
  seconding: '征集附议中',
  submitted: '待审查',
  accepted: '已立案',
  merged: '已并案',
  converted: '已转为意见建议',
  rejected: '不予立案',
  assigned: '办理中',
  replied: '已答复',
  rated: '已评价',
  rehandling: '重新办理中',
  closed: '已办结',
}

/** The steps that move a proposal or suggestion from one state to the next (cloudfunctions/proposals/workflow.ts). */
export const PROPOSAL_STEPS = ['invite', 'recall', 'submit', 'accept', 'merge', 'convert', 'reject', 'assign', 'forward', 'answer', 'reply', 'rate', 'close'] as const
export type ProposalStep = (typeof PROPOSAL_STEPS)[number]

export const PROPOSAL_STEP_LABELS: Record<ProposalStep, string> = {
  invite: '邀请附议',
  recall: '撤回修改',
  submit: '提交',
  accept: '立案',
  merge: '并案',
  convert: '转为意见建议',
  reject: '不予立案',
  assign: '交办',
  forward: '转交部门',
  answer: '直接答复',
  reply: '答复',
  rate: '评价',
  close: '办结',
}

/** Who someone is to one proposal: what lets them take a step (worked out by the handler, never sent by the app). */
export const PROPOSAL_ACTORS = ['author', 'seconder', 'committee', 'unionOffice', 'leadDept', 'assistDept', 'member'] as const
export type ProposalActor = (typeof PROPOSAL_ACTORS)[number]

export const SATISFACTIONS = ['satisfied', 'basicallySatisfied', 'unsatisfied'] as const
export type Satisfaction = (typeof SATISFACTIONS)[number]

export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  unsatisfied: '不满意',
}

/** A department's answer to a proposal: adopted (measures, a completion date), planned, or not adopted (why). */
export const REPLY_OUTCOMES = ['adopted', 'planned', 'notAdopted'] as const
export type ReplyOutcome = (typeof REPLY_OUTCOMES)[number]

export const REPLY_OUTCOME_LABELS: Record<ReplyOutcome, string> = {
  adopted: '已采纳',
  planned: '列入计划',
  notAdopted: '暂不采纳',
}

export const PROPOSAL_TITLE_MAX = 40
export const PROPOSAL_TEXT_MAX = 2000
export const PROPOSAL_IMAGES_MAX = 6
export const PROPOSAL_IMAGE_MAX_BYTES = 5 * 1024 * 1024
export const REVIEW_REASON_MAX = 200
/** Delegates invited in one go. */
export const INVITES_MAX = 10
export const SEARCH_MAX = 20

/** Text a draft may hold while it is being written: blank allowed, never more than `max`. */
const DraftText = (label: string, max: number) => v.optional(v.pipe(v.string(`${label}须为文字`), v.trim(), v.maxLength(max, `${label}不能超过 ${max} 个字`)), '')

export const ProposalIdSchema = v.strictObject({ id: IdSchema })

/** A session by its id, or the one collecting now (else the latest). */
export const SessionSchema = v.optional(v.strictObject({ sessionId: v.optional(IdSchema) }), {})

/** The session's delegates a proposal's author may invite, found by name or staff number. */
export const DelegatesSchema = v.strictObject({
  sessionId: IdSchema,
  /** Only the caller's own 代表团 (for a joint proposal). */
  sameDelegation: v.optional(v.boolean('请选择是否只看本代表团'), false),
  q: v.optional(v.pipe(v.string('搜索内容须为文字'), v.trim(), v.maxLength(SEARCH_MAX, `搜索内容不能超过 ${SEARCH_MAX} 个字`)), ''),
})

/**
 * A draft as it is typed (saved every few seconds): a new one without `id`, then the same one by its id. Whether it
 * is a proposal or a suggestion the function decides from who writes it and when: a session's delegate while its
 * window is open files a proposal; anyone else, or anyone after the window, a suggestion.
 */
export const SaveDraftSchema = v.strictObject({
  id: v.optional(IdSchema),
  sessionId: v.optional(IdSchema),
  title: DraftText('标题', PROPOSAL_TITLE_MAX),
  category: v.optional(v.picklist(PROPOSAL_CATEGORIES, '请选择提案类别'), 'other'),
  reasons: DraftText('案由', PROPOSAL_TEXT_MAX),
  measures: DraftText('建议', PROPOSAL_TEXT_MAX),
  /** Pictures of the situation (optional), uploaded first. */
  imageFileIds: v.optional(ImageIdsSchema('图片', PROPOSAL_IMAGES_MAX), []),
  /** 代表团联名: filed with delegates of the author's 代表团 as co-authors (they are invited as its seconders are). */
  joint: v.optional(v.boolean('请选择是否联名'), false),
})

export const InviteSchema = v.strictObject({
  id: IdSchema,
  memberIds: v.pipe(
    v.array(IdSchema, '请选择附议代表'),
    v.minLength(1, '请至少选择一位附议代表'),
    v.maxLength(INVITES_MAX, `一次最多邀请 ${INVITES_MAX} 位代表`),
    v.check((ids) => new Set(ids).size === ids.length, '同一位代表选了两次'),
  ),
})

export const AnswerInvitationSchema = v.strictObject({ id: IdSchema, confirm: v.boolean('请选择是否附议') })

export const MyProposalsSchema = v.optional(v.strictObject({ ...PageSchema }), {})

export const SimilarSchema = v.strictObject({
  sessionId: IdSchema,
  title: DraftText('标题', PROPOSAL_TITLE_MAX),
  text: DraftText('内容', PROPOSAL_TEXT_MAX * 2),
  excludeId: v.optional(IdSchema),
})

export const ReviewQueueSchema = v.strictObject({
  sessionId: IdSchema,
  state: v.optional(v.picklist(PROPOSAL_STATES, '状态不正确'), 'submitted'),
  ...PageSchema,
})

/** The committee's decision on a submitted proposal. */
export const DecideSchema = v.variant(
  'step',
  [
    v.strictObject({ id: IdSchema, step: v.literal('accept') }),
    v.strictObject({ id: IdSchema, step: v.literal('merge'), mainId: IdSchema, reason: v.optional(DraftText('并案说明', REVIEW_REASON_MAX), '') }),
    v.strictObject({ id: IdSchema, step: v.literal('convert'), reason: TextSchema('转为意见建议的理由', REVIEW_REASON_MAX) }),
    v.strictObject({ id: IdSchema, step: v.literal('reject'), reason: TextSchema('不予立案的理由', REVIEW_REASON_MAX) }),
  ],
  '请选择审查结果',
)

export const HANDLING_TEXT_MAX = 2000
export const RATING_COMMENT_MAX = 200
/** Assisting departments one proposal may have. */
export const ASSISTS_MAX = 5

/**
 * Hands an accepted proposal (or a suggestion) to its lead department, and assisting ones, with the day the reply is
 * due (by default the session's reply weeks from today).
 */
export const AssignSchema = v.strictObject({
  id: IdSchema,
  leadDeptId: IdSchema,
  assistDeptIds: v.optional(
    v.pipe(
      v.array(IdSchema, '请选择协办部门'),
      v.maxLength(ASSISTS_MAX, `协办部门最多 ${ASSISTS_MAX} 个`),
      v.check((ids) => new Set(ids).size === ids.length, '同一个协办部门选了两次'),
    ),
    [],
  ),
  replyDue: v.optional(DaySchema('答复期限')),
})

/** An assisting department's input, for the lead department's reply. */
export const AssistInputSchema = v.strictObject({ id: IdSchema, deptId: IdSchema, text: TextSchema('协办意见', HANDLING_TEXT_MAX) })

/** The lead department's reply: adopted (the measures, a completion date), planned (the plan), or not adopted (why). */
export const ReplySchema = v.variant(
  'outcome',
  [
    v.strictObject({ id: IdSchema, outcome: v.literal('adopted'), text: TextSchema('答复内容', HANDLING_TEXT_MAX), completionDate: DaySchema('完成时间') }),
    v.strictObject({ id: IdSchema, outcome: v.literal('planned'), text: TextSchema('答复内容', HANDLING_TEXT_MAX) }),
    v.strictObject({ id: IdSchema, outcome: v.literal('notAdopted'), text: TextSchema('答复内容', HANDLING_TEXT_MAX) }),
  ],
  '请选择办理结果',
)

/** The union office answers a suggestion itself. */
export const AnswerSchema = v.strictObject({ id: IdSchema, text: TextSchema('答复内容', HANDLING_TEXT_MAX) })

export const RateSchema = v.strictObject({
  id: IdSchema,
  satisfaction: v.picklist(SATISFACTIONS, '请选择满意度'),
  comment: v.optional(v.pipe(v.string('评价意见须为文字'), v.trim(), v.maxLength(RATING_COMMENT_MAX, `评价意见不能超过 ${RATING_COMMENT_MAX} 个字`)), ''),
})

/** The public record (公开提案): a session's accepted proposals, by number, of one category or all. */
export const RecordSchema = v.strictObject({
  sessionId: IdSchema,
  category: v.optional(v.picklist(PROPOSAL_CATEGORIES, '请选择提案类别')),
  ...PageSchema,
})

export const WITHHOLD_REASON_MAX = 200

/** The union office takes an accepted proposal off the public record (with the reason), or puts it back. */
export const WithholdSchema = v.variant(
  'withhold',
  [
    v.strictObject({ id: IdSchema, withhold: v.literal(true), reason: TextSchema('不公开的理由', WITHHOLD_REASON_MAX) }),
    v.strictObject({ id: IdSchema, withhold: v.literal(false) }),
  ],
  '请选择是否公开',
)

export const StatisticsSchema = v.strictObject({ sessionId: IdSchema })

export const DEPT_NAME_MAX = 20

/** A handling department (承办部门) the union office adds, or renames. */
export const SaveDepartmentSchema = v.strictObject({ id: v.optional(IdSchema), deptName: TextSchema('部门名称', DEPT_NAME_MAX) })

export const SECONDERS_MAX = 10
export const REPLY_WEEKS_MAX = 26
export const SESSION_NAME_MAX = 20

/**
 * A congress session as the union office sets it up: its name (届次), the days it meets, the window for filing
 * proposals, the seconders each needs and the weeks a department has to reply. A new one without `id`.
 */
export const SaveSessionSchema = v.pipe(
  v.strictObject({
    id: v.optional(IdSchema),
    sessionName: TextSchema('届次名称', SESSION_NAME_MAX),
    meetingStart: DaySchema('会议开始日期'),
    meetingEnd: DaySchema('会议结束日期'),
    opensAt: TimeSchema('提案征集开始时间'),
    closesAt: TimeSchema('提案征集截止时间'),
    secondersNeeded: v.pipe(v.number('附议人数须为数字'), v.integer('附议人数须为整数'), v.minValue(1, '附议人数至少 1 人'), v.maxValue(SECONDERS_MAX, `附议人数最多 ${SECONDERS_MAX} 人`)),
    replyWeeks: v.pipe(v.number('答复期限须为数字'), v.integer('答复期限须为整周数'), v.minValue(1, '答复期限至少 1 周'), v.maxValue(REPLY_WEEKS_MAX, `答复期限最多 ${REPLY_WEEKS_MAX} 周`)),
  }),
  v.forward(
    v.check((input) => input.meetingStart <= input.meetingEnd, '会议结束日期不能早于开始日期'),
    ['meetingEnd'],
  ),
  v.forward(
    v.check((input) => input.opensAt < input.closesAt, '提案征集截止时间须晚于开始时间'),
    ['closesAt'],
  ),
)

/** A department's proposals to handle (its lead ones and those it assists), the most urgent first. */
export const HandlingQueueSchema = v.strictObject({ deptId: IdSchema, ...PageSchema })

/** What a department is to handle, and what it has answered. */
export interface HandlingView {
  leadDeptId: string
  leadDeptName: string
  assists: { deptId: string; deptName: string; text?: string; byName?: string; at?: string }[]
  replyDue: string
  overdue: boolean
  /** Times it was sent back by an unsatisfied rating. */
  rehandled: number
}

export interface ReplyView {
  outcome?: ReplyOutcome
  outcomeLabel?: string
  text: string
  completionDate?: string
  byName: string
  deptName: string
  at: string
}

export interface RatingView {
  satisfaction: Satisfaction
  satisfactionLabel: string
  comment: string
  at: string
}

/** A session's name, the days it meets, its window for filing, and the seconders a proposal needs. */
export interface SessionDates {
  id: string
  name: string
  meetingStart?: string
  meetingEnd?: string
  opensAt?: string
  closesAt?: string
  secondersNeeded: number
  /** Its window is open now. */
  collecting: boolean
}

/** A session as a member sees it: its window, and what they are in it. */
export interface SessionView extends SessionDates {
  delegate: boolean
  /** The caller's 代表团 in it, when the imported list names one. */
  myDelegation?: string
  committee: boolean
  /** The school's handling departments, to assign to. */
  departments: { id: string; name: string }[]
}

export interface DelegateOption {
  memberId: string
  name: string
  staffNo: string
  unitName: string
  delegation?: string
}

export interface SeconderView {
  memberId: string
  name: string
  state: 'invited' | 'confirmed' | 'declined'
}

/** A proposal in a list: 我的提案, the committee's queue. */
export interface ProposalSummary {
  id: string
  kind: ProposalKind
  state: ProposalState
  stateLabel: string
  title: string
  category: ProposalCategory
  number?: string
  authorName: string
  /** A joint proposal's 代表团: its seconders sign as co-authors. */
  delegation?: string
  updatedAt: string
  submittedAt?: string
  /** Confirmed seconders of the current round, and how many the session asks for (proposals only). */
  confirmed: number
  needed: number
}

export interface ProposalDetail extends ProposalSummary {
  sessionId?: string
  sessionName?: string
  reasons: string
  measures: string
  /** Its pictures, each with a link that works for a while. */
  images: { fileId: string; url: string }[]
  authorUnitName: string
  seconders: SeconderView[]
  mainId?: string
  mainNumber?: string
  reason?: string
  history: { step: ProposalStep; stepLabel: string; stateLabel: string; at: string; byName: string; note?: string }[]
  /** What the caller is to it, and the steps they may take now. */
  mine: boolean
  steps: ProposalStep[]
  /** The caller's own invitation to second it, if any. */
  invitation?: 'invited' | 'confirmed' | 'declined'
  handling?: HandlingView
  reply?: ReplyView
  rating?: RatingView
  /** The confirmed seconders' ratings of the current reply. */
  seconderRatings: (RatingView & { memberId: string; name: string })[]
  /** Why the union office keeps it off the public record (shown to those who still see it). */
  withheldReason?: string
  /** The caller, a confirmed seconder, may rate the reply now. */
  seconderMayRate: boolean
  /** The caller, of the union office, may withhold it from the public record (or show it again). */
  mayWithhold: boolean
  /** The departments whose handler the caller is, among this proposal's. */
  myDepts: string[]
}

/** A delegate's invitation to second a proposal. */
export interface InvitationView {
  proposalId: string
  title: string
  authorName: string
  state: 'invited' | 'confirmed' | 'declined'
  proposalState: ProposalState
  proposalStateLabel: string
  invitedAt: string
}

/** A proposal of the session that looks like the one being written. */
export interface SimilarProposal {
  id: string
  title: string
  number?: string
  stateLabel: string
  authorName: string
  /** How alike, 0 to 1 (Dice coefficient of the Chinese character bigrams). */
  score: number
}

/** A session as the union office sets it up, with how many hold its roles. */
export interface SessionSettingsView extends SessionDates {
  replyWeeks: number
  delegates: number
  committee: number
  /** The imported list's 代表团, with how many delegates each. */
  delegations: { name: string; count: number }[]
}

/** A handling department, with how many handlers hold its role. */
export interface DepartmentView {
  id: string
  name: string
  handlers: number
}

/** A proposal of the public record: what it asked, who handles it, what they answered and how it was rated. */
export interface RecordRow extends ProposalSummary {
  leadDeptName?: string
  outcomeLabel?: string
  satisfactionLabel?: string
  /** Withheld from the public list (only the union office and the committee see such rows, marked). */
  withheldReason?: string
}

export interface RecordPage extends Page<RecordRow> {
  /** The sessions with a public record, newest first: to choose another. */
  sessions: { id: string; name: string }[]
}

/** Counts of what became of a session's proposals. */
export interface ProposalTotals {
  /** Submitted to the committee (whatever became of them since). */
  filed: number
  /** Still before the committee. */
  pending: number
  accepted: number
  merged: number
  converted: number
  rejected: number
}

export interface DeptStatistics {
  deptId: string
  deptName: string
  /** Proposals it leads. */
  assigned: number
  /** Replied by the due day, replied late. */
  onTime: number
  late: number
  /** Past the due day with no reply yet. */
  overdue: number
  /** The authors' ratings. */
  satisfied: number
  basicallySatisfied: number
  unsatisfied: number
}

/** One week of the session (from its Monday): what was submitted, accepted and replied to in it, and in all so far. */
export interface ProgressWeek {
  week: string
  submitted: number
  accepted: number
  replied: number
  submittedSoFar: number
  acceptedSoFar: number
  repliedSoFar: number
}

export interface ProposalStatistics {
  sessionName: string
  totals: ProposalTotals
  byCategory: { category: ProposalCategory; label: string; filed: number; accepted: number }[]
  byDept: DeptStatistics[]
  progress: ProgressWeek[]
}

/** The contract of the `proposals` function. */
export interface ProposalsApi {
  /** The session collecting now (else the latest), or the one named, and what the caller is in it. */
  session: { request: v.InferInput<typeof SessionSchema>; response: SessionView | null }
  /** A session's delegates (to invite as seconders): the author's search. */
  delegates: { request: v.InferInput<typeof DelegatesSchema>; response: DelegateOption[] }
  /** Creates or updates the caller's draft; the answer says whether it is a proposal or a suggestion. */
  saveDraft: { request: v.InferInput<typeof SaveDraftSchema>; response: ProposalDetail }
  /** Invites delegates to second it (its text then waits for them); told by message. */
  invite: { request: v.InferInput<typeof InviteSchema>; response: ProposalDetail }
  /** An invited delegate confirms or declines. */
  answerInvitation: { request: v.InferInput<typeof AnswerInvitationSchema>; response: ProposalDetail }
  /** Back to a draft to change it: confirmations so far no longer count. */
  recall: { request: v.InferInput<typeof ProposalIdSchema>; response: ProposalDetail }
  /** Submits it (a proposal: with enough confirmed seconders, in the window); its text is locked from then on. */
  submit: { request: v.InferInput<typeof ProposalIdSchema>; response: ProposalDetail }
  /** 我的提案: the caller's proposals and suggestions, newest first. */
  mine: { request: v.InferInput<typeof MyProposalsSchema>; response: Page<ProposalSummary> }
  /** The caller's invitations to second, newest first. */
  invitations: { request: v.InferInput<typeof MyProposalsSchema>; response: Page<InvitationView> }
  /** One proposal, for whoever may see it. */
  detail: { request: v.InferInput<typeof ProposalIdSchema>; response: ProposalDetail }
  /** The session's submitted proposals most like the text being written or reviewed. */
  similar: { request: v.InferInput<typeof SimilarSchema>; response: SimilarProposal[] }
  /** The committee's queue: the session's proposals in a state (submitted by default), oldest first. */
  reviewQueue: { request: v.InferInput<typeof ReviewQueueSchema>; response: Page<ProposalSummary> }
  /** Accept (numbered), merge, convert or reject a submitted proposal; the author is told. Exactly one decision lands. */
  decide: { request: v.InferInput<typeof DecideSchema>; response: ProposalDetail }
  /** The committee assigns an accepted proposal (the union office forwards a suggestion) to departments. */
  assign: { request: v.InferInput<typeof AssignSchema>; response: ProposalDetail }
  /** An assisting department gives its input. */
  assistInput: { request: v.InferInput<typeof AssistInputSchema>; response: ProposalDetail }
  /** The lead department replies, once every assisting department has given its input; the author is told. */
  reply: { request: v.InferInput<typeof ReplySchema>; response: ProposalDetail }
  /** The union office answers a suggestion itself. */
  answer: { request: v.InferInput<typeof AnswerSchema>; response: ProposalDetail }
  /** The author rates the reply (不满意 sends it back to be handled again); a confirmed seconder rates it too. */
  rate: { request: v.InferInput<typeof RateSchema>; response: ProposalDetail }
  /** The committee (the union office, for a suggestion) closes it: 办结. */
  close: { request: v.InferInput<typeof ProposalIdSchema>; response: ProposalDetail }
  /** Every session set up, newest first (anyone may read a session's dates). */
  sessions: { request: void; response: SessionSettingsView[] }
  /** The union office creates or changes a session. */
  saveSession: { request: v.InferInput<typeof SaveSessionSchema>; response: SessionSettingsView }
  /** The handling departments, with their handlers counted (the union office). */
  departments: { request: void; response: DepartmentView[] }
  /** The union office adds a handling department, or renames one. */
  saveDepartment: { request: v.InferInput<typeof SaveDepartmentSchema>; response: DepartmentView }
  /** 公开提案: a session's accepted proposals and their replies (those withheld only for the office and committee). */
  record: { request: v.InferInput<typeof RecordSchema>; response: RecordPage }
  /** The union office withholds an accepted proposal from the public record, or shows it again. */
  withhold: { request: v.InferInput<typeof WithholdSchema>; response: ProposalDetail }
  /** The committee's and the union office's figures for a session. */
  statistics: { request: v.InferInput<typeof StatisticsSchema>; response: ProposalStatistics }
  /** A department's proposals to handle. */
  handlingQueue: { request: v.InferInput<typeof HandlingQueueSchema>; response: Page<ProposalSummary & { replyDue?: string; overdue: boolean; leadDeptId?: string }> }
}

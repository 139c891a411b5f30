/**
 * Life-event 慰问 applications (婚, 育, 住院, 退休, 亡故): a member applies for themselves, or their unit admin on their
 * behalf (after a death, say), with the event's day, its details and proof images; the unit admin checks it (passes
 * it to the union office, or returns it with a reason); the union office decides (approves an amount within the
 * policy in one of its forms, which writes the payout to the ledger, or returns it with a reason). A returned
 * application can be applied for again, with what was asked for put right: it goes back to its unit admin.
 */
import * as v from 'valibot'
import { BENEFIT_FORMS, ITEM_MAX, YuanSchema, type BenefitForm, type BenefitKind } from './benefits'
import { IdSchema, PageSchema, TextSchema, type Page } from './common'

/** The kinds a member applies for; birthdays, festivals, hardship and retreats come by other ways. */
export const APPLICATION_KINDS = ['marriage', 'childbirth', 'hospitalization', 'retirement', 'bereavement', 'relativeBereavement'] as const satisfies readonly BenefitKind[]
export type ApplicationKind = (typeof APPLICATION_KINDS)[number]

/** What the event's day is, per kind. */
export const EVENT_DATE_LABELS: Record<ApplicationKind, string> = {
  marriage: '结婚登记日期',
  childbirth: '子女出生日期',
  hospitalization: '入院日期',
  retirement: '退休日期',
  bereavement: '亡故日期',
  relativeBereavement: '亲属亡故日期',
}

/** The direct relatives (直系亲属) whose death a member may apply for. */
export const RELATIONS = ['spouse', 'parent', 'child', 'spouseParent'] as const
export type Relation = (typeof RELATIONS)[number]

export const RELATION_LABELS: Record<Relation, string> = {
  spouse: '配偶',
  parent: '父母',
  child: '子女',
  spouseParent: '配偶父母',
}

/**
 * Where an application is: 待分工会审核, 待校工会审批, 已发放 (approved: its payout is in the ledger), 已退回 (by the unit
 * admin or the union office, with the reason; it may be applied for again).
 */
export const APPLICATION_STATES = ['submitted', 'checked', 'approved', 'returned'] as const
export type ApplicationState = (typeof APPLICATION_STATES)[number]

export const APPLICATION_STATE_LABELS: Record<ApplicationState, string> = {
  submitted: '待分工会审核',
  checked: '待校工会审批',
  approved: '已审批发放',
  returned: '已退回',
}

/** Which step returned an application. */
export type ApplicationStep = 'unit' | 'office'
export const APPLICATION_STEP_LABELS: Record<ApplicationStep, string> = { unit: '分工会', office: '校工会' }

/** An event is applied for within a year of it: its day no earlier than this many months before today. */
export const APPLY_WITHIN_MONTHS = 12
/** Proof images an application holds at most, and the most each may weigh. */
export const PROOFS_MAX = 6
export const PROOF_MAX_BYTES = 5 * 1024 * 1024
/** Proof images are deleted this many days after the application is decided (approved or returned). */
export const PROOFS_KEPT_DAYS = 30
export const HOSPITAL_MAX = 40
export const NOTE_MAX = 200
export const REASON_MAX = 100
/** A file id: CloudBase's `cloud://…` path, or the local host's. */
const FILE_ID_MAX = 300

/** A calendar day that exists, 'YYYY-MM-DD'. */
function isRealDay(day: string): boolean {
  const [year, month, date] = day.split('-').map(Number)
  return month >= 1 && month <= 12 && date >= 1 && date <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export const DaySchema = (label: string) =>
  v.pipe(v.string(`${label}须为文字`), v.regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 2026-05-20`), v.check(isRealDay, `${label}不是有效的日期`))

/** Uploaded pictures (their file ids), at most `max`, each once; `label` names them in the messages. */
export const ImageIdsSchema = (label: string, max: number) =>
  v.pipe(
    v.array(v.pipe(v.string(`${label}须为上传的图片`), v.minLength(1, `${label}不正确，请重新选择图片`), v.maxLength(FILE_ID_MAX, `${label}不正确，请重新选择图片`)), `${label}须为上传的图片`),
    v.maxLength(max, `${label}最多 ${max} 张图片`),
    v.check((fileIds) => new Set(fileIds).size === fileIds.length, `${label}中有重复的图片`),
  )

export const ProofsSchema = ImageIdsSchema('证明材料', PROOFS_MAX)

/** What every application gives: the event's day, a short note (optional), and its proof images (none to six). */
const eventOf = <K extends ApplicationKind>(kind: K) => ({
  kind: v.literal(kind),
  date: DaySchema(EVENT_DATE_LABELS[kind]),
  note: v.optional(v.pipe(v.string('说明须为文字'), v.trim(), v.maxLength(NOTE_MAX, `说明不能超过 ${NOTE_MAX} 个字`)), ''),
  proofFileIds: v.optional(ProofsSchema, []),
})

/** An application's content, by kind: a hospital stay names its hospital (and, once out, the day of discharge); a relative's death, the relation. */
export const ApplicationSchema = v.variant(
  'kind',
  [
    v.strictObject(eventOf('marriage')),
    v.strictObject(eventOf('childbirth')),
    v.strictObject({ ...eventOf('hospitalization'), hospital: TextSchema('医院名称', HOSPITAL_MAX), dischargedOn: v.optional(DaySchema('出院日期')) }),
    v.strictObject(eventOf('retirement')),
    v.strictObject(eventOf('bereavement')),
    v.strictObject({ ...eventOf('relativeBereavement'), relation: v.picklist(RELATIONS, '请选择亲属与会员的关系（配偶、父母、子女、配偶父母）') }),
  ],
  '请选择慰问类别（结婚、生育、住院、退休、会员亡故、直系亲属亡故）',
)
export type ApplicationInput = v.InferOutput<typeof ApplicationSchema>

/** A unit admin applies on behalf of a member of their unit. */
export const ApplyForSchema = v.strictObject({ memberId: IdSchema, application: ApplicationSchema })

export const ApplicationIdSchema = v.strictObject({ applicationId: IdSchema })

const StateSchema = v.picklist(APPLICATION_STATES, '申请状态只能是待分工会审核、待校工会审批、已审批发放或已退回')

export const MyApplicationsSchema = v.optional(v.strictObject({ ...PageSchema }), {})

/**
 * A queue: a unit admin names their unit; the union office may name one, or none for every unit. Without a state,
 * what awaits the caller: 待校工会审批 for the union office, 待分工会审核 for a unit admin.
 */
export const ApplicationQueueSchema = v.optional(v.strictObject({ unitId: v.optional(IdSchema), state: v.optional(StateSchema), ...PageSchema }), {})

const ReturnSchema = { applicationId: IdSchema, approve: v.literal(false), reason: TextSchema('退回原因', REASON_MAX) }

/** The unit admin's check: pass it to the union office, or return it with the reason. */
export const CheckApplicationSchema = v.variant(
  'approve',
  [v.strictObject({ applicationId: IdSchema, approve: v.literal(true) }), v.strictObject(ReturnSchema)],
  '请选择审核结果：通过或退回',
)

/**
 * The union office's decision: approve an amount in yuan (within the kind's cap) in one of the policy's forms, with
 * what is given (住院慰问金 by default), or return it with the reason.
 */
export const DecideApplicationSchema = v.variant(
  'approve',
  [
    v.strictObject({
      applicationId: IdSchema,
      approve: v.literal(true),
      amount: v.pipe(YuanSchema, v.minValue(1, '慰问金额须大于 0')),
      form: v.picklist(BENEFIT_FORMS, '发放形式只能是实物、提货券或慰问金'),
      item: v.optional(TextSchema('慰问品名称', ITEM_MAX)),
    }),
    v.strictObject(ReturnSchema),
  ],
  '请选择审批结果：批准或退回',
)

/** One return of an application: by which step, who, when, why. */
export interface ApplicationReturn {
  step: ApplicationStep
  stepLabel: string
  byName: string
  at: string
  reason: string
}

/** An application as its member and its admins see it (no proof links: those come with one application at a time). */
export interface ApplicationView {
  id: string
  kind: ApplicationKind
  kindLabel: string
  memberName: string
  staffNo: string
  unitName: string
  /** The event's day, and what that day is (入院日期). */
  date: string
  dateLabel: string
  hospital?: string
  dischargedOn?: string
  relation?: Relation
  relationLabel?: string
  note: string
  proofCount: number
  state: ApplicationState
  stateLabel: string
  appliedAt: string
  /** The member, or the unit admin who applied for them. */
  appliedByName: string
  checkedAt?: string
  checkedByName?: string
  /** Every return, oldest first: the last is why a returned application is so. */
  returns: ApplicationReturn[]
  /** Approved: what was given, by whose approval, and its ledger entry. */
  decidedAt?: string
  decidedByName?: string
  amountFen?: number
  form?: BenefitForm
  item?: string
  payoutId?: string
}

/** One application with links to its proof images, valid for a few minutes (a proof already deleted has none). */
export interface ApplicationDetail extends ApplicationView {
  proofUrls: string[]
}

/** The `benefits` function's application actions. */
export interface BenefitApplicationsApi {
  /** A member applies for themselves; the same event again, while an earlier application waits or was approved, is refused. */
  apply: { request: v.InferInput<typeof ApplicationSchema>; response: ApplicationView }
  /** A unit admin applies on behalf of a member of their unit (audited). */
  applyFor: { request: v.InferInput<typeof ApplyForSchema>; response: ApplicationView }
  /** 我的慰问申请: mine, newest first, with their states, the reasons given, and links to my proofs. */
  myApplications: { request: v.InferInput<typeof MyApplicationsSchema>; response: Page<ApplicationDetail> }
  /** A unit admin's unit's applications, or the union office's, by state (what awaits the caller by default). */
  applicationQueue: { request: v.InferInput<typeof ApplicationQueueSchema>; response: Page<ApplicationView> }
  /** One application with its proofs, for its unit admin and the union office (each view audited). */
  application: { request: v.InferInput<typeof ApplicationIdSchema>; response: ApplicationDetail }
  /** The unit admin's check (audited; the member is told). */
  checkApplication: { request: v.InferInput<typeof CheckApplicationSchema>; response: ApplicationView }
  /** The union office's decision (audited; the member is told). Approving writes the payout to the ledger. */
  decideApplication: { request: v.InferInput<typeof DecideApplicationSchema>; response: ApplicationView }
}

/** 住院慰问金, 荣休慰问品: what an approval gives when the union office names nothing else. */
export function defaultItem(kind: ApplicationKind, form: BenefitForm): string {
  const what = { marriage: '结婚', childbirth: '生育', hospitalization: '住院', retirement: '荣休', bereavement: '亡故', relativeBereavement: '亲属亡故' }[kind]
  return `${what}${form === 'cash' ? '慰问金' : '慰问品'}`
}

/**
 * Hardship files (困难帮扶): a unit admin reports a member's hardship (因病, 因灾, 单亲, 子女教育, 其他; a level; the
 * situation; proof images); the union office confirms it into the school's graded file (分类分级档案) or returns it
 * with a reason, records the aid given (each a payout in the ledger, under the hardship policy's cap) and the visits
 * (送温暖, 五必访), and closes the case once the hardship is over. The file is reviewed every year: a member has at
 * most one case a year.
 *
 * The most sensitive data here: only the union office and the admins of the reporting unit see a case, no member-
 * facing list ever shows one, and every look at a case, or at the list of them, is in the audit log.
 */
import * as v from 'valibot'
import { BENEFIT_FORMS, ITEM_MAX, YuanSchema, YearSchema, type BenefitForm } from './benefits'
import { DaySchema, NOTE_MAX, ProofsSchema, REASON_MAX } from './benefitApplications'
import { IdSchema, PageSchema, TextSchema, type Page } from './common'

export const HARDSHIP_CAUSES = ['illness', 'disaster', 'singleParent', 'education', 'other'] as const
export type HardshipCause = (typeof HARDSHIP_CAUSES)[number]

export const HARDSHIP_CAUSE_LABELS: Record<HardshipCause, string> = {
  illness: '因病',
  disaster: '因灾',
  singleParent: '单亲',
  education: '子女教育',
  other: '其他',
}

/** The file's grades, the hardest first. */
export const HARDSHIP_LEVELS = ['severe', 'serious', 'general'] as const
export type HardshipLevel = (typeof HARDSHIP_LEVELS)[number]

export const HARDSHIP_LEVEL_LABELS: Record<HardshipLevel, string> = {
  severe: '特别困难',
  serious: '比较困难',
  general: '一般困难',
}

/** 待校工会确认 (reported), 已建档 (in the file), 已退回 (with the reason; it may be reported again), 已结档 (the hardship is over). */
export const HARDSHIP_STATES = ['reported', 'filed', 'returned', 'closed'] as const
export type HardshipState = (typeof HARDSHIP_STATES)[number]

export const HARDSHIP_STATE_LABELS: Record<HardshipState, string> = {
  reported: '待校工会确认',
  filed: '已建档',
  returned: '已退回',
  closed: '已结档',
}

export const VISIT_KINDS = ['warmth', 'mustVisit', 'routine'] as const
export type VisitKind = (typeof VISIT_KINDS)[number]

export const VISIT_KIND_LABELS: Record<VisitKind, string> = {
  warmth: '送温暖',
  mustVisit: '五必访',
  routine: '日常走访',
}

export const SITUATION_MAX = 500
export const VISITORS_MAX = 40
export const APPROVAL_REF_MAX = 60

const CauseSchema = v.picklist(HARDSHIP_CAUSES, '请选择困难类别（因病、因灾、单亲、子女教育、其他）')
const LevelSchema = v.picklist(HARDSHIP_LEVELS, '请选择困难等级（特别困难、比较困难、一般困难）')
const CaseIdSchema = { caseId: IdSchema }

/** A unit admin (or the union office) reports a member's hardship. */
export const ReportHardshipSchema = v.strictObject({
  memberId: IdSchema,
  cause: CauseSchema,
  level: LevelSchema,
  situation: TextSchema('困难情况', SITUATION_MAX),
  proofFileIds: v.optional(ProofsSchema, []),
})
export type HardshipReport = v.InferOutput<typeof ReportHardshipSchema>

/** The cases of a year (this one by default): a unit admin names their unit; the union office may name one, or none. */
export const HardshipCasesSchema = v.optional(
  v.strictObject({
    unitId: v.optional(IdSchema),
    state: v.optional(v.picklist(HARDSHIP_STATES, '档案状态只能是待校工会确认、已建档、已退回或已结档')),
    year: v.optional(YearSchema),
    ...PageSchema,
  }),
  {},
)

export const HardshipCaseSchema = v.strictObject(CaseIdSchema)

/** The union office confirms a case into the file (its cause and level as it judges them), or returns it. */
export const FileHardshipSchema = v.variant(
  'approve',
  [
    v.strictObject({ ...CaseIdSchema, approve: v.literal(true), cause: CauseSchema, level: LevelSchema }),
    v.strictObject({ ...CaseIdSchema, approve: v.literal(false), reason: TextSchema('退回原因', REASON_MAX) }),
  ],
  '请选择：确认建档或退回',
)

/** Aid given to a filed case: how much, in which form, on which day (this year, not to come), on whose approval. */
export const HardshipAidSchema = v.strictObject({
  ...CaseIdSchema,
  amount: v.pipe(YuanSchema, v.minValue(1, '帮扶金额须大于 0')),
  form: v.picklist(BENEFIT_FORMS, '发放形式只能是实物、提货券或慰问金'),
  item: v.optional(TextSchema('帮扶物品名称', ITEM_MAX)),
  day: DaySchema('帮扶日期'),
  approvalRef: TextSchema('审批依据', APPROVAL_REF_MAX),
})

/** A visit to a filed case: its kind, its day (not to come), who went, what was found. */
export const HardshipVisitSchema = v.strictObject({
  ...CaseIdSchema,
  visitKind: v.picklist(VISIT_KINDS, '请选择走访类别（送温暖、五必访、日常走访）'),
  day: DaySchema('走访日期'),
  visitors: TextSchema('走访人', VISITORS_MAX),
  note: v.optional(v.pipe(v.string('走访情况须为文字'), v.trim(), v.maxLength(NOTE_MAX, `走访情况不能超过 ${NOTE_MAX} 个字`)), ''),
})

export const CloseHardshipSchema = v.strictObject({ ...CaseIdSchema, reason: TextSchema('结档原因', REASON_MAX) })

/** A case as its list shows it (no situation, proofs, aid or visits: those come with one case at a time, audited). */
export interface HardshipCaseRow {
  id: string
  year: number
  memberName: string
  staffNo: string
  unitName: string
  cause: HardshipCause
  causeLabel: string
  level: HardshipLevel
  levelLabel: string
  state: HardshipState
  stateLabel: string
  reportedAt: string
}

export interface HardshipAid {
  payoutId: string
  item: string
  amountFen: number
  form: BenefitForm
  day: string
  approvalRef: string
  recordedByName: string
  receivedAt?: string
}

export interface HardshipVisit {
  kind: VisitKind
  kindLabel: string
  day: string
  visitors: string
  note: string
  recordedByName: string
}

/** One case with all it holds; each answer is one audited look. */
export interface HardshipCaseDetail extends HardshipCaseRow {
  situation: string
  /** Links valid for a few minutes (proofs deleted after the case is returned or closed have none). */
  proofUrls: string[]
  reportedByName: string
  filedAt?: string
  filedByName?: string
  /** Every return, oldest first. */
  returns: { byName: string; at: string; reason: string }[]
  closedAt?: string
  closedByName?: string
  closeReason?: string
  aids: HardshipAid[]
  aidTotalFen: number
  visits: HardshipVisit[]
}

/** The `benefits` function's hardship actions: none is a member's. */
export interface HardshipApi {
  /** A unit admin reports a member of their unit (the union office, anyone); a returned case is reported again (audited). */
  reportHardship: { request: v.InferInput<typeof ReportHardshipSchema>; response: HardshipCaseRow }
  /** The file: a unit's cases (its admin) or every unit's (the union office), by state; each look audited. */
  hardshipCases: { request: v.InferInput<typeof HardshipCasesSchema>; response: Page<HardshipCaseRow> }
  /** One case, with its proofs, aid and visits (audited). */
  hardshipCase: { request: v.InferInput<typeof HardshipCaseSchema>; response: HardshipCaseDetail }
  /** Union office: confirms a reported case into the file, or returns it (audited). */
  fileHardship: { request: v.InferInput<typeof FileHardshipSchema>; response: HardshipCaseDetail }
  /** Union office: aid to a filed case, written to the ledger under the hardship cap (audited). */
  recordHardshipAid: { request: v.InferInput<typeof HardshipAidSchema>; response: HardshipCaseDetail }
  /** The union office or the unit's admin: a visit to a filed case (audited). */
  recordHardshipVisit: { request: v.InferInput<typeof HardshipVisitSchema>; response: HardshipCaseDetail }
  /** Union office: the hardship is over (audited); its proofs go in 30 days. */
  closeHardship: { request: v.InferInput<typeof CloseHardshipSchema>; response: HardshipCaseDetail }
}

/**
 * Festival rounds (节日慰问): the union office picks a festival, the gifts (粽子礼盒 ¥150 + 水果券 ¥50), who they are
 * for and how they are handed out, previews who gets them (and who is left out, and why), and applies the round: every
 * recipient's entitlement is written and they are told. Each unit admin then marks their unit's people received.
 */
import * as v from 'valibot'
import { ITEM_MAX, PLACE_MAX, YuanSchema, type BenefitForm } from './benefits'
import { IdSchema, TextSchema } from './common'
import { FESTIVALS, type Festival } from './festivals'
import type { MemberStatus } from './members'

/** Who a round is for: members of these statuses, in these units (all when none are named), with dues paid or not. */
export interface RoundAudience {
  statuses: Exclude<MemberStatus, 'left'>[]
  /** Absent: every unit. */
  unitIds?: string[]
  duesPaidOnly: boolean
}

export const ROUND_ITEMS_MAX = 5
/** More units than any union has: an audience naming more is not one a person picked. */
export const ROUND_UNITS_MAX = 200
/** A round may be for a festival this many days past (gifts handed out late) at most. */
export const ROUND_LATE_DAYS = 60

const RoundItemSchema = v.strictObject({
  item: TextSchema('礼品名称', ITEM_MAX),
  amount: v.pipe(YuanSchema, v.minValue(1, '礼品金额须大于 0')),
  form: v.picklist(['inKind', 'voucher'], '节日慰问只能发实物或提货券，不能发现金'),
})

export const RoundInputSchema = v.strictObject({
  festival: v.picklist(FESTIVALS, '请选择节日'),
  year: v.pipe(v.number('年份须为数字'), v.integer('年份须为整数'), v.minValue(2000, '年份不正确'), v.maxValue(2099, '年份不正确')),
  items: v.pipe(
    v.array(RoundItemSchema, '请填写礼品'),
    v.minLength(1, '请至少填写一项礼品'),
    v.maxLength(ROUND_ITEMS_MAX, `礼品最多 ${ROUND_ITEMS_MAX} 项`),
  ),
  audience: v.strictObject({
    statuses: v.pipe(
      v.array(v.picklist(['active', 'retired'], '发放对象只能是在职或退休'), '请选择发放对象'),
      v.minLength(1, '请至少选择在职或退休中的一项'),
      v.maxLength(2, '发放对象只能是在职或退休'),
    ),
    unitIds: v.optional(v.pipe(v.array(IdSchema, '分工会须为列表'), v.minLength(1, '请至少选择一个分工会'), v.maxLength(ROUND_UNITS_MAX, '分工会选得太多了'))),
    duesPaidOnly: v.boolean('是否仅限已缴会费须为是或否'),
  }),
  handout: v.variant(
    'kind',
    [v.strictObject({ kind: v.literal('unit') }), v.strictObject({ kind: v.literal('pickup'), place: TextSchema('领取地点', PLACE_MAX) })],
    '请选择发放方式',
  ),
  claimDays: v.pipe(v.number('领取期限须为数字'), v.integer('领取期限须为整数天'), v.minValue(1, '领取期限至少 1 天'), v.maxValue(90, '领取期限最多 90 天')),
  budget: v.pipe(YuanSchema, v.minValue(1, '请填写本次预算')),
})
export type RoundInput = v.InferOutput<typeof RoundInputSchema>

/** Applying names what its preview showed: a list that changed since is previewed again first. */
export const ApplyRoundSchema = v.strictObject({
  round: RoundInputSchema,
  expected: v.strictObject({
    count: v.pipe(v.number('预览人数须为数字'), v.integer('预览人数须为整数'), v.minValue(0, '预览人数不正确')),
    totalFen: v.pipe(v.number('预览金额须为数字'), v.integer('预览金额须为整数（分）'), v.minValue(0, '预览金额不正确')),
  }),
})

export const RoundIdSchema = v.strictObject({ roundId: IdSchema })
export const RoundsSchema = v.optional(
  v.strictObject({ year: v.optional(v.pipe(v.number('年份须为数字'), v.integer('年份须为整数'), v.minValue(2000, '年份不正确'), v.maxValue(2099, '年份不正确'))) }),
  {},
)
export const RoundUnitSchema = v.strictObject({ roundId: IdSchema, unitId: IdSchema })
export const MarkReceivedSchema = v.strictObject({
  roundId: IdSchema,
  unitId: IdSchema,
  memberIds: v.pipe(v.array(IdSchema, '请选择已领取的人'), v.minLength(1, '请选择已领取的人'), v.maxLength(500, '一次最多标记 500 人')),
})

/** Someone the round's audience holds who gets nothing, and why. */
export interface LeftOutView {
  name: string
  staffNo: string
  unitName: string
  reason: string
}

/** A unit's share of a round: how many receive it, and how many have collected. */
export interface RoundUnitCount {
  unitId: string
  unitName: string
  count: number
  received: number
}

export interface RoundPreview {
  title: string
  /** The festival's day. */
  date: string
  count: number
  /** Each recipient's gifts together. */
  perPersonFen: number
  totalFen: number
  budgetFen: number
  units: RoundUnitCount[]
  leftOut: LeftOutView[]
  /** Why it cannot be applied as it is (over budget, the festival's round already given); none: it can. */
  blocked?: string
}

export type RoundState = 'applying' | 'applied'

export interface RoundSummary {
  id: string
  festival: Festival
  title: string
  date: string
  state: RoundState
  count: number
  totalFen: number
  budgetFen: number
  createdAt: string
  createdByName: string
}

export interface RoundItemView {
  item: string
  amountFen: number
  form: Exclude<BenefitForm, 'cash'>
}

/** A round as the union office follows it: its gifts, its progress per unit, who was left out. */
export interface RoundDetail extends RoundSummary {
  items: RoundItemView[]
  handoutText: string
  deadline: string
  /** Recipients whose entitlements are written (all of them once applied). */
  paid: number
  units: RoundUnitCount[]
  received: number
  leftOut: LeftOutView[]
}

/** One recipient on their unit's handout list. */
export interface HandoutRow {
  memberId: string
  name: string
  staffNo: string
  receivedAt?: string
  receivedByName?: string
}

export interface RoundHandout {
  roundId: string
  title: string
  unitName: string
  items: RoundItemView[]
  deadline: string
  rows: HandoutRow[]
}

/** The `benefits` function's festival-round actions. */
export interface FestivalRoundsApi {
  /** Union office: who a round would reach, the total against its budget, and who is left out and why. */
  previewRound: { request: v.InferInput<typeof RoundInputSchema>; response: RoundPreview }
  /** Union office: gives the round (audited), as previewed; every recipient is told. */
  applyRound: { request: v.InferInput<typeof ApplyRoundSchema>; response: RoundDetail }
  /** Union office: goes on writing a round an earlier call could not finish in its time. */
  resumeRound: { request: v.InferInput<typeof RoundIdSchema>; response: RoundDetail }
  /** Union office and unit admins: the rounds of a year (by default this one's and next's), newest first. */
  rounds: { request: v.InferInput<typeof RoundsSchema>; response: RoundSummary[] }
  /** Union office: one round, with its progress per unit. */
  round: { request: v.InferInput<typeof RoundIdSchema>; response: RoundDetail }
  /** A unit admin (or the union office): their unit's recipients of a round and who has collected. */
  roundHandout: { request: v.InferInput<typeof RoundUnitSchema>; response: RoundHandout }
  /** A unit admin (or the union office): these people of their unit have collected their gifts. */
  markReceived: { request: v.InferInput<typeof MarkReceivedSchema>; response: RoundHandout }
}

/** The round's title: 2026 年端午节日慰问. */
export const roundTitle = (year: number, festivalLabel: string) => `${year} 年${festivalLabel}节日慰问`

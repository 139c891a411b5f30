/**
 * Benefits (福利慰问): the union's policies (one per kind: a yearly cap per person, how often, the forms allowed, who
 * qualifies, the rule it comes from), and the ledger (福利台账), where every payout is one entry. Every figure is
 * data the union office edits (工会福利政策), never code: the caps differ by province and change every few years.
 * Money is whole fen (分) in the store and in answers; people type yuan with at most two decimals.
 */
import * as v from 'valibot'
import type { BenefitApplicationsApi } from './benefitApplications'
import type { BudgetsApi } from './budgets'
import { IdSchema, PageSchema, TextSchema, type Page } from './common'
import type { FestivalRoundsApi } from './festivalRounds'
import type { FestivalDate } from './festivals'
import type { HardshipApi } from './hardship'
import type { RetirementApi } from './retirement'
import type { MemberStatus } from './members'

export const BENEFIT_KINDS = [
  'birthday',
  'festival',
  'marriage',
  'childbirth',
  'hospitalization',
  'retirement',
  'bereavement',
  'relativeBereavement',
  'hardship',
  'retreat',
  'other',
] as const
export type BenefitKind = (typeof BENEFIT_KINDS)[number]

export const BENEFIT_KIND_LABELS: Record<BenefitKind, string> = {
  birthday: '生日慰问',
  festival: '节日慰问',
  marriage: '结婚慰问',
  childbirth: '生育慰问',
  hospitalization: '住院慰问',
  retirement: '退休（荣休）',
  bereavement: '会员亡故慰问',
  relativeBereavement: '直系亲属亡故慰问',
  hardship: '困难帮扶',
  retreat: '疗休养',
  other: '其他',
}

/** How a benefit is given. Shopping cards (购物卡) are never one: the rules forbid them outright. */
export const BENEFIT_FORMS = ['inKind', 'voucher', 'cash'] as const
export type BenefitForm = (typeof BENEFIT_FORMS)[number]

export const BENEFIT_FORM_LABELS: Record<BenefitForm, string> = {
  inKind: '实物',
  voucher: '提货券（蛋糕卡）',
  cash: '慰问金',
}

/** Kinds the rules never allow as cash: festivals (gifts in kind or vouchers only) and birthdays (a cake or its voucher). */
export const CASH_NEVER: readonly BenefitKind[] = ['birthday', 'festival']

export const BENEFIT_FREQUENCIES = ['oncePerYear', 'oncePerEvent', 'withinCap'] as const
export type BenefitFrequency = (typeof BENEFIT_FREQUENCIES)[number]

export const BENEFIT_FREQUENCY_LABELS: Record<BenefitFrequency, string> = {
  oncePerYear: '每年一次',
  oncePerEvent: '每件事一次',
  withinCap: '年度限额内不限次数',
}

/** Who qualifies for a kind: their status, dues in good standing, and how long they have been a member. */
export interface BenefitEligibility {
  statuses: Exclude<MemberStatus, 'left'>[]
  duesPaid: boolean
  /** Months of union membership at least (memberSince to the payout's day); 0 for none. */
  minMonths: number
}

/** How a member gets an entitlement: a claim code they show (a voucher), a place to collect it, or from their 分工会. */
export type Handout = { kind: 'code' } | { kind: 'pickup'; place: string } | { kind: 'unit' }

/** When the birthday job gives a member their gift: as their birthday month begins, or some days before the day. */
export type BirthdayLead = { kind: 'monthStart' } | { kind: 'daysBefore'; days: number }

/** The birthday gift the daily job hands out under the birthday policy. */
export interface BirthdayGift {
  /** What it is: 生日蛋糕卡. */
  item: string
  amountFen: number
  form: Exclude<BenefitForm, 'cash'>
  handout: Handout
  /** Days from the gift's issue to collect it. */
  claimDays: number
  lead: BirthdayLead
}

export interface BenefitPolicy {
  kind: BenefitKind
  /** The most one person may receive of this kind in a calendar year, in fen. */
  yearlyCapFen: number
  frequency: BenefitFrequency
  forms: BenefitForm[]
  eligibility: BenefitEligibility
  /** Where the rule comes from: 皖工发〔2025〕18号. */
  source: string
  /** The birthday policy only: what the daily job gives (none: it gives nothing). */
  gift?: BirthdayGift
}

/** A kind's policy as 工会福利政策 lists it: none until the union office sets it. */
export interface PolicyView {
  kind: BenefitKind
  label: string
  policy?: BenefitPolicy & { updatedAt: string; updatedByName: string }
}

/** One ledger entry as its member sees it (我的福利). */
export interface MyBenefit {
  id: string
  kind: BenefitKind
  kindLabel: string
  item: string
  amountFen: number
  form: BenefitForm
  issuedAt: string
  handout: Handout
  /** The claim code to show, for a handout by code. */
  code?: string
  /** The last Shanghai day to collect it. */
  deadline?: string
  receivedAt?: string
  /** Who marked it received: the member, or their unit admin. */
  receivedByName?: string
}

/** A kind's spending this year against its cap. */
export interface KindTotal {
  kind: BenefitKind
  label: string
  totalFen: number
  capFen?: number
}

export interface MyBenefits {
  year: number
  items: MyBenefit[]
  totals: KindTotal[]
}

/** What 首页 shows: my birthday gift in my birthday month (a warm card). */
export interface BenefitsHome {
  birthday?: MyBenefit
}

export const ITEM_MAX = 20
export const PLACE_MAX = 40
export const SOURCE_MAX = 80
/** ¥100,000: above any payout a union makes, low enough that no sum of fen loses precision. */
export const YUAN_MAX = 100_000

/** Yuan as people type them, at most two decimals (whole fen) and at most `max`, to whole fen. */
export const yuanUpTo = (max: number) =>
  v.pipe(
    v.number('金额须为数字'),
    v.finite('金额须为数字'),
    v.minValue(0, '金额不能为负'),
    v.maxValue(max, `金额不能超过 ${max.toLocaleString('en-US')} 元`),
    v.check((yuan) => Math.abs(yuan * 100 - Math.round(yuan * 100)) < 1e-6, '金额最多精确到分（两位小数）'),
    v.transform((yuan) => Math.round(yuan * 100)),
  )

/** A payout's amount, a cap. */
export const YuanSchema = yuanUpTo(YUAN_MAX)

const KindSchema = v.picklist(BENEFIT_KINDS, '请选择福利类别')

const EligibilitySchema = v.strictObject({
  statuses: v.pipe(
    v.array(v.picklist(['active', 'retired'], '人员状态只能是在职或退休'), '请选择适用人员'),
    v.minLength(1, '请至少选择在职或退休中的一项'),
    v.maxLength(2, '人员状态只能是在职或退休'),
  ),
  duesPaid: v.boolean('是否要求按时缴纳会费须为是或否'),
  minMonths: v.pipe(v.number('入会月数须为数字'), v.integer('入会月数须为整数'), v.minValue(0, '入会月数不能为负'), v.maxValue(600, '入会月数不能超过 600')),
})

const HandoutSchema = v.variant(
  'kind',
  [v.strictObject({ kind: v.literal('code') }), v.strictObject({ kind: v.literal('pickup'), place: TextSchema('领取地点', PLACE_MAX) })],
  '请选择领取方式',
)

const GiftSchema = v.strictObject({
  item: TextSchema('生日礼品名称', ITEM_MAX),
  amount: v.pipe(YuanSchema, v.minValue(1, '生日礼品金额须大于 0')),
  form: v.picklist(['inKind', 'voucher'], '生日礼品只能是实物或提货券'),
  handout: HandoutSchema,
  claimDays: v.pipe(v.number('领取期限须为数字'), v.integer('领取期限须为整数天'), v.minValue(1, '领取期限至少 1 天'), v.maxValue(90, '领取期限最多 90 天')),
  lead: v.variant(
    'kind',
    [
      v.strictObject({ kind: v.literal('monthStart') }),
      v.strictObject({
        kind: v.literal('daysBefore'),
        days: v.pipe(v.number('提前天数须为数字'), v.integer('提前天数须为整数'), v.minValue(1, '提前天数至少 1 天'), v.maxValue(30, '提前天数最多 30 天')),
      }),
    ],
    '请选择发放时间',
  ),
})

export const PolicyInputSchema = v.strictObject({
  kind: KindSchema,
  yearlyCap: YuanSchema,
  frequency: v.picklist(BENEFIT_FREQUENCIES, '请选择发放频次'),
  forms: v.pipe(
    v.array(v.picklist(BENEFIT_FORMS, '发放形式只能是实物、提货券或慰问金'), '请选择发放形式'),
    v.minLength(1, '请至少选择一种发放形式'),
    v.maxLength(BENEFIT_FORMS.length, '发放形式重复了'),
  ),
  eligibility: EligibilitySchema,
  source: v.pipe(v.string('政策依据须为文字'), v.trim(), v.maxLength(SOURCE_MAX, `政策依据不能超过 ${SOURCE_MAX} 个字`)),
  gift: v.optional(GiftSchema),
})
export type PolicyInput = v.InferOutput<typeof PolicyInputSchema>

export const YearSchema = v.pipe(v.number('年份须为数字'), v.integer('年份须为整数'), v.minValue(2000, '年份不正确'), v.maxValue(2100, '年份不正确'))

export const MyBenefitsSchema = v.optional(v.strictObject({ year: v.optional(YearSchema) }), {})

/**
 * Which payouts of the ledger: a year (this one by default), and a kind, a unit and one member, or all. A unit admin
 * names their unit (a member of another unit then has nothing in it).
 */
export const LedgerFilter = {
  year: v.optional(YearSchema),
  kind: v.optional(KindSchema),
  unitId: v.optional(IdSchema),
  memberId: v.optional(IdSchema),
}
export const LedgerSchema = v.optional(v.strictObject({ ...LedgerFilter, ...PageSchema }), {})
export const LedgerSummarySchema = v.optional(v.strictObject(LedgerFilter), {})

/** One payout in 福利台账: who received what, under whose approval, and its receipt. */
export interface LedgerRow {
  id: string
  memberName: string
  staffNo: string
  unitName: string
  kind: BenefitKind
  kindLabel: string
  item: string
  amountFen: number
  form: BenefitForm
  issuedAt: string
  approvalRef: string
  approverName: string
  receivedAt?: string
  receivedByName?: string
}

/** A kind's payouts in the ledger's view: how many, how much, how many collected. */
export interface LedgerKindTotal {
  kind: BenefitKind
  label: string
  count: number
  totalFen: number
  received: number
  /** The kind's yearly cap a person: in one member's view only (caps are per person), where a policy sets one. */
  capFen?: number
  /** The kind's budget for the year: in the whole union's view only (budgets are the union's), where one is set. */
  budgetFen?: number
}

export interface LedgerSummary {
  year: number
  count: number
  totalFen: number
  /** The budgets of the kinds shown, added up: in the whole union's view, where any is set. */
  budgetFen?: number
  kinds: LedgerKindTotal[]
}

export const PayoutIdSchema = v.strictObject({ payoutId: IdSchema })

/** The contract of the `benefits` function: policies, birthdays and the ledger here; festival rounds, life-event applications, hardship files, retirements and budgets in their own files. */
export interface BenefitsApi extends FestivalRoundsApi, BenefitApplicationsApi, HardshipApi, RetirementApi, BudgetsApi {
  /** Union office: every kind with its policy, if set. */
  policies: { request: void; response: PolicyView[] }
  /** Union office: the festivals from today, this year and next, with their dates (computed: 春节, 端午, 中秋 are lunar). */
  festivals: { request: void; response: FestivalDate[] }
  /** Union office: sets a kind's policy (audited); payouts already made keep what they were. */
  updatePolicy: { request: v.InferInput<typeof PolicyInputSchema>; response: PolicyView }
  /**
   * 我的福利: my entries of a year and my totals against its caps; by default this year's, with next year's already
   * given (a January birthday's gift, given in December).
   */
  mine: { request: v.InferInput<typeof MyBenefitsSchema>; response: MyBenefits }
  /** 福利台账 (union office; a unit admin for their unit): payouts, newest first. */
  ledger: { request: v.InferInput<typeof LedgerSchema>; response: Page<LedgerRow> }
  /** 福利台账's totals per kind for the same filter. */
  ledgerSummary: { request: v.InferInput<typeof LedgerSummarySchema>; response: LedgerSummary }
  /** 首页's birthday card. */
  home: { request: void; response: BenefitsHome }
  /** I have received it (who and when are recorded); confirming again changes nothing. */
  confirmReceipt: { request: v.InferInput<typeof PayoutIdSchema>; response: MyBenefit }
}

/** How to collect a gift, in words. A claim code is never written out here: messages show on a locked screen and in 发送记录. */
export function handoutText(handout: Handout): string {
  if (handout.kind === 'code') return '在「我的福利」查看领取码'
  return handout.kind === 'unit' ? '由所在分工会发放' : `到${handout.place}领取`
}

/** ¥1,234.50 from fen. */
export function formatYuan(fen: number): string {
  const yuan = Math.floor(fen / 100).toLocaleString('en-US')
  const cents = fen % 100
  return `¥${yuan}${cents === 0 ? '' : `.${String(cents).padStart(2, '0')}`}`
}

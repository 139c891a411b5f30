/**
 * The benefit rules, pure: whether a policy is one the rules allow, who qualifies on a day, when a birthday gift is
 * due, and whether a payout fits under its kind's cap. Days are Shanghai calendar days, 'YYYY-MM-DD'.
 */
import {
  BENEFIT_FORM_LABELS,
  BENEFIT_FREQUENCY_LABELS,
  BENEFIT_KINDS,
  BENEFIT_KIND_LABELS,
  CASH_NEVER,
  formatYuan,
  handoutText,
  type BenefitPolicy,
  type BirthdayLead,
  type KindTotal,
  type LedgerKindTotal,
  type LedgerRow,
  type MyBenefit,
  type PolicyInput,
} from '../../types/benefits'
import type { BenefitMessageData } from '../../types/messages'
import { MEMBER_STATUS_LABELS } from '../../types/members'
import { addDays } from '../../types/time'
import type { BenefitPayoutDoc, BenefitPolicyDoc, BenefitTallyDoc, MemberDoc } from '../core/collections'

export type Problem = { field: string; message: string }

/** The policy an input sets, or the first thing the rules refuse in it. */
export function policyOf(input: PolicyInput): { ok: true; value: BenefitPolicy } | ({ ok: false } & Problem) {
  const { kind, yearlyCap, frequency, forms, eligibility, source, gift } = input
  const label = BENEFIT_KIND_LABELS[kind]
  if (new Set(forms).size !== forms.length) return { ok: false, field: 'forms', message: '发放形式重复了' }
  if (CASH_NEVER.includes(kind) && forms.includes('cash')) return { ok: false, field: 'forms', message: `${label}只能发实物或提货券，不能发慰问金（现金）` }
  if (kind === 'birthday' && frequency !== 'oncePerYear') return { ok: false, field: 'frequency', message: '生日慰问每人每年一次' }
  if (gift && kind !== 'birthday') return { ok: false, field: 'gift', message: '只有生日慰问设置生日礼品' }
  if (gift && gift.amount > yearlyCap) return { ok: false, field: 'gift', message: `生日礼品金额 ${formatYuan(gift.amount)} 超过了年度限额 ${formatYuan(yearlyCap)}` }
  if (gift && !forms.includes(gift.form)) return { ok: false, field: 'gift', message: `生日礼品的形式「${BENEFIT_FORM_LABELS[gift.form]}」不在允许的发放形式中` }
  const statuses = [...new Set(eligibility.statuses)]
  return {
    ok: true,
    value: {
      kind,
      yearlyCapFen: yearlyCap,
      frequency,
      forms,
      eligibility: { ...eligibility, statuses },
      source,
      ...(gift ? { gift: { item: gift.item, amountFen: gift.amount, form: gift.form, handout: gift.handout, claimDays: gift.claimDays, lead: gift.lead } } : {}),
    },
  }
}

/** Whole months from `since` to `day` (a month counts once its day of the month is reached). */
export function monthsBetween(since: string, day: string): number {
  const months = (Number(day.slice(0, 4)) - Number(since.slice(0, 4))) * 12 + Number(day.slice(5, 7)) - Number(since.slice(5, 7))
  return day.slice(8) < since.slice(8) ? months - 1 : months
}

/** Why a member does not qualify under a policy on `day`, in words; undefined when they do. */
export function ineligibility(policy: Pick<BenefitPolicy, 'eligibility'>, member: Pick<MemberDoc, 'status' | 'duesPaid' | 'memberSince'>, day: string): string | undefined {
  const { statuses, duesPaid, minMonths } = policy.eligibility
  if (member.status === 'left' || !statuses.includes(member.status)) return `仅限${statuses.map((status) => MEMBER_STATUS_LABELS[status]).join('、')}会员`
  if (duesPaid && !member.duesPaid) return '会费未按时缴纳'
  if (minMonths > 0 && monthsBetween(member.memberSince, day) < minMonths) return `入会未满 ${minMonths} 个月`
  return undefined
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/** The birthday in `year`: a 29 February birthday is kept on 28 February in other years. */
export function birthdayIn(birthDate: string, year: number): string {
  const monthDay = birthDate.slice(5) === '02-29' && !isLeap(year) ? '02-28' : birthDate.slice(5)
  return `${year}-${monthDay}`
}

/**
 * The birthday whose gift is due on `today`, if one is: in the birthday's month from its first day, or from `days`
 * before the day (a birthday early next month counts then, against next year's cap when it falls in January). A
 * birthday already past this month still counts, so a day the job did not run is caught up.
 */
export function dueBirthday(lead: BirthdayLead, birthDate: string, today: string): string | undefined {
  const year = Number(today.slice(0, 4))
  const monthStart = `${today.slice(0, 7)}-01`
  const until = lead.kind === 'monthStart' ? `${today.slice(0, 7)}-31` : addDays(today, lead.days)
  return [birthdayIn(birthDate, year), birthdayIn(birthDate, year + 1)].find((day) => day >= monthStart && day <= until)
}

/** The last day to collect a gift issued on `day`. */
export const deadlineAfter = (day: string, claimDays: number) => addDays(day, claimDays)

/** Why a payout of `amountFen` does not fit under the policy given the member's year so far; undefined when it does. */
export function capRefusal(policy: Pick<BenefitPolicy, 'kind' | 'yearlyCapFen' | 'frequency'>, tally: Pick<BenefitTallyDoc, 'totalFen' | 'count'> | null, amountFen: number): string | undefined {
  const label = BENEFIT_KIND_LABELS[policy.kind]
  const total = tally?.totalFen ?? 0
  if (policy.frequency === 'oncePerYear' && (tally?.count ?? 0) > 0) return `今年已发放过${label}（每年一次）`
  if (total + amountFen > policy.yearlyCapFen) {
    return `超出${label}年度限额 ${formatYuan(policy.yearlyCapFen)}：今年已发放 ${formatYuan(total)}，还可发放 ${formatYuan(Math.max(0, policy.yearlyCapFen - total))}`
  }
  return undefined
}

/** What the messages of payouts given together (their issue, their reminder) say: 粽子礼盒、水果券. */
export function messageData([first, ...more]: BenefitPayoutDoc[]): BenefitMessageData {
  return {
    payoutId: first._id,
    kind: first.kind,
    item: [first, ...more].map((payout) => payout.item).join('、'),
    handout: handoutText(first.handout),
    ...(first.deadline ? { deadline: first.deadline } : {}),
  }
}

/** A policy in words, for the audit log's before and after. */
export function policyAuditFields(policy: BenefitPolicy): Record<string, unknown> {
  const { gift } = policy
  return {
    年度限额: formatYuan(policy.yearlyCapFen),
    发放频次: BENEFIT_FREQUENCY_LABELS[policy.frequency],
    发放形式: policy.forms.map((form) => BENEFIT_FORM_LABELS[form]).join('、'),
    适用人员: policy.eligibility.statuses.map((status) => MEMBER_STATUS_LABELS[status]).join('、'),
    须按时缴纳会费: policy.eligibility.duesPaid ? '是' : '否',
    入会满月数: policy.eligibility.minMonths,
    政策依据: policy.source || '（未填）',
    ...(gift
      ? {
          生日礼品: `${gift.item} ${formatYuan(gift.amountFen)}（${BENEFIT_FORM_LABELS[gift.form]}）`,
          领取方式: gift.handout.kind === 'code' ? '凭领取码' : handoutText(gift.handout),
          领取期限: `${gift.claimDays} 天`,
          发放时间: gift.lead.kind === 'monthStart' ? '生日当月 1 日' : `生日前 ${gift.lead.days} 天`,
        }
      : {}),
  }
}

/** What a payout is, and its receipt: what both its member and the ledger see of it. */
function payoutView(payout: BenefitPayoutDoc) {
  return {
    id: payout._id,
    kind: payout.kind,
    kindLabel: BENEFIT_KIND_LABELS[payout.kind],
    item: payout.item,
    amountFen: payout.amountFen,
    form: payout.form,
    issuedAt: payout.issuedAt,
    ...(payout.receivedAt ? { receivedAt: payout.receivedAt, receivedByName: payout.receivedByName } : {}),
  }
}

export function toMyBenefit(payout: BenefitPayoutDoc): MyBenefit {
  return {
    ...payoutView(payout),
    handout: payout.handout,
    ...(payout.code ? { code: payout.code } : {}),
    ...(payout.deadline ? { deadline: payout.deadline } : {}),
  }
}

/** A payout as 福利台账 lists it (no claim code: that is its member's). */
export function toLedgerRow(payout: BenefitPayoutDoc, units: Map<string, string>): LedgerRow {
  return {
    ...payoutView(payout),
    memberName: payout.memberName,
    staffNo: payout.staffNo,
    unitName: units.get(payout.unitId) ?? '',
    approvalRef: payout.approvalRef,
    approverName: payout.approverName,
  }
}

/**
 * How many payouts and how much, in all and per kind (in the kinds' order), and how many were collected; the kinds in
 * `alsoKinds` are listed even with none (a kind with a budget and nothing given yet).
 */
export function ledgerTotals(
  payouts: Pick<BenefitPayoutDoc, 'kind' | 'amountFen' | 'receivedAt'>[],
  alsoKinds: readonly BenefitPayoutDoc['kind'][] = [],
): { count: number; totalFen: number; kinds: LedgerKindTotal[] } {
  const zero = (kind: BenefitPayoutDoc['kind']): LedgerKindTotal => ({ kind, label: BENEFIT_KIND_LABELS[kind], count: 0, totalFen: 0, received: 0 })
  const kinds = new Map(alsoKinds.map((kind) => [kind, zero(kind)]))
  for (const payout of payouts) {
    const total = kinds.get(payout.kind) ?? zero(payout.kind)
    total.count += 1
    total.totalFen += payout.amountFen
    if (payout.receivedAt) total.received += 1
    kinds.set(payout.kind, total)
  }
  return {
    count: payouts.length,
    totalFen: payouts.reduce((sum, payout) => sum + payout.amountFen, 0),
    kinds: BENEFIT_KINDS.flatMap((kind) => kinds.get(kind) ?? []),
  }
}

/** A kind's yearly cap per person where a policy sets one, as `{ capFen }` to spread into that kind's totals. */
export function capsOf(policies: BenefitPolicyDoc[]): (kind: BenefitPolicyDoc['kind']) => { capFen?: number } {
  const caps = new Map(policies.map((policy) => [policy.kind, policy.yearlyCapFen]))
  return (kind) => (caps.has(kind) ? { capFen: caps.get(kind) } : {})
}

/** Each kind the member received this year, with its cap where a policy sets one. */
export function kindTotals(tallies: BenefitTallyDoc[], policies: BenefitPolicyDoc[]): KindTotal[] {
  const capOf = capsOf(policies)
  return tallies
    .map((tally) => ({ kind: tally.kind, label: BENEFIT_KIND_LABELS[tally.kind], totalFen: tally.totalFen, ...capOf(tally.kind) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'))
}

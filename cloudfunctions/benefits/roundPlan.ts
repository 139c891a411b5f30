/**
 * A festival round's plan: who its audience holds, who of them receives the gifts, who is left out and why (离校,
 * dues unpaid, not qualifying under the festival policy, over the yearly festival cap), and what it costs. The
 * preview shows a plan; applying makes the same plan again and writes it.
 */
import { BENEFIT_KIND_LABELS, formatYuan } from '../../types/benefits'
import { FESTIVAL_LABELS } from '../../types/festivals'
import { ROUND_LATE_DAYS, roundTitle, type LeftOutView, type RoundInput, type RoundUnitCount } from '../../types/festivalRounds'
import { shanghaiDay } from '../../types/time'
import type { BenefitPolicyDoc, BenefitTallyDoc, MemberDoc, RoundLeftOut } from '../core/collections'
import { AppError } from '../core/errors'
import { findAllById } from '../core/queries'
import type { Store } from '../core/store/port'
import { festivalDate } from './festivals'
import { tallyId } from './ledger'
import { capRefusal, deadlineAfter, ineligibility } from './rules'

/** Tallies read at a time: CloudBase answers at most 1,000 documents a read. */
const TALLY_PAGE = 1000

export const roundId = (year: number, festival: RoundInput['festival']) => `${year}-${festival}`

type Candidate = Pick<MemberDoc, '_id' | 'name' | 'staffNo' | 'unitId' | 'status' | 'duesPaid' | 'memberSince'>
const MEMBER_FIELDS = ['name', 'staffNo', 'unitId', 'status', 'duesPaid', 'memberSince'] as const

export interface RoundPlan {
  id: string
  title: string
  date: string
  deadline: string
  policy: BenefitPolicyDoc
  perPersonFen: number
  totalFen: number
  recipients: Candidate[]
  leftOut: RoundLeftOut[]
  unitCounts: { unitId: string; count: number }[]
}

/** The members of the round's units (all, if it names none) in id order; those who left too. */
function audienceOf(store: Store, input: RoundInput): Promise<Candidate[]> {
  const units = input.audience.unitIds ? { unitId: { $in: input.audience.unitIds } } : {}
  return findAllById(store, 'members', { ...units, status: { $in: [...input.audience.statuses, 'left'] } }, [...MEMBER_FIELDS])
}

async function festivalTallies(store: Store, year: number, members: Candidate[]): Promise<Map<string, BenefitTallyDoc>> {
  const tallies = new Map<string, BenefitTallyDoc>()
  for (let from = 0; from < members.length; from += TALLY_PAGE) {
    const ids = members.slice(from, from + TALLY_PAGE).map((member) => tallyId(year, member._id, 'festival'))
    for (const tally of await store.find('benefitTallies', { _id: { $in: ids } })) tallies.set(tally.memberId, tally)
  }
  return tallies
}

/** Why the member gets nothing from the round, in words; undefined when they receive it. */
function leftOutReason(input: RoundInput, policy: BenefitPolicyDoc, member: Candidate, tally: BenefitTallyDoc | undefined, perPersonFen: number, today: string): string | undefined {
  if (member.status === 'left') return '已离校'
  if (input.audience.duesPaidOnly && !member.duesPaid) return '会费未按时缴纳'
  return ineligibility(policy, member, today) ?? capRefusal(policy, tally ?? null, perPersonFen)
}

/** The round's festival day, or why a round for it cannot be made now. */
function festivalDay(input: RoundInput, today: string): string {
  const date = festivalDate(input.festival, input.year)
  const earliest = deadlineAfter(today, -ROUND_LATE_DAYS)
  const latest = deadlineAfter(today, 366)
  if (date < earliest) throw new AppError('INVALID_INPUT', `${input.year} 年${FESTIVAL_LABELS[input.festival]}（${date}）已过去 ${ROUND_LATE_DAYS} 天以上，不能再发放`, { year: '节日已过去太久' })
  if (date > latest) throw new AppError('INVALID_INPUT', `${input.year} 年${FESTIVAL_LABELS[input.festival]}还在一年以后，请临近时再发放`, { year: '节日还在一年以后' })
  return date
}

export async function planRound(store: Store, input: RoundInput, now: Date): Promise<RoundPlan> {
  const today = shanghaiDay(now)
  const date = festivalDay(input, today)
  const policy = await store.get('benefitPolicies', 'festival')
  if (!policy) throw new AppError('CONFLICT', `请先在「福利政策」中设置${BENEFIT_KIND_LABELS.festival}的年度限额和发放对象`)
  const members = await audienceOf(store, input)
  const tallies = await festivalTallies(store, input.year, members)
  const perPersonFen = input.items.reduce((sum, item) => sum + item.amount, 0)
  const recipients: Candidate[] = []
  const leftOut: RoundLeftOut[] = []
  const perUnit = new Map<string, number>()
  for (const member of members) {
    const reason = leftOutReason(input, policy, member, tallies.get(member._id), perPersonFen, today)
    if (reason) {
      leftOut.push({ memberId: member._id, name: member.name, staffNo: member.staffNo, unitId: member.unitId, reason })
      continue
    }
    recipients.push(member)
    perUnit.set(member.unitId, (perUnit.get(member.unitId) ?? 0) + 1)
  }
  return {
    id: roundId(input.year, input.festival),
    title: roundTitle(input.year, FESTIVAL_LABELS[input.festival]),
    date,
    deadline: deadlineAfter(today, input.claimDays),
    policy,
    perPersonFen,
    totalFen: perPersonFen * recipients.length,
    recipients,
    leftOut,
    unitCounts: [...perUnit].map(([unitId, count]) => ({ unitId, count })),
  }
}

/** Why a plan cannot be applied (it costs more than its budget), in words; undefined when it can. */
export function overBudget(plan: Pick<RoundPlan, 'totalFen'>, budgetFen: number): string | undefined {
  return plan.totalFen > budgetFen ? `合计 ${formatYuan(plan.totalFen)} 超出本次预算 ${formatYuan(budgetFen)}，请调整礼品或发放对象` : undefined
}

/** Each unit's recipients (and collections), in the units' order. */
export function unitRows(counts: { unitId: string; count: number }[], received: Map<string, number>, units: Map<string, string>): RoundUnitCount[] {
  const order = [...units.keys()]
  return counts
    .map(({ unitId, count }) => ({ unitId, unitName: units.get(unitId) ?? '', count, received: received.get(unitId) ?? 0 }))
    .sort((a, b) => order.indexOf(a.unitId) - order.indexOf(b.unitId))
}

export const leftOutViews = (leftOut: RoundLeftOut[], units: Map<string, string>): LeftOutView[] =>
  leftOut.map(({ name, staffNo, unitId, reason }) => ({ name, staffNo, unitName: units.get(unitId) ?? '', reason }))

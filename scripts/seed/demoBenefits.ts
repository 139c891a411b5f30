/**
 * The demo union's benefit policies (figures within the caps domain.md lists; 疗休养 and 其他 left unset, as a
 * union starts) and this year's budgets for the kinds with a policy, and this month's birthday gifts, given the way the daily job gives them, a few already collected;
 * this year's past 端午 round, an application for 慰问 in every state (demoApplications.ts) and two hardship cases
 * (demoHardship.ts).
 */
import { festivalDate } from '../../cloudfunctions/benefits/festivals'
import { issueBirthdays } from '../../cloudfunctions/benefits/jobs'
import { planRound } from '../../cloudfunctions/benefits/roundPlan'
import { giveRound } from '../../cloudfunctions/benefits/rounds'
import { deadlineAfter } from '../../cloudfunctions/benefits/rules'
import type { BenefitPolicyDoc, MemberDoc } from '../../cloudfunctions/core/collections'
import type { Store } from '../../cloudfunctions/core/store/port'
import type { BenefitEligibility, BenefitKind, BenefitPolicy } from '../../types/benefits'
import type { RoundInput } from '../../types/festivalRounds'
import { shanghaiDay, shanghaiYear } from '../../types/time'
import { seedDemoApplications } from './demoApplications'
import { seedDemoHardship } from './demoHardship'

const SOURCE = '全总《基层工会经费收支管理办法》及省总工会实施细则'
const EVERYONE: BenefitEligibility = { statuses: ['active', 'retired'], duesPaid: true, minMonths: 0 }
const STAFF: BenefitEligibility = { statuses: ['active'], duesPaid: true, minMonths: 0 }

export function demoPolicies(): BenefitPolicy[] {
  const yuan = (amount: number) => amount * 100
  return [
    {
      kind: 'birthday',
      yearlyCapFen: yuan(300),
      frequency: 'oncePerYear',
      forms: ['voucher', 'inKind'],
      eligibility: EVERYONE,
      source: SOURCE,
      gift: { item: '生日蛋糕卡', amountFen: yuan(200), form: 'voucher', handout: { kind: 'code' }, claimDays: 30, lead: { kind: 'monthStart' } },
    },
    { kind: 'festival', yearlyCapFen: yuan(1800), frequency: 'withinCap', forms: ['inKind', 'voucher'], eligibility: EVERYONE, source: SOURCE },
    { kind: 'marriage', yearlyCapFen: yuan(1000), frequency: 'oncePerEvent', forms: ['inKind', 'cash'], eligibility: STAFF, source: SOURCE },
    { kind: 'childbirth', yearlyCapFen: yuan(1000), frequency: 'oncePerEvent', forms: ['inKind', 'cash'], eligibility: STAFF, source: SOURCE },
    { kind: 'hospitalization', yearlyCapFen: yuan(2000), frequency: 'oncePerEvent', forms: ['cash', 'inKind'], eligibility: EVERYONE, source: SOURCE },
    { kind: 'retirement', yearlyCapFen: yuan(1500), frequency: 'oncePerYear', forms: ['inKind'], eligibility: EVERYONE, source: SOURCE },
    { kind: 'bereavement', yearlyCapFen: yuan(2000), frequency: 'oncePerEvent', forms: ['cash'], eligibility: EVERYONE, source: SOURCE },
    { kind: 'relativeBereavement', yearlyCapFen: yuan(1000), frequency: 'oncePerEvent', forms: ['cash'], eligibility: EVERYONE, source: SOURCE },
    { kind: 'hardship', yearlyCapFen: yuan(2000), frequency: 'withinCap', forms: ['cash', 'inKind'], eligibility: EVERYONE, source: SOURCE },
  ]
}

/** This year's budget per kind, yuan: a union of 300 (疗休养 and 其他 have none, like their policies). */
export const DEMO_BUDGETS_YUAN: Partial<Record<BenefitKind, number>> = {
  birthday: 60_000,
  festival: 120_000,
  marriage: 5000,
  childbirth: 5000,
  hospitalization: 20_000,
  retirement: 15_000,
  bereavement: 10_000,
  relativeBereavement: 10_000,
  hardship: 30_000,
}

/** Every policy, and this year's budgets, set by the union office's first member; then the birthday job's run for `now`. */
export async function seedDemoBenefits(store: Store, now: Date, members: MemberDoc[]): Promise<void> {
  const office = members.find((member) => member.roles.includes('unionOffice'))!
  const at = new Date(now.getTime() - 30 * 86_400_000).toISOString()
  for (const policy of demoPolicies()) {
    const doc: BenefitPolicyDoc = { _id: policy.kind, ...policy, updatedAt: at, updatedById: office._id, updatedByName: office.name }
    await store.insert('benefitPolicies', doc)
  }
  const kindsFen = Object.fromEntries(Object.entries(DEMO_BUDGETS_YUAN).map(([kind, yuan]) => [kind, yuan * 100]))
  const year = shanghaiYear(now)
  await store.insert('benefitBudgets', { _id: String(year), year, kindsFen, updatedAt: at, updatedById: office._id, updatedByName: office.name })
  let cursor: string | undefined
  do cursor = (await issueBirthdays({ store, now, timeLeft: () => Number.POSITIVE_INFINITY }, cursor)).cursor
  while (cursor !== undefined)
  await seedDragonBoatRound(store, now, office)
  await seedDemoApplications(store, now, members)
  await seedDemoHardship(store, now, members)
  // Every third gift has been collected.
  const given = await store.find('benefitPayouts', { kind: 'birthday' }, { sort: { _id: 1 } })
  for (const payout of given.filter((_, i) => i % 3 === 0)) {
    await store.update('benefitPayouts', { _id: payout._id }, { $set: { receivedAt: now.toISOString(), receivedById: payout.memberId, receivedByName: payout.memberName } })
  }
}

/**
 * The last 端午 round (this year's, once its day has passed): 粽子礼盒 + 水果券 to every member whose dues are paid,
 * given five days before the festival by the union office; every tenth recipient has not collected.
 */
async function seedDragonBoatRound(store: Store, now: Date, office: MemberDoc): Promise<void> {
  const today = shanghaiDay(now)
  const thisYear = Number(today.slice(0, 4))
  const year = festivalDate('dragonBoat', thisYear) <= today ? thisYear : thisYear - 1
  const day = festivalDate('dragonBoat', year)
  const givenAt = new Date(`${deadlineAfter(day, -5)}T10:00:00+08:00`)
  const input: RoundInput = {
    festival: 'dragonBoat',
    year,
    items: [
      { item: '粽子礼盒', amount: 15_000, form: 'inKind' },
      { item: '水果券', amount: 5000, form: 'voucher' },
    ],
    audience: { statuses: ['active', 'retired'], duesPaidOnly: true },
    handout: { kind: 'unit' },
    claimDays: 15,
    budget: 6_000_000,
  }
  const plan = await planRound(store, input, givenAt)
  const roundId = await giveRound(store, input, { count: plan.recipients.length, totalFen: plan.totalFen }, office, givenAt, () => Number.POSITIVE_INFINITY)
  const collectedAt = new Date(`${day}T16:00:00+08:00`).toISOString()
  // The demo's inboxes and 操作日志 begin in the present, as the rest of the seed leaves them: June's go.
  await store.remove('messages', { subject: { $in: plan.recipients.map((member) => `benefit:festival-${roundId}-${member._id}-1`) } })
  await store.remove('auditLog', { targetId: roundId })
  const waiting = plan.recipients.filter((_, i) => i % 10 === 9).map((member) => member._id)
  await store.update('benefitPayouts', { roundId, memberId: { $nin: waiting } }, { $set: { receivedAt: collectedAt, receivedById: office._id, receivedByName: office.name } })
}

/**
 * The demo union's benefit policies (figures within the caps domain.md lists; 疗休养 and 其他 left unset, as a
 * union starts), and this month's birthday gifts, given the way the daily job gives them, a few already collected.
 */
import { issueBirthdays } from '../../cloudfunctions/benefits/jobs'
import type { BenefitPolicyDoc, MemberDoc } from '../../cloudfunctions/core/collections'
import type { Store } from '../../cloudfunctions/core/store/port'
import type { BenefitEligibility, BenefitPolicy } from '../../types/benefits'

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
    { kind: 'retirement', yearlyCapFen: yuan(1500), frequency: 'oncePerYear', forms: ['inKind'], eligibility: STAFF, source: SOURCE },
    { kind: 'bereavement', yearlyCapFen: yuan(2000), frequency: 'oncePerEvent', forms: ['cash'], eligibility: EVERYONE, source: SOURCE },
    { kind: 'relativeBereavement', yearlyCapFen: yuan(1000), frequency: 'oncePerEvent', forms: ['cash'], eligibility: EVERYONE, source: SOURCE },
    { kind: 'hardship', yearlyCapFen: yuan(2000), frequency: 'withinCap', forms: ['cash', 'inKind'], eligibility: EVERYONE, source: SOURCE },
  ]
}

/** Every policy set by the union office's first member; then the birthday job's run for `now`. */
export async function seedDemoBenefits(store: Store, now: Date, members: MemberDoc[]): Promise<void> {
  const office = members.find((member) => member.roles.includes('unionOffice'))!
  const at = new Date(now.getTime() - 30 * 86_400_000).toISOString()
  for (const policy of demoPolicies()) {
    const doc: BenefitPolicyDoc = { _id: policy.kind, ...policy, updatedAt: at, updatedById: office._id, updatedByName: office.name }
    await store.insert('benefitPolicies', doc)
  }
  let cursor: string | undefined
  do cursor = (await issueBirthdays({ store, now, timeLeft: () => Number.POSITIVE_INFINITY }, cursor)).cursor
  while (cursor !== undefined)
  // Every third gift has been collected.
  const given = await store.find('benefitPayouts', { kind: 'birthday' }, { sort: { _id: 1 } })
  for (const payout of given.filter((_, i) => i % 3 === 0)) {
    await store.update('benefitPayouts', { _id: payout._id }, { $set: { receivedAt: now.toISOString(), receivedById: payout.memberId, receivedByName: payout.memberName } })
  }
}

/**
 * The demo union's life-event 慰问 applications, one in every state, from members of 分工会 unit05 (whose unit admin
 * is a demo person): a hospital stay waiting for its unit admin, a birth waiting for the union office, a marriage
 * returned for its certificate, and a parent's death approved, its payout in the ledger and handed over. They hold no proof images.
 */
import { newApplication, applicationIdOf } from '../../cloudfunctions/benefits/applicationRules'
import { approvalPayout, type Approval } from '../../cloudfunctions/benefits/applications'
import { recordPayout } from '../../cloudfunctions/benefits/ledger'
import type { BenefitApplicationDoc, MemberDoc } from '../../cloudfunctions/core/collections'
import type { Store } from '../../cloudfunctions/core/store/port'
import type { ApplicationInput } from '../../types/benefitApplications'
import { shanghaiDay } from '../../types/time'

const DAY_MS = 86_400_000
const UNIT = 'unit05'

interface DemoApplication {
  input: ApplicationInput
  /** Days before now it was filed. */
  filed: number
  state: 'submitted' | 'checked' | 'returned' | 'approved'
  reason?: string
  approval?: Approval
}

export async function seedDemoApplications(store: Store, now: Date, members: MemberDoc[]): Promise<void> {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS)
  const day = (days: number) => shanghaiDay(ago(days))
  const office = members.find((member) => member.roles.includes('unionOffice'))!
  const admin = members.find((member) => member.roles.includes(`unitAdmin:${UNIT}`))!
  const applicants = members.filter((member) => member.unitId === UNIT && member.status === 'active' && member.duesPaid && member.roles.length === 0)
  const demos: DemoApplication[] = [
    { input: { kind: 'hospitalization', date: day(12), hospital: '省立医院', dischargedOn: day(5), note: '阑尾炎手术，住院一周', proofFileIds: [] }, filed: 2, state: 'submitted' },
    { input: { kind: 'childbirth', date: day(30), note: '女儿出生', proofFileIds: [] }, filed: 20, state: 'checked' },
    { input: { kind: 'marriage', date: day(60), note: '', proofFileIds: [] }, filed: 9, state: 'returned', reason: '请补充结婚证照片后重新提交' },
    { input: { kind: 'relativeBereavement', date: day(45), relation: 'parent', note: '父亲病故', proofFileIds: [] }, filed: 40, state: 'approved', approval: { amount: 100_000, form: 'cash' } },
  ]
  for (const [i, demo] of demos.entries()) {
    const member = applicants[i]
    const filedAt = ago(demo.filed)
    const checkedAt = ago(demo.filed - 1).toISOString()
    const fresh = newApplication(applicationIdOf(member._id, demo.input), member, demo.input, member, filedAt)
    const checked = { checkedAt, checkedById: admin._id, checkedByName: admin.name }
    let application: BenefitApplicationDoc = fresh
    if (demo.state === 'checked') application = { ...fresh, state: 'checked', ...checked, updatedAt: checkedAt }
    if (demo.state === 'returned') application = { ...fresh, state: 'returned', returns: [{ step: 'unit', byId: admin._id, byName: admin.name, at: checkedAt, reason: demo.reason! }], updatedAt: checkedAt }
    if (demo.state === 'approved') {
      const decidedAt = ago(demo.filed - 3)
      const payout = approvalPayout(fresh, member, demo.approval!, office, decidedAt)
      await recordPayout(store, (await store.get('benefitPolicies', demo.input.kind))!, payout, decidedAt)
      // Handed over by the unit admin two days later; the demo's inboxes begin in the present, so its message goes.
      await store.update('benefitPayouts', { _id: payout._id }, { $set: { receivedAt: ago(demo.filed - 5).toISOString(), receivedById: admin._id, receivedByName: admin.name } })
      await store.remove('messages', { subject: `benefit:${payout._id}` })
      const decision = { decidedAt: payout.issuedAt, decidedById: office._id, decidedByName: office.name, payoutId: payout._id, amountFen: payout.amountFen, form: payout.form, item: payout.item }
      application = { ...fresh, state: 'approved', ...checked, ...decision, updatedAt: payout.issuedAt }
    }
    await store.insert('benefitApplications', application)
  }
}

/**
 * The demo union's hardship files (困难帮扶档案), in 分工会 unit05 (whose unit admin is a demo person): one case in the
 * file, 因病 and 特别困难, with ¥1,000 of aid and a 送温暖 visit; one just reported, waiting for the union office. They
 * hold no proof images, and their members are none of the demo applications' (demoApplications.ts).
 */
import { aidPayout, newHardshipCase } from '../../cloudfunctions/benefits/hardship'
import { recordPayout } from '../../cloudfunctions/benefits/ledger'
import type { HardshipCaseDoc, MemberDoc } from '../../cloudfunctions/core/collections'
import type { Store } from '../../cloudfunctions/core/store/port'
import { shanghaiDay } from '../../types/time'

const DAY_MS = 86_400_000
const UNIT = 'unit05'
/** The demo applications take the unit's first four plain members. */
const FIRST_MEMBER = 4

export async function seedDemoHardship(store: Store, now: Date, members: MemberDoc[]): Promise<void> {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS)
  const office = members.find((member) => member.roles.includes('unionOffice'))!
  const admin = members.find((member) => member.roles.includes(`unitAdmin:${UNIT}`))!
  const [ill, singleParent] = members.filter((member) => member.unitId === UNIT && member.status === 'active' && member.duesPaid && member.roles.length === 0).slice(FIRST_MEMBER)

  const reported = newHardshipCase(ill, { cause: 'illness', level: 'severe', situation: '本人确诊恶性肿瘤，正在化疗，自付医疗费用约 8 万元；配偶无固定收入，子女在读高中。', proofFileIds: [] }, admin, ago(40))
  const filedAt = ago(35).toISOString()
  const filed: HardshipCaseDoc = {
    ...reported,
    state: 'filed',
    filedAt,
    filedById: office._id,
    filedByName: office.name,
    visits: [{ kind: 'warmth', day: shanghaiDay(ago(20)), visitors: `${office.name}、${admin.name}`, note: '到家中看望，转达学校工会的关心，了解治疗进展。', byId: admin._id, byName: admin.name, at: ago(20).toISOString() }],
    updatedAt: ago(20).toISOString(),
  }
  await store.insert('hardshipCases', filed)
  const aid = aidPayout(filed, ill, { amount: 100_000, form: 'cash', day: shanghaiDay(ago(20)), approvalRef: '校工会主席办公会（困难帮扶）' }, office, ago(20))
  await recordPayout(store, (await store.get('benefitPolicies', 'hardship'))!, aid, ago(20), { quiet: true })
  await store.insert('hardshipCases', newHardshipCase(singleParent, { cause: 'singleParent', level: 'general', situation: '离异后独自抚养两个孩子，一个患哮喘需长期用药，家庭收入仅本人工资。', proofFileIds: [] }, admin, ago(3)))
}

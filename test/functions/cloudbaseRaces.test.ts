/**
 * Races between transactions, run on the CloudBase adapter over the real SDK with the service answered in-process
 * (test/store/cloudbaseStandIn.ts). SQLite runs transactions one after another, so there two transactions can never
 * both read before either writes; CloudBase runs them side by side under snapshot isolation and catches only two
 * writes to one document. Only here can a guard against write skew fail its test.
 */
import { recordPayout, tallyId } from '../../cloudfunctions/benefits/ledger'
import { CloudBaseStore } from '../../cloudfunctions/core/store/cloudbase'
import { CloudBaseStandIn } from '../store/cloudbaseStandIn'
import { NOW, PEOPLE, callAs, expectFailure, hospitalStay, memberEdit } from './harness'
import { cloudBaseDemo } from './cloudbaseDemo'

let standIn: CloudBaseStandIn
let store: CloudBaseStore

beforeEach(async () => {
  ;({ store, standIn } = await cloudBaseDemo())
})

afterEach(() => standIn.close())

/** Current union office admins (not 离校). */
const admins = async () => (await store.find('members', { roles: 'unionOffice', status: { $ne: 'left' } })).map((member) => member._id)

const ROUNDS = [1, 2, 3]

it.each(ROUNDS)('two admins revoking each other at once (round %i): one remains, the other is refused', async () => {
  const results = await Promise.all([
    callAs(store, 'members', PEOPLE.office, 'revokeRole', { memberId: PEOPLE.office2, role: 'unionOffice' }),
    callAs(store, 'members', PEOPLE.office2, 'revokeRole', { memberId: PEOPLE.office, role: 'unionOffice' }),
  ])
  expect(results.filter((result) => result.ok)).toHaveLength(1)
  expect(expectFailure(results.find((result) => !result.ok)!, 'FORBIDDEN').message).toContain('您的校工会管理员角色已被撤销')
  expect(await admins()).toHaveLength(1)
})

it.each(ROUNDS)('two admins marking each other 离校 at once (round %i): one remains', async () => {
  const leave = (who: string, target: string) => callAs(store, 'members', who, 'updateMember', { memberId: target, member: memberEdit(target, { status: 'left' }) })
  const results = await Promise.all([leave(PEOPLE.office, PEOPLE.office2), leave(PEOPLE.office2, PEOPLE.office)])
  expect(results.filter((result) => result.ok)).toHaveLength(1)
  expect(await admins()).toHaveLength(1)
})

it.each(ROUNDS)('the first two payouts of a year at once that together pass the cap (round %i): one is written', async () => {
  const policy = (await store.get('benefitPolicies', 'hospitalization'))!
  const results = await Promise.allSettled([recordPayout(store, policy, hospitalStay('stay-a', 150_000), NOW), recordPayout(store, policy, hospitalStay('stay-b', 150_000), NOW)])
  expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected'])
  expect(await store.get('benefitTallies', tallyId(2026, PEOPLE.unit01Member, 'hospitalization'))).toMatchObject({ totalFen: 150_000, count: 1 })
})

it.each(ROUNDS)('two payouts at once that together pass the cap (round %i): one is written, the other refused with what is left', async () => {
  const policy = (await store.get('benefitPolicies', 'hospitalization'))!
  // ¥1,000 of the ¥2,000 cap given already; two ¥800 stays approved at once.
  expect(await recordPayout(store, policy, hospitalStay('stay-0', 100_000), NOW)).toBe(true)
  const results = await Promise.allSettled([recordPayout(store, policy, hospitalStay('stay-a', 80_000), NOW), recordPayout(store, policy, hospitalStay('stay-b', 80_000), NOW)])
  expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected'])
  expect((results.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason.message).toBe('超出住院慰问年度限额 ¥2,000：今年已发放 ¥1,800，还可发放 ¥200')
  expect(await store.get('benefitTallies', tallyId(2026, PEOPLE.unit01Member, 'hospitalization'))).toMatchObject({ totalFen: 180_000, count: 2 })
})

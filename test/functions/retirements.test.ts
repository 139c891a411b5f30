/**
 * 荣休名单 over SQLite through the interleaving store: who is on it (the retirement ages of 工会设置, anyone given
 * their retirement payout this year), the keepsake the union office gives them (a retirement payout under the policy,
 * once a year each, even when given twice at once or with an application approved at the same moment), what it
 * refuses and why, and the audit. Then the same race on the CloudBase adapter.
 */
import { tallyId } from '../../cloudfunctions/benefits/ledger'
import type { Store } from '../../cloudfunctions/core/store/port'
import type { RetirementList } from '../../types/retirement'
import { InterleavingStore } from '../interleavingStore'
import type { CloudBaseStandIn } from '../store/cloudbaseStandIn'
import { NOW, PEOPLE, callAs, expectFailure, expectOk, seededStore, snapshot, type TestStore } from './harness'
import { cloudBaseDemo } from './cloudbaseDemo'

let store: Store

beforeEach(async () => {
  store = await seededStore()
})

afterEach(() => {
  if (store instanceof InterleavingStore) store.close()
})

async function reseed(seed: number) {
  ;(store as TestStore).close()
  store = await seededStore(NOW, seed)
}

const KEEPSAKE = { item: '荣休水晶杯', amount: 300, form: 'inKind', pickupPlace: '荣休仪式现场（逸夫楼报告厅）' }
/** The demo's four reaching the retirement age in 2026 (men 60, women 55), by unit. */
const OF_AGE = ['m0134', 'm0177', 'm0299', 'm0117']
/** 廖月佳 (200019) of unit01, retiring early this year on medical grounds (病退): the union office adds her. */
const EARLY = 'm0019'

const list = async (who: string = PEOPLE.office, input: Record<string, unknown> = {}) => expectOk(await callAs(store, 'benefits', who, 'retirements', input))
const give = (memberIds: string[], overrides: Record<string, unknown> = {}, who: string = PEOPLE.office) =>
  callAs(store, 'benefits', who, 'giveKeepsakes', { memberIds, ...KEEPSAKE, ...overrides })
const rowsOf = (retirements: RetirementList) => retirements.rows.map((row) => [row.name, row.staffNo, row.unitName, row.genderLabel, row.birthDate, row.reason, row.keepsake?.item ?? '—'])

describe('the list', () => {
  it('holds this year’s members reaching the retirement age, by unit, with why each is there', async () => {
    const retirements = await list()
    expect(retirements).toMatchObject({ year: 2026, ages: { male: 60, female: 55 } })
    expect(rowsOf(retirements)).toEqual([
      ['罗鹏帅', '200134', '后勤保障分工会', '男', '1966-02-16', '今年满 60 周岁', '—'],
      ['程静艳', '200177', '外国语学院分工会', '女', '1971-09-16', '今年满 55 周岁', '—'],
      ['段飞波', '200299', '马克思主义学院分工会', '男', '1966-11-09', '今年满 60 周岁', '—'],
      ['黄帆', '200117', '图文信息中心分工会', '男', '1966-09-12', '今年满 60 周岁', '—'],
    ])
  })

  it('follows the retirement ages of 工会设置, audited there', async () => {
    expectOk(await callAs(store, 'members', PEOPLE.office, 'updateSettings', { youthUnderAge: 40, retirementAges: { male: 63, female: 55 } }))
    const retirements = await list()
    expect(retirements.ages).toEqual({ male: 63, female: 55 })
    // Men born in 1963 now, women still born in 1971.
    expect(rowsOf(retirements).map(([name, , , gender, birthDate]) => [name, gender, birthDate])).toEqual(expect.arrayContaining([['程静艳', '女', '1971-09-16']]))
    expect(retirements.rows.filter((row) => row.genderLabel === '男').every((row) => row.birthDate.startsWith('1963-'))).toBe(true)
    const [entry] = await store.find('auditLog', { action: 'settings.update' })
    expect(entry.before).toMatchObject({ 退休年龄: '男 60 周岁，女 55 周岁' })
    expect(entry.after).toMatchObject({ 退休年龄: '男 63 周岁，女 55 周岁' })
  })

  it('lists another year’s on asking: 2027’s men born in 1967 and women in 1972', async () => {
    const retirements = await list(PEOPLE.office, { year: 2027 })
    expect(retirements.year).toBe(2027)
    expect(retirements.rows.length).toBeGreaterThan(0)
    expect(retirements.rows.every((row) => row.birthDate.startsWith(row.genderLabel === '男' ? '1967-' : '1972-'))).toBe(true)
  })

  it('is the union office’s only', async () => {
    for (const who of [PEOPLE.unitAdmin, PEOPLE.unit01Member, PEOPLE.retired]) {
      expectFailure(await callAs(store, 'benefits', who, 'retirements', {}), 'FORBIDDEN')
      expectFailure(await give(OF_AGE, {}, who), 'FORBIDDEN')
    }
  })
})

describe('keepsakes', () => {
  it('gives each picked member the keepsake as a retirement payout, tells them, and lists it', async () => {
    const result = expectOk(await give([...OF_AGE, EARLY]))
    expect([result.given, result.already, result.refused]).toEqual([5, 0, []])
    expect(rowsOf(result.list).map(([name, , , , , reason, item]) => [name, reason, item])).toEqual([
      ['廖月佳', '校工会加入', '荣休水晶杯'],
      ['罗鹏帅', '今年满 60 周岁', '荣休水晶杯'],
      ['程静艳', '今年满 55 周岁', '荣休水晶杯'],
      ['段飞波', '今年满 60 周岁', '荣休水晶杯'],
      ['黄帆', '今年满 60 周岁', '荣休水晶杯'],
    ])
    expect(await store.get('benefitPayouts', 'retirement-2026-m0134')).toMatchObject({
      kind: 'retirement',
      year: 2026,
      item: '荣休水晶杯',
      amountFen: 30_000,
      form: 'inKind',
      source: { type: 'retirementList' },
      approvalRef: '2026 年荣休名单（工会福利政策 2026-10-21）',
      approverName: '周建华',
      handout: { kind: 'pickup', place: '荣休仪式现场（逸夫楼报告厅）' },
    })
    expect(await store.get('benefitTallies', tallyId(2026, 'm0134', 'retirement'))).toMatchObject({ totalFen: 30_000, count: 1 })
    expect((await store.find('messages', { recipientId: 'm0134', kind: 'benefitIssued' })).map((message) => message.text)).toHaveLength(1)
    expect((await store.find('auditLog', { action: 'benefits.giveKeepsakes' })).map((entry) => [entry.actorName, entry.target, entry.after])).toEqual([
      ['周建华', '2026 年荣休名单', { 纪念品: '荣休水晶杯（实物 ¥300）', 领取地点: '荣休仪式现场（逸夫楼报告厅）', 发放人数: 5 }],
    ])
    // The member sees it in 我的福利, where to collect it.
    const mine = expectOk(await callAs(store, 'benefits', 'm0134', 'mine', {}))
    expect(mine.items.find((item) => item.kind === 'retirement')).toMatchObject({ item: '荣休水晶杯', handout: { kind: 'pickup', place: '荣休仪式现场（逸夫楼报告厅）' } })
  })

  it('gives nobody a second: asked again, it counts them, writes and logs nothing', async () => {
    expectOk(await give(OF_AGE))
    const before = await snapshot(store)
    const again = expectOk(await give(OF_AGE, { item: '纪念相册', amount: 200 }))
    expect([again.given, again.already, again.refused]).toEqual([0, 4, []])
    expect(await snapshot(store)).toEqual(before)
  })

  it('refuses those the policy does not cover, in words, and gives the rest', async () => {
    await store.update('members', { _id: 'm0117' }, { $set: { duesPaid: false } })
    // 程静艳's retirement 慰问 approved through an application this year: 退休慰问 is once a year.
    const applied = expectOk(await callAs(store, 'benefits', 'm0177', 'apply', { kind: 'retirement', date: '2026-09-30' }))
    expectOk(await callAs(store, 'benefits', PEOPLE.office, 'checkApplication', { applicationId: applied.id, approve: true }))
    expectOk(await callAs(store, 'benefits', PEOPLE.office2, 'decideApplication', { applicationId: applied.id, approve: true, amount: 500, form: 'inKind' }))
    const result = expectOk(await give(OF_AGE))
    expect([result.given, result.already]).toEqual([2, 0])
    expect(result.refused).toEqual(
      expect.arrayContaining([
        { name: '黄帆', staffNo: '200117', reason: '会费未按时缴纳' },
        { name: '程静艳', staffNo: '200177', reason: '今年已发放过退休（荣休）（每年一次）' },
      ]),
    )
    expect(result.refused).toHaveLength(2)
    // She is listed with what the application gave her.
    expect(result.list.rows.find((row) => row.name === '程静艳')).toMatchObject({ reason: '今年满 55 周岁', keepsake: { item: '荣休慰问品', amountFen: 50_000 } })
  })

  it('refuses, changing nothing, a form the policy does not allow, no policy, or someone who is not there', async () => {
    const before = await snapshot(store)
    expect(expectFailure(await give(OF_AGE, { form: 'cash' }), 'INVALID_INPUT')).toMatchObject({ message: '退休（荣休）只能以实物形式发放', fields: { form: '退休（荣休）只能以实物形式发放' } })
    expect(expectFailure(await give([...OF_AGE, 'm9999']), 'NOT_FOUND').message).toBe('有会员不存在或已被删除，请返回刷新后重试')
    expect(await snapshot(store)).toEqual(before)
    await store.remove('benefitPolicies', { _id: 'retirement' })
    expect(expectFailure(await give(OF_AGE), 'CONFLICT').message).toBe('校工会尚未设置退休（荣休）的福利政策，请先在「福利政策」中设置')
  })
})

describe('at once', () => {
  it.each([1, 2, 3, 4, 5])('two gives of the same list make one keepsake each (seed %i)', async (seed) => {
    await reseed(seed)
    const results = await Promise.all([give(OF_AGE), callAs(store, 'benefits', PEOPLE.office2, 'giveKeepsakes', { memberIds: OF_AGE, ...KEEPSAKE })])
    const [first, second] = results.map((result) => expectOk(result))
    expect(first.given + second.given).toBe(4)
    expect(first.already + second.already).toBe(4)
    for (const id of OF_AGE) expect(await store.get('benefitTallies', tallyId(2026, id, 'retirement'))).toMatchObject({ totalFen: 30_000, count: 1 })
    expect(await store.count('benefitPayouts', { kind: 'retirement' })).toBe(4)
  })

  it.each([1, 2, 3, 4, 5])('a keepsake and an approved application for the same member: one retirement payout (seed %i)', async (seed) => {
    await reseed(seed)
    const applied = expectOk(await callAs(store, 'benefits', 'm0134', 'apply', { kind: 'retirement', date: '2026-09-30' }))
    expectOk(await callAs(store, 'benefits', PEOPLE.office, 'checkApplication', { applicationId: applied.id, approve: true }))
    const [given, decided] = await Promise.all([give(['m0134']), callAs(store, 'benefits', PEOPLE.office2, 'decideApplication', { applicationId: applied.id, approve: true, amount: 500, form: 'inKind' })])
    const keepsakes = expectOk(given).given
    expect(keepsakes + (decided.ok ? 1 : 0)).toBe(1)
    expect(await store.count('benefitPayouts', { kind: 'retirement', memberId: 'm0134' })).toBe(1)
    expect(await store.get('benefitTallies', tallyId(2026, 'm0134', 'retirement'))).toMatchObject({ count: 1 })
  })
})

describe('on CloudBase', () => {
  let standIn: CloudBaseStandIn

  beforeEach(async () => {
    ;({ store, standIn } = await cloudBaseDemo())
  })

  afterEach(() => standIn.close())

  it.each([1, 2, 3])('two gives of the same list at once (round %i): one keepsake each', async () => {
    const results = await Promise.all([give(OF_AGE), callAs(store, 'benefits', PEOPLE.office2, 'giveKeepsakes', { memberIds: OF_AGE, ...KEEPSAKE })])
    const [first, second] = results.map((result) => expectOk(result))
    expect(first.given + second.given).toBe(4)
    expect(await store.count('benefitPayouts', { kind: 'retirement' })).toBe(4)
    for (const id of OF_AGE) expect(await store.get('benefitTallies', tallyId(2026, id, 'retirement'))).toMatchObject({ count: 1 })
  })
})

/**
 * Hardship files (困难帮扶) over SQLite through the interleaving store: a unit admin reports a case, the union office
 * files or returns it, records aid (ledger payouts under the hardship cap, even when two are recorded at once) and
 * visits, and closes it; who reaches a case (the union office and the reporting unit's admins only), every look in
 * the audit log, one case a member a year, and how long proofs are kept. Then the same races on the CloudBase adapter.
 */
import { readFileSync } from 'node:fs'
import { tallyId } from '../../cloudfunctions/benefits/ledger'
import type { Store } from '../../cloudfunctions/core/store/port'
import { InterleavingStore } from '../interleavingStore'
import { CloudBaseStandIn } from '../store/cloudbaseStandIn'
import { DAY, NOW, PEOPLE, PNG, callAs, expectFailure, expectOk, later, runJob, seededStore, snapshot, testFiles, uploadPicture, type TestStore } from './harness'
import { cloudBaseDemo } from './cloudbaseDemo'

let store: Store

/** The demo's own cases (and their aid) go: these tests start from none. */
async function withoutDemoCases(seeded: Store) {
  await seeded.remove('hardshipCases', { year: 2026 })
  await seeded.remove('benefitPayouts', { kind: 'hardship' })
  await seeded.remove('benefitTallies', { kind: 'hardship' })
}

beforeEach(async () => {
  store = await seededStore()
  await withoutDemoCases(store)
})

afterEach(() => {
  if (store instanceof InterleavingStore) store.close()
})

async function reseed(seed: number) {
  ;(store as TestStore).close()
  store = await seededStore(NOW, seed)
  await withoutDemoCases(store)
}

const upload = () => uploadPicture(store)

/** 田博平 (200006), of unit05, whose admin is PEOPLE.unitAdmin (胡静, herself of unit12). */
const MEMBER = 'm0006'
const CASE = `2026-${MEMBER}`
const ADMIN = PEOPLE.unitAdmin

const report = (who: string, overrides: Record<string, unknown> = {}) =>
  callAs(store, 'benefits', who, 'reportHardship', { memberId: MEMBER, cause: 'illness', level: 'serious', situation: '配偶重病住院，自付医疗费约 6 万元', ...overrides })
const fileIt = (who: string, overrides: Record<string, unknown> = {}) => callAs(store, 'benefits', who, 'fileHardship', { caseId: CASE, approve: true, cause: 'illness', level: 'severe', ...overrides })
const giveBack = (who: string, reason: string) => callAs(store, 'benefits', who, 'fileHardship', { caseId: CASE, approve: false, reason })
const aid = (who: string, amount: number, overrides: Record<string, unknown> = {}) =>
  callAs(store, 'benefits', who, 'recordHardshipAid', { caseId: CASE, amount, form: 'cash', day: '2026-11-18', approvalRef: '2026 年第 9 次主席办公会', ...overrides })
const visit = (who: string, overrides: Record<string, unknown> = {}, now = NOW) =>
  callAs(store, 'benefits', who, 'recordHardshipVisit', { caseId: CASE, visitKind: 'warmth', day: '2026-11-19', visitors: '周建华、胡静', note: '到医院看望', ...overrides }, { now })

/** A case reported by the unit admin and filed by the union office. */
async function filedCase() {
  expectOk(await report(ADMIN))
  expectOk(await fileIt(PEOPLE.office))
}

const auditOf = (action: string) => store.find('auditLog', { action }, { sort: { at: 1, _id: 1 } })

describe('reporting and filing', () => {
  it('takes a unit admin’s report, holds its proofs, and files it as the union office grades it', async () => {
    const proof = await upload()
    const row = expectOk(await report(ADMIN, { proofFileIds: [proof] }))
    expect(row).toEqual({
      id: CASE,
      year: 2026,
      memberName: '田博平',
      staffNo: '200006',
      unitName: '文学院分工会',
      cause: 'illness',
      causeLabel: '因病',
      level: 'serious',
      levelLabel: '比较困难',
      state: 'reported',
      stateLabel: '待校工会确认',
      reportedAt: NOW.toISOString(),
    })
    // Held with the case, whatever the upload's hour said.
    await runJob(store, 'exports', 'purgeFiles', { now: later(2 * DAY) })
    expect(await testFiles.read(proof)).toEqual(PNG)
    // Nobody is told: a message could show it on a locked screen.
    expect(await store.count('messages', { recipientId: MEMBER })).toBe(0)

    const detail = expectOk(await fileIt(PEOPLE.office))
    expect(detail).toMatchObject({ state: 'filed', stateLabel: '已建档', level: 'severe', levelLabel: '特别困难', filedByName: '周建华', reportedByName: '胡静', aids: [], aidTotalFen: 0, visits: [] })
    expect(detail.proofUrls).toHaveLength(1)
    expect((await auditOf('benefits.reportHardship')).map((entry) => [entry.actorName, entry.target, entry.after])).toEqual([
      ['胡静', '2026 年困难帮扶：田博平（200006）', { 类别: '因病', 等级: '比较困难', 状态: '待校工会确认', 证明材料: '1 张' }],
    ])
    expect((await auditOf('benefits.fileHardship')).map((entry) => [entry.actorName, entry.before, entry.after])).toEqual([
      ['周建华', { 类别: '因病', 等级: '比较困难', 状态: '待校工会确认' }, { 类别: '因病', 等级: '特别困难', 状态: '已建档' }],
    ])
  })

  it('returns a case with the reason, lets it be reported again with its history, and deletes returned proofs after 30 days', async () => {
    const proof = await upload()
    expectOk(await report(ADMIN, { proofFileIds: [proof] }))
    const returned = expectOk(await giveBack(PEOPLE.office, '请补充医院费用清单'))
    expect(returned).toMatchObject({ state: 'returned', returns: [{ byName: '周建华', reason: '请补充医院费用清单', at: NOW.toISOString() }] })
    await runJob(store, 'exports', 'purgeFiles', { now: later(31 * DAY) })
    expect(await testFiles.read(proof)).toBeNull()

    expectOk(await report(ADMIN, { level: 'general', situation: '配偶重病住院，自付医疗费约 6 万元，附费用清单' }))
    const again = expectOk(await callAs(store, 'benefits', PEOPLE.office, 'hardshipCase', { caseId: CASE }))
    expect(again).toMatchObject({ state: 'reported', level: 'general', situation: '配偶重病住院，自付医疗费约 6 万元，附费用清单', proofUrls: [], returns: [{ reason: '请补充医院费用清单' }] })
  })

  it('keeps one case a member a year: a second report is refused while the first waits or is filed', async () => {
    expectOk(await report(ADMIN))
    expect(expectFailure(await report(PEOPLE.office), 'CONFLICT').message).toBe('田博平今年的困难帮扶档案待校工会确认，每人每年一份档案')
    expectOk(await fileIt(PEOPLE.office))
    expect(expectFailure(await report(ADMIN, { cause: 'disaster' }), 'CONFLICT').message).toBe('田博平今年的困难帮扶档案已建档，每人每年一份档案')
    expect(await store.count('hardshipCases')).toBe(1)
  })

  it.each([1, 2, 3, 4, 5])('reported by the unit admin and the union office at once, makes one case (seed %i)', async (seed) => {
    await reseed(seed)
    const results = await Promise.all([report(ADMIN), report(PEOPLE.office, { cause: 'education' }), report(ADMIN, { level: 'general' })])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(await store.count('hardshipCases')).toBe(1)
    expect((await auditOf('benefits.reportHardship')).length).toBe(1)
  })

  it.each([1, 2, 3])('filed and returned at once by two of the union office, takes one decision (seed %i)', async (seed) => {
    await reseed(seed)
    expectOk(await report(ADMIN))
    const results = await Promise.all([fileIt(PEOPLE.office), giveBack(PEOPLE.office2, '情况不属实')])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect((await auditOf('benefits.fileHardship')).length).toBe(1)
  })

  it.each([
    ['their own hardship', async () => undefined, () => callAs(store, 'benefits', PEOPLE.office, 'reportHardship', { memberId: PEOPLE.office, cause: 'other', level: 'general', situation: '家庭困难' }), 'FORBIDDEN', '不能为自己上报困难帮扶，请由所在分工会或校工会办理'],
    ['a member who has left', () => store.update('members', { _id: MEMBER }, { $set: { status: 'left' } }), () => report(ADMIN), 'CONFLICT', '田博平已离校，不能上报困难帮扶'],
    ['filing what one reported oneself', async () => expectOk(await report(PEOPLE.office)), () => fileIt(PEOPLE.office), 'FORBIDDEN', '自己的档案或自己上报的档案须由校工会的其他同事确认'],
    ['filing a case already filed', filedCase, () => fileIt(PEOPLE.office2), 'CONFLICT', '这份档案已建档，不能建档'],
  ])('refuses %s, changing nothing', async (_case, setUp, attempt, code, message) => {
    await setUp()
    const before = await snapshot(store)
    expect(expectFailure(await attempt(), code as 'CONFLICT').message).toBe(message)
    expect(await snapshot(store)).toEqual(before)
  })
})

describe('aid and visits', () => {
  it('writes each aid to the ledger under the case’s year, tells nobody, and lists it on the case', async () => {
    await filedCase()
    const detail = expectOk(await aid(PEOPLE.office, 1200))
    expect(detail.aids).toEqual([
      { payoutId: expect.stringMatching(/^hardship-/), item: '困难帮扶金', amountFen: 120_000, form: 'cash', day: '2026-11-18', approvalRef: '2026 年第 9 次主席办公会', recordedByName: '周建华' },
    ])
    expect(detail.aidTotalFen).toBe(120_000)
    const [payout] = await store.find('benefitPayouts', { kind: 'hardship' })
    expect(payout).toMatchObject({ memberId: MEMBER, unitId: 'unit05', year: 2026, caseId: CASE, aidDay: '2026-11-18', approverName: '周建华', handout: { kind: 'unit' } })
    expect(await store.get('benefitTallies', tallyId(2026, MEMBER, 'hardship'))).toMatchObject({ totalFen: 120_000, count: 1 })
    expect(await store.count('messages', { recipientId: MEMBER })).toBe(0)
    // In the ledger its unit admin reads.
    const ledger = expectOk(await callAs(store, 'benefits', ADMIN, 'ledger', { unitId: 'unit05', kind: 'hardship' }))
    expect(ledger.items.map((row) => [row.memberName, row.kindLabel, row.amountFen, row.approvalRef])).toEqual([['田博平', '困难帮扶', 120_000, '2026 年第 9 次主席办公会']])
    expect((await auditOf('benefits.recordHardshipAid')).map((entry) => entry.after)).toEqual([{ 金额: '¥1,200', 形式: '慰问金', 帮扶日期: '2026-11-18', 审批依据: '2026 年第 9 次主席办公会' }])
  })

  it.each([
    ['a case not yet filed', async () => expectOk(await report(ADMIN)), () => aid(PEOPLE.office, 500), 'CONFLICT', '这份档案待校工会确认，只有已建档的档案可以登记帮扶'],
    ['a day to come', filedCase, () => aid(PEOPLE.office, 500, { day: '2026-11-21' }), 'INVALID_INPUT', '帮扶日期不能晚于今天'],
    ['a day of last year', filedCase, () => aid(PEOPLE.office, 500, { day: '2025-12-31' }), 'INVALID_INPUT', '帮扶日期须在 2026 年内：这是 2026 年的档案'],
    ['a form the policy does not allow', filedCase, () => aid(PEOPLE.office, 500, { form: 'voucher' }), 'INVALID_INPUT', '困难帮扶只能以慰问金、实物形式发放'],
    ['more than the yearly cap leaves', async () => {
      await filedCase()
      expectOk(await aid(PEOPLE.office, 1500))
    }, () => aid(PEOPLE.office, 600), 'CONFLICT', '超出困难帮扶年度限额 ¥2,000：今年已发放 ¥1,500，还可发放 ¥500'],
    ['a visit to a case not yet filed', async () => expectOk(await report(ADMIN)), () => visit(ADMIN), 'CONFLICT', '这份档案待校工会确认，不能登记走访'],
    ['a visit to come', filedCase, () => visit(ADMIN, { day: '2026-11-21' }), 'INVALID_INPUT', '走访日期不能晚于今天'],
  ])('refuses aid or a visit for %s, changing nothing', async (_case, setUp, attempt, code, message) => {
    await setUp()
    const before = await snapshot(store)
    expect(expectFailure(await attempt(), code as 'CONFLICT').message).toBe(message)
    expect(await snapshot(store)).toEqual(before)
  })

  it.each([1, 2, 3, 4, 5])('two aids of ¥1,200 recorded at once pass the ¥2,000 cap once (seed %i)', async (seed) => {
    await reseed(seed)
    await filedCase()
    await store.update('members', { _id: 'm0025' }, { $push: { roles: 'unionOffice' } })
    const results = await Promise.all([aid(PEOPLE.office, 1200), aid('m0025', 1200)])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(await store.count('benefitPayouts', { kind: 'hardship' })).toBe(1)
    expect(await store.get('benefitTallies', tallyId(2026, MEMBER, 'hardship'))).toMatchObject({ totalFen: 120_000, count: 1 })
  })

  it('records visits by the unit admin and the union office, oldest first', async () => {
    await filedCase()
    expectOk(await visit(ADMIN))
    const detail = expectOk(await visit(PEOPLE.office, { visitKind: 'mustVisit', day: '2026-11-20', visitors: '周建华', note: '' }))
    expect(detail.visits).toEqual([
      { kind: 'warmth', kindLabel: '送温暖', day: '2026-11-19', visitors: '周建华、胡静', note: '到医院看望', recordedByName: '胡静' },
      { kind: 'mustVisit', kindLabel: '五必访', day: '2026-11-20', visitors: '周建华', note: '', recordedByName: '周建华' },
    ])
    // Both entries carry the same (frozen) time: their order in the log is not the point.
    const logged = (await auditOf('benefits.recordHardshipVisit')).map((entry) => [entry.actorName, entry.after])
    expect(logged).toHaveLength(2)
    expect(logged).toEqual(
      expect.arrayContaining([
        ['胡静', { 走访类别: '送温暖', 走访日期: '2026-11-19', 走访人: '周建华、胡静' }],
        ['周建华', { 走访类别: '五必访', 走访日期: '2026-11-20', 走访人: '周建华' }],
      ]),
    )
  })

  it('closes a case: no more aid or visits, and its proofs go 30 days later', async () => {
    const proof = await upload()
    expectOk(await report(ADMIN, { proofFileIds: [proof] }))
    expectOk(await fileIt(PEOPLE.office))
    const closed = expectOk(await callAs(store, 'benefits', PEOPLE.office, 'closeHardship', { caseId: CASE, reason: '配偶康复出院，家庭已脱困' }))
    expect(closed).toMatchObject({ state: 'closed', stateLabel: '已结档', closedByName: '周建华', closeReason: '配偶康复出院，家庭已脱困' })
    expect(expectFailure(await aid(PEOPLE.office, 500), 'CONFLICT').message).toBe('这份档案已结档，只有已建档的档案可以登记帮扶')
    expect(expectFailure(await visit(ADMIN), 'CONFLICT').message).toBe('这份档案已结档，不能登记走访')
    await runJob(store, 'exports', 'purgeFiles', { now: later(29 * DAY) })
    expect(await testFiles.read(proof)).toEqual(PNG)
    await runJob(store, 'exports', 'purgeFiles', { now: later(31 * DAY) })
    expect(await testFiles.read(proof)).toBeNull()
  })

  it('refuses an aid whose case is closed between reading it and writing the payout, and writes nothing of it', async () => {
    await filedCase()
    // The close lands just as the aid's payout transaction begins, after the aid read the case as filed.
    let closing: Promise<unknown> | undefined
    const racing = new Proxy(store, {
      get(target, name, receiver) {
        if (name !== 'transaction') return Reflect.get(target, name, receiver)
        return async (work: Parameters<Store['transaction']>[0]) => {
          closing ??= callAs(store, 'benefits', PEOPLE.office2, 'closeHardship', { caseId: CASE, reason: '家庭已脱困' })
          expectOk(await (closing as ReturnType<typeof callAs>))
          return target.transaction(work)
        }
      },
    })
    const answer = await callAs(racing, 'benefits', PEOPLE.office, 'recordHardshipAid', { caseId: CASE, amount: 500, form: 'cash', day: '2026-11-18', approvalRef: '主席办公会' })
    expect(expectFailure(answer, 'CONFLICT').message).toBe('这份档案已结档，不能登记帮扶')
    expect(await store.count('benefitPayouts', { caseId: CASE })).toBe(0)
    expect(await store.get('benefitTallies', tallyId(2026, MEMBER, 'hardship'))).toBeNull()
    expect(await auditOf('benefits.recordHardshipAid')).toEqual([])
  })
})

describe('who reaches a case', () => {
  it('lets the union office and the reporting unit’s admin see it, each look audited, and nobody else', async () => {
    const proof = await upload()
    expectOk(await report(ADMIN, { proofFileIds: [proof] }))
    // One after another, so the log's order is theirs.
    const list = expectOk(await callAs(store, 'benefits', ADMIN, 'hardshipCases', { unitId: 'unit05' }, { now: later(1000) }))
    expect(list.items.map((row) => [row.memberName, row.causeLabel, row.levelLabel, row.stateLabel])).toEqual([['田博平', '因病', '比较困难', '待校工会确认']])
    expect(expectOk(await callAs(store, 'benefits', PEOPLE.office, 'hardshipCases', { state: 'filed' }, { now: later(2000) })).items).toEqual([])
    const detail = expectOk(await callAs(store, 'benefits', PEOPLE.office, 'hardshipCase', { caseId: CASE }, { now: later(3000) }))
    const url = new URL(detail.proofUrls[0], 'http://host')
    const opened = await testFiles.opened(url.pathname.split('/')[2], url.searchParams.get('expires'), url.searchParams.get('sig'))
    expect(readFileSync(opened!.path)).toEqual(PNG)
    expect((await auditOf('benefits.viewHardship')).map((entry) => [entry.actorName, entry.target, entry.after])).toEqual([
      ['胡静', '2026 年困难帮扶名单', { 分工会: '文学院分工会', 状态: '全部', 条数: 1 }],
      ['周建华', '2026 年困难帮扶名单', { 分工会: '全部', 状态: '已建档', 条数: 0 }],
      ['周建华', '2026 年困难帮扶：田博平（200006）', { 证明材料: '1 张' }],
    ])

    const before = await snapshot(store)
    // The member themself, another unit's admin, anyone else: no list, no case, no visit.
    for (const who of [MEMBER, PEOPLE.otherUnitAdmin, PEOPLE.unit01Member, PEOPLE.delegate]) {
      expectFailure(await callAs(store, 'benefits', who, 'hardshipCase', { caseId: CASE }), 'FORBIDDEN')
      expectFailure(await callAs(store, 'benefits', who, 'hardshipCases', { unitId: 'unit05' }), 'FORBIDDEN')
      expectFailure(await visit(who), 'FORBIDDEN')
    }
    // A unit admin names their unit: the whole union's list is the union office's.
    expectFailure(await callAs(store, 'benefits', ADMIN, 'hardshipCases', {}), 'FORBIDDEN')
    // Another unit's admin cannot report a member of unit05; a unit admin cannot file, give aid or close.
    expectFailure(await report(PEOPLE.otherUnitAdmin), 'FORBIDDEN')
    expectFailure(await fileIt(ADMIN), 'FORBIDDEN')
    expectFailure(await aid(ADMIN, 500), 'FORBIDDEN')
    expectFailure(await callAs(store, 'benefits', ADMIN, 'closeHardship', { caseId: CASE, reason: '已脱困' }), 'FORBIDDEN')
    expect(await snapshot(store)).toEqual(before)
  })

  it('shows the member their aid in 我的福利, as any payout of theirs, and nothing of the case', async () => {
    await filedCase()
    const { payoutId } = expectOk(await aid(PEOPLE.office, 800)).aids[0]
    const mine = expectOk(await callAs(store, 'benefits', MEMBER, 'mine', {}))
    expect(mine.items.filter((item) => item.kind === 'hardship')).toEqual([
      { id: payoutId, kind: 'hardship', kindLabel: '困难帮扶', item: '困难帮扶金', amountFen: 80_000, form: 'cash', issuedAt: NOW.toISOString(), handout: { kind: 'unit' } },
    ])
  })
})

describe('the demo union', () => {
  it('has a filed case with its aid and visit, and one waiting for the union office, both of unit05', async () => {
    const seeded = await seededStore()
    const list = expectOk(await callAs(seeded, 'benefits', PEOPLE.office, 'hardshipCases', {}))
    expect(list.items.map((row) => [row.memberName, row.unitName, row.causeLabel, row.levelLabel, row.stateLabel])).toEqual([
      ['易刚', '文学院分工会', '单亲', '一般困难', '待校工会确认'],
      ['董丹莹', '文学院分工会', '因病', '特别困难', '已建档'],
    ])
    const filed = expectOk(await callAs(seeded, 'benefits', PEOPLE.office, 'hardshipCase', { caseId: list.items[1].id }))
    expect([filed.aidTotalFen, filed.aids.length, filed.visits.map((item) => item.kindLabel)]).toEqual([100_000, 1, ['送温暖']])
    seeded.close()
  })
})

/** The races on the CloudBase adapter, whose transactions run side by side under snapshot isolation. */
describe('on CloudBase', () => {
  let standIn: CloudBaseStandIn

  beforeEach(async () => {
    ;({ store, standIn } = await cloudBaseDemo())
    await withoutDemoCases(store)
  })

  afterEach(() => standIn.close())

  it.each([1, 2, 3])('two aids of ¥1,200 at once (round %i): one passes the ¥2,000 cap', async () => {
    await filedCase()
    await store.update('members', { _id: 'm0025' }, { $push: { roles: 'unionOffice' } })
    const results = await Promise.all([aid(PEOPLE.office, 1200), aid('m0025', 1200)])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(await store.count('benefitPayouts', { kind: 'hardship' })).toBe(1)
  })

  it.each([1, 2, 3])('one member reported three times at once (round %i): one case', async () => {
    const results = await Promise.all([report(ADMIN), report(PEOPLE.office), report(ADMIN, { level: 'general' })])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(await store.count('hardshipCases')).toBe(1)
  })
})

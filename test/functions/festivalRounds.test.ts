/**
 * Festival rounds (节日慰问) over SQLite through the interleaving store: the preview (who, how much against the
 * budget, who is left out and why), applying it once (all its recipients, whatever runs twice or is cut off), the
 * cap checked as each member's gifts are written, and the handout a unit admin marks.
 */
import type { Store } from '../../cloudfunctions/core/store/port'
import { NOW, PEOPLE, callAs, expectFailure, expectOk, midAutumnRound, runJob, seededStore, snapshot, type TestStore } from './harness'

let store: TestStore

beforeEach(async () => {
  store = await seededStore()
  // 文学院分工会 (unit05) has 17 members: one has left, one's dues are unpaid, one is near this year's festival cap.
  await store.update('members', { _id: 'm0006' }, { $set: { status: 'left' } })
  await store.update('members', { _id: 'm0015' }, { $set: { duesPaid: false } })
  // (The demo's 端午 round gave each of them ¥200 in June.)
  await store.update('benefitTallies', { _id: '2026:m0012:festival' }, { $set: { totalFen: 170_000 } })
})

afterEach(() => store.close())

const roundInput = midAutumnRound

/** unit05's 14 recipients, in member id order. */
const RECIPIENTS = ['m0028', 'm0053', 'm0066', 'm0138', 'm0142', 'm0172', 'm0227', 'm0236', 'm0240', 'm0245', 'm0253', 'm0269', 'm0276', 'm0285']

const LEFT_OUT = [
  { name: '田博平', staffNo: '200006', unitName: '文学院分工会', reason: '已离校' },
  { name: '吕丽颖', staffNo: '200012', unitName: '文学院分工会', reason: '超出节日慰问年度限额 ¥1,800：今年已发放 ¥1,700，还可发放 ¥100' },
  { name: '卢阳建', staffNo: '200015', unitName: '文学院分工会', reason: '会费未按时缴纳' },
]

const EXPECTED = { count: 14, totalFen: 280_000 }

const roundPayouts = (roundId = '2026-midAutumn') => store.find('benefitPayouts', { roundId }, { sort: { _id: 1 } })
const roundMessages = async () => (await store.find('messages', { kind: 'benefitIssued' })).filter((message) => message.subject.startsWith('benefit:festival-2026-midAutumn-'))
const apply = (input = roundInput(), expected = EXPECTED, who: string = PEOPLE.office) => callAs(store, 'benefits', who, 'applyRound', { round: input, expected })

describe('preview', () => {
  it('shows who receives it, the total against the budget, and who is left out and why', async () => {
    const preview = expectOk(await callAs(store, 'benefits', PEOPLE.office, 'previewRound', roundInput()))
    expect(preview).toEqual({
      title: '2026 年中秋节日慰问',
      date: '2026-09-25',
      count: 14,
      perPersonFen: 20_000,
      totalFen: 280_000,
      budgetFen: 500_000,
      units: [{ unitId: 'unit05', unitName: '文学院分工会', count: 14, received: 0 }],
      leftOut: LEFT_OUT,
    })
  })

  it('says what blocks it: over the budget, or the festival already given this year', async () => {
    const over = expectOk(await callAs(store, 'benefits', PEOPLE.office, 'previewRound', roundInput({ budget: 2000 })))
    expect(over.blocked).toBe('合计 ¥2,800 超出本次预算 ¥2,000，请调整礼品或发放对象')
    expectOk(await apply())
    const again = expectOk(await callAs(store, 'benefits', PEOPLE.office, 'previewRound', roundInput()))
    expect(again.blocked).toBe('2026 年中秋节日慰问已于 2026-11-20 发放，每个节日每年发放一轮')
  })

  it('leaves retirees out when the round is for active staff only, without listing them', async () => {
    const preview = expectOk(await callAs(store, 'benefits', PEOPLE.office, 'previewRound', roundInput({ audience: { statuses: ['active'], unitIds: ['unit05', 'unit20'], duesPaidOnly: true } })))
    expect([preview.count, preview.leftOut.length]).toEqual([14, 3])
    const everyone = expectOk(await callAs(store, 'benefits', PEOPLE.office, 'previewRound', roundInput({ audience: { statuses: ['active', 'retired'], unitIds: ['unit05', 'unit20'], duesPaidOnly: true } })))
    // unit20 (离退休分工会) has 19 retirees.
    expect(everyone.units).toEqual([
      { unitId: 'unit05', unitName: '文学院分工会', count: 14, received: 0 },
      { unitId: 'unit20', unitName: '离退休分工会', count: 19, received: 0 },
    ])
  })

  it('refuses a festival long past, one a year away, and cash', async () => {
    expect(expectFailure(await callAs(store, 'benefits', PEOPLE.office, 'previewRound', roundInput({ festival: 'dragonBoat' })), 'INVALID_INPUT').message).toBe('2026 年端午（2026-06-19）已过去 60 天以上，不能再发放')
    expect(expectFailure(await callAs(store, 'benefits', PEOPLE.office, 'previewRound', roundInput({ year: 2028 })), 'INVALID_INPUT').message).toBe('2028 年中秋还在一年以后，请临近时再发放')
    const cash = roundInput({ items: [{ item: '过节费', amount: 200, form: 'cash' }] })
    expect(expectFailure(await callAs(store, 'benefits', PEOPLE.office, 'previewRound', cash), 'INVALID_INPUT').message).toContain('节日慰问只能发实物或提货券，不能发现金')
  })
})

describe('applying', () => {
  it('writes every recipient’s gifts at once, tells each of them once, and is audited', async () => {
    const detail = expectOk(await apply())
    expect(detail).toMatchObject({ id: '2026-midAutumn', state: 'applied', count: 14, paid: 14, totalFen: 280_000, received: 0, handoutText: '由所在分工会发放', deadline: '2026-12-04', leftOut: LEFT_OUT })
    const payouts = await roundPayouts()
    expect(payouts).toHaveLength(28)
    expect(payouts.slice(0, 2)).toEqual([
      expect.objectContaining({ _id: 'festival-2026-midAutumn-m0028-1', memberId: 'm0028', kind: 'festival', year: 2026, item: '月饼礼盒', amountFen: 15_000, form: 'inKind', unitId: 'unit05', approverName: '周建华', approvalRef: '2026 年中秋节日慰问（2026-11-20 发放）' }),
      expect.objectContaining({ _id: 'festival-2026-midAutumn-m0028-2', item: '水果券', amountFen: 5000, form: 'voucher' }),
    ])
    expect([...new Set(payouts.map((payout) => payout.memberId))]).toEqual(RECIPIENTS)
    expect(await store.get('benefitTallies', '2026:m0028:festival')).toMatchObject({ totalFen: 40_000, count: 4 })
    const messages = await roundMessages()
    expect(messages.map((message) => message.recipientId).sort()).toEqual(RECIPIENTS)
    expect(messages[0].text).toBe('节日慰问：您的月饼礼盒、水果券已发放（由所在分工会发放，请于 2026-12-04 前领取）')
    const [entry] = await store.find('auditLog', { action: 'benefits.applyRound', targetId: '2026-midAutumn' })
    expect(entry).toMatchObject({
      actorName: '周建华',
      target: '2026 年中秋节日慰问',
      after: { 礼品: '月饼礼盒 ¥150（实物） + 水果券 ¥50（提货券（蛋糕卡））', 发放对象: '在职、退休，1 个分工会，仅限已缴会费', 人数: 14, 合计: '¥2,800', 预算: '¥5,000', 未发放: 3 },
    })
  })

  it('refuses a list that changed since its preview, and a second round of the festival, changing nothing', async () => {
    const before = await snapshot(store)
    expect(expectFailure(await apply(roundInput(), { count: 15, totalFen: 300_000 }), 'CONFLICT').message).toBe('发放名单有变化：预览时 15 人，现在 14 人，请重新预览后再发放')
    expect(expectFailure(await apply(roundInput({ budget: 2000 })), 'CONFLICT').message).toBe('合计 ¥2,800 超出本次预算 ¥2,000，请调整礼品或发放对象')
    expect(await snapshot(store)).toEqual(before)
    expectOk(await apply())
    const after = await snapshot(store)
    expectFailure(await apply(), 'CONFLICT')
    expect(await snapshot(store)).toEqual(after)
  })

  it('two applies of one round at once give it once', async () => {
    const results = await Promise.all([apply(), apply(), apply()])
    expect(results.map((result) => (result.ok ? 'ok' : result.code)).sort()).toEqual(['CONFLICT', 'CONFLICT', 'ok'])
    expect(await roundPayouts()).toHaveLength(28)
    expect(await store.find('benefitRounds', { festival: 'midAutumn' })).toHaveLength(1)
    expect(await store.get('benefitTallies', '2026:m0285:festival')).toMatchObject({ totalFen: 40_000, count: 4 })
  })

  it('two rounds racing for one member near the cap: the cap holds, and the round that lost them says why', async () => {
    await store.update('benefitTallies', { _id: '2026:m0012:festival' }, { $set: { totalFen: 150_000 } })
    const national = roundInput({ festival: 'nationalDay' })
    const results = await Promise.all([apply(roundInput(), { count: 15, totalFen: 300_000 }), apply(national, { count: 15, totalFen: 300_000 })])
    results.forEach((result) => expectOk(result))
    expect(await store.get('benefitTallies', '2026:m0012:festival')).toMatchObject({ totalFen: 170_000 })
    const rounds = await store.find('benefitRounds', {}, { sort: { _id: 1 } })
    const lost = rounds.filter((round) => round._id !== '2026-dragonBoat').flatMap((round) => round.leftOut.filter((entry) => entry.memberId === 'm0012').map((entry) => entry.reason))
    expect(lost).toEqual(['发放时超出节日慰问年度限额 ¥1,800：今年已发放 ¥1,700，还可发放 ¥100'])
  })

  it('a round cut off midway is finished by the job, each recipient paid once', async () => {
    // The function is cut off once the round and a few members' gifts are written.
    let transactions = 0
    const cutOff: Store = Object.create(store, {
      transaction: {
        value: (work: Parameters<Store['transaction']>[0]) => {
          transactions += 1
          if (transactions > 4) return Promise.reject(new Error('function timed out'))
          return store.transaction(work)
        },
      },
    })
    expectFailure(await callAs(cutOff, 'benefits', PEOPLE.office, 'applyRound', { round: roundInput(), expected: EXPECTED }), 'INTERNAL')
    expect(await store.get('benefitRounds', '2026-midAutumn')).toMatchObject({ state: 'applying' })
    expect((await roundPayouts()).length).toBeLessThan(28)
    await runJob(store, 'benefits', 'finishRounds', { now: NOW })
    expect(await store.get('benefitRounds', '2026-midAutumn')).toMatchObject({ state: 'applied', paid: 14 })
    const payouts = await roundPayouts()
    expect(payouts).toHaveLength(28)
    expect([...new Set(payouts.map((payout) => payout.memberId))]).toEqual(RECIPIENTS)
    expect((await roundMessages()).map((message) => message.recipientId).sort()).toEqual(RECIPIENTS)
  })
})

describe('handout', () => {
  beforeEach(async () => {
    expectOk(await apply())
  })

  it('the unit admin marks people received; the office sees the unit’s progress; a member’s own confirmation counts', async () => {
    const marked = expectOk(await callAs(store, 'benefits', PEOPLE.unitAdmin, 'markReceived', { roundId: '2026-midAutumn', unitId: 'unit05', memberIds: ['m0028', 'm0053'] }))
    expect(marked.rows.slice(0, 3)).toEqual([
      { memberId: 'm0028', name: '唐霞', staffNo: '200028', receivedAt: NOW.toISOString(), receivedByName: '胡静' },
      { memberId: 'm0053', name: '谭婷', staffNo: '200053', receivedAt: NOW.toISOString(), receivedByName: '胡静' },
      { memberId: 'm0066', name: '董丹莹', staffNo: '200066' },
    ])
    // m0066 confirms one of her two gifts: she is not counted as collected until both are.
    expectOk(await callAs(store, 'benefits', 'm0066', 'confirmReceipt', { payoutId: 'festival-2026-midAutumn-m0066-1' }))
    const detail = expectOk(await callAs(store, 'benefits', PEOPLE.office, 'round', { roundId: '2026-midAutumn' }))
    expect([detail.received, detail.units]).toEqual([2, [{ unitId: 'unit05', unitName: '文学院分工会', count: 14, received: 2 }]])
    expectOk(await callAs(store, 'benefits', 'm0066', 'confirmReceipt', { payoutId: 'festival-2026-midAutumn-m0066-2' }))
    expect(expectOk(await callAs(store, 'benefits', PEOPLE.office, 'round', { roundId: '2026-midAutumn' })).received).toBe(3)
    const [entry] = await store.find('auditLog', { action: 'benefits.markReceived' })
    expect(entry).toMatchObject({ actorName: '胡静', target: '2026 年中秋节日慰问 · 文学院分工会', after: { 登记领取人数: 2 } })
  })

  it('marking again changes nothing; someone not on the unit’s list is refused and nothing is marked', async () => {
    const mark = (memberIds: string[]) => callAs(store, 'benefits', PEOPLE.unitAdmin, 'markReceived', { roundId: '2026-midAutumn', unitId: 'unit05', memberIds })
    expectOk(await mark(['m0028']))
    const before = await snapshot(store)
    expectOk(await mark(['m0028']))
    expect(expectFailure(await mark(['m0053', 'm0019']), 'INVALID_INPUT').message).toBe('有 1 人不在本分工会的2026 年中秋节日慰问发放名单中，请刷新名单后重试')
    expect(await snapshot(store)).toEqual(before)
  })

  it('another unit’s admin can neither read nor mark the list', async () => {
    expectFailure(await callAs(store, 'benefits', PEOPLE.otherUnitAdmin, 'roundHandout', { roundId: '2026-midAutumn', unitId: 'unit05' }), 'FORBIDDEN')
    expectFailure(await callAs(store, 'benefits', PEOPLE.otherUnitAdmin, 'markReceived', { roundId: '2026-midAutumn', unitId: 'unit05', memberIds: ['m0028'] }), 'FORBIDDEN')
    // Their own unit's list of the round is empty: unit08 was not in it.
    expect(expectOk(await callAs(store, 'benefits', PEOPLE.otherUnitAdmin, 'roundHandout', { roundId: '2026-midAutumn', unitId: 'unit08' })).rows).toEqual([])
  })

  it('lists the year’s rounds for the office and for unit admins', async () => {
    const rounds = expectOk(await callAs(store, 'benefits', PEOPLE.otherUnitAdmin, 'rounds', {}))
    expect(rounds.map((round) => round.id)).toEqual(['2026-midAutumn', '2026-dragonBoat'])
    expect(rounds[0]).toEqual(
      { id: '2026-midAutumn', festival: 'midAutumn', title: '2026 年中秋节日慰问', date: '2026-09-25', state: 'applied', count: 14, totalFen: 280_000, budgetFen: 500_000, createdAt: NOW.toISOString(), createdByName: '周建华' },
    )
    expectFailure(await callAs(store, 'benefits', PEOPLE.unit01Member, 'rounds', {}), 'FORBIDDEN')
  })
})

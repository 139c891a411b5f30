/**
 * 福利预算 over SQLite through the interleaving store: the union office's budget per kind and year (audited), and 福利台账's
 * whole-union totals read against it. The demo union's 2026 budgets (scripts/seed/demoBenefits.ts) and what the seed
 * gave: 24 birthday gifts (¥4,800), the 端午 round (¥57,600), one relative's bereavement (¥1,000), one hardship aid (¥1,000).
 */
import { callAs, expectFailure, expectOk, PEOPLE, seededStore, type TestStore } from './harness'

let store: TestStore

beforeEach(async () => {
  store = await seededStore()
})

afterEach(() => store.close())

/** [kind, budget in fen or none, payouts, fen given]: the demo's 2026, by hand. */
const DEMO_2026: [string, number | undefined, number, number][] = [
  ['birthday', 6_000_000, 24, 480_000],
  ['festival', 12_000_000, 576, 5_760_000],
  ['marriage', 500_000, 0, 0],
  ['childbirth', 500_000, 0, 0],
  ['hospitalization', 2_000_000, 0, 0],
  ['retirement', 1_500_000, 0, 0],
  ['bereavement', 1_000_000, 0, 0],
  ['relativeBereavement', 1_000_000, 1, 100_000],
  ['hardship', 3_000_000, 1, 100_000],
  ['retreat', undefined, 0, 0],
  ['other', undefined, 0, 0],
]

const sheetRows = (sheet: { kinds: { kind: string; budgetFen?: number; count: number; totalFen: number }[] }) =>
  sheet.kinds.map((kind) => [kind.kind, kind.budgetFen, kind.count, kind.totalFen])

describe('福利预算 (budgets)', () => {
  it('shows every kind with its budget for the year and what has been given against it', async () => {
    const sheet = expectOk(await callAs(store, 'benefits', PEOPLE.office, 'budgets', { year: 2026 }))
    expect(sheetRows(sheet)).toEqual(DEMO_2026)
    expect(sheet).toMatchObject({ year: 2026, updatedByName: '周建华' })
    expect(sheet.kinds[1]).toEqual({ kind: 'festival', label: '节日慰问', budgetFen: 12_000_000, count: 576, totalFen: 5_760_000 })
    // This year by default; a year with none set lists every kind without one.
    expect(sheetRows(expectOk(await callAs(store, 'benefits', PEOPLE.office, 'budgets', {})))).toEqual(DEMO_2026)
    const next = expectOk(await callAs(store, 'benefits', PEOPLE.office, 'budgets', { year: 2027 }))
    expect(next.kinds.filter((kind) => kind.budgetFen !== undefined || kind.count > 0)).toEqual([])
    expect(next).not.toHaveProperty('updatedAt')
  })

  it('sets, changes and clears the kinds named, leaves the others, and audits each before and after', async () => {
    const sheet = expectOk(
      await callAs(store, 'benefits', PEOPLE.office2, 'setBudgets', { year: 2026, budgets: { festival: 150_000.5, retreat: 80_000, marriage: null } }),
    )
    // The demo's, but for the three kinds named.
    expect(sheetRows(sheet)).toEqual(DEMO_2026.map((row) => ({ festival: ['festival', 15_000_050, 576, 5_760_000], marriage: ['marriage', undefined, 0, 0], retreat: ['retreat', 8_000_000, 0, 0] })[row[0]] ?? row))
    expect(sheet.updatedByName).toBe('沈丽萍')
    const [entry] = await store.find('auditLog', { action: 'benefits.setBudgets' })
    expect(entry).toMatchObject({
      actorId: PEOPLE.office2,
      targetType: 'benefitBudget',
      targetId: '2026',
      target: '2026 年福利预算',
      before: { 节日慰问: '¥120,000', 结婚慰问: '¥5,000', 疗休养: '未设置' },
      after: { 节日慰问: '¥150,000.50', 结婚慰问: '未设置', 疗休养: '¥80,000' },
    })
    // A year of its own: next year's first budget.
    expectOk(await callAs(store, 'benefits', PEOPLE.office, 'setBudgets', { year: 2027, budgets: { birthday: 66_000 } }))
    expect(expectOk(await callAs(store, 'benefits', PEOPLE.office, 'budgets', { year: 2027 })).kinds[0]).toEqual({ kind: 'birthday', label: '生日慰问', budgetFen: 6_600_000, count: 0, totalFen: 0 })
    expect(sheetRows(expectOk(await callAs(store, 'benefits', PEOPLE.office, 'budgets', { year: 2026 })))[0]).toEqual(['birthday', 6_000_000, 24, 480_000])
  })

  it('keeps both of two changes of different kinds made at the same moment', async () => {
    const [a, b] = await Promise.all([
      callAs(store, 'benefits', PEOPLE.office, 'setBudgets', { year: 2026, budgets: { birthday: 70_000 } }),
      callAs(store, 'benefits', PEOPLE.office2, 'setBudgets', { year: 2026, budgets: { hardship: 40_000 } }),
    ])
    expectOk(a)
    expectOk(b)
    const kinds = expectOk(await callAs(store, 'benefits', PEOPLE.office, 'budgets', { year: 2026 })).kinds
    expect([kinds[0].budgetFen, kinds[8].budgetFen]).toEqual([7_000_000, 4_000_000])
    expect(await store.count('auditLog', { action: 'benefits.setBudgets' })).toBe(2)
  })

  it('is the union office’s: a unit admin or a member can neither read nor set it', async () => {
    for (const who of [PEOPLE.unitAdmin, PEOPLE.unit01Member]) {
      expectFailure(await callAs(store, 'benefits', who, 'budgets', { year: 2026 }), 'FORBIDDEN')
      expectFailure(await callAs(store, 'benefits', who, 'setBudgets', { year: 2026, budgets: { birthday: 1 } }), 'FORBIDDEN')
    }
    expect(await store.count('auditLog', { action: 'benefits.setBudgets' })).toBe(0)
  })
})

describe('福利台账 against the budgets', () => {
  it('reads the whole union’s year against each kind’s budget, listing budgeted kinds with nothing given yet', async () => {
    expect(expectOk(await callAs(store, 'benefits', PEOPLE.office, 'ledgerSummary', { year: 2026 }))).toEqual({
      year: 2026,
      count: 602,
      totalFen: 6_440_000,
      // ¥60,000 + 120,000 + 5,000 + 5,000 + 20,000 + 15,000 + 10,000 + 10,000 + 30,000.
      budgetFen: 27_500_000,
      kinds: [
        { kind: 'birthday', label: '生日慰问', count: 24, totalFen: 480_000, received: 8, budgetFen: 6_000_000 },
        { kind: 'festival', label: '节日慰问', count: 576, totalFen: 5_760_000, received: 520, budgetFen: 12_000_000 },
        { kind: 'marriage', label: '结婚慰问', count: 0, totalFen: 0, received: 0, budgetFen: 500_000 },
        { kind: 'childbirth', label: '生育慰问', count: 0, totalFen: 0, received: 0, budgetFen: 500_000 },
        { kind: 'hospitalization', label: '住院慰问', count: 0, totalFen: 0, received: 0, budgetFen: 2_000_000 },
        { kind: 'retirement', label: '退休（荣休）', count: 0, totalFen: 0, received: 0, budgetFen: 1_500_000 },
        { kind: 'bereavement', label: '会员亡故慰问', count: 0, totalFen: 0, received: 0, budgetFen: 1_000_000 },
        { kind: 'relativeBereavement', label: '直系亲属亡故慰问', count: 1, totalFen: 100_000, received: 1, budgetFen: 1_000_000 },
        { kind: 'hardship', label: '困难帮扶', count: 1, totalFen: 100_000, received: 0, budgetFen: 3_000_000 },
      ],
    })
    // One kind: its budget alone.
    expect(expectOk(await callAs(store, 'benefits', PEOPLE.office, 'ledgerSummary', { kind: 'marriage' }))).toEqual({
      year: 2026,
      count: 0,
      totalFen: 0,
      budgetFen: 500_000,
      kinds: [{ kind: 'marriage', label: '结婚慰问', count: 0, totalFen: 0, received: 0, budgetFen: 500_000 }],
    })
    // A kind with no budget, a year with none: nothing to read against.
    expect(expectOk(await callAs(store, 'benefits', PEOPLE.office, 'ledgerSummary', { kind: 'retreat' }))).toEqual({ year: 2026, count: 0, totalFen: 0, kinds: [] })
    expect(expectOk(await callAs(store, 'benefits', PEOPLE.office, 'ledgerSummary', { year: 2025 }))).toEqual({ year: 2025, count: 0, totalFen: 0, kinds: [] })
  })

  it('shows no budget in one unit’s or one member’s view: budgets are the whole union’s', async () => {
    const unit = expectOk(await callAs(store, 'benefits', PEOPLE.unitAdmin, 'ledgerSummary', { unitId: 'unit05' }))
    expect(unit).not.toHaveProperty('budgetFen')
    expect(unit.kinds.filter((kind) => 'budgetFen' in kind)).toEqual([])
    // unit05's: its birthdays, the 端午 round, and the demo's applications and hardship case (all of unit05).
    expect(unit.kinds.map((kind) => kind.kind)).toEqual(['birthday', 'festival', 'relativeBereavement', 'hardship'])
    const member = expectOk(await callAs(store, 'benefits', PEOPLE.office, 'ledgerSummary', { memberId: 'm0066' }))
    expect(member).not.toHaveProperty('budgetFen')
    expect(member.kinds.map((kind) => [kind.kind, kind.capFen, 'budgetFen' in kind])).toEqual([
      ['festival', 180_000, false],
      ['hardship', 200_000, false],
    ])
  })
})

/**
 * Benefits over SQLite through the interleaving store: the union office's policies (audited, applying to new payouts
 * only), the birthday job (once a year per member, whatever runs twice or stops midway), 我的福利 and its receipt,
 * the one reminder, and the cap checked in the payout's transaction so two at once cannot pass it together.
 */
import { birthdayPayoutId, issueBirthdays } from '../../cloudfunctions/benefits/jobs'
import { recordPayout, tallyId } from '../../cloudfunctions/benefits/ledger'
import type { Store } from '../../cloudfunctions/core/store/port'
import { DAY, NOW, PEOPLE, birthdayPolicyInput, callAs, hospitalStay, expectFailure, expectOk, runJob, seededStore, snapshot, type TestStore } from './harness'

let store: TestStore

beforeEach(async () => {
  store = await seededStore()
})

afterEach(() => store.close())

/** Shanghai 08:30 on a day. */
const at = (day: string) => new Date(`${day}T08:30:00+08:00`)

const birthdayPayouts = (filter: Record<string, unknown> = {}) => store.find('benefitPayouts', { kind: 'birthday', ...filter }, { sort: { _id: 1 } })

/**
 * The demo union's November birthdays (members m0011, m0023 … m0299: every twelfth) are given as it is seeded on
 * 20 November: 25 members, less m0083, whose dues are not paid.
 */
const NOVEMBER = ['m0011', 'm0023', 'm0035', 'm0047', 'm0059', 'm0071', 'm0095', 'm0107', 'm0119', 'm0131', 'm0143', 'm0155', 'm0167', 'm0179', 'm0191', 'm0203', 'm0215', 'm0227', 'm0239', 'm0251', 'm0263', 'm0275', 'm0287', 'm0299']

describe('policies (工会福利政策)', () => {
  it('lists every kind, with the policy the union office set for it', async () => {
    const views = expectOk(await callAs(store, 'benefits', PEOPLE.office, 'policies'))
    expect(views.map((view) => [view.label, view.policy?.yearlyCapFen ?? null])).toEqual([
      ['生日慰问', 30_000],
      ['节日慰问', 180_000],
      ['结婚慰问', 100_000],
      ['生育慰问', 100_000],
      ['住院慰问', 200_000],
      ['退休（荣休）', 150_000],
      ['会员亡故慰问', 200_000],
      ['直系亲属亡故慰问', 100_000],
      ['困难帮扶', 200_000],
      ['疗休养', null],
      ['其他', null],
    ])
  })

  it('sets a policy from yuan, audited in words, and answers it', async () => {
    const input = birthdayPolicyInput({ yearlyCap: 500, gift: { ...birthdayPolicyInput().gift, amount: 250.5, handout: { kind: 'pickup', place: '工会活动中心' }, lead: { kind: 'daysBefore', days: 7 } } })
    const view = expectOk(await callAs(store, 'benefits', PEOPLE.office, 'updatePolicy', input, { now: NOW }))
    expect(view.policy).toMatchObject({ yearlyCapFen: 50_000, gift: { amountFen: 25_050, handout: { kind: 'pickup', place: '工会活动中心' }, lead: { kind: 'daysBefore', days: 7 } }, updatedByName: '周建华' })
    const [entry] = await store.find('auditLog', { action: 'benefits.updatePolicy' })
    expect(entry).toMatchObject({
      actorName: '周建华',
      target: '生日慰问',
      before: { 年度限额: '¥300', 生日礼品: '生日蛋糕卡 ¥200（提货券（蛋糕卡））', 领取方式: '凭领取码', 发放时间: '生日当月 1 日' },
      after: {
        年度限额: '¥500',
        发放频次: '每年一次',
        发放形式: '提货券（蛋糕卡）、实物',
        适用人员: '在职、退休',
        须按时缴纳会费: '是',
        入会满月数: 0,
        政策依据: '皖工发〔2025〕18号',
        生日礼品: '生日蛋糕卡 ¥250.50（提货券（蛋糕卡））',
        领取方式: '到工会活动中心领取',
        领取期限: '30 天',
        发放时间: '生日前 7 天',
      },
    })
  })

  it('applies to new payouts only: one given before keeps its amount', async () => {
    const input = birthdayPolicyInput({ gift: { ...birthdayPolicyInput().gift, amount: 250 } })
    expectOk(await callAs(store, 'benefits', PEOPLE.office, 'updatePolicy', input))
    expect((await store.get('benefitPayouts', birthdayPayoutId(2026, 'm0011')))?.amountFen).toBe(20_000)
    expect((await runJob(store, 'benefits', 'issueBirthdays', { now: at('2026-12-01') }))?.count).toBe(24)
    expect((await store.get('benefitPayouts', birthdayPayoutId(2026, 'm0012')))?.amountFen).toBe(25_000)
  })

  it('refuses an ordinary member, a unit admin, and changes nothing', async () => {
    for (const who of [PEOPLE.unit01Member, PEOPLE.unitAdmin]) {
      const before = await snapshot(store)
      expectFailure(await callAs(store, 'benefits', who, 'updatePolicy', birthdayPolicyInput({ yearlyCap: 5000 })), 'FORBIDDEN')
      expect(await snapshot(store)).toEqual(before)
    }
  })
})

describe('festivals (节日)', () => {
  it('lists the coming festivals with their computed dates, this year and next', async () => {
    const dates = expectOk(await callAs(store, 'benefits', PEOPLE.office, 'festivals'))
    // On 2026-11-20 this year's are past but for none: 2027's follow (春节 and 中秋 from the lunar calendar).
    expect(dates.map((day) => `${day.label} ${day.date}`)).toEqual([
      '元旦 2027-01-01',
      '春节 2027-02-06',
      '清明 2027-04-05',
      '劳动节 2027-05-01',
      '端午 2027-06-09',
      '中秋 2027-09-15',
      '国庆 2027-10-01',
    ])
  })
})

describe('the birthday job', () => {
  it('gave each qualifying member with a November birthday their gift as the demo was seeded, and tells them', async () => {
    const given = await birthdayPayouts()
    expect(given.map((payout) => payout.memberId)).toEqual(NOVEMBER)
    expect(given[0]).toMatchObject({ item: '生日蛋糕卡', amountFen: 20_000, form: 'voucher', year: 2026, deadline: '2026-12-20', handout: { kind: 'code' }, approverName: '周建华' })
    expect(given[0].code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
    const [message] = await store.find('messages', { recipientId: 'm0011', kind: 'benefitIssued' })
    // The code stays in 我的福利: a message shows on a locked screen, and in the office's 发送记录.
    expect(message.text).toBe('生日快乐！您的生日蛋糕卡已发放（在「我的福利」查看领取码，请于 2026-12-20 前领取）')
    expect(message.page).toBe('benefits/mine/index')
  })

  it('gives December’s on 1 December, and nothing more when run again', async () => {
    expect(await runJob(store, 'benefits', 'issueBirthdays', { now: at('2026-12-01') })).toEqual({ job: 'issueBirthdays', outcome: 'ok', count: 24 })
    const december = (await birthdayPayouts({ deadline: '2026-12-31' })).map((payout) => payout.memberId)
    // Every twelfth from m0012 (25 members), less m0108, whose dues are not paid.
    expect(december).toHaveLength(24)
    expect(december).not.toContain('m0108')
    expect(december.slice(0, 3)).toEqual(['m0012', 'm0024', 'm0036'])
    expect(await runJob(store, 'benefits', 'issueBirthdays', { now: at('2026-12-02') })).toEqual({ job: 'issueBirthdays', outcome: 'ok', count: 0 })
    expect(await store.count('benefitPayouts', { kind: 'birthday' })).toBe(48)
    expect(await store.count('messages', { kind: 'benefitIssued' })).toBe(48)
  })

  it('cut off midway, gives the rest when run again and nobody twice', async () => {
    let transactions = 0
    const failing = Object.create(store, {
      transaction: {
        value: (work: Parameters<Store['transaction']>[0]) => {
          transactions += 1
          if (transactions > 10) throw new Error('函数运行超时')
          return store.transaction(work)
        },
      },
    }) as Store
    expect((await runJob(failing, 'benefits', 'issueBirthdays', { now: at('2026-12-01') }))?.outcome).toBe('failed')
    expect(await store.count('benefitPayouts', { deadline: '2026-12-31' })).toBe(10)
    expect((await runJob(store, 'benefits', 'issueBirthdays', { now: at('2026-12-01') }))?.count).toBe(14)
    expect(await store.count('benefitPayouts', { deadline: '2026-12-31' })).toBe(24)
    expect(await store.count('benefitTallies', { kind: 'birthday' })).toBe(48)
  })

  it('some days before the birthday, when the policy says so: into next year for a January birthday', async () => {
    expectOk(await callAs(store, 'benefits', PEOPLE.office, 'updatePolicy', birthdayPolicyInput({ gift: { ...birthdayPolicyInput().gift, lead: { kind: 'daysBefore', days: 5 } } })))
    await store.update('members', { _id: PEOPLE.unit01Member }, { $set: { birthDate: '1985-01-02' } })
    await store.update('members', { _id: PEOPLE.unit03Member }, { $set: { birthDate: '1985-01-05' } })
    await runJob(store, 'benefits', 'issueBirthdays', { now: at('2026-12-29') })
    const ahead = await store.get('benefitPayouts', birthdayPayoutId(2027, PEOPLE.unit01Member))
    expect(ahead).toMatchObject({ year: 2027, deadline: '2027-01-28' })
    expect(await store.get('benefitPayouts', birthdayPayoutId(2027, PEOPLE.unit03Member))).toBeNull()
  })

  it('follows the policy’s eligibility: retirees left out, dues, months of membership', async () => {
    const eligibility = { statuses: ['active'], duesPaid: true, minMonths: 6 }
    expectOk(await callAs(store, 'benefits', PEOPLE.office, 'updatePolicy', birthdayPolicyInput({ eligibility })))
    await store.update('members', { _id: 'm0024' }, { $set: { memberSince: '2026-09-01' } })
    await store.update('members', { _id: 'm0036' }, { $set: { status: 'retired' } })
    await runJob(store, 'benefits', 'issueBirthdays', { now: at('2026-12-01') })
    const december = (await birthdayPayouts({ deadline: '2026-12-31' })).map((payout) => payout.memberId)
    // Of the 24: m0024 joined three months ago, m0036 has retired.
    expect(december).toHaveLength(22)
    expect(december).not.toContain('m0024')
    expect(december).not.toContain('m0036')
  })

  it('stops midway through a page when the function’s time runs short, and the next run goes on from there', async () => {
    const context = (left: number[]) => ({ store, now: at('2026-12-01'), timeLeft: () => left.shift() ?? 60_000 })
    // Time for the first twenty payouts only.
    const first = await issueBirthdays(context([1000]), undefined)
    expect(first.count).toBe(20)
    expect(first.cursor).toBe((await birthdayPayouts({ deadline: '2026-12-31' })).at(-1)!.memberId)
    const rest = await issueBirthdays(context([]), first.cursor)
    expect(rest).toEqual({ count: 4 })
    expect(await store.count('benefitPayouts', { deadline: '2026-12-31' })).toBe(24)
  })

  it('gives nothing without a birthday gift in the policy', async () => {
    expectOk(await callAs(store, 'benefits', PEOPLE.office, 'updatePolicy', birthdayPolicyInput({ gift: undefined })))
    expect((await runJob(store, 'benefits', 'issueBirthdays', { now: at('2026-12-01') }))?.count).toBe(0)
  })
})

describe('我的福利 and its receipt', () => {
  const mine = 'm0011'

  it('shows my gift, its code and deadline, and my year against the cap', async () => {
    const answer = expectOk(await callAs(store, 'benefits', mine, 'mine', {}))
    expect(answer.year).toBe(2026)
    // Newest first: the birthday gift, then the demo's 端午 round (June).
    expect(answer.items).toEqual([
      expect.objectContaining({ kindLabel: '生日慰问', item: '生日蛋糕卡', amountFen: 20_000, deadline: '2026-12-20', handout: { kind: 'code' } }),
      expect.objectContaining({ kindLabel: '节日慰问', item: '粽子礼盒', amountFen: 15_000, deadline: '2026-06-29', handout: { kind: 'unit' } }),
      expect.objectContaining({ kindLabel: '节日慰问', item: '水果券', amountFen: 5000 }),
    ])
    expect(answer.totals).toEqual([
      { kind: 'festival', label: '节日慰问', totalFen: 20_000, capFen: 180_000 },
      { kind: 'birthday', label: '生日慰问', totalFen: 20_000, capFen: 30_000 },
    ])
    expect(expectOk(await callAs(store, 'benefits', PEOPLE.unit01Member, 'mine', {})).items.map((item) => item.kind)).toEqual(['festival', 'festival'])
  })

  it('首页 shows the gift in my birthday month only', async () => {
    // m0011's was marked collected by the seed; m0023's was not.
    expect(expectOk(await callAs(store, 'benefits', mine, 'home'))).toMatchObject({ birthday: { item: '生日蛋糕卡', receivedAt: NOW.toISOString() } })
    expect(expectOk(await callAs(store, 'benefits', 'm0023', 'home'))).toMatchObject({ birthday: { item: '生日蛋糕卡' } })
    expect(expectOk(await callAs(store, 'benefits', 'm0023', 'home', undefined, { now: new Date(NOW.getTime() + 15 * DAY) }))).toEqual({})
  })

  it('confirms receipt once: who and when; confirming again changes nothing', async () => {
    // m0011 is the first of the seed's given gifts, which it marked collected: take m0023's.
    const id = birthdayPayoutId(2026, 'm0023')
    const first = expectOk(await callAs(store, 'benefits', 'm0023', 'confirmReceipt', { payoutId: id }, { now: NOW }))
    expect(first).toMatchObject({ receivedAt: NOW.toISOString(), receivedByName: (await store.get('members', 'm0023'))!.name })
    const again = expectOk(await callAs(store, 'benefits', 'm0023', 'confirmReceipt', { payoutId: id }, { now: new Date(NOW.getTime() + DAY) }))
    expect(again.receivedAt).toBe(NOW.toISOString())
  })

  it('keeps the first confirmation when a second read the gift before it landed', async () => {
    const id = birthdayPayoutId(2026, 'm0023')
    const unread = (await store.get('benefitPayouts', id))!
    expectOk(await callAs(store, 'benefits', 'm0023', 'confirmReceipt', { payoutId: id }, { now: NOW }))
    // The second call's read comes from before the first confirmation (its write lands after).
    let reads = 0
    const stale = Object.create(store, {
      get: { value: (collection: string, docId: string) => (collection === 'benefitPayouts' && reads++ === 0 ? Promise.resolve(unread) : store.get(collection as 'benefitPayouts', docId)) },
    }) as Store
    const second = expectOk(await callAs(stale, 'benefits', 'm0023', 'confirmReceipt', { payoutId: id }, { now: new Date(NOW.getTime() + DAY) }))
    expect(second.receivedAt).toBe(NOW.toISOString())
    expect((await store.get('benefitPayouts', id))?.receivedAt).toBe(NOW.toISOString())
  })

  it('keeps the first of two confirmations at once', async () => {
    const id = birthdayPayoutId(2026, 'm0023')
    const times = [new Date(NOW.getTime() + 1000), new Date(NOW.getTime() + 2000)]
    const answers = await Promise.all(times.map((now) => callAs(store, 'benefits', 'm0023', 'confirmReceipt', { payoutId: id }, { now })))
    const received = answers.map((answer) => expectOk(answer).receivedAt)
    expect(new Set(received).size).toBe(1)
    expect((await store.get('benefitPayouts', id))?.receivedAt).toBe(received[0])
  })

  it('answers someone else’s gift exactly like a missing one, changing nothing', async () => {
    const before = await snapshot(store)
    const theirs = expectFailure(await callAs(store, 'benefits', PEOPLE.unit01Member, 'confirmReceipt', { payoutId: birthdayPayoutId(2026, 'm0023') }), 'NOT_FOUND')
    const missing = expectFailure(await callAs(store, 'benefits', PEOPLE.unit01Member, 'confirmReceipt', { payoutId: 'birthday-2026-m9999' }), 'NOT_FOUND')
    expect(theirs).toEqual(missing)
    expect(await snapshot(store)).toEqual(before)
  })
})

describe('福利台账 (the ledger)', () => {
  it('lists the year’s payouts with their approval and receipt, and totals them per kind', async () => {
    const page = expectOk(await callAs(store, 'benefits', PEOPLE.office, 'ledger', { year: 2026, kind: 'birthday', limit: 50 }))
    expect(page.items).toHaveLength(24)
    expect(page.hasMore).toBe(false)
    const first = page.items.find((row) => row.id === birthdayPayoutId(2026, 'm0011'))!
    expect(first).toMatchObject({ kindLabel: '生日慰问', item: '生日蛋糕卡', amountFen: 20_000, form: 'voucher', approverName: '周建华', approvalRef: '2026 年生日慰问（工会福利政策 2026-10-21）', receivedAt: NOW.toISOString() })
    expect(first).not.toHaveProperty('code')
    const summary = expectOk(await callAs(store, 'benefits', PEOPLE.office, 'ledgerSummary', {}))
    // The kinds given this year (the whole union's are also read against its budgets: budgets.test.ts).
    expect({ ...summary, budgetFen: undefined, kinds: summary.kinds.filter((total) => total.count > 0).map(({ budgetFen: _, ...total }) => total) }).toEqual({
      year: 2026,
      count: 602,
      totalFen: 6_440_000,
      budgetFen: undefined,
      kinds: [
        // The seed marked every third collected: 8 of 24.
        { kind: 'birthday', label: '生日慰问', count: 24, totalFen: 480_000, received: 8 },
        // The 端午 round: two gifts each for 288 members, every tenth member's not collected (28 of them).
        { kind: 'festival', label: '节日慰问', count: 576, totalFen: 5_760_000, received: 520 },
        // The demo's approved application: ¥1,000 for a member's father, handed over.
        { kind: 'relativeBereavement', label: '直系亲属亡故慰问', count: 1, totalFen: 100_000, received: 1 },
        // The demo's filed hardship case: ¥1,000 aid, not yet signed for.
        { kind: 'hardship', label: '困难帮扶', count: 1, totalFen: 100_000, received: 0 },
      ],
    })
    expect(expectOk(await callAs(store, 'benefits', PEOPLE.office, 'ledgerSummary', { year: 2025 }))).toEqual({ year: 2025, count: 0, totalFen: 0, kinds: [] })
  })

  it('shows one member’s year, each kind against its yearly cap', async () => {
    // 董丹莹 (unit05): the 端午 round's two gifts, and her hardship case's aid.
    const rows = expectOk(await callAs(store, 'benefits', PEOPLE.office, 'ledger', { memberId: 'm0066', limit: 50 })).items
    expect(rows.map((row) => [row.memberName, row.item, row.amountFen])).toEqual(
      expect.arrayContaining([
        ['董丹莹', '粽子礼盒', 15_000],
        ['董丹莹', '水果券', 5000],
        ['董丹莹', '困难帮扶金', 100_000],
      ]),
    )
    expect(rows).toHaveLength(3)
    expect(expectOk(await callAs(store, 'benefits', PEOPLE.office, 'ledgerSummary', { memberId: 'm0066' }))).toEqual({
      year: 2026,
      count: 3,
      totalFen: 120_000,
      kinds: [
        { kind: 'festival', label: '节日慰问', count: 2, totalFen: 20_000, received: 2, capFen: 180_000 },
        { kind: 'hardship', label: '困难帮扶', count: 1, totalFen: 100_000, received: 0, capFen: 200_000 },
      ],
    })
    // Her unit's admin sees the same; another unit's member has nothing in their unit's ledger.
    expect(expectOk(await callAs(store, 'benefits', PEOPLE.unitAdmin, 'ledger', { unitId: 'unit05', memberId: 'm0066', limit: 50 })).items).toHaveLength(3)
    expect(expectOk(await callAs(store, 'benefits', PEOPLE.unitAdmin, 'ledger', { unitId: 'unit05', memberId: 'm0011', limit: 50 })).items).toEqual([])
    expectFailure(await callAs(store, 'benefits', PEOPLE.unitAdmin, 'ledgerSummary', { memberId: 'm0066' }), 'FORBIDDEN')
  })

  it('shows a unit admin their own unit’s payouts only, and refuses them the whole ledger or another unit’s', async () => {
    const rows = expectOk(await callAs(store, 'benefits', PEOPLE.unitAdmin, 'ledger', { unitId: 'unit05', limit: 50 })).items
    expect(rows.length).toBeGreaterThan(0)
    expect(new Set(rows.map((row) => row.unitName))).toEqual(new Set(['文学院分工会']))
    expect(rows).toHaveLength(await store.count('benefitPayouts', { unitId: 'unit05' }))
    expectFailure(await callAs(store, 'benefits', PEOPLE.unitAdmin, 'ledger', {}), 'FORBIDDEN')
    expectFailure(await callAs(store, 'benefits', PEOPLE.unitAdmin, 'ledgerSummary', { unitId: 'unit06' }), 'FORBIDDEN')
    expectFailure(await callAs(store, 'benefits', PEOPLE.unit01Member, 'ledger', { unitId: 'unit01' }), 'FORBIDDEN')
  })
})

describe('the reminder to collect', () => {
  it('goes once, three days before the deadline, to those who have not collected', async () => {
    expect((await runJob(store, 'benefits', 'remindReceipt', { now: at('2026-12-16') }))?.count).toBe(0)
    // The seed marked every third of the 24 collected (m0011, m0047, m0095 …): 16 are reminded.
    expect((await runJob(store, 'benefits', 'remindReceipt', { now: at('2026-12-17') }))?.count).toBe(16)
    expect((await runJob(store, 'benefits', 'remindReceipt', { now: at('2026-12-18') }))?.count).toBe(0)
    const [message] = await store.find('messages', { recipientId: 'm0023', kind: 'benefitReminder' })
    expect(message.text).toBe('您的生日蛋糕卡还未领取，请于 2026-12-20 前领取（在「我的福利」查看领取码）')
    expect(await store.count('messages', { recipientId: 'm0011', kind: 'benefitReminder' })).toBe(0)
  })
})

describe('我的福利 in December', () => {
  it('shows a January birthday’s gift, given in December against next year’s cap', async () => {
    expectOk(await callAs(store, 'benefits', PEOPLE.office, 'updatePolicy', birthdayPolicyInput({ gift: { ...birthdayPolicyInput().gift, claimDays: 2, lead: { kind: 'daysBefore', days: 5 } } })))
    await store.update('members', { _id: PEOPLE.unit01Member }, { $set: { birthDate: '1985-01-02' } })
    await runJob(store, 'benefits', 'issueBirthdays', { now: at('2026-12-29') })
    const mine = expectOk(await callAs(store, 'benefits', PEOPLE.unit01Member, 'mine', {}, { now: at('2026-12-29') }))
    const birthdays = (items: { kind: string; id: string; deadline?: string }[]) => items.filter((item) => item.kind === 'birthday').map((item) => [item.id, item.deadline])
    expect(birthdays(mine.items)).toEqual([[birthdayPayoutId(2027, PEOPLE.unit01Member), '2026-12-31']])
    expect(birthdays(expectOk(await callAs(store, 'benefits', PEOPLE.unit01Member, 'mine', { year: 2026 }, { now: at('2026-12-29') })).items)).toEqual([])
    // Two days to collect: announced that morning, reminded the next.
    const reminders = () => store.count('messages', { recipientId: PEOPLE.unit01Member, kind: 'benefitReminder' })
    await runJob(store, 'benefits', 'remindReceipt', { now: at('2026-12-29') })
    expect(await reminders()).toBe(0)
    await runJob(store, 'benefits', 'remindReceipt', { now: at('2026-12-30') })
    expect(await reminders()).toBe(1)
  })
})

describe('the cap, checked in the payout’s transaction', () => {
  it('lets one of two payouts at once through when together they pass it, the other refused with what is left', async () => {
    const policy = (await store.get('benefitPolicies', 'hospitalization'))!
    const results = await Promise.allSettled([recordPayout(store, policy, hospitalStay('stay-a', 150_000), NOW), recordPayout(store, policy, hospitalStay('stay-b', 150_000), NOW)])
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected'])
    const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult
    expect(refused.reason.message).toBe('超出住院慰问年度限额 ¥2,000：今年已发放 ¥1,500，还可发放 ¥500')
    expect(await store.get('benefitTallies', tallyId(2026, PEOPLE.unit01Member, 'hospitalization'))).toMatchObject({ totalFen: 150_000, count: 1 })
    expect(await store.count('benefitPayouts', { memberId: PEOPLE.unit01Member, kind: 'hospitalization' })).toBe(1)
  })

  it('takes a payout up to the cap exactly, and a second birthday payout in a year not at all', async () => {
    const hospitalization = (await store.get('benefitPolicies', 'hospitalization'))!
    expect(await recordPayout(store, hospitalization, hospitalStay('stay-a', 150_000), NOW)).toBe(true)
    expect(await recordPayout(store, hospitalization, hospitalStay('stay-b', 50_000), NOW)).toBe(true)
    await expect(recordPayout(store, hospitalization, hospitalStay('stay-c', 1), NOW)).rejects.toThrow('还可发放 ¥0')
    const birthday = (await store.get('benefitPolicies', 'birthday'))!
    const second = { ...(await store.get('benefitPayouts', birthdayPayoutId(2026, 'm0011')))!, _id: 'birthday-again', amountFen: 1 }
    await expect(recordPayout(store, birthday, second, NOW)).rejects.toThrow('今年已发放过生日慰问（每年一次）')
  })
})

/** The benefit rules, pure: policies the rules allow, who qualifies, when a birthday gift is due, and the cap. */
import { birthdayIn, capRefusal, dueBirthday, ineligibility, monthsBetween, policyOf } from '../../cloudfunctions/benefits/rules'
import { PolicyInputSchema, formatYuan } from '../../types/benefits'
import * as v from 'valibot'

const input = (overrides: Record<string, unknown> = {}) =>
  v.parse(PolicyInputSchema, {
    kind: 'birthday',
    yearlyCap: 300,
    frequency: 'oncePerYear',
    forms: ['voucher'],
    eligibility: { statuses: ['active'], duesPaid: true, minMonths: 0 },
    source: '',
    ...overrides,
  })

describe('formatYuan', () => {
  it.each([
    [0, '¥0'],
    [20_000, '¥200'],
    [25_050, '¥250.50'],
    [1, '¥0.01'],
    [180_000, '¥1,800'],
  ])('%i fen → %s', (fen, text) => expect(formatYuan(fen)).toBe(text))
})

describe('yuan as typed', () => {
  it.each([
    [300, 30_000],
    [0.1, 10],
    [250.55, 25_055],
    [19.99, 1_999],
  ])('%f yuan is %i fen', (yuan, fen) => expect(input({ yearlyCap: yuan }).yearlyCap).toBe(fen))
})

describe('policyOf', () => {
  it('keeps a policy the rules allow, in fen', () => {
    const gift = { item: '蛋糕卡', amount: 200, form: 'voucher', handout: { kind: 'code' }, claimDays: 30, lead: { kind: 'monthStart' } }
    expect(policyOf(input({ gift }))).toEqual({
      ok: true,
      value: {
        kind: 'birthday',
        yearlyCapFen: 30_000,
        frequency: 'oncePerYear',
        forms: ['voucher'],
        eligibility: { statuses: ['active'], duesPaid: true, minMonths: 0 },
        source: '',
        gift: { item: '蛋糕卡', amountFen: 20_000, form: 'voucher', handout: { kind: 'code' }, claimDays: 30, lead: { kind: 'monthStart' } },
      },
    })
  })

  it.each([
    ['cash for a festival', { kind: 'festival', frequency: 'withinCap', forms: ['inKind', 'cash'] }, '节日慰问只能发实物或提货券，不能发慰问金（现金）'],
    ['cash for hospital stays is allowed', { kind: 'hospitalization', frequency: 'oncePerEvent', forms: ['cash'] }, undefined],
    ['a birthday gift above the cap', { gift: { item: '蛋糕卡', amount: 300.01, form: 'voucher', handout: { kind: 'code' }, claimDays: 30, lead: { kind: 'monthStart' } } }, '生日礼品金额 ¥300.01 超过了年度限额 ¥300'],
    ['a gift at the cap is allowed', { gift: { item: '蛋糕卡', amount: 300, form: 'voucher', handout: { kind: 'code' }, claimDays: 30, lead: { kind: 'monthStart' } } }, undefined],
  ])('%s', (_what, overrides, message) => {
    const result = policyOf(input(overrides))
    expect(result.ok ? undefined : result.message).toBe(message)
  })
})

describe('monthsBetween', () => {
  it.each([
    ['2026-09-01', '2026-11-20', 2],
    ['2026-05-20', '2026-11-20', 6],
    ['2026-05-21', '2026-11-20', 5],
    ['2010-09-01', '2026-11-20', 194],
  ])('%s to %s: %i months', (since, day, months) => expect(monthsBetween(since, day)).toBe(months))
})

describe('ineligibility', () => {
  const policy = { eligibility: { statuses: ['active' as const], duesPaid: true, minMonths: 6 } }
  const member = { status: 'active' as const, duesPaid: true, memberSince: '2020-09-01' }
  it.each([
    ['a member in good standing', member, undefined],
    ['a retiree where only staff qualify', { ...member, status: 'retired' as const }, '仅限在职会员'],
    ['a member who left', { ...member, status: 'left' as const }, '仅限在职会员'],
    ['dues unpaid', { ...member, duesPaid: false }, '会费未按时缴纳'],
    ['five months a member', { ...member, memberSince: '2026-06-01' }, '入会未满 6 个月'],
  ])('%s', (_what, who, why) => expect(ineligibility(policy, who, '2026-11-20')).toBe(why))
})

describe('birthdays', () => {
  it('keeps 29 February on 28 February in common years', () => {
    expect([birthdayIn('1988-02-29', 2027), birthdayIn('1988-02-29', 2028), birthdayIn('1980-05-01', 2027)]).toEqual(['2027-02-28', '2028-02-29', '2027-05-01'])
  })

  it.each([
    // As the birthday month begins: any day of the month, the birthday past or to come.
    [{ kind: 'monthStart' as const }, '1980-12-25', '2026-12-01', '2026-12-25'],
    [{ kind: 'monthStart' as const }, '1980-12-01', '2026-12-31', '2026-12-01'],
    [{ kind: 'monthStart' as const }, '1980-01-02', '2026-12-31', undefined],
    // Some days before: within the days, or earlier this month (a day the job missed); January counts in December.
    [{ kind: 'daysBefore' as const, days: 7 }, '1980-12-08', '2026-12-01', '2026-12-08'],
    [{ kind: 'daysBefore' as const, days: 7 }, '1980-12-09', '2026-12-01', undefined],
    [{ kind: 'daysBefore' as const, days: 7 }, '1980-12-03', '2026-12-20', '2026-12-03'],
    [{ kind: 'daysBefore' as const, days: 7 }, '1980-11-30', '2026-12-01', undefined],
    [{ kind: 'daysBefore' as const, days: 5 }, '1980-01-02', '2026-12-29', '2027-01-02'],
  ])('%o, born %s, on %s: %s', (lead, birthDate, today, due) => expect(dueBirthday(lead, birthDate, today)).toBe(due))
})

describe('capRefusal', () => {
  const hospitalization = { kind: 'hospitalization' as const, yearlyCapFen: 200_000, frequency: 'oncePerEvent' as const }
  it.each([
    ['nothing yet, the whole cap', null, 200_000, undefined],
    ['a fen over', null, 200_001, '超出住院慰问年度限额 ¥2,000：今年已发放 ¥0，还可发放 ¥2,000'],
    ['up to the cap after one', { totalFen: 150_000, count: 1 }, 50_000, undefined],
    ['past it after one', { totalFen: 150_000, count: 1 }, 50_001, '超出住院慰问年度限额 ¥2,000：今年已发放 ¥1,500，还可发放 ¥500'],
  ])('%s', (_what, tally, amount, why) => expect(capRefusal(hospitalization, tally, amount)).toBe(why))

  it('refuses a second of a once-a-year kind, however small', () => {
    expect(capRefusal({ kind: 'birthday', yearlyCapFen: 30_000, frequency: 'oncePerYear' }, { totalFen: 20_000, count: 1 }, 1)).toBe('今年已发放过生日慰问（每年一次）')
  })
})

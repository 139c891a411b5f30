/** The roster's pure rules: what a search matches, and which edited dates the union office may save. */
import { matchesSearch, memberDatesProblem } from '../../cloudfunctions/members/rules'

describe('matchesSearch', () => {
  const member = { name: '周建华', staffNo: '100001' }

  it('matches everyone without a search, or with an empty one', () => {
    expect(matchesSearch(member, undefined)).toBe(true)
    expect(matchesSearch(member, '')).toBe(true)
  })

  it.each(['周', '建', '华', '周建', '建华', '周建华'])('matches part of the name: %s', (q) => {
    expect(matchesSearch(member, q)).toBe(true)
  })

  it.each(['1', '10', '1000', '100001'])('matches the start of the staff number: %s', (q) => {
    expect(matchesSearch(member, q)).toBe(true)
  })

  it.each([
    ['the middle of the staff number', '0001'],
    ['the end of the staff number', '01'],
    ['a longer staff number', '1000011'],
    ['another name', '李'],
    ['the name and more', '周建华华'],
    ['name and staff number together', '周建华100001'],
    ['a regular expression', '.*'],
  ])('does not match %s', (_what, q) => {
    expect(matchesSearch(member, q)).toBe(false)
  })

  it('matches a staff number with letters by its start', () => {
    expect(matchesSearch({ name: '王伟', staffNo: 'T2024001' }, 'T2024')).toBe(true)
    expect(matchesSearch({ name: '王伟', staffNo: 'T2024001' }, '2024')).toBe(false)
  })
})

describe('memberDatesProblem', () => {
  // 10:00 on 2026-11-20 in Shanghai.
  const NOW = new Date('2026-11-20T02:00:00.000Z')
  const dates = (overrides: Partial<{ birthDate: string; memberSince: string }> = {}) => ({
    birthDate: '1980-05-12',
    memberSince: '2005-09-01',
    ...overrides,
  })

  it('accepts real past dates, and today', () => {
    expect(memberDatesProblem(dates(), NOW)).toBeUndefined()
    expect(memberDatesProblem(dates({ birthDate: '1984-02-29' }), NOW)).toBeUndefined()
    expect(memberDatesProblem(dates({ memberSince: '2026-11-20' }), NOW)).toBeUndefined()
    expect(memberDatesProblem(dates({ birthDate: '2026-11-20', memberSince: '2026-11-20' }), NOW)).toBeUndefined()
  })

  it.each([
    ['1980-02-30'],
    ['1981-02-29'],
    ['1980-13-01'],
    ['1980-00-10'],
    ['1980-04-31'],
    ['1980-05-00'],
    ['0000-01-01'],
    ['1980/05/12'],
    ['1980-5-12'],
    [''],
  ])('refuses a birth date that names no day: %s', (birthDate) => {
    expect(memberDatesProblem(dates({ birthDate }), NOW)).toEqual({ field: 'member.birthDate', message: '出生日期不是有效日期' })
  })

  it('refuses a member-since date that names no day', () => {
    expect(memberDatesProblem(dates({ memberSince: '2025-09-31' }), NOW)).toEqual({
      field: 'member.memberSince',
      message: '入会时间不是有效日期',
    })
  })

  it('refuses dates after today in Shanghai', () => {
    expect(memberDatesProblem(dates({ birthDate: '2026-11-21' }), NOW)).toEqual({ field: 'member.birthDate', message: '出生日期不能晚于今天' })
    expect(memberDatesProblem(dates({ memberSince: '2027-09-01' }), NOW)).toEqual({
      field: 'member.memberSince',
      message: '入会时间不能晚于今天',
    })
  })

  it('takes today from Shanghai, not UTC', () => {
    // 2026-11-20T16:30Z is already 2026-11-21 00:30 in Shanghai.
    const lateUtc = new Date('2026-11-20T16:30:00.000Z')
    expect(memberDatesProblem(dates({ memberSince: '2026-11-21' }), lateUtc)).toBeUndefined()
    expect(memberDatesProblem(dates({ memberSince: '2026-11-22' }), lateUtc)).toMatchObject({ field: 'member.memberSince' })
    // 2026-11-20T15:59Z is still 2026-11-20 23:59 in Shanghai.
    const beforeMidnight = new Date('2026-11-20T15:59:00.000Z')
    expect(memberDatesProblem(dates({ memberSince: '2026-11-21' }), beforeMidnight)).toMatchObject({ message: '入会时间不能晚于今天' })
  })

  it('names the birth date first when both are wrong', () => {
    expect(memberDatesProblem({ birthDate: '2030-01-01', memberSince: '2025-02-30' }, NOW)).toMatchObject({ field: 'member.birthDate' })
    expect(memberDatesProblem({ birthDate: '1980-02-30', memberSince: '2030-01-01' }, NOW)).toMatchObject({ field: 'member.birthDate' })
  })
})

describe('memberDatesProblem: dates that cannot be true', () => {
  const now = new Date('2026-11-20T02:00:00.000Z')
  it('refuses a birth year before 1900 and joining before being born', () => {
    expect(memberDatesProblem({ birthDate: '1800-01-01', memberSince: '2000-09-01' }, now)).toEqual({
      field: 'member.birthDate',
      message: '出生日期不能早于 1900 年',
    })
    expect(memberDatesProblem({ birthDate: '2000-01-01', memberSince: '1990-09-01' }, now)).toEqual({
      field: 'member.memberSince',
      message: '入会时间不能早于出生日期',
    })
  })
})

/** Derived member facts: age on a day, women staff, youth under the configured age. */
import { ageOn, inGroup, isWomanStaff, isYouth } from '../../cloudfunctions/core/memberFacts'

describe('ageOn', () => {
  it.each([
    ['1980-05-12', '2026-05-11', 45],
    ['1980-05-12', '2026-05-12', 46],
    ['1980-05-12', '2026-12-31', 46],
    ['1980-12-31', '2026-01-01', 45],
    // A 29 February birthday: the birthday counts from 1 March in a common year, on the day in a leap year.
    ['2000-02-29', '2025-02-28', 24],
    ['2000-02-29', '2025-03-01', 25],
    ['2000-02-29', '2028-02-29', 28],
    ['2026-11-22', '2026-11-22', 0],
  ])('born %s, on %s: %i', (birthDate, day, age) => {
    expect(ageOn(birthDate, day)).toBe(age)
  })
})

describe('isWomanStaff', () => {
  it.each([
    ['female', 'active', true],
    ['female', 'retired', false],
    ['female', 'left', false],
    ['male', 'active', false],
  ] as const)('%s, %s: %s', (gender, status, expected) => {
    expect(isWomanStaff({ gender, status, birthDate: '1990-01-01' })).toBe(expected)
  })
})

describe('isYouth with youthUnderAge 40', () => {
  const day = '2026-11-22'
  it.each([
    ['1986-11-23', 'active', true], // 39 until tomorrow
    ['1986-11-22', 'active', false], // 40 today
    ['1995-06-01', 'retired', false],
    ['1995-06-01', 'left', false],
  ] as const)('born %s, %s: %s', (birthDate, status, expected) => {
    expect(isYouth({ gender: 'male', status, birthDate }, day, 40)).toBe(expected)
  })

  it('follows the configured age', () => {
    const member = { gender: 'female', status: 'active', birthDate: '1990-01-01' } as const
    expect(isYouth(member, day, 35)).toBe(false)
    expect(isYouth(member, day, 37)).toBe(true)
  })
})

describe('inGroup', () => {
  const day = '2026-11-22'
  const settings = { youthUnderAge: 40, templateIds: {}, retirementAges: { male: 60, female: 55 } }
  // [gender, status, birth date, in youth, in women]
  it.each([
    ['female', 'active', '1990-01-01', true, true], // 36
    ['female', 'active', '1986-11-22', false, true], // 40 today
    ['male', 'active', '1990-01-01', true, false],
    ['male', 'active', '1986-11-23', true, false], // 39 until tomorrow
    ['male', 'active', '1970-01-01', false, false],
    ['female', 'retired', '1990-01-01', false, false],
    ['female', 'left', '1990-01-01', false, false],
    ['male', 'retired', '1995-06-01', false, false],
  ] as const)('%s, %s, born %s: youth %s, women %s', (gender, status, birthDate, youth, women) => {
    const member = { gender, status, birthDate }
    expect(inGroup(member, 'youth', day, settings)).toBe(youth)
    expect(inGroup(member, 'women', day, settings)).toBe(women)
  })

  it('asks the settings for the youth age, and only for youth', () => {
    const member = { gender: 'female', status: 'active', birthDate: '1990-01-01' } as const // 36
    expect(inGroup(member, 'youth', day, { youthUnderAge: 36, templateIds: {}, retirementAges: { male: 60, female: 55 } })).toBe(false)
    expect(inGroup(member, 'youth', day, { youthUnderAge: 37, templateIds: {}, retirementAges: { male: 60, female: 55 } })).toBe(true)
    expect(inGroup(member, 'women', day, { youthUnderAge: 25, templateIds: {}, retirementAges: { male: 60, female: 55 } })).toBe(true)
  })
})

/** Masking for lists: phone numbers keep their first three and last four digits; birth dates lose their year. */
import { maskBirthDate, maskPhone } from '../../types/privacy'

describe('maskPhone', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['18553560395', '185****0395'],
    ['15500000000', '155****0000'],
    ['19999999999', '199****9999'],
  ])('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked)
  })

  it('never keeps the middle four digits', () => {
    const masked = maskPhone('13856781234')
    expect(masked).not.toContain('5678')
    expect(masked).toHaveLength(11)
  })

  it.each([
    ['empty', ''],
    ['four digits', '2123'],
    ['ten digits', '1381234123'],
    ['twelve digits', '138123412345'],
    ['with spaces', '138 1234 1234'],
    ['with dashes', '138-1234-1234'],
    ['with a country code', '+8613812341234'],
    ['with a leading space', ' 13812341234'],
    ['with a trailing newline', '13812341234\n'],
    ['already masked', '138****1234'],
    ['letters', 'abcdefghijk'],
    ['full-width digits', '１３８１２３４１２３４'],
  ])('masks a value that is not a phone number (%s) whole', (_what, phone) => {
    expect(maskPhone(phone)).toBe('****')
  })

  it('leaks no digit of a malformed value', () => {
    for (const phone of ['1381234123', '138123412345', '+8613812341234']) expect(maskPhone(phone)).not.toMatch(/\d/)
  })
})

describe('maskBirthDate', () => {
  it.each([
    ['1980-05-12', '****-05-12'],
    ['1998-10-09', '****-10-09'],
    ['1953-01-01', '****-01-01'],
    ['2000-12-31', '****-12-31'],
  ])('%s → %s', (date, masked) => {
    expect(maskBirthDate(date)).toBe(masked)
  })

  it('keeps the birthday, drops the year', () => {
    const masked = maskBirthDate('1975-02-28')
    expect(masked).not.toContain('1975')
    expect(masked.endsWith('-02-28')).toBe(true)
  })

  it.each([
    ['empty', ''],
    ['slashes', '1980/05/12'],
    ['no padding', '1980-5-12'],
    ['a two-digit year', '80-05-12'],
    ['a five-digit year', '19800-05-12'],
    ['with a time', '1980-05-12 00:00'],
    ['an ISO instant', '1980-05-12T00:00:00.000Z'],
    ['with a leading space', ' 1980-05-12'],
    ['with a trailing newline', '1980-05-12\n'],
    ['already masked', '****-05-12'],
    ['a year only', '1980'],
    ['Chinese', '1980年5月12日'],
  ])('masks a value that is not a date (%s) whole', (_what, date) => {
    expect(maskBirthDate(date)).toBe('****')
  })

  it('leaks no year from a malformed value', () => {
    for (const date of ['1980/05/12', '1980-05-12T00:00:00.000Z', '19800-05-12']) expect(maskBirthDate(date)).not.toContain('1980')
  })
})

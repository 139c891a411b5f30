/** Festival dates of benefit rounds: the expected days are written out by hand from published calendars. */
import { comingFestivals, festivalDate } from '../../cloudfunctions/benefits/festivals'
import { FESTIVAL_LABELS, type Festival } from '../../types/festivals'

describe('festivalDate', () => {
  // [year, 春节, 清明, 端午, 中秋]
  it.each([
    [2021, '2021-02-12', '2021-04-04', '2021-06-14', '2021-09-21'],
    [2024, '2024-02-10', '2024-04-04', '2024-06-10', '2024-09-17'],
    [2025, '2025-01-29', '2025-04-04', '2025-05-31', '2025-10-06'], // 中秋 after 国庆
    [2026, '2026-02-17', '2026-04-05', '2026-06-19', '2026-09-25'],
    [2027, '2027-02-06', '2027-04-05', '2027-06-09', '2027-09-15'],
    // 2028 has a leap fifth month: 端午 is the first month's fifth day, not the leap month's (06-27).
    [2028, '2028-01-26', '2028-04-04', '2028-05-28', '2028-10-03'],
  ])('%i: 春节 %s, 清明 %s, 端午 %s, 中秋 %s', (year, springFestival, qingming, dragonBoat, midAutumn) => {
    expect(festivalDate('springFestival', year)).toBe(springFestival)
    expect(festivalDate('qingming', year)).toBe(qingming)
    expect(festivalDate('dragonBoat', year)).toBe(dragonBoat)
    expect(festivalDate('midAutumn', year)).toBe(midAutumn)
  })

  it('keeps 元旦, 劳动节 and 国庆 on their solar dates', () => {
    expect(festivalDate('newYear', 2026)).toBe('2026-01-01')
    expect(festivalDate('labourDay', 2026)).toBe('2026-05-01')
    expect(festivalDate('nationalDay', 2026)).toBe('2026-10-01')
  })

  it('answers from 1901 to 2099 and throws outside', () => {
    expect(festivalDate('springFestival', 1901)).toBe('1901-02-19')
    expect(festivalDate('midAutumn', 2099)).toMatch(/^2099-/)
    expect(() => festivalDate('springFestival', 1900)).toThrow('1901–2099')
    expect(() => festivalDate('newYear', 2100)).toThrow('1901–2099')
    expect(() => festivalDate('newYear', 2026.5)).toThrow('1901–2099')
  })
})

describe('comingFestivals', () => {
  const day = (festival: Festival, date: string) => ({ festival, label: FESTIVAL_LABELS[festival], date })

  it('on 2026-12-01: none left this year, all of next year', () => {
    expect(comingFestivals('2026-12-01')).toEqual([
      { festival: 'newYear', label: '元旦', date: '2027-01-01' },
      { festival: 'springFestival', label: '春节', date: '2027-02-06' },
      { festival: 'qingming', label: '清明', date: '2027-04-05' },
      { festival: 'labourDay', label: '劳动节', date: '2027-05-01' },
      { festival: 'dragonBoat', label: '端午', date: '2027-06-09' },
      { festival: 'midAutumn', label: '中秋', date: '2027-09-15' },
      { festival: 'nationalDay', label: '国庆', date: '2027-10-01' },
    ])
  })

  it('on 2025-09-30: 国庆 before 中秋, then next year', () => {
    expect(comingFestivals('2025-09-30')).toEqual([
      day('nationalDay', '2025-10-01'),
      day('midAutumn', '2025-10-06'),
      day('newYear', '2026-01-01'),
      day('springFestival', '2026-02-17'),
      day('qingming', '2026-04-05'),
      day('labourDay', '2026-05-01'),
      day('dragonBoat', '2026-06-19'),
      day('midAutumn', '2026-09-25'),
      day('nationalDay', '2026-10-01'),
    ])
  })

  it('counts today, and keeps 中秋 and 国庆 on one day in FESTIVALS order (2020-10-01)', () => {
    expect(comingFestivals('2020-10-01')).toEqual([
      day('midAutumn', '2020-10-01'),
      day('nationalDay', '2020-10-01'),
      day('newYear', '2021-01-01'),
      day('springFestival', '2021-02-12'),
      day('qingming', '2021-04-04'),
      day('labourDay', '2021-05-01'),
      day('dragonBoat', '2021-06-14'),
      day('midAutumn', '2021-09-21'),
      day('nationalDay', '2021-10-01'),
    ])
  })

  it('looks as many years ahead as asked', () => {
    expect(comingFestivals('2026-06-19', 1)).toEqual([
      day('dragonBoat', '2026-06-19'),
      day('midAutumn', '2026-09-25'),
      day('nationalDay', '2026-10-01'),
    ])
    expect(comingFestivals('2026-10-02', 1)).toEqual([])
  })

  it('throws past 2099 and on a malformed day', () => {
    expect(() => comingFestivals('2099-12-01')).toThrow('1901–2099')
    expect(() => comingFestivals('2026/12/01')).toThrow('not a day')
  })
})

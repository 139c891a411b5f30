/**
 * The dates of the festivals of benefit rounds (节日慰问), computed, never typed: 元旦, 劳动节 and 国庆 are fixed
 * solar dates, 清明 is the day of its solar term (节气), 春节, 端午 and 中秋 are lunar dates (tyme4ts). Pure: days are
 * Shanghai calendar days, 'YYYY-MM-DD' (tyme4ts reckons in Beijing time, which is Shanghai's).
 */
import { LunarDay, SolarTerm, type SolarDay } from 'tyme4ts'
import { FESTIVALS, FESTIVAL_LABELS, type Festival, type FestivalDate } from '../../types/festivals'

/** The years whose dates we answer for, as the usual lunar-calendar tables do; the library reaches further, unchecked by us. */
export const FIRST_YEAR = 1901
export const LAST_YEAR = 2099

const pad = (n: number) => String(n).padStart(2, '0')
const ymd = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`
const dayOf = (day: SolarDay) => ymd(day.getYear(), day.getMonth(), day.getDay())
/** A day of lunar year `year` (not of a leap month). */
const lunar = (year: number, month: number, day: number) => dayOf(LunarDay.fromYmd(year, month, day).getSolarDay())

/** The day of `festival` in Gregorian year `year`; throws outside FIRST_YEAR–LAST_YEAR. */
export function festivalDate(festival: Festival, year: number): string {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new Error(`festival dates are known for ${FIRST_YEAR}–${LAST_YEAR} only, not for ${year}`)
  }
  switch (festival) {
    case 'newYear':
      return ymd(year, 1, 1)
    case 'labourDay':
      return ymd(year, 5, 1)
    case 'nationalDay':
      return ymd(year, 10, 1)
    case 'qingming':
      return dayOf(SolarTerm.fromName(year, '清明').getSolarDay())
    // Lunar year Y begins in late January or February of Gregorian year Y, so these all fall in year Y.
    case 'springFestival':
      return lunar(year, 1, 1)
    case 'dragonBoat':
      return lunar(year, 5, 5)
    case 'midAutumn':
      return lunar(year, 8, 15)
  }
}

/**
 * The festivals from `today` on (today's included) in its Gregorian year and the `years - 1` after it, by date: what
 * the union office plans its rounds from. Two on the same day (中秋 and 国庆 in 2020) keep the order of FESTIVALS.
 */
export function comingFestivals(today: string, years = 2): FestivalDate[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`not a day: ${today}`)
  const first = Number(today.slice(0, 4))
  const dates: FestivalDate[] = []
  for (let year = first; year < first + years; year++) {
    for (const festival of FESTIVALS) dates.push({ festival, label: FESTIVAL_LABELS[festival], date: festivalDate(festival, year) })
  }
  // 中秋 may fall after 国庆 (2025-10-06), so the order of FESTIVALS is not the order of the days.
  return dates.filter((entry) => entry.date >= today).sort((a, b) => a.date.localeCompare(b.date))
}

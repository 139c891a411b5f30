import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import 'dayjs/locale/zh-cn'

dayjs.extend(utc)
dayjs.locale('zh-cn')

/** China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact and needs no Intl. */
const SHANGHAI_OFFSET_MINUTES = 8 * 60

/**
 * A moment seen on a Shanghai wall clock: its year, month, date, hour and minute are Shanghai's. It is built from
 * the UTC instant shifted by +8 h, never from local time, so the device's own zone (and its daylight saving) cannot
 * leak in. Its own offset reads UTC: never format it with a zone token.
 */
export function inShanghai(moment: string | number | Date | Dayjs): Dayjs {
  return dayjs.utc(dayjs(moment).valueOf() + SHANGHAI_OFFSET_MINUTES * 60_000)
}

/** The Shanghai calendar day of a moment, 'YYYY-MM-DD': "today" for every date rule. */
export function shanghaiDay(moment: string | number | Date | Dayjs): string {
  return inShanghai(moment).format('YYYY-MM-DD')
}

/** The Shanghai calendar year of a moment. */
export function shanghaiYear(moment: string | number | Date | Dayjs): number {
  return Number(shanghaiDay(moment).slice(0, 4))
}

/** "11月22日 14:30" this year, "2025年11月22日 14:30" otherwise. */
export function formatDateTime(iso: string, now: Date = new Date()): string {
  const moment = inShanghai(iso)
  const sameYear = moment.year() === inShanghai(now).year()
  return moment.format(sameYear ? 'M月D日 HH:mm' : 'YYYY年M月D日 HH:mm')
}

/** "今天", "昨天", "3天前" within a week, else the date. For list rows. */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const day = inShanghai(iso).startOf('day')
  const today = inShanghai(now).startOf('day')
  const days = today.diff(day, 'day')
  if (days === 0) return '今天 ' + inShanghai(iso).format('HH:mm')
  if (days === 1) return '昨天'
  if (days > 1 && days < 7) return `${days}天前`
  return formatDateTime(iso, now).replace(/ \d\d:\d\d$/, '')
}

/** The heading of a day's group in a list (the inbox): "今天", "昨天", "11月20日 星期五", "2025年11月20日". */
export function dayHeading(iso: string, now: Date = new Date()): string {
  const day = inShanghai(iso).startOf('day')
  const days = inShanghai(now).startOf('day').diff(day, 'day')
  if (days === 0) return '今天'
  if (days === 1) return '昨天'
  return day.year() === inShanghai(now).year() ? day.format('M月D日 dddd') : day.format('YYYY年M月D日')
}

/** The Shanghai day `days` after `day` (both 'YYYY-MM-DD'; negative: before). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** "12月20日" from a Shanghai day 'YYYY-MM-DD'; "2027年1月28日" with its year. */
export function formatDay(day: string, withYear = false): string {
  return `${withYear ? `${day.slice(0, 4)}年` : ''}${Number(day.slice(5, 7))}月${Number(day.slice(8))}日`
}

/** "2026-11-22 14:30" in Shanghai time: the value a date-time input shows. */
export function toShanghaiInput(iso: string): string {
  return inShanghai(iso).format('YYYY-MM-DD HH:mm')
}

/** Parses "2026-11-22 14:30" as Shanghai time into an ISO instant; undefined if malformed. */
export function fromShanghaiInput(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text.trim())
  if (!match) return undefined
  const [, y, mo, d, h, mi] = match.map(Number)
  const wall = new Date(Date.UTC(y, mo - 1, d, h, mi))
  // Date.UTC rolls 2026-02-30 over to March 2, 10:60 over to 11:00 and year 0050 to 1950: reject any field that did not survive.
  const fields = [wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes()]
  if (fields.join() !== [y, mo, d, h, mi].join()) return undefined
  return new Date(wall.getTime() - SHANGHAI_OFFSET_MINUTES * 60_000).toISOString()
}

/** When a job is due: every few minutes, daily at a Shanghai time, once ever. */
import { isDue } from '../../cloudfunctions/core/jobs'
import { scheduleLabel, type Schedule } from '../../types/jobs'

const at = (iso: string) => new Date(iso)

describe('isDue', () => {
  const cases: [string, Schedule, string | undefined, string, boolean][] = [
    ['never run: due', { everyMinutes: 10 }, undefined, '2026-11-20T02:00:00.000Z', true],
    ['10 minutes after: due', { everyMinutes: 10 }, '2026-11-20T02:00:00.000Z', '2026-11-20T02:10:00.000Z', true],
    ['9.5 minutes after (a trigger firing a little early): due', { everyMinutes: 10 }, '2026-11-20T02:00:10.000Z', '2026-11-20T02:09:40.000Z', true],
    ['9 minutes after: not due', { everyMinutes: 10 }, '2026-11-20T02:00:00.000Z', '2026-11-20T02:09:00.000Z', false],
    ['hourly, 59 minutes after: not due', { everyMinutes: 60 }, '2026-11-20T02:00:00.000Z', '2026-11-20T02:59:00.000Z', false],
    // 02:00 in Shanghai is 18:00 UTC the day before.
    ['daily 02:00, last done yesterday 02:00, now 02:00: due', { dailyAt: '02:00' }, '2026-11-18T18:00:00.000Z', '2026-11-19T18:00:00.000Z', true],
    ['daily 02:00, done today 02:00, now 23:00: not due', { dailyAt: '02:00' }, '2026-11-19T18:00:05.000Z', '2026-11-20T15:00:00.000Z', false],
    ['daily 02:00, done yesterday 03:00, now 01:59: not due', { dailyAt: '02:00' }, '2026-11-18T19:00:00.000Z', '2026-11-19T17:59:00.000Z', false],
    ['daily 02:00, last done two days ago, now 01:00: due (yesterday’s was missed)', { dailyAt: '02:00' }, '2026-11-17T18:00:00.000Z', '2026-11-19T17:00:00.000Z', true],
    ['daily 09:00, done at 08:59, now 09:01: due', { dailyAt: '09:00' }, '2026-11-20T00:59:00.000Z', '2026-11-20T01:01:00.000Z', true],
    ['once, never done: due', { once: true }, undefined, '2026-11-20T02:00:00.000Z', true],
    ['once, done a year ago: not due', { once: true }, '2025-11-20T02:00:00.000Z', '2026-11-20T02:00:00.000Z', false],
  ]

  it.each(cases)('%s', (_what, schedule, lastCompletedAt, now, due) => {
    expect(isDue(schedule, lastCompletedAt, at(now))).toBe(due)
  })
})

describe('scheduleLabel', () => {
  it.each([
    [{ everyMinutes: 10 }, '每 10 分钟'],
    [{ everyMinutes: 60 }, '每 1 小时'],
    [{ everyMinutes: 120 }, '每 2 小时'],
    [{ dailyAt: '02:00' }, '每天 02:00'],
    [{ once: true }, '仅一次'],
  ] as [Schedule, string][])('%j → %s', (schedule, label) => {
    expect(scheduleLabel(schedule)).toBe(label)
  })
})

import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { buildSync } from 'esbuild'
import { dayHeading, formatDateTime, formatRelative, fromShanghaiInput, inShanghai, toShanghaiInput } from '../../types/time'

/** Shanghai is UTC+8 all year: 2026-11-22 14:30 there is 06:30 UTC. */
const AFTERNOON = '2026-11-22T06:30:00.000Z'

describe('inShanghai', () => {
  it('reads the wall clock at UTC+8', () => {
    const moment = inShanghai(AFTERNOON)
    expect([moment.year(), moment.month() + 1, moment.date(), moment.hour(), moment.minute()]).toEqual([2026, 11, 22, 14, 30])
    expect(moment.format('YYYY-MM-DD HH:mm dddd')).toBe('2026-11-22 14:30 星期日')
  })

  it('is a wall-clock view: the instant shifted by +8 h, whatever form the moment came in', () => {
    const eightHours = 8 * 3_600_000
    expect(inShanghai(AFTERNOON).valueOf()).toBe(Date.parse(AFTERNOON) + eightHours)
    expect(inShanghai(new Date(AFTERNOON)).valueOf()).toBe(Date.parse(AFTERNOON) + eightHours)
    expect(inShanghai(Date.parse(AFTERNOON)).valueOf()).toBe(Date.parse(AFTERNOON) + eightHours)
  })

  it('is already the next day in Shanghai from 16:00 UTC', () => {
    expect(inShanghai('2026-11-21T15:59:00Z').date()).toBe(21)
    expect(inShanghai('2026-11-21T16:00:00Z').date()).toBe(22)
  })

  it('names weekdays in Chinese', () => {
    expect(inShanghai(AFTERNOON).format('M月D日 dddd')).toBe('11月22日 星期日')
  })
})

describe('formatDateTime', () => {
  it('leaves the year out in the current year', () => {
    expect(formatDateTime(AFTERNOON, new Date('2026-06-01T00:00:00Z'))).toBe('11月22日 14:30')
  })

  it('writes the year for another year, past or future', () => {
    expect(formatDateTime(AFTERNOON, new Date('2027-01-05T00:00:00Z'))).toBe('2026年11月22日 14:30')
    expect(formatDateTime(AFTERNOON, new Date('2025-12-01T00:00:00Z'))).toBe('2026年11月22日 14:30')
  })

  it('pads hours and minutes but not month and day', () => {
    expect(formatDateTime('2026-03-04T23:05:00Z', new Date('2026-03-01T00:00:00Z'))).toBe('3月5日 07:05')
  })

  it('decides "this year" on the Shanghai calendar', () => {
    // 2026-01-01 00:30 in Shanghai, while still 2025 in UTC.
    expect(formatDateTime('2025-12-31T16:30:00Z', new Date('2026-03-01T00:00:00Z'))).toBe('1月1日 00:30')
    // Now is 2027-01-01 00:00 in Shanghai; the notice was the evening before.
    expect(formatDateTime('2026-12-31T15:59:00Z', new Date('2026-12-31T16:00:00Z'))).toBe('2026年12月31日 23:59')
  })
})

describe('formatRelative', () => {
  const NOW = new Date('2026-03-10T04:00:00Z') // 2026-03-10 12:00 in Shanghai

  it('says 今天 with the time for today', () => {
    expect(formatRelative('2026-03-10T01:30:00Z', NOW)).toBe('今天 09:30')
    expect(formatRelative('2026-03-09T16:00:00Z', NOW)).toBe('今天 00:00')
  })

  it('says 昨天 for yesterday, by the Shanghai calendar', () => {
    expect(formatRelative('2026-03-09T15:59:00Z', NOW)).toBe('昨天')
    expect(formatRelative('2026-03-08T16:00:00Z', NOW)).toBe('昨天')
  })

  it('says 昨天 an hour after Shanghai midnight for a notice an hour before it', () => {
    // Both on 2026-03-09 in UTC, but either side of midnight in Shanghai.
    expect(formatRelative('2026-03-09T15:30:00Z', new Date('2026-03-09T16:30:00Z'))).toBe('昨天')
  })

  it('says N天前 from 2 to 6 days back', () => {
    expect(formatRelative('2026-03-08T02:00:00Z', NOW)).toBe('2天前')
    expect(formatRelative('2026-03-05T02:00:00Z', NOW)).toBe('5天前')
    expect(formatRelative('2026-03-03T16:00:00Z', NOW)).toBe('6天前')
  })

  it('gives the date without the time from 7 days back', () => {
    expect(formatRelative('2026-03-03T15:59:00Z', NOW)).toBe('3月3日')
    expect(formatRelative('2026-01-20T02:00:00Z', NOW)).toBe('1月20日')
  })

  it('gives the year for another year', () => {
    expect(formatRelative('2025-12-25T02:00:00Z', NOW)).toBe('2025年12月25日')
  })

  it('gives the date for a future day, as for a scheduled notice', () => {
    expect(formatRelative('2026-03-12T02:00:00Z', NOW)).toBe('3月12日')
    expect(formatRelative('2026-03-10T08:00:00Z', NOW)).toBe('今天 16:00')
  })

  it('uses the current time when no now is given', () => {
    expect(formatRelative(new Date().toISOString())).toMatch(/^今天 \d\d:\d\d$/)
  })
})

describe('toShanghaiInput', () => {
  it('shows an instant as a Shanghai date-time input value', () => {
    expect(toShanghaiInput(AFTERNOON)).toBe('2026-11-22 14:30')
    expect(toShanghaiInput('2026-11-21T16:00:00Z')).toBe('2026-11-22 00:00')
    expect(toShanghaiInput('2026-01-05T01:02:59.999Z')).toBe('2026-01-05 09:02')
  })
})

describe('fromShanghaiInput', () => {
  it('reads a Shanghai date-time as an ISO instant', () => {
    expect(fromShanghaiInput('2026-11-22 14:30')).toBe(AFTERNOON)
    expect(fromShanghaiInput('2026-11-22 00:00')).toBe('2026-11-21T16:00:00.000Z')
    expect(fromShanghaiInput('2026-12-31 23:59')).toBe('2026-12-31T15:59:00.000Z')
  })

  it('ignores surrounding spaces', () => {
    expect(fromShanghaiInput('  2026-11-22 14:30\n')).toBe(AFTERNOON)
  })

  it('round-trips with toShanghaiInput', () => {
    for (const text of ['2026-11-22 14:30', '2026-01-01 00:00', '2026-12-31 23:59', '2028-02-29 08:00', '2026-07-08 02:30']) {
      const iso = fromShanghaiInput(text)
      expect(iso).toBeDefined()
      expect(toShanghaiInput(iso!)).toBe(text)
    }
    for (const iso of [AFTERNOON, '2026-06-30T16:00:00.000Z', '2025-12-31T16:00:00.000Z']) {
      expect(fromShanghaiInput(toShanghaiInput(iso))).toBe(iso)
    }
  })

  it('accepts 29 February in a leap year only', () => {
    expect(fromShanghaiInput('2028-02-29 10:00')).toBe('2028-02-29T02:00:00.000Z')
    expect(fromShanghaiInput('2026-02-29 10:00')).toBeUndefined()
  })

  it.each(['2026-02-30 10:00', '2026-04-31 10:00', '2026-13-01 10:00', '2026-00-10 10:00', '2026-11-00 10:00'])('rejects the impossible date %s', (text) => {
    expect(fromShanghaiInput(text)).toBeUndefined()
  })

  it.each(['2026-11-22 24:00', '2026-11-22 23:60', '2026-11-22 10:60', '2026-11-22 10:99', '2026-11-22 25:00'])('rejects the impossible time %s', (text) => {
    expect(fromShanghaiInput(text)).toBeUndefined()
  })

  it('rejects a two-digit year that Date.UTC would read as 19xx', () => {
    expect(fromShanghaiInput('0050-01-01 10:00')).toBeUndefined()
  })

  it.each([
    '',
    '2026-11-22',
    '14:30',
    '2026-11-22T14:30',
    '2026-11-22 14:30:00',
    '2026/11/22 14:30',
    '2026-1-22 14:30',
    '2026-11-22 4:30',
    '26-11-22 14:30',
    '2026-11-22  14:30',
    '2026年11月22日 14:30',
    'abcd-ef-gh ij:kl',
    '2026-11-22T06:30:00.000Z',
  ])('rejects the malformed text %j', (text) => {
    expect(fromShanghaiInput(text)).toBeUndefined()
  })
})

/**
 * The functions must not depend on the process's time zone. Node reads TZ when a process starts (Jest's sandboxed
 * process.env cannot change it), so types/time.ts is bundled once and run in child processes with other TZ values.
 */
describe('in any process time zone', () => {
  const probe = buildSync({
    stdin: {
      contents: `
        import { formatDateTime, formatRelative, fromShanghaiInput, inShanghai, toShanghaiInput } from './types/time'
        const [instants, inputs, now] = JSON.parse(process.argv[1])
        const nowDate = new Date(now)
        console.log(JSON.stringify({
          tz: new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(),
          wall: instants.map((iso) => inShanghai(iso).format('YYYY-MM-DD HH:mm dddd')),
          dateTime: instants.map((iso) => formatDateTime(iso, nowDate)),
          relative: instants.map((iso) => formatRelative(iso, nowDate)),
          input: instants.map(toShanghaiInput),
          parsed: inputs.map(fromShanghaiInput),
        }))
      `,
      resolveDir: path.resolve(__dirname, '../..'),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0].text

  function run(tz: string, instants: string[], inputs: string[], now: string) {
    const out = execFileSync(process.execPath, ['-e', probe, JSON.stringify([instants, inputs, now])], {
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
    })
    return JSON.parse(out) as { tz: number; wall: string[]; dateTime: string[]; relative: string[]; input: string[]; parsed: (string | null)[] }
  }

  // Away from daylight-saving changes (see the known failure below).
  const now = '2026-01-15T04:00:00Z'
  const instants = ['2026-01-15T01:30:00Z', '2026-01-14T15:59:00Z', '2026-01-14T16:00:00Z', '2026-01-12T02:00:00Z', '2025-12-31T16:30:00Z', '2025-12-20T02:00:00Z']
  const inputs = ['2026-01-15 09:30', '2026-01-15 00:00', '2026-02-30 10:00', '2026-01-15 10:60', 'nonsense']
  const expected = {
    wall: ['2026-01-15 09:30 星期四', '2026-01-14 23:59 星期三', '2026-01-15 00:00 星期四', '2026-01-12 10:00 星期一', '2026-01-01 00:30 星期四', '2025-12-20 10:00 星期六'],
    dateTime: ['1月15日 09:30', '1月14日 23:59', '1月15日 00:00', '1月12日 10:00', '1月1日 00:30', '2025年12月20日 10:00'],
    relative: ['今天 09:30', '昨天', '今天 00:00', '3天前', '1月1日', '2025年12月20日'],
    input: ['2026-01-15 09:30', '2026-01-14 23:59', '2026-01-15 00:00', '2026-01-12 10:00', '2026-01-01 00:30', '2025-12-20 10:00'],
    parsed: ['2026-01-15T01:30:00.000Z', '2026-01-14T16:00:00.000Z', null, null, null],
  }

  it('gives the same results here, in this process', () => {
    expect({
      wall: instants.map((iso) => inShanghai(iso).format('YYYY-MM-DD HH:mm dddd')),
      dateTime: instants.map((iso) => formatDateTime(iso, new Date(now))),
      relative: instants.map((iso) => formatRelative(iso, new Date(now))),
      input: instants.map(toShanghaiInput),
      parsed: inputs.map((text) => fromShanghaiInput(text) ?? null),
    }).toEqual(expected)
  })

  it.each([
    ['UTC', 0],
    ['Asia/Shanghai', -480],
    ['America/New_York', 300],
    ['America/St_Johns', 210],
    ['Asia/Kolkata', -330],
    ['Pacific/Kiritimati', -840],
    ['Pacific/Pago_Pago', 660],
  ])('gives the same results with TZ=%s', (tz, offset) => {
    const { tz: actualOffset, ...results } = run(tz, instants, inputs, now)
    expect(actualOffset).toBe(offset) // the child really ran in that zone
    expect(results).toEqual(expected)
  })

  // dayjs's utcOffset shifts a *local* Date, so near a DST change of the process zone it was an hour off
  // (2026-03-08 02:30 in Shanghai falls in Los Angeles' spring-forward gap and read as 03:30).
  it('reads Shanghai wall time correctly across a DST change in the process zone (TZ=America/Los_Angeles)', () => {
    const { parsed, input } = run('America/Los_Angeles', ['2026-03-07T18:30:00Z', '2026-11-01T01:30:00Z'], ['2026-03-08 02:30'], now)
    expect(parsed).toEqual(['2026-03-07T18:30:00.000Z'])
    expect(input).toEqual(['2026-03-08 02:30', '2026-11-01 09:30'])
  })
})

describe('dayHeading', () => {
  // 10:00 on Friday 2026-11-20 in Shanghai.
  const now = new Date('2026-11-20T02:00:00.000Z')
  it.each([
    ['earlier today', '2026-11-19T16:30:00.000Z', '今天'],
    ['yesterday evening', '2026-11-19T12:00:00.000Z', '昨天'],
    ['yesterday, just after midnight in Shanghai', '2026-11-18T16:00:00.000Z', '昨天'],
    ['two days ago, a Wednesday', '2026-11-18T15:59:00.000Z', '11月18日 星期三'],
    ['last year', '2025-12-31T04:00:00.000Z', '2025年12月31日'],
  ])('%s → %s', (_what, iso, heading) => {
    expect(dayHeading(iso, now)).toBe(heading)
  })
})

/** Timer triggers of the local host: reading them from config.json and translating CloudBase cron for croner. */
import { Cron } from 'croner'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { FUNCTIONS } from '../../cloudfunctions/registry'
import { readTimerTriggers, toCronerPattern } from '../../scripts/host/timers'

describe('toCronerPattern', () => {
  it('drops the year of a seven-field CloudBase cron whose year is "*"', () => {
    expect(toCronerPattern('0 0 * * * * *')).toBe('0 0 * * * *')
    expect(toCronerPattern('  0   30 2 * * 1-5   * ')).toBe('0 30 2 * * 1-5')
  })

  it('passes a six-field pattern through', () => {
    expect(toCronerPattern('0 */5 * * * *')).toBe('0 */5 * * * *')
  })

  it.each([
    ['a fixed year', '0 0 * * * * 2027'],
    ['five fields', '0 * * * *'],
    ['eight fields', '0 0 * * * * * *'],
    ['nothing', ''],
    ['blanks', '   '],
  ])('throws on %s', (_what, cron) => {
    expect(() => toCronerPattern(cron)).toThrow(/unsupported timer cron/)
  })

  it('gives croner a pattern it schedules as CloudBase would: "0 0 * * * * *" is on the hour', () => {
    const job = new Cron(toCronerPattern('0 0 * * * * *'), { paused: true, timezone: 'Asia/Shanghai' })
    const next = job.nextRun(new Date('2026-11-20T02:15:30.000Z'))
    job.stop()
    expect(next?.toISOString()).toBe('2026-11-20T03:00:00.000Z')
  })
})

describe('readTimerTriggers', () => {
  const root = resolve(__dirname, '../..')

  it('finds each function’s one trigger, named as its function expects, in the real configs', () => {
    const triggers = readTimerTriggers(join(root, 'cloudfunctions'), Object.keys(FUNCTIONS))
    expect(triggers).toEqual([
      { functionName: 'audit', name: 'jobs', cron: '0 0 * * * *' },
      { functionName: 'benefits', name: 'jobs', cron: '0 */10 * * * *' },
      { functionName: 'events', name: 'jobs', cron: '0 * * * * *' },
      { functionName: 'exports', name: 'jobs', cron: '0 */10 * * * *' },
      { functionName: 'members', name: 'jobs', cron: '0 0 * * * *' },
      { functionName: 'messages', name: 'jobs', cron: '0 * * * * *' },
      { functionName: 'notices', name: 'jobs', cron: '0 */10 * * * *' },
      { functionName: 'proposals', name: 'jobs', cron: '0 0 * * * *' },
    ])
    for (const trigger of triggers) expect(FUNCTIONS[trigger.functionName].config.triggers?.[0]?.name).toBe(trigger.name)
  })

  describe('on its own configs', () => {
    let dir: string

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'jgzj-timers-'))
    })

    afterEach(() => rmSync(dir, { recursive: true, force: true }))

    function config(name: string, content: unknown) {
      mkdirSync(join(dir, name))
      writeFileSync(join(dir, name, 'config.json'), JSON.stringify(content))
    }

    it('keeps timer triggers only, and reads functions without any', () => {
      config('a', {
        permissions: { openapi: [] },
        triggers: [
          { name: 'tick', type: 'timer', config: '0 */10 * * * * *' },
          { name: 'hook', type: 'http', config: '/hook' },
        ],
      })
      config('b', { permissions: { openapi: [] } })
      expect(readTimerTriggers(dir, ['a', 'b'])).toEqual([{ functionName: 'a', name: 'tick', cron: '0 */10 * * * *' }])
    })

    it('refuses a config.json with two timer triggers, as CloudBase would', () => {
      config('a', {
        triggers: [
          { name: 'tick', type: 'timer', config: '0 */10 * * * * *' },
          { name: 'tock', type: 'timer', config: '0 0 2 * * * *' },
        ],
      })
      expect(() => readTimerTriggers(dir, ['a'])).toThrow(/declares 2 timer triggers: WeChat allows one per function/)
    })

    it('throws on a timer whose cron it cannot run', () => {
      config('a', { triggers: [{ name: 'yearly', type: 'timer', config: '0 0 0 1 1 * 2027' }] })
      expect(() => readTimerTriggers(dir, ['a'])).toThrow(/unsupported timer cron/)
    })
  })
})

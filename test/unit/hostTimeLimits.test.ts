/** Function time limits on the local host: read from config.json as CloudBase does, enforced per call. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_TIMEOUT_SECONDS, TIMED_OUT, readTimeouts, withinTimeLimit } from '../../scripts/host/timeLimits'

describe('readTimeouts', () => {
  const functionsDir = (configs: Record<string, unknown>) => {
    const dir = mkdtempSync(join(tmpdir(), 'jiaogong-timeouts-'))
    for (const [name, config] of Object.entries(configs)) {
      mkdirSync(join(dir, name))
      writeFileSync(join(dir, name, 'config.json'), JSON.stringify(config))
    }
    return dir
  }

  it('reads each function’s timeout, and gives one without CloudBase’s 3 s', () => {
    const dir = functionsDir({ quick: { timeout: 5 }, plain: { permissions: { openapi: [] } } })
    expect(readTimeouts(dir, ['quick', 'plain'])).toEqual({ quick: 5, plain: 3 })
    expect(DEFAULT_TIMEOUT_SECONDS).toBe(3)
  })

  it.each([['zero', 0], ['negative', -1], ['text', '10'], ['null', null]])('refuses a %s timeout at start', (_what, timeout) => {
    const dir = functionsDir({ broken: { timeout } })
    expect(() => readTimeouts(dir, ['broken'])).toThrow(`${join(dir, 'broken', 'config.json')}: "timeout" must be a positive number of seconds`)
  })
})

describe('withinTimeLimit', () => {
  it('answers the call when it ends in time, TIMED_OUT when it does not', async () => {
    await expect(withinTimeLimit(Promise.resolve('done'), 1)).resolves.toBe('done')
    const never = new Promise<string>(() => undefined)
    await expect(withinTimeLimit(never, 0.05)).resolves.toBe(TIMED_OUT)
  })
})

/** The local host's throttled log: one line per interval, however many events. */
import { throttledLog } from '../../scripts/host/throttledLog'

const MINUTE = 60_000
const T0 = Date.parse('2026-11-20T02:00:00.000Z')

describe('throttledLog', () => {
  it('writes the first line, holds back the rest of the minute, and counts them in the next line', () => {
    let now = T0
    const lines: string[] = []
    const log = throttledLog((line) => lines.push(line), MINUTE, () => now)
    for (let i = 0; i < 25; i += 1) log('hung up')
    expect(lines).toEqual(['hung up'])
    now = T0 + MINUTE - 1
    log('hung up')
    expect(lines).toEqual(['hung up'])
    now = T0 + MINUTE
    log('hung up')
    expect(lines).toEqual(['hung up', 'hung up (and 25 more like it since the last such line)'])
    now = T0 + 3 * MINUTE
    log('hung up')
    expect(lines).toEqual(['hung up', 'hung up (and 25 more like it since the last such line)', 'hung up'])
  })
})

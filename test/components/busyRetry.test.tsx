/** Trying a sign-up again while the cloud is throttled: the same key each time, growing waits, and no false failure. */
import { ApiError } from '../../src/services/api'
import { BUSY_RETRY_DELAYS_MS, GAVE_UP_MESSAGE, retryWhileBusy } from '../../src/services/busyRetry'

const busy = () => new ApiError('BUSY', '当前使用人数较多，请稍后再试')

/** A sleep that returns at once and remembers how long it was asked to wait. */
function recordingSleep() {
  const waits: number[] = []
  return { waits, sleep: async (ms: number) => void waits.push(ms) }
}

describe('retryWhileBusy', () => {
  it('tries again after BUSY with waits of 1, 2, 4 s… and answers the first success', async () => {
    const { waits, sleep } = recordingSleep()
    const attempt = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(busy())
      .mockRejectedValueOnce(busy())
      .mockRejectedValueOnce(new ApiError('TIMEOUT', '服务处理超时，请稍后再试'))
      .mockResolvedValueOnce('报名成功')
    const waiting: Array<[number, string]> = []
    const answer = await retryWhileBusy(attempt, { sleep, random: () => 0.5, onWaiting: (tries, code) => waiting.push([tries, code]) })
    expect(answer).toBe('报名成功')
    expect(attempt).toHaveBeenCalledTimes(4)
    expect(waits).toEqual([1000, 2000, 4000])
    expect(waiting).toEqual([
      [1, 'BUSY'],
      [2, 'BUSY'],
      [3, 'TIMEOUT'],
    ])
  })

  it('spreads each wait over ±25 % so many phones do not come back together', async () => {
    const low = recordingSleep()
    const high = recordingSleep()
    const failTwice = () => jest.fn<Promise<number>, []>().mockRejectedValueOnce(busy()).mockRejectedValueOnce(busy()).mockResolvedValue(1)
    await retryWhileBusy(failTwice(), { sleep: low.sleep, random: () => 0 })
    await retryWhileBusy(failTwice(), { sleep: high.sleep, random: () => 0.999 })
    expect(low.waits).toEqual([750, 1500])
    expect(high.waits).toEqual([1250, 2499])
  })

  it('gives up after about 30 s of waits, keeping the code and saying to look in 我的报名 (never that it failed)', async () => {
    const { waits, sleep } = recordingSleep()
    const attempt = jest.fn<Promise<string>, []>().mockRejectedValue(busy())
    const failure = await retryWhileBusy(attempt, { sleep, random: () => 0.5 }).catch((error: unknown) => error as ApiError)
    expect(attempt).toHaveBeenCalledTimes(6)
    expect(waits).toEqual([1000, 2000, 4000, 8000, 15000])
    expect(waits.reduce((sum, ms) => sum + ms, 0)).toBe(30_000)
    expect(BUSY_RETRY_DELAYS_MS).toEqual(waits)
    expect(failure).toBeInstanceOf(ApiError)
    expect((failure as ApiError).code).toBe('BUSY')
    expect((failure as ApiError).message).toBe(GAVE_UP_MESSAGE)
    expect(GAVE_UP_MESSAGE).toContain('我的报名')
    expect(GAVE_UP_MESSAGE).not.toMatch(/失败/)
  })

  it.each([
    ['a full event', new ApiError('CONFLICT', '名额已满')],
    ['a wrong answer', new ApiError('INVALID_INPUT', '请填写「参赛组别」')],
    ['someone not eligible', new ApiError('FORBIDDEN', '仅限女性报名')],
  ])('answers %s at once, without trying again', async (_what, definite) => {
    const { waits, sleep } = recordingSleep()
    const attempt = jest.fn<Promise<string>, []>().mockRejectedValueOnce(definite)
    await expect(retryWhileBusy(attempt, { sleep })).rejects.toBe(definite)
    expect(attempt).toHaveBeenCalledTimes(1)
    expect(waits).toEqual([])
  })
})

/**
 * Trying a write again while the cloud is overloaded. In a rush (a popular event opening at 09:00) CloudBase throttles
 * and a function answers BUSY, or runs past its time limit, or the answer is lost: the write may or may not have been
 * applied. Sent again with the SAME idempotency key, it is applied once and the function answers the first result, so
 * waiting a little and trying again is always safe. The person is told they are queued, never that it failed.
 */
import { ApiError, toApiError, type ClientErrorCode } from './api'

/** The waits between tries: 1 s, 2 s, 4 s, 8 s, then 15 s (about 30 s in all) before giving up. */
export const BUSY_RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000]

/** The answers after which trying again may help: throttled, timed out, or lost on the way. */
export const RETRIED_CODES: ClientErrorCode[] = ['BUSY', 'TIMEOUT', 'NETWORK']

/** What the person is told once the tries are used up: it may well have worked, so look before trying again. */
export const GAVE_UP_MESSAGE =
  '当前报名人数较多，暂时没有收到结果，您的报名可能已经提交。请稍后到「我的报名」查看；如需再试，再点一次提交不会重复报名。'

export interface BusyRetryOptions {
  /** Before each wait: which try failed (1 = the first) and why; the screen shows 排队中. */
  onWaiting?: (failedTry: number, code: ClientErrorCode) => void
  delays?: number[]
  /** Waits `ms` (a test passes one that records and resolves at once). */
  sleep?: (ms: number) => Promise<void>
  /** 0 ≤ r < 1: spreads the retries of many phones over ±25 % of each wait, so they do not all come back at once. */
  random?: () => number
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Runs `attempt` (one call of a write with its idempotency key fixed) until it answers, trying again after each
 * BUSY, TIMEOUT or NETWORK failure with a growing wait. Any other failure is the answer and is thrown at once. When
 * the waits are used up it throws an ApiError with the last failure's code (so the caller keeps the key for a later
 * tap) and GAVE_UP_MESSAGE.
 */
export async function retryWhileBusy<T>(attempt: () => Promise<T>, options: BusyRetryOptions = {}): Promise<T> {
  const { onWaiting, delays = BUSY_RETRY_DELAYS_MS, sleep = realSleep, random = Math.random } = options
  for (let tried = 1; ; tried++) {
    try {
      return await attempt()
    } catch (caught) {
      const error = toApiError(caught)
      if (!RETRIED_CODES.includes(error.code)) throw error
      const delay = delays[tried - 1]
      if (delay === undefined) throw new ApiError(error.code, GAVE_UP_MESSAGE)
      onWaiting?.(tried, error.code)
      await sleep(Math.round(delay * (0.75 + 0.5 * random())))
    }
  }
}

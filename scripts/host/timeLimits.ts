/**
 * Function time limits, as on CloudBase: each function's `timeout` (seconds) in its config.json, 3 s where none is
 * set. CloudBase stops a function at its limit; the host cannot stop a call, so it answers TIMEOUT at the limit
 * and lets the call run on. Either way the caller cannot know whether the work was done.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ApiFailure } from '../../types/result'

/** CloudBase's limit for a function whose config.json sets none. */
export const DEFAULT_TIMEOUT_SECONDS = 3

export const TIMED_OUT: ApiFailure = {
  ok: false,
  code: 'TIMEOUT',
  message: '操作超时：处理时间过长，这次操作可能已经完成，也可能没有完成。请先刷新查看结果，确认没有完成再重试',
}

/** Each function's limit in seconds, read from cloudfunctions/<name>/config.json (once, at start). */
export function readTimeouts(functionsDir: string, names: string[]): Record<string, number> {
  return Object.fromEntries(
    names.map((name) => {
      const file = join(functionsDir, name, 'config.json')
      const { timeout = DEFAULT_TIMEOUT_SECONDS } = JSON.parse(readFileSync(file, 'utf8')) as { timeout?: unknown }
      if (typeof timeout !== 'number' || !(timeout > 0)) throw new Error(`${file}: "timeout" must be a positive number of seconds`)
      return [name, timeout]
    }),
  )
}

/** The call's answer, or TIMED_OUT once `seconds` pass first. */
export async function withinTimeLimit<T>(call: Promise<T>, seconds: number): Promise<T | ApiFailure> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<ApiFailure>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), seconds * 1000)
  })
  try {
    return await Promise.race([call, limit])
  } finally {
    clearTimeout(timer)
  }
}

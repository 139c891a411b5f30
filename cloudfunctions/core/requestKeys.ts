/**
 * Idempotent writes: the app sends a key with every write, and a retry with the same key (a timeout on a weak
 * network, a double tap) gets the first answer instead of applying the write again.
 */
import { createHash } from 'node:crypto'
import type { ApiResult, ErrorCode } from '../../types/result'
import { insertIfAbsent } from './queries'
import type { Store } from './store/port'

export const REQUEST_KEY = /^[A-Za-z0-9_-]{8,64}$/

/** How long a key is remembered: far longer than any retry, short enough to keep the collection small. */
export const REQUEST_KEY_HOURS = 24

/** Answers a caller can retry for a different outcome: they are never remembered. */
const RETRYABLE: ErrorCode[] = ['INTERNAL', 'BUSY', 'TIMEOUT']

/** The record's id: one caller's key for one action never collides with another's. */
export function requestKeyId(functionName: string, action: string, openid: string, key: string): string {
  return createHash('sha256').update(`${functionName}\n${action}\n${openid}\n${key}`).digest('hex').slice(0, 40)
}

const stillRunning: ApiResult<never> = {
  ok: false,
  code: 'CONFLICT',
  message: '上一次提交还在处理中，请稍候刷新查看结果，不必重复提交',
}

/**
 * Runs `work` once per key. A record left pending for longer than the function may run (it was cut off) no longer
 * blocks: the next retry takes it over.
 */
export async function answerOnce(
  store: Store,
  id: string,
  now: Date,
  timeoutSeconds: number,
  work: () => Promise<ApiResult<unknown>>,
): Promise<ApiResult<unknown>> {
  const at = now.toISOString()
  if (!(await insertIfAbsent(store, 'requestKeys', { _id: id, at, state: 'pending' }))) {
    const seen = await store.get('requestKeys', id)
    if (seen?.state === 'done' && seen.result) return seen.result
    const abandoned = new Date(now.getTime() - timeoutSeconds * 1000).toISOString()
    if (!(await store.claim('requestKeys', id, { state: 'pending', at: { $lt: abandoned } }, { $set: { at } }))) return stillRunning
  }
  const result = await work()
  if (!result.ok && RETRYABLE.includes(result.code)) await store.remove('requestKeys', { _id: id })
  else await store.update('requestKeys', { _id: id }, { $set: { state: 'done', result } })
  return result
}

/** Removes keys older than REQUEST_KEY_HOURS, a batch at a time (a job of the audit function). */
export async function purgeRequestKeys(store: Store, now: Date, batch: number): Promise<number> {
  const before = new Date(now.getTime() - REQUEST_KEY_HOURS * 3_600_000).toISOString()
  const old = await store.find('requestKeys', { at: { $lte: before } }, { fields: ['_id'], limit: batch })
  if (old.length === 0) return 0
  return store.remove('requestKeys', { _id: { $in: old.map((doc) => doc._id) } })
}

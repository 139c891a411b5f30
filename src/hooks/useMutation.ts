import { useRef, useState } from 'react'
import { newIdempotencyKey, toApiError, type ClientErrorCode } from '../services/api'
import { showDone, showError } from '../services/feedback'

export interface MutationOptions<I, R> {
  /** The toast once it worked: a text ("已保存"), or one made from the answer. */
  success?: string | ((result: R, input: I) => string)
  /** After it worked and the toast showed: reload, reseed a form, go back. */
  onSuccess?: (result: R, input: I) => void | Promise<void>
}

export interface Mutation<I> {
  /** Does it, unless it is already under way (a double tap does nothing). */
  run: (input: I) => Promise<void>
  /** Under way: show the button loading. */
  busy: boolean
}

/**
 * Failures after which the write may or may not have been applied (or was throttled before it was): trying the same
 * write again keeps its key, so the function answers the first result rather than applying it twice.
 */
const RETRY_SAME_KEY: ClientErrorCode[] = ['NETWORK', 'TIMEOUT', 'BUSY']

/**
 * Something the person does with a tap, usually a write: `perform(input, idempotencyKey)` runs once at a time,
 * shows a toast when it worked and the error when it did not (for a write lost to a timeout or the network, the
 * client's message says it may or may not have been done). The key belongs to one intended write: the same input tried again after such a failure reuses
 * it; anything else (the next write, changed input, a definite answer) gets a new one.
 */
export function useMutation<I = void, R = unknown>(
  perform: (input: I, idempotencyKey: string) => Promise<R>,
  options: MutationOptions<I, R> = {},
): Mutation<I> {
  const [busy, setBusy] = useState(false)
  const running = useRef(false)
  const unsettled = useRef<{ input: string; key: string }>()

  const run = async (input: I) => {
    if (running.current) return
    running.current = true
    setBusy(true)
    const fingerprint = JSON.stringify(input) ?? ''
    const key = unsettled.current?.input === fingerprint ? unsettled.current.key : newIdempotencyKey()
    unsettled.current = { input: fingerprint, key }
    try {
      const result = await perform(input, key)
      unsettled.current = undefined
      const { success, onSuccess } = options
      if (success) showDone(typeof success === 'function' ? success(result, input) : success)
      await onSuccess?.(result, input)
    } catch (caught) {
      const error = toApiError(caught)
      if (!RETRY_SAME_KEY.includes(error.code)) unsettled.current = undefined
      showError(error)
    } finally {
      running.current = false
      setBusy(false)
    }
  }

  return { run, busy }
}

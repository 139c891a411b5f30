/** Every cloud-function action answers with one of these two shapes. */
export type ApiResult<T> = ApiSuccess<T> | ApiFailure

export interface ApiSuccess<T> {
  ok: true
  data: T
}

export interface ApiFailure {
  ok: false
  code: ErrorCode
  /** Chinese, says what went wrong and what to do. */
  message: string
  /** For form errors: field path → Chinese message. */
  fields?: Record<string, string>
}

/** Stable codes a client may branch on. Never rename one. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_ACTION'
  | 'NOT_SIGNED_IN'
  | 'NOT_BOUND'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_ATTEMPTS'
  /** Too many requests at once (CloudBase throttling, a contended write that ran out of retries): try again shortly. */
  | 'BUSY'
  /** A per-person quota is used up (uploads per hour): the message says when it frees up. */
  | 'QUOTA_EXCEEDED'
  /** The function ran past its time limit; what it was doing may or may not have been saved. */
  | 'TIMEOUT'
  | 'INTERNAL'

/** The event every function receives, on WeChat and on the local host alike. */
export interface FunctionEvent {
  action: string
  payload?: unknown
  /**
   * Sent by the app with every write: a retried request (a timeout on a weak network, a double tap) carries the same
   * key, and the function answers the first result instead of applying it twice.
   */
  idempotencyKey?: string
}

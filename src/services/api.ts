/**
 * The one way the app reaches its cloud functions: `wx.cloud.callFunction` on WeChat, `fetch` to the local host
 * in the browser build. Either way the event is `{ action, payload }` (a write adds its idempotency key) and the
 * answer an ApiResult.
 */
import Taro from '@tarojs/taro'
import type { FunctionName, RequestOf, ResponseOf } from '../../types/contracts'
import type { ApiResult, ErrorCode, FunctionEvent } from '../../types/result'
import { sessionHeader } from './session'
import type { ReadAction, WriteAction } from './writes'

/**
 * The functions' codes, and NETWORK: the request or its answer was lost on the way, so whether a write was applied
 * is not known (the app's own code; no function answers it).
 */
export type ClientErrorCode = ErrorCode | 'NETWORK'

export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message)
  }
}

/** Any thrown value as the ApiError a screen can show. */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('INTERNAL', '出错了，请稍后再试')
}

/** The data of an ApiResult, or its failure thrown as an ApiError. */
export function unwrap<T>(result: ApiResult<unknown> | null | undefined): T {
  if (!result || typeof result !== 'object') throw new ApiError('INTERNAL', '服务暂时不可用，请稍后再试')
  if (!result.ok) throw new ApiError(result.code, result.message, result.fields)
  return result.data as T
}

/** WeChat's error code when a function runs past its time limit ("Invoking task timed out after 3 seconds"). */
const WECHAT_FUNCTION_TIMEOUT = -504003

/** Why `wx.cloud.callFunction` or `fetch` failed without an answer: the function's time limit, or the network. */
export function failureOf(error: unknown): ApiError {
  const { errCode, errMsg } = (error ?? {}) as { errCode?: number; errMsg?: string }
  if (errCode === WECHAT_FUNCTION_TIMEOUT || /timed out/i.test(errMsg ?? '')) {
    return new ApiError('TIMEOUT', '服务处理超时，请稍后再试')
  }
  return new ApiError('NETWORK', '网络不太稳定，请检查网络后重试')
}

async function send(name: FunctionName, event: FunctionEvent): Promise<ApiResult<unknown>> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const { result } = await Taro.cloud.callFunction({ name, data: event as never })
      return result as ApiResult<unknown>
    }
    const response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...sessionHeader() },
      body: JSON.stringify(event),
    })
    return (await response.json()) as ApiResult<unknown>
  } catch (error) {
    throw failureOf(error)
  }
}

/** Reads: they change nothing, so they carry no key and may be repeated freely. */
export async function call<F extends FunctionName, A extends ReadAction<F>>(
  name: F,
  action: A,
  ...payload: RequestOf<F, A> extends void ? [] : [RequestOf<F, A>]
): Promise<ResponseOf<F, A>> {
  return unwrap<ResponseOf<F, A>>(await send(name, { action, payload: payload[0] }))
}

/** What a person is told when a write's outcome is not known: it may or may not have been done. */
const UNSURE_WRITE: Partial<Record<ClientErrorCode, string>> = {
  TIMEOUT: '处理超时：这次操作可能已经完成，也可能没有。请稍后刷新查看；需要时再点一次，不会重复提交。',
  NETWORK: '网络不太稳定：这次操作可能已经完成，也可能没有。请检查网络后刷新查看；需要时再点一次，不会重复提交。',
}

/**
 * Writes: `idempotencyKey` names the one write the person intended. Sent again with the same key (a retry after a
 * timeout or a lost answer), the function answers the first result instead of applying it twice.
 */
export async function write<F extends FunctionName, A extends WriteAction<F>>(
  name: F,
  action: A,
  payload: RequestOf<F, A>,
  idempotencyKey: string,
): Promise<ResponseOf<F, A>> {
  try {
    return unwrap<ResponseOf<F, A>>(await send(name, { action, payload, idempotencyKey }))
  } catch (error) {
    const unsure = error instanceof ApiError ? UNSURE_WRITE[error.code] : undefined
    throw unsure ? new ApiError((error as ApiError).code, unsure) : error
  }
}

/** A fresh key for one intended write: 8–64 characters of [A-Za-z0-9_-], unique per device and moment. */
export function newIdempotencyKey(): string {
  const random = () => Math.random().toString(36).slice(2, 10).padEnd(8, '0')
  return `${Date.now().toString(36)}-${random()}${random()}`
}

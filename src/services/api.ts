/**
 * The one way the app reaches its cloud functions: `wx.cloud.callFunction` on WeChat, `fetch` to the local host
 * in the browser build. Either way the event is `{ action, payload }` and the answer an ApiResult.
 */
import Taro from '@tarojs/taro'
import type { ActionName, FunctionName, RequestOf, ResponseOf } from '../../types/contracts'
import type { ApiResult, ErrorCode } from '../../types/result'
import { sessionHeader } from './session'

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
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

async function send(name: string, data: { action: string; payload: unknown }): Promise<ApiResult<unknown>> {
  if (process.env.TARO_ENV === 'weapp') {
    const { result } = await Taro.cloud.callFunction({ name, data: data as never })
    return result as ApiResult<unknown>
  }
  const response = await fetch(`/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...sessionHeader() },
    body: JSON.stringify(data),
  })
  return (await response.json()) as ApiResult<unknown>
}

export async function call<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  ...payload: RequestOf<F, A> extends void ? [] : [RequestOf<F, A>]
): Promise<ResponseOf<F, A>> {
  let result: ApiResult<unknown>
  try {
    result = await send(name, { action, payload: payload[0] })
  } catch {
    throw new ApiError('INTERNAL', '网络不太稳定，请检查网络后重试')
  }
  return unwrap<ResponseOf<F, A>>(result)
}

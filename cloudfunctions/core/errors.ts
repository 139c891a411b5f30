import type { ErrorCode } from '../../types/result'

/** An error a person can meet: a stable code and a Chinese message saying what to do. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或已被删除，请返回刷新后重试`)
export const forbidden = (message = '您没有权限进行此操作') => new AppError('FORBIDDEN', message)
export const memberLeft = () => forbidden('您的会员身份已注销（离校），如有疑问请联系校工会')

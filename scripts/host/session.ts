/** Signed sessions for the local host: `base64url(payload).hmac`. Only the host issues and reads them. */
import { createHmac, timingSafeEqual } from 'node:crypto'

export interface Session {
  openid: string
  /** Expiry, epoch milliseconds. */
  exp: number
}

const SESSION_DAYS = 30

export function signSession(secret: string, openid: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ openid, exp: now + SESSION_DAYS * 86_400_000 })).toString('base64url')
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`
}

export function verifySession(secret: string, token: string | undefined, now = Date.now()): Session | undefined {
  if (!token) return undefined
  const [payload, signature, extra] = token.split('.')
  if (!payload || !signature || extra !== undefined) return undefined
  const expected = Buffer.from(createHmac('sha256', secret).update(payload).digest('base64url'))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  try {
    const session = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Session
    return typeof session.openid === 'string' && typeof session.exp === 'number' && session.exp > now ? session : undefined
  } catch {
    return undefined
  }
}

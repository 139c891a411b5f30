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

/** Tokens remembered at most: far more than the demo union's people, small beside the host's memory. */
const REMEMBERED = 10_000

/**
 * Reads sessions as verifySession does, remembering each token it has verified (a signed-in phone sends the same one
 * with every call, and checking its signature costs more than the cheapest action). A token is remembered only once
 * its signature held; its expiry is checked on every read.
 */
export function sessionReader(secret: string): (token: string | undefined, now?: number) => Session | undefined {
  const verified = new Map<string, Session>()
  return (token, now = Date.now()) => {
    if (!token) return undefined
    const known = verified.get(token)
    if (known) return known.exp > now ? known : undefined
    const session = verifySession(secret, token, now)
    if (session) {
      if (verified.size >= REMEMBERED) verified.clear()
      verified.set(token, session)
    }
    return session
  }
}

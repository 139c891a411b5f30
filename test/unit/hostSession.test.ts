/** Signed sessions of the local host. */
import { createHmac } from 'node:crypto'
import { sessionReader, signSession, verifySession } from '../../scripts/host/session'

const SECRET = 'unit-test-secret'
const NOW = Date.parse('2026-11-20T02:00:00.000Z')
const DAY = 86_400_000
const OPENID = 'demo-openid-100001'

/** A token for any payload, correctly signed: for payloads signSession never makes. */
function signed(payload: string, secret = SECRET) {
  const encoded = Buffer.from(payload).toString('base64url')
  return `${encoded}.${createHmac('sha256', secret).update(encoded).digest('base64url')}`
}

describe('signSession / verifySession', () => {
  it('round-trips the OPENID with a 30-day expiry', () => {
    const token = signSession(SECRET, OPENID, NOW)
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
    expect(verifySession(SECRET, token, NOW)).toEqual({ openid: OPENID, exp: NOW + 30 * DAY })
  })

  it('expires after 30 days', () => {
    const token = signSession(SECRET, OPENID, NOW)
    expect(verifySession(SECRET, token, NOW + 30 * DAY - 1)?.openid).toBe(OPENID)
    expect(verifySession(SECRET, token, NOW + 30 * DAY)).toBeUndefined()
  })

  it('refuses a token signed with another secret', () => {
    expect(verifySession(SECRET, signSession('other-secret', OPENID, NOW), NOW)).toBeUndefined()
  })

  it('refuses a tampered payload or signature', () => {
    const [payload, signature] = signSession(SECRET, OPENID, NOW).split('.')
    const forged = Buffer.from(JSON.stringify({ openid: 'demo-openid-100002', exp: NOW + DAY })).toString('base64url')
    expect(verifySession(SECRET, `${forged}.${signature}`, NOW)).toBeUndefined()
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A')
    expect(verifySession(SECRET, `${payload}.${flipped}`, NOW)).toBeUndefined()
    expect(verifySession(SECRET, `${payload}.${signature.slice(0, -2)}`, NOW)).toBeUndefined()
  })

  it('refuses tokens of the wrong shape', () => {
    const token = signSession(SECRET, OPENID, NOW)
    for (const bad of [undefined, '', '.', 'abc', `${token}.extra`, `.${token.split('.')[1]}`, `${token.split('.')[0]}.`]) {
      expect(verifySession(SECRET, bad, NOW)).toBeUndefined()
    }
  })

  it('refuses a correctly signed payload that is not a session', () => {
    expect(verifySession(SECRET, signed('not json'), NOW)).toBeUndefined()
    expect(verifySession(SECRET, signed(JSON.stringify({ exp: NOW + DAY })), NOW)).toBeUndefined()
    expect(verifySession(SECRET, signed(JSON.stringify({ openid: OPENID })), NOW)).toBeUndefined()
    expect(verifySession(SECRET, signed(JSON.stringify({ openid: 42, exp: NOW + DAY })), NOW)).toBeUndefined()
    expect(verifySession(SECRET, signed(JSON.stringify({ openid: OPENID, exp: String(NOW + DAY) })), NOW)).toBeUndefined()
    expect(verifySession(SECRET, signed('null'), NOW)).toBeUndefined()
    // The helper itself makes tokens verifySession accepts.
    expect(verifySession(SECRET, signed(JSON.stringify({ openid: OPENID, exp: NOW + DAY })), NOW)?.openid).toBe(OPENID)
  })
})

describe('sessionReader', () => {
  it('answers as verifySession does, a remembered token too, and still expires it after 30 days', () => {
    const read = sessionReader(SECRET)
    const token = signSession(SECRET, OPENID, NOW)
    expect(read(token, NOW)).toEqual({ openid: OPENID, exp: NOW + 30 * DAY })
    expect(read(token, NOW + DAY)).toEqual({ openid: OPENID, exp: NOW + 30 * DAY })
    expect(read(token, NOW + 30 * DAY)).toBeUndefined()
  })

  it('never remembers a token whose signature failed, so a forgery stays refused', () => {
    const read = sessionReader(SECRET)
    const forged = signSession('other-secret', OPENID, NOW)
    expect(read(forged, NOW)).toBeUndefined()
    expect(read(forged, NOW)).toBeUndefined()
    expect(read(undefined, NOW)).toBeUndefined()
    expect(read(signed('not json'), NOW)).toBeUndefined()
  })
})

/**
 * A burst over real HTTP through the local host (port 0, the demo union in memory, signed in through the
 * development login): all 300 demo members sign up at once for a 100-place event with a waitlist, some sending the
 * same request twice (the same idempotency key) and some cancelling as soon as they are answered; then the
 * invariants are checked in the database and each member's sign-up is what they were last told.
 */
import { Agent, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { OutboxWeChatApi } from '../../cloudfunctions/core/wechatApi/outbox'
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { signupId } from '../../cloudfunctions/events/seats'
import { FUNCTIONS } from '../../cloudfunctions/registry'
import { postJson } from '../../scripts/host/postJson'
import { createHost } from '../../scripts/host/server'
import { readTimeouts } from '../../scripts/host/timeLimits'
import { demoOpenid, seedDemoUnion } from '../../scripts/seed/demoUnion'
import type { SignupResult } from '../../types/events'
import type { ApiResult } from '../../types/result'
import { prng } from '../interleavingStore'
import { tempFileStore } from '../tempFiles'
import { countsOf, eventViolations, rushSettings } from './eventsInvariants'
import { PEOPLE } from './harness'

jest.setTimeout(60_000)

const SECRET = 'burst-test-secret'
const root = resolve(__dirname, '../..')
const CAPACITY = 100

let server: Server
let store: SqliteStore
let base: string

beforeAll(async () => {
  store = new SqliteStore(':memory:')
  // The host runs on the real clock, so the demo union is seeded at it.
  const now = new Date()
  await seedDemoUnion(store, now)
  // The seed leaves ten members unbound: bind them too, so all 300 can sign in.
  const bound = new Set((await store.find('bindings')).map((binding) => binding.memberId))
  for (const member of await store.find('members')) {
    if (!bound.has(member._id)) await store.insert('bindings', { _id: demoOpenid(member.staffNo), memberId: member._id, boundAt: now.toISOString() })
  }
  const timeouts = readTimeouts(join(root, 'cloudfunctions'), Object.keys(FUNCTIONS))
  server = createHost({ functions: FUNCTIONS, demo: true, timeouts, wechat: new OutboxWeChatApi(), store, files: tempFileStore(SECRET), secret: SECRET })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  phones.destroy()
  server.closeAllConnections()
  await new Promise((closed) => server.close(closed))
  store.close()
})

/**
 * The members' phones, as one client: every request is sent at once, over at most SOCKETS kept-alive connections.
 * Six hundred connections opened in the same instant, both ends in this one process, pass the usual limit of 1,024
 * open files: the host then accepts and closes the extra ones (ECONNRESET) before it reads a request. On CloudBase
 * each phone has its own way in; here the limit is the test machine's, not the app's.
 */
const SOCKETS = 64
const phones = new Agent({ keepAlive: true, maxSockets: SOCKETS })

/**
 * One request; sent again (the same body, so the same idempotency key) when a kept-alive connection the host has just
 * closed as idle meets it, as the app retries a request that got no answer.
 */
async function post<T>(path: string, body: unknown, token?: string): Promise<ApiResult<T>> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await postJson<ApiResult<T>>(phones, base + path, body, token)
    } catch (error) {
      if (attempt >= 3 || (error as NodeJS.ErrnoException).code !== 'ECONNRESET') throw error
    }
  }
}

const call = <T>(token: string, fn: string, action: string, payload: unknown, idempotencyKey?: string) =>
  post<T>(`/api/${fn}`, { action, payload, ...(idempotencyKey ? { idempotencyKey } : {}) }, token)

async function login(memberId: string): Promise<string> {
  const reply = await post<{ token: string }>('/dev/login', { memberId })
  if (!reply.ok) throw new Error(`login ${memberId}: ${reply.message}`)
  return reply.data.token
}

const STILL_RUNNING = '上一次提交还在处理中'
const stillRunning = (result: ApiResult<unknown>) => !result.ok && result.message.startsWith(STILL_RUNNING)

/** Sends a write until it is answered (not "the first try is still running"), as the app does. */
async function settled<T>(send: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  for (;;) {
    const result = await send()
    if (!stillRunning(result)) return result
    await new Promise((wait) => setTimeout(wait, 50))
  }
}

it('300 members at once for 100 places: nothing oversold, the waitlist takes every place freed, retries apply once', async () => {
  const office = await login(PEOPLE.office)
  const created = await call<{ id: string }>(office, 'events', 'create', { settings: rushSettings(new Date(), { capacity: CAPACITY }) }, 'burst-create-0001')
  if (!created.ok) throw new Error(created.message)
  const eventId = created.data.id
  expect((await call(office, 'events', 'publish', { eventId })).ok).toBe(true)

  const members = (await store.find('members', {}, { sort: { _id: 1 } })).map((member) => member._id)
  expect(members).toHaveLength(300)
  const tokens = await Promise.all(members.map(login))
  const random = prng(20261201)
  const plans = members.map((memberId, i) => ({ memberId, token: tokens[i], twice: random() < 0.15, cancels: random() < 0.2, cancelTwice: random() < 0.5 }))

  const outcomes = await Promise.all(
    plans.map(async ({ memberId, token, twice, cancels, cancelTwice }) => {
      const key = `burst-${memberId}-signup`
      const sent = await Promise.all(Array.from({ length: twice ? 2 : 1 }, () => call<SignupResult>(token, 'events', 'signUp', { eventId, answers: {} }, key)))
      // A second send while the first runs is told so; once both are done the key answers the first result.
      const joined = await settled(() => call<SignupResult>(token, 'events', 'signUp', { eventId, answers: {} }, key))
      if (!joined.ok) throw new Error(`${memberId}: ${joined.code} ${joined.message}`)
      for (const result of sent.filter((answer) => !stillRunning(answer))) expect(result).toEqual(joined)
      if (!cancels) return { memberId, told: joined.data.state }
      const cancelKey = `burst-${memberId}-cancel`
      const cancelled = await Promise.all(
        Array.from({ length: cancelTwice ? 2 : 1 }, () => call(token, 'events', 'cancelSignup', { signupId: signupId(eventId, memberId) }, cancelKey)),
      )
      const left = await settled(() => call(token, 'events', 'cancelSignup', { signupId: signupId(eventId, memberId) }, cancelKey))
      expect(left.ok).toBe(true)
      for (const result of cancelled.filter((answer) => !stillRunning(answer))) expect(result).toEqual(left)
      return { memberId, told: 'cancelled' as const }
    }),
  )

  const cancelledCount = outcomes.filter((outcome) => outcome.told === 'cancelled').length
  expect(cancelledCount).toBeGreaterThan(20)
  expect(await eventViolations(store, eventId, { quiet: true })).toEqual([])
  // By hand: 300 signed up, `cancelledCount` left (fewer than 200), so every one of the 100 places is held.
  const counts = await countsOf(store, eventId)
  expect(counts).toMatchObject({ held: CAPACITY, remaining: 0, waiting: 300 - cancelledCount - CAPACITY })
  expect(counts.byState).toEqual({ confirmed: CAPACITY, waiting: 300 - cancelledCount - CAPACITY, cancelled: cancelledCount })
  for (const { memberId, told } of outcomes) {
    const signup = (await store.get('eventSignups', signupId(eventId, memberId)))!
    if (told === 'waiting' && signup.state === 'confirmed') expect(signup.promotedAt).toBeDefined()
    else expect({ memberId, state: signup.state }).toEqual({ memberId, state: told })
  }
})

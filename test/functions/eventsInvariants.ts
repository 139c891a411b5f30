/**
 * The invariants of an event's places, read straight from the database, for the rush, burst and bench runs
 * (written here from the rules, not from seats.ts):
 *   - held sign-ups (pending, confirmed, offered) never exceed the capacity, nor a unit's quota;
 *   - one live sign-up per member per event;
 *   - once quiet: `events.remaining` = capacity − held and each `eventQuotas.remaining` = quota − held in that unit;
 *     nobody waits while a place they could take is free;
 *   - with `fifo` (sign-ups sent at strictly increasing times from one group of calls to the next): nobody promoted from
 *     the waitlist joined it after someone of the same class (the event, or the unit where there are quotas) who
 *     still waits, and nobody signing up took a place directly while someone of their class was already waiting.
 */
import type { EventDoc, EventSignupDoc } from '../../cloudfunctions/core/collections'
import type { Store } from '../../cloudfunctions/core/store/port'
import type { EventSettings, SignupState } from '../../types/events'

const HELD: SignupState[] = ['pending', 'confirmed', 'offered']
const LIVE: SignupState[] = [...HELD, 'waiting']

export interface CheckOptions {
  /** Every call has settled: the counters must agree with the sign-ups exactly. */
  quiet: boolean
  /** Check the waitlist's order (see the header). */
  fifo?: boolean
}

export interface EventCounts {
  held: number
  waiting: number
  byState: Partial<Record<SignupState, number>>
  heldByUnit: Map<string, number>
  remaining: number | null
  capacity: number | null
}

/** The event's sign-ups counted by state, with its counters as stored. */
export async function countsOf(store: Store, eventId: string): Promise<EventCounts> {
  const event = (await store.get('events', eventId))!
  const signups = await store.find('eventSignups', { eventId })
  const byState: Partial<Record<SignupState, number>> = {}
  const heldByUnit = new Map<string, number>()
  for (const signup of signups) {
    byState[signup.state] = (byState[signup.state] ?? 0) + 1
    if (HELD.includes(signup.state)) heldByUnit.set(signup.unitId, (heldByUnit.get(signup.unitId) ?? 0) + 1)
  }
  const held = HELD.reduce((sum, state) => sum + (byState[state] ?? 0), 0)
  return { held, waiting: byState.waiting ?? 0, byState, heldByUnit, remaining: event.remaining, capacity: event.capacity }
}

const orderKey = (signup: EventSignupDoc) => `${signup.waitingSince ?? ''}\n${signup._id}`

/** Every broken invariant of one event, in words; empty when all hold. */
export async function eventViolations(store: Store, eventId: string, { quiet, fifo = false }: CheckOptions): Promise<string[]> {
  const problems: string[] = []
  const event: EventDoc | null = await store.get('events', eventId)
  if (!event) return [`event ${eventId} is missing`]
  const signups = await store.find('eventSignups', { eventId })
  const quotas = await store.find('eventQuotas', { eventId })
  const held = signups.filter((signup) => HELD.includes(signup.state))
  const waiting = signups.filter((signup) => signup.state === 'waiting')
  const heldIn = (unitId: string) => held.filter((signup) => signup.unitId === unitId).length

  if (event.capacity !== null && held.length > event.capacity) problems.push(`oversold: ${held.length} held of ${event.capacity}`)
  for (const entry of event.unitQuotas) {
    if (heldIn(entry.unitId) > entry.quota) problems.push(`unit ${entry.unitId} oversold: ${heldIn(entry.unitId)} held of its quota ${entry.quota}`)
  }
  if (event.unitQuotas.length > 0) {
    const outside = held.filter((signup) => !event.unitQuotas.some((entry) => entry.unitId === signup.unitId))
    if (outside.length) problems.push(`${outside.length} held by units without a quota`)
  }
  const liveByMember = new Map<string, number>()
  for (const signup of signups) {
    if (LIVE.includes(signup.state)) liveByMember.set(signup.memberId, (liveByMember.get(signup.memberId) ?? 0) + 1)
  }
  for (const [memberId, count] of liveByMember) if (count > 1) problems.push(`member ${memberId} has ${count} live sign-ups`)
  for (const signup of signups) {
    if (signup.state === 'offered' && !signup.offerExpiresAt) problems.push(`offer ${signup._id} has no expiry`)
    if (signup.state === 'waiting' && !signup.waitingSince) problems.push(`waiting ${signup._id} has no waitingSince`)
  }
  if (event.remaining !== null && event.remaining < 0) problems.push(`events.remaining is ${event.remaining}`)
  for (const quota of quotas) if (quota.remaining < 0) problems.push(`quota ${quota.unitId} remaining is ${quota.remaining}`)

  if (quiet) {
    const expected = event.capacity === null ? null : event.capacity - held.length
    if (event.remaining !== expected) problems.push(`events.remaining is ${event.remaining}, capacity − held is ${expected}`)
    for (const entry of event.unitQuotas) {
      const doc = quotas.find((quota) => quota.unitId === entry.unitId)
      if (!doc) problems.push(`no quota document for ${entry.unitId}`)
      else {
        if (doc.quota !== entry.quota) problems.push(`quota document of ${entry.unitId} says ${doc.quota}, the event ${entry.quota}`)
        if (doc.remaining !== entry.quota - heldIn(entry.unitId)) {
          problems.push(`quota ${entry.unitId} remaining is ${doc.remaining}, quota − held is ${entry.quota - heldIn(entry.unitId)}`)
        }
      }
    }
    if (event.status === 'published' && event.waitlist.kind !== 'off') {
      const eventRoom = event.capacity === null || held.length < event.capacity
      for (const signup of waiting) {
        const entry = event.unitQuotas.find((quota) => quota.unitId === signup.unitId)
        const unitRoom = event.unitQuotas.length === 0 || (entry !== undefined && heldIn(signup.unitId) < entry.quota)
        if (eventRoom && unitRoom) {
          problems.push(`${signup.memberId} waits while a place they could take is free (${held.length} held of ${event.capacity ?? '∞'})`)
          break
        }
      }
    }
  }

  if (fifo) {
    for (const promoted of held.filter((signup) => signup.promotedAt && signup.waitingSince)) {
      const sameClass = (other: EventSignupDoc) => event.unitQuotas.length === 0 || other.unitId === promoted.unitId
      const ahead = waiting.find((other) => sameClass(other) && other.waitingSince! < promoted.waitingSince! && orderKey(other) < orderKey(promoted))
      if (ahead) problems.push(`${promoted.memberId} was promoted past ${ahead.memberId}, who waits since ${ahead.waitingSince}`)
    }
    // Nor did anyone take a place straight from the gate while someone of their class was already waiting.
    for (const placed of held.filter((signup) => !signup.promotedAt)) {
      const sameClass = (other: EventSignupDoc) => event.unitQuotas.length === 0 || other.unitId === placed.unitId
      const ahead = waiting.find((other) => sameClass(other) && other.waitingSince! < placed.signedUpAt)
      if (ahead) problems.push(`${placed.memberId} took a place at ${placed.signedUpAt} while ${ahead.memberId} waited since ${ahead.waitingSince}`)
    }
  }
  return problems
}

/** An event's settings for a rush, relative to `now`: open from an hour ago for 20 days, cancellable until it closes. */
export function rushSettings(now: Date, overrides: Partial<EventSettings> = {}): EventSettings {
  const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString()
  return {
    kind: 'lecture',
    title: '急救知识讲座',
    description: '校医院主讲心肺复苏与 AED 使用。',
    place: '图书馆报告厅',
    startAt: at(25 * 24),
    endAt: at(25 * 24 + 3),
    signupOpensAt: at(-1),
    signupClosesAt: at(20 * 24),
    capacity: 10,
    unitQuotas: [],
    eligibility: {},
    form: [],
    cancelPolicy: { kind: 'until', until: at(20 * 24) },
    review: 'auto',
    waitlist: { kind: 'auto' },
    checkIn: { kind: 'organizer' },
    ...overrides,
  }
}


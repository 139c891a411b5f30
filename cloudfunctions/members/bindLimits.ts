/**
 * How many guesses binding allows, kept in the store so that it holds however many requests arrive at once: each
 * attempt takes a place (a guarded claim) before its details are checked, so 50 guesses sent together are checked 5
 * at a time, never 50. Two limits:
 *   per WeChat user   5 failures within an hour of the first lock that user out for 15 minutes;
 *   per staff number  10 failures in a Shanghai day (across every WeChat user) stop self-service binding for that
 *                     number until the next day, or until the union office reopens it. A closed number answers
 *                     exactly like wrong details, so nothing tells whether the staff number exists.
 * A successful bind clears the user's failures and gives back its place for the staff number.
 */
import { BIND_LOCK_MINUTES, BIND_MAX_FAILURES, STAFF_NUMBER_DAILY_FAILURES } from '../../types/members'
import { shanghaiDay } from '../../types/time'
import { insertIfAbsent } from '../core/queries'
import type { Store } from '../core/store/port'

const MINUTE_MS = 60_000
/** Failures count within this long of the window's first one. */
const WINDOW_MINUTES = 60

export type UserAttempt = { taken: true; failures: number } | { taken: false; lockedUntil: string }

/**
 * Takes one of the user's places for a guess: answers how many failures (this one included, should it fail) the
 * window then holds, or when the lock-out ends.
 */
export async function takeUserAttempt(store: Store, openid: string, now: Date): Promise<UserAttempt> {
  const at = now.toISOString()
  await insertIfAbsent(store, 'bindAttempts', { _id: openid, failures: 0, windowStart: at })
  const windowOver = new Date(now.getTime() - WINDOW_MINUTES * MINUTE_MS).toISOString()
  // A lock that has run out, or a window an hour old, starts the count afresh.
  await store.claim(
    'bindAttempts',
    openid,
    { $or: [{ lockedUntil: { $lte: at } }, { lockedUntil: { $exists: false }, $or: [{ windowStart: { $lte: windowOver } }, { windowStart: { $exists: false } }] }] },
    { $set: { failures: 0, windowStart: at }, $unset: { lockedUntil: true } },
  )
  // Compare and set: the place this attempt takes is known exactly, however many arrive at once.
  for (;;) {
    const record = await store.get('bindAttempts', openid)
    // Cleared meanwhile by a successful bind: a fresh window.
    if (!record) {
      await insertIfAbsent(store, 'bindAttempts', { _id: openid, failures: 0, windowStart: at })
      continue
    }
    // Every place is taken: the guess that took the last one sets the lock; until it does, it ends about now + 15.
    if (record.lockedUntil || record.failures >= BIND_MAX_FAILURES) return { taken: false, lockedUntil: record.lockedUntil ?? lockEnd(now) }
    const guard = { failures: record.failures, lockedUntil: { $exists: false } }
    if (await store.claim('bindAttempts', openid, guard, { $inc: { failures: 1 } })) return { taken: true, failures: record.failures + 1 }
  }
}

const lockEnd = (now: Date) => new Date(now.getTime() + BIND_LOCK_MINUTES * MINUTE_MS).toISOString()

/** After the guess that filled the window failed: locks the user out from now. */
export async function lockUser(store: Store, openid: string, now: Date): Promise<void> {
  await store.claim('bindAttempts', openid, { lockedUntil: { $exists: false }, failures: { $gte: BIND_MAX_FAILURES } }, { $set: { lockedUntil: lockEnd(now) } })
}

/** Gives back a place the user took for details that were right (a bind refused for another reason). */
export async function returnUserAttempt(store: Store, openid: string): Promise<void> {
  await store.claim('bindAttempts', openid, { failures: { $gt: 0 } }, { $inc: { failures: -1 } })
  await store.remove('bindAttempts', { _id: openid, failures: 0 })
}

export async function clearUserAttempts(store: Store, openid: string): Promise<void> {
  await store.remove('bindAttempts', { _id: openid })
}

/** The day's counter of one staff number: `<staffNo>-<YYYY-MM-DD>` (Shanghai). */
export const staffNumberCounterId = (staffNo: string, now: Date) => `${staffNo}-${shanghaiDay(now)}`

/** Takes one of the staff number's places for today; false once today's failures have closed it. */
export async function takeStaffNumberAttempt(store: Store, staffNo: string, now: Date): Promise<boolean> {
  const _id = staffNumberCounterId(staffNo, now)
  for (;;) {
    await insertIfAbsent(store, 'staffBindFailures', { _id, staffNo, day: shanghaiDay(now), failures: 0 })
    if (await store.claim('staffBindFailures', _id, { failures: { $lt: STAFF_NUMBER_DAILY_FAILURES } }, { $inc: { failures: 1 } })) return true
    // Still there: today's places are gone. Gone: a right bind gave the last place back meanwhile; count afresh.
    if (await store.get('staffBindFailures', _id)) return false
  }
}

/** Gives back a place taken for details that were right. */
export async function returnStaffNumberAttempt(store: Store, staffNo: string, now: Date): Promise<void> {
  const _id = staffNumberCounterId(staffNo, now)
  await store.claim('staffBindFailures', _id, { failures: { $gt: 0 } }, { $inc: { failures: -1 } })
  await store.remove('staffBindFailures', { _id, failures: 0 })
}

/** Whether today's failures have closed self-service binding for this staff number. */
export async function staffNumberClosed(store: Store, staffNo: string, now: Date): Promise<boolean> {
  const counter = await store.get('staffBindFailures', staffNumberCounterId(staffNo, now))
  return (counter?.failures ?? 0) >= STAFF_NUMBER_DAILY_FAILURES
}

/** Counters of days gone by, and users' windows with no lock running that ended over a day ago: a batch of each. */
export async function forgetOldFailures(store: Store, now: Date, batch: number): Promise<number> {
  const staleCounters = await store.find('staffBindFailures', { day: { $lt: shanghaiDay(now) } }, { fields: ['_id'], limit: batch })
  const dayAgo = new Date(now.getTime() - 24 * 60 * MINUTE_MS).toISOString()
  const staleUsers = await store.find(
    'bindAttempts',
    { windowStart: { $lte: dayAgo }, $or: [{ lockedUntil: { $exists: false } }, { lockedUntil: { $lte: now.toISOString() } }] },
    { fields: ['_id'], limit: batch },
  )
  const removed =
    (staleCounters.length ? await store.remove('staffBindFailures', { _id: { $in: staleCounters.map((doc) => doc._id) } }) : 0) +
    (staleUsers.length ? await store.remove('bindAttempts', { _id: { $in: staleUsers.map((doc) => doc._id) } }) : 0)
  return removed
}

/**
 * The events function's jobs, behind its one timer trigger: offers that lapsed pass on, reminders go out, people
 * hear of a cancelled event, and places that drifted (a call cut off between two steps) are recounted.
 */
import { HELD_STATES } from '../../types/events'
import { recordAudit } from '../core/audit'
import type { EventDoc } from '../core/collections'
import type { Batch, JobContext } from '../core/jobs'
import { notify } from '../core/notify'
import { endLiveSignups, endSignup, quotaId, settle } from './seats'
import { reminderSchedule } from './rules'

const OFFERS_BATCH = 50
const REMIND_BATCH = 200
const TELL_BATCH = 200
const RECONCILE_BATCH = 20
/**
 * How long an event's places must have been quiet before they are recounted: longer than any call may run (the
 * function's time limit is 20 s), so no call is between two steps while the job counts.
 */
export const QUIET_MS = 2 * 60_000

/** Offers not accepted in time lapse; each place passes to the next person waiting. */
export async function expireOffers({ store, now }: JobContext): Promise<Batch> {
  const lapsed = await store.find('eventSignups', { state: 'offered', offerExpiresAt: { $lte: now.toISOString() } }, { sort: { offerExpiresAt: 1 }, limit: OFFERS_BATCH })
  let count = 0
  for (const signup of lapsed) {
    const event = await store.get('events', signup.eventId)
    if (event && (await endSignup(store, event, signup, 'lapsed', now))) count += 1
  }
  return lapsed.length === OFFERS_BATCH ? { count, cursor: 'more' } : { count }
}

/** The reminder due now for an event, if one is: the day before at 09:00, then an hour before. */
function dueReminder(event: EventDoc, now: Date): 'day' | 'hour' | undefined {
  const sent = { day: event.remindedDay, hour: event.remindedHour }
  // Of the times passed, only the latest is sent: an event published the evening before gets the hour's only.
  const latest = reminderSchedule(event.startAt).filter(({ at }) => at <= now.toISOString()).pop()
  return latest && sent[latest.when] !== event.startAt ? latest.when : undefined
}

/** Reminds every confirmed person of an event about to happen, a batch at a time (cursor on the event). */
export async function remind({ store, now }: JobContext): Promise<Batch> {
  const soon = await store.find('events', { status: 'published', startAt: { $gt: now.toISOString(), $lte: new Date(now.getTime() + 40 * 3_600_000).toISOString() } }, { sort: { startAt: 1 } })
  for (const event of soon) {
    const when = dueReminder(event, now)
    if (!when) continue
    const after = event.remindCursor ? { _id: { $gt: event.remindCursor } } : {}
    const page = await store.find('eventSignups', { eventId: event._id, state: 'confirmed', ...after }, { sort: { _id: 1 }, limit: REMIND_BATCH, fields: ['_id', 'memberId'] })
    await notify(store, now, page.map((signup) => signup.memberId), {
      kind: 'eventReminder',
      subject: `event:${event._id}:${when}:${event.startAt}`,
      data: { eventId: event._id, title: event.title, startAt: event.startAt, place: event.place, when },
    })
    const done = page.length < REMIND_BATCH
    await store.update('events', { _id: event._id }, done
      ? { $set: when === 'day' ? { remindedDay: event.startAt } : { remindedHour: event.startAt }, ...(event.remindCursor ? { $unset: { remindCursor: true as const } } : {}) }
      : { $set: { remindCursor: page[page.length - 1]._id } })
    return { count: page.length, cursor: 'more' }
  }
  return { count: 0 }
}

/** How far back cancelled events are swept for sign-ups still live. */
const SWEEP_DAYS = 60

/**
 * Ends the sign-ups still live on cancelled events (a cancel cut off after its transaction, a sign-up that landed
 * as the event was cancelled), then tells each person whose sign-up a cancelled event ended, with the reason.
 */
export async function tellCancelled({ store, now }: JobContext): Promise<Batch> {
  const since = new Date(now.getTime() - SWEEP_DAYS * 86_400_000).toISOString()
  for (const event of await store.find('events', { status: 'cancelled', startAt: { $gte: since } }, { fields: ['_id'] })) {
    await endLiveSignups(store, event._id, now)
  }
  const untold = await store.find('eventSignups', { state: 'eventCancelled', toldAt: { $exists: false } }, { limit: TELL_BATCH, fields: ['_id', 'eventId', 'memberId'] })
  for (const eventId of new Set(untold.map((signup) => signup.eventId))) {
    const event = await store.get('events', eventId)
    const mine = untold.filter((signup) => signup.eventId === eventId)
    if (event) {
      await notify(store, now, mine.map((signup) => signup.memberId), {
        kind: 'eventCancelled',
        subject: `event:${eventId}:cancelled`,
        data: { eventId, title: event.title, startAt: event.startAt, reason: event.cancelReason ?? '' },
      })
    }
    await store.update('eventSignups', { _id: { $in: mine.map((signup) => signup._id) } }, { $set: { toldAt: now.toISOString() } })
  }
  return untold.length === TELL_BATCH ? { count: untold.length, cursor: 'more' } : { count: untold.length }
}

/**
 * Recounts the places of published events that have been quiet for QUIET_MS: the event's `remaining` and each unit's
 * quota from the sign-ups that hold places, written with a claim on the `seatVersion` read before counting (any call
 * changing places meanwhile marks the event, and the claim fails: the next run tries again). Each repair is audited;
 * then any place free while someone waits is handed over.
 */
export async function reconcile({ store, now }: JobContext, cursor: string | undefined): Promise<Batch> {
  const quietSince = new Date(now.getTime() - QUIET_MS).toISOString()
  const events = await store.find(
    'events',
    { status: 'published', endAt: { $gt: now.toISOString() }, seatChangedAt: { $lte: quietSince }, ...(cursor ? { _id: { $gt: cursor } } : {}) },
    { sort: { _id: 1 }, limit: RECONCILE_BATCH },
  )
  let repaired = 0
  for (const event of events) {
    const quotas = event.unitQuotas.length ? await store.find('eventQuotas', { eventId: event._id }) : []
    const held = await store.find('eventSignups', { eventId: event._id, state: { $in: [...HELD_STATES] } }, { fields: ['unitId'] })
    const heldIn = (unitId: string) => held.filter((signup) => signup.unitId === unitId).length
    const expected = event.capacity === null ? null : event.capacity - held.length
    const drifted = quotas.filter((quota) => quota.remaining !== quota.quota - heldIn(quota.unitId))
    if (expected === event.remaining && drifted.length === 0) {
      await settle(store, event, now)
      continue
    }
    // Taken only while nothing changed the places since `event` was read (and so since the count).
    const claimed = await store.claim('events', event._id, { seatVersion: event.seatVersion }, { $set: { remaining: expected }, $inc: { seatVersion: 1 } })
    if (!claimed) continue
    for (const quota of drifted) {
      await store.claim('eventQuotas', quotaId(event._id, quota.unitId), { remaining: quota.remaining }, { $set: { remaining: quota.quota - heldIn(quota.unitId) } })
    }
    await recordAudit(store, 'system', now, {
      action: 'events.reconcile',
      targetType: 'event',
      targetId: event._id,
      target: event.title,
      before: { 剩余名额: event.remaining ?? '不限', ...Object.fromEntries(drifted.map((quota) => [`${quota.unitId} 剩余`, quota.remaining])) },
      after: { 剩余名额: expected ?? '不限', ...Object.fromEntries(drifted.map((quota) => [`${quota.unitId} 剩余`, quota.quota - heldIn(quota.unitId)])) },
    })
    repaired += 1
    await settle(store, { ...event, remaining: expected }, now)
  }
  return events.length === RECONCILE_BATCH ? { count: repaired, cursor: events[events.length - 1]._id } : { count: repaired }
}

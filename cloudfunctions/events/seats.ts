/**
 * An event's places, correct under a rush on a store whose calls interleave (CloudBase).
 *
 * A place is two gates and a record: the unit's quota (`eventQuotas.remaining`, when the event has quotas), the
 * event's places (`events.remaining`, when it has a capacity), and the sign-up's state. Each gate is a guarded
 * single-document claim (`remaining > 0` → `remaining - 1`), atomic on both stores, so no rush can take more places
 * than there are. The sign-up's id is a hash of event and member, so one member has one sign-up however often they tap.
 *
 * The steps run in one order: a place is taken gates first, then recorded; it is freed record first, then gates. A
 * call cut off between two steps can then only leave a place counted as taken that nobody holds (an undersell, never
 * an oversell), and the reconcile job recounts such an event once its places have been quiet.
 *
 * A freed place goes to the first person waiting (by `waitingSince`, then id) whose unit still has quota: handed
 * over directly, so a newcomer cannot take it in between; nobody able to take it, it goes back to the gate.
 */
import { createHash } from 'node:crypto'
import { LIVE_STATES, type FormAnswers, type SignupResult, type SignupState } from '../../types/events'
import type { MessageData } from '../../types/messages'
import { formatDateTime } from '../../types/time'
import type { EventDoc, EventSignupDoc, MemberDoc } from '../core/collections'
import { AppError } from '../core/errors'
import { notify, type Writer } from '../core/notify'
import { insertIfAbsent } from '../core/queries'
import type { Filter, Store, Transaction, Update } from '../core/store/port'
import { hasUnitQuota, isEnded, isLive, NO_UNIT_QUOTA, placesGoneText } from './rules'

export const signupId = (eventId: string, memberId: string) => createHash('sha256').update(`signup\n${eventId}\n${memberId}`).digest('hex').slice(0, 32)
export const quotaId = (eventId: string, unitId: string) => `${eventId}.${unitId}`

/** Waiting people read per step when a place is handed over. */
const CANDIDATES = 20

type Gates = Pick<EventDoc, '_id' | 'capacity' | 'unitQuotas'>

/** Moves the event's places by `by`, marking the change for the reconcile job. */
const placesUpdate = (by: number, now: Date): Update => ({ $inc: { remaining: by, seatVersion: 1 }, $set: { seatChangedAt: now.toISOString() } })

/**
 * Marks that a call is about to change the event's places. Every such call marks first (a claim of the event's own
 * places marks as it claims), so the reconcile job, which recounts only an event unmarked for longer than any call
 * can run, never counts while a call is between two steps.
 */
export async function markPlaces(store: Store, eventId: string, now: Date): Promise<void> {
  await store.update('events', { _id: eventId }, { $inc: { seatVersion: 1 }, $set: { seatChangedAt: now.toISOString() } })
}

const hasQuotas = (event: Gates) => event.unitQuotas.length > 0

/** Takes the unit's quota, then one of the event's places. 'noQuota': the unit was given no places at all. */
async function takeGates(store: Store, event: Gates, unitId: string, now: Date): Promise<'ok' | 'full' | 'unitFull' | 'noQuota'> {
  if (hasQuotas(event)) {
    if (!hasUnitQuota(event, unitId)) return 'noQuota'
    await markPlaces(store, event._id, now)
    if (!(await store.claim('eventQuotas', quotaId(event._id, unitId), { remaining: { $gt: 0 } }, { $inc: { remaining: -1 } }))) return 'unitFull'
  }
  if (event.capacity !== null) {
    if (!(await store.claim('events', event._id, { remaining: { $gt: 0 }, status: 'published' }, placesUpdate(-1, now)))) {
      await releaseQuota(store, event, unitId)
      return 'full'
    }
  }
  return 'ok'
}

async function releaseQuota(store: Store, event: Gates, unitId: string) {
  if (hasUnitQuota(event, unitId)) {
    await store.update('eventQuotas', { _id: quotaId(event._id, unitId) }, { $inc: { remaining: 1 } })
  }
}

async function releasePlace(store: Store, event: Gates, now: Date) {
  if (event.capacity !== null) await store.update('events', { _id: event._id }, placesUpdate(1, now))
}

/** Gives back both gates of a place nobody holds. */
async function releaseGates(store: Store, event: Gates, unitId: string, now: Date) {
  await releaseQuota(store, event, unitId)
  await releasePlace(store, event, now)
}

/** What a sign-up in `state` is told. */
export function resultMessage(state: SignupState, position?: number): string {
  switch (state) {
    case 'confirmed':
      return '报名成功'
    case 'pending':
      return '已提交，待组织者审核'
    case 'waiting':
      return position === undefined ? '已加入候补' : `名额已满，您是候补第 ${position} 位`
    case 'offered':
      return '有名额空出，请在时限内确认参加'
    default:
      return '报名已结束'
  }
}

/**
 * 候补第 N 位: everyone waiting less those behind (later, or as early with a larger id). Counted from the back, since
 * the one asking is most often the newest (a sign-up just answered): all three counts are ranges of the (eventId,
 * state, waitingSince) index, and the two behind read only the few entries past theirs.
 */
export async function waitlistPosition(store: Store, signup: Pick<EventSignupDoc, '_id' | 'eventId' | 'waitingSince'>): Promise<number> {
  const waiting = { eventId: signup.eventId, state: 'waiting' }
  const [all, later, asEarlyBehind] = await Promise.all([
    store.count('eventSignups', waiting),
    store.count('eventSignups', { ...waiting, waitingSince: { $gt: signup.waitingSince! } }),
    store.count('eventSignups', { ...waiting, waitingSince: signup.waitingSince!, _id: { $gt: signup._id } }),
  ])
  // Three reads, not one snapshot: a change landing between them must not show a place before the first.
  return Math.max(1, all - later - asEarlyBehind)
}

export async function resultOf(store: Store, signup: EventSignupDoc): Promise<SignupResult> {
  const position = signup.state === 'waiting' ? await waitlistPosition(store, signup) : undefined
  return { signupId: signup._id, state: signup.state, message: resultMessage(signup.state, position), ...(position ? { waitlistPosition: position } : {}) }
}

/** The state a place taken now leads to: confirmed, or pending where the organizer reviews. */
const placedState = (event: Pick<EventDoc, 'review'>): SignupState => (event.review === 'organizer' ? 'pending' : 'confirmed')

const CLEARED: (keyof EventSignupDoc)[] = ['waitingSince', 'promotedAt', 'offerExpiresAt', 'cancelRequestedAt', 'reason', 'checkedInAt', 'attendance']

/**
 * Signs a member up (eligibility and answers already checked): a place, a place under review, the waitlist, or a
 * refusal. Signing up again while a sign-up is live answers that sign-up; one that ended is renewed.
 */
export async function takePlace(store: Store, event: EventDoc, member: MemberDoc, answers: FormAnswers, now: Date): Promise<SignupResult> {
  const id = signupId(event._id, member._id)
  const existing = await store.get('eventSignups', id)
  if (existing && isLive(existing.state)) return resultOf(store, existing)

  // Full as read, with a waitlist: straight onto it, without a claim bound to fail. A place freed since the read
  // goes to whoever waits first, through the settle below or the call freeing it, so nobody loses a place by it.
  const fullAsRead = event.capacity !== null && (event.remaining ?? 0) <= 0 && event.waitlist.kind !== 'off'
  const gate = fullAsRead ? 'full' : await takeGates(store, event, member.unitId, now)
  if (gate === 'noQuota') throw new AppError('CONFLICT', NO_UNIT_QUOTA)
  const placed = gate === 'ok'
  if (!placed && event.waitlist.kind === 'off') {
    throw new AppError('CONFLICT', placesGoneText(gate === 'unitFull'))
  }
  const at = now.toISOString()
  const state: SignupState = placed ? placedState(event) : 'waiting'
  const fields = { unitId: member.unitId, memberName: member.name, staffNo: member.staffNo, state, answers, signedUpAt: at, updatedAt: at, ...(placed ? {} : { waitingSince: at }) }
  const stale = existing ? CLEARED.filter((key) => !(key in fields) && existing[key] !== undefined) : []
  const recorded = existing
    ? await store.claim('eventSignups', id, { state: existing.state, updatedAt: existing.updatedAt }, {
        $set: fields,
        ...(stale.length ? { $unset: Object.fromEntries(stale.map((key) => [key, true as const])) } : {}),
      })
    : await insertIfAbsent(store, 'eventSignups', { _id: id, eventId: event._id, memberId: member._id, ...fields })
  if (!recorded) {
    // The same member's other tap got there first: this call's place is not theirs to keep. It is freed like any
    // other, to the first person waiting (who may be this member, recorded as waiting by that other tap).
    if (placed) await freePlace(store, event, member.unitId, now)
    const current = await store.get('eventSignups', id)
    if (current && isLive(current.state)) return resultOf(store, current)
    throw new AppError('CONFLICT', '报名状态刚刚发生了变化，请刷新后重试')
  }
  if (!event.everSignedUp) await store.update('events', { _id: event._id, everSignedUp: false }, { $set: { everSignedUp: true } })
  // A place may have freed while this call joined the waitlist: it is handed to whoever is first.
  if (!placed) await settle(store, event, now)
  const signup = (await store.get('eventSignups', id))!
  return resultOf(store, signup)
}

/** What a member is told when a place comes to them from the waitlist. */
async function tellPromoted(store: Writer | Store, event: EventDoc, signup: EventSignupDoc, state: SignupState, offerExpiresAt: string | undefined, now: Date) {
  const change = state === 'offered' ? 'offered' : state === 'pending' ? 'promotedPending' : 'promoted'
  await tell(store, event, signup.memberId, change, now, offerExpiresAt ? formatDateTime(offerExpiresAt, now) : undefined)
}

/** One member hears of a change to their sign-up (messages, from the ground): through the change's transaction. */
export async function tell(store: Writer | Store, event: EventDoc, memberId: string, change: MessageData['eventSignup']['change'], now: Date, detail?: string) {
  await notify(store, now, [memberId], {
    kind: 'eventSignup',
    subject: `event:${event._id}:${change}:${now.toISOString()}`,
    data: { eventId: event._id, title: event.title, change, startAt: event.startAt, ...(detail ? { detail } : {}) },
  })
}

/**
 * Gives one place this call holds (both gates taken, or freed by a sign-up just ended) to the first person waiting
 * whose unit's quota has room; answers whether someone took it. `heldUnitId`: the unit whose quota the held place
 * already has (none when only the event's place is held).
 */
async function handOver(store: Store, event: EventDoc, now: Date, heldUnitId: string | undefined): Promise<boolean> {
  // Units found without quota left are left out of the next read, so those waiting behind them are reached too.
  const full = new Set<string>()
  for (;;) {
    const waiting = await firstWaiting(store, event, full)
    const fullBefore = full.size
    for (const candidate of waiting) {
      const sameUnit = !hasQuotas(event) || candidate.unitId === heldUnitId
      if (!sameUnit) {
        if (!hasUnitQuota(event, candidate.unitId)) {
          full.add(candidate.unitId)
          continue
        }
        if (!(await store.claim('eventQuotas', quotaId(event._id, candidate.unitId), { remaining: { $gt: 0 } }, { $inc: { remaining: -1 } }))) {
          full.add(candidate.unitId)
          continue
        }
      }
      const state: SignupState = event.waitlist.kind === 'offer' ? 'offered' : placedState(event)
      const at = now.toISOString()
      // An offer lapses at the latest when the event starts.
      const offerExpiresAt = event.waitlist.kind === 'offer' ? new Date(Math.min(now.getTime() + event.waitlist.acceptHours * 3_600_000, Date.parse(event.startAt))).toISOString() : undefined
      // The promotion and its message go together: a member offered a place always hears of it before it lapses.
      const promoted = await store.transaction(async (tx) => {
        if ((await tx.get('eventSignups', candidate._id))?.state !== 'waiting') return false
        await tx.updateById('eventSignups', candidate._id, { $set: { state, promotedAt: at, updatedAt: at, ...(offerExpiresAt ? { offerExpiresAt } : {}) } })
        await tellPromoted(tx, event, candidate, state, offerExpiresAt, now)
        return true
      })
      if (promoted) {
        // The held unit's quota, not needed by a candidate of another unit, goes back.
        if (!sameUnit && heldUnitId !== undefined) await releaseQuota(store, event, heldUnitId)
        return true
      }
      if (!sameUnit) await releaseQuota(store, event, candidate.unitId)
    }
    // Read again only past units newly found full; candidates that left meanwhile are the caller's to follow up.
    if (full.size === fullBefore) return false
  }
}

/** The first people waiting (by `waitingSince`, then id), leaving out units known to have no quota left. */
function firstWaiting(store: Store, event: EventDoc, full: Set<string>) {
  const filter: Filter = { eventId: event._id, state: 'waiting', ...(full.size ? { unitId: { $nin: [...full] } } : {}) }
  return store.find('eventSignups', filter, { sort: { waitingSince: 1, _id: 1 }, limit: CANDIDATES })
}

/**
 * Frees the place of a sign-up that has just ended (its record already changed): to the first person waiting, or
 * back to the gates.
 */
export async function freePlace(store: Store, event: EventDoc, unitId: string, now: Date): Promise<void> {
  if (promotable(event, now) && (await handOver(store, event, now, unitId))) return
  await releaseGates(store, event, unitId, now)
  // Someone may have joined the waitlist meanwhile, seeing no place free.
  await settle(store, event, now)
}

/**
 * Whether places go to those waiting: while the event is published and has not started. (Whatever its waitlist
 * setting now says: people who joined it before it was switched off are still served.)
 */
const promotable = (event: Pick<EventDoc, 'status' | 'startAt'>, now: Date) => event.status === 'published' && now.toISOString() < event.startAt

/**
 * Hands free places to those waiting, in order, while both are there: after joining the waitlist, after a capacity
 * or quota grows, after a place went back to the gates.
 */
export async function settle(store: Store, event: EventDoc, now: Date): Promise<void> {
  if (!promotable(event, now)) return
  // No place free now: the first candidate's claim would fail the same way. A place freed after this read is handed
  // on by the call freeing it (freePlace settles after giving it back), so nothing is left waiting for this call.
  if (event.capacity !== null && ((await store.get('events', event._id))?.remaining ?? 0) <= 0) return
  const full = new Set<string>()
  for (;;) {
    const waiting = await firstWaiting(store, event, full)
    if (waiting.length === 0) return
    const fullBefore = full.size
    let readAgain = false
    for (const candidate of waiting) {
      const gate = await takeGates(store, event, candidate.unitId, now)
      if (gate === 'full') return
      if (gate !== 'ok') {
        full.add(candidate.unitId)
        continue
      }
      // Both gates are this call's now: the candidate (or, if they just left, the next) gets the place. If nobody
      // took it, those read have all left since (another call served them), and whoever joined the waitlist while
      // this call held the place saw none free: the place goes back, and the waitlist is read again for them.
      if (!(await handOver(store, event, now, candidate.unitId))) await releaseGates(store, event, candidate.unitId, now)
      readAgain = true
      break
    }
    if (!readAgain && full.size === fullBefore) return
  }
}

/** Ends a live sign-up (record first) and frees its place if it held one. False when it was no longer in `from`. */
export async function endSignup(
  store: Store,
  event: EventDoc,
  signup: EventSignupDoc,
  to: SignupState,
  now: Date,
  extra: { reason?: string; within?: (tx: Transaction) => Promise<void> } = {},
): Promise<boolean> {
  const held = signup.state !== 'waiting'
  const at = now.toISOString()
  if (held) await markPlaces(store, event._id, now)
  const ended = await changeSignup(store, signup, {
    $set: { state: to, updatedAt: at, ...(extra.reason ? { reason: extra.reason } : {}) },
    ...(signup.cancelRequestedAt ? { $unset: { cancelRequestedAt: true as const } } : {}),
  }, extra.within)
  if (!ended) return false
  if (held && isEnded(to)) await freePlace(store, event, signup.unitId, now)
  return true
}

/**
 * Changes a sign-up that is still as it was read (its state and `updatedAt`): one guarded write, or, with `within`
 * (the audit entry and the message that go with an organizer's decision), a short transaction holding all of them,
 * so a call cut off midway leaves none of them.
 */
export async function changeSignup(store: Store, signup: EventSignupDoc, update: Update, within?: (tx: Transaction) => Promise<void>): Promise<boolean> {
  const guard = { state: signup.state, updatedAt: signup.updatedAt }
  if (!within) return store.claim('eventSignups', signup._id, guard, update)
  return store.transaction(async (tx) => {
    const fresh = await tx.get('eventSignups', signup._id)
    if (fresh?.state !== guard.state || fresh.updatedAt !== guard.updatedAt) return false
    await tx.updateById('eventSignups', signup._id, update)
    await within(tx)
    return true
  })
}

/**
 * Changes the capacity in one guarded write: never below the places held (`capacity - remaining`), whatever
 * sign-ups land meanwhile. A larger capacity's new places go to those waiting.
 */
export async function changeCapacity(store: Store, event: EventDoc, capacity: number | null, now: Date): Promise<void> {
  if (capacity === event.capacity) return
  if (event.capacity === null || capacity === null) {
    throw new AppError('CONFLICT', '已发布的活动不能在“不限名额”和“限定名额”之间切换，请修改名额数')
  }
  const by = capacity - event.capacity
  const guard: Filter = { capacity: event.capacity, ...(by < 0 ? { remaining: { $gte: -by } } : {}) }
  // With a waitlist, a larger capacity's new places are this call's at first (not yet in `remaining`), so they go to
  // those waiting before a newcomer signing up that moment could claim one; the rest then go back to the gate.
  const keep = by > 0 && event.waitlist.kind !== 'off'
  const update = placesUpdate(keep ? 0 : by, now)
  if (!(await store.claim('events', event._id, guard, { ...update, $set: { ...update.$set, capacity } }))) {
    const fresh = await store.get('events', event._id)
    const held = fresh && fresh.capacity !== null && fresh.remaining !== null ? fresh.capacity - fresh.remaining : undefined
    throw new AppError('CONFLICT', held === undefined ? '名额刚刚发生了变化，请刷新后重试' : `名额不能少于已占名额（${held} 人，含待审核和待确认）`)
  }
  if (!keep) return
  const grown = { ...event, capacity }
  let held = by
  while (held > 0 && (await handOver(store, grown, now, undefined))) held -= 1
  if (held > 0) {
    await store.update('events', { _id: event._id }, placesUpdate(held, now))
    // Someone may have joined the waitlist meanwhile, seeing no place free.
    await settle(store, grown, now)
  }
}

/** Sets each unit's quota the same guarded way (quotas of a published event can change, not be added or removed). */
export async function changeQuotas(store: Store, event: EventDoc, quotas: EventDoc['unitQuotas'], now: Date): Promise<void> {
  const before = new Map(event.unitQuotas.map((entry) => [entry.unitId, entry.quota]))
  const sameUnits = quotas.length === before.size && quotas.every((entry) => before.has(entry.unitId))
  if (!sameUnits) throw new AppError('CONFLICT', '已发布的活动只能调整各分工会的名额数，不能增减分工会')
  await markPlaces(store, event._id, now)
  // Shrinks first, so an edit refused partway (a unit holds more than its new quota) undoes only shrinks, which
  // always go back: the edit applies whole or not at all, and the event's unitQuotas stay those of the documents.
  const changes = quotas
    .map(({ unitId, quota }) => ({ unitId, quota, from: before.get(unitId)!, by: quota - before.get(unitId)! }))
    .filter((change) => change.by !== 0)
    .sort((a, b) => a.by - b.by)
  // With a waitlist, a larger quota's new places are this call's at first (not yet in `remaining`): handed to those
  // waiting below, before a newcomer of the unit could claim one. Held so, an increase is also always undone.
  const keep = event.waitlist.kind !== 'off'
  const moved = (change: (typeof changes)[number]) => (change.by < 0 || !keep ? change.by : 0)
  const done: typeof changes = []
  for (const change of changes) {
    const guard: Filter = { quota: change.from, ...(change.by < 0 ? { remaining: { $gte: -change.by } } : {}) }
    const by = moved(change)
    if (!(await store.claim('eventQuotas', quotaId(event._id, change.unitId), guard, { $set: { quota: change.quota }, ...(by ? { $inc: { remaining: by } } : {}) }))) {
      for (const undo of done.reverse()) {
        const back = moved(undo)
        const undoGuard: Filter = { quota: undo.quota, ...(back > 0 ? { remaining: { $gte: back } } : {}) }
        await store.claim('eventQuotas', quotaId(event._id, undo.unitId), undoGuard, { $set: { quota: undo.from }, ...(back ? { $inc: { remaining: -back } } : {}) })
      }
      throw new AppError('CONFLICT', '有分工会的名额不能少于其已占名额，请刷新后重试')
    }
    done.push(change)
  }
  if (!keep) return
  const grown = { ...event, unitQuotas: quotas }
  for (const change of changes) {
    for (let place = 0; place < change.by; place += 1) {
      // Each new unit place needs one of the event's too; without one it goes back to the unit's quota.
      if (grown.capacity !== null && !(await store.claim('events', event._id, { remaining: { $gt: 0 }, status: 'published' }, placesUpdate(-1, now)))) {
        await releaseQuota(store, grown, change.unitId)
        continue
      }
      await freePlace(store, grown, change.unitId, now)
    }
  }
}

/**
 * Ends every sign-up still live on a cancelled event, in one write (its places need no freeing: a cancelled event
 * gives none out). The cancel runs it, and the tellCancelled job again for a cancel cut off before it.
 */
export async function endLiveSignups(store: Store, eventId: string, now: Date): Promise<void> {
  await store.update('eventSignups', { eventId, state: { $in: [...LIVE_STATES] } }, { $set: { state: 'eventCancelled', updatedAt: now.toISOString() } })
}

/** The quota documents of an event being published, in its publishing transaction. */
export async function openQuotas(tx: Transaction, event: EventDoc): Promise<void> {
  for (const { unitId, quota } of event.unitQuotas) {
    const id = quotaId(event._id, unitId)
    if (!(await tx.get('eventQuotas', id))) await tx.insert('eventQuotas', { _id: id, eventId: event._id, unitId, quota, remaining: quota })
  }
}

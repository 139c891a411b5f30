/**
 * The `events` function: events and sign-ups (活动报名) and the 行事历. Members list, read and sign up; organizers
 * (the union office, or a unit admin for their unit's events) create, publish, review and check people in. Places
 * stay correct under a rush through seats.ts; the function's one trigger runs the jobs in jobs.ts.
 */
import { randomBytes } from 'node:crypto'
import { EmptySchema } from '../../types/common'
import {
  AdminEventListSchema,
  AttendanceSchema,
  CalendarEntryCreateSchema,
  CalendarEntryIdSchema,
  CalendarSchema,
  CheckInSchemaInput,
  DecideSchema,
  EventCancelSchema,
  EventCreateSchema,
  EventIdSchema,
  EventListSchema,
  EventUpdateSchema,
  HELD_STATES,
  MySignupsSchema,
  ParticipantsSchema,
  RemoveSchema,
  SignUpSchema,
  SignupIdSchema,
  type EventPhase,
  type EventSettings,
  type EventsApi,
  type SignupState,
} from '../../types/events'
import { JOB_CATALOGUE } from '../../types/jobs'
import type { SignupChange } from '../../types/messages'
import { fromShanghaiInput, inShanghai, shanghaiDay } from '../../types/time'
import { memberTarget, recordAudit, type AuditRecord } from '../core/audit'
import { anyScope, scopesOf, unionOffice, unitAdmin } from '../core/authorize'
import { EVENT_ORGANIZER, SIGNUP_ORGANIZER } from '../core/organizers'
import type { EventDoc, EventSignupDoc, MemberDoc } from '../core/collections'
import { action, defineFunction, jobsOf } from '../core/defineFunction'
import { AppError, notFound } from '../core/errors'
import { uploadedImageProblem } from '../core/files/images'
import type { FileStore } from '../core/files/port'
import { keepForAWhileIn } from '../core/files/retention'
import { mustGet, pageOf } from '../core/queries'
import { readSettings } from '../core/settings'
import { newId, type Filter, type SortSpec, type Store, type Transaction } from '../core/store/port'
import { unitNames } from '../core/units'
import config from './config.json'
import { expireOffers, reconcile, remind, tellCancelled } from './jobs'
import { auditFields, cancelRule, checkAnswers, checkInWindow, checkSettings, copiedSettings, COVER_IMAGE, eventPhase, isHeld, isLive, signupBarrier } from './rules'
import { changeCapacity, changeQuotas, changeSignup, endLiveSignups, endSignup, openQuotas, quotaId, resultOf, signupId, takePlace, tell, waitlistPosition } from './seats'
import { SCENE, coverUrlOf, sceneOf, settingsOf, toAdminRow, toDetail, toDraft, toMySignup, toParticipant, toSummary, type Names } from './views'

const PAGE_SIZE_ALL = 2_000

async function namesOf(store: Store): Promise<Names> {
  const [units, sessions] = await Promise.all([unitNames(store), store.find('congressSessions')])
  return { units, sessions: new Map(sessions.map((session) => [session._id, session.name])) }
}

/** The events a member may see: union-wide ones, and their own unit's. */
const visibleTo = (member: MemberDoc): Filter => ({ $or: [{ unitId: { $exists: false } }, { unitId: member.unitId }] })

function tabFilter(tab: 'open' | 'upcoming' | 'finished', now: Date): Filter {
  const at = now.toISOString()
  if (tab === 'open') return { status: 'published', signupOpensAt: { $lte: at }, signupClosesAt: { $gt: at }, endAt: { $gt: at } }
  if (tab === 'upcoming') return { status: 'published', endAt: { $gt: at }, $or: [{ signupOpensAt: { $gt: at } }, { signupClosesAt: { $lte: at } }] }
  return { status: 'published', endAt: { $lte: at } }
}

const TAB_SORT = { open: { signupClosesAt: 1 }, upcoming: { startAt: 1 }, finished: { startAt: -1 } } as const

function phaseFilter(phase: EventPhase, now: Date): Filter {
  const at = now.toISOString()
  switch (phase) {
    case 'draft':
    case 'cancelled':
      return { status: phase }
    case 'upcoming':
      return { status: 'published', signupOpensAt: { $gt: at } }
    case 'open':
      return tabFilter('open', now)
    case 'closed':
      return { status: 'published', signupClosesAt: { $lte: at }, endAt: { $gt: at } }
    case 'finished':
      return tabFilter('finished', now)
  }
}

async function mySignupsOf(store: Store, member: MemberDoc, eventIds: string[]): Promise<Map<string, EventSignupDoc>> {
  if (eventIds.length === 0) return new Map()
  const ids = eventIds.map((eventId) => signupId(eventId, member._id))
  const found = await store.find('eventSignups', { _id: { $in: ids } })
  return new Map(found.map((signup) => [signup.eventId, signup]))
}

/** A published event the member may see, or the same "not found" as a missing one. */
async function visibleEvent(store: Store, member: MemberDoc, eventId: string): Promise<EventDoc> {
  const event = await store.get('events', eventId)
  if (!event || event.status === 'draft' || (event.unitId !== undefined && event.unitId !== member.unitId)) throw notFound('活动')
  return event
}

/** The member's own sign-up, or the same "not found" as someone else's. */
async function ownSignup(store: Store, member: MemberDoc, id: string): Promise<{ signup: EventSignupDoc; event: EventDoc }> {
  const signup = await store.get('eventSignups', id)
  if (!signup || signup.memberId !== member._id) throw notFound('报名记录')
  return { signup, event: await mustGet(store, 'events', signup.eventId, '活动') }
}

async function countHeld(store: Store, eventId: string) {
  return store.count('eventSignups', { eventId, state: { $in: [...HELD_STATES] } })
}

/** The settings checked as a whole and against the store: units, sessions, and what a unit's own event may hold. */
async function checkedSettings(store: Store, settings: EventSettings, now: Date, unitId: string | undefined, existing?: EventDoc): Promise<EventSettings> {
  const result = checkSettings(settings, now, existing)
  if (!result.ok) throw new AppError('INVALID_INPUT', result.message, { [`settings.${result.field}`]: result.message })
  const value = result.value
  const units = new Set([...value.unitQuotas.map((entry) => entry.unitId), ...(value.eligibility.unitIds ?? [])])
  if (units.size > 0 && (await store.count('units', { _id: { $in: [...units] } })) !== units.size) {
    throw new AppError('INVALID_INPUT', '所选分工会有的已不存在，请重新选择', { 'settings.unitQuotas': '所选分工会有的已不存在' })
  }
  if (value.eligibility.delegatesOf && !(await store.get('congressSessions', value.eligibility.delegatesOf))) {
    throw new AppError('INVALID_INPUT', '所选教代会届次不存在，请重新选择', { 'settings.eligibility': '所选届次不存在' })
  }
  if (unitId !== undefined) {
    if (value.unitQuotas.length > 0) throw new AppError('INVALID_INPUT', '分工会自己的活动不设各分工会名额', { 'settings.unitQuotas': '分工会活动不设分工会名额' })
    if (value.eligibility.unitIds && value.eligibility.unitIds.some((id) => id !== unitId)) {
      throw new AppError('INVALID_INPUT', '分工会自己的活动只面向本分工会会员', { 'settings.eligibility': '只能面向本分工会' })
    }
  }
  return value
}

/** Checks a cover the settings set anew: an image uploaded to this file store, still there, small enough. */
async function checkCover(files: FileStore, fileId: string) {
  const problem = await uploadedImageProblem(files, fileId, COVER_IMAGE)
  if (problem) throw new AppError('INVALID_INPUT', problem, { 'settings.coverFileId': problem })
}

/**
 * Links to the covers of `events`, in one call to the file store however many there are. Without them (storage not
 * answering) events show without covers rather than not at all.
 */
function coverLinks(files: FileStore, events: EventDoc[]): Promise<Map<string, string>> {
  return files.downloadUrls(events.flatMap((event) => (event.coverFileId ? [event.coverFileId] : []))).catch((error: Error) => {
    console.warn('[events] no cover links', error.message)
    return new Map()
  })
}

/** 12 letters and digits: the venue code's part that names the event. */
const newCheckInCode = () => randomBytes(9).toString('base64').replace(/[^A-Za-z0-9]/g, 'x').slice(0, 12)

const eventAudit = (event: Pick<EventDoc, '_id' | 'title'>, action: AuditRecord['action'], extra: Partial<AuditRecord> = {}): AuditRecord => ({
  action,
  targetType: 'event',
  targetId: event._id,
  target: event.title,
  ...extra,
})

/** Writes a new draft and its audit entry in one transaction; a retry whose first answer was lost finds it there. */
async function insertDraft(store: Store, member: MemberDoc, now: Date, id: string, fields: EventSettings, unitId: string | undefined, note: Record<string, string> = {}) {
  const at = now.toISOString()
  const units = await unitNames(store)
  await store.transaction(async (tx) => {
    if (await tx.get('events', id)) return
    await tx.insert('events', {
      _id: id,
      ...fields,
      ...(unitId !== undefined ? { unitId } : {}),
      status: 'draft',
      remaining: fields.capacity,
      seatVersion: 0,
      seatChangedAt: at,
      checkInCode: newCheckInCode(),
      everSignedUp: false,
      createdBy: member._id,
      createdAt: at,
      updatedBy: member._id,
      updatedAt: at,
    })
    await recordAudit(tx, member, now, eventAudit({ _id: id, title: fields.title }, 'events.create', { after: { ...auditFields(fields, units), ...note } }))
  })
  return id
}

async function draftView(store: Store, files: FileStore, event: EventDoc, now: Date) {
  const [units, held, covers] = await Promise.all([unitNames(store), countHeld(store, event._id), coverLinks(files, [event])])
  return toDraft(event, now, units, held, coverUrlOf(event, covers))
}

async function participantView(store: Store, signup: EventSignupDoc, now: Date) {
  const [fresh, event, member, units] = await Promise.all([
    store.get('eventSignups', signup._id),
    store.get('events', signup.eventId),
    store.get('members', signup.memberId),
    unitNames(store),
  ])
  const current = fresh ?? signup
  const position = current.state === 'waiting' ? await waitlistPosition(store, current) : undefined
  return toParticipant(current, event!, now, member ?? undefined, units, position)
}

async function organizerSignup(store: Store, id: string) {
  const signup = await mustGet(store, 'eventSignups', id, '报名记录')
  return { signup, event: await mustGet(store, 'events', signup.eventId, '活动') }
}

const signupTarget = (signup: EventSignupDoc) => memberTarget({ name: signup.memberName, staffNo: signup.staffNo })

/**
 * What goes with an organizer's decision on a sign-up, inside the same transaction: its audit entry, and the
 * message telling the member (when there is one).
 */
function decision(actor: MemberDoc, now: Date, event: EventDoc, signup: EventSignupDoc, action: AuditRecord['action'], outcome: string, change?: SignupChange, reason?: string) {
  return async (tx: Transaction) => {
    await recordAudit(tx, actor, now, eventAudit(event, action, { after: { 报名人: signupTarget(signup), 结果: outcome, ...(reason ? { 原因: reason } : {}) } }))
    if (change) await tell(tx, event, signup.memberId, change, now, reason)
  }
}

const beingEdited = () => new AppError('CONFLICT', '另一位组织者正在修改这个活动，请稍后刷新再试')

/** How often a member's cancel reads a sign-up that keeps changing under it, before it says so. */
const CANCEL_TRIES = 3

/** A draft has no sign-ups and no one has seen it; a published event has, so it is cancelled, never deleted. */
const NOT_A_DRAFT = '活动已发布，不能删除；如不再举办，请取消活动'

/** Whether an organizer's save holds the event now (see `editing`). */
const editedNow = (event: Pick<EventDoc, 'editLockUntil'>, now: Date) => event.editLockUntil !== undefined && event.editLockUntil > now.toISOString()

/**
 * Runs an organizer's save holding the event: a lease on it (a guarded claim, lapsing after the function's time
 * limit should the call be cut off), so two saves never interleave their steps, and a publish, a close or a cancel
 * waits for it. `work` gets the event as read once the lease is held.
 */
async function editing<R>(store: Store, eventId: string, now: Date, work: (event: EventDoc) => Promise<R>): Promise<R> {
  const token = newId()
  const free = { $or: [{ editLockUntil: { $exists: false } }, { editLockUntil: { $lte: now.toISOString() } }] }
  const until = new Date(now.getTime() + config.timeout * 1000).toISOString()
  if (!(await store.claim('events', eventId, free, { $set: { editLockUntil: until, editLockToken: token } }))) throw beingEdited()
  try {
    return await work((await store.get('events', eventId))!)
  } finally {
    await store.claim('events', eventId, { editLockToken: token }, { $unset: { editLockUntil: true, editLockToken: true } })
  }
}

const changedMeanwhile = () => new AppError('CONFLICT', '这条报名刚刚发生了变化，请刷新后重试')

export const eventsFunction = defineFunction<EventsApi>(
  'events',
  {
    list: action({
      allow: 'member',
      input: EventListSchema,
      async handle({ tab, kind, offset, limit }, { store, files, now, member }) {
        const filter: Filter = { $and: [tabFilter(tab, now), visibleTo(member), ...(kind ? [{ kind }] : [])] }
        const found = await store.find('events', filter, { sort: TAB_SORT[tab], skip: offset, limit: limit + 1 })
        const [units, mine, covers] = await Promise.all([unitNames(store), mySignupsOf(store, member, found.map((event) => event._id)), coverLinks(files, found)])
        return pageOf(
          found.map((event) => toSummary(event, now, units, mine.get(event._id), coverUrlOf(event, covers))),
          limit,
        )
      },
    }),

    detail: action({
      allow: 'member',
      input: EventIdSchema,
      async handle({ eventId }, { store, files, now, member }) {
        const event = await visibleEvent(store, member, eventId)
        const [mine, settings, names, waitingCount, quota, covers] = await Promise.all([
          store.get('eventSignups', signupId(eventId, member._id)),
          readSettings(store),
          namesOf(store),
          store.count('eventSignups', { eventId, state: 'waiting' }),
          event.unitQuotas.length > 0 ? store.get('eventQuotas', quotaId(eventId, member.unitId)) : null,
          coverLinks(files, [event]),
        ])
        const position = mine?.state === 'waiting' ? await waitlistPosition(store, mine) : undefined
        return toDetail(event, member, settings, now, names, { mine: mine ?? undefined, position, waitingCount, unitRemaining: quota?.remaining, coverUrl: coverUrlOf(event, covers) })
      },
    }),

    home: action({
      allow: 'member',
      input: EmptySchema,
      async handle(_input, { store, now, member }) {
        const live = await store.find('eventSignups', { memberId: member._id, state: { $in: [...HELD_STATES] } }, { sort: { signedUpAt: -1 }, limit: 50 })
        const events = live.length ? await store.find('events', { _id: { $in: live.map((signup) => signup.eventId) }, endAt: { $gt: now.toISOString() }, status: 'published' }) : []
        const byId = new Map(events.map((event) => [event._id, event]))
        const mine = live
          .filter((signup) => byId.has(signup.eventId))
          .map((signup) => toMySignup(signup, byId.get(signup.eventId)!, now))
          .sort((a, b) => a.startAt.localeCompare(b.startAt))
          .slice(0, 3)
        const openCount = await store.count('events', { $and: [tabFilter('open', now), visibleTo(member)] })
        return { mine, openCount }
      },
    }),

    signUp: action({
      allow: 'member',
      input: SignUpSchema,
      async handle({ eventId, answers }, { store, now, member }) {
        const event = await visibleEvent(store, member, eventId)
        const barrier = signupBarrier(event, member, await readSettings(store), now)
        if (barrier) throw new AppError(barrier.code, barrier.message)
        const checked = checkAnswers(event.form, answers)
        if (!checked.ok) throw new AppError('INVALID_INPUT', checked.message, { [checked.field]: checked.message })
        return takePlace(store, event, member, checked.value, now)
      },
    }),

    mySignups: action({
      allow: 'member',
      input: MySignupsSchema,
      async handle({ offset, limit }, { store, now, member }) {
        const found = await store.find('eventSignups', { memberId: member._id }, { sort: { signedUpAt: -1 }, skip: offset, limit: limit + 1 })
        const events = found.length ? await store.find('events', { _id: { $in: found.map((signup) => signup.eventId) } }) : []
        const byId = new Map(events.map((event) => [event._id, event]))
        const views = await Promise.all(
          found.map(async (signup) => toMySignup(signup, byId.get(signup.eventId)!, now, signup.state === 'waiting' ? await waitlistPosition(store, signup) : undefined)),
        )
        return pageOf(views, limit)
      },
    }),

    cancelSignup: action({
      allow: 'member',
      input: SignupIdSchema,
      async handle({ signupId: id }, { store, now, member }) {
        const cancelled = { signupId: id, state: 'cancelled' as SignupState, message: '已取消报名' }
        // A cancel that meets another change of the same sign-up (a place from the waitlist landing at that moment)
        // reads it again and applies to what it finds: the member asked to leave, whatever the sign-up became.
        for (let attempt = 1; ; attempt += 1) {
          const { signup, event } = await ownSignup(store, member, id)
          // A retry of a cancel that went through (its answer lost): cancelled is what was asked for.
          if (signup.state === 'cancelled') return cancelled
          const rule = cancelRule(event, signup, now)
          if (!rule.can) throw new AppError('CONFLICT', rule.why!)
          if (rule.needsApproval) {
            const asked = await store.claim('eventSignups', id, { state: 'confirmed', cancelRequestedAt: { $exists: false } }, { $set: { cancelRequestedAt: now.toISOString(), updatedAt: now.toISOString() } })
            if (asked) return { signupId: id, state: 'confirmed' as SignupState, message: '已申请取消，待组织者同意后生效' }
          } else if (await endSignup(store, event, signup, 'cancelled', now)) {
            return cancelled
          }
          if (attempt === CANCEL_TRIES) throw changedMeanwhile()
        }
      },
    }),

    acceptOffer: action({
      allow: 'member',
      input: SignupIdSchema,
      async handle({ signupId: id }, { store, now, member }) {
        const { signup, event } = await ownSignup(store, member, id)
        if (signup.state !== 'offered') throw new AppError('CONFLICT', '这条报名没有待确认的名额')
        if (now.toISOString() >= event.startAt) throw new AppError('CONFLICT', '活动已开始，递补名额已失效')
        const state: SignupState = event.review === 'organizer' ? 'pending' : 'confirmed'
        const accepted = await store.claim('eventSignups', id, { state: 'offered', offerExpiresAt: { $gt: now.toISOString() } }, {
          $set: { state, updatedAt: now.toISOString() },
          $unset: { offerExpiresAt: true },
        })
        if (!accepted) throw new AppError('CONFLICT', '确认时限已过，名额已让给下一位候补')
        return resultOf(store, (await store.get('eventSignups', id))!)
      },
    }),

    checkIn: action({
      allow: 'member',
      input: CheckInSchemaInput,
      async handle({ scene }, { store, now, member }) {
        const code = SCENE.exec(scene)?.[1]
        const [event] = code ? await store.find('events', { checkInCode: code }, { limit: 1 }) : []
        if (!event || event.status !== 'published' || event.checkIn.kind !== 'code') throw new AppError('NOT_FOUND', '签到码无效，请扫描活动现场的签到码')
        const signup = await store.get('eventSignups', signupId(event._id, member._id))
        if (!signup || signup.state !== 'confirmed') throw new AppError('FORBIDDEN', `您没有「${event.title}」的有效报名，不能签到`)
        if (signup.checkedInAt) return { eventId: event._id, eventTitle: event.title, checkedIn: false, message: '您已签到，无需重复签到' }
        const window = checkInWindow(event)!
        const at = now.toISOString()
        if (at < window.opensAt) throw new AppError('CONFLICT', `签到尚未开始：${inShanghai(window.opensAt).format('M月D日 HH:mm')} 开放签到`)
        if (at > window.closesAt) throw new AppError('CONFLICT', '签到已结束')
        const done = await store.claim('eventSignups', signup._id, { state: 'confirmed', checkedInAt: { $exists: false } }, { $set: { checkedInAt: at, updatedAt: at } })
        return { eventId: event._id, eventTitle: event.title, checkedIn: done, message: done ? '签到成功' : '您已签到，无需重复签到' }
      },
    }),

    calendar: action({
      allow: 'member',
      input: CalendarSchema,
      async handle({ year }, { store, now, member }) {
        const theYear = year ?? inShanghai(now).year()
        const from = new Date(`${theYear}-01-01T00:00:00+08:00`).toISOString()
        const to = new Date(`${theYear + 1}-01-01T00:00:00+08:00`).toISOString()
        const [events, entries] = await Promise.all([
          store.find('events', { $and: [{ status: 'published', startAt: { $gte: from, $lt: to } }, visibleTo(member)] }, { sort: { startAt: 1 } }),
          store.find('calendarEntries', { date: { $gte: `${theYear}-01-01`, $lte: `${theYear}-12-31` } }, { sort: { date: 1 } }),
        ])
        const items = [
          ...events.map((event) => ({ id: event._id, type: 'event' as const, date: shanghaiDay(event.startAt), title: event.title, eventId: event._id, phase: eventPhase(event, now) })),
          ...entries.map((entry) => ({ id: entry._id, type: 'entry' as const, date: entry.date, title: entry.title, ...(entry.note ? { note: entry.note } : {}) })),
        ].sort((a, b) => a.date.localeCompare(b.date))
        const months = Array.from({ length: 12 }, (_, index) => ({ month: index + 1, items: items.filter((item) => Number(item.date.slice(5, 7)) === index + 1) }))
        return { year: theYear, months }
      },
    }),

    adminList: action({
      allow: [unionOffice, unitAdmin(() => anyScope)],
      input: AdminEventListSchema,
      async handle({ phase, offset, limit }, { store, now, grants }) {
        const scopes = scopesOf(grants, 'unitAdmin')
        const mine: Filter = scopes === 'all' ? {} : { unitId: { $in: scopes } }
        const found = await store.find('events', { $and: [mine, ...(phase ? [phaseFilter(phase, now)] : [])] }, { sort: { startAt: -1 }, skip: offset, limit: limit + 1 })
        const units = await unitNames(store)
        const rows = await Promise.all(
          found.map(async (event) => {
            const [waiting, pending, held] = await Promise.all([
              store.count('eventSignups', { eventId: event._id, state: 'waiting' }),
              store.count('eventSignups', { eventId: event._id, state: 'pending' }),
              countHeld(store, event._id),
            ])
            return toAdminRow(event, now, units, { waiting, pending, held })
          }),
        )
        return pageOf(rows, limit)
      },
    }),

    adminGet: action({
      allow: EVENT_ORGANIZER,
      input: EventIdSchema,
      async handle({ eventId }, { store, files, now }) {
        return draftView(store, files, await mustGet(store, 'events', eventId, '活动'), now)
      },
    }),

    create: action({
      allow: [unionOffice, unitAdmin(({ unitId }: { unitId?: string }) => unitId)],
      input: EventCreateSchema,
      async handle({ unitId, settings }, { store, files, now, member, requestId }) {
        if (unitId !== undefined && !(await store.get('units', unitId))) throw new AppError('INVALID_INPUT', '所选分工会不存在，请重新选择', { unitId: '分工会不存在' })
        const fields = await checkedSettings(store, settings, now, unitId)
        if (fields.coverFileId) await checkCover(files, fields.coverFileId)
        return { id: await insertDraft(store, member, now, requestId ?? newId(), fields, unitId) }
      },
    }),

    update: action({
      allow: EVENT_ORGANIZER,
      input: EventUpdateSchema,
      async handle({ eventId, settings }, { store, files, now, member }) {
        await mustGet(store, 'events', eventId, '活动')
        // One organizer's save at a time: it moves places and quotas in several guarded steps before it writes.
        return editing(store, eventId, now, async (event) => {
          const phase = eventPhase(event, now)
          if (phase === 'cancelled' || phase === 'finished') throw new AppError('CONFLICT', `活动${phase === 'cancelled' ? '已取消' : '已结束'}，不能再修改`)
          const fields = await checkedSettings(store, settings, now, event.unitId, event)
          const waiting = await store.count('eventSignups', { eventId, state: 'waiting' })
          if (fields.waitlist.kind === 'off' && waiting > 0) throw new AppError('CONFLICT', `还有 ${waiting} 人在候补，不能关闭候补`)
          const coverChanged = fields.coverFileId !== event.coverFileId
          if (coverChanged && fields.coverFileId) await checkCover(files, fields.coverFileId)
          const units = await unitNames(store)
          if (event.status === 'published') {
            // Quotas first: a refused quota change undoes itself; a refused capacity then puts the quotas back.
            await changeQuotas(store, event, fields.unitQuotas, now)
            try {
              await changeCapacity(store, event, fields.capacity, now)
            } catch (error) {
              await changeQuotas(store, { ...event, unitQuotas: fields.unitQuotas }, event.unitQuotas, now).catch(() => undefined)
              throw error
            }
          }
          const { capacity, unitQuotas, ...rest } = fields
          await store.transaction(async (tx) => {
            // Saved over what the form was filled from only: not over a publish, a close or another organizer's save.
            const fresh = await tx.get('events', eventId)
            if (fresh?.status !== event.status || fresh.updatedAt !== event.updatedAt) {
              throw new AppError('CONFLICT', '活动刚刚被修改或发布了，请刷新后重新修改')
            }
            // A published event's quotas are what its quota documents say now (another organizer may have saved since).
            const quotas = []
            for (const { unitId } of event.status === 'published' ? event.unitQuotas : []) {
              const doc = await tx.get('eventQuotas', quotaId(eventId, unitId))
              if (doc) quotas.push({ unitId, quota: doc.quota })
            }
            await tx.updateById('events', eventId, {
              $set: {
                ...rest,
                // A draft's places are all free; a published event's moved with the guarded changes above.
                ...(event.status === 'draft' ? { capacity, unitQuotas, remaining: capacity } : { unitQuotas: quotas }),
                updatedBy: member._id,
                updatedAt: now.toISOString(),
              },
              ...(fields.coverFileId ? {} : { $unset: { coverFileId: true } }),
            })
            // The cover let go of goes within the hour, unless another event (a copy) shows it.
            if (coverChanged && event.coverFileId) await keepForAWhileIn(tx, event.coverFileId, now)
            await recordAudit(tx, member, now, eventAudit(event, 'events.update', { before: auditFields(settingsOf(event), units), after: auditFields(fields, units, event.coverFileId) }))
          })
          return draftView(store, files, (await store.get('events', eventId))!, now)
        })
      },
    }),

    copy: action({
      allow: EVENT_ORGANIZER,
      input: EventIdSchema,
      async handle({ eventId }, { store, now, member, requestId }) {
        const event = await mustGet(store, 'events', eventId, '活动')
        const fields = await checkedSettings(store, copiedSettings(settingsOf(event), now), now, event.unitId)
        return { id: await insertDraft(store, member, now, requestId ?? newId(), fields, event.unitId, { 复制自: event.title }) }
      },
    }),

    publish: action({
      allow: EVENT_ORGANIZER,
      input: EventIdSchema,
      async handle({ eventId }, { store, files, now, member }) {
        const event = await mustGet(store, 'events', eventId, '活动')
        if (event.status !== 'draft') throw new AppError('CONFLICT', '活动已发布过，不能重复发布')
        // Its dates must still lie ahead.
        await checkedSettings(store, settingsOf(event), now, event.unitId)
        await store.transaction(async (tx) => {
          const fresh = await tx.get('events', eventId)
          if (fresh?.status !== 'draft') throw new AppError('CONFLICT', '活动已发布过，不能重复发布')
          if (editedNow(fresh, now)) throw beingEdited()
          await tx.updateById('events', eventId, { $set: { status: 'published', publishedAt: now.toISOString(), remaining: fresh.capacity, updatedBy: member._id, updatedAt: now.toISOString() } })
          // Its quotas open with it, as the draft says them now.
          await openQuotas(tx, fresh)
          await recordAudit(tx, member, now, eventAudit(event, 'events.publish'))
        })
        return draftView(store, files, (await store.get('events', eventId))!, now)
      },
    }),

    closeSignup: action({
      allow: EVENT_ORGANIZER,
      input: EventIdSchema,
      async handle({ eventId }, { store, files, now, member }) {
        const event = await mustGet(store, 'events', eventId, '活动')
        if (eventPhase(event, now) !== 'open') throw new AppError('CONFLICT', '活动不在报名中，无需截止')
        const at = now.toISOString()
        await store.transaction(async (tx) => {
          const fresh = await tx.get('events', eventId)
          if (!fresh || eventPhase(fresh, now) !== 'open') throw new AppError('CONFLICT', '活动不在报名中，无需截止')
          if (editedNow(fresh, now)) throw beingEdited()
          await tx.updateById('events', eventId, { $set: { signupClosesAt: at, updatedBy: member._id, updatedAt: at } })
          await recordAudit(tx, member, now, eventAudit(event, 'events.close', { before: { 报名截止: fresh.signupClosesAt }, after: { 报名截止: at } }))
        })
        return draftView(store, files, (await store.get('events', eventId))!, now)
      },
    }),

    cancel: action({
      allow: EVENT_ORGANIZER,
      input: EventCancelSchema,
      async handle({ eventId, reason }, { store, files, now, member }) {
        const event = await mustGet(store, 'events', eventId, '活动')
        if (event.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消')
        if (eventPhase(event, now) === 'finished') throw new AppError('CONFLICT', '活动已结束，不能取消')
        await store.transaction(async (tx) => {
          const fresh = await tx.get('events', eventId)
          if (!fresh || fresh.status === 'cancelled') throw new AppError('CONFLICT', '活动已取消')
          if (editedNow(fresh, now)) throw beingEdited()
          await tx.updateById('events', eventId, { $set: { status: 'cancelled', cancelReason: reason, updatedBy: member._id, updatedAt: now.toISOString() } })
          await recordAudit(tx, member, now, eventAudit(event, 'events.cancel', { after: { 原因: reason } }))
        })
        // Every sign-up ends; the tellCancelled job tells each person (a batch at a time).
        await endLiveSignups(store, eventId, now)
        return draftView(store, files, (await store.get('events', eventId))!, now)
      },
    }),

    deleteDraft: action({
      allow: EVENT_ORGANIZER,
      input: EventIdSchema,
      async handle({ eventId }, { store, now, member }) {
        const event = await mustGet(store, 'events', eventId, '活动')
        if (event.status !== 'draft') throw new AppError('CONFLICT', NOT_A_DRAFT)
        await store.transaction(async (tx) => {
          const fresh = await tx.get('events', eventId)
          if (fresh?.status !== 'draft') throw new AppError('CONFLICT', NOT_A_DRAFT)
          if (editedNow(fresh, now)) throw beingEdited()
          await tx.removeById('events', eventId)
          // Its cover goes within the hour, unless another event (a copy) shows it.
          if (fresh.coverFileId) await keepForAWhileIn(tx, fresh.coverFileId, now)
          await recordAudit(tx, member, now, eventAudit(fresh, 'events.deleteDraft'))
        })
        return { id: eventId }
      },
    }),

    participants: action({
      allow: EVENT_ORGANIZER,
      input: ParticipantsSchema,
      async handle({ eventId, state, unitId, checkedIn, offset, limit }, { store, now }) {
        const event = await mustGet(store, 'events', eventId, '活动')
        const all = await store.find('eventSignups', { eventId }, { fields: ['state', 'unitId', 'checkedInAt'], limit: PAGE_SIZE_ALL * 5 })
        const counts: Partial<Record<SignupState, number>> = {}
        const heldByUnit = new Map<string, number>()
        for (const signup of all) {
          counts[signup.state] = (counts[signup.state] ?? 0) + 1
          if (isHeld(signup.state)) heldByUnit.set(signup.unitId, (heldByUnit.get(signup.unitId) ?? 0) + 1)
        }
        const units = await unitNames(store)
        const quotas = new Map(event.unitQuotas.map((entry) => [entry.unitId, entry.quota]))
        const byUnit = [...new Set([...quotas.keys(), ...heldByUnit.keys()])].map((id) => ({
          unitId: id,
          unitName: units.get(id) ?? '',
          held: heldByUnit.get(id) ?? 0,
          ...(quotas.has(id) ? { quota: quotas.get(id) } : {}),
        }))
        const filter: Filter = {
          eventId,
          ...(state ? { state } : {}),
          ...(unitId ? { unitId } : {}),
          ...(checkedIn === undefined ? {} : { checkedInAt: { $exists: checkedIn } }),
        }
        const sort: SortSpec = state === 'waiting' ? { waitingSince: 1, _id: 1 } : { signedUpAt: 1, _id: 1 }
        const found = await store.find('eventSignups', filter, { sort, skip: offset, limit: limit + 1 })
        const members = found.length ? await store.find('members', { _id: { $in: found.map((signup) => signup.memberId) } }) : []
        const memberById = new Map(members.map((m) => [m._id, m]))
        const rows = await Promise.all(
          found.map(async (signup) =>
            toParticipant(signup, event, now, memberById.get(signup.memberId), units, signup.state === 'waiting' ? await waitlistPosition(store, signup) : undefined),
          ),
        )
        return { ...pageOf(rows, limit), counts, checkedIn: all.filter((signup) => signup.checkedInAt).length, byUnit }
      },
    }),

    decide: action({
      allow: SIGNUP_ORGANIZER,
      input: DecideSchema,
      async handle({ signupId: id, approve, reason }, { store, now, member }) {
        const { signup, event } = await organizerSignup(store, id)
        if (signup.state !== 'pending') throw new AppError('CONFLICT', '这条报名不在待审核状态')
        if (!approve && !reason) throw new AppError('INVALID_INPUT', '请填写未通过的原因', { reason: '请填写原因' })
        const decided = decision(member, now, event, signup, 'events.decide', approve ? '通过' : '未通过', approve ? 'approved' : 'rejected', reason)
        const done = approve
          ? await changeSignup(store, signup, { $set: { state: 'confirmed', updatedAt: now.toISOString() } }, decided)
          : await endSignup(store, event, signup, 'rejected', now, { reason, within: decided })
        if (!done) throw changedMeanwhile()
        return participantView(store, signup, now)
      },
    }),

    decideCancel: action({
      allow: SIGNUP_ORGANIZER,
      input: DecideSchema,
      async handle({ signupId: id, approve, reason }, { store, now, member }) {
        const { signup, event } = await organizerSignup(store, id)
        if (signup.state !== 'confirmed' || !signup.cancelRequestedAt) throw new AppError('CONFLICT', '这条报名没有待处理的取消申请')
        const decided = decision(member, now, event, signup, 'events.decideCancel', approve ? '同意取消' : '不同意取消', approve ? 'cancelApproved' : 'cancelDeclined', reason)
        const done = approve
          ? await endSignup(store, event, signup, 'cancelled', now, { within: decided })
          : await changeSignup(store, signup, { $unset: { cancelRequestedAt: true }, $set: { updatedAt: now.toISOString() } }, decided)
        if (!done) throw changedMeanwhile()
        return participantView(store, signup, now)
      },
    }),

    remove: action({
      allow: SIGNUP_ORGANIZER,
      input: RemoveSchema,
      async handle({ signupId: id, reason }, { store, now, member }) {
        const { signup, event } = await organizerSignup(store, id)
        if (!isLive(signup.state)) throw new AppError('CONFLICT', '这条报名已经结束')
        const decided = decision(member, now, event, signup, 'events.remove', '移出', 'removed', reason)
        if (!(await endSignup(store, event, signup, 'removed', now, { reason, within: decided }))) throw changedMeanwhile()
        return participantView(store, signup, now)
      },
    }),

    markAttendance: action({
      allow: SIGNUP_ORGANIZER,
      input: AttendanceSchema,
      async handle({ signupId: id, present }, { store, now, member }) {
        const { signup, event } = await organizerSignup(store, id)
        if (signup.state !== 'confirmed') throw new AppError('CONFLICT', '只能为已报名的人标记出勤')
        if (shanghaiDay(now) < shanghaiDay(event.startAt)) throw new AppError('CONFLICT', '活动当天起才能标记出勤')
        const audited = decision(member, now, event, signup, 'events.attendance', present ? '出席' : '缺席')
        if (!(await changeSignup(store, signup, { $set: { attendance: present ? 'present' : 'absent', updatedAt: now.toISOString() } }, audited))) throw changedMeanwhile()
        return participantView(store, signup, now)
      },
    }),

    venueCode: action({
      allow: EVENT_ORGANIZER,
      input: EventIdSchema,
      async handle({ eventId }, { store, files, wechat }) {
        const event = await mustGet(store, 'events', eventId, '活动')
        if (event.status !== 'published' || event.checkIn.kind !== 'code' || !event.checkInCode) throw new AppError('CONFLICT', '活动发布后、且签到方式为“现场扫码”时才有签到码')
        const scene = sceneOf(event.checkInCode)
        const page = CHECK_IN_PAGE
        // Made once per event and kept (WeChat limits how many codes a minute can be made).
        const name = `venue-${event.checkInCode}.png`
        const kept = event.venueCodeFileId ? await files.read(event.venueCodeFileId) : null
        const image = kept ?? (await wechat.unlimitedCode({ scene, page }))
        if (!kept) {
          const fileId = await files.save(name, image)
          await store.update('events', { _id: eventId }, { $set: { venueCodeFileId: fileId } })
        }
        return { scene, page, image: `data:image/png;base64,${image.toString('base64')}` }
      },
    }),

    addCalendarEntry: action({
      allow: [unionOffice],
      input: CalendarEntryCreateSchema,
      async handle({ date, title, note }, { store, now, member, requestId }) {
        if (!fromShanghaiInput(`${date} 00:00`)) throw new AppError('INVALID_INPUT', '日期不是有效日期', { date: '日期不是有效日期' })
        const id = requestId ?? newId()
        await store.transaction(async (tx) => {
          if (await tx.get('calendarEntries', id)) return
          await tx.insert('calendarEntries', { _id: id, date, title, ...(note ? { note } : {}), createdBy: member._id, createdAt: now.toISOString() })
          await recordAudit(tx, member, now, { action: 'calendar.add', targetType: 'calendar', targetId: id, target: title, after: { 日期: date, 事项: title, ...(note ? { 说明: note } : {}) } })
        })
        return { id, type: 'entry' as const, date, title, ...(note ? { note } : {}) }
      },
    }),

    removeCalendarEntry: action({
      allow: [unionOffice],
      input: CalendarEntryIdSchema,
      async handle({ entryId }, { store, now, member }) {
        const entry = await mustGet(store, 'calendarEntries', entryId, '行事历事项')
        const removed = await store.transaction(async (tx) => {
          if (!(await tx.removeById('calendarEntries', entryId))) return false
          await recordAudit(tx, member, now, { action: 'calendar.remove', targetType: 'calendar', targetId: entryId, target: entry.title, before: { 日期: entry.date, 事项: entry.title } })
          return true
        })
        return { removed }
      },
    }),
  },
  {
    config,
    jobs: jobsOf(JOB_CATALOGUE.events, { expireOffers: { runBatch: expireOffers }, tellCancelled: { runBatch: tellCancelled }, remind: { runBatch: remind }, reconcile: { runBatch: reconcile } }),
  },
)

/** The page a venue code opens (in the events subpackage). */
export const CHECK_IN_PAGE = 'events/checkin/index'

/** What members and organizers see of events and sign-ups, from the stored documents. */
import type { AdminEventRow, EventDetail, EventDraft, EventSettings, EventSummary, MySignupView, ParticipantRow, SignupVerdict } from '../../types/events'
import type { UnionSettings } from '../../types/members'
import type { EventDoc, EventSignupDoc, MemberDoc } from '../core/collections'
import { cancelRule, eligibilityText, eventPhase, isLive, placesGoneText, signupBarrier, signupStatus, statusLabel } from './rules'

export interface Names {
  units: Map<string, string>
  sessions: Map<string, string>
}

export const organizerName = (event: Pick<EventDoc, 'unitId'>, units: Map<string, string>) =>
  event.unitId === undefined ? '校工会' : (units.get(event.unitId) ?? '分工会')

export function settingsOf(event: EventDoc): EventSettings {
  const { kind, title, description, place, startAt, endAt, signupOpensAt, signupClosesAt, capacity, unitQuotas, eligibility, form, cancelPolicy, review, waitlist, checkIn, coverFileId } = event
  const settings = { kind, title, description, place, startAt, endAt, signupOpensAt, signupClosesAt, capacity, unitQuotas, eligibility, form, cancelPolicy, review, waitlist, checkIn }
  return coverFileId ? { ...settings, coverFileId } : settings
}

/** The link to the event's cover among `links` (FileStore.downloadUrls): undefined without a cover, or without a link to it. */
export const coverUrlOf = (event: Pick<EventDoc, 'coverFileId'>, links: Map<string, string>) => (event.coverFileId ? links.get(event.coverFileId) : undefined)

export function toSummary(event: EventDoc, now: Date, units: Map<string, string>, mine?: EventSignupDoc, coverUrl?: string): EventSummary {
  return {
    id: event._id,
    kind: event.kind,
    title: event.title,
    place: event.place,
    startAt: event.startAt,
    endAt: event.endAt,
    phase: eventPhase(event, now),
    organizer: organizerName(event, units),
    capacity: event.capacity,
    placesLeft: event.remaining,
    ...(mine ? { myStatus: signupStatus(mine, event, now) } : {}),
    ...(coverUrl ? { coverUrl } : {}),
  }
}

export function toMySignup(signup: EventSignupDoc, event: EventDoc, now: Date, position?: number): MySignupView {
  const status = signupStatus(signup, event, now)
  const cancel = cancelRule(event, signup, now)
  return {
    id: signup._id,
    eventId: event._id,
    eventTitle: event.title,
    startAt: event.startAt,
    place: event.place,
    state: signup.state,
    status,
    statusLabel: statusLabel(status, position),
    ...(position !== undefined ? { waitlistPosition: position } : {}),
    ...(signup.offerExpiresAt && signup.state === 'offered' ? { offerExpiresAt: signup.offerExpiresAt } : {}),
    ...(signup.reason ? { reason: signup.reason } : {}),
    answers: signup.answers,
    cancelRequested: signup.cancelRequestedAt !== undefined,
    canCancel: cancel.can,
    cancelNeedsApproval: cancel.needsApproval,
    canAccept: signup.state === 'offered' && signup.offerExpiresAt !== undefined && signup.offerExpiresAt > now.toISOString(),
    signedUpAt: signup.signedUpAt,
  }
}

/** Whether `member` may sign up now, and why not: the first reason that applies, in plain words. */
export function verdictOf(
  event: EventDoc,
  member: MemberDoc,
  settings: UnionSettings,
  now: Date,
  facts: { mine?: EventSignupDoc; unitRemaining?: number },
): SignupVerdict {
  // A cancelled event says so, even to those whose sign-up the cancel has not yet ended.
  if (event.status === 'published' && facts.mine && isLive(facts.mine.state)) return { can: false, message: '您已报名本活动，可在“我的报名”中查看' }
  const barrier = signupBarrier(event, member, settings, now)
  if (barrier) return { can: false, message: barrier.message }
  const withQuotas = event.unitQuotas.length > 0
  const unitFull = withQuotas && (facts.unitRemaining ?? 0) <= 0
  const full = event.remaining !== null && event.remaining <= 0
  if (unitFull || full) {
    const which = placesGoneText(unitFull)
    return event.waitlist.kind === 'off' ? { can: false, message: which } : { can: true, outcome: 'waitlist', message: `${which}，可以候补` }
  }
  return event.review === 'organizer' ? { can: true, outcome: 'review', message: '报名后须经组织者审核' } : { can: true, outcome: 'confirm', message: '可以报名' }
}

export function toDetail(
  event: EventDoc,
  member: MemberDoc,
  settings: UnionSettings,
  now: Date,
  names: Names,
  facts: { mine?: EventSignupDoc; position?: number; unitRemaining?: number; waitingCount: number; coverUrl?: string },
): EventDetail {
  return {
    ...toSummary(event, now, names.units, facts.mine, facts.coverUrl),
    description: event.description,
    signupOpensAt: event.signupOpensAt,
    signupClosesAt: event.signupClosesAt,
    eligibilityText: eligibilityText(event.eligibility, names),
    form: event.form,
    cancelPolicy: event.cancelPolicy,
    review: event.review,
    waitlist: event.waitlist,
    checkIn: event.checkIn,
    waitingCount: facts.waitingCount,
    verdict: verdictOf(event, member, settings, now, facts),
    ...(facts.mine ? { mySignup: toMySignup(facts.mine, event, now, facts.position) } : {}),
    prefill: Object.fromEntries(event.form.filter((field) => field.type === 'phone').map((field) => [field.key, member.phone])),
  }
}

export function toAdminRow(event: EventDoc, now: Date, units: Map<string, string>, counts: { waiting: number; pending: number; held: number }): AdminEventRow {
  return {
    id: event._id,
    kind: event.kind,
    title: event.title,
    organizer: organizerName(event, units),
    startAt: event.startAt,
    phase: eventPhase(event, now),
    capacity: event.capacity,
    ...counts,
  }
}

export function toDraft(event: EventDoc, now: Date, units: Map<string, string>, held: number, coverUrl?: string): EventDraft {
  return {
    id: event._id,
    ...(event.unitId !== undefined ? { unitId: event.unitId } : {}),
    organizer: organizerName(event, units),
    phase: eventPhase(event, now),
    settings: settingsOf(event),
    held,
    locked: event.everSignedUp,
    ...(event.status === 'published' && event.checkIn.kind === 'code' && event.checkInCode ? { checkInScene: sceneOf(event.checkInCode) } : {}),
    ...(coverUrl ? { coverUrl } : {}),
  }
}

export function toParticipant(signup: EventSignupDoc, event: EventDoc, now: Date, member: MemberDoc | undefined, units: Map<string, string>, position?: number): ParticipantRow {
  const status = signupStatus(signup, event, now)
  return {
    id: signup._id,
    memberName: signup.memberName,
    staffNo: signup.staffNo,
    unitId: signup.unitId,
    unitName: units.get(signup.unitId) ?? '',
    phone: member?.phone ?? '',
    state: signup.state,
    status,
    statusLabel: statusLabel(status, position),
    ...(position !== undefined ? { waitlistPosition: position } : {}),
    answers: signup.answers,
    signedUpAt: signup.signedUpAt,
    ...(signup.checkedInAt ? { checkedInAt: signup.checkedInAt } : {}),
    cancelRequested: signup.cancelRequestedAt !== undefined,
    ...(signup.reason ? { reason: signup.reason } : {}),
  }
}

/** The venue code's scene: `e=` and the event's check-in code (WeChat allows 32 safe characters). */
export const sceneOf = (checkInCode: string) => `e=${checkInCode}`
export const SCENE = /^e=([A-Za-z0-9]{12})$/

/** Pure rules of events and sign-ups: no I/O, no clock; `now` is passed in. */
import {
  CANCEL_POLICY_LABELS,
  COVER_MAX_BYTES,
  ENDED_STATES,
  EVENT_KIND_LABELS,
  HELD_STATES,
  LIVE_STATES,
  SIGNUP_STATUS_LABELS,
  TEXT_ANSWER_MAX,
  WAITLIST_LABELS,
  type Eligibility,
  type EventPhase,
  type EventSettings,
  type FormAnswers,
  type FormField,
  type SignupState,
  type SignupStatus,
} from '../../types/events'
import { MEMBER_GROUP_LABELS, type UnionSettings } from '../../types/members'
import { formatDateTime, fromShanghaiInput, shanghaiDay, toShanghaiInput } from '../../types/time'
import type { EventDoc, EventSignupDoc, MemberDoc } from '../core/collections'
import { ageOn, inGroup } from '../core/memberFacts'
import { holdsRole } from '../core/authorize'
import type { ImageRule } from '../core/files/images'

const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS
/** How far ahead an event may be planned, and how far back its dates may lie when first written. */
const PLAN_DAYS = 400

export type RuleResult<T> = { ok: true; value: T } | { ok: false; field: string; message: string }

const fail = (field: string, message: string): RuleResult<never> => ({ ok: false, field, message })

export const isHeld = (state: SignupState) => (HELD_STATES as readonly SignupState[]).includes(state)
export const isLive = (state: SignupState) => (LIVE_STATES as readonly SignupState[]).includes(state)
export const isEnded = (state: SignupState) => (ENDED_STATES as readonly SignupState[]).includes(state)

/** Where an event is now: its stored status, then the clock. */
export function eventPhase(event: Pick<EventDoc, 'status' | 'signupOpensAt' | 'signupClosesAt' | 'endAt'>, now: Date): EventPhase {
  if (event.status !== 'published') return event.status
  const at = now.toISOString()
  if (at >= event.endAt) return 'finished'
  if (at < event.signupOpensAt) return 'upcoming'
  if (at < event.signupClosesAt) return 'open'
  return 'closed'
}

/** A time as the store keeps it (UTC, milliseconds), so it compares as text. */
const stored = (text: string) => new Date(Date.parse(text)).toISOString()

/**
 * Checks an event's settings as a whole (times in order, quotas within the capacity, a form whose questions make
 * sense) and returns them as stored. `unitIds` are the union's units; `everSignedUp` fixes what answers depend on.
 */
export function checkSettings(input: EventSettings, now: Date, existing?: Pick<EventDoc, 'status' | 'form' | 'eligibility' | 'everSignedUp'>): RuleResult<EventSettings> {
  const startAt = stored(input.startAt)
  const endAt = stored(input.endAt)
  const signupOpensAt = stored(input.signupOpensAt)
  const signupClosesAt = stored(input.signupClosesAt)
  if (endAt <= startAt) return fail('endAt', '结束时间须晚于开始时间')
  if (signupClosesAt <= signupOpensAt) return fail('signupClosesAt', '报名截止时间须晚于报名开始时间')
  if (signupClosesAt > endAt) return fail('signupClosesAt', '报名截止时间不能晚于活动结束时间')
  const horizon = new Date(now.getTime() + PLAN_DAYS * DAY_MS).toISOString()
  if (startAt > horizon) return fail('startAt', `活动最多提前 ${PLAN_DAYS} 天安排`)
  // A published event may be under way; a new one or a draft must still lie ahead.
  if (existing?.status !== 'published' && endAt <= now.toISOString()) return fail('endAt', '活动结束时间已过，请重新选择')
  const cancelPolicy = input.cancelPolicy.kind === 'until' ? { kind: 'until' as const, until: stored(input.cancelPolicy.until) } : input.cancelPolicy
  if (cancelPolicy.kind === 'until' && cancelPolicy.until > startAt) return fail('cancelPolicy', '取消截止时间不能晚于活动开始时间')

  const quotaUnits = input.unitQuotas.map((entry) => entry.unitId)
  if (new Set(quotaUnits).size !== quotaUnits.length) return fail('unitQuotas', '同一分工会的名额只能填写一次')
  const quotaSum = input.unitQuotas.reduce((sum, entry) => sum + entry.quota, 0)
  if (input.capacity !== null && quotaSum > input.capacity) {
    return fail('unitQuotas', `各分工会名额合计 ${quotaSum} 人，超过了总名额 ${input.capacity} 人`)
  }
  if (input.waitlist.kind !== 'off' && input.capacity === null && input.unitQuotas.length === 0) {
    return fail('waitlist', '不限名额的活动不需要候补')
  }

  const eligibility = checkedEligibility(input.eligibility)
  if (!eligibility.ok) return eligibility
  const form = checkedForm(input.form)
  if (!form.ok) return form
  if (existing?.everSignedUp) {
    if (JSON.stringify(form.value) !== JSON.stringify(existing.form)) return fail('form', '已有人报名，报名表不能再修改（否则已填的回答对不上题目）')
    if (JSON.stringify(eligibility.value) !== JSON.stringify(existing.eligibility)) return fail('eligibility', '已有人报名，报名条件不能再修改')
  }
  return {
    ok: true,
    value: {
      ...input,
      startAt,
      endAt,
      signupOpensAt,
      signupClosesAt,
      cancelPolicy,
      eligibility: eligibility.value,
      form: form.value,
      unitQuotas: [...input.unitQuotas],
    },
  }
}

function checkedEligibility(input: Eligibility): RuleResult<Eligibility> {
  if (input.minAge !== undefined && input.maxAge !== undefined && input.minAge > input.maxAge) return fail('eligibility', '最小年龄不能大于最大年龄')
  const eligibility: Eligibility = { ...input }
  if (eligibility.unitIds) eligibility.unitIds = [...new Set(eligibility.unitIds)]
  if (eligibility.statuses) eligibility.statuses = [...new Set(eligibility.statuses)]
  if (eligibility.groups) eligibility.groups = [...new Set(eligibility.groups)]
  if (eligibility.groups?.includes('women') && eligibility.gender === 'male') return fail('eligibility', '女教职工活动不能限男性报名')
  return { ok: true, value: eligibility }
}

function checkedForm(fields: FormField[]): RuleResult<FormField[]> {
  const keys = new Set<string>()
  for (const field of fields) {
    if (keys.has(field.key)) return fail('form', `报名表有两道题的标识相同（${field.key}）`)
    keys.add(field.key)
    const choice = field.type === 'choice' || field.type === 'multiChoice'
    if (choice && !field.options) return fail('form', `「${field.label}」是选择题，请填写选项`)
    if (!choice && field.options) return fail('form', `「${field.label}」不是选择题，不需要选项`)
    if (choice && new Set(field.options).size !== field.options!.length) return fail('form', `「${field.label}」有重复的选项`)
    if (field.type !== 'number' && (field.min !== undefined || field.max !== undefined)) return fail('form', `「${field.label}」不是数字题，不需要取值范围`)
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) return fail('form', `「${field.label}」的最小值大于最大值`)
    if (field.type !== 'text' && field.maxLength !== undefined) return fail('form', `「${field.label}」不是文字题，不需要字数上限`)
  }
  return { ok: true, value: fields }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/
const PHONE = /^1\d{10}$/

/** Checks a member's answers against the form: every required one there, each fitting its question; nothing else. */
export function checkAnswers(form: FormField[], answers: FormAnswers): RuleResult<FormAnswers> {
  const byKey = new Map(form.map((field) => [field.key, field]))
  for (const key of Object.keys(answers)) {
    if (!byKey.has(key)) return fail(`answers.${key}`, '报名表没有这道题，请刷新后重新填写')
  }
  const clean: FormAnswers = {}
  for (const field of form) {
    const path = `answers.${field.key}`
    const raw = answers[field.key]
    const blank = raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0)
    if (blank) {
      if (field.required) return fail(path, `请填写「${field.label}」`)
      continue
    }
    const answer = typeof raw === 'string' ? raw.trim() : raw
    switch (field.type) {
      case 'text': {
        const max = field.maxLength ?? TEXT_ANSWER_MAX
        if (typeof answer !== 'string') return fail(path, `「${field.label}」请填写文字`)
        if (answer.length === 0 && field.required) return fail(path, `请填写「${field.label}」`)
        if (answer.length > max) return fail(path, `「${field.label}」不能超过 ${max} 个字`)
        break
      }
      case 'number':
        if (typeof answer !== 'number' || !Number.isFinite(answer)) return fail(path, `「${field.label}」请填写数字`)
        if (field.min !== undefined && answer < field.min) return fail(path, `「${field.label}」不能小于 ${field.min}`)
        if (field.max !== undefined && answer > field.max) return fail(path, `「${field.label}」不能大于 ${field.max}`)
        break
      case 'choice':
        if (typeof answer !== 'string' || !field.options!.includes(answer)) return fail(path, `「${field.label}」请从选项中选择`)
        break
      case 'multiChoice':
        if (!Array.isArray(answer) || answer.some((option) => !field.options!.includes(option))) return fail(path, `「${field.label}」请从选项中选择`)
        if (new Set(answer).size !== answer.length) return fail(path, `「${field.label}」有重复的选择`)
        break
      case 'date':
        if (typeof answer !== 'string' || !DATE.test(answer) || !fromShanghaiInput(`${answer} 00:00`)) return fail(path, `「${field.label}」请填写日期，如 2026-05-20`)
        break
      case 'phone':
        if (typeof answer !== 'string' || !PHONE.test(answer)) return fail(path, `「${field.label}」应为 1 开头的 11 位手机号`)
        break
    }
    clean[field.key] = answer
  }
  return { ok: true, value: clean }
}

/** What the eligibility conditions say, one line each, for the detail page. */
export function eligibilityText(eligibility: Eligibility, names: { units: Map<string, string>; sessions: Map<string, string> }): string[] {
  const lines: string[] = []
  if (eligibility.statuses) lines.push(`仅限${eligibility.statuses.map((status) => (status === 'active' ? '在职' : '退休')).join('、')}教职工`)
  if (eligibility.gender) lines.push(eligibility.gender === 'female' ? '仅限女性' : '仅限男性')
  if (eligibility.minAge !== undefined || eligibility.maxAge !== undefined) {
    if (eligibility.minAge !== undefined && eligibility.maxAge !== undefined) lines.push(`年龄 ${eligibility.minAge}–${eligibility.maxAge} 岁（按活动当天计）`)
    else if (eligibility.minAge !== undefined) lines.push(`年龄 ${eligibility.minAge} 岁及以上（按活动当天计）`)
    else lines.push(`年龄 ${eligibility.maxAge} 岁及以下（按活动当天计）`)
  }
  if (eligibility.groups) lines.push(`仅限${eligibility.groups.map((group) => MEMBER_GROUP_LABELS[group]).join('、')}`)
  if (eligibility.unitIds) lines.push(`仅限${eligibility.unitIds.map((id) => names.units.get(id) ?? id).join('、')}`)
  if (eligibility.delegatesOf) lines.push(`仅限${names.sessions.get(eligibility.delegatesOf) ?? ''}教代会代表`)
  if (eligibility.duesPaid) lines.push('须已按时缴纳会费')
  return lines
}

/** Why a member may not take part, in plain words; undefined when they may. */
export function ineligibility(event: Pick<EventDoc, 'eligibility' | 'startAt' | 'unitId'>, member: MemberDoc, settings: UnionSettings): string | undefined {
  const rules = event.eligibility
  if (event.unitId !== undefined && member.unitId !== event.unitId) return '这是其他分工会的活动，仅限该分工会会员报名'
  if (rules.statuses && member.status !== 'left' && !rules.statuses.includes(member.status)) {
    return rules.statuses.includes('active') ? '仅限在职教职工报名' : '仅限退休教职工报名'
  }
  if (rules.gender && member.gender !== rules.gender) return rules.gender === 'female' ? '仅限女性报名' : '仅限男性报名'
  // The event's day, for rules by age, only where the event has them: a sign-up rush checks this on every call.
  if (rules.minAge !== undefined || rules.maxAge !== undefined || rules.groups?.length) {
    const day = shanghaiDay(event.startAt)
    const age = ageOn(member.birthDate, day)
    if (rules.minAge !== undefined && age < rules.minAge) return `仅限 ${rules.minAge} 岁及以上报名（按活动当天计）`
    if (rules.maxAge !== undefined && age > rules.maxAge) return `仅限 ${rules.maxAge} 岁及以下报名（按活动当天计）`
    for (const group of rules.groups ?? []) {
      if (!inGroup(member, group, day, settings)) return `仅限${MEMBER_GROUP_LABELS[group]}报名`
    }
  }
  if (rules.unitIds && !rules.unitIds.includes(member.unitId)) return '您所在的分工会不在本次活动的报名范围内'
  if (rules.delegatesOf && !holdsRole(member, 'delegate', rules.delegatesOf)) return '仅限本届教代会代表报名'
  if (rules.duesPaid && !member.duesPaid) return '须已按时缴纳会费才能报名，如有疑问请联系本分工会'
  return undefined
}

/** When sign-up opens, as a person reads it: "报名将于 3月1日 09:00 开始". */
export const opensText = (event: Pick<EventDoc, 'signupOpensAt'>, now: Date) => `报名将于 ${formatDateTime(event.signupOpensAt, now)} 开始`

/** Said when no place is left: in the member's unit (its quota), or in the event. */
export const placesGoneText = (unitFull: boolean) => (unitFull ? '本分工会名额已满' : '名额已满')

/** Whether the event's per-unit quotas give the unit places of its own (none do on an event without quotas). */
export const hasUnitQuota = (event: Pick<EventDoc, 'unitQuotas'>, unitId: string) => event.unitQuotas.some((entry) => entry.unitId === unitId)

/** Said to a member of a unit the event's quotas leave out. */
export const NO_UNIT_QUOTA = '本次活动没有给您所在的分工会分配名额，如有疑问请联系本分工会'

/**
 * Why a member may not sign up now, whatever the places: the first reason that applies, in plain words, with the
 * code a refused sign-up carries. The detail page says the same before anyone taps (one rule, one wording).
 */
export function signupBarrier(event: EventDoc, member: MemberDoc, settings: UnionSettings, now: Date): { code: 'CONFLICT' | 'FORBIDDEN'; message: string } | undefined {
  const phase = eventPhase(event, now)
  if (phase === 'cancelled') return { code: 'CONFLICT', message: '活动已取消' }
  if (phase === 'draft') return { code: 'CONFLICT', message: '活动尚未发布' }
  const why = ineligibility(event, member, settings)
  if (why) return { code: 'FORBIDDEN', message: why }
  if (phase === 'upcoming') return { code: 'CONFLICT', message: opensText(event, now) }
  if (phase === 'closed') return { code: 'CONFLICT', message: '报名已截止' }
  if (phase === 'finished') return { code: 'CONFLICT', message: '活动已结束' }
  if (event.unitQuotas.length > 0 && !hasUnitQuota(event, member.unitId)) return { code: 'CONFLICT', message: NO_UNIT_QUOTA }
  return undefined
}

/** Whether a member may cancel a sign-up in this state now, and whether the organizer must agree. */
export function cancelRule(event: Pick<EventDoc, 'cancelPolicy' | 'startAt' | 'status'>, signup: Pick<EventSignupDoc, 'state' | 'cancelRequestedAt' | 'checkedInAt'>, now: Date) {
  const at = now.toISOString()
  if (event.status !== 'published' || at >= event.startAt || signup.checkedInAt) return { can: false, needsApproval: false, why: '活动已开始，不能再取消' }
  // Waiting, offered and pending sign-ups are not confirmed places: they can always be withdrawn.
  if (signup.state === 'waiting' || signup.state === 'offered' || signup.state === 'pending') return { can: true, needsApproval: false }
  if (signup.state !== 'confirmed') return { can: false, needsApproval: false, why: '这条报名已经结束' }
  const policy = event.cancelPolicy
  if (policy.kind === 'never') return { can: false, needsApproval: false, why: '本活动报名后不可取消，如有特殊情况请联系组织者' }
  if (policy.kind === 'approval') {
    if (signup.cancelRequestedAt) return { can: false, needsApproval: true, why: '已申请取消，请等待组织者处理' }
    return { can: true, needsApproval: true }
  }
  if (at >= policy.until) return { can: false, needsApproval: false, why: `取消截止时间（${formatDateTime(policy.until, now)}）已过，如有特殊情况请联系组织者` }
  return { can: true, needsApproval: false }
}

/** The window around the start in which a venue code checks people in. */
export function checkInWindow(event: Pick<EventDoc, 'checkIn' | 'startAt' | 'endAt'>): { opensAt: string; closesAt: string } | undefined {
  if (event.checkIn.kind !== 'code') return undefined
  const start = Date.parse(event.startAt)
  return {
    opensAt: new Date(start - event.checkIn.opensMinutesBefore * MINUTE_MS).toISOString(),
    closesAt: new Date(start + event.checkIn.closesMinutesAfter * MINUTE_MS).toISOString(),
  }
}

/** A sign-up as its member sees it: 已签到 once checked in, 缺席 once a checked event is over without them. */
export function signupStatus(signup: Pick<EventSignupDoc, 'state' | 'checkedInAt' | 'attendance'>, event: Pick<EventDoc, 'endAt' | 'checkIn'>, now: Date): SignupStatus {
  if (signup.state !== 'confirmed') return signup.state
  if (signup.checkedInAt || signup.attendance === 'present') return 'checkedIn'
  if (signup.attendance === 'absent') return 'absent'
  if (event.checkIn.kind === 'code' && now.toISOString() >= event.endAt) return 'absent'
  return 'confirmed'
}

export const statusLabel = (status: SignupStatus, position?: number) =>
  status === 'waiting' && position !== undefined ? `候补第 ${position} 位` : SIGNUP_STATUS_LABELS[status]

/** When an event's reminders are due: the day before at 09:00 (Shanghai), and an hour before. */
export function reminderSchedule(startAt: string): { when: 'day' | 'hour'; at: string }[] {
  const start = Date.parse(startAt)
  const dayBefore = shanghaiDay(start - DAY_MS)
  return [
    { when: 'day', at: new Date(`${dayBefore}T09:00:00+08:00`).toISOString() },
    { when: 'hour', at: new Date(start - 60 * MINUTE_MS).toISOString() },
  ]
}

/** What an event's cover may be: an image of at most COVER_MAX_BYTES. */
export const COVER_IMAGE: ImageRule = { label: '封面图', maxBytes: COVER_MAX_BYTES }

/** The cover as the audit log says it (a file id means nothing to a reader): 无, 已设置, or 已更换 from `previous`. */
function coverText(coverFileId: string | undefined, previous: string | undefined) {
  if (!coverFileId) return '无'
  return previous && previous !== coverFileId ? '已更换' : '已设置'
}

/** An event's settings as the audit log keeps them, readable; `previousCover` is the cover they replace. */
export function auditFields(settings: EventSettings, unitNames: Map<string, string>, previousCover?: string) {
  return {
    名称: settings.title,
    类型: EVENT_KIND_LABELS[settings.kind],
    地点: settings.place,
    时间: `${toShanghaiInput(settings.startAt)} 至 ${toShanghaiInput(settings.endAt)}`,
    报名时间: `${toShanghaiInput(settings.signupOpensAt)} 至 ${toShanghaiInput(settings.signupClosesAt)}`,
    名额: settings.capacity ?? '不限',
    分工会名额: settings.unitQuotas.map((entry) => `${unitNames.get(entry.unitId) ?? entry.unitId} ${entry.quota}`).join('、') || '无',
    取消规则: CANCEL_POLICY_LABELS[settings.cancelPolicy.kind],
    审核: settings.review === 'auto' ? '自动通过' : '组织者审核',
    候补: WAITLIST_LABELS[settings.waitlist.kind],
    签到: settings.checkIn.kind === 'code' ? '现场扫码' : '组织者标记',
    报名表: settings.form.map((field) => field.label).join('、') || '无',
    封面图: coverText(settings.coverFileId, previousCover),
  }
}

const addYears = (iso: string, years: number) => {
  const date = new Date(iso)
  date.setUTCFullYear(date.getUTCFullYear() + years)
  return date.toISOString()
}

/** The same event a year (or as many years as it takes) on: every time moved alike, so sign-up opens ahead of now. */
export function copiedSettings(settings: EventSettings, now: Date): EventSettings {
  let years = 1
  while (addYears(settings.signupOpensAt, years) <= now.toISOString()) years += 1
  const move = (iso: string) => addYears(iso, years)
  return {
    ...settings,
    title: settings.title.replace(/20\d\d/, (year) => String(Number(year) + years)),
    startAt: move(settings.startAt),
    endAt: move(settings.endAt),
    signupOpensAt: move(settings.signupOpensAt),
    signupClosesAt: move(settings.signupClosesAt),
    cancelPolicy: settings.cancelPolicy.kind === 'until' ? { kind: 'until', until: move(settings.cancelPolicy.until) } : settings.cancelPolicy,
  }
}

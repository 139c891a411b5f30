/**
 * The organizer's event form: its state (what the inputs hold, numbers as typed), the questions of the sign-up form
 * builder, and their translation to and from the `events` contract's EventSettings. Pure.
 */
import type * as v from 'valibot'
import {
  EventCreateSchema,
  type CancelPolicy,
  type Eligibility,
  type EventDraft,
  type EventKind,
  type EventSettings,
  type FormField,
  type FormFieldType,
  type ReviewPolicy,
  type WaitlistPolicy,
} from '../../../types/events'
import type { MemberGroup } from '../../../types/members'
import { fromShanghaiInput, inShanghai, shanghaiDay } from '../../../types/time'
import { schemaCheck, type FormCheck } from '../../../types/validation'

/** One question as the builder edits it: limits as typed, the options one a line. */
export interface QuestionForm {
  key: string
  label: string
  type: FormFieldType
  required: boolean
  maxLength: string
  min: string
  max: string
  /** choice / multiChoice: one option a line. */
  options: string
}

/** The cover image chosen: its file id, and a link (or this device's temporary path) that shows it; '' for none yet. */
export interface CoverForm {
  fileId: string
  url: string
}

export type StatusChoice = 'all' | 'active' | 'retired'
export type GenderChoice = 'any' | 'male' | 'female'

export interface EventForm {
  kind: EventKind
  title: string
  description: string
  place: string
  /** ISO instants; '' until chosen. */
  startAt: string
  endAt: string
  signupOpensAt: string
  signupClosesAt: string
  capacityLimited: boolean
  capacity: string
  /** 分工会名额: when on, only the units with a number get places. */
  quotasOn: boolean
  /** Unit id → the number typed ('' for none). */
  quotas: Record<string, string>
  statuses: StatusChoice
  gender: GenderChoice
  minAge: string
  maxAge: string
  /** Only members of the chosen units. */
  unitsOn: boolean
  unitIds: string[]
  groups: MemberGroup[]
  /** A congress session's id: only its delegates; '' for anyone. */
  delegatesOf: string
  duesPaid: boolean
  questions: QuestionForm[]
  cancelKind: CancelPolicy['kind']
  cancelUntil: string
  review: ReviewPolicy
  waitlistKind: WaitlistPolicy['kind']
  acceptHours: string
  checkInKind: 'code' | 'organizer'
  opensMinutesBefore: string
  closesMinutesAfter: string
  /** Absent: no cover. */
  cover?: CoverForm
  /**
   * Once anyone has signed up the function keeps the sign-up form and the eligibility as they are: they are sent back
   * exactly as loaded, whatever the inputs show.
   */
  fixed?: Pick<EventSettings, 'form' | 'eligibility'>
}

const DAY_MS = 86_400_000

/** `days` after `now`'s Shanghai day, at the Shanghai wall time `time` ('14:00'), as an ISO instant. */
export function shanghaiAt(now: Date, days: number, time: string): string {
  return fromShanghaiInput(`${shanghaiDay(now.getTime() + days * DAY_MS)} ${time}`)!
}

/** A new event's form: a fortnight ahead in the afternoon, sign-up open from now until two days before. */
export function newEventForm(now: Date = new Date()): EventForm {
  const opens = new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString()
  return {
    kind: 'competition',
    title: '',
    description: '',
    place: '',
    startAt: shanghaiAt(now, 14, '14:00'),
    endAt: shanghaiAt(now, 14, '16:00'),
    signupOpensAt: opens,
    signupClosesAt: shanghaiAt(now, 12, '17:00'),
    capacityLimited: true,
    capacity: '',
    quotasOn: false,
    quotas: {},
    statuses: 'all',
    gender: 'any',
    minAge: '',
    maxAge: '',
    unitsOn: false,
    unitIds: [],
    groups: [],
    delegatesOf: '',
    duesPaid: false,
    questions: [],
    cancelKind: 'until',
    cancelUntil: shanghaiAt(now, 13, '12:00'),
    review: 'auto',
    waitlistKind: 'auto',
    acceptHours: '24',
    checkInKind: 'code',
    opensMinutesBefore: '30',
    closesMinutesAfter: '60',
  }
}

const text = (value: number | undefined) => (value === undefined ? '' : String(value))

export function questionFromField(field: FormField): QuestionForm {
  return {
    key: field.key,
    label: field.label,
    type: field.type,
    required: field.required,
    maxLength: text(field.maxLength),
    min: text(field.min),
    max: text(field.max),
    options: (field.options ?? []).join('\n'),
  }
}

function statusChoice(eligibility: Eligibility): StatusChoice {
  const statuses = eligibility.statuses ?? []
  return statuses.length === 1 ? statuses[0] : 'all'
}

export function formFromDraft(draft: EventDraft): EventForm {
  const s = draft.settings
  const e = s.eligibility
  return {
    kind: s.kind,
    title: s.title,
    description: s.description,
    place: s.place,
    startAt: s.startAt,
    endAt: s.endAt,
    signupOpensAt: s.signupOpensAt,
    signupClosesAt: s.signupClosesAt,
    capacityLimited: s.capacity !== null,
    capacity: s.capacity === null ? '' : String(s.capacity),
    quotasOn: s.unitQuotas.length > 0,
    quotas: Object.fromEntries(s.unitQuotas.map((entry) => [entry.unitId, String(entry.quota)])),
    statuses: statusChoice(e),
    gender: e.gender ?? 'any',
    minAge: text(e.minAge),
    maxAge: text(e.maxAge),
    unitsOn: (e.unitIds?.length ?? 0) > 0,
    unitIds: e.unitIds ?? [],
    groups: e.groups ?? [],
    delegatesOf: e.delegatesOf ?? '',
    duesPaid: e.duesPaid === true,
    questions: s.form.map(questionFromField),
    cancelKind: s.cancelPolicy.kind,
    cancelUntil: s.cancelPolicy.kind === 'until' ? s.cancelPolicy.until : shanghaiAt(new Date(s.startAt), -1, '12:00'),
    review: s.review,
    waitlistKind: s.waitlist.kind,
    acceptHours: s.waitlist.kind === 'offer' ? String(s.waitlist.acceptHours) : '24',
    checkInKind: s.checkIn.kind,
    opensMinutesBefore: s.checkIn.kind === 'code' ? String(s.checkIn.opensMinutesBefore) : '30',
    closesMinutesAfter: s.checkIn.kind === 'code' ? String(s.checkIn.closesMinutesAfter) : '60',
    ...(s.coverFileId ? { cover: { fileId: s.coverFileId, url: draft.coverUrl ?? '' } } : {}),
    ...(draft.locked ? { fixed: { form: s.form, eligibility: s.eligibility } } : {}),
  }
}

/** A number as typed: undefined when blank, NaN when not a number (the schema then says 须为数字). */
export function parseNumber(typed: string): number | undefined {
  const trimmed = typed.trim()
  return trimmed === '' ? undefined : Number(trimmed)
}

/** A required number: blank counts as not a number. */
const required = (typed: string) => parseNumber(typed) ?? Number.NaN

export const optionLines = (options: string) =>
  options
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)

export const isChoice = (type: FormFieldType) => type === 'choice' || type === 'multiChoice'

/** A question as the contract has it: only the limits its type takes, left out when blank. */
export function fieldOf(question: QuestionForm): FormField {
  const maxLength = parseNumber(question.maxLength)
  const min = parseNumber(question.min)
  const max = parseNumber(question.max)
  return {
    key: question.key,
    label: question.label,
    type: question.type,
    required: question.required,
    ...(question.type === 'text' && maxLength !== undefined ? { maxLength } : {}),
    ...(question.type === 'number' && min !== undefined ? { min } : {}),
    ...(question.type === 'number' && max !== undefined ? { max } : {}),
    ...(isChoice(question.type) ? { options: optionLines(question.options) } : {}),
  }
}

export function eligibilityOf(form: EventForm): Eligibility {
  const minAge = parseNumber(form.minAge)
  const maxAge = parseNumber(form.maxAge)
  return {
    ...(form.statuses !== 'all' ? { statuses: [form.statuses] } : {}),
    ...(form.gender !== 'any' ? { gender: form.gender } : {}),
    ...(minAge !== undefined ? { minAge } : {}),
    ...(maxAge !== undefined ? { maxAge } : {}),
    ...(form.unitsOn ? { unitIds: form.unitIds } : {}),
    ...(form.groups.length > 0 ? { groups: form.groups } : {}),
    ...(form.delegatesOf ? { delegatesOf: form.delegatesOf } : {}),
    ...(form.duesPaid ? { duesPaid: true as const } : {}),
  }
}

/** The units given places, in `unitOrder` (the union's order), each with the number typed. */
export function quotasOf(form: EventForm, unitOrder: string[]) {
  if (!form.quotasOn) return []
  return unitOrder.filter((unitId) => (form.quotas[unitId] ?? '').trim() !== '').map((unitId) => ({ unitId, quota: required(form.quotas[unitId]) }))
}

/** The settings the form sends. `unitOrder` orders the per-unit quotas. */
export function toSettings(form: EventForm, unitOrder: string[]): EventSettings {
  const cancelPolicy: CancelPolicy = form.cancelKind === 'until' ? { kind: 'until', until: form.cancelUntil } : { kind: form.cancelKind }
  const waitlist: WaitlistPolicy = form.waitlistKind === 'offer' ? { kind: 'offer', acceptHours: required(form.acceptHours) } : { kind: form.waitlistKind }
  return {
    kind: form.kind,
    title: form.title,
    description: form.description,
    place: form.place,
    startAt: form.startAt,
    endAt: form.endAt,
    signupOpensAt: form.signupOpensAt,
    signupClosesAt: form.signupClosesAt,
    capacity: form.capacityLimited ? required(form.capacity) : null,
    unitQuotas: quotasOf(form, unitOrder),
    eligibility: form.fixed ? form.fixed.eligibility : eligibilityOf(form),
    form: form.fixed ? form.fixed.form : form.questions.map(fieldOf),
    cancelPolicy,
    review: form.review,
    waitlist,
    checkIn:
      form.checkInKind === 'code'
        ? { kind: 'code', opensMinutesBefore: required(form.opensMinutesBefore), closesMinutesAfter: required(form.closesMinutesAfter) }
        : { kind: 'organizer' },
    ...(form.cover ? { coverFileId: form.cover.fileId } : {}),
  }
}

const TIME_LABELS = { startAt: '开始时间', endAt: '结束时间', signupOpensAt: '报名开始时间', signupClosesAt: '报名截止时间' } as const

/** What a blank the schema would only call "not a number" means, in words, under its field's path. */
function blanks(form: EventForm): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const [key, label] of Object.entries(TIME_LABELS)) {
    if (!form[key as keyof typeof TIME_LABELS]) fields[`settings.${key}`] = `请选择${label}`
  }
  if (form.capacityLimited && !form.capacity.trim()) fields['settings.capacity'] = '请填写名额，或选择“不限”'
  if (form.quotasOn && !Object.values(form.quotas).some((typed) => typed.trim())) fields['settings.unitQuotas'] = '请至少为一个分工会填写名额'
  if (form.waitlistKind === 'offer' && !form.acceptHours.trim()) fields['settings.waitlist.acceptHours'] = '请填写确认时限'
  if (form.checkInKind === 'code' && (!form.opensMinutesBefore.trim() || !form.closesMinutesAfter.trim())) {
    fields['settings.checkIn'] = '请填写签到开放和截止的分钟数'
  }
  if (!form.fixed) {
    form.questions.forEach((question, index) => {
      if (isChoice(question.type) && optionLines(question.options).length < 2) fields[`settings.form.${index}.options`] = '请至少填写两个选项，每行一个'
    })
  }
  return fields
}

/**
 * The payload of `create` (with `unitId` for a unit's own event) or the settings of `update`, checked with the very
 * schema the function validates with; errors are keyed by the same paths the function answers (`settings.title`).
 */
export function checkEventForm(form: EventForm, unitOrder: string[], unitId?: string): FormCheck<v.InferOutput<typeof EventCreateSchema>> {
  const blank = blanks(form)
  const [first] = Object.values(blank)
  if (first) return { ok: false, message: first, fields: blank }
  return schemaCheck(EventCreateSchema, { ...(unitId ? { unitId } : {}), settings: toSettings(form, unitOrder) })
}

/** The first message among `errors` at `path` or below it ('settings.form.2' finds 'settings.form.2.options'). */
export function errorAt(errors: Record<string, string>, path: string): string | undefined {
  if (errors[path]) return errors[path]
  const below = Object.keys(errors).find((key) => key.startsWith(`${path}.`))
  return below ? errors[below] : undefined
}

// The form builder's steps.

/** A key not used by any question yet: q1, q2, … (answers are stored by it, so a question keeps its key). */
export function nextQuestionKey(questions: QuestionForm[]): string {
  const used = new Set(questions.map((question) => question.key))
  let n = questions.length + 1
  while (used.has(`q${n}`)) n += 1
  return `q${n}`
}

export function addQuestion(questions: QuestionForm[], type: FormFieldType): QuestionForm[] {
  const question: QuestionForm = {
    key: nextQuestionKey(questions),
    label: type === 'phone' ? '联系电话' : '',
    type,
    required: true,
    maxLength: '',
    min: '',
    max: '',
    options: '',
  }
  return [...questions, question]
}

export const removeQuestion = (questions: QuestionForm[], index: number) => questions.filter((_, at) => at !== index)

/** Moves a question one place up (-1) or down (1); at either end it stays. */
export function moveQuestion(questions: QuestionForm[], index: number, by: -1 | 1): QuestionForm[] {
  const to = index + by
  if (to < 0 || to >= questions.length) return questions
  const moved = [...questions]
  ;[moved[index], moved[to]] = [moved[to], moved[index]]
  return moved
}

export const changeQuestion = (questions: QuestionForm[], index: number, change: Partial<QuestionForm>) =>
  questions.map((question, at) => (at === index ? { ...question, ...change } : question))

/** 每个分工会 N 人: every unit the same number. */
export function fillQuotas(unitIds: string[], each: string): Record<string, string> {
  return Object.fromEntries(unitIds.map((unitId) => [unitId, each.trim()]))
}

/** The sum of the per-unit numbers typed (blank and not-a-number count as none). */
export function quotaSum(quotas: Record<string, string>): number {
  return Object.values(quotas).reduce((sum, typed) => sum + (Number(typed.trim()) || 0), 0)
}

/** The picker's columns [year, month, day, hour, minute], read as Shanghai wall time, as an ISO instant. */
export function fromPickerValues(values: readonly unknown[]): string | undefined {
  const [y, mo, d, h, mi] = values.map((part) => String(part).padStart(2, '0'))
  return fromShanghaiInput(`${y}-${mo}-${d} ${h}:${mi}`)
}

/** A Date whose local fields show `iso`'s Shanghai wall time: what the picker starts from, whatever the device's zone. */
export function pickerDate(iso: string): Date {
  const wall = inShanghai(iso)
  return new Date(wall.year(), wall.month(), wall.date(), wall.hour(), wall.minute())
}

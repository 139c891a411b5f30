/** The notice edit form's state, and its translation to and from the `notices` contract. Pure. */
import { fromShanghaiInput } from '../../../types/time'
import { schemaCheck, type FormCheck } from '../../../types/validation'
import { NoticeInputSchema, type NoticeCategory, type NoticeDraft, type NoticeInput } from '../../../types/notices'

export interface NoticeForm {
  title: string
  body: string
  category: NoticeCategory
  pinned: boolean
  /** Pin for this many days from the publish time, counted when sending (so a later publish time moves it too). */
  pinDays?: number
  /** ISO: the pin end a saved notice already has. Neither this nor pinDays: pinned until unpinned by hand. */
  pinnedUntil?: string
  audienceKind: 'all' | 'units'
  unitIds: string[]
  timing: 'now' | 'scheduled'
  /** ISO; used when timing is scheduled, or kept as is when editing. */
  publishAt?: string
  /** 同时发送消息提醒: publishing tells the audience (an edit never does). */
  notify: boolean
}

export const emptyNoticeForm = (): NoticeForm => ({
  title: '',
  body: '',
  category: 'notice',
  pinned: false,
  audienceKind: 'all',
  unitIds: [],
  timing: 'now',
  notify: false,
})

export function formFromDraft(draft: NoticeDraft): NoticeForm {
  return {
    title: draft.title,
    body: draft.body,
    category: draft.category,
    pinned: draft.pinned,
    pinnedUntil: draft.pinnedUntil,
    audienceKind: draft.audience.kind,
    unitIds: draft.audience.kind === 'units' ? draft.audience.unitIds : [],
    timing: draft.state === 'scheduled' ? 'scheduled' : 'now',
    publishAt: draft.publishAt,
    notify: false,
  }
}

const DAY_MS = 86_400_000

/** When the pin ends, if it does. */
function pinEnd(form: NoticeForm, now: Date): string | undefined {
  if (!form.pinned) return undefined
  if (form.pinDays === undefined) return form.pinnedUntil
  const from = form.timing === 'scheduled' && form.publishAt ? Date.parse(form.publishAt) : now.getTime()
  return new Date(from + form.pinDays * DAY_MS).toISOString()
}

export function toNoticeInput(form: NoticeForm, editing: boolean, now: Date = new Date()): NoticeInput {
  const publishAt = form.timing === 'scheduled' || editing ? form.publishAt : undefined
  const pinnedUntil = pinEnd(form, now)
  return {
    title: form.title,
    body: form.body,
    category: form.category,
    pinned: form.pinned,
    ...(pinnedUntil ? { pinnedUntil } : {}),
    audience: form.audienceKind === 'all' ? { kind: 'all' } : { kind: 'units', unitIds: form.unitIds },
    ...(publishAt ? { publishAt } : {}),
  }
}

/** The same schema the function validates with, so the form says the same thing before sending. */
export function checkNoticeForm(form: NoticeForm, editing: boolean): FormCheck<NoticeInput> {
  if (form.timing === 'scheduled' && !form.publishAt) {
    return { ok: false, message: '请选择定时发布的时间', fields: { publishAt: '请选择定时发布的时间' } }
  }
  return schemaCheck(NoticeInputSchema, toNoticeInput(form, editing))
}

/** The date-time picker's columns [year, month, day, hour, minute], read as Shanghai wall time, as an ISO instant. */
export function fromPickerValues(values: readonly unknown[]): string | undefined {
  const [y, mo, d, h, mi] = values.map((part) => String(part).padStart(2, '0'))
  return fromShanghaiInput(`${y}-${mo}-${d} ${h}:${mi}`)
}

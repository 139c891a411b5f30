import * as v from 'valibot'
import {
  checkNoticeForm,
  emptyNoticeForm,
  formFromDraft,
  fromPickerValues,
  toNoticeInput,
  type NoticeForm,
} from '../../src/admin/notices/noticeForm'
import { NoticeInputSchema, TITLE_MAX, type NoticeDraft } from '../../types/notices'
import { describeIssues } from '../../types/validation'

const LATER = '2026-12-01T02:00:00.000Z'
const PIN_END = '2026-12-08T02:00:00.000Z'

function form(overrides: Partial<NoticeForm> = {}): NoticeForm {
  return { ...emptyNoticeForm(), title: '关于举办教职工气排球比赛的通知', body: '请各分工会组队报名。', ...overrides }
}

function draft(overrides: Partial<NoticeDraft> = {}): NoticeDraft {
  return {
    id: 'n1',
    title: '工会会员福利发放',
    body: '## 领取方式\n\n凭工作证领取。',
    category: 'benefit',
    pinned: true,
    pinnedUntil: PIN_END,
    audience: { kind: 'units', unitIds: ['u1', 'u2'] },
    publishAt: LATER,
    state: 'scheduled',
    ...overrides,
  }
}

/** What the notices function answers for the same input: its schema, described the same way. */
function serverSays(input: unknown) {
  const parsed = v.safeParse(NoticeInputSchema, input)
  if (parsed.success) throw new Error('the server schema accepted the input')
  return describeIssues(parsed.issues)
}

describe('emptyNoticeForm', () => {
  it('starts blank: a notice for everyone, published now, not pinned, telling nobody unless asked', () => {
    expect(emptyNoticeForm()).toEqual({
      title: '',
      body: '',
      category: 'notice',
      pinned: false,
      audienceKind: 'all',
      unitIds: [],
      timing: 'now',
      notify: false,
    })
  })

  it('gives a fresh form each time', () => {
    const first = emptyNoticeForm()
    first.unitIds.push('u1')
    first.title = '改过'
    expect(emptyNoticeForm().unitIds).toEqual([])
    expect(emptyNoticeForm().title).toBe('')
  })
})

describe('formFromDraft', () => {
  it('fills the form from a scheduled notice for some units', () => {
    expect(formFromDraft(draft())).toEqual({
      title: '工会会员福利发放',
      body: '## 领取方式\n\n凭工作证领取。',
      category: 'benefit',
      pinned: true,
      pinnedUntil: PIN_END,
      audienceKind: 'units',
      unitIds: ['u1', 'u2'],
      timing: 'scheduled',
      publishAt: LATER,
      // Editing never tells anyone again.
      notify: false,
    })
  })

  it('takes a published notice as "now", keeping its time', () => {
    const filled = formFromDraft(draft({ state: 'published', publishAt: '2026-01-01T00:00:00.000Z' }))
    expect(filled.timing).toBe('now')
    expect(filled.publishAt).toBe('2026-01-01T00:00:00.000Z')
  })

  it('has no units for a notice to everyone', () => {
    const filled = formFromDraft(draft({ audience: { kind: 'all' } }))
    expect(filled.audienceKind).toBe('all')
    expect(filled.unitIds).toEqual([])
  })

  it('has no pin end for a notice pinned until unpinned by hand', () => {
    expect(formFromDraft(draft({ pinnedUntil: undefined })).pinnedUntil).toBeUndefined()
  })
})

describe('toNoticeInput', () => {
  it('sends a new notice to everyone, now, with no optional fields', () => {
    expect(toNoticeInput(form(), false)).toEqual({
      title: '关于举办教职工气排球比赛的通知',
      body: '请各分工会组队报名。',
      category: 'notice',
      pinned: false,
      audience: { kind: 'all' },
    })
  })

  it('leaves publishAt out of a new notice published now, even if a time was picked', () => {
    const input = toNoticeInput(form({ timing: 'now', publishAt: LATER }), false)
    expect(input).not.toHaveProperty('publishAt')
  })

  it('sends publishAt for a scheduled notice', () => {
    expect(toNoticeInput(form({ timing: 'scheduled', publishAt: LATER }), false).publishAt).toBe(LATER)
  })

  it('keeps the time of a notice being edited, whatever the timing', () => {
    expect(toNoticeInput(form({ timing: 'now', publishAt: LATER }), true).publishAt).toBe(LATER)
    expect(toNoticeInput(form({ timing: 'scheduled', publishAt: LATER }), true).publishAt).toBe(LATER)
  })

  it('leaves publishAt out when there is no time, scheduled or editing', () => {
    expect(toNoticeInput(form({ timing: 'scheduled' }), false)).not.toHaveProperty('publishAt')
    expect(toNoticeInput(form({ timing: 'now' }), true)).not.toHaveProperty('publishAt')
  })

  it('counts pin days from the publish time when sending, so a later publish time moves the pin end too', () => {
    const now = new Date('2026-11-20T02:00:00.000Z')
    expect(toNoticeInput(form({ pinned: true, pinDays: 7, pinnedUntil: undefined }), false, now).pinnedUntil).toBe('2026-11-27T02:00:00.000Z')
    const scheduled = form({ pinned: true, pinDays: 7, timing: 'scheduled', publishAt: '2026-12-01T00:00:00.000Z' })
    expect(toNoticeInput(scheduled, false, now).pinnedUntil).toBe('2026-12-08T00:00:00.000Z')
    expect(toNoticeInput(form({ pinned: false, pinDays: 7 }), false, now)).not.toHaveProperty('pinnedUntil')
  })

  it('sends pinnedUntil only for a pinned notice', () => {
    expect(toNoticeInput(form({ pinned: true, pinnedUntil: PIN_END }), false).pinnedUntil).toBe(PIN_END)
    expect(toNoticeInput(form({ pinned: false, pinnedUntil: PIN_END }), false)).not.toHaveProperty('pinnedUntil')
    expect(toNoticeInput(form({ pinned: true }), false)).not.toHaveProperty('pinnedUntil')
  })

  it('sends the chosen units for a targeted notice', () => {
    expect(toNoticeInput(form({ audienceKind: 'units', unitIds: ['u1', 'u3'] }), false).audience).toEqual({ kind: 'units', unitIds: ['u1', 'u3'] })
  })

  it('drops chosen units when the notice goes to everyone', () => {
    expect(toNoticeInput(form({ audienceKind: 'all', unitIds: ['u1'] }), false).audience).toEqual({ kind: 'all' })
  })

  it('turns a draft back into what it was', () => {
    const input = toNoticeInput(formFromDraft(draft()), true)
    expect(input).toEqual({
      title: '工会会员福利发放',
      body: '## 领取方式\n\n凭工作证领取。',
      category: 'benefit',
      pinned: true,
      pinnedUntil: PIN_END,
      audience: { kind: 'units', unitIds: ['u1', 'u2'] },
      publishAt: LATER,
    })
    expect(v.safeParse(NoticeInputSchema, input).success).toBe(true)
  })
})

describe('checkNoticeForm', () => {
  it('accepts a complete form and gives the parsed input, trimmed', () => {
    const check = checkNoticeForm(form({ title: '  标题  ', body: '\n正文\n' }), false)
    expect(check).toEqual({
      ok: true,
      input: { title: '标题', body: '正文', category: 'notice', pinned: false, audience: { kind: 'all' } },
    })
  })

  it.each([
    ['empty', ''],
    ['blank', '   '],
  ])('asks for a title when it is %s, as the server does', (_, title) => {
    const check = checkNoticeForm(form({ title }), false)
    expect(check).toEqual({ ok: false, message: '请填写标题', fields: { title: '请填写标题' } })
    expect(check).toEqual({ ok: false, ...serverSays(toNoticeInput(form({ title }), false)) })
  })

  it('refuses a title over the limit, as the server does', () => {
    const title = '长'.repeat(TITLE_MAX + 1)
    const check = checkNoticeForm(form({ title }), false)
    expect(check).toEqual({ ok: false, message: `标题不能超过 ${TITLE_MAX} 个字`, fields: { title: `标题不能超过 ${TITLE_MAX} 个字` } })
    expect(check).toEqual({ ok: false, ...serverSays(toNoticeInput(form({ title }), false)) })
  })

  it('accepts a title of exactly the limit', () => {
    expect(checkNoticeForm(form({ title: '长'.repeat(TITLE_MAX) }), false).ok).toBe(true)
  })

  it('asks for at least one unit when targeting units, as the server does', () => {
    const chosen = form({ audienceKind: 'units', unitIds: [] })
    const check = checkNoticeForm(chosen, false)
    expect(check).toEqual({ ok: false, message: '请至少选择一个分工会', fields: { 'audience.unitIds': '请至少选择一个分工会' } })
    expect(check).toEqual({ ok: false, ...serverSays(toNoticeInput(chosen, false)) })
  })

  it('asks for a body, as the server does', () => {
    const check = checkNoticeForm(form({ body: ' ' }), false)
    expect(check).toEqual({ ok: false, message: '请填写正文', fields: { body: '请填写正文' } })
    expect(check).toEqual({ ok: false, ...serverSays(toNoticeInput(form({ body: ' ' }), false)) })
  })

  it('asks for a time when scheduling without one, before anything else', () => {
    const check = checkNoticeForm(form({ title: '', timing: 'scheduled' }), false)
    expect(check).toEqual({ ok: false, message: '请选择定时发布的时间', fields: { publishAt: '请选择定时发布的时间' } })
    expect(checkNoticeForm(form({ timing: 'scheduled' }), true)).toEqual(check)
  })

  it('accepts a scheduled notice with its time', () => {
    const check = checkNoticeForm(form({ timing: 'scheduled', publishAt: LATER }), false)
    expect(check.ok && check.input.publishAt).toBe(LATER)
  })

  it('reports the first problem as the message and each field once', () => {
    const check = checkNoticeForm(form({ title: '', body: '', audienceKind: 'units', unitIds: [] }), false)
    expect(check).toEqual({
      ok: false,
      message: '请填写标题',
      fields: { title: '请填写标题', body: '请填写正文', 'audience.unitIds': '请至少选择一个分工会' },
    })
  })
})

describe('fromPickerValues', () => {
  it('reads the picker columns as Shanghai wall time', () => {
    expect(fromPickerValues(['2026', '12', '1', '9', '5'])).toBe('2026-12-01T01:05:00.000Z')
    expect(fromPickerValues([2026, 2, 30, 9, 0])).toBeUndefined()
  })
})

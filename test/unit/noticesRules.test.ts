/** The pure rules of notices: state, visibility, the fields a notice input turns into, and summaries. */
import type { NoticeDoc } from '../../cloudfunctions/core/collections'
import { MAX_SCHEDULE_DAYS } from '../../types/notices'
import {
  countsAsRead,
  expiredPinFilter,
  isVisibleTo,
  noticeFields,
  noticeState,
  readId,
  stateFilter,
  toAdminRow,
  toDetail,
  toDraft,
  toSummary,
  unreadCandidatesFilter,
  visibleFilter,
} from '../../cloudfunctions/notices/rules'
import type { NoticeInput } from '../../types/notices'

const NOW = new Date('2026-11-20T02:00:00.000Z')
const MINUTE = 60_000
const DAY = 86_400_000
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString()

function notice(overrides: Partial<NoticeDoc> = {}): NoticeDoc {
  return {
    _id: 'n1',
    title: '标题',
    body: '正文',
    category: 'notice',
    pinned: false,
    audience: { kind: 'all' },
    publishAt: at(-DAY),
    withdrawn: false,
    createdBy: 'm0001',
    createdAt: at(-DAY),
    updatedBy: 'm0001',
    updatedAt: at(-DAY),
    ...overrides,
  }
}

function input(overrides: Partial<NoticeInput> = {}): NoticeInput {
  return { title: '标题', body: '正文', category: 'event', pinned: false, audience: { kind: 'all' }, ...overrides }
}

describe('noticeState', () => {
  it('is withdrawn when withdrawn, whatever its time', () => {
    expect(noticeState({ withdrawn: true, publishAt: at(DAY) }, NOW)).toBe('withdrawn')
    expect(noticeState({ withdrawn: true, publishAt: at(-DAY) }, NOW)).toBe('withdrawn')
  })

  it('is scheduled before its time and published from its time on', () => {
    expect(noticeState({ withdrawn: false, publishAt: at(1) }, NOW)).toBe('scheduled')
    expect(noticeState({ withdrawn: false, publishAt: at(0) }, NOW)).toBe('published')
    expect(noticeState({ withdrawn: false, publishAt: at(-1) }, NOW)).toBe('published')
  })
})

describe('stateFilter and visibleFilter', () => {
  it('filter each state the way noticeState names it', () => {
    expect(stateFilter('withdrawn', NOW)).toEqual({ withdrawn: true })
    expect(stateFilter('published', NOW)).toEqual({ withdrawn: false, publishAt: { $lte: NOW.toISOString() } })
    expect(stateFilter('scheduled', NOW)).toEqual({ withdrawn: false, publishAt: { $gt: NOW.toISOString() } })
  })

  it('visible: published, and for everyone or for the member’s unit', () => {
    expect(visibleFilter('unit03', NOW)).toEqual({
      withdrawn: false,
      publishAt: { $lte: NOW.toISOString() },
      $or: [{ 'audience.kind': 'all' }, { 'audience.unitIds': 'unit03' }],
    })
  })

  it('expired pins: pinned with a pinnedUntil at or before now', () => {
    expect(expiredPinFilter(NOW)).toEqual({ pinned: true, pinnedUntil: { $lte: NOW.toISOString() } })
  })
})

describe('isVisibleTo', () => {
  it('shows a published notice for everyone to any unit', () => {
    expect(isVisibleTo(notice(), 'unit07', NOW)).toBe(true)
  })

  it('shows a targeted notice only to the units it names', () => {
    const targeted = notice({ audience: { kind: 'units', unitIds: ['unit01', 'unit20'] } })
    expect(isVisibleTo(targeted, 'unit20', NOW)).toBe(true)
    expect(isVisibleTo(targeted, 'unit02', NOW)).toBe(false)
  })

  it('hides scheduled and withdrawn notices from everyone', () => {
    expect(isVisibleTo(notice({ publishAt: at(MINUTE) }), 'unit01', NOW)).toBe(false)
    expect(isVisibleTo(notice({ withdrawn: true }), 'unit01', NOW)).toBe(false)
    expect(isVisibleTo(notice({ publishAt: at(MINUTE) }), 'unit01', new Date(NOW.getTime() + MINUTE))).toBe(true)
  })
})

describe('noticeFields', () => {
  const ok = (result: ReturnType<typeof noticeFields>) => {
    if (!result.ok) throw new Error(`refused: ${result.field} ${result.message}`)
    return result.value
  }

  it('publishes a new notice without a time now', () => {
    expect(ok(noticeFields(input(), NOW))).toEqual({
      title: '标题',
      body: '正文',
      category: 'event',
      pinned: false,
      audience: { kind: 'all' },
      publishAt: NOW.toISOString(),
    })
  })

  it('keeps an existing notice’s time when none is given, even a past one', () => {
    const existing = notice({ publishAt: at(-30 * DAY) })
    expect(ok(noticeFields(input(), NOW, existing)).publishAt).toBe(at(-30 * DAY))
    expect(ok(noticeFields(input({ publishAt: at(-30 * DAY) }), NOW, existing)).publishAt).toBe(at(-30 * DAY))
  })

  it('refuses a changed time in the past, beyond a few minutes of clock drift', () => {
    expect(ok(noticeFields(input({ publishAt: at(-4 * MINUTE) }), NOW)).publishAt).toBe(at(-4 * MINUTE))
    expect(noticeFields(input({ publishAt: at(-6 * MINUTE) }), NOW)).toEqual({
      ok: false,
      field: 'publishAt',
      message: '发布时间不能早于现在；立即发布请不填时间',
    })
    expect(noticeFields(input({ publishAt: at(-DAY) }), NOW, notice({ publishAt: at(-2 * DAY) }))).toMatchObject({
      ok: false,
      field: 'publishAt',
    })
  })

  it(`schedules up to ${MAX_SCHEDULE_DAYS} days ahead, not further`, () => {
    expect(ok(noticeFields(input({ publishAt: at(MAX_SCHEDULE_DAYS * DAY) }), NOW)).publishAt).toBe(at(MAX_SCHEDULE_DAYS * DAY))
    expect(noticeFields(input({ publishAt: at(MAX_SCHEDULE_DAYS * DAY + MINUTE) }), NOW)).toEqual({
      ok: false,
      field: 'publishAt',
      message: `定时发布最多提前 ${MAX_SCHEDULE_DAYS} 天`,
    })
  })

  it('stores times as UTC ISO strings, whatever offset they were given in', () => {
    const value = ok(noticeFields(input({ publishAt: '2026-11-21T10:30:00+08:00', pinned: true, pinnedUntil: '2026-11-22T08:00:00+08:00' }), NOW))
    expect(value.publishAt).toBe('2026-11-21T02:30:00.000Z')
    expect(value.pinnedUntil).toBe('2026-11-22T00:00:00.000Z')
  })

  it('compares pinnedUntil with the publish time as moments, not as text', () => {
    // 09:00+08:00 is 01:00Z, before the publish time 02:30Z although it sorts after it as text.
    expect(
      noticeFields(input({ publishAt: '2026-11-21T02:30:00.000Z', pinned: true, pinnedUntil: '2026-11-21T09:00:00+08:00' }), NOW),
    ).toMatchObject({ ok: false, field: 'pinnedUntil' })
  })

  it('refuses a time that names no moment', () => {
    expect(noticeFields(input({ publishAt: '2026-11-21T10:30:00+08' }), NOW)).toMatchObject({ ok: false, field: 'publishAt' })
    expect(noticeFields(input({ pinned: true, pinnedUntil: 'soon' }), NOW)).toMatchObject({ ok: false, field: 'pinnedUntil' })
  })

  it('refuses a pin end already past when editing an old notice', () => {
    const existing = notice({ publishAt: at(-30 * DAY) })
    expect(noticeFields(input({ pinned: true, pinnedUntil: at(-DAY) }), NOW, existing)).toEqual({
      ok: false,
      field: 'pinnedUntil',
      message: '置顶期限已过，请重新选择',
    })
    expect(ok(noticeFields(input({ pinned: true, pinnedUntil: at(DAY) }), NOW, existing)).pinnedUntil).toBe(at(DAY))
  })

  it('keeps pinnedUntil only on a pinned notice, after its publish time', () => {
    expect(ok(noticeFields(input({ pinned: true, pinnedUntil: at(DAY) }), NOW)).pinnedUntil).toBe(at(DAY))
    expect(noticeFields(input({ pinned: false, pinnedUntil: at(DAY) }), NOW)).toEqual({
      ok: false,
      field: 'pinnedUntil',
      message: '未置顶的通知不需要置顶期限',
    })
    expect(noticeFields(input({ pinned: true, pinnedUntil: NOW.toISOString() }), NOW)).toEqual({
      ok: false,
      field: 'pinnedUntil',
      message: '置顶期限须晚于发布时间',
    })
    expect(noticeFields(input({ pinned: true, publishAt: at(2 * DAY), pinnedUntil: at(DAY) }), NOW)).toMatchObject({
      ok: false,
      field: 'pinnedUntil',
    })
    expect(ok(noticeFields(input({ pinned: true }), NOW))).not.toHaveProperty('pinnedUntil')
  })

  it('stores each targeted unit once, in the order first given', () => {
    const value = ok(noticeFields(input({ audience: { kind: 'units', unitIds: ['unit05', 'unit01', 'unit05', 'unit01', 'unit09'] } }), NOW))
    expect(value.audience).toEqual({ kind: 'units', unitIds: ['unit05', 'unit01', 'unit09'] })
  })
})

describe('toSummary and the other views', () => {
  it('summarises a notice with a plain-text excerpt of its markup', () => {
    const body = '各分工会：\n## 一、时间\n- 12月6日\n- 12月7日\n请于**11月30日前**报名。'
    expect(toSummary(notice({ body, pinned: true }), true)).toEqual({
      id: 'n1',
      title: '标题',
      category: 'notice',
      pinned: true,
      publishAt: at(-DAY),
      excerpt: '各分工会：一、时间 12月6日；12月7日 请于11月30日前报名。',
      read: true,
    })
  })

  it('cuts a long excerpt to 80 characters with an ellipsis', () => {
    const summary = toSummary(notice({ body: '长'.repeat(200) }), false)
    expect(summary.excerpt).toHaveLength(80)
    expect(summary.excerpt.endsWith('…')).toBe(true)
    expect(toSummary(notice({ body: '短'.repeat(80) }), false).excerpt).toBe('短'.repeat(80))
  })

  it('answers details with unit names, admin rows with state and reads, drafts with pinnedUntil when set', () => {
    const targeted = notice({ audience: { kind: 'units', unitIds: ['unit01'] }, pinned: true, pinnedUntil: at(DAY) })
    expect(toDetail(targeted, ['机关第一分工会'])).toMatchObject({ id: 'n1', body: '正文', audienceUnitNames: ['机关第一分工会'] })
    expect(toAdminRow(notice({ withdrawn: true }), NOW, 7)).toMatchObject({ state: 'withdrawn', readCount: 7 })
    expect(toDraft(targeted, NOW)).toMatchObject({ pinnedUntil: at(DAY), state: 'published' })
    expect(toDraft(notice(), NOW)).not.toHaveProperty('pinnedUntil')
  })

  it('names a read by notice and member', () => {
    expect(readId('n1', 'm0001')).toBe('n1:m0001')
    expect(readId('a_b', 'c')).not.toBe(readId('a', 'b_c'))
  })
})

describe('unread window', () => {
  it('counts a notice as read when marked, or when published more than 30 days ago', () => {
    const reads = new Set(['marked'])
    expect(countsAsRead({ _id: 'marked', publishAt: at(-DAY) }, reads, NOW)).toBe(true)
    expect(countsAsRead({ _id: 'fresh', publishAt: at(-29 * DAY) }, reads, NOW)).toBe(false)
    expect(countsAsRead({ _id: 'old', publishAt: at(-31 * DAY) }, reads, NOW)).toBe(true)
  })

  it('looks for unread notices among those visible and published in the last 30 days', () => {
    expect(unreadCandidatesFilter('unit02', NOW)).toEqual({
      ...visibleFilter('unit02', NOW),
      publishAt: { $gte: at(-30 * DAY), $lte: NOW.toISOString() },
    })
  })
})

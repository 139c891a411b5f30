/** Pure rules of notices: no I/O, no clock; `now` is passed in. */
import type { NoticeDoc } from '../core/collections'
import type { Filter } from '../core/store/port'
import { toPlainText } from '../../types/richText'
import { toShanghaiInput } from '../../types/time'
import { MAX_SCHEDULE_DAYS, NOTICE_CATEGORY_LABELS, type AdminNoticeRow, type NoticeDetail, type NoticeDraft, type NoticeInput, type NoticeState, type NoticeSummary } from '../../types/notices'

/** Clock drift tolerated between a phone and the server when "now" is sent back. */
const DRIFT_MS = 5 * 60_000
const DAY_MS = 86_400_000

export function noticeState(notice: Pick<NoticeDoc, 'withdrawn' | 'publishAt'>, now: Date): NoticeState {
  if (notice.withdrawn) return 'withdrawn'
  return notice.publishAt > now.toISOString() ? 'scheduled' : 'published'
}

export function stateFilter(state: NoticeState, now: Date): Filter {
  const nowIso = now.toISOString()
  if (state === 'withdrawn') return { withdrawn: true }
  return { withdrawn: false, publishAt: state === 'published' ? { $lte: nowIso } : { $gt: nowIso } }
}

/** The notices a member of `unitId` may see at `now`. */
export function visibleFilter(unitId: string, now: Date): Filter {
  return {
    ...stateFilter('published', now),
    $or: [{ 'audience.kind': 'all' }, { 'audience.unitIds': unitId }],
  }
}

/**
 * Notices published longer ago than this count as read: a member who joins (or binds) today does not start with
 * the union's whole archive unread.
 */
export const UNREAD_WINDOW_DAYS = 30

function unreadSince(now: Date): string {
  return new Date(now.getTime() - UNREAD_WINDOW_DAYS * DAY_MS).toISOString()
}

/** The visible notices that can still be unread. */
export function unreadCandidatesFilter(unitId: string, now: Date): Filter {
  return { ...visibleFilter(unitId, now), publishAt: { $gte: unreadSince(now), $lte: now.toISOString() } }
}

export function countsAsRead(notice: Pick<NoticeDoc, '_id' | 'publishAt'>, readIds: Set<string>, now: Date): boolean {
  return readIds.has(notice._id) || notice.publishAt < unreadSince(now)
}

export function isVisibleTo(notice: NoticeDoc, unitId: string, now: Date): boolean {
  if (noticeState(notice, now) !== 'published') return false
  return notice.audience.kind === 'all' || notice.audience.unitIds.includes(unitId)
}

export type RuleResult<T> = { ok: true; value: T } | { ok: false; field: string; message: string }

export interface NoticeFields {
  title: string
  body: string
  category: NoticeDoc['category']
  pinned: boolean
  pinnedUntil?: string
  audience: NoticeDoc['audience']
  publishAt: string
}

/** A timestamp as the store keeps times (UTC, milliseconds) so it compares as text; null if it names no moment. */
function toStoredTime(text: string): string | null {
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? null : new Date(ms).toISOString()
}

/**
 * Turns validated input into stored fields. A new notice without a time is published now; a time may not lie in
 * the past (unless it is the notice's unchanged time) nor more than MAX_SCHEDULE_DAYS ahead.
 */
export function noticeFields(input: NoticeInput, now: Date, existing?: NoticeDoc): RuleResult<NoticeFields> {
  const givenAt = input.publishAt === undefined ? undefined : toStoredTime(input.publishAt)
  if (givenAt === null) return { ok: false, field: 'publishAt', message: '发布时间格式不正确' }
  const pinnedUntil = input.pinnedUntil === undefined ? undefined : toStoredTime(input.pinnedUntil)
  if (pinnedUntil === null) return { ok: false, field: 'pinnedUntil', message: '置顶期限格式不正确' }
  const publishAt = givenAt ?? existing?.publishAt ?? now.toISOString()
  const unchanged = existing !== undefined && publishAt === existing.publishAt
  if (!unchanged && Date.parse(publishAt) < now.getTime() - DRIFT_MS) {
    return { ok: false, field: 'publishAt', message: '发布时间不能早于现在；立即发布请不填时间' }
  }
  if (Date.parse(publishAt) > now.getTime() + MAX_SCHEDULE_DAYS * DAY_MS) {
    return { ok: false, field: 'publishAt', message: `定时发布最多提前 ${MAX_SCHEDULE_DAYS} 天` }
  }
  if (pinnedUntil !== undefined) {
    if (!input.pinned) return { ok: false, field: 'pinnedUntil', message: '未置顶的通知不需要置顶期限' }
    if (pinnedUntil <= publishAt) return { ok: false, field: 'pinnedUntil', message: '置顶期限须晚于发布时间' }
    if (pinnedUntil <= now.toISOString()) return { ok: false, field: 'pinnedUntil', message: '置顶期限已过，请重新选择' }
  }
  const audience =
    input.audience.kind === 'all' ? input.audience : { kind: 'units' as const, unitIds: [...new Set(input.audience.unitIds)] }
  return {
    ok: true,
    value: {
      title: input.title,
      body: input.body,
      category: input.category,
      pinned: input.pinned,
      ...(input.pinned && pinnedUntil ? { pinnedUntil } : {}),
      audience,
      publishAt,
    },
  }
}

/** Pinned notices whose pin has run out. */
export function expiredPinFilter(now: Date): Filter {
  return { pinned: true, pinnedUntil: { $lte: now.toISOString() } }
}

/** What every view of a notice starts from. */
function headline(notice: NoticeDoc) {
  return {
    id: notice._id,
    title: notice.title,
    category: notice.category,
    pinned: notice.pinned,
    publishAt: notice.publishAt,
  }
}

export function toSummary(notice: NoticeDoc, read: boolean): NoticeSummary {
  return { ...headline(notice), excerpt: toPlainText(notice.body), read }
}

export function toDetail(notice: NoticeDoc, unitNames: string[]): NoticeDetail {
  return { ...headline(notice), body: notice.body, audienceUnitNames: unitNames }
}

export function toAdminRow(notice: NoticeDoc, now: Date, readCount: number): AdminNoticeRow {
  return { ...headline(notice), state: noticeState(notice, now), audience: notice.audience, readCount }
}

export function toDraft(notice: NoticeDoc, now: Date): NoticeDraft {
  return {
    ...headline(notice),
    body: notice.body,
    ...(notice.pinnedUntil ? { pinnedUntil: notice.pinnedUntil } : {}),
    audience: notice.audience,
    state: noticeState(notice, now),
  }
}

/** One read mark per member and notice; ":" never occurs in ids, so no two pairs share a mark. */
export function readId(noticeId: string, memberId: string): string {
  return `${noticeId}:${memberId}`
}

/** A notice as the audit log keeps it: readable fields, as they were at the time. */
export function auditFields(notice: Omit<NoticeFields, 'pinnedUntil'> & { pinnedUntil?: string }, unitNames: Map<string, string>) {
  return {
    标题: notice.title,
    栏目: NOTICE_CATEGORY_LABELS[notice.category],
    置顶: notice.pinned ? (notice.pinnedUntil ? `至 ${toShanghaiInput(notice.pinnedUntil)}` : '长期') : '否',
    发布范围:
      notice.audience.kind === 'all' ? '全体会员' : notice.audience.unitIds.map((id) => unitNames.get(id) ?? id).join('、'),
    发布时间: toShanghaiInput(notice.publishAt),
    正文: notice.body,
  }
}

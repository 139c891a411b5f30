import * as v from 'valibot'
import { EmptySchema } from '../../types/common'
import {
  AdminNoticeListSchema,
  NoticeIdSchema,
  NoticeInputSchema,
  NoticeListSchema,
  NoticeUpdateSchema,
  NOTICE_STATE_LABELS,
  type NoticeInput,
  type NoticesApi,
} from '../../types/notices'
import type { MemberDoc, NoticeDoc } from '../core/collections'
import { recordAudit } from '../core/audit'
import { action, defineFunction } from '../core/defineFunction'
import { mustGet, pageOf } from '../core/queries'
import { unitNames } from '../core/units'
import { AppError, notFound } from '../core/errors'
import { DuplicateKeyError, type Store, type Update } from '../core/store/port'
import {
  auditFields,
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
} from './rules'

const NEWEST_FIRST = { pinned: -1, publishAt: -1 } as const
const HOME_PINNED = 3
const HOME_RECENT = 5

/** Summaries of `notices` with each one's read mark for `member`. */
async function summaries(store: Store, member: MemberDoc, notices: NoticeDoc[], now: Date) {
  const reads = notices.length
    ? await store.find('noticeReads', { memberId: member._id, noticeId: { $in: notices.map((n) => n._id) } })
    : []
  const readIds = new Set(reads.map((r) => r.noticeId))
  return notices.map((notice) => toSummary(notice, countsAsRead(notice, readIds, now)))
}

/** Validates the rule-level facts of an input (times, units) and returns the fields to store. */
async function checkedFields(store: Store, input: NoticeInput, now: Date, existing?: NoticeDoc) {
  const result = noticeFields(input, now, existing)
  if (!result.ok) throw new AppError('INVALID_INPUT', result.message, { [result.field]: result.message })
  const { audience } = result.value
  if (audience.kind === 'units') {
    const found = await store.count('units', { _id: { $in: audience.unitIds } })
    if (found !== audience.unitIds.length) {
      throw new AppError('INVALID_INPUT', '所选分工会有的已不存在，请重新选择', { audience: '所选分工会有的已不存在' })
    }
  }
  return result.value
}

const withdrawnConflict = () => new AppError('CONFLICT', '这条通知已撤回，不能再修改')

async function editable(store: Store, id: string) {
  const notice = await mustGet(store, 'notices', id, '通知')
  if (notice.withdrawn) throw withdrawnConflict()
  return notice
}

/**
 * Writes to a notice that is still live, in one guarded claim; one withdrawn in the meantime is a conflict, never a
 * silent no-op. A claim that answers false either met a withdrawn (or deleted) notice or had nothing to change.
 */
async function updateLive(store: Store, id: string, update: Update) {
  if (await store.claim('notices', id, { withdrawn: false }, update)) return
  const notice = await mustGet(store, 'notices', id, '通知')
  if (notice.withdrawn) throw withdrawnConflict()
}

export const noticesFunction = defineFunction<NoticesApi>(
  'notices',
  {
    home: action({
      allow: 'member',
      input: EmptySchema,
      async handle(_input, { store, now, member }) {
        const visible = visibleFilter(member.unitId, now)
        const [pinned, recent, ids] = await Promise.all([
          store.find('notices', { ...visible, pinned: true }, { sort: { publishAt: -1 }, limit: HOME_PINNED }),
          store.find('notices', { ...visible, pinned: false }, { sort: { publishAt: -1 }, limit: HOME_RECENT }),
          store.find('notices', unreadCandidatesFilter(member.unitId, now), { fields: ['_id'] }),
        ])
        const readCount = ids.length
          ? await store.count('noticeReads', { memberId: member._id, noticeId: { $in: ids.map((n) => n._id) } })
          : 0
        return {
          pinned: await summaries(store, member, pinned, now),
          recent: await summaries(store, member, recent, now),
          unreadCount: ids.length - readCount,
        }
      },
    }),

    list: action({
      allow: 'member',
      input: NoticeListSchema,
      async handle({ category, offset, limit }, { store, now, member }) {
        const filter = { ...visibleFilter(member.unitId, now), ...(category ? { category } : {}) }
        const found = await store.find('notices', filter, { sort: NEWEST_FIRST, skip: offset, limit: limit + 1 })
        return pageOf(await summaries(store, member, found, now), limit)
      },
    }),

    detail: action({
      allow: 'member',
      input: NoticeIdSchema,
      async handle({ id }, { store, now, member }) {
        const notice = await store.get('notices', id)
        // A notice the member may not see answers exactly like a missing one.
        if (!notice || !isVisibleTo(notice, member.unitId, now)) throw notFound('通知')
        try {
          await store.insert('noticeReads', {
            _id: readId(notice._id, member._id),
            noticeId: notice._id,
            memberId: member._id,
            readAt: now.toISOString(),
          })
        } catch (error) {
          if (!(error instanceof DuplicateKeyError)) throw error
        }
        const units = notice.audience.kind === 'units' ? await store.find('units', { _id: { $in: notice.audience.unitIds } }, { sort: { order: 1 } }) : []
        return toDetail(notice, units.map((unit) => unit.name))
      },
    }),

    adminList: action({
      allow: 'unionOffice',
      input: AdminNoticeListSchema,
      async handle({ state, offset, limit }, { store, now }) {
        const found = await store.find('notices', state ? stateFilter(state, now) : {}, {
          sort: { publishAt: -1 },
          skip: offset,
          limit: limit + 1,
        })
        const rows = await Promise.all(
          found.map(async (notice) => toAdminRow(notice, now, await store.count('noticeReads', { noticeId: notice._id }))),
        )
        return pageOf(rows, limit)
      },
    }),

    adminGet: action({
      allow: 'unionOffice',
      input: NoticeIdSchema,
      async handle({ id }, { store, now }) {
        return toDraft(await mustGet(store, 'notices', id, '通知'), now)
      },
    }),

    publish: action({
      allow: 'unionOffice',
      input: NoticeInputSchema,
      async handle(input, { store, now, member }) {
        const fields = await checkedFields(store, input, now)
        const at = now.toISOString()
        const id = await store.insert('notices', {
          ...fields,
          withdrawn: false,
          createdBy: member._id,
          createdAt: at,
          updatedBy: member._id,
          updatedAt: at,
        })
        await recordAudit(store, member, now, {
          action: 'notices.publish',
          targetType: 'notice',
          targetId: id,
          target: fields.title,
          after: auditFields(fields, await unitNames(store)),
        })
        return { id }
      },
    }),

    update: action({
      allow: 'unionOffice',
      input: NoticeUpdateSchema,
      async handle({ id, notice: input }, { store, now, member }) {
        const existing = await editable(store, id)
        const fields = await checkedFields(store, input, now, existing)
        const unset = fields.pinnedUntil === undefined && existing.pinnedUntil !== undefined
        await updateLive(store, id, {
          $set: { ...fields, updatedBy: member._id, updatedAt: now.toISOString() },
          ...(unset ? { $unset: { pinnedUntil: true as const } } : {}),
        })
        const units = await unitNames(store)
        await recordAudit(store, member, now, {
          action: 'notices.update',
          targetType: 'notice',
          targetId: id,
          target: fields.title,
          before: auditFields(existing, units),
          after: auditFields(fields, units),
        })
        return { id }
      },
    }),

    withdraw: action({
      allow: 'unionOffice',
      input: NoticeIdSchema,
      async handle({ id }, { store, now, member }) {
        const notice = await editable(store, id)
        await updateLive(store, id, {
          $set: { withdrawn: true, pinned: false, updatedBy: member._id, updatedAt: now.toISOString() },
        })
        await recordAudit(store, member, now, {
          action: 'notices.withdraw',
          targetType: 'notice',
          targetId: id,
          target: notice.title,
          before: { 状态: NOTICE_STATE_LABELS[noticeState(notice, now)] },
          after: { 状态: NOTICE_STATE_LABELS.withdrawn },
        })
        return { id }
      },
    }),
  },
  {
    /** Timer trigger (config.json): un-pins notices whose pin has run out. */
    unpinExpired: action({
      allow: 'timer',
      input: v.undefined('此操作不接收参数'),
      async handle(_input, { store, now }) {
        const { modified } = await store.update('notices', expiredPinFilter(now), { $set: { pinned: false } })
        return { unpinned: modified }
      },
    }),
  },
)


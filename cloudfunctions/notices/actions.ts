import { EmptySchema } from '../../types/common'
import { JOB_CATALOGUE } from '../../types/jobs'
import {
  AdminNoticeListSchema,
  NoticeIdSchema,
  NoticeListSchema,
  NoticePublishSchema,
  NoticeUpdateSchema,
  NOTICE_STATE_LABELS,
  type NoticeInput,
  type NoticesApi,
} from '../../types/notices'
import type { MemberDoc, NoticeDoc } from '../core/collections'
import { recordAudit, type AuditRecord } from '../core/audit'
import { unionOffice } from '../core/authorize'
import { action, defineFunction, jobsOf } from '../core/defineFunction'
import config from './config.json'
import { cancelBatch, changePendingBatch, notifyAudience } from '../core/notify'
import { insertIfAbsent, mustGet, pageOf } from '../core/queries'
import { unitNames } from '../core/units'
import { AppError, notFound } from '../core/errors'
import { newId, type Store, type Transaction, type Update } from '../core/store/port'
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

/** The subject of a notice's messages. */
const noticeSubject = (id: string) => `notice:${id}`

const withdrawnConflict = () => new AppError('CONFLICT', '这条通知已撤回，不能再修改')

async function editable(store: Store, id: string) {
  const notice = await mustGet(store, 'notices', id, '通知')
  if (notice.withdrawn) throw withdrawnConflict()
  return notice
}

/**
 * Changes a notice that is still live, and audits it, in one transaction that reads the notice afresh: one withdrawn
 * in the meantime is a conflict, never a silent no-op.
 */
async function changeLive(
  store: Store,
  actor: MemberDoc,
  now: Date,
  id: string,
  change: (notice: NoticeDoc) => { update: Update; audit: AuditRecord; messages: (tx: Transaction) => Promise<unknown> },
) {
  await store.transaction(async (tx) => {
    const notice = await tx.get('notices', id)
    if (!notice) throw notFound('通知')
    if (notice.withdrawn) throw withdrawnConflict()
    const { update, audit, messages } = change(notice)
    await tx.updateById('notices', id, update)
    await recordAudit(tx, actor, now, audit)
    // Its messages follow the change in the same transaction.
    await messages(tx)
  })
}

/** What a notice's messages say: the notice as it is (or will be) published. */
const messageOf = (id: string, fields: Pick<NoticeDoc, 'title' | 'category' | 'publishAt'>) => ({
  kind: 'notice' as const,
  subject: noticeSubject(id),
  data: { noticeId: id, title: fields.title, category: fields.category, publishAt: fields.publishAt },
  sendAt: new Date(fields.publishAt),
})

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
        await insertIfAbsent(store, 'noticeReads', { _id: readId(notice._id, member._id), noticeId: notice._id, memberId: member._id, readAt: now.toISOString() })
        const units = notice.audience.kind === 'units' ? await store.find('units', { _id: { $in: notice.audience.unitIds } }, { sort: { order: 1 } }) : []
        return toDetail(notice, units.map((unit) => unit.name))
      },
    }),

    adminList: action({
      allow: [unionOffice],
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
      allow: [unionOffice],
      input: NoticeIdSchema,
      async handle({ id }, { store, now }) {
        return toDraft(await mustGet(store, 'notices', id, '通知'), now)
      },
    }),

    publish: action({
      allow: [unionOffice],
      input: NoticePublishSchema,
      async handle({ notify, ...input }, { store, now, member, requestId }) {
        const fields = await checkedFields(store, input, now)
        const units = await unitNames(store)
        const at = now.toISOString()
        const id = requestId ?? newId()
        await store.transaction(async (tx) => {
          // A retry of a publish whose answer was lost: it is published already.
          if (await tx.get('notices', id)) return
          await tx.insert('notices', { _id: id, ...fields, withdrawn: false, createdBy: member._id, createdAt: at, updatedBy: member._id, updatedAt: at })
          await recordAudit(tx, member, now, {
            action: 'notices.publish',
            targetType: 'notice',
            targetId: id,
            target: fields.title,
            after: { ...auditFields(fields, units), 消息提醒: notify ? '同时发送' : '不发送' },
          })
          // Its audience hears of it when it is published (a scheduled notice: at its time).
          if (notify) await notifyAudience(tx, now, fields.audience, messageOf(id, fields))
        })
        return { id }
      },
    }),

    update: action({
      allow: [unionOffice],
      input: NoticeUpdateSchema,
      async handle({ id, notice: input }, { store, now, member }) {
        const existing = await editable(store, id)
        const fields = await checkedFields(store, input, now, existing)
        const units = await unitNames(store)
        await changeLive(store, member, now, id, (existing) => ({
          update: {
            $set: { ...fields, updatedBy: member._id, updatedAt: now.toISOString() },
            ...(fields.pinnedUntil === undefined && existing.pinnedUntil !== undefined ? { $unset: { pinnedUntil: true as const } } : {}),
          },
          audit: {
            action: 'notices.update',
            targetType: 'notice',
            targetId: id,
            target: fields.title,
            before: auditFields(existing, units),
            after: auditFields(fields, units),
          },
          // A scheduled notice's messages, not delivered yet, say what it now says, to whom, at its new time.
          messages: (tx) => changePendingBatch(tx, fields.audience, messageOf(id, fields)),
        }))
        return { id }
      },
    }),

    withdraw: action({
      allow: [unionOffice],
      input: NoticeIdSchema,
      async handle({ id }, { store, now, member }) {
        await changeLive(store, member, now, id, (notice) => ({
          update: { $set: { withdrawn: true, pinned: false, updatedBy: member._id, updatedAt: now.toISOString() } },
          audit: {
            action: 'notices.withdraw',
            targetType: 'notice',
            targetId: id,
            target: notice.title,
            before: { 状态: NOTICE_STATE_LABELS[noticeState(notice, now)] },
            after: { 状态: NOTICE_STATE_LABELS.withdrawn },
          },
          // Withdrawn before its time, nobody is told of it; after, its messages leave the inbox (they lead nowhere).
          messages: (tx) => cancelBatch(tx, 'notice', noticeSubject(id)),
        }))
        return { id }
      },
    }),
  },
  {
    config,
    jobs: jobsOf(JOB_CATALOGUE.notices, {
      /** Un-pins notices whose pin has run out (a campus has a handful pinned at a time: one batch). */
      unpinExpired: {
        async runBatch({ store, now }) {
          const { modified } = await store.update('notices', expiredPinFilter(now), { $set: { pinned: false } })
          return { count: modified }
        },
      },
    }),
  },
)

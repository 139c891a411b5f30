/**
 * The `messages` function: a member's inbox and WeChat subscriptions; the union office's 发送记录; and the jobs that
 * deliver messages (fanOut writes a message to many into each inbox, dispatch sends the WeChat ones, purgeInbox
 * forgets entries a year old).
 */
import { EmptySchema } from '../../types/common'
import { JOB_CATALOGUE } from '../../types/jobs'
import {
  ConsentSchema,
  InboxSchema,
  MESSAGE_KIND_LIST,
  MESSAGE_KINDS,
  MessageIdSchema,
  SendsSchema,
  type MessagesApi,
  type PushState,
  type SendRecord,
} from '../../types/messages'
import { unionOffice } from '../core/authorize'
import type { MemberDoc } from '../core/collections'
import { action, defineFunction, jobsOf } from '../core/defineFunction'
import { AppError, notFound } from '../core/errors'
import { consentId } from '../core/notify'
import { insertIfAbsent, pageOf } from '../core/queries'
import { readSettings } from '../core/settings'
import type { Filter, Store } from '../core/store/port'
import config from './config.json'
import { dispatch } from './dispatch'
import { fanOut } from './fanOut'
import { toInboxEntry, toSubscriptionView } from './rules'

/** Inbox entries are kept a year. */
const KEEP_DAYS = 365
const PURGE_BATCH = 500

/** What a member's inbox holds at `now`: delivered (its time has come) and not cancelled. */
const inboxOf = (member: MemberDoc, now: Date): Filter => ({ recipientId: member._id, sendAt: { $lte: now.toISOString() }, cancelled: { $ne: true } })

async function subscriptionsOf(store: Store, member: MemberDoc) {
  const { templateIds } = await readSettings(store)
  return Promise.all(
    MESSAGE_KIND_LIST.map(async (kind) => {
      const templateId = templateIds[kind]
      return toSubscriptionView(kind, templateId, templateId ? await store.get('consents', consentId(member._id, templateId)) : null)
    }),
  )
}

const SENT_STATES: PushState[] = ['queued', 'sending', 'sent', 'noConsent', 'failed', 'cancelled']

export const messagesFunction = defineFunction<MessagesApi>(
  'messages',
  {
    inbox: action({
      allow: 'member',
      input: InboxSchema,
      async handle({ offset, limit }, { store, now, member }) {
        const found = await store.find('messages', inboxOf(member, now), { sort: { sendAt: -1 }, skip: offset, limit: limit + 1 })
        return pageOf(found.map(toInboxEntry), limit)
      },
    }),

    unreadCount: action({
      allow: 'member',
      input: EmptySchema,
      async handle(_input, { store, now, member }) {
        return { unread: await store.count('messages', { ...inboxOf(member, now), read: false }) }
      },
    }),

    read: action({
      allow: 'member',
      input: MessageIdSchema,
      async handle({ id }, { store, now, member }) {
        const message = await store.get('messages', id)
        // Someone else's message, or one not delivered yet, answers exactly like a missing one.
        if (!message || message.recipientId !== member._id || message.sendAt > now.toISOString() || message.cancelled) throw notFound('消息')
        await store.claim('messages', id, { read: false }, { $set: { read: true, readAt: now.toISOString() } })
        return { read: true }
      },
    }),

    readAll: action({
      allow: 'member',
      input: EmptySchema,
      async handle(_input, { store, now, member }) {
        const { modified } = await store.update('messages', { ...inboxOf(member, now), read: false }, { $set: { read: true, readAt: now.toISOString() } })
        return { read: modified }
      },
    }),

    subscriptions: action({
      allow: 'member',
      input: EmptySchema,
      async handle(_input, { store, member }) {
        return subscriptionsOf(store, member)
      },
    }),

    recordConsent: action({
      allow: 'member',
      input: ConsentSchema,
      async handle({ choices }, { store, now, member }) {
        const { templateIds } = await readSettings(store)
        const known = new Set(Object.values(templateIds))
        const unknown = Object.keys(choices).find((templateId) => !known.has(templateId))
        if (unknown) throw new AppError('INVALID_INPUT', '没有这个订阅消息模板，请刷新页面后重试', { choices: '没有这个订阅消息模板' })
        const at = now.toISOString()
        for (const [templateId, choice] of Object.entries(choices)) {
          const _id = consentId(member._id, templateId)
          await insertIfAbsent(store, 'consents', { _id, memberId: member._id, templateId, remaining: 0, lastChoice: choice, updatedAt: at })
          // Each 允许 allows one more send; the other answers are remembered so the app does not ask again unbidden.
          await store.update('consents', { _id }, { $set: { lastChoice: choice, updatedAt: at }, ...(choice === 'accept' ? { $inc: { remaining: 1 } } : {}) })
        }
        return subscriptionsOf(store, member)
      },
    }),

    sends: action({
      allow: [unionOffice],
      input: SendsSchema,
      async handle({ state, offset, limit }, { store }) {
        const filter = { pushState: state ?? { $ne: 'none' } }
        const found = await store.find('messages', filter, { sort: { sendAt: -1 }, skip: offset, limit: limit + 1 })
        const names = new Map(
          (await store.find('members', { _id: { $in: [...new Set(found.map((message) => message.recipientId))] } }, { fields: ['name'] })).map((member) => [member._id, member.name]),
        )
        const counts = Object.fromEntries(await Promise.all(SENT_STATES.map(async (pushState) => [pushState, await store.count('messages', { pushState })] as const)))
        const rows = found.map(
          (message): SendRecord => ({
            id: message._id,
            kind: message.kind,
            kindTitle: MESSAGE_KINDS[message.kind].title,
            recipientName: names.get(message.recipientId) ?? '',
            text: message.text,
            state: message.pushState,
            attempts: message.pushAttempts,
            sendAt: message.sendAt,
            ...(message.pushedAt ? { sentAt: message.pushedAt } : {}),
            ...(message.pushError ? { error: message.pushError } : {}),
          }),
        )
        return { ...pageOf(rows, limit), counts }
      },
    }),
  },
  {
    config,
    jobs: jobsOf(JOB_CATALOGUE.messages, {
      dispatch: { runBatch: (context) => dispatch(context) },
      fanOut: { runBatch: (context) => fanOut(context) },
      purgeInbox: {
        async runBatch({ store, now }) {
          const before = new Date(now.getTime() - KEEP_DAYS * 24 * 3_600_000).toISOString()
          const old = await store.find('messages', { createdAt: { $lt: before } }, { fields: ['_id'], limit: PURGE_BATCH })
          const count = old.length ? await store.remove('messages', { _id: { $in: old.map((message) => message._id) } }) : 0
          return { count, ...(count === PURGE_BATCH ? { cursor: 'more' } : {}) }
        },
      },
    }),
  },
)

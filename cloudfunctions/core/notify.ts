/**
 * Telling members something: one inbox entry per recipient, and a WeChat subscription message queued for each who
 * holds a consent for the kind's template (the messages function's dispatch job sends them). Every module calls this.
 *
 * - Idempotent: an entry's id is a hash of kind, subject and recipient, so a retried request or job writes nothing
 *   twice.
 * - Part of the change: pass the change's transaction (it reads and writes single documents only, as CloudBase
 *   transactions must), or the store for a change that is not one.
 * - Many recipients (a notice to everyone): `notifyAudience` writes one batch document with the change, and the
 *   fanOut job writes the entries from it a batch at a time.
 */
import { createHash } from 'node:crypto'
import { MESSAGE_KINDS, type MessageData, type MessageKind } from '../../types/messages'
import type { DocOf, MessageBatchDoc } from './collections'
import { insertIfAbsent } from './queries'
import { SETTINGS_ID, settingsOf } from './settings'
import type { Store, Transaction } from './store/port'

/** What notify writes through: the change's transaction, or the store itself. */
export type Writer = Pick<Transaction, 'get' | 'insert'>

export interface Notification<K extends MessageKind> {
  kind: K
  /** What it is about ('notice:<id>'): one subject reaches each recipient once, and cancelling goes through it. */
  subject: string
  data: MessageData[K]
  /** When it reaches the inbox and WeChat; now when absent (the day before an event at 09:00, say). */
  sendAt?: Date
}

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32)

export const messageId = (kind: MessageKind, subject: string, recipientId: string) => hash('message', kind, subject, recipientId)
export const consentId = (memberId: string, templateId: string) => hash('consent', memberId, templateId)
export const batchId = (kind: MessageKind, subject: string) => hash('batch', kind, subject)

/** The template the union office set for the kind, if any (工会设置). */
export async function templateOf(writer: Writer, kind: MessageKind): Promise<string | undefined> {
  return settingsOf(await writer.get('settings', SETTINGS_ID)).templateIds[kind] || undefined
}

/**
 * The documents of these ids that exist, by id: through the store in one query (a job writing hundreds), through a
 * transaction one by one (it reads single documents only).
 */
async function existing<C extends 'messages' | 'consents'>(writer: Writer | Store, collection: C, ids: string[]): Promise<Map<string, DocOf<C>>> {
  if (ids.length === 0) return new Map()
  if ('find' in writer) return new Map((await writer.find(collection, { _id: { $in: ids } })).map((doc) => [doc._id, doc]))
  const found = new Map<string, DocOf<C>>()
  for (const id of ids) {
    const doc = await writer.get(collection, id)
    if (doc) found.set(id, doc)
  }
  return found
}

/** Writes the message for each recipient who does not have it yet. */
export async function notify<K extends MessageKind>(writer: Writer | Store, now: Date, recipientIds: readonly string[], notification: Notification<K>): Promise<void> {
  const { kind, subject, data, sendAt = now } = notification
  const info = MESSAGE_KINDS[kind]
  const templateId = await templateOf(writer, kind)
  const recipients = [...new Set(recipientIds)]
  // Read first: inside a transaction a failed insert would abort it on CloudBase.
  const written = await existing(writer, 'messages', recipients.map((recipientId) => messageId(kind, subject, recipientId)))
  const consents = templateId ? await existing(writer, 'consents', recipients.map((recipientId) => consentId(recipientId, templateId))) : new Map()
  for (const recipientId of recipients) {
    const _id = messageId(kind, subject, recipientId)
    if (written.has(_id)) continue
    const consent = templateId ? consents.get(consentId(recipientId, templateId)) : undefined
    const queued = consent !== undefined && consent.remaining > 0
    // Read first above; through the store a racing twin may still have written it, which is the same message.
    await insertIfAbsent(writer, 'messages', {
      _id,
      recipientId,
      kind,
      subject,
      data: data as unknown as Record<string, unknown>,
      title: info.title,
      text: info.text(data),
      page: info.page(data),
      createdAt: now.toISOString(),
      sendAt: sendAt.toISOString(),
      read: false,
      pushState: queued ? 'queued' : 'none',
      pushAttempts: 0,
      ...(queued ? { templateId, pushNextAt: sendAt.toISOString() } : {}),
    })
  }
}

export type Audience = MessageBatchDoc['audience']

/**
 * A message to everyone (or to some units), written as one batch with the change; the fanOut job delivers it when
 * its time has come, to the audience as it then is.
 */
export async function notifyAudience<K extends MessageKind>(writer: Writer, now: Date, audience: Audience, notification: Notification<K>): Promise<void> {
  const { kind, subject, data, sendAt = now } = notification
  const _id = batchId(kind, subject)
  if (await writer.get('messageBatches', _id)) return
  await writer.insert('messageBatches', {
    _id,
    kind,
    subject,
    data: data as unknown as Record<string, unknown>,
    sendAt: sendAt.toISOString(),
    audience,
    state: 'pending',
    createdAt: now.toISOString(),
  })
}

/**
 * Inside the change's transaction: a batch not delivered yet follows its subject's change (a scheduled notice
 * edited: its audience, its words, its time). Answers whether there was one to change.
 */
export async function changePendingBatch<K extends MessageKind>(tx: Transaction, audience: Audience, notification: Notification<K>): Promise<boolean> {
  const _id = batchId(notification.kind, notification.subject)
  const batch = await tx.get('messageBatches', _id)
  if (batch?.state !== 'pending' || batch.cursor !== undefined) return false
  const sendAt = (notification.sendAt ?? new Date(batch.sendAt)).toISOString()
  await tx.updateById('messageBatches', _id, { $set: { audience, data: notification.data as unknown as Record<string, unknown>, sendAt } })
  return true
}

/**
 * Inside the change's transaction: takes back a batch (a notice withdrawn). Not delivered yet, nobody gets it; being
 * or already delivered, the fanOut job cancels the entries it wrote, so a failure after the change cannot leave them.
 */
export async function cancelBatch(tx: Transaction, kind: MessageKind, subject: string): Promise<void> {
  const _id = batchId(kind, subject)
  const batch = await tx.get('messageBatches', _id)
  if (batch?.state === 'pending' || batch?.state === 'done') await tx.updateById('messageBatches', _id, { $set: { state: 'cancelling' } })
}

/**
 * Cancels a subject's messages: those still waiting for their time leave the inbox and WeChat; with `delivered`, the
 * ones already in inboxes too (they lead to what is gone). `recipientIds` limits it to some people (a sign-up
 * withdrawn). Answers how many entries it cancelled.
 */
export async function cancelMessages(store: Store, now: Date, subject: string, options: { recipientIds?: string[]; delivered?: boolean } = {}): Promise<number> {
  const who = options.recipientIds ? { recipientId: { $in: options.recipientIds } } : {}
  const affected = { subject, ...who, ...(options.delivered ? {} : { sendAt: { $gt: now.toISOString() } }) }
  await store.update('messages', { ...affected, pushState: 'queued' }, { $set: { pushState: 'cancelled' } })
  return (await store.update('messages', { ...affected, cancelled: { $ne: true } }, { $set: { cancelled: true } })).modified
}

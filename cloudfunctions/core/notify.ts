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
import type { MessageBatchDoc } from './collections'
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

/** Writes the message for each recipient who does not have it yet. */
export async function notify<K extends MessageKind>(writer: Writer, now: Date, recipientIds: readonly string[], notification: Notification<K>): Promise<void> {
  const { kind, subject, data, sendAt = now } = notification
  const info = MESSAGE_KINDS[kind]
  const templateId = await templateOf(writer, kind)
  for (const recipientId of new Set(recipientIds)) {
    const _id = messageId(kind, subject, recipientId)
    // Read first: inside a transaction a failed insert would abort it on CloudBase.
    if (await writer.get('messages', _id)) continue
    const consent = templateId ? await writer.get('consents', consentId(recipientId, templateId)) : null
    const queued = consent !== null && consent.remaining > 0
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

/** A message to everyone (or to some units), written as one batch with the change; the fanOut job delivers it. */
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
 * Cancels what a subject has not delivered yet (an event cancelled, a sign-up withdrawn, a scheduled notice
 * withdrawn): entries still waiting for their time leave the inbox and WeChat, and a batch not yet written stops.
 * `recipientIds` limits it to some people. Answers how many entries it cancelled.
 */
export async function cancelMessages(store: Store, now: Date, subject: string, recipientIds?: string[]): Promise<number> {
  const at = now.toISOString()
  const who = recipientIds ? { recipientId: { $in: recipientIds } } : {}
  if (!recipientIds) await store.update('messageBatches', { subject, state: 'pending' }, { $set: { state: 'cancelled' } })
  const waiting = { subject, ...who, sendAt: { $gt: at } }
  await store.update('messages', { ...waiting, pushState: 'queued' }, { $set: { pushState: 'cancelled' } })
  return (await store.update('messages', { ...waiting, cancelled: { $ne: true } }, { $set: { cancelled: true } })).modified
}

/** Moves what a subject has not delivered yet to another time (a scheduled notice rescheduled). */
export async function rescheduleMessages(store: Store, now: Date, subject: string, sendAt: Date): Promise<void> {
  const at = sendAt.toISOString()
  await store.update('messageBatches', { subject, state: 'pending' }, { $set: { sendAt: at } })
  const waiting = { subject, sendAt: { $gt: now.toISOString() }, cancelled: { $ne: true } }
  await store.update('messages', { ...waiting, pushState: 'queued' }, { $set: { sendAt: at, pushNextAt: at } })
  await store.update('messages', waiting, { $set: { sendAt: at } })
}

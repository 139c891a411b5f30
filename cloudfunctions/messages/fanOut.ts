/**
 * The fanOut job: delivers messages to many (messageBatches, written with the change that caused them). A batch
 * whose time has come is written into each recipient's inbox, to its audience as it then is, a batch of recipients
 * at a time, its cursor moved on with a guarded claim, so a run cut off midway resumes after the last recipient
 * written and nobody gets it twice (entries are idempotent too). A batch taken back (`cancelling`: a notice
 * withdrawn) has every entry it wrote cancelled, whenever the withdrawal came.
 */
import type { MessageData, MessageKind } from '../../types/messages'
import type { MessageBatchDoc } from '../core/collections'
import type { Batch, JobContext } from '../core/jobs'
import { cancelMessages, notify } from '../core/notify'
import type { Filter } from '../core/store/port'

/** Recipients written per batch. */
export const FAN_OUT_BATCH = 200

/** The members a batch is for: everyone on the roster now, or those of some units (离校 members get nothing). */
function audienceFilter(batch: MessageBatchDoc): Filter {
  const current = { status: { $ne: 'left' } }
  return batch.audience.kind === 'all' ? current : { ...current, unitId: { $in: batch.audience.unitIds } }
}

/** Cancels the entries of a batch taken back, then marks it cancelled. */
async function takeBack({ store, now }: JobContext, batch: MessageBatchDoc): Promise<Batch> {
  const count = await cancelMessages(store, now, batch.subject, { delivered: true })
  await store.claim('messageBatches', batch._id, { state: 'cancelling' }, { $set: { state: 'cancelled' } })
  return { count, cursor: 'more' }
}

async function writeSome({ store, now }: JobContext, batch: MessageBatchDoc): Promise<Batch> {
  const after = batch.cursor ? { _id: { $gt: batch.cursor } } : {}
  const members = await store.find('members', { ...audienceFilter(batch), ...after }, { sort: { _id: 1 }, limit: FAN_OUT_BATCH, fields: ['_id'] })
  const ids = members.map((member) => member._id)
  await notify(store, now, ids, {
    kind: batch.kind as MessageKind,
    subject: batch.subject,
    data: batch.data as unknown as MessageData[MessageKind],
    sendAt: new Date(batch.sendAt),
  })
  const done = ids.length < FAN_OUT_BATCH
  const position = batch.cursor ? { cursor: batch.cursor } : { cursor: { $exists: false } }
  // Taken back meanwhile, the claim fails: the next batch of the job cancels what this one wrote.
  await store.claim('messageBatches', batch._id, { state: 'pending', ...position }, { $set: done ? { state: 'done' } : { cursor: ids[ids.length - 1] } })
  return { count: ids.length, cursor: 'more' }
}

export async function fanOut(context: JobContext): Promise<Batch> {
  const { store, now } = context
  const [cancelling] = await store.find('messageBatches', { state: 'cancelling' }, { limit: 1 })
  if (cancelling) return takeBack(context, cancelling)
  const [due] = await store.find('messageBatches', { state: 'pending', sendAt: { $lte: now.toISOString() } }, { sort: { sendAt: 1 }, limit: 1 })
  return due ? writeSome(context, due) : { count: 0 }
}

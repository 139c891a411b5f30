/**
 * The fanOut job: writes the inbox entries of a message to many (messageBatches, written with the change that
 * caused it), a batch of recipients at a time, moving the batch's cursor on with a guarded claim, so a run cut off
 * midway resumes after the last recipient written and nobody gets it twice (entries are idempotent too).
 */
import type { MessageData, MessageKind } from '../../types/messages'
import type { MessageBatchDoc } from '../core/collections'
import type { JobContext } from '../core/jobs'
import { notify } from '../core/notify'
import type { Filter } from '../core/store/port'

/** Recipients written per batch. */
export const FAN_OUT_BATCH = 200

/** The members a batch is for: everyone on the roster now, or those of some units (离校 members get nothing). */
function audienceFilter(batch: MessageBatchDoc): Filter {
  const current = { status: { $ne: 'left' } }
  return batch.audience.kind === 'all' ? current : { ...current, unitId: { $in: batch.audience.unitIds } }
}

export async function fanOut({ store, now }: JobContext): Promise<{ count: number; cursor?: string }> {
  const [batch] = await store.find('messageBatches', { state: 'pending' }, { sort: { createdAt: 1 }, limit: 1 })
  if (!batch) return { count: 0 }
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
  await store.claim('messageBatches', batch._id, { state: 'pending', ...position }, { $set: done ? { state: 'done' } : { cursor: ids[ids.length - 1] } })
  return { count: ids.length, cursor: 'more' }
}

/**
 * The proposals function's job, behind its one timer trigger: reminding a lead department's handlers of each
 * proposal past its reply day, the day after it fell due and once a week after that until they reply.
 */
import { shanghaiDay } from '../../types/time'
import type { Batch, JobContext } from '../core/jobs'
import { notify } from '../core/notify'

const BATCH = 100
const DAY_MS = 24 * 60 * 60 * 1000

/** The week of being overdue a Shanghai day falls in: 0 from the day after the reply day, 1 a week later… */
export const overdueWeek = (replyDue: string, today: string) => Math.floor((Date.parse(today) - Date.parse(replyDue) - DAY_MS) / (7 * DAY_MS))

/**
 * A batch of overdue proposals (cursor: the last id handled), each reminded to its lead department's handlers once
 * per week of being overdue (the message's subject names the week and the round of handling), so running it again,
 * or every day, sends nothing twice.
 */
export async function remindOverdue({ store, now }: Pick<JobContext, 'store' | 'now'>, cursor: string | undefined): Promise<Batch> {
  const today = shanghaiDay(now)
  const found = await store.find(
    'proposals',
    { state: { $in: ['assigned', 'rehandling'] }, replyDue: { $lt: today }, ...(cursor ? { _id: { $gt: cursor } } : {}) },
    { sort: { _id: 1 }, limit: BATCH, fields: ['title', 'leadDeptId', 'replyDue', 'rehandled'] },
  )
  for (const doc of found) {
    const handlers = await store.find('members', { roles: `handlingDept:${doc.leadDeptId}`, status: { $ne: 'left' } }, { fields: ['_id'] })
    await notify(
      store,
      now,
      handlers.map((handler) => handler._id),
      {
        kind: 'proposalProgress',
        subject: `proposal:${doc._id}:overdue${doc.rehandled ?? 0}:week${overdueWeek(doc.replyDue!, today)}`,
        data: { proposalId: doc._id, title: doc.title, change: 'overdue', detail: `答复期限 ${doc.replyDue}，请尽快答复` },
      },
    )
  }
  return { count: found.length, ...(found.length === BATCH ? { cursor: found[found.length - 1]._id } : {}) }
}

/**
 * The proposals function's job, behind its one timer trigger: reminding a lead department's handlers of each
 * proposal past its reply day, the day after it fell due and once a week after that until they reply.
 */
import { shanghaiDay } from '../../types/time'
import type { Batch, JobContext } from '../core/jobs'
import { notify } from '../core/notify'

const BATCH = 50
/** Time one reminder takes at most on a throttled CloudBase environment: no more starts past it. */
const LAST_REMINDER_MS = 2000
const DAY_MS = 24 * 60 * 60 * 1000

/** The week of being overdue a Shanghai day falls in: 0 from the day after the reply day, 1 a week later… */
export const overdueWeek = (replyDue: string, today: string) => Math.floor((Date.parse(today) - Date.parse(replyDue) - DAY_MS) / (7 * DAY_MS))

/**
 * A batch of overdue proposals (cursor: the last id handled), each reminded to its lead department's handlers once
 * per week of being overdue (the message's subject names the week and the round of handling), so running it again,
 * or every day, sends nothing twice. When the function's time runs short midway, the cursor is the last one reminded.
 */
export async function remindOverdue({ store, now, timeLeft }: Pick<JobContext, 'store' | 'now' | 'timeLeft'>, cursor: string | undefined): Promise<Batch> {
  const today = shanghaiDay(now)
  const found = await store.find(
    'proposals',
    { state: { $in: ['assigned', 'rehandling'] }, replyDue: { $lt: today }, ...(cursor ? { _id: { $gt: cursor } } : {}) },
    { sort: { _id: 1 }, limit: BATCH, fields: ['title', 'leadDeptId', 'replyDue', 'rehandled'] },
  )
  // A department leads several overdue ones: its handlers are read once a batch.
  const handlersOf = new Map<string, Promise<string[]>>()
  const handlers = (deptId: string) => {
    if (!handlersOf.has(deptId)) handlersOf.set(deptId, store.find('members', { roles: `handlingDept:${deptId}`, status: { $ne: 'left' } }, { fields: ['_id'] }).then((found) => found.map((handler) => handler._id)))
    return handlersOf.get(deptId)!
  }
  for (const [index, doc] of found.entries()) {
    // Short of time (the function's limit is 10 s): the rest go in the next run, from the last one reminded.
    if (index > 0 && timeLeft() < LAST_REMINDER_MS) return { count: index, cursor: found[index - 1]._id }
    await notify(
      store,
      now,
      await handlers(doc.leadDeptId!),
      {
        kind: 'proposalProgress',
        subject: `proposal:${doc._id}:overdue${doc.rehandled ?? 0}:week${overdueWeek(doc.replyDue!, today)}`,
        data: { proposalId: doc._id, title: doc.title, change: 'overdue', detail: `答复期限 ${doc.replyDue}，请尽快答复` },
      },
    )
  }
  return { count: found.length, ...(found.length === BATCH ? { cursor: found[found.length - 1]._id } : {}) }
}

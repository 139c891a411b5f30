import { AuditListSchema, type AuditApi, type AuditEntryView } from '../../types/audit'
import { EmptySchema } from '../../types/common'
import { JOB_CATALOGUE, scheduleLabel, type JobInfo, type JobRunView } from '../../types/jobs'
import { fromShanghaiInput } from '../../types/time'
import type { AuditDoc } from '../core/collections'
import { unionOffice } from '../core/authorize'
import { action, defineFunction, jobsOf } from '../core/defineFunction'
import { purgeRequestKeys } from '../core/requestKeys'
import config from './config.json'
import { pageOf } from '../core/queries'
import { AppError } from '../core/errors'
import type { Filter, Store } from '../core/store/port'

const DAY_MS = 86_400_000

/** The instant a Shanghai calendar day starts. */
function dayStart(date: string, field: 'from' | 'to'): string {
  const start = fromShanghaiInput(`${date} 00:00`)
  if (!start) throw new AppError('INVALID_INPUT', '日期不存在，请重新选择', { [field]: '日期不存在' })
  return start
}

function toView(entry: AuditDoc): AuditEntryView {
  return {
    id: entry._id,
    at: entry.at,
    actorId: entry.actorId,
    actorName: entry.actorName,
    action: entry.action,
    target: entry.target,
    ...(entry.before ? { before: entry.before } : {}),
    ...(entry.after ? { after: entry.after } : {}),
  }
}

/** Every job of every function (types/jobs.ts), with its run record where it has run. */
async function jobRuns(store: Store): Promise<JobRunView[]> {
  const runs = new Map((await store.find('jobRuns')).map((run) => [run._id, run]))
  return Object.entries(JOB_CATALOGUE).flatMap(([functionName, jobs]) =>
    Object.entries(jobs as Record<string, JobInfo>).map(([job, info]) => {
      const run = runs.get(`${functionName}.${job}`)
      return {
        functionName,
        job,
        title: info.title,
        schedule: scheduleLabel(info.schedule),
        ...(run?.lastRunAt
          ? { lastRunAt: run.lastRunAt, outcome: run.lastOutcome, count: run.lastCount, durationMs: run.lastDurationMs, error: run.lastError, lastCompletedAt: run.lastCompletedAt }
          : {}),
      }
    }),
  )
}

/** Request keys removed per batch of the purge job. */
const PURGE_BATCH = 200

export const auditFunction = defineFunction<AuditApi>('audit', {
  list: action({
    allow: [unionOffice],
    input: AuditListSchema,
    async handle({ action: kind, from, to, offset, limit }, { store }) {
      const at: Record<string, string> = {}
      if (from) at.$gte = dayStart(from, 'from')
      if (to) at.$lt = new Date(Date.parse(dayStart(to, 'to')) + DAY_MS).toISOString()
      if (at.$gte && at.$lt && at.$gte >= at.$lt) throw new AppError('INVALID_INPUT', '开始日期不能晚于结束日期', { from: '开始日期不能晚于结束日期' })
      const filter: Filter = { ...(kind ? { action: kind } : {}), ...(Object.keys(at).length ? { at } : {}) }
      const found = await store.find('auditLog', filter, { sort: { at: -1 }, skip: offset, limit: limit + 1 })
      return pageOf(found.map(toView), limit)
    },
  }),

  jobRuns: action({
    allow: [unionOffice],
    input: EmptySchema,
    async handle(_input, { store }) {
      return jobRuns(store)
    },
  }),
}, {
  config,
  jobs: jobsOf(JOB_CATALOGUE.audit, {
    /** Forgets idempotency keys a day old: every function's writes record them (core/requestKeys.ts). */
    purgeRequestKeys: {
      async runBatch({ store, now }) {
        const count = await purgeRequestKeys(store, now, PURGE_BATCH)
        return { count, ...(count === PURGE_BATCH ? { cursor: 'more' } : {}) }
      },
    },
  }),
})

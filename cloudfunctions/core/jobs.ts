/**
 * Periodic jobs as CloudBase runs them: one timer trigger per function (config.json), which runs whichever of the
 * function's jobs are due. A job works in batches and keeps a cursor in its run record (`jobRuns`), so a run cut off
 * by the function's time limit resumes where it stopped in the next run; a lease keeps overlapping runs apart.
 */
import type { JobInfo, JobOutcome, Schedule } from '../../types/jobs'
import { fromShanghaiInput, shanghaiDay } from '../../types/time'
import type { Services } from './context'
import { insertIfAbsent } from './queries'
import { newId, type Store } from './store/port'

export interface JobContext extends Services {
  now: Date
  /**
   * Milliseconds left before the function's time limit cuts the run off (the real clock): a batch that works item
   * by item (sending messages) stops taking new items when little is left, and says so with its cursor.
   */
  timeLeft(): number
}

/** What one batch did: how many items it handled, and where the next batch starts (absent: the round is done). */
export interface Batch {
  count: number
  cursor?: string
}

export interface Job {
  /**
   * One batch from `cursor` (absent: the round's start). It must be small enough to finish well within the
   * function's time limit, and safe to run again from the same cursor (a run may stop after the batch's writes and
   * before its cursor is saved).
   */
  runBatch(context: JobContext, cursor: string | undefined): Promise<Batch>
}

export type Jobs<Names extends string = string> = Record<Names, Job>

const MINUTE_MS = 60_000
/** A timer fires a little early or late; an "every 10 minutes" job run 9.5 minutes after the last is on time. */
const SLACK_MS = 30_000

/** Whether a job with this schedule is due at `now`, given when its last round completed. Pure. */
export function isDue(schedule: Schedule, lastCompletedAt: string | undefined, now: Date): boolean {
  if (lastCompletedAt === undefined) return true
  if ('once' in schedule) return false
  if ('everyMinutes' in schedule) return now.getTime() - Date.parse(lastCompletedAt) >= schedule.everyMinutes * MINUTE_MS - SLACK_MS
  // dailyAt: the latest time of day at or before now (today's, or yesterday's when today's is still ahead).
  const today = fromShanghaiInput(`${shanghaiDay(now)} ${schedule.dailyAt}`)!
  const latest = Date.parse(today) <= now.getTime() ? Date.parse(today) : Date.parse(today) - 24 * 60 * MINUTE_MS
  return Date.parse(lastCompletedAt) < latest
}

export interface JobRunSummary {
  job: string
  outcome: JobOutcome
  count: number
  error?: string
}

export interface JobRunOptions {
  functionName: string
  services: Services
  now: Date
  /** The function's time limit (config.json "timeout"): no new batch starts past half of it. */
  timeoutSeconds: number
  /** The real clock, for the time limit (tests pass a fake one); `now` stays the business time. */
  clock?: () => number
}

const runId = (functionName: string, job: string) => `${functionName}.${job}`

/**
 * Takes the job's lease until `until` under a token of this run's; false when another run holds it. The run's
 * later writes to the record are claims on its token, so a run that outlived its lease (another took the job over)
 * writes nothing more.
 */
async function lease(store: Store, id: string, now: Date, until: Date, token: string): Promise<boolean> {
  const held = { leaseUntil: until.toISOString(), leaseToken: token }
  if (await insertIfAbsent(store, 'jobRuns', { _id: id, roundCount: 0, ...held })) return true
  const free = { $or: [{ leaseUntil: { $exists: false } }, { leaseUntil: { $lte: now.toISOString() } }] }
  return store.claim('jobRuns', id, free, { $set: held })
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500)
}

/**
 * Runs one job now, due or not: resumes its unfinished round or starts one, batch after batch until the round is
 * done or half the time limit (from `startedAt`) has gone, and records the run. Undefined when another run holds it.
 */
export async function runJob(name: string, job: Job, options: JobRunOptions, startedAt = (options.clock ?? Date.now)()): Promise<JobRunSummary | undefined> {
  const { functionName, services, now, timeoutSeconds, clock = Date.now } = options
  const { store } = services
  const id = runId(functionName, name)
  const token = newId()
  if (!(await lease(store, id, now, new Date(now.getTime() + timeoutSeconds * 1000), token))) return undefined
  const mine = { leaseToken: token }
  const record = (await store.get('jobRuns', id))!
  const stopStartingAt = startedAt + (timeoutSeconds * 1000) / 2
  const context: JobContext = { ...services, now, timeLeft: () => startedAt + timeoutSeconds * 1000 - clock() }
  const runStarted = clock()
  let cursor = record.cursor
  let count = cursor === undefined ? 0 : record.roundCount
  let outcome: JobOutcome = 'ok'
  let error: string | undefined
  try {
    do {
      const batch = await job.runBatch(context, cursor)
      count += batch.count
      cursor = batch.cursor
      // Each batch counts, so the claim always changes the record; it fails only when the lease is no longer ours.
      const saved = cursor === undefined ? { $set: { roundCount: count }, $unset: { cursor: true as const } } : { $set: { cursor, roundCount: count } }
      if (!(await store.claim('jobRuns', id, mine, { ...saved, $inc: { roundBatches: 1 } }))) return undefined
    } while (cursor !== undefined && clock() < stopStartingAt)
    if (cursor !== undefined) outcome = 'continuing'
  } catch (caught) {
    outcome = 'failed'
    error = errorText(caught)
    console.error(`[job] ${id}`, caught)
  }
  const at = now.toISOString()
  await store.claim('jobRuns', id, mine, {
    $set: {
      lastRunAt: at,
      lastOutcome: outcome,
      lastCount: count,
      lastDurationMs: clock() - runStarted,
      ...(outcome === 'ok' ? { lastCompletedAt: at, roundCount: 0, roundBatches: 0 } : {}),
      ...(error ? { lastError: error } : {}),
    },
    $unset: { leaseUntil: true, leaseToken: true, ...(error ? {} : { lastError: true }) },
  })
  return { job: name, outcome, count, ...(error ? { error } : {}) }
}

/** Runs every due job of one function, in the catalogue's order, while time allows; answers what each run did. */
export async function runDueJobs(catalogue: Record<string, JobInfo>, jobs: Jobs, options: JobRunOptions): Promise<JobRunSummary[]> {
  const clock = options.clock ?? Date.now
  const startedAt = clock()
  const summaries: JobRunSummary[] = []
  for (const [name, info] of Object.entries(catalogue)) {
    const record = await options.services.store.get('jobRuns', runId(options.functionName, name))
    if (record?.cursor === undefined && !isDue(info.schedule, record?.lastCompletedAt, options.now)) continue
    if (clock() >= startedAt + (options.timeoutSeconds * 1000) / 2) break
    const summary = await runJob(name, jobs[name], options, startedAt)
    if (summary) summaries.push(summary)
  }
  return summaries
}

/**
 * Periodic jobs as CloudBase runs them: one trigger per function running its due jobs, in batches with a cursor, so a
 * run cut off by the time limit resumes without repeating; a lease keeps overlapping runs apart; every run recorded.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { runDueJobs, runJob as runJobNow, type Job } from '../../cloudfunctions/core/jobs'
import { FUNCTIONS } from '../../cloudfunctions/registry'
import { JOB_CATALOGUE } from '../../types/jobs'
import { NOW, PEOPLE, callAs, expectOk, later, seededStore, send, runJob, testFiles, testWeChat, type TestStore } from './harness'

let store: TestStore

beforeEach(async () => {
  store = await seededStore()
})

afterEach(() => store.close())

const MINUTE = 60_000

describe('each function’s config.json', () => {
  const root = resolve(__dirname, '../../cloudfunctions')
  const configOf = (fn: string) => JSON.parse(readFileSync(join(root, fn, 'config.json'), 'utf8'))

  it.each(Object.keys(FUNCTIONS))('%s: sets its timeout and has one trigger exactly when it has jobs', (fn) => {
    const config = configOf(fn)
    expect(config.timeout).toBeGreaterThanOrEqual(3)
    const jobs = Object.keys((JOB_CATALOGUE as Record<string, object>)[fn] ?? {})
    expect(config.triggers ?? []).toHaveLength(jobs.length > 0 ? 1 : 0)
    expect(Object.keys(FUNCTIONS[fn].jobs)).toEqual(jobs)
    expect(FUNCTIONS[fn].config).toEqual(config)
  })

  it('gives each function the time it needs: exports a minute (the roster import); sending messages, events (a cancelled event’s sign-ups, reminders) and benefits (the birthday round) 20 seconds; the rest ten', () => {
    expect(Object.fromEntries(Object.keys(FUNCTIONS).map((fn) => [fn, configOf(fn).timeout]))).toEqual({ audit: 10, benefits: 20, events: 20, exports: 60, members: 10, messages: 20, notices: 10, proposals: 10 })
  })
})

/** The fake real-time clock jobs read for their time limit; each batch of `unitWalk` takes two seconds of it. */
let elapsed = 0
const clock = () => elapsed

beforeEach(() => {
  elapsed = 0
})

/**
 * A job over the 20 demo units, two per batch in id order, counting each unit it handles in `seen` on the unit: a
 * unit handled twice would show 2. `failAfter` makes the batch starting after that unit throw, once.
 */
function unitWalk(options: { failAfter?: string } = {}): Job {
  let failed = false
  return {
    async runBatch({ store: jobStore }, cursor) {
      elapsed += 2000
      if (cursor === options.failAfter && options.failAfter && !failed) {
        failed = true
        throw new Error('网络中断')
      }
      const units = await jobStore.find('units', cursor ? { _id: { $gt: cursor } } : {}, { sort: { _id: 1 }, limit: 2 })
      for (const unit of units) await jobStore.update('units', { _id: unit._id }, { $inc: { seen: 1 } })
      return { count: units.length, ...(units.length === 2 ? { cursor: units[1]._id } : {}) }
    },
  }
}

/** How many times each unit was handled, by unit id. */
async function seenCounts() {
  const units = (await store.find('units', {}, { sort: { _id: 1 } })) as unknown as { _id: string; seen?: number }[]
  return units.map((unit) => unit.seen ?? 0)
}

/** A 10 s time limit: no batch starts after 5 s, so a run does three two-second batches (6 units). */
const options = () => ({ functionName: 'test', services: { store, files: testFiles, wechat: testWeChat }, now: NOW, timeoutSeconds: 10, clock })
/** A time limit long enough for the whole round. */
const unhurried = () => ({ ...options(), timeoutSeconds: 600 })

describe('a job in batches', () => {
  it('stops starting batches at half the time limit, keeps its cursor, and the next run resumes: each item once', async () => {
    const job = unitWalk()
    const first = await runJobNow('walk', job, options())
    expect(first).toEqual({ job: 'walk', outcome: 'continuing', count: 6 })
    expect(await store.get('jobRuns', 'test.walk')).toMatchObject({ cursor: 'unit06', roundCount: 6, lastOutcome: 'continuing', lastCount: 6, lastDurationMs: 6000 })

    expect(await runJobNow('walk', job, options())).toEqual({ job: 'walk', outcome: 'continuing', count: 12 })
    expect(await runJobNow('walk', job, options())).toEqual({ job: 'walk', outcome: 'continuing', count: 18 })
    expect(await runJobNow('walk', job, options())).toEqual({ job: 'walk', outcome: 'ok', count: 20 })
    expect(await seenCounts()).toEqual(Array(20).fill(1))
    const record = await store.get('jobRuns', 'test.walk')
    expect(record).toMatchObject({ roundCount: 0, lastOutcome: 'ok', lastCount: 20, lastCompletedAt: NOW.toISOString() })
    expect(record).not.toHaveProperty('cursor')
    expect(record).not.toHaveProperty('leaseUntil')
  })

  it('a run that fails mid-round records why; the next run resumes from the last saved cursor', async () => {
    const job = unitWalk({ failAfter: 'unit02' })
    expect(await runJobNow('walk', job, options())).toEqual({ job: 'walk', outcome: 'failed', count: 2, error: '网络中断' })
    expect(await store.get('jobRuns', 'test.walk')).toMatchObject({ cursor: 'unit02', lastOutcome: 'failed', lastError: '网络中断' })
    expect(await runJobNow('walk', job, unhurried())).toEqual({ job: 'walk', outcome: 'ok', count: 20 })
    expect(await seenCounts()).toEqual(Array(20).fill(1))
    expect(await store.get('jobRuns', 'test.walk')).not.toHaveProperty('lastError')
  })

  it('two overlapping runs: the lease lets one work the job, the other skips it', async () => {
    const job = unitWalk()
    const runs = await Promise.all([runJobNow('walk', job, unhurried()), runJobNow('walk', job, unhurried())])
    expect(runs.filter((run) => run !== undefined)).toEqual([{ job: 'walk', outcome: 'ok', count: 20 }])
    expect(await seenCounts()).toEqual(Array(20).fill(1))
  })

  it('a lease left by a run that was cut off expires with the time limit', async () => {
    await store.insert('jobRuns', { _id: 'test.walk', roundCount: 0, leaseUntil: later(10_000).toISOString() })
    expect(await runJobNow('walk', unitWalk(), unhurried())).toBeUndefined()
    expect(await runJobNow('walk', unitWalk(), { ...unhurried(), now: later(10_000) })).toMatchObject({ outcome: 'ok' })
  })

  it('a run that outlived its lease (another run took the job over) writes nothing more to the record', async () => {
    const overtaken: Job = {
      async runBatch({ store: jobStore }) {
        // Meanwhile the lease ran out and another run took it, with a cursor of its own.
        await jobStore.update('jobRuns', { _id: 'test.walk' }, { $set: { leaseToken: 'another-run', cursor: 'unit09', roundCount: 8 } })
        return { count: 2, cursor: 'unit02' }
      },
    }
    expect(await runJobNow('walk', overtaken, unhurried())).toBeUndefined()
    expect(await store.get('jobRuns', 'test.walk')).toMatchObject({ leaseToken: 'another-run', cursor: 'unit09', roundCount: 8 })
  })

  it('runDueJobs runs a job when due, an unfinished round at once, and nothing else', async () => {
    const catalogue = { walk: { title: '遍历分工会', schedule: { everyMinutes: 10 } } }
    const jobs = { walk: unitWalk() }
    const at = (now: Date) => runDueJobs(catalogue, jobs, { ...options(), now })
    expect(await at(NOW)).toEqual([{ job: 'walk', outcome: 'continuing', count: 6 }])
    // Unfinished: it goes on a minute later, though ten minutes have not passed.
    expect(await at(later(MINUTE))).toEqual([{ job: 'walk', outcome: 'continuing', count: 12 }])
    expect(await at(later(2 * MINUTE))).toEqual([{ job: 'walk', outcome: 'continuing', count: 18 }])
    expect(await at(later(3 * MINUTE))).toEqual([{ job: 'walk', outcome: 'ok', count: 20 }])
    expect(await at(later(4 * MINUTE))).toEqual([])
    // Ten minutes after the round completed: a new round.
    expect(await at(later(13 * MINUTE))).toEqual([{ job: 'walk', outcome: 'continuing', count: 6 }])
    expect(await seenCounts()).toEqual([...Array(6).fill(2), ...Array(14).fill(1)])
  })
})

describe('任务运行记录 (audit.jobRuns)', () => {
  it('lists every job of every function, with its last run once it has run', async () => {
    expectOk(await send(store, 'notices', { trigger: 'jobs' }, undefined))
    const runs = expectOk(await callAs(store, 'audit', PEOPLE.office, 'jobRuns'))
    expect(runs.map((run) => `${run.functionName}.${run.job} ${run.title} ${run.schedule}`)).toEqual([
      'audit.purgeRequestKeys 清理过期的请求记录 每 1 小时',
      'notices.unpinExpired 取消到期的置顶 每 10 分钟',
      'exports.purgeFiles 删除过期的上传和导出文件 每 10 分钟',
      'messages.dispatch 发送微信订阅消息 每 1 分钟',
      'messages.fanOut 把群发消息写入每人的消息列表 每 1 分钟',
      'messages.purgeInbox 删除一年前的消息 每天 03:00',
      'events.expireOffers 过期的递补名额让给下一位候补 每 1 分钟',
      'events.tellCancelled 通知已取消活动的报名人 每 1 分钟',
      'events.remind 发送活动提醒 每 5 分钟',
      'events.reconcile 校正活动名额 每 10 分钟',
      'benefits.issueBirthdays 发放生日慰问 每天 08:00',
      'benefits.remindReceipt 提醒领取福利 每天 09:30',
      'benefits.finishRounds 完成未发放完的节日慰问 每 10 分钟',
      'proposals.remindOverdue 提醒承办部门答复超期的提案 每天 09:00',
      'members.migrateRoleScopes 角色范围改为编号 仅一次',
      'members.forgetBindFailures 清理过期的绑定失败记录 每天 03:30',
    ])
    expect(runs[1]).toMatchObject({ lastRunAt: NOW.toISOString(), outcome: 'ok', count: 0, lastCompletedAt: NOW.toISOString() })
    expect(runs[0]).not.toHaveProperty('lastRunAt')
  })
})

describe('job: members.migrateRoleScopes', () => {
  it('turns free-text scopes into ids, creating what does not exist yet, and keeps id scopes as they are', async () => {
    await store.update('members', { _id: PEOPLE.unitAdmin }, { $set: { roles: ['unitAdmin:unit05', 'delegate:六届二次'] } })
    await store.update('members', { _id: PEOPLE.delegate }, { $set: { roles: ['delegate:七届一次', 'clubAdmin:羽毛球俱乐部', 'unitAdmin:文学院分工会'] } })
    // A unit admin of a unit that is not there (a typo): left as it is; no unit is made up.
    await store.update('members', { _id: PEOPLE.clubAdmin }, { $set: { roles: ['unitAdmin:文学院分会'] } })
    const summary = await runJob(store, 'members', 'migrateRoleScopes', { now: NOW })
    expect(summary).toEqual({ job: 'migrateRoleScopes', outcome: 'ok', count: 2 })
    const [created] = await store.find('congressSessions', { name: '七届一次' })
    expect(created).toMatchObject({ name: '七届一次', order: 3 })
    expect((await store.get('members', PEOPLE.unitAdmin))?.roles).toEqual(['unitAdmin:unit05', 'delegate:session-6-2'])
    expect((await store.get('members', PEOPLE.delegate))?.roles).toEqual([`delegate:${created._id}`, 'clubAdmin:club-badminton', 'unitAdmin:unit05'])
    // Audited by the system, each member's grants before and after.
    const entries = await store.find('auditLog', { action: 'members.migrateRoles' }, { sort: { targetId: 1 } })
    expect(entries.map(({ actorId, actorName, target, before, after }) => ({ actorId, actorName, target, before, after }))).toEqual([
      { actorId: 'system', actorName: '系统', target: '胡静（200010）', before: { 角色: ['unitAdmin:unit05', 'delegate:六届二次'] }, after: { 角色: ['unitAdmin:unit05', 'delegate:session-6-2'] } },
      {
        actorId: 'system',
        actorName: '系统',
        target: '程欣（200011）',
        before: { 角色: ['delegate:七届一次', 'clubAdmin:羽毛球俱乐部', 'unitAdmin:文学院分工会'] },
        after: { 角色: [`delegate:${created._id}`, 'clubAdmin:club-badminton', 'unitAdmin:unit05'] },
      },
    ])
    // The labels read as before.
    expect(expectOk(await callAs(store, 'members', PEOPLE.delegate, 'me')).roles.map((role) => role.label)).toEqual([
      '教代会代表（七届一次）',
      '俱乐部负责人（羽毛球俱乐部）',
      '分工会管理员（文学院分工会）',
    ])
    expect((await store.get('members', PEOPLE.clubAdmin))?.roles).toEqual(['unitAdmin:文学院分会'])
    expect(await store.count('units')).toBe(20)
    expect(await runJob(store, 'members', 'migrateRoleScopes', { now: NOW })).toEqual({ job: 'migrateRoleScopes', outcome: 'ok', count: 0 })
  })

  it('runs once: the trigger does not run it again', async () => {
    const ran = (now: Date) => send(store, 'members', { trigger: 'jobs' }, undefined, { now }).then((result) => expectOk(result) as { job: string }[])
    expect((await ran(NOW)).map((run) => run.job)).toEqual(['migrateRoleScopes', 'forgetBindFailures'])
    expect((await ran(later(30 * 24 * 60 * MINUTE))).map((run) => run.job)).toEqual(['forgetBindFailures'])
  })
})

/**
 * Every periodic job, by function: what it is called in Chinese and when it is due. WeChat allows one timer trigger
 * per function, so each function's trigger runs whichever of its jobs are due (cloudfunctions/core/jobs.ts); the
 * union office sees each job's last run in 任务运行记录.
 */
/** When a job is due, in Shanghai time: every few minutes, once a day at a time, or once ever (a migration). */
export type Schedule = { everyMinutes: number } | { dailyAt: string } | { once: true }

export interface JobInfo {
  title: string
  schedule: Schedule
}

export const JOB_CATALOGUE = {
  audit: {
    purgeRequestKeys: { title: '清理过期的请求记录', schedule: { everyMinutes: 60 } },
  },
  notices: {
    unpinExpired: { title: '取消到期的置顶', schedule: { everyMinutes: 10 } },
  },
  exports: {
    purgeFiles: { title: '删除过期的上传和导出文件', schedule: { everyMinutes: 10 } },
  },
  messages: {
    // Sending first: a long fan-out never holds up messages already written.
    dispatch: { title: '发送微信订阅消息', schedule: { everyMinutes: 1 } },
    fanOut: { title: '把群发消息写入每人的消息列表', schedule: { everyMinutes: 1 } },
    purgeInbox: { title: '删除一年前的消息', schedule: { dailyAt: '03:00' } },
  },
  events: {
    expireOffers: { title: '过期的递补名额让给下一位候补', schedule: { everyMinutes: 1 } },
    tellCancelled: { title: '通知已取消活动的报名人', schedule: { everyMinutes: 1 } },
    remind: { title: '发送活动提醒', schedule: { everyMinutes: 5 } },
    reconcile: { title: '校正活动名额', schedule: { everyMinutes: 10 } },
  },
  benefits: {
    issueBirthdays: { title: '发放生日慰问', schedule: { dailyAt: '08:00' } },
    remindReceipt: { title: '提醒领取福利', schedule: { dailyAt: '09:30' } },
    finishRounds: { title: '完成未发放完的节日慰问', schedule: { everyMinutes: 10 } },
  },
  proposals: {
    remindOverdue: { title: '提醒承办部门答复超期的提案', schedule: { dailyAt: '09:00' } },
  },
  members: {
    migrateRoleScopes: { title: '角色范围改为编号', schedule: { once: true } },
    forgetBindFailures: { title: '清理过期的绑定失败记录', schedule: { dailyAt: '03:30' } },
  },
} as const satisfies Record<string, Record<string, JobInfo>>

export type JobFunction = keyof typeof JOB_CATALOGUE

export function scheduleLabel(schedule: Schedule): string {
  if ('everyMinutes' in schedule) return schedule.everyMinutes % 60 === 0 ? `每 ${schedule.everyMinutes / 60} 小时` : `每 ${schedule.everyMinutes} 分钟`
  if ('dailyAt' in schedule) return `每天 ${schedule.dailyAt}`
  return '仅一次'
}

export type JobOutcome = 'ok' | 'continuing' | 'failed'

export const JOB_OUTCOME_LABELS: Record<JobOutcome, string> = {
  ok: '完成',
  continuing: '未完，下次继续',
  failed: '失败',
}

/** One job as 任务运行记录 shows it. */
export interface JobRunView {
  functionName: string
  job: string
  title: string
  schedule: string
  /** Absent until the job first runs. */
  lastRunAt?: string
  outcome?: JobOutcome
  /** Items the run handled (notices unpinned, messages sent…). */
  count?: number
  durationMs?: number
  error?: string
  lastCompletedAt?: string
}

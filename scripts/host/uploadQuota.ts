/**
 * How much one person may upload to the local host: a number of files and of bytes within any hour. The host is
 * one process, so the window lives in memory (a restart forgets it, which only ever lets someone upload sooner).
 */
import { inShanghai } from '../../types/time'

const MB = 1024 * 1024
const WINDOW_MS = 60 * 60_000

export interface QuotaLimits {
  /** Uploads per person within an hour. */
  files: number
  /** Bytes per person within an hour. */
  bytes: number
}

/** Room for a day's roster work (a roster is at most 5 MB); far from the 300 MB the test found in three seconds. */
export const UPLOAD_QUOTA: QuotaLimits = { files: 20, bytes: 50 * MB }

interface Upload {
  at: number
  bytes: number
}

export class UploadQuota {
  private readonly uploads = new Map<string, Upload[]>()

  constructor(
    readonly limits: QuotaLimits = UPLOAD_QUOTA,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * Undefined when `person` may upload `bytes` more now; otherwise the moment (epoch ms) they may: when enough of
   * their uploads have left the hour for this one to fit.
   */
  blockedUntil(person: string, bytes: number): number | undefined {
    const recent = this.recent(person)
    let files = recent.length
    let used = recent.reduce((sum, upload) => sum + upload.bytes, 0)
    let freed = 0
    while (freed < recent.length && (files + 1 > this.limits.files || used + bytes > this.limits.bytes)) {
      files -= 1
      used -= recent[freed].bytes
      freed += 1
    }
    return freed === 0 ? undefined : recent[freed - 1].at + WINDOW_MS
  }

  record(person: string, bytes: number) {
    this.uploads.set(person, [...this.recent(person), { at: this.clock(), bytes }])
  }

  /** The person's uploads within the last hour, oldest first; older ones are forgotten. */
  private recent(person: string): Upload[] {
    const since = this.clock() - WINDOW_MS
    const recent = (this.uploads.get(person) ?? []).filter((upload) => upload.at > since)
    if (recent.length === 0) this.uploads.delete(person)
    else this.uploads.set(person, recent)
    return recent
  }

  /** What the person is told: the limits, and when (Shanghai time, to the minute) they may upload again. */
  message(until: number): string {
    const minute = Math.ceil(until / 60_000) * 60_000
    const minutes = Math.max(1, Math.ceil((until - this.clock()) / 60_000))
    return (
      `上传太频繁：每人每小时最多上传 ${this.limits.files} 个文件、共 ${this.limits.bytes / MB} MB。` +
      `请在 ${inShanghai(minute).format('HH:mm')}（约 ${minutes} 分钟后）再上传`
    )
  }
}

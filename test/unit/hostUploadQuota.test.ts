/** How much one person may upload to the local host within an hour, and what they are told past it. */
import { UploadQuota } from '../../scripts/host/uploadQuota'

const MB = 1024 * 1024
const MINUTE = 60_000
/** 2026-11-20 10:00 in Shanghai. */
const T0 = Date.parse('2026-11-20T02:00:00.000Z')

describe('UploadQuota', () => {
  let now = T0
  const quota = () => new UploadQuota({ files: 3, bytes: 10 * MB }, () => now)

  beforeEach(() => {
    now = T0
  })

  it('lets a person upload up to the count, then says when the oldest upload leaves the hour', () => {
    const q = quota()
    for (const minutes of [0, 5, 10]) {
      now = T0 + minutes * MINUTE
      expect(q.blockedUntil('m1', MB)).toBeUndefined()
      q.record('m1', MB)
    }
    now = T0 + 20 * MINUTE
    expect(q.blockedUntil('m1', MB)).toBe(T0 + 60 * MINUTE)
    expect(q.message(T0 + 60 * MINUTE)).toBe('上传太频繁：每人每小时最多上传 3 个文件、共 10 MB。请在 11:00（约 40 分钟后）再上传')
    // Another person has their own quota.
    expect(q.blockedUntil('m2', MB)).toBeUndefined()
    // Once the first upload is an hour old, one more fits; the next waits for the second.
    now = T0 + 60 * MINUTE + 1
    expect(q.blockedUntil('m1', MB)).toBeUndefined()
    q.record('m1', MB)
    expect(q.blockedUntil('m1', MB)).toBe(T0 + 65 * MINUTE)
  })

  it('counts bytes: a file that does not fit waits for as many old uploads to leave as it needs', () => {
    const q = quota()
    q.record('m1', 4 * MB)
    now = T0 + 10 * MINUTE
    q.record('m1', 4 * MB)
    now = T0 + 30 * MINUTE
    expect(q.blockedUntil('m1', 2 * MB)).toBeUndefined()
    expect(q.blockedUntil('m1', 3 * MB)).toBe(T0 + 60 * MINUTE)
    expect(q.blockedUntil('m1', 9 * MB)).toBe(T0 + 70 * MINUTE)
  })

  it('says the time to the minute, rounded up, in Shanghai', () => {
    const q = quota()
    expect(q.message(T0 + 59 * MINUTE + 30_000)).toBe('上传太频繁：每人每小时最多上传 3 个文件、共 10 MB。请在 11:00（约 60 分钟后）再上传')
    expect(q.message(T0 + 10_000)).toBe('上传太频繁：每人每小时最多上传 3 个文件、共 10 MB。请在 10:01（约 1 分钟后）再上传')
  })

  it('has the standard limits by default: 20 files and 50 MB an hour', () => {
    expect(new UploadQuota().limits).toEqual({ files: 20, bytes: 50 * MB })
  })
})

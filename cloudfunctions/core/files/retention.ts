/**
 * Files hold personal data (a roster has everyone's phone number), so none is kept long: each file a person uploads
 * or a function makes is recorded with a time to delete it, and the `roster.purgeFiles` job deletes it then.
 */
import { createHash } from 'node:crypto'
import { upsert } from '../queries'
import type { Store } from '../store/port'
import type { DownloadLink } from '../../../types/roster'
import type { FileStore } from './port'

/** Long enough to preview, apply and retry an import, or to download an export; short enough to leave nothing behind. */
export const KEEP_FILES_MINUTES = 60

/** Records `fileId` to be deleted KEEP_FILES_MINUTES after `now` (using it again keeps it that much longer). */
export async function keepForAWhile(store: Store, fileId: string, now: Date): Promise<void> {
  const removeAfter = new Date(now.getTime() + KEEP_FILES_MINUTES * 60_000).toISOString()
  // File ids carry slashes and colons; the record's id is their hash.
  const _id = createHash('sha256').update(fileId).digest('hex').slice(0, 32)
  await upsert(store, 'files', { _id, fileId, removeAfter }, { $set: { removeAfter } })
}

/** Saves a file a function made and links to it; the file is deleted within the hour. */
export async function offerFile(store: Store, files: FileStore, now: Date, fileName: string, data: Buffer): Promise<DownloadLink> {
  const fileId = await files.save(fileName, data)
  await keepForAWhile(store, fileId, now)
  return { url: await files.downloadUrl(fileId), fileName }
}

/** Deletes up to `limit` recorded files whose time has come; answers how many. */
export async function purgeExpiredFiles(store: Store, files: FileStore, now: Date, limit: number): Promise<number> {
  const expired = await store.find('files', { removeAfter: { $lte: now.toISOString() } }, { sort: { removeAfter: 1 }, limit })
  if (expired.length === 0) return 0
  await files.remove(expired.map((doc) => doc.fileId))
  await store.remove('files', { _id: { $in: expired.map((doc) => doc._id) } })
  return expired.length
}

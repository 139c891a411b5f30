/**
 * Files hold personal data (a roster has everyone's phone number), so none is kept long: each file a person uploads
 * or a function makes is recorded with a time to delete it, and the `exports.purgeFiles` job deletes it then.
 *
 * Except an event's cover image (public to members, no personal data), kept while an event shows it: the job never
 * deletes a file an event shows as its cover (a copied event shares its original's), it only drops its record. A
 * save that replaces or removes a cover records the old one, so it goes an hour later unless an event shows it then.
 *
 * And an application's proof images (慰问申请的证明材料), held while it waits (their upload's record is dropped) and
 * recorded again, to go a set time after it is decided.
 */
import { createHash } from 'node:crypto'
import { upsert } from '../queries'
import type { FileDoc } from '../collections'
import type { Store, Transaction } from '../store/port'
import type { DownloadLink } from '../../../types/exports'
import type { FileStore } from './port'

/** Long enough to preview, apply and retry an import, or to download an export; short enough to leave nothing behind. */
export const KEEP_FILES_MINUTES = 60

/** The id of `fileId`'s record: file ids carry slashes and colons, so the record's id is their hash. */
const recordIdOf = (fileId: string) => createHash('sha256').update(fileId).digest('hex').slice(0, 32)

function recordOf(fileId: string, now: Date): FileDoc {
  return { _id: recordIdOf(fileId), fileId, removeAfter: new Date(now.getTime() + KEEP_FILES_MINUTES * 60_000).toISOString() }
}

/** Records `fileId` to be deleted KEEP_FILES_MINUTES after `now` (using it again keeps it that much longer). */
export async function keepForAWhile(store: Store, fileId: string, now: Date): Promise<void> {
  const record = recordOf(fileId, now)
  await upsert(store, 'files', record, { $set: { removeAfter: record.removeAfter } })
}

/** `keepForAWhile` as part of a transaction: the record commits with the change that lets go of the file. */
export const keepForAWhileIn = (tx: Transaction, fileId: string, now: Date) => removeAfterIn(tx, fileId, recordOf(fileId, now).removeAfter)

/** Records `fileId` to be deleted at `removeAfter` (an ISO time), as part of a transaction; it replaces any time recorded before. */
export async function removeAfterIn(tx: Transaction, fileId: string, removeAfter: string): Promise<void> {
  const _id = recordIdOf(fileId)
  if (!(await tx.updateById('files', _id, { $set: { removeAfter } }))) await tx.insert('files', { _id, fileId, removeAfter })
}

/** Takes `fileId` off the list to delete, as part of a transaction: a document holds it now (an application's proof, until its decision). */
export async function holdIn(tx: Transaction, fileId: string): Promise<void> {
  await tx.removeById('files', recordIdOf(fileId))
}

/** Saves a file a function made and links to it; the file is deleted within the hour. */
export async function offerFile(store: Store, files: FileStore, now: Date, fileName: string, data: Buffer): Promise<DownloadLink> {
  const fileId = await files.save(fileName, data)
  await keepForAWhile(store, fileId, now)
  return { url: await files.downloadUrl(fileId), fileName }
}

/** Deletes up to `limit` recorded files whose time has come, but not a cover an event shows; answers how many records went. */
export async function purgeExpiredFiles(store: Store, files: FileStore, now: Date, limit: number): Promise<number> {
  const expired = await store.find('files', { removeAfter: { $lte: now.toISOString() } }, { sort: { removeAfter: 1 }, limit })
  if (expired.length === 0) return 0
  const fileIds = expired.map((doc) => doc.fileId)
  const shown = await store.find('events', { coverFileId: { $in: fileIds } }, { fields: ['coverFileId'] })
  const covers = new Set(shown.map((event) => event.coverFileId))
  await files.remove(fileIds.filter((fileId) => !covers.has(fileId)))
  await store.remove('files', { _id: { $in: expired.map((doc) => doc._id) } })
  return expired.length
}

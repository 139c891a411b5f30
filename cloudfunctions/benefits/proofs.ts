/**
 * Proof images (证明材料) of a 慰问 application or a hardship case: checked to be uploaded images small enough, held
 * while their case is open, and deleted PROOFS_KEPT_DAYS after it is decided, returned or closed.
 */
import { PROOF_MAX_BYTES, PROOFS_KEPT_DAYS } from '../../types/benefitApplications'
import { checkUploadedImages } from '../core/files/images'
import type { FileStore } from '../core/files/port'
import { holdIn, removeAfterIn } from '../core/files/retention'
import type { Transaction } from '../core/store/port'

const DAY_MS = 86_400_000

/** Refuses the first proof that is not an uploaded image small enough, naming its field (`proofFileIds.2`). */
export const checkProofs = (files: FileStore, fileIds: string[], field: string) => checkUploadedImages(files, fileIds, field, '证明材料', PROOF_MAX_BYTES)

/** Kept while their case is open, whatever their upload's record said. */
export async function holdProofs(tx: Transaction, fileIds: string[]): Promise<void> {
  for (const fileId of fileIds) await holdIn(tx, fileId)
}

/** To go PROOFS_KEPT_DAYS from now: their case is decided (taking it up again holds them again). */
export async function releaseProofs(tx: Transaction, fileIds: string[], now: Date): Promise<void> {
  const removeAfter = new Date(now.getTime() + PROOFS_KEPT_DAYS * DAY_MS).toISOString()
  for (const fileId of fileIds) await removeAfterIn(tx, fileId, removeAfter)
}

/** Links to each owner's proofs, in one call to the file store (a proof already deleted has none). */
export async function proofLinks(files: FileStore, owners: { proofFileIds: string[] }[]): Promise<string[][]> {
  const links = await files.downloadUrls(owners.flatMap((owner) => owner.proofFileIds))
  return owners.map((owner) => owner.proofFileIds.flatMap((fileId) => links.get(fileId) ?? []))
}

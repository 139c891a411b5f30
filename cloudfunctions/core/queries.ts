/** Small store reads and writes every function repeats. */
import type { Page } from '../../types/common'
import type { CollectionName, DocOf } from './collections'
import { notFound } from './errors'
import { DuplicateKeyError, type Store, type Update } from './store/port'

/** The document, or the Chinese "not found" a person sees (`what` names it: 通知, 会员). */
export async function mustGet<C extends CollectionName>(store: Store, collection: C, id: string, what: string): Promise<DocOf<C>> {
  const doc = await store.get(collection, id)
  if (!doc) throw notFound(what)
  return doc
}

/** A page from up to `limit + 1` items read: the extra one only says there is more. */
export function pageOf<T>(items: T[], limit: number): Page<T> {
  return { items: items.slice(0, limit), hasMore: items.length > limit }
}

/**
 * Inserts `doc`, or, when a document `doc._id` exists already, applies `update` to it. Inserting first needs no
 * count of matches (which CloudBase cannot give atomically with the write): a duplicate key says the document exists.
 */
export async function upsert<C extends CollectionName>(store: Store, collection: C, doc: DocOf<C>, update: Update): Promise<void> {
  try {
    await store.insert(collection, doc)
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    await store.update(collection, { _id: doc._id }, update)
  }
}

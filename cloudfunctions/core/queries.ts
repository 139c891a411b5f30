/** Small store reads every function repeats. */
import type { Page } from '../../types/common'
import type { CollectionName, DocOf } from './collections'
import { notFound } from './errors'
import type { Store } from './store/port'

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

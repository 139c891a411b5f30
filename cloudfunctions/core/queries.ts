/** Small store reads and writes every function repeats. */
import type { Page } from '../../types/common'
import type { CollectionName, DocOf } from './collections'
import { notFound } from './errors'
import { DuplicateKeyError, type Filter, type NewDoc, type Store, type Update } from './store/port'

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
 * Inserts `doc` unless a document with its id (or unique key) is there already: true when this call inserted it.
 * A duplicate key is the atomic answer to "is it there?" on both stores (a read first could race another insert).
 * Not inside a transaction, where a failed insert would abort it on CloudBase: read by id there first.
 */
export async function insertIfAbsent<C extends CollectionName>(store: Pick<Store, 'insert'>, collection: C, doc: NewDoc<C>): Promise<boolean> {
  try {
    await store.insert(collection, doc)
    return true
  } catch (error) {
    if (error instanceof DuplicateKeyError) return false
    throw error
  }
}

/** Inserts `doc`, or, when a document `doc._id` exists already, applies `update` to it. */
export async function upsert<C extends CollectionName>(store: Store, collection: C, doc: DocOf<C>, update: Update): Promise<void> {
  if (!(await insertIfAbsent(store, collection, doc))) await store.update(collection, { _id: doc._id }, update)
}

/** Values named in one `$in` read: CloudBase caps the list a query may carry. */
const IN_CHUNK = 100

/**
 * Every document whose `field` is one of `values` (and that matches `filter`), only `fields` if given: read
 * IN_CHUNK values at a time.
 */
export async function findIn<C extends CollectionName>(store: Store, collection: C, field: string, values: readonly string[], filter: Filter = {}, fields?: string[]): Promise<DocOf<C>[]> {
  const found: DocOf<C>[] = []
  for (let at = 0; at < values.length; at += IN_CHUNK) {
    found.push(...(await store.find(collection, { ...filter, [field]: { $in: values.slice(at, at + IN_CHUNK) } }, fields ? { fields } : {})))
  }
  return found
}

/** Documents read at a time by `findAllById`: CloudBase answers at most 1,000 a read. */
const ID_PAGE = 1000

/**
 * Every document matching `filter` (only `fields`, if given), in id order, read a page at a time after the last id
 * seen: a long read that never asks CloudBase to skip thousands of documents.
 */
export async function findAllById<C extends CollectionName>(store: Store, collection: C, filter: Filter, fields?: string[]): Promise<DocOf<C>[]> {
  if ('_id' in filter) throw new Error('findAllById pages by _id: its filter cannot name one')
  const found: DocOf<C>[] = []
  for (let after = ''; ; ) {
    const page = await store.find(collection, { ...filter, _id: { $gt: after } }, { sort: { _id: 1 }, limit: ID_PAGE, ...(fields ? { fields } : {}) })
    found.push(...page)
    if (page.length < ID_PAGE) return found
    after = page[page.length - 1]._id
  }
}

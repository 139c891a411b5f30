/**
 * The document-store port. Function code talks only to this; two adapters implement it:
 * SQLite (embedded, local host and tests) and CloudBase (production, via wx-server-sdk).
 *
 * Documents are JSON with a string `_id`. Times are ISO-8601 UTC strings, so they compare and sort as text.
 */
import { randomUUID } from 'node:crypto'
import type { CollectionName, DocOf } from '../collections'

export type Scalar = string | number | boolean | null

export interface FieldOperators {
  $eq?: Scalar
  $ne?: Scalar
  $gt?: string | number
  $gte?: string | number
  $lt?: string | number
  $lte?: string | number
  $in?: Scalar[]
  $nin?: Scalar[]
  $exists?: boolean
}

/**
 * A Mongo-style filter subset: `{ field: value }` (on an array field declared in the collection: an element equals
 * value; booleans are stored as JSON true/false and SQLite compares them as 1/0, so keep boolean fields boolean), `{ field: { $gt: 1, $lt: 9 } }`, dotted paths `{ 'audience.kind': 'all' }`, and `$and` / `$or`.
 */
export type Filter = {
  $and?: Filter[]
  $or?: Filter[]
} & {
  [path: string]: Scalar | FieldOperators | Filter[] | undefined
}

export type SortSpec = Record<string, 1 | -1>

export interface FindOptions {
  sort?: SortSpec
  skip?: number
  /** Omitted: every match (the CloudBase adapter pages through the service's per-read cap). */
  limit?: number
  /** Only these top-level fields (and `_id`). */
  fields?: string[]
}

export interface Update {
  $set?: Record<string, unknown>
  $inc?: Record<string, number>
  $unset?: Record<string, true>
  $push?: Record<string, unknown>
  $pull?: Record<string, Scalar>
}

/** What CloudBase reports atomically for an update: how many documents changed (not how many matched). */
export interface UpdateResult {
  modified: number
}

export type NewDoc<C extends CollectionName> = Omit<DocOf<C>, '_id'> & { _id?: string }

export interface Store {
  get<C extends CollectionName>(collection: C, id: string): Promise<DocOf<C> | null>
  find<C extends CollectionName>(collection: C, filter?: Filter, options?: FindOptions): Promise<DocOf<C>[]>
  count<C extends CollectionName>(collection: C, filter?: Filter): Promise<number>
  /** Returns the new id. A duplicate `_id` or unique key throws DuplicateKeyError. */
  insert<C extends CollectionName>(collection: C, doc: NewDoc<C>): Promise<string>
  /**
   * Applies the update to every match, each document atomically. `modified` counts the documents that changed: a
   * match the update leaves as it was is not counted, so never read `modified` as "found".
   */
  update<C extends CollectionName>(collection: C, filter: Filter, update: Update): Promise<UpdateResult>
  /**
   * Applies `update` to document `id` only while it matches `guard` (e.g. `{ remaining: { $gt: 0 } }`), atomically,
   * and answers whether it did. The update must change the document whenever the guard holds (a decrement, a state
   * change): CloudBase counts only changed documents, so an update that changes nothing answers false.
   */
  claim<C extends CollectionName>(collection: C, id: string, guard: Filter, update: Update): Promise<boolean>
  /** Returns how many documents were removed. */
  remove<C extends CollectionName>(collection: C, filter: Filter): Promise<number>
  /**
   * Runs `work` all-or-nothing. As on CloudBase, a transaction holds single-document operations only.
   * Inside `work` use only `tx`: a store method called there rejects with TransactionMisuseError. Both adapters may
   * run `work` again after a conflict, so it must do nothing but its `tx` calls (no other side effects); a conflict
   * that outlasts the retries rejects with StoreBusyError.
   */
  transaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R>
}

export interface Transaction {
  get<C extends CollectionName>(collection: C, id: string): Promise<DocOf<C> | null>
  insert<C extends CollectionName>(collection: C, doc: NewDoc<C>): Promise<string>
  /** True when the document exists (whether or not the update changed it). */
  updateById<C extends CollectionName>(collection: C, id: string, update: Update): Promise<boolean>
  removeById<C extends CollectionName>(collection: C, id: string): Promise<boolean>
}

export class StoreError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'StoreError'
  }
}

/** A filter or update the port does not support: a programming error, never user input. */
export class UnsupportedQueryError extends StoreError {
  constructor(message: string) {
    super(message)
    this.name = 'UnsupportedQueryError'
  }
}

/**
 * The database is too busy to answer now (throttled, or a write kept conflicting) after the adapter's retries:
 * the caller may try again shortly.
 */
export class StoreBusyError extends StoreError {
  constructor(
    message: string,
    readonly cause?: unknown,
  ) {
    super(message)
    this.name = 'StoreBusyError'
  }
}

/** A store method called inside `transaction()` work: a programming error (it would deadlock SQLite). */
export class TransactionMisuseError extends StoreError {
  constructor(method: string) {
    super(`store.${method}() was called inside transaction() work: use the tx argument (tx.get, tx.insert, tx.updateById, tx.removeById) there`)
    this.name = 'TransactionMisuseError'
  }
}

export class DuplicateKeyError extends StoreError {
  constructor(
    readonly collection: string,
    detail: string,
  ) {
    super(`duplicate key in ${collection}: ${detail}`)
    this.name = 'DuplicateKeyError'
  }
}

const OPERATORS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$exists'])

/** Distinguishes `{ $gt: 1 }` from a plain value; rejects what the port does not support. */
export function fieldOperators(path: string, condition: unknown): FieldOperators | undefined {
  if (condition === null || typeof condition !== 'object') return undefined
  if (Array.isArray(condition)) throw new UnsupportedQueryError(`array equality on "${path}" is not supported`)
  const keys = Object.keys(condition)
  if (keys.length === 0) throw new UnsupportedQueryError(`empty condition on "${path}"`)
  for (const key of keys) {
    if (!OPERATORS.has(key)) throw new UnsupportedQueryError(`unsupported operator "${key}" on "${path}"`)
  }
  return condition as FieldOperators
}

/** The field paths of a filter, with `$and` / `$or` left out (each adapter joins those itself). */
export function filterEntries(filter: Filter): [string, Scalar | FieldOperators][] {
  const entries: [string, Scalar | FieldOperators][] = []
  for (const key of Object.keys(filter)) {
    const value = filter[key]
    if (value === undefined || key === '$and' || key === '$or') continue
    if (key.startsWith('$')) throw new UnsupportedQueryError(`unsupported operator "${key}"`)
    entries.push([key, value as Scalar | FieldOperators])
  }
  return entries
}

const UPDATE_OPERATORS = new Set(['$set', '$inc', '$unset', '$push', '$pull'])

/**
 * Rejects an update both adapters would not apply alike: an unknown operator, `_id`, no path at all (CloudBase
 * refuses an empty update), or two paths of which one is the other or lies inside it (`a` twice, or `a` and `a.b`),
 * which CloudBase would merge silently into one.
 */
export function checkUpdate(update: Update): void {
  const paths: string[] = []
  for (const [operator, entries] of Object.entries(update)) {
    if (!UPDATE_OPERATORS.has(operator)) throw new UnsupportedQueryError(`unsupported update operator "${operator}"`)
    paths.push(...Object.keys(entries as object))
  }
  if (paths.length === 0) throw new UnsupportedQueryError('an update must name at least one path')
  const seen = new Set<string>()
  for (const path of paths) {
    if (path === '_id' || path.startsWith('_id.')) throw new UnsupportedQueryError('_id cannot be updated')
    if (seen.has(path)) throw new UnsupportedQueryError(`"${path}" is updated twice`)
    seen.add(path)
    const inside = paths.find((other) => other.startsWith(`${path}.`))
    if (inside) throw new UnsupportedQueryError(`"${path}" and "${inside}" are both updated`)
  }
}

/** 32 hex characters, like the ids CloudBase generates. */
export function newId(): string {
  return randomUUID().replace(/-/g, '')
}

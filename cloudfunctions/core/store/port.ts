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
  /** Omitted: every match (the CloudBase adapter pages through its 1,000-a-read limit). */
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

export interface UpdateResult {
  matched: number
  modified: number
}

export type NewDoc<C extends CollectionName> = Omit<DocOf<C>, '_id'> & { _id?: string }

export interface Store {
  get<C extends CollectionName>(collection: C, id: string): Promise<DocOf<C> | null>
  find<C extends CollectionName>(collection: C, filter?: Filter, options?: FindOptions): Promise<DocOf<C>[]>
  count<C extends CollectionName>(collection: C, filter?: Filter): Promise<number>
  /** Returns the new id. A duplicate `_id` or unique key throws DuplicateKeyError. */
  insert<C extends CollectionName>(collection: C, doc: NewDoc<C>): Promise<string>
  /** Applies the update to every match, each document atomically. */
  update<C extends CollectionName>(collection: C, filter: Filter, update: Update): Promise<UpdateResult>
  /** Returns how many documents were removed. */
  remove<C extends CollectionName>(collection: C, filter: Filter): Promise<number>
  /**
   * Runs `work` all-or-nothing. As on CloudBase, a transaction holds single-document operations only.
   * Inside `work` use only `tx`: the store's own methods wait for the transaction to end. CloudBase may run `work`
   * again after a conflict, so it must do nothing but its `tx` calls (no other side effects).
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

/** The field paths of a filter, with `$and` / `$or` flattened away. */
export function* filterEntries(filter: Filter): Generator<[string, Scalar | FieldOperators]> {
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || key === '$and' || key === '$or') continue
    if (key.startsWith('$')) throw new UnsupportedQueryError(`unsupported operator "${key}"`)
    yield [key, value as Scalar | FieldOperators]
  }
}

/** 32 hex characters, like the ids CloudBase generates. */
export function newId(): string {
  return randomUUID().replace(/-/g, '')
}

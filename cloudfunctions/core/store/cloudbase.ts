import type { CollectionReference, Database, DocumentReference, Query, WxCloud } from 'wx-server-sdk'
import { COLLECTIONS, type CollectionName, type DocOf } from '../collections'
import { toCloudBaseUpdate, toCloudBaseWhere } from './cloudbaseFilter'
import {
  DuplicateKeyError,
  newId,
  StoreBusyError,
  StoreError,
  type Filter,
  type FindOptions,
  type NewDoc,
  type Store,
  type Transaction,
  type Update,
  type UpdateResult,
} from './port'
import { TransactionScope } from './transactionScope'

/** How a call that met throttling (or a transaction that met a conflict) is tried again. */
export interface RetryPolicy {
  /** Tries in all, the first included; past them the call rejects with StoreBusyError. */
  attempts: number
  /** The wait before the first retry; each later wait doubles, each with ±50% jitter. */
  baseDelayMs: number
}

/** Waits of about 50, 100, 200 and 400 ms: about 0.75 s in all, well inside a function's time limit. */
const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 50 }

/** The most records the SDK asks for in one read. */
const READ_LIMIT = 1000

/**
 * Throttling, on any call: requests (-501003) or concurrency (-501004) over the plan's quota. wx-server-sdk reports
 * the number as `errCode`; starting and committing a transaction raise the service's own code string.
 */
const THROTTLED = new Set<unknown>([-501003, -501004, 'EXCEED_REQUEST_LIMIT', 'EXCEED_CONCURRENT_REQUEST_LIMIT'])

/**
 * A transaction conflict. wx-server-sdk turns the service's DATABASE_TRANSACTION_CONFLICT into its catch-all
 * `errCode` -501001 and drops the code, so the SDK's own retry never fires; a commit raises the code as it is.
 * Only transactions treat -501001 as a conflict: their work may run again by contract.
 */
const CONFLICT = new Set<unknown>([-501001, 'DATABASE_TRANSACTION_CONFLICT'])

function codeOf(error: unknown): unknown {
  const { errCode, code } = (error ?? {}) as { errCode?: unknown; code?: unknown }
  return errCode ?? code
}

const throttled = (error: unknown) => THROTTLED.has(codeOf(error))
const throttledOrConflict = (error: unknown) => throttled(error) || CONFLICT.has(codeOf(error))

/** Real duplicates carry MongoDB's E11000; the SDK's error code (-502001 and the like) is generic. */
function duplicateOr(error: unknown, collection: string): unknown {
  const message = (error as Error).message ?? ''
  return /E11000|duplicate key/i.test(message) ? new DuplicateKeyError(collection, message) : error
}

function checkCollection(name: string) {
  if (!Object.hasOwn(COLLECTIONS, name)) throw new StoreError(`unknown collection "${name}"`)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Adds a document through a collection reference, outside or inside a transaction alike. */
async function add(reference: CollectionReference, collection: string, doc: { _id?: string }): Promise<string> {
  try {
    return (await reference.add({ data: { ...doc, _id: doc._id ?? newId() } }))._id
  } catch (error) {
    throw duplicateOr(error, collection)
  }
}

/** The document, or null: the database is opened with `throwOnNotFound: false`. */
async function read<T>(reference: DocumentReference): Promise<T | null> {
  return ((await reference.get()).data as T | null) ?? null
}

/** The production store over WeChat CloudBase's database. */
export class CloudBaseStore implements Store {
  private readonly db: Database
  private readonly retry: RetryPolicy
  private readonly transactions = new TransactionScope()

  /** `env`: the environment, when not the one `cloud.init` chose; `retry`: see RetryPolicy. */
  constructor(cloud: WxCloud, options: { env?: string; retry?: RetryPolicy } = {}) {
    this.db = cloud.database({ env: options.env, throwOnNotFound: false })
    this.retry = options.retry ?? DEFAULT_RETRY
  }

  private collection(name: string): CollectionReference {
    checkCollection(name)
    return this.db.collection(name)
  }

  private query(collection: string, filter: Filter): Query {
    return this.collection(collection).where(toCloudBaseWhere(this.db.command, filter))
  }

  /** Runs `call`, again after a backoff while it fails with a retryable error, then gives up with StoreBusyError. */
  private async retrying<R>(what: string, call: () => Promise<R>, retryable: (error: unknown) => boolean): Promise<R> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await call()
      } catch (error) {
        if (!retryable(error)) throw error
        if (attempt >= this.retry.attempts) {
          throw new StoreBusyError(`CloudBase ${what}: still busy after ${attempt} tries (${codeOf(error)})`, error)
        }
        await sleep(this.retry.baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random()))
      }
    }
  }

  /** A single call outside transactions: refused inside one, retried while throttled. */
  private call<R>(method: string, request: () => Promise<R>): Promise<R> {
    this.transactions.refuse(method)
    return this.retrying(method, request, throttled)
  }

  async get<C extends CollectionName>(collection: C, id: string) {
    return this.call('get', () => read<DocOf<C>>(this.collection(collection).doc(id)))
  }

  /**
   * Pages through CloudBase's per-read cap until `limit` documents or an empty page. The docs give both 100 and
   * 1,000 as the most one read returns in a cloud function, and a page may be cut at whatever the cap really is, so
   * no page but an empty one says the end has come (one read more than strictly needed, never a result cut short).
   */
  async find<C extends CollectionName>(collection: C, filter: Filter = {}, options: FindOptions = {}) {
    const wanted = options.limit ?? Infinity
    const results: DocOf<C>[] = []
    let skip = options.skip ?? 0
    while (results.length < wanted) {
      let query = this.query(collection, filter)
      for (const [path, direction] of Object.entries(options.sort ?? {})) query = query.orderBy(path, direction === 1 ? 'asc' : 'desc')
      // The same tie-break as SQLite's, so pages never overlap or skip a document.
      query = query.orderBy('_id', 'asc')
      if (options.fields) query = query.field(Object.fromEntries(options.fields.map((field) => [field, true])))
      const take = Math.min(READ_LIMIT, wanted - results.length)
      const page = query.skip(skip).limit(take)
      const { data } = await this.call('find', () => page.get())
      results.push(...(data as unknown as DocOf<C>[]))
      if (data.length === 0) break
      skip += data.length
    }
    return results
  }

  async count<C extends CollectionName>(collection: C, filter: Filter = {}) {
    return (await this.call('count', () => this.query(collection, filter).count())).total
  }

  async insert<C extends CollectionName>(collection: C, doc: NewDoc<C>) {
    return this.call('insert', () => add(this.collection(collection), collection, doc))
  }

  private async modify(method: string, collection: string, filter: Filter, update: Update): Promise<UpdateResult> {
    const data = toCloudBaseUpdate(this.db.command, update)
    try {
      const { stats } = await this.call(method, () => this.query(collection, filter).update({ data }))
      return { modified: stats.updated }
    } catch (error) {
      throw duplicateOr(error, collection)
    }
  }

  async update<C extends CollectionName>(collection: C, filter: Filter, update: Update) {
    return this.modify('update', collection, filter, update)
  }

  /** One conditional update: CloudBase applies it atomically and counts the document only if it changed. */
  async claim<C extends CollectionName>(collection: C, id: string, guard: Filter, update: Update) {
    return (await this.modify('claim', collection, { ...guard, _id: id }, update)).modified === 1
  }

  async remove<C extends CollectionName>(collection: C, filter: Filter) {
    return (await this.call('remove', () => this.query(collection, filter).remove())).stats.removed
  }

  /**
   * Runs `work` in `db.runTransaction` with the SDK's own retries off (they never fire, see CONFLICT), retrying the
   * whole transaction here on a conflict or throttling, each attempt rolled back by the SDK.
   */
  async transaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
    this.transactions.refuse('transaction')
    const _ = this.db.command
    return this.retrying(
      'transaction',
      () =>
        this.db.runTransaction((t) => {
          const doc = (collection: string, id: string) => {
            checkCollection(collection)
            return t.collection(collection).doc(id)
          }
          const tx: Transaction = {
            get: (collection, id) => read(doc(collection, id)),
            insert(collection, data) {
              checkCollection(collection)
              return add(t.collection(collection), collection, data)
            },
            /** True when the document exists, changed or not (as on SQLite); CloudBase counts only changes. */
            async updateById(collection, id, update) {
              if ((await doc(collection, id).update({ data: toCloudBaseUpdate(_, update) })).stats.updated === 1) return true
              return (await tx.get(collection, id)) !== null
            },
            async removeById(collection, id) {
              return (await doc(collection, id).remove()).stats.removed === 1
            },
          }
          return this.transactions.run(() => work(tx))
        }, 0),
      throttledOrConflict,
    )
  }
}

import type { CollectionReference, Database, Query } from 'wx-server-sdk'
import { COLLECTIONS, type CollectionName, type DocOf } from '../collections'
import { toCloudBaseUpdate, toCloudBaseWhere } from './cloudbaseFilter'
import {
  DuplicateKeyError,
  newId,
  StoreError,
  type Filter,
  type FindOptions,
  type NewDoc,
  type Store,
  type Transaction,
  type Update,
} from './port'

/** CloudBase returns at most this many records to one read inside a cloud function. */
const CLOUDBASE_READ_LIMIT = 1000

/** Real duplicates carry MongoDB's E11000; the SDK's error code (-502001 and the like) is generic. */
function isDuplicate(error: unknown): boolean {
  return /E11000|duplicate key/i.test((error as Error).message ?? '')
}

/** What `doc(id).get()` throws for a missing document (not a missing collection). */
function isMissingDocument(error: unknown): boolean {
  return /document with _id .* does not exist/i.test((error as Error).message ?? '')
}

function checkCollection(name: string) {
  if (!Object.hasOwn(COLLECTIONS, name)) throw new StoreError(`unknown collection "${name}"`)
}

/** Adds a document through a collection reference, outside or inside a transaction alike. */
async function add(reference: CollectionReference, collection: string, doc: { _id?: string }): Promise<string> {
  try {
    return (await reference.add({ data: { ...doc, _id: doc._id ?? newId() } }))._id
  } catch (error) {
    throw isDuplicate(error) ? new DuplicateKeyError(collection, (error as Error).message) : error
  }
}

/** The production store over WeChat CloudBase's database (`cloud.database()`). */
export class CloudBaseStore implements Store {
  constructor(private readonly db: Database) {}

  private collection(name: string): CollectionReference {
    checkCollection(name)
    return this.db.collection(name)
  }

  private query(collection: string, filter: Filter): Query {
    return this.collection(collection).where(toCloudBaseWhere(this.db.command, filter))
  }

  async get<C extends CollectionName>(collection: C, id: string) {
    const { data } = await this.query(collection, { _id: id }).limit(1).get()
    return (data[0] as unknown as DocOf<C> | undefined) ?? null
  }

  /** Pages through CloudBase's per-read limit until `limit` documents or the end. */
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
      const take = Math.min(CLOUDBASE_READ_LIMIT, wanted - results.length)
      const { data } = await query.skip(skip).limit(take).get()
      results.push(...(data as unknown as DocOf<C>[]))
      if (data.length < take) break
      skip += data.length
    }
    return results
  }

  async count<C extends CollectionName>(collection: C, filter: Filter = {}) {
    return (await this.query(collection, filter).count()).total
  }

  insert<C extends CollectionName>(collection: C, doc: NewDoc<C>) {
    return add(this.collection(collection), collection, doc)
  }

  /** CloudBase reports only how many documents it updated; `matched` is counted just before. */
  async update<C extends CollectionName>(collection: C, filter: Filter, update: Update) {
    const matched = await this.count(collection, filter)
    if (matched === 0) return { matched: 0, modified: 0 }
    try {
      const { stats } = await this.query(collection, filter).update({ data: toCloudBaseUpdate(this.db.command, update) })
      return { matched, modified: stats.updated }
    } catch (error) {
      throw isDuplicate(error) ? new DuplicateKeyError(collection, (error as Error).message) : error
    }
  }

  async remove<C extends CollectionName>(collection: C, filter: Filter) {
    return (await this.query(collection, filter).remove()).stats.removed
  }

  transaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
    const _ = this.db.command
    return this.db.runTransaction(async (t) => {
      const doc = (collection: string, id: string) => {
        checkCollection(collection)
        return t.collection(collection).doc(id)
      }
      const tx: Transaction = {
        async get(collection, id) {
          try {
            return ((await doc(collection, id).get()).data as never) ?? null
          } catch (error) {
            if (isMissingDocument(error)) return null
            throw error
          }
        },
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
      return work(tx)
    })
  }
}

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
export const CLOUDBASE_READ_LIMIT = 1000

function isDuplicate(error: unknown): boolean {
  const text = `${(error as { errCode?: number }).errCode ?? ''} ${(error as Error).message ?? ''}`
  return /duplicate key|E11000|-502001/i.test(text)
}

function isMissing(error: unknown): boolean {
  return /does not exist|not exist|-502004/i.test(`${(error as { errCode?: number }).errCode ?? ''} ${(error as Error).message ?? ''}`)
}

/** The production store over WeChat CloudBase's database (`cloud.database()`). */
export class CloudBaseStore implements Store {
  constructor(private readonly db: Database) {}

  private collection(name: string): CollectionReference {
    if (!Object.hasOwn(COLLECTIONS, name)) throw new StoreError(`unknown collection "${name}"`)
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

  async insert<C extends CollectionName>(collection: C, doc: NewDoc<C>) {
    try {
      const { _id } = await this.collection(collection).add({ data: { ...doc, _id: doc._id ?? newId() } })
      return _id
    } catch (error) {
      throw isDuplicate(error) ? new DuplicateKeyError(collection, (error as Error).message) : error
    }
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
        if (!Object.hasOwn(COLLECTIONS, collection)) throw new StoreError(`unknown collection "${collection}"`)
        return t.collection(collection).doc(id)
      }
      const tx: Transaction = {
        async get(collection, id) {
          try {
            return ((await doc(collection, id).get()).data as never) ?? null
          } catch (error) {
            if (isMissing(error)) return null
            throw error
          }
        },
        async insert(collection, data) {
          try {
            return (await t.collection(collection).add({ data: { ...data, _id: data._id ?? newId() } }))._id
          } catch (error) {
            throw isDuplicate(error) ? new DuplicateKeyError(collection, (error as Error).message) : error
          }
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

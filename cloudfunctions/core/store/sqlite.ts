import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { COLLECTIONS, type CollectionDefinition, type CollectionName, type DocOf } from '../collections'
import { updatedJson } from './applyUpdate'
import { startCheckpointer, type Checkpointer } from './checkpointer'
import {
  checkUpdate,
  DuplicateKeyError,
  newId,
  StoreError,
  type Filter,
  type FindOptions,
  type NewDoc,
  type Store,
  type Transaction,
  type Update,
  type UpdateResult,
} from './port'
import { fieldExpression, toSqlOrder, toSqlWhere, type SqlFragment } from './sqliteFilter'
import { TransactionScope } from './transactionScope'

type Row = { _id: string; doc: string }

const STATEMENTS_KEPT = 500
/** Log pages (4 KB) past which a commit checkpoints the rest itself: about 40 MB. */
const BACKSTOP_PAGES = 10_000

function definitionOf(collection: string): CollectionDefinition {
  if (!Object.hasOwn(COLLECTIONS, collection)) throw new StoreError(`unknown collection "${collection}"`)
  return COLLECTIONS[collection as CollectionName]
}

function table(collection: string): string {
  definitionOf(collection)
  return `"${collection}"`
}

function indexName(collection: string, paths: string[], kind: 'ix' | 'uq' | 'uqnull'): string {
  return `"${collection}_${kind}_${paths.join('_').replace(/\./g, '__')}"`
}

/**
 * The embedded store: one table per collection holding JSON documents, WAL journal, real unique indexes and
 * expression indexes on the fields queries use. better-sqlite3 is synchronous, so every single-document write is
 * atomic; a queue keeps other calls out while an asynchronous transaction is open.
 *
 * A unique key holds as on CloudBase, where a missing field counts as null: besides the unique index on the fields
 * (which SQLite, like SQL, lets hold many NULLs), a partial unique index over the documents lacking one of the fields
 * maps NULL to a blob (a value no JSON field takes), so at most one document may lack it (or, in a compound key, pair
 * the same values with it). Queries use the plain index; the partial one is only as big as the documents it covers.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database
  private readonly checkpointer?: Checkpointer
  private queue: Promise<unknown> = Promise.resolve()
  /** Calls in the queue or running asynchronously (see `inTurn`). */
  private waiting = 0
  /** The writes since the last commit: one open transaction (group commit, see `openBatch`). */
  private batch: Batch | undefined
  /** Whether a `transaction()`'s savepoint is open (its work running). */
  private inTransactionWork = false
  /** Writes several changed documents all or none: a savepoint inside the batch. */
  private readonly writeAll: Database.Transaction<(collection: string, changed: Row[]) => void>
  private readonly transactions = new TransactionScope()
  /** Counts answered in the open transaction since this connection last wrote, by their SQL and values (see `count`). */
  private readonly counted = new Map<string, number>()

  /** `file` ':memory:' gives a private in-memory database (tests). */
  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('busy_timeout = 5000')
    // A savepoint (every transaction() here) and a statement that may have to be undone halfway (an insert into a
    // collection with a unique key) keep the pages they change in a journal of their own: in a temporary file by
    // default, one page written for each page changed. In memory, a birthday gift's transaction costs half as much.
    this.db.pragma('temp_store = MEMORY')
    if (file !== ':memory:') {
      // Checkpoints come from a worker thread (checkpointer.ts). Under writes that never pause it cannot copy the
      // whole log, and only a whole copy lets the log start over: past BACKSTOP_PAGES this connection's next commit
      // copies the rest itself (what the worker has not), so the log stays bounded.
      this.db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`)
      this.db.pragma(`journal_size_limit = ${BACKSTOP_PAGES * 4096}`)
      this.checkpointer = startCheckpointer(file)
    }
    this.migrate()
    this.writeAll = this.db.transaction((collection, changed) => this.writeDocs(collection, changed))
  }

  private migrate() {
    for (const [collection, definition] of Object.entries(COLLECTIONS)) {
      const name = table(collection)
      this.db.exec(`CREATE TABLE IF NOT EXISTS ${name} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
      for (const paths of definition.indexes) {
        this.db.exec(`CREATE INDEX IF NOT EXISTS ${indexName(collection, paths, 'ix')} ON ${name} (${paths.map(fieldExpression).join(', ')})`)
      }
      for (const paths of definition.unique) {
        const fields = paths.map(fieldExpression)
        this.db.exec(`CREATE UNIQUE INDEX IF NOT EXISTS ${indexName(collection, paths, 'uq')} ON ${name} (${fields.join(', ')})`)
        const orNull = fields.map((field) => `ifnull(${field}, x'00')`).join(', ')
        const lacking = fields.map((field) => `${field} IS NULL`).join(' OR ')
        this.db.exec(`CREATE UNIQUE INDEX IF NOT EXISTS ${indexName(collection, paths, 'uqnull')} ON ${name} (${orNull}) WHERE ${lacking}`)
      }
    }
  }

  /**
   * Statements by their SQL: preparing one costs more than running it, and handlers run the same few again. The
   * oldest go past STATEMENTS_KEPT (a filter's `$in` makes a statement per list length).
   */
  private readonly statements = new Map<string, Database.Statement>()

  private prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
      if (this.statements.size > STATEMENTS_KEPT) this.statements.delete(this.statements.keys().next().value!)
    }
    return statement
  }

  /** Closes with the open batch committed and the log copied into the database file, so the file alone holds everything. */
  close() {
    // A transaction still running is cut off: undone, not committed with the batch.
    if (this.inTransactionWork && this.db.inTransaction) this.prepared('ROLLBACK TO tx').run()
    this.commitBatch()
    this.endRead()
    this.checkpointer?.stop()
    if (this.checkpointer) this.db.pragma('wal_checkpoint(TRUNCATE)')
    this.db.close()
  }

  /** Runs store calls one after another, so none lands inside another's open transaction. */
  private async exclusive<R>(method: string, work: () => R | Promise<R>): Promise<R> {
    this.transactions.refuse(method)
    return this.inTurn(work)
  }

  /**
   * Runs `work` after the calls already waiting: at once when there are none (most calls are one synchronous
   * statement), else at the end of the queue. Asynchronous work (a transaction) holds the queue until it settles.
   */
  private inTurn<R>(work: () => R | Promise<R>): Promise<R> {
    if (this.waiting === 0) {
      let result: R | Promise<R>
      try {
        result = work()
      } catch (error) {
        return Promise.reject(error)
      }
      if (!(result instanceof Promise)) return Promise.resolve(result)
      return this.hold(result)
    }
    return this.hold(this.queue.then(work, work))
  }

  private hold<R>(run: Promise<R>): Promise<R> {
    this.waiting += 1
    const held = run.finally(() => (this.waiting -= 1))
    this.queue = held.catch(() => undefined)
    return held
  }

  /**
   * A write, in turn with other calls: `work` calls `open` before it changes anything, and the write is answered
   * once the batch it joined has committed. So is a write that failed (SQLite undid that statement alone): a
   * duplicate key may be a document of the same batch, and should the batch not commit, its error is the answer.
   */
  private async write<R>(method: string, work: (open: () => void) => R | Promise<R>): Promise<R> {
    let committed: Promise<void> | undefined
    try {
      const result = await this.exclusive(method, () => {
        this.counted.clear()
        return work(() => (committed = this.openBatch()))
      })
      await committed
      return result
    } catch (error) {
      await committed
      throw error
    }
  }

  /**
   * Group commit. A commit writes every page it changed to the log, so writing each change alone costs several times
   * the change itself (an insert into an indexed collection: 200 µs alone, 30 µs among fifty). The writes that come
   * while the event loop turns once share one transaction, opened by the first (which takes the write lock) and
   * committed in turn after the calls already waiting. Nobody is answered before their batch is committed; reads on
   * this connection see the batch as it grows, as they would see each write committed. Should the commit fail (the
   * disk full, or SQLite rolled the batch back itself), every write of the batch is answered with the error.
   */
  private openBatch(): Promise<void> {
    // SQLite rolls a transaction back itself on some errors (I/O, no memory): that batch has failed (commitBatch says so).
    if (this.batch && !this.db.inTransaction) this.commitBatch()
    if (!this.batch) {
      // The turn's read transaction, if any, ends: a write takes the lock in a transaction of its own.
      if (this.db.inTransaction) this.prepared('COMMIT').run()
      this.prepared('BEGIN IMMEDIATE').run()
      this.counted.clear()
      this.batch = new Batch()
      setImmediate(() => void this.inTurn(() => this.commitBatch()))
    }
    return this.batch.committed
  }

  /**
   * Reads outside the batch share one read transaction a turn: a statement on its own first takes a read lock on the
   * log, which costs twice the read itself (a document by its id: 5.5 µs alone, 1.8 µs in a transaction). Ended in
   * turn after the calls already waiting, or by the next write.
   */
  private openRead() {
    if (this.db.inTransaction) return
    this.prepared('BEGIN').run()
    this.counted.clear()
    setImmediate(() => void this.inTurn(() => this.endRead()))
  }

  private endRead() {
    if (!this.batch && this.db.inTransaction) this.prepared('COMMIT').run()
  }

  private commitBatch() {
    const batch = this.batch
    if (!batch) return
    this.batch = undefined
    let failure: unknown
    try {
      if (!this.db.inTransaction) throw new StoreError('a write of the batch failed and SQLite rolled the batch back')
      this.prepared('COMMIT').run()
    } catch (error) {
      failure = error
      // Counts since the last write saw the batch: it is gone.
      this.counted.clear()
      if (this.db.inTransaction) this.prepared('ROLLBACK').run()
    } finally {
      batch.settle(failure)
    }
  }

  private rows(collection: string, filter: Filter, options: FindOptions = {}): Row[] {
    const where = toSqlWhere(filter, definitionOf(collection))
    const limit = options.limit === undefined ? -1 : options.limit
    const sql = `SELECT _id, doc FROM ${table(collection)} WHERE ${where.sql} ${toSqlOrder(options.sort)} LIMIT ? OFFSET ?`
    return this.prepared(sql).all(...where.params, limit, options.skip ?? 0) as Row[]
  }

  /** The documents an update or removal applies to, in no order: ordering and paging cost a claim's read half its time. */
  private matching(collection: string, where: SqlFragment): Row[] {
    return this.prepared(`SELECT _id, doc FROM ${table(collection)} WHERE ${where.sql}`).all(...where.params) as Row[]
  }

  /** Changes whenever another connection has committed (PRAGMA data_version); this connection's own writes leave it. */
  private dataVersion(): number {
    return this.prepared('PRAGMA data_version').pluck().get() as number
  }

  private getSync<C extends CollectionName>(collection: C, id: string): DocOf<C> | null {
    const row = this.prepared(`SELECT doc FROM ${table(collection)} WHERE _id = ?`).get(id) as Row | undefined
    return row ? (JSON.parse(row.doc) as DocOf<C>) : null
  }

  private insertSync<C extends CollectionName>(collection: C, doc: NewDoc<C>): string {
    const _id = doc._id ?? newId()
    try {
      this.prepared(`INSERT INTO ${table(collection)} (_id, doc) VALUES (?, ?)`).run(_id, JSON.stringify({ ...doc, _id }))
    } catch (error) {
      throw duplicateOr(error, collection)
    }
    return _id
  }

  /** The documents `update` changes, as they become: a document it leaves as it was is not among them. */
  private changedBy(rows: Row[], update: Update): Row[] {
    const changed: Row[] = []
    for (const row of rows) {
      const doc = updatedJson(row.doc, update)
      if (doc !== undefined) changed.push({ _id: row._id, doc })
    }
    return changed
  }

  private writeDocs(collection: string, changed: Row[]) {
    const write = this.prepared(`UPDATE ${table(collection)} SET doc = ? WHERE _id = ?`)
    for (const row of changed) {
      try {
        write.run(row.doc, row._id)
      } catch (error) {
        throw duplicateOr(error, collection)
      }
    }
  }

  private updateSync(collection: string, filter: Filter, update: Update, open: () => void): UpdateResult {
    checkUpdate(update)
    const where = toSqlWhere(filter, definitionOf(collection))
    let changed: Row[]
    if (this.batch) {
      // Inside an open batch this connection holds the write lock: what it reads is what it writes over.
      open()
      changed = this.changedBy(this.matching(collection, where), update)
    } else {
      // Most guarded claims in a rush change nothing (no place left): a read answers them without taking the lock.
      this.openRead()
      changed = this.changedBy(this.matching(collection, where), update)
      if (changed.length === 0) return { modified: 0 }
      // Holding the lock, read again only if another connection has committed since the read began.
      const version = this.dataVersion()
      open()
      if (this.dataVersion() !== version) changed = this.changedBy(this.matching(collection, where), update)
    }
    // A duplicate key on the third document leaves the first two as they were (one document's UPDATE is all or
    // nothing by itself).
    if (changed.length > 1) this.writeAll(collection, changed)
    else this.writeDocs(collection, changed)
    return { modified: changed.length }
  }

  private removeSync(collection: string, filter: Filter): number {
    const where = toSqlWhere(filter, definitionOf(collection))
    return this.prepared(`DELETE FROM ${table(collection)} WHERE ${where.sql}`).run(...where.params).changes
  }

  get<C extends CollectionName>(collection: C, id: string) {
    return this.exclusive('get', () => {
      this.openRead()
      return this.getSync(collection, id)
    })
  }

  find<C extends CollectionName>(collection: C, filter: Filter = {}, options: FindOptions = {}) {
    return this.exclusive('find', () => {
      this.openRead()
      return this.rows(collection, filter, options).map((row) => pick(JSON.parse(row.doc), options.fields) as unknown as DocOf<C>)
    })
  }

  /**
   * A count reads every matching index entry, so its cost grows with what it counts (a waitlist position under a rush:
   * 2,500 entries, 200 µs). Calls that arrive together ask the same count one after another with nothing written in
   * between. Inside one transaction (a read transaction sees one snapshot, the batch holds the write lock) the same
   * count then has the same answer: until this connection writes, a count asked again is answered from the first.
   */
  count<C extends CollectionName>(collection: C, filter: Filter = {}) {
    return this.exclusive('count', () => {
      this.openRead()
      const where = toSqlWhere(filter, definitionOf(collection))
      const sql = `SELECT COUNT(*) AS n FROM ${table(collection)} WHERE ${where.sql}`
      const key = `${sql}\n${JSON.stringify(where.params)}`
      const known = this.counted.get(key)
      if (known !== undefined) return known
      const { n } = this.prepared(sql).get(...where.params) as { n: number }
      this.counted.set(key, n)
      return n
    })
  }

  insert<C extends CollectionName>(collection: C, doc: NewDoc<C>) {
    return this.write('insert', (open) => {
      open()
      return this.insertSync(collection, doc)
    })
  }

  update<C extends CollectionName>(collection: C, filter: Filter, update: Update) {
    return this.write('update', (open) => this.updateSync(collection, filter, update, open))
  }

  async claim<C extends CollectionName>(collection: C, id: string, guard: Filter, update: Update) {
    const { modified } = await this.write('claim', (open) => this.updateSync(collection, { ...guard, _id: id }, update, open))
    return modified === 1
  }

  remove<C extends CollectionName>(collection: C, filter: Filter) {
    return this.write('remove', (open) => {
      open()
      return this.removeSync(collection, filter)
    })
  }

  /** A savepoint in the batch: its writes commit with the batch, or are undone alone when `work` throws. */
  transaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
    return this.write('transaction', async (open) => {
      open()
      this.prepared('SAVEPOINT tx').run()
      // SQLite rolls everything back itself on some errors (I/O, no memory): a write after that would land outside.
      const live = () => {
        if (!this.db.inTransaction) throw new StoreError('the transaction was rolled back by SQLite after an error')
      }
      const tx: Transaction = {
        get: async (collection, id) => this.getSync(collection, id),
        insert: async (collection, doc) => {
          live()
          return this.insertSync(collection, doc)
        },
        updateById: async (collection, id, update) => {
          live()
          const rows = this.matching(collection, toSqlWhere({ _id: id }, definitionOf(collection)))
          this.writeDocs(collection, this.changedBy(rows, update))
          return rows.length === 1
        },
        removeById: async (collection, id) => {
          live()
          return this.removeSync(collection, { _id: id }) === 1
        },
      }
      this.inTransactionWork = true
      try {
        const result = await this.transactions.run(() => work(tx))
        this.prepared('RELEASE tx').run()
        return result
      } catch (error) {
        if (this.db.inTransaction) {
          this.prepared('ROLLBACK TO tx').run()
          this.prepared('RELEASE tx').run()
        }
        throw error
      } finally {
        this.inTransactionWork = false
      }
    })
  }
}

/** A batch's commit, awaited by every write that joined it. */
class Batch {
  readonly committed: Promise<void>
  settle!: (error?: unknown) => void

  constructor() {
    this.committed = new Promise<void>((resolve, reject) => {
      this.settle = (error) => (error === undefined ? resolve() : reject(error))
    })
    // close() commits at once: a batch may fail before its writes have come to await it.
    this.committed.catch(() => undefined)
  }
}

function pick(doc: Record<string, unknown>, fields: string[] | undefined) {
  if (!fields) return doc
  return Object.fromEntries(['_id', ...fields].filter((field) => field in doc).map((field) => [field, doc[field]]))
}

function duplicateOr(error: unknown, collection: string): unknown {
  const code = (error as { code?: string }).code
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new DuplicateKeyError(collection, (error as Error).message)
  }
  return error
}

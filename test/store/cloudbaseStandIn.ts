/**
 * A stand-in for the CloudBase database service, so the CloudBase adapter runs in every test run over the real
 * wx-server-sdk and the real `@cloudbase/database` query builder beneath it. Only the request layer at the bottom is
 * replaced: `DBRequest.send(api, data)` of `@cloudbase/node-sdk` (installed as `Db.reqClass`), which would POST each
 * request to the service. Here a MongoDB query engine (mingo) answers it in-process, after one event-loop turn (the
 * network wait), in the service's own reply and error shapes:
 *
 * - the requests the adapter makes: getDocument, calculateDocument, insertDocument, modifyDocument, removeDocument,
 *   and start/commit/abortTransaction;
 * - a duplicate key as the service reports it (DATABASE_REQUEST_FAILED, MongoDB's E11000 in the message), for `_id`
 *   and the unique indexes `collections.ts` declares, a missing field counting as null;
 * - MongoDB's refusals mingo would skip silently ($inc on a non-number, $push or $pull on a non-array, a path through
 *   a non-object);
 * - transactions under snapshot isolation: each reads the data as it stood when it started plus its own writes; a
 *   write to a document another open transaction has written, or that changed since the start, and a commit after
 *   such a change, answer DATABASE_TRANSACTION_CONFLICT (which wx-server-sdk turns into errCode -501001);
 * - throttling, -501003 (requests) and -501004 (concurrency), and conflicts, injected by tests;
 * - the read cap: at most `readCap` records per read (the docs say 100 or 1,000).
 *
 * Each stand-in is one CloudBase environment: `cloud.init({ env: standIn.env, … })` routes the SDK's requests to it.
 */
import { createRequire } from 'node:module'
import { Query, update as applyModifier } from 'mingo'
import { COLLECTIONS, type CollectionName } from '../../cloudfunctions/core/collections'

type Doc = Record<string, unknown> & { _id: string }
type Reply = Record<string, unknown>
type Request = Record<string, unknown>

// The copies wx-server-sdk itself loads: its @cloudbase/node-sdk, and the bson (EJSON) of @cloudbase/database.
const fromHere = createRequire(__filename)
const fromNodeSdk = createRequire(fromHere.resolve('@cloudbase/node-sdk', { paths: [fromHere.resolve('wx-server-sdk')] }))
const { DBRequest } = fromNodeSdk('./utils/dbRequest')
const { processReturn } = fromNodeSdk('./utils/utils')
const { EJSON } = createRequire(fromNodeSdk.resolve('@cloudbase/database'))('bson')

const environments = new Map<string, CloudBaseStandIn>()

DBRequest.prototype.send = async function send(this: { config: { envName: string; throwOnCode: boolean } }, api: string, data: Request = {}) {
  const service = environments.get(this.config.envName)
  if (!service) throw new Error(`no CloudBase stand-in for environment "${this.config.envName}"`)
  await new Promise((resolve) => setImmediate(resolve))
  const reply = service.answer(api, data)
  // What the SDK's HTTP layer does with a reply carrying a code (it throws a TcbError, throwOnCode being true).
  return reply.code ? processReturn(this.config.throwOnCode, reply) : reply
}

const THROTTLING = {
  [-501003]: { code: 'EXCEED_REQUEST_LIMIT', message: '[LimitExceeded] requests exceed the quota of the environment' },
  [-501004]: { code: 'EXCEED_CONCURRENT_REQUEST_LIMIT', message: '[LimitExceeded] concurrent requests exceed the quota of the environment' },
}

const CONFLICT = {
  code: 'DATABASE_TRANSACTION_CONFLICT',
  message:
    '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
}

const requestFailed = (message: string) => ({ code: 'DATABASE_REQUEST_FAILED', message })

/** Thrown while answering: becomes the reply. */
class Refusal extends Error {
  constructor(readonly reply: { code: string; message: string }) {
    super(reply.message)
  }
}

function valueAt(doc: unknown, path: string): unknown {
  let node = doc
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

/** MongoDB refuses these updates; mingo would leave the document unchanged without a word. */
function refuseInvalid(doc: Doc, modifier: Record<string, Record<string, unknown>>) {
  for (const [operator, fields] of Object.entries(modifier)) {
    for (const path of Object.keys(fields)) {
      const keys = path.split('.')
      const parent = keys.length === 1 ? doc : valueAt(doc, keys.slice(0, -1).join('.'))
      if (parent !== undefined && (parent === null || typeof parent !== 'object')) {
        throw new Refusal(requestFailed(`Cannot create field '${keys.at(-1)}' in element {${keys.at(-2)}: ${JSON.stringify(parent)}}`))
      }
      const value = valueAt(doc, path)
      if (value === undefined) continue
      if (operator === '$inc' && typeof value !== 'number') {
        throw new Refusal(requestFailed(`Cannot apply $inc to a value of non-numeric type. {_id: "${doc._id}"} has the field '${path}' of non-numeric type`))
      }
      if ((operator === '$push' || operator === '$pull') && !Array.isArray(value)) {
        throw new Refusal(requestFailed(`Cannot apply ${operator} to a non-array value`))
      }
    }
  }
}

interface OpenTransaction {
  /** The clock when it started: a document whose committed version is newer changed since. */
  startedAt: number
  snapshot: Map<string, Map<string, Doc>>
  /** collection/id → the document as this transaction wrote it (undefined: removed). */
  writes: Map<string, { collection: string; id: string; doc: Doc | undefined }>
}

const keyOf = (collection: string, id: string) => `${collection}/${id}`

let environmentCount = 0

export class CloudBaseStandIn {
  readonly env = `stand-in-${(environmentCount += 1)}`
  /** Every request answered, as `api` or `api → code` for an error. */
  readonly log: string[] = []
  private readonly committed = new Map<string, Map<string, Doc>>()
  /** collection/id → the clock of its last committed write. */
  private readonly versions = new Map<string, number>()
  private clock = 0
  private readonly transactions = new Map<string, OpenTransaction>()
  private throttles: { reply: { code: string; message: string }; api?: string; times: number }[] = []
  private conflicts = 0

  /** `readCap`: the most records one read returns (the docs say 100 or 1,000; a test may try another). */
  constructor(private readonly readCap: number = 1000) {
    environments.set(this.env, this)
  }

  /** The next `times` requests (of `api` only, when given) answer throttling with `errCode` -501003 or -501004. */
  throttle(errCode: -501003 | -501004, times: number, api?: string) {
    this.throttles.push({ reply: THROTTLING[errCode], api, times })
  }

  /** The next `times` writes inside transactions answer a transaction conflict. */
  conflict(times: number) {
    this.conflicts += times
  }

  /** Ends this environment: later requests to it fail. */
  close() {
    environments.delete(this.env)
  }

  answer(api: string, request: Request): Reply {
    const reply = this.reply(api, request)
    this.log.push(reply.code ? `${api} → ${reply.code}` : api)
    return reply
  }

  private reply(api: string, request: Request): Reply {
    const throttle = this.throttles.find((candidate) => candidate.times > 0 && (!candidate.api || candidate.api === api))
    if (throttle) {
      throttle.times -= 1
      return { ...throttle.reply, requestId: 'stand-in' }
    }
    try {
      return { ...this.handle(api, request), requestId: 'stand-in' }
    } catch (error) {
      if (error instanceof Refusal) return { ...error.reply, requestId: 'stand-in' }
      throw error
    }
  }

  private handle(api: string, request: Request): Reply {
    const transactionId = request.transactionId as string | undefined
    const transaction = transactionId === undefined ? undefined : this.transactions.get(transactionId)
    if (transactionId !== undefined && !transaction) throw new Refusal(requestFailed(`transaction ${transactionId} is not open`))
    const collection = request.collectionName as string
    switch (api) {
      case 'database.startTransaction':
        return this.start()
      case 'database.commitTransaction':
        return this.commit(transactionId!, transaction!)
      case 'database.abortTransaction':
        this.transactions.delete(transactionId!)
        return {}
      case 'database.getDocument': {
        let cursor = new Query(EJSON.parse(request.query as string)).find(this.docs(collection, transaction), request.projection ? EJSON.parse(request.projection as string) : undefined)
        if (request.order) cursor = cursor.sort(EJSON.parse(request.order as string))
        const limit = Math.min((request.limit as number | undefined) ?? 100, this.readCap)
        const list = cursor.skip((request.offset as number | undefined) ?? 0).limit(limit).all()
        return { data: { list: list.map((doc) => EJSON.stringify(doc)), offset: request.offset ?? 0, limit } }
      }
      case 'database.calculateDocument':
        return { data: { total: this.matching(collection, request.query, transaction).length } }
      case 'database.insertDocument': {
        const docs = (request.data as string[]).map((text) => EJSON.parse(text) as Doc)
        for (const doc of docs) this.write(collection, doc._id, doc, transaction, true)
        return { data: { insertedIds: docs.map((doc) => doc._id) } }
      }
      case 'database.modifyDocument': {
        if (request.merge !== true || request.upsert) throw new Refusal(requestFailed('the stand-in answers update() only'))
        const modifier = EJSON.parse(request.data as string)
        let updated = 0
        for (const doc of this.matching(collection, request.query, transaction, request.multi !== true)) {
          const next = structuredClone(doc)
          refuseInvalid(next, modifier)
          if (applyModifier(next, modifier).length === 0 || JSON.stringify(next) === JSON.stringify(doc)) continue
          this.write(collection, doc._id, next, transaction)
          updated += 1
        }
        return { data: { updated, upsert_id: null } }
      }
      case 'database.removeDocument': {
        const doomed = this.matching(collection, request.query, transaction, request.multi !== true)
        for (const doc of doomed) this.write(collection, doc._id, undefined, transaction)
        return { data: { deleted: doomed.length } }
      }
      default:
        throw new Refusal(requestFailed(`the stand-in does not answer ${api}`))
    }
  }

  private start(): Reply {
    const transactionId = `tx-${this.env}-${this.clock}-${this.transactions.size}-${Math.random().toString(16).slice(2)}`
    const snapshot = new Map([...this.committed].map(([name, docs]) => [name, new Map(docs)]))
    this.transactions.set(transactionId, { startedAt: this.clock, snapshot, writes: new Map() })
    return { transactionId }
  }

  /**
   * Commits unless a document it wrote changed since it started, or a unique key it wrote was taken meanwhile
   * (MongoDB reports both as a write conflict; run again, the transaction then meets the duplicate itself).
   */
  private commit(transactionId: string, transaction: OpenTransaction): Reply {
    this.transactions.delete(transactionId)
    const writes = [...transaction.writes.values()]
    if (writes.some(({ collection, id }) => this.changedSince(transaction, collection, id))) throw new Refusal(CONFLICT)
    const taken = writes.some(({ collection, doc }) => {
      const others = [...this.collection(this.committed, collection).values()].filter((other) => !transaction.writes.has(keyOf(collection, other._id)))
      return doc && this.uniqueClash(collection, doc, others)
    })
    if (taken) throw new Refusal(CONFLICT)
    this.clock += 1
    for (const { collection, id, doc } of writes) this.commitWrite(collection, id, doc)
    return {}
  }

  private changedSince(transaction: OpenTransaction, collection: string, id: string) {
    return (this.versions.get(keyOf(collection, id)) ?? 0) > transaction.startedAt
  }

  private collection(store: Map<string, Map<string, Doc>>, name: string): Map<string, Doc> {
    if (!store.has(name)) store.set(name, new Map())
    return store.get(name)!
  }

  /** The documents of `collection` as `transaction` sees them (its snapshot and its own writes), or as committed. */
  private docs(collection: string, transaction?: OpenTransaction): Doc[] {
    if (!transaction) return [...this.collection(this.committed, collection).values()]
    const docs = new Map(this.collection(transaction.snapshot, collection))
    for (const write of transaction.writes.values()) {
      if (write.collection !== collection) continue
      if (write.doc) docs.set(write.id, write.doc)
      else docs.delete(write.id)
    }
    return [...docs.values()]
  }

  private matching(collection: string, query: unknown, transaction?: OpenTransaction, one = false): Doc[] {
    const found = new Query(query ? EJSON.parse(query as string) : {}).find<Doc>(this.docs(collection, transaction)).all()
    return one ? found.slice(0, 1) : found
  }

  /** Writes one document (undefined: removes it), checking keys, and in a transaction the conflicts. */
  private write(collection: string, id: string, doc: Doc | undefined, transaction?: OpenTransaction, inserting = false) {
    const visible = this.docs(collection, transaction)
    if (inserting && visible.some((other) => other._id === id)) this.refuseDuplicate(collection, { _id: id })
    const clash = doc && this.uniqueClash(collection, doc, visible)
    if (clash) this.refuseDuplicate(collection, clash)
    if (!transaction) {
      this.clock += 1
      this.commitWrite(collection, id, doc)
      return
    }
    const key = keyOf(collection, id)
    const heldByAnother = [...this.transactions.values()].some((other) => other !== transaction && other.writes.has(key))
    if (this.conflicts > 0 || heldByAnother || this.changedSince(transaction, collection, id)) {
      this.conflicts = Math.max(0, this.conflicts - 1)
      throw new Refusal(CONFLICT)
    }
    transaction.writes.set(key, { collection, id, doc })
  }

  private commitWrite(collection: string, id: string, doc: Doc | undefined) {
    const docs = this.collection(this.committed, collection)
    if (doc) docs.set(id, doc)
    else docs.delete(id)
    this.versions.set(keyOf(collection, id), this.clock)
  }

  /** The unique key (field → value, missing as null) `doc` would share with another of `docs`, if any. */
  private uniqueClash(collection: string, doc: Doc, docs: Doc[]): Record<string, unknown> | undefined {
    for (const paths of COLLECTIONS[collection as CollectionName]?.unique ?? []) {
      const keyOfDoc = (candidate: Doc) => JSON.stringify(paths.map((path) => valueAt(candidate, path) ?? null))
      const key = keyOfDoc(doc)
      if (docs.some((other) => other._id !== doc._id && keyOfDoc(other) === key)) {
        return Object.fromEntries(paths.map((path) => [path, valueAt(doc, path) ?? null]))
      }
    }
    return undefined
  }

  private refuseDuplicate(collection: string, key: Record<string, unknown>): never {
    const index = Object.keys(key).map((path) => `${path}_1`).join('_')
    throw new Refusal(requestFailed(`E11000 duplicate key error collection: ${this.env}.${collection} index: ${index} dup key: ${JSON.stringify(key)}`))
  }
}

/**
 * A store whose calls interleave the way concurrent handlers' calls do on CloudBase, where every read and write
 * waits on the network: it wraps a SqliteStore and, before and after every call (inside transactions too), yields to
 * the event loop a few turns, how many drawn from a seeded PRNG. Two handlers running together then see each other's
 * writes land between their own reads and writes, in an order that varies with the seed but repeats for one seed.
 * SQLite still runs each call, and each transaction, on its own: what interleaves is the calls, as on CloudBase.
 */
import type { CollectionName } from '../cloudfunctions/core/collections'
import type { Filter, FindOptions, NewDoc, Store, Transaction, Update } from '../cloudfunctions/core/store/port'
import type { SqliteStore } from '../cloudfunctions/core/store/sqlite'

export interface InterleavingOptions {
  /** Seeds the PRNG: the same seed gives the same order. */
  seed: number
  /** The most event-loop turns one pause yields (each pause yields 0 to this many). */
  maxTurns?: number
}

/** mulberry32: a small, well-mixed 32-bit PRNG; [0, 1). Tests draw their own repeatable choices from it too. */
export function prng(seed: number): () => number {
  let state = seed | 0
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

export class InterleavingStore implements Store {
  private readonly random: () => number
  private readonly maxTurns: number

  constructor(
    private readonly inner: SqliteStore,
    { seed, maxTurns = 3 }: InterleavingOptions,
  ) {
    this.random = prng(seed)
    this.maxTurns = maxTurns
  }

  private async pause() {
    const turns = Math.floor(this.random() * (this.maxTurns + 1))
    for (let i = 0; i < turns; i += 1) await turn()
  }

  /** Runs `call` between two pauses, as a request between two network waits. */
  private async around<R>(call: () => Promise<R>): Promise<R> {
    await this.pause()
    try {
      return await call()
    } finally {
      await this.pause()
    }
  }

  get<C extends CollectionName>(collection: C, id: string) {
    return this.around(() => this.inner.get(collection, id))
  }

  find<C extends CollectionName>(collection: C, filter?: Filter, options?: FindOptions) {
    return this.around(() => this.inner.find(collection, filter, options))
  }

  count<C extends CollectionName>(collection: C, filter?: Filter) {
    return this.around(() => this.inner.count(collection, filter))
  }

  insert<C extends CollectionName>(collection: C, doc: NewDoc<C>) {
    return this.around(() => this.inner.insert(collection, doc))
  }

  update<C extends CollectionName>(collection: C, filter: Filter, update: Update) {
    return this.around(() => this.inner.update(collection, filter, update))
  }

  claim<C extends CollectionName>(collection: C, id: string, guard: Filter, update: Update) {
    return this.around(() => this.inner.claim(collection, id, guard, update))
  }

  remove<C extends CollectionName>(collection: C, filter: Filter) {
    return this.around(() => this.inner.remove(collection, filter))
  }

  transaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
    return this.around(() =>
      this.inner.transaction((tx) =>
        work({
          get: (collection, id) => this.around(() => tx.get(collection, id)),
          insert: (collection, doc) => this.around(() => tx.insert(collection, doc)),
          updateById: (collection, id, update) => this.around(() => tx.updateById(collection, id, update)),
          removeById: (collection, id) => this.around(() => tx.removeById(collection, id)),
        }),
      ),
    )
  }

  close() {
    this.inner.close()
  }
}

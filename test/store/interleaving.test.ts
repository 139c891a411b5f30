/**
 * The store contract against InterleavingStore, and proof that it interleaves: naive read-then-write increments
 * lose updates on it (as they would on CloudBase, and do not on the plain SqliteStore), while the guarded claim never
 * oversells.
 */
import type { Store } from '../../cloudfunctions/core/store/port'
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { InterleavingStore } from '../interleavingStore'
import { describeStoreContract } from './contract'

describeStoreContract('Interleaving SQLite', async () => {
  const store = new InterleavingStore(new SqliteStore(':memory:'), { seed: 1 })
  return { store, cleanup: async () => store.close() }
})

const turn = () => new Promise((resolve) => setImmediate(resolve))

describe('InterleavingStore', () => {
  let store: InterleavingStore

  beforeEach(async () => {
    store = new InterleavingStore(new SqliteStore(':memory:'), { seed: 7 })
    await store.insert('units', { _id: 'event', name: '讲座', departments: [], order: 0, seats: 3 } as never)
  })

  afterEach(() => store.close())

  const seats = async () => ((await store.get('units', 'event')) as unknown as { seats: number }).seats

  /** Ten handlers, one arriving each event-loop turn, each adding 1 to `order` by reading it and writing it back. */
  async function naiveIncrements(target: Store): Promise<number> {
    await target.insert('units', { _id: 'counter', name: '计数', departments: [], order: 0 })
    const increment = async () => {
      const { order } = (await target.get('units', 'counter'))!
      await target.update('units', { _id: 'counter' }, { $set: { order: order + 1 } })
    }
    const handlers: Promise<void>[] = []
    for (let i = 0; i < 10; i += 1) {
      handlers.push(increment())
      await turn()
    }
    await Promise.all(handlers)
    return (await target.get('units', 'counter'))!.order
  }

  it('interleaves handlers as CloudBase does: naive read-then-write increments lose updates on it', async () => {
    expect(await naiveIncrements(store)).toBeLessThan(10)
  })

  it('(the control: on the plain SqliteStore each of those handlers finishes within its turn, and none is lost)', async () => {
    const plain = new SqliteStore(':memory:')
    try {
      expect(await naiveIncrements(plain)).toBe(10)
    } finally {
      plain.close()
    }
  })

  it('never oversells with the guarded claim: 10 concurrent claims of 3 seats, exactly 3', async () => {
    const claimed = await Promise.all(
      Array.from({ length: 10 }, () => store.claim('units', 'event', { seats: { $gt: 0 } }, { $inc: { seats: -1 } })),
    )
    expect(claimed.filter(Boolean)).toHaveLength(3)
    expect(await seats()).toBe(0)
  })

  it('varies the order with the seed and repeats it for one seed', async () => {
    async function finishingOrder(seed: number) {
      const interleaving = new InterleavingStore(new SqliteStore(':memory:'), { seed })
      const order: number[] = []
      await Promise.all([0, 1, 2, 3, 4].map((n) => interleaving.count('units').then(() => order.push(n))))
      interleaving.close()
      return order.join('')
    }
    const orders = new Set<string>()
    for (const seed of [1, 2, 3, 4, 5, 6]) orders.add(await finishingOrder(seed))
    expect(orders.size).toBeGreaterThan(1)
    expect(await finishingOrder(3)).toBe(await finishingOrder(3))
  })

  it('yields inside transactions too: other handlers run between two tx calls', async () => {
    let ticks = 0
    let done = false
    const ticker = (async () => {
      for (; !done; ticks += 1) await turn()
    })()
    const seen: number[] = []
    await store.transaction(async (tx) => {
      await tx.get('units', 'event')
      seen.push(ticks)
      await tx.updateById('units', 'event', { $inc: { seats: -1 } })
      seen.push(ticks)
    })
    done = true
    await ticker
    expect(seen[1]).toBeGreaterThan(seen[0])
  })
})

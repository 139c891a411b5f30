/**
 * The CloudBase adapter over the real wx-server-sdk, with only the service answered in-process (cloudbaseStandIn.ts):
 * the store contract, then what only CloudBase's behaviour shows: throttling and transaction conflicts are retried
 * and, past the retry budget, become StoreBusyError (BUSY to the caller); reading pages past the read cap.
 */
import * as v from 'valibot'
import cloud from 'wx-server-sdk'
import { action, defineFunction } from '../../cloudfunctions/core/defineFunction'
import { CloudBaseStore } from '../../cloudfunctions/core/store/cloudbase'
import { StoreBusyError, type NewDoc } from '../../cloudfunctions/core/store/port'
import { OutboxWeChatApi } from '../../cloudfunctions/core/wechatApi/outbox'
import { tempFileStore } from '../tempFiles'
import { CloudBaseStandIn } from './cloudbaseStandIn'
import { describeStoreContract } from './contract'

const ATTEMPTS = 4

cloud.init({ secretId: 'stand-in', secretKey: 'stand-in' })

/** A CloudBaseStore on the stand-in's environment, retrying `ATTEMPTS` times in all with 1 ms backoff. */
function storeOn(standIn: CloudBaseStandIn) {
  return new CloudBaseStore(cloud, { env: standIn.env, retry: { attempts: ATTEMPTS, baseDelayMs: 1 } })
}

describeStoreContract('CloudBase (wx-server-sdk over the stand-in, 100 records a read)', async () => {
  const standIn = new CloudBaseStandIn(100)
  return { store: storeOn(standIn), cleanup: async () => standIn.close() }
})

const unit = (n: number, extra: Record<string, unknown> = {}) =>
  ({ _id: `u${String(n).padStart(3, '0')}`, name: `单位${n}`, departments: [], order: n, ...extra }) as NewDoc<'units'>

describe('CloudBaseStore over the stand-in', () => {
  let standIn: CloudBaseStandIn
  let store: CloudBaseStore

  beforeEach(() => {
    standIn = new CloudBaseStandIn(100)
    store = storeOn(standIn)
  })

  afterEach(() => standIn.close())

  const throttled = (api: string) => standIn.log.filter((entry) => entry.startsWith(`${api} → EXCEED_`)).length

  describe('throttling', () => {
    it.each([-501003, -501004] as const)('retries a call throttled with %i, then answers', async (errCode) => {
      await store.insert('units', unit(1))
      standIn.throttle(errCode, ATTEMPTS - 1)
      expect((await store.get('units', 'u001'))?.name).toBe('单位1')
      expect(throttled('database.getDocument')).toBe(ATTEMPTS - 1)
    })

    it('retries every kind of call: find, count, insert, update, claim, remove', async () => {
      const each = async (call: () => Promise<unknown>) => {
        standIn.throttle(-501003, 2)
        return call()
      }
      await each(() => store.insert('units', unit(1, { seats: 1 })))
      expect(await each(() => store.count('units'))).toBe(1)
      expect(await each(() => store.find('units'))).toHaveLength(1)
      expect(await each(() => store.update('units', { _id: 'u001' }, { $set: { order: 5 } }))).toEqual({ modified: 1 })
      expect(await each(() => store.claim('units', 'u001', { seats: { $gt: 0 } }, { $inc: { seats: -1 } }))).toBe(true)
      expect(await each(() => store.remove('units', { _id: 'u001' }))).toBe(1)
      expect(standIn.log.filter((entry) => entry.includes('EXCEED_REQUEST_LIMIT'))).toHaveLength(12)
    })

    it('gives up with StoreBusyError once the budget is spent, having written nothing', async () => {
      standIn.throttle(-501004, ATTEMPTS)
      await expect(store.insert('units', unit(1))).rejects.toBeInstanceOf(StoreBusyError)
      expect(throttled('database.insertDocument')).toBe(ATTEMPTS)
      expect(await store.count('units')).toBe(0)
    })

    it('retries a transaction whose start or commit is throttled (those raise the service code itself)', async () => {
      standIn.throttle(-501003, 1, 'database.startTransaction')
      standIn.throttle(-501004, 1, 'database.commitTransaction')
      await store.transaction((tx) => tx.insert('units', unit(1)))
      expect(await store.count('units')).toBe(1)
      expect(throttled('database.startTransaction') + throttled('database.commitTransaction')).toBe(2)
    })

    it('answers BUSY (当前使用人数较多) through defineFunction when the store stays busy', async () => {
      const fn = defineFunction<{ countUnits: { request: void; response: number } }>(
        'probe',
        { countUnits: action({ allow: 'user', input: v.undefined(), handle: async (_input, { store }) => store.count('units') }) },
        { config: { timeout: 3 } },
      )
      standIn.throttle(-501003, ATTEMPTS)
      const environment = { store, files: tempFileStore(), wechat: new OutboxWeChatApi(), identity: { openid: 'o-probe' }, now: new Date() }
      expect(await fn.run({ action: 'countUnits' }, environment)).toEqual({ ok: false, code: 'BUSY', message: '当前使用人数较多，请稍后再试' })
    })
  })

  describe('transaction conflicts', () => {
    /** Adds 1 to unit u001's order by reading it and writing it back: a conflict if another does it meanwhile. */
    const increment = () =>
      store.transaction(async (tx) => {
        const doc = await tx.get('units', 'u001')
        await tx.updateById('units', 'u001', { $set: { order: doc!.order + 1 } })
      })

    it('runs the work again after an injected conflict, and commits once', async () => {
      await store.insert('units', unit(1))
      standIn.conflict(ATTEMPTS - 1)
      let runs = 0
      await store.transaction(async (tx) => {
        runs += 1
        const doc = await tx.get('units', 'u001')
        await tx.updateById('units', 'u001', { $set: { order: doc!.order + 1 } })
      })
      expect(runs).toBe(ATTEMPTS)
      expect((await store.get('units', 'u001'))?.order).toBe(2)
    })

    it('gives up with StoreBusyError once the budget is spent, rolling every attempt back', async () => {
      await store.insert('units', unit(1))
      standIn.conflict(ATTEMPTS)
      await expect(
        store.transaction(async (tx) => {
          await tx.insert('units', unit(2))
          await tx.updateById('units', 'u001', { $set: { order: 9 } })
        }),
      ).rejects.toBeInstanceOf(StoreBusyError)
      expect(await store.find('units')).toEqual([unit(1)])
    })

    it('meets real conflicts under snapshot isolation: concurrent read-modify-write transactions all land', async () => {
      await store.insert('units', unit(1))
      await Promise.all([increment(), increment(), increment()])
      expect((await store.get('units', 'u001'))?.order).toBe(4)
      expect(standIn.log.some((entry) => entry.endsWith('→ DATABASE_TRANSACTION_CONFLICT'))).toBe(true)
    })

    it('reads a missing document as null inside a transaction, without relying on an error message', async () => {
      expect(await store.transaction((tx) => tx.get('units', 'nobody'))).toBeNull()
      expect(standIn.log).toEqual(['database.startTransaction', 'database.getDocument', 'database.commitTransaction'])
    })
  })

  describe('reading past the read cap', () => {
    beforeEach(async () => {
      for (let n = 1; n <= 250; n += 1) await store.insert('units', unit(n))
      standIn.log.length = 0
    })

    const reads = () => standIn.log.filter((entry) => entry === 'database.getDocument').length

    it('returns all of 250 documents when a read answers at most 100', async () => {
      const found = await store.find('units', {}, { sort: { order: 1 } })
      expect(found).toHaveLength(250)
      expect(found[0]._id).toBe('u001')
      expect(found[249]._id).toBe('u250')
      expect(new Set(found.map((doc) => doc._id)).size).toBe(250)
      // 100, 100, 50, then the empty page that says the end has come.
      expect(reads()).toBe(4)
    })

    it('honours skip and limit across pages', async () => {
      const found = await store.find('units', {}, { sort: { order: -1 }, skip: 30, limit: 120 })
      expect(found.map((doc) => doc.order)).toEqual(Array.from({ length: 120 }, (_, i) => 220 - i))
    })

    it('reads on past every page but an empty one, whatever the cap really is (1,000, or 50)', async () => {
      const roomy = new CloudBaseStandIn(1000)
      try {
        const other = storeOn(roomy)
        for (let n = 1; n <= 250; n += 1) await other.insert('units', unit(n))
        roomy.log.length = 0
        expect(await other.find('units')).toHaveLength(250)
        expect(roomy.log).toEqual(['database.getDocument', 'database.getDocument'])
        // A cap of 50 (smaller than either documented one) cuts nothing either.
        const tight = new CloudBaseStandIn(50)
        try {
          const third = storeOn(tight)
          for (let n = 1; n <= 120; n += 1) await third.insert('units', unit(n))
          expect(await third.find('units')).toHaveLength(120)
        } finally {
          tight.close()
        }
      } finally {
        roomy.close()
      }
    })
  })
})

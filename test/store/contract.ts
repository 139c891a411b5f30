/**
 * The document-store contract: what every adapter of the `Store` port must do, run against each adapter by
 * `sqlite.test.ts` and `cloudbase.test.ts`.
 *
 * The suite may run against a shared, real database, so it never touches documents it did not write: every document
 * carries `run` (this suite run) and `t` (this test), every query is scoped by `t`, and `afterAll` removes everything
 * with this `run`. Those two fields, and a few other extra fields (`views`, `remaining`, `meta`), are not part of the
 * collections' document types; they are added through casts, which the port allows (documents are plain JSON).
 */
import type { CollectionName, MemberDoc, NoticeDoc, UnitDoc } from '../../cloudfunctions/core/collections'
import {
  DuplicateKeyError,
  StoreError,
  TransactionMisuseError,
  UnsupportedQueryError,
  type Filter,
  type FindOptions,
  type NewDoc,
  type Store,
  type Update,
} from '../../cloudfunctions/core/store/port'

export interface StoreHarness {
  store: Store
  /** Releases the store (closes files, deletes temp data). Called once after the suite. */
  cleanup(): Promise<void>
}

export interface ContractOptions {
  /** Registers the whole suite with `describe.skip` (e.g. when the backing service is not configured). */
  skip?: boolean
}

const COLLECTION_NAMES: CollectionName[] = ['units', 'members', 'bindings', 'notices', 'noticeReads']

const HEX32 = /^[0-9a-f]{32}$/

/** Fields for a document builder: any of the type's (null allowed, to store explicit nulls) plus extra ones. */
type Fields<T> = { [K in keyof T]?: T[K] | null } & Record<string, unknown>

/** The fields this suite adds to every document it writes. */
interface Scope {
  run: string
  t: string
}

function randomHex(length: number): string {
  let out = ''
  while (out.length < length) out += Math.floor(Math.random() * 16).toString(16)
  return out
}

export function describeStoreContract(
  name: string,
  makeStore: () => Promise<StoreHarness>,
  options: ContractOptions = {},
): void {
  const describeOrSkip = options.skip ? describe.skip : describe

  describeOrSkip(`${name} store contract`, () => {
    const run = `c${randomHex(10)}`
    let harness: StoreHarness | undefined
    let store: Store
    let seq = 0
    /** This test's scope tag; unique across tests and runs. */
    let t = ''

    beforeAll(async () => {
      harness = await makeStore()
      store = harness.store
    })

    afterAll(async () => {
      if (!harness) return
      try {
        for (const collection of COLLECTION_NAMES) await store.remove(collection, { run })
      } finally {
        await harness.cleanup()
      }
    })

    beforeEach(() => {
      seq += 1
      t = `${run}-${seq}`
    })

    // ---------- helpers ----------

    /** An id local to this test: `id('a')` → `<t>-a`. */
    const id = (key: string) => `${t}-${key}`
    /** Back from a full id to the short key used in the test. */
    const key = (fullId: string) => fullId.slice(t.length + 1)
    const scope = (): Scope => ({ run, t })
    /** A filter limited to this test's documents. */
    const scoped = (filter: Filter = {}): Filter => ({ ...filter, t })

    const unit = (fields: Fields<UnitDoc> = {}) =>
      ({ name: `${t}-单位-${randomHex(6)}`, departments: ['机关'], order: 1, ...scope(), ...fields }) as NewDoc<'units'>

    const member = (fields: Fields<MemberDoc> = {}) =>
      ({
        staffNo: `${t}-${randomHex(6)}`,
        name: '张三',
        gender: 'female',
        birthDate: '1980-05-01',
        unitId: id('u1'),
        phone: '13800000000',
        status: 'active',
        roles: ['member'],
        createdAt: '2025-01-01T00:00:00.000Z',
        ...scope(),
        ...fields,
      }) as NewDoc<'members'>

    const notice = (fields: Fields<NoticeDoc> = {}) =>
      ({
        title: '通知',
        body: '正文',
        category: 'notice',
        pinned: false,
        audience: { kind: 'all' },
        publishAt: '2025-01-01T00:00:00.000Z',
        withdrawn: false,
        createdBy: 'admin',
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedBy: 'admin',
        updatedAt: '2025-01-01T00:00:00.000Z',
        ...scope(),
        ...fields,
      }) as NewDoc<'notices'>

    const noticeRead = (noticeId: string, memberId: string) =>
      ({ noticeId, memberId, readAt: '2025-01-02T00:00:00.000Z', ...scope() }) as NewDoc<'noticeReads'>

    /** Any document as a plain record, to read the extra fields. */
    const plain = (doc: unknown) => doc as Record<string, unknown>

    /**
     * Five notices with varied fields, for the filter, sort and update tests:
     *
     * | key | category | pinned | pinnedUntil | audience        | publishAt  | withdrawn | views   |
     * |-----|----------|--------|-------------|-----------------|------------|-----------|---------|
     * | a   | notice   | true   | 2025-03-01  | all             | 2025-01-10 | false     | 10      |
     * | b   | event    | false  | —           | units [u1, u2]  | 2025-02-01 | false     | 25      |
     * | c   | benefit  | false  | —           | units [u2]      | 2025-03-15 | true      | 5       |
     * | d   | notice   | true   | null        | all             | 2025-04-01 | false     | 40      |
     * | e   | congress | false  | —           | units [u3]      | 2025-01-01 | false     | missing |
     */
    async function seedNotices() {
      await store.insert(
        'notices',
        notice({
          _id: id('a'),
          title: 'A',
          category: 'notice',
          pinned: true,
          pinnedUntil: '2025-03-01T00:00:00.000Z',
          audience: { kind: 'all' },
          publishAt: '2025-01-10T08:00:00.000Z',
          views: 10,
        }),
      )
      await store.insert(
        'notices',
        notice({
          _id: id('b'),
          title: 'B',
          category: 'event',
          audience: { kind: 'units', unitIds: [id('u1'), id('u2')] },
          publishAt: '2025-02-01T00:00:00.000Z',
          views: 25,
        }),
      )
      await store.insert(
        'notices',
        notice({
          _id: id('c'),
          title: 'C',
          category: 'benefit',
          audience: { kind: 'units', unitIds: [id('u2')] },
          publishAt: '2025-03-15T00:00:00.000Z',
          withdrawn: true,
          views: 5,
        }),
      )
      await store.insert(
        'notices',
        notice({
          _id: id('d'),
          title: 'D',
          category: 'notice',
          pinned: true,
          pinnedUntil: null,
          audience: { kind: 'all' },
          publishAt: '2025-04-01T00:00:00.000Z',
          views: 40,
        }),
      )
      await store.insert(
        'notices',
        notice({
          _id: id('e'),
          title: 'E',
          category: 'congress',
          audience: { kind: 'units', unitIds: [id('u3')] },
          publishAt: '2025-01-01T00:00:00.000Z',
        }),
      )
    }

    /** The short keys of this test's notices matching `filter`, in `sort` order (default: by key). */
    async function noticeKeys(filter: Filter, options: FindOptions = {}) {
      const docs = await store.find('notices', scoped(filter), options)
      const keys = docs.map((doc) => key(doc._id))
      return options.sort ? keys : keys.sort()
    }

    // ---------- insert / get ----------

    describe('insert and get', () => {
      it('generates a 32-hex-digit id when none is given, and get returns the document with it', async () => {
        const doc = unit({ name: `${t}-机关分工会`, departments: ['党委办公室', '校长办公室'], order: 3 })
        const newId = await store.insert('units', doc)
        expect(newId).toMatch(HEX32)
        expect(await store.get('units', newId)).toEqual({ ...doc, _id: newId })
      })

      it('generates a different id for each insert', async () => {
        const first = await store.insert('units', unit())
        const second = await store.insert('units', unit())
        expect(first).not.toBe(second)
      })

      it('keeps a given id', async () => {
        const doc = member({ _id: id('m1'), roles: ['member', 'unionOffice'] })
        expect(await store.insert('members', doc)).toBe(id('m1'))
        expect(await store.get('members', id('m1'))).toEqual(doc)
      })

      it('round-trips nested objects, arrays, booleans and null', async () => {
        const doc = notice({
          _id: id('n'),
          pinned: true,
          pinnedUntil: null,
          audience: { kind: 'units', unitIds: [id('u1'), id('u2')] },
        })
        await store.insert('notices', doc)
        expect(await store.get('notices', id('n'))).toEqual(doc)
      })

      it('get returns null for a missing id', async () => {
        expect(await store.get('units', id('missing'))).toBeNull()
      })

      it('rejects a duplicate _id with DuplicateKeyError and keeps the original', async () => {
        const original = unit({ _id: id('u'), order: 1 })
        await store.insert('units', original)
        await expect(store.insert('units', unit({ _id: id('u'), order: 2 }))).rejects.toBeInstanceOf(DuplicateKeyError)
        expect(await store.get('units', id('u'))).toEqual(original)
        expect(await store.count('units', scoped())).toBe(1)
      })

      it('rejects a duplicate unique key (units.name) and the failed insert changes nothing', async () => {
        const name = `${t}-工会`
        await store.insert('units', unit({ _id: id('first'), name }))
        await expect(store.insert('units', unit({ _id: id('second'), name }))).rejects.toBeInstanceOf(DuplicateKeyError)
        expect(await store.get('units', id('second'))).toBeNull()
        expect(await store.count('units', { name })).toBe(1)
      })

      it('rejects a duplicate unique key (members.staffNo) without an explicit id', async () => {
        const staffNo = `${t}-2001`
        await store.insert('members', member({ staffNo }))
        await expect(store.insert('members', member({ staffNo, name: '李四' }))).rejects.toBeInstanceOf(DuplicateKeyError)
        const found = await store.find('members', { staffNo })
        expect(found.map((doc) => doc.name)).toEqual(['张三'])
      })

      it('enforces a compound unique key (noticeReads noticeId + memberId) on the pair only', async () => {
        await store.insert('noticeReads', noticeRead(id('n1'), id('m1')))
        await expect(store.insert('noticeReads', noticeRead(id('n1'), id('m1')))).rejects.toBeInstanceOf(
          DuplicateKeyError,
        )
        // Either half alone may repeat.
        await store.insert('noticeReads', noticeRead(id('n1'), id('m2')))
        await store.insert('noticeReads', noticeRead(id('n2'), id('m1')))
        expect(await store.count('noticeReads', scoped())).toBe(3)
        expect(await store.count('noticeReads', { noticeId: id('n1'), memberId: id('m1') })).toBe(1)
      })
    })

    // ---------- find ----------

    describe('find', () => {
      it('with an empty (scoped) filter returns every document', async () => {
        await seedNotices()
        expect(await noticeKeys({})).toEqual(['a', 'b', 'c', 'd', 'e'])
      })

      it('returns the documents themselves', async () => {
        await seedNotices()
        const [doc] = await store.find('notices', scoped({ _id: id('b') }))
        expect(doc).toEqual(
          notice({
            _id: id('b'),
            title: 'B',
            category: 'event',
            audience: { kind: 'units', unitIds: [id('u1'), id('u2')] },
            publishAt: '2025-02-01T00:00:00.000Z',
            views: 25,
          }),
        )
      })

      it('matches equality and $eq', async () => {
        await seedNotices()
        expect(await noticeKeys({ category: 'notice' })).toEqual(['a', 'd'])
        expect(await noticeKeys({ category: { $eq: 'event' } })).toEqual(['b'])
        expect(await noticeKeys({ views: 25 })).toEqual(['b'])
        expect(await noticeKeys({ category: 'nothing' })).toEqual([])
      })

      it('matches on _id', async () => {
        await seedNotices()
        expect(await noticeKeys({ _id: id('c') })).toEqual(['c'])
        expect(await noticeKeys({ _id: { $in: [id('a'), id('e'), id('zz')] } })).toEqual(['a', 'e'])
      })

      it('matches $ne, including documents missing the field', async () => {
        await seedNotices()
        expect(await noticeKeys({ category: { $ne: 'notice' } })).toEqual(['b', 'c', 'e'])
        expect(await noticeKeys({ views: { $ne: 10 } })).toEqual(['b', 'c', 'd', 'e'])
      })

      it('matches $gt / $gte / $lt / $lte on numbers, skipping documents missing the field', async () => {
        await seedNotices()
        expect(await noticeKeys({ views: { $gt: 10 } })).toEqual(['b', 'd'])
        expect(await noticeKeys({ views: { $gte: 10 } })).toEqual(['a', 'b', 'd'])
        expect(await noticeKeys({ views: { $lt: 25 } })).toEqual(['a', 'c'])
        expect(await noticeKeys({ views: { $lte: 25 } })).toEqual(['a', 'b', 'c'])
        expect(await noticeKeys({ views: { $gt: 5, $lt: 40 } })).toEqual(['a', 'b'])
      })

      it('matches $gt / $gte / $lt / $lte on ISO time strings', async () => {
        await seedNotices()
        expect(await noticeKeys({ publishAt: { $lte: '2025-02-01T00:00:00.000Z' } })).toEqual(['a', 'b', 'e'])
        expect(await noticeKeys({ publishAt: { $lt: '2025-02-01T00:00:00.000Z' } })).toEqual(['a', 'e'])
        expect(await noticeKeys({ publishAt: { $gte: '2025-03-15T00:00:00.000Z' } })).toEqual(['c', 'd'])
        expect(
          await noticeKeys({ publishAt: { $gt: '2025-02-01T00:00:00.000Z', $lt: '2025-04-01T00:00:00.000Z' } }),
        ).toEqual(['c'])
      })

      it('compares ranges only against values of the same type', async () => {
        await seedNotices()
        expect(await noticeKeys({ publishAt: { $gt: 0 } })).toEqual([])
        expect(await noticeKeys({ views: { $gt: '' } })).toEqual([])
      })

      it('matches $in and $nin ($nin includes documents missing the field)', async () => {
        await seedNotices()
        expect(await noticeKeys({ category: { $in: ['event', 'benefit'] } })).toEqual(['b', 'c'])
        expect(await noticeKeys({ category: { $nin: ['notice', 'event'] } })).toEqual(['c', 'e'])
        expect(await noticeKeys({ views: { $in: [5, 40, 99] } })).toEqual(['c', 'd'])
        expect(await noticeKeys({ views: { $nin: [10, 25] } })).toEqual(['c', 'd', 'e'])
      })

      it('matches $exists (a field holding null exists)', async () => {
        await seedNotices()
        expect(await noticeKeys({ views: { $exists: false } })).toEqual(['e'])
        expect(await noticeKeys({ views: { $exists: true } })).toEqual(['a', 'b', 'c', 'd'])
        expect(await noticeKeys({ pinnedUntil: { $exists: true } })).toEqual(['a', 'd'])
      })

      it('matches null against null and missing fields', async () => {
        await seedNotices()
        expect(await noticeKeys({ pinnedUntil: null })).toEqual(['b', 'c', 'd', 'e'])
        expect(await noticeKeys({ pinnedUntil: { $ne: null } })).toEqual(['a'])
      })

      it('matches booleans', async () => {
        await seedNotices()
        expect(await noticeKeys({ pinned: true })).toEqual(['a', 'd'])
        expect(await noticeKeys({ withdrawn: false, pinned: false })).toEqual(['b', 'e'])
        expect(await noticeKeys({ withdrawn: { $ne: false } })).toEqual(['c'])
      })

      it('matches dotted paths into nested objects', async () => {
        await seedNotices()
        expect(await noticeKeys({ 'audience.kind': 'all' })).toEqual(['a', 'd'])
        expect(await noticeKeys({ 'audience.kind': { $ne: 'all' } })).toEqual(['b', 'c', 'e'])
      })

      it('matches an element of a declared array field (audience.unitIds)', async () => {
        await seedNotices()
        expect(await noticeKeys({ 'audience.unitIds': id('u2') })).toEqual(['b', 'c'])
        expect(await noticeKeys({ 'audience.unitIds': id('u3') })).toEqual(['e'])
        expect(await noticeKeys({ 'audience.unitIds': { $in: [id('u1'), id('u3')] } })).toEqual(['b', 'e'])
        expect(await noticeKeys({ 'audience.unitIds': id('u9') })).toEqual([])
      })

      it('matches an element of a declared array field (members.roles)', async () => {
        await store.insert('members', member({ _id: id('plain'), roles: ['member'] }))
        await store.insert('members', member({ _id: id('office'), roles: ['member', 'unionOffice'] }))
        const found = await store.find('members', scoped({ roles: 'unionOffice' }))
        expect(found.map((doc) => key(doc._id))).toEqual(['office'])
        expect(await store.count('members', scoped({ roles: 'member' }))).toBe(2)
      })

      it('combines conditions with $and and $or', async () => {
        await seedNotices()
        expect(await noticeKeys({ $and: [{ pinned: false }, { views: { $gte: 5 } }] })).toEqual(['b', 'c'])
        expect(
          await noticeKeys({
            $or: [{ category: 'event' }, { withdrawn: true }, { 'audience.kind': 'all', views: { $gt: 20 } }],
          }),
        ).toEqual(['b', 'c', 'd'])
      })

      it('combines $or with plain fields (both must hold)', async () => {
        await seedNotices()
        expect(await noticeKeys({ withdrawn: false, $or: [{ pinned: true }, { category: 'congress' }] })).toEqual([
          'a',
          'd',
          'e',
        ])
      })

      it('nests $and inside $or', async () => {
        await seedNotices()
        expect(
          await noticeKeys({ $or: [{ $and: [{ pinned: true }, { views: { $lt: 20 } }] }, { category: 'benefit' }] }),
        ).toEqual(['a', 'c'])
      })

      it('sorts by several keys, ascending and descending', async () => {
        await seedNotices()
        expect(await noticeKeys({}, { sort: { pinned: -1, publishAt: 1 } })).toEqual(['a', 'd', 'e', 'b', 'c'])
        expect(await noticeKeys({}, { sort: { category: 1, publishAt: -1 } })).toEqual(['c', 'e', 'b', 'd', 'a'])
        expect(await noticeKeys({}, { sort: { publishAt: -1 } })).toEqual(['d', 'c', 'b', 'a', 'e'])
      })

      it('skips and limits after sorting', async () => {
        await seedNotices()
        const byTime: FindOptions = { sort: { publishAt: 1 } }
        expect(await noticeKeys({}, byTime)).toEqual(['e', 'a', 'b', 'c', 'd'])
        expect(await noticeKeys({}, { ...byTime, limit: 2 })).toEqual(['e', 'a'])
        expect(await noticeKeys({}, { ...byTime, skip: 1, limit: 2 })).toEqual(['a', 'b'])
        expect(await noticeKeys({}, { ...byTime, skip: 3 })).toEqual(['c', 'd'])
        expect(await noticeKeys({}, { ...byTime, skip: 10 })).toEqual([])
        expect(await noticeKeys({ pinned: false }, { ...byTime, skip: 1, limit: 1 })).toEqual(['b'])
      })

      it('projects only the requested top-level fields, plus _id', async () => {
        await seedNotices()
        const docs = await store.find('notices', scoped({ pinned: true }), {
          fields: ['title', 'audience'],
          sort: { publishAt: 1 },
        })
        expect(docs).toEqual([
          { _id: id('a'), title: 'A', audience: { kind: 'all' } },
          { _id: id('d'), title: 'D', audience: { kind: 'all' } },
        ])
      })
    })

    // ---------- count ----------

    describe('count', () => {
      it('counts the matches of a filter', async () => {
        await seedNotices()
        expect(await store.count('notices', scoped())).toBe(5)
        expect(await store.count('notices', scoped({ pinned: true }))).toBe(2)
        const published = scoped({ withdrawn: false, publishAt: { $lte: '2025-02-01T00:00:00.000Z' } })
        expect(await store.count('notices', published)).toBe(3)
        expect(await store.count('notices', scoped({ category: 'nothing' }))).toBe(0)
      })
    })

    // ---------- update ----------

    describe('update', () => {
      it('$set replaces top-level fields and reports how many documents changed', async () => {
        await seedNotices()
        const result = await store.update('notices', scoped({ _id: id('a') }), {
          $set: { title: 'A2', updatedAt: '2025-05-01T00:00:00.000Z' },
        })
        expect(result).toEqual({ modified: 1 })
        const doc = await store.get('notices', id('a'))
        expect(doc).toMatchObject({ title: 'A2', updatedAt: '2025-05-01T00:00:00.000Z', category: 'notice' })
      })

      it('$set on a dotted path changes only that nested field', async () => {
        await store.insert('units', unit({ _id: id('u'), meta: { a: 1, b: 2 } }))
        await store.update('units', scoped({ _id: id('u') }), { $set: { 'meta.a': 5 } })
        expect(plain(await store.get('units', id('u'))).meta).toEqual({ a: 5, b: 2 })
      })

      it('$set of an object replaces the whole object', async () => {
        await seedNotices()
        await store.update('notices', scoped({ _id: id('b') }), { $set: { audience: { kind: 'all' } } })
        expect((await store.get('notices', id('b')))?.audience).toEqual({ kind: 'all' })

        await store.insert('units', unit({ _id: id('u'), meta: { a: 1, b: 2 } }))
        await store.update('units', scoped({ _id: id('u') }), { $set: { meta: { c: 3 } } })
        expect(plain(await store.get('units', id('u'))).meta).toEqual({ c: 3 })
      })

      it('$set of an array replaces the whole array', async () => {
        await store.insert('units', unit({ _id: id('u'), departments: ['甲', '乙'] }))
        await store.update('units', scoped({ _id: id('u') }), { $set: { departments: ['丙'] } })
        expect((await store.get('units', id('u')))?.departments).toEqual(['丙'])
      })

      it('updates every match, counting only the documents that changed as modified', async () => {
        await seedNotices()
        // b, c, e are unpinned; c is already withdrawn.
        const result = await store.update('notices', scoped({ pinned: false }), { $set: { withdrawn: true } })
        expect(result).toEqual({ modified: 2 })
        expect(await noticeKeys({ withdrawn: true })).toEqual(['b', 'c', 'e'])
      })

      it('reports modified 0 when nothing changes and when nothing matches', async () => {
        await seedNotices()
        expect(await store.update('notices', scoped({ _id: id('a') }), { $set: { title: 'A' } })).toEqual({ modified: 0 })
        expect(await store.update('notices', scoped({ _id: id('zz') }), { $set: { title: 'Z' } })).toEqual({ modified: 0 })
      })

      it('$inc adds to a number, and creates a missing field', async () => {
        await seedNotices()
        expect(await store.update('notices', scoped({ _id: id('a') }), { $inc: { views: 5 } })).toEqual({ modified: 1 })
        await store.update('notices', scoped({ _id: id('b') }), { $inc: { views: -30 } })
        await store.update('notices', scoped({ _id: id('e') }), { $inc: { views: 3 } })
        expect(plain(await store.get('notices', id('a'))).views).toBe(15)
        expect(plain(await store.get('notices', id('b'))).views).toBe(-5)
        expect(plain(await store.get('notices', id('e'))).views).toBe(3)
      })

      it('$unset removes a field', async () => {
        await seedNotices()
        expect(await store.update('notices', scoped({ _id: id('a') }), { $unset: { pinnedUntil: true } })).toEqual({
          modified: 1,
        })
        const doc = await store.get('notices', id('a'))
        expect(doc).not.toBeNull()
        expect(Object.keys(doc!)).not.toContain('pinnedUntil')
        expect(await noticeKeys({ pinnedUntil: { $exists: true } })).toEqual(['d'])
      })

      it('$push appends to an array and $pull removes every equal element', async () => {
        await store.insert('members', member({ _id: id('m'), roles: ['member'] }))
        const m = scoped({ _id: id('m') })
        expect(await store.update('members', m, { $push: { roles: 'unionOffice' } })).toEqual({ modified: 1 })
        expect((await store.get('members', id('m')))?.roles).toEqual(['member', 'unionOffice'])

        expect(await store.update('members', m, { $pull: { roles: 'member' } })).toEqual({ modified: 1 })
        expect((await store.get('members', id('m')))?.roles).toEqual(['unionOffice'])

        expect(await store.update('members', m, { $pull: { roles: 'member' } })).toEqual({ modified: 0 })
      })

      it('$pull removes all copies of a value', async () => {
        await store.insert('units', unit({ _id: id('u'), departments: ['甲', '乙', '甲'] }))
        await store.update('units', scoped({ _id: id('u') }), { $pull: { departments: '甲' } })
        expect((await store.get('units', id('u')))?.departments).toEqual(['乙'])
      })

      it('applies several operators in one update', async () => {
        await store.insert('members', member({ _id: id('m'), roles: ['member'], status: 'active' }))
        await store.update('members', scoped({ _id: id('m') }), {
          $set: { status: 'retired' },
          $push: { roles: 'unionOffice' },
          $inc: { logins: 1 },
        })
        expect(await store.get('members', id('m'))).toMatchObject({
          status: 'retired',
          roles: ['member', 'unionOffice'],
          logins: 1,
        })
      })

      it('rejects $inc on a string or null field and $push onto a non-array, leaving the document unchanged', async () => {
        const doc = unit({ _id: id('u'), label: 'x', empty: null })
        await store.insert('units', doc)
        const u = scoped({ _id: id('u') })
        await expect(store.update('units', u, { $inc: { label: 1 } })).rejects.toThrow()
        await expect(store.update('units', u, { $inc: { empty: 1 } })).rejects.toThrow()
        await expect(store.update('units', u, { $push: { label: 'y' } })).rejects.toThrow()
        expect(await store.get('units', id('u'))).toEqual(doc)
      })

      it('rejects an update that would break a unique key, leaving the document unchanged', async () => {
        const taken = unit({ _id: id('taken'), name: `${t}-甲` })
        const other = unit({ _id: id('other'), name: `${t}-乙` })
        await store.insert('units', taken)
        await store.insert('units', other)
        await expect(
          store.update('units', scoped({ _id: id('other') }), { $set: { name: `${t}-甲`, order: 9 } }),
        ).rejects.toBeInstanceOf(DuplicateKeyError)
        expect(await store.get('units', id('other'))).toEqual(other)
        expect(await store.get('units', id('taken'))).toEqual(taken)
      })

      describe('rejects, on every adapter alike, with UnsupportedQueryError and no change', () => {
        const rejected: [string, Update][] = [
          ['no operator at all', {}],
          ['an empty $set', { $set: {} }],
          ['the same path in two operators', { $set: { order: 1 }, $inc: { order: 1 } }],
          ['a path and its parent', { $set: { meta: { a: 1 } }, $inc: { 'meta.b': 1 } }],
          ['a path and its parent in one operator', { $set: { meta: { a: 1 }, 'meta.b': 2 } }],
          ['_id', { $set: { _id: 'other' } }],
        ]
        it.each(rejected)('%s', async (_label, update) => {
          const doc = unit({ _id: id('u'), order: 1, meta: { a: 0 } })
          await store.insert('units', doc)
          await expect(store.update('units', scoped({ _id: id('u') }), update)).rejects.toBeInstanceOf(UnsupportedQueryError)
          // Also when nothing matches: the update itself is wrong.
          await expect(store.update('units', scoped({ _id: id('none') }), update)).rejects.toBeInstanceOf(UnsupportedQueryError)
          await expect(store.claim('units', id('u'), {}, update)).rejects.toBeInstanceOf(UnsupportedQueryError)
          await expect(store.transaction((tx) => tx.updateById('units', id('u'), update))).rejects.toBeInstanceOf(
            UnsupportedQueryError,
          )
          expect(await store.get('units', id('u'))).toEqual(doc)
        })
      })
    })

    // ---------- claim ----------

    describe('claim', () => {
      it('applies the update while the document matches the guard, and answers true', async () => {
        await store.insert('units', unit({ _id: id('event'), remaining: 2 }))
        expect(await store.claim('units', id('event'), { remaining: { $gt: 0 } }, { $inc: { remaining: -1 } })).toBe(true)
        expect(plain(await store.get('units', id('event'))).remaining).toBe(1)
      })

      it('answers false and changes nothing when the guard fails or the document is missing', async () => {
        const doc = unit({ _id: id('event'), remaining: 0, state: 'open' })
        await store.insert('units', doc)
        expect(await store.claim('units', id('event'), { remaining: { $gt: 0 } }, { $inc: { remaining: -1 } })).toBe(false)
        expect(await store.claim('units', id('event'), { state: 'closed' }, { $set: { state: 'open2' } })).toBe(false)
        expect(await store.claim('units', id('missing'), {}, { $set: { state: 'x' } })).toBe(false)
        expect(await store.get('units', id('event'))).toEqual(doc)
        expect(await store.get('units', id('missing'))).toBeNull()
      })

      it('answers false for an update that would leave the document as it is (CloudBase counts only changes)', async () => {
        await store.insert('units', unit({ _id: id('u'), state: 'open' }))
        expect(await store.claim('units', id('u'), { state: 'open' }, { $set: { state: 'open' } })).toBe(false)
      })

      it('holds the guard on the document named, whatever else matches it', async () => {
        await store.insert('units', unit({ _id: id('a'), state: 'open' }))
        await store.insert('units', unit({ _id: id('b'), state: 'open' }))
        expect(await store.claim('units', id('a'), scoped({ state: 'open' }), { $set: { state: 'closed' } })).toBe(true)
        expect((await store.find('units', scoped({ state: 'open' }))).map((doc) => key(doc._id))).toEqual(['b'])
      })

      it('claims seats atomically: 10 concurrent claims of 3 seats, exactly 3 succeed', async () => {
        await store.insert('units', unit({ _id: id('event'), remaining: 3 }))
        const results = await Promise.all(
          Array.from({ length: 10 }, () =>
            store.claim('units', id('event'), { remaining: { $gt: 0 } }, { $inc: { remaining: -1 } }),
          ),
        )
        expect(results.filter(Boolean)).toHaveLength(3)
        expect(plain(await store.get('units', id('event'))).remaining).toBe(0)
      })
    })

    // ---------- unique keys and missing fields ----------

    describe('a unique key over documents lacking its field (a missing field counts as null, as on CloudBase)', () => {
      /** Inserts `docs` one by one, answering which were refused as duplicates; removes them all afterwards. */
      async function insertEach<C extends CollectionName>(collection: C, docs: NewDoc<C>[]) {
        const refused: number[] = []
        try {
          for (const [index, doc] of docs.entries()) {
            await store.insert(collection, doc).catch((error: unknown) => {
              if (!(error instanceof DuplicateKeyError)) throw error
              refused.push(index)
            })
          }
          return { refused, stored: await store.count(collection, scoped()) }
        } finally {
          // Unlike other tests' documents, these would clash with the next test's: remove them now.
          await store.remove(collection, scoped())
        }
      }
      const lacking = <C extends CollectionName>(doc: NewDoc<C>, field: string) => {
        const copy: Record<string, unknown> = { ...doc }
        delete copy[field]
        return copy as NewDoc<C>
      }

      it('lets one document lack the field, refusing a second (units.name)', async () => {
        expect(await insertEach('units', [lacking(unit(), 'name'), lacking(unit(), 'name')])).toEqual({ refused: [1], stored: 1 })
      })

      it('counts a null field and a missing one as the same value', async () => {
        expect(await insertEach('units', [unit({ name: null }), lacking(unit(), 'name')])).toEqual({ refused: [1], stored: 1 })
      })

      it('refuses an update that would make a second document lack it', async () => {
        try {
          await store.insert('units', lacking(unit({ _id: id('first') }), 'name'))
          await store.insert('units', unit({ _id: id('second') }))
          await expect(store.update('units', scoped({ _id: id('second') }), { $unset: { name: true } })).rejects.toBeInstanceOf(
            DuplicateKeyError,
          )
        } finally {
          await store.remove('units', scoped())
        }
      })

      it('in a compound key (noticeReads noticeId + memberId), pairs a missing field with the other like a value', async () => {
        const read = (noticeKey: string) => lacking(noticeRead(id(noticeKey), ''), 'memberId')
        const neither = lacking(read('n1'), 'noticeId')
        expect(await insertEach('noticeReads', [read('n1'), read('n1'), read('n2'), neither, neither])).toEqual({
          refused: [1, 4],
          stored: 3,
        })
      })
    })

    // ---------- remove ----------

    describe('remove', () => {
      it('removes every match and returns how many', async () => {
        await seedNotices()
        expect(await store.remove('notices', scoped({ pinned: true }))).toBe(2)
        expect(await noticeKeys({})).toEqual(['b', 'c', 'e'])
        expect(await store.get('notices', id('a'))).toBeNull()
      })

      it('returns 0 when nothing matches', async () => {
        await seedNotices()
        expect(await store.remove('notices', scoped({ category: 'nothing' }))).toBe(0)
        expect(await store.count('notices', scoped())).toBe(5)
      })
    })

    // ---------- transactions ----------

    describe('transaction', () => {
      it('commits every write and returns what the work returns', async () => {
        await store.insert('units', unit({ _id: id('keep'), order: 1 }))
        await store.insert('units', unit({ _id: id('drop'), order: 2 }))
        const newUnit = unit({ _id: id('new'), order: 3 })

        const result = await store.transaction(async (tx) => {
          const before = await tx.get('units', id('keep'))
          const inserted = await tx.insert('units', newUnit)
          const updated = await tx.updateById('units', id('keep'), { $inc: { order: 10 } })
          const removed = await tx.removeById('units', id('drop'))
          return { order: before?.order, inserted, updated, removed }
        })

        expect(result).toEqual({ order: 1, inserted: id('new'), updated: true, removed: true })
        expect(await store.get('units', id('new'))).toEqual(newUnit)
        expect((await store.get('units', id('keep')))?.order).toBe(11)
        expect(await store.get('units', id('drop'))).toBeNull()
      })

      it('tx.insert generates a 32-hex-digit id when none is given', async () => {
        const newId = await store.transaction((tx) => tx.insert('units', unit()))
        expect(newId).toMatch(HEX32)
        expect(await store.get('units', newId)).not.toBeNull()
      })

      it('tx.get returns null, and updateById / removeById return false, for a missing document', async () => {
        const result = await store.transaction(async (tx) => ({
          got: await tx.get('units', id('missing')),
          updated: await tx.updateById('units', id('missing'), { $set: { order: 1 } }),
          removed: await tx.removeById('units', id('missing')),
        }))
        expect(result).toEqual({ got: null, updated: false, removed: false })
      })

      it('rolls back every write when the work throws, and rethrows the error', async () => {
        const keep = unit({ _id: id('keep'), order: 1 })
        const drop = unit({ _id: id('drop'), order: 2 })
        await store.insert('units', keep)
        await store.insert('units', drop)
        const boom = new Error('boom')

        await expect(
          store.transaction(async (tx) => {
            await tx.insert('units', unit({ _id: id('new') }))
            await tx.updateById('units', id('keep'), { $set: { order: 99 } })
            await tx.removeById('units', id('drop'))
            throw boom
          }),
        ).rejects.toBe(boom)

        expect(await store.get('units', id('new'))).toBeNull()
        expect(await store.get('units', id('keep'))).toEqual(keep)
        expect(await store.get('units', id('drop'))).toEqual(drop)
        expect(await store.count('units', scoped())).toBe(2)
      })

      it('rolls back when a write inside fails on a unique key', async () => {
        const name = `${t}-甲`
        await store.insert('units', unit({ _id: id('taken'), name }))
        await expect(
          store.transaction(async (tx) => {
            await tx.insert('units', unit({ _id: id('first') }))
            await tx.insert('units', unit({ _id: id('clash'), name }))
          }),
        ).rejects.toBeInstanceOf(DuplicateKeyError)
        expect(await store.get('units', id('first'))).toBeNull()
        expect(await store.get('units', id('clash'))).toBeNull()
        expect(await store.count('units', scoped())).toBe(1)
      })

      it('never shows its uncommitted writes to a read outside it', async () => {
        let inserted!: () => void
        const pending = new Promise<void>((resolve) => (inserted = resolve))
        const abandoned = store.transaction(async (tx) => {
          await tx.insert('units', unit({ _id: id('pending') }))
          inserted()
          await new Promise((resolve) => setTimeout(resolve, 20))
          throw new Error('abandon')
        })
        await pending
        // This test's own code, not the transaction's work: a read from another handler.
        const reading = store.count('units', scoped())
        await expect(abandoned).rejects.toThrow('abandon')
        expect(await reading).toBe(0)
      })

      it('refuses a store call inside its work at once, naming the method and tx, and rolls back', async () => {
        const attempt = (call: () => Promise<unknown>) =>
          store.transaction(async (tx) => {
            await tx.insert('units', unit({ _id: id('inside') }))
            await call()
          })
        await expect(attempt(() => store.get('units', id('inside')))).rejects.toBeInstanceOf(TransactionMisuseError)
        await expect(attempt(() => store.find('units', scoped()))).rejects.toThrow(/store\.find\(\).*\btx\b/)
        await expect(attempt(() => store.update('units', scoped(), { $set: { order: 2 } }))).rejects.toThrow(/store\.update\(\)/)
        await expect(attempt(() => store.claim('units', id('inside'), {}, { $set: { order: 2 } }))).rejects.toThrow(/store\.claim\(\)/)
        await expect(attempt(() => store.transaction(async () => undefined))).rejects.toThrow(/store\.transaction\(\)/)
        expect(await store.get('units', id('inside'))).toBeNull()
      })
    })

    // ---------- unknown collections ----------

    describe('unknown collection', () => {
      const nope = 'nope' as CollectionName

      it('rejects every call with a StoreError', async () => {
        await expect(store.get(nope, 'x')).rejects.toBeInstanceOf(StoreError)
        await expect(store.find(nope)).rejects.toBeInstanceOf(StoreError)
        await expect(store.find(nope, { a: 1 })).rejects.toBeInstanceOf(StoreError)
        await expect(store.count(nope, { a: 1 })).rejects.toBeInstanceOf(StoreError)
        await expect(store.insert(nope, { a: 1 } as unknown as NewDoc<'units'>)).rejects.toBeInstanceOf(StoreError)
        await expect(store.update(nope, { a: 1 }, { $set: { a: 2 } })).rejects.toBeInstanceOf(StoreError)
        await expect(store.claim(nope, 'x', {}, { $set: { a: 2 } })).rejects.toBeInstanceOf(StoreError)
        await expect(store.remove(nope, { a: 1 })).rejects.toBeInstanceOf(StoreError)
      })

      it('rejects inside a transaction too', async () => {
        await expect(store.transaction((tx) => tx.get(nope, 'x'))).rejects.toBeInstanceOf(StoreError)
        await expect(
          store.transaction((tx) => tx.insert(nope, { a: 1 } as unknown as NewDoc<'units'>)),
        ).rejects.toBeInstanceOf(StoreError)
      })

      it('treats Object.prototype names as unknown', async () => {
        await expect(store.find('constructor' as CollectionName)).rejects.toBeInstanceOf(StoreError)
      })
    })
  })
}

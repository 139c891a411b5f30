/**
 * The store contract against SqliteStore on a temp file, plus what only the SQLite adapter promises:
 * durability across reopening, WAL journal, the declared indexes, and that the hot queries use them.
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { COLLECTIONS, type CollectionName } from '../../cloudfunctions/core/collections'
import type { Filter, NewDoc, SortSpec } from '../../cloudfunctions/core/store/port'
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { toSqlOrder, toSqlWhere } from '../../cloudfunctions/core/store/sqliteFilter'
import { describeStoreContract } from './contract'

function tempDir() {
  return mkdtempSync(join(tmpdir(), 'jgzj-store-'))
}

describeStoreContract('SQLite', async () => {
  const dir = tempDir()
  const store = new SqliteStore(join(dir, 'store.db'))
  return {
    store,
    async cleanup() {
      store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
})

describe('SqliteStore specifics', () => {
  let dir: string
  let file: string
  let store: SqliteStore
  /** A second, independent connection to the same file, to look under the store. */
  let raw: Database.Database

  const unit: NewDoc<'units'> = { _id: 'u1', name: '机关分工会', departments: ['党委办公室'], order: 1 }

  beforeEach(() => {
    dir = tempDir()
    file = join(dir, 'nested', 'store.db')
    store = new SqliteStore(file)
    raw = new Database(file)
  })

  afterEach(() => {
    raw.close()
    store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** How many units the other connection sees. */
  const seenByRaw = () => (raw.prepare('SELECT COUNT(*) AS n FROM "units"').get() as { n: number }).n

  /** The plan SQLite picks for the SELECT that `find` runs. */
  function plan(collection: CollectionName, filter: Filter, sort?: SortSpec): string {
    const where = toSqlWhere(filter, COLLECTIONS[collection])
    // The statement SqliteStore.find prepares.
    const select = `SELECT _id, doc FROM "${collection}" WHERE ${where.sql} ${toSqlOrder(sort)} LIMIT ? OFFSET ?`
    const sql = `EXPLAIN QUERY PLAN ${select}`
    const rows = raw.prepare(sql).all(...where.params, -1, 0) as { detail: string }[]
    return rows.map((row) => row.detail).join('\n')
  }

  it('creates the file (and its folder) and keeps data across closing and reopening', async () => {
    await store.insert('units', unit)
    await store.transaction(async (tx) => {
      await tx.insert('members', {
        _id: 'm1',
        staffNo: '2001',
        name: '张三',
        gender: 'male',
        memberSince: '2010-09-01',
        duesPaid: true,
        birthDate: '1980-01-01',
        unitId: 'u1',
        phone: '13800000000',
        status: 'active',
        roles: ['member'],
        createdAt: '2025-01-01T00:00:00.000Z',
      })
    })
    store.close()

    store = new SqliteStore(file)
    expect(await store.get('units', 'u1')).toEqual(unit)
    expect((await store.get('members', 'm1'))?.name).toBe('张三')
    // Reopening re-runs the migration; the unique index still holds.
    await expect(store.insert('units', { ...unit, _id: 'u2' })).rejects.toThrow(/duplicate key/)
  })

  it('leaves checkpoints to its worker thread: the log reaches the database file within seconds', async () => {
    // The store's own connection checkpoints only past a 40 MB backstop (a commit that did so waited for the disk,
    // and every request with it), and truncates the log back to that size.
    const own = (store as unknown as { db: Database.Database }).db
    expect([own.pragma('wal_autocheckpoint', { simple: true }), own.pragma('journal_size_limit', { simple: true })]).toEqual([10_000, 40_960_000])
    const before = statSync(file).size
    for (let i = 0; i < 200; i++) await store.insert('units', { _id: `u${i}`, name: `分工会${i}`, departments: Array.from({ length: 40 }, (_, j) => `部门${i}-${j}`), order: i })
    const grown = async () => {
      for (let waited = 0; waited < 5000; waited += 100) {
        if (statSync(file).size > before) return true
        await new Promise((tick) => setTimeout(tick, 100))
      }
      return false
    }
    expect(await grown()).toBe(true)
    expect(await store.count('units')).toBe(200)
  })

  it('lets another connection read committed writes', async () => {
    await store.insert('units', unit)
    const row = raw.prepare('SELECT doc FROM "units" WHERE _id = ?').get('u1') as { doc: string }
    expect(JSON.parse(row.doc)).toEqual(unit)
  })

  it('uses the WAL journal', () => {
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
  })

  it('creates one table per collection', () => {
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()
    expect(tables).toEqual(Object.keys(COLLECTIONS).sort())
  })

  it('creates the declared indexes, unique where declared unique', () => {
    const indexes = raw
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
      .all() as { name: string; sql: string }[]
    expect(indexes.map((index) => index.name)).toEqual([
      'auditLog_ix_action_at',
      'auditLog_ix_at',
      'auditLog_ix_targetType_targetId_at',
      'benefitApplications_ix_memberId_appliedAt',
      'benefitApplications_ix_state_appliedAt',
      'benefitApplications_ix_unitId_state_appliedAt',
      'benefitPayouts_ix_caseId_issuedAt',
      'benefitPayouts_ix_deadline',
      'benefitPayouts_ix_memberId_year',
      'benefitPayouts_ix_roundId_unitId',
      'benefitPayouts_ix_unitId_year_issuedAt',
      'benefitPayouts_ix_year_issuedAt',
      'benefitRounds_ix_state',
      'benefitRounds_ix_year',
      'benefitTallies_ix_memberId_year',
      'bindAttempts_ix_windowStart',
      'bindings_uq_memberId',
      'bindings_uqnull_memberId',
      'calendarEntries_ix_date',
      'clubs_ix_order',
      'clubs_uq_name',
      'clubs_uqnull_name',
      'congressDelegates_ix_sessionId_delegation',
      'congressSessions_ix_order',
      'congressSessions_uq_name',
      'congressSessions_uqnull_name',
      'consents_ix_memberId',
      'departments_ix_order',
      'departments_uq_name',
      'departments_uqnull_name',
      'eventQuotas_ix_eventId',
      'eventSignups_ix_eventId_state_waitingSince',
      'eventSignups_ix_memberId_signedUpAt',
      'eventSignups_ix_state_offerExpiresAt',
      'eventSignups_ix_state_toldAt',
      'eventSignups_uq_eventId_memberId',
      'eventSignups_uqnull_eventId_memberId',
      'events_ix_coverFileId',
      'events_ix_seatChangedAt',
      'events_ix_status_signupClosesAt',
      'events_ix_status_startAt',
      'events_ix_unitId_startAt',
      'events_uq_checkInCode',
      'events_uqnull_checkInCode',
      'files_ix_removeAfter',
      'hardshipCases_ix_year_state_reportedAt',
      'hardshipCases_ix_year_unitId_state_reportedAt',
      'members_ix_name',
      'members_ix_unitId',
      'members_uq_staffNo',
      'members_uqnull_staffNo',
      'messageBatches_ix_state_sendAt',
      'messages_ix_createdAt',
      'messages_ix_pushState_pushNextAt',
      'messages_ix_recipientId_read',
      'messages_ix_recipientId_sendAt',
      'messages_ix_subject',
      'noticeReads_ix_memberId',
      'noticeReads_uq_noticeId_memberId',
      'noticeReads_uqnull_noticeId_memberId',
      'notices_ix_pinned_publishAt',
      'notices_ix_withdrawn_publishAt',
      'proposalSeconds_ix_memberId_invitedAt',
      'proposalSeconds_ix_proposalId_round_state',
      'proposals_ix_authorId_updatedAt',
      'proposals_ix_leadDeptId_state',
      'proposals_ix_sessionId_state_submittedAt',
      'requestKeys_ix_at',
      'rosterImportChunks_ix_removeAfter',
      'rosterImports_ix_removeAfter',
      'staffBindFailures_ix_day',
      'units_ix_order',
      'units_uq_name',
      'units_uqnull_name',
    ])
    const sqlOf = (name: string) => indexes.find((index) => index.name === name)!.sql
    expect(sqlOf('units_uq_name')).toBe(
      `CREATE UNIQUE INDEX "units_uq_name" ON "units" (json_extract(doc, '$.name'))`,
    )
    expect(sqlOf('noticeReads_uq_noticeId_memberId')).toBe(
      `CREATE UNIQUE INDEX "noticeReads_uq_noticeId_memberId" ON "noticeReads" (json_extract(doc, '$.noticeId'), json_extract(doc, '$.memberId'))`,
    )
    // At most one document may lack a unique field (or, in a compound key, pair the same values with a missing one).
    expect(sqlOf('noticeReads_uqnull_noticeId_memberId')).toBe(
      `CREATE UNIQUE INDEX "noticeReads_uqnull_noticeId_memberId" ON "noticeReads" (ifnull(json_extract(doc, '$.noticeId'), x'00'), ifnull(json_extract(doc, '$.memberId'), x'00')) WHERE json_extract(doc, '$.noticeId') IS NULL OR json_extract(doc, '$.memberId') IS NULL`,
    )
    expect(sqlOf('notices_ix_withdrawn_publishAt')).toBe(
      `CREATE INDEX "notices_ix_withdrawn_publishAt" ON "notices" (json_extract(doc, '$.withdrawn'), json_extract(doc, '$.publishAt'))`,
    )
    for (const index of indexes) expect(index.sql.startsWith('CREATE UNIQUE')).toBe(/_uq(null)?_/.test(index.name))
  })

  it('answers the published-notices query from the (withdrawn, publishAt) index', () => {
    const detail = plan('notices', { withdrawn: false, publishAt: { $lte: '2025-06-01T00:00:00.000Z' } }, { publishAt: -1 })
    // The string range's lower bound ('' : texts only) is part of the index search too.
    expect(detail).toMatch(/SEARCH notices USING INDEX notices_ix_withdrawn_publishAt \(<expr>=\? AND <expr>>\? AND <expr><\?\)/)
  })

  it('counts a waitlist range from the index alone, reading no document', () => {
    // 候补第 N 位 counts sign-ups by (eventId, state, waitingSince): with a guard that read each document (json_type),
    // the count for someone in the middle of a 2,500-strong waitlist took 2 ms; from the index alone, 0.3 ms.
    const where = toSqlWhere({ eventId: 'e1', state: 'waiting', waitingSince: { $gt: '2026-12-01T00:00:00.000Z' } }, COLLECTIONS.eventSignups)
    const rows = raw.prepare(`EXPLAIN QUERY PLAN SELECT COUNT(*) AS n FROM "eventSignups" WHERE ${where.sql}`).all(...where.params) as { detail: string }[]
    expect(rows.map((row) => row.detail).join('\n')).toMatch(/SEARCH eventSignups USING COVERING INDEX eventSignups_ix_eventId_state_waitingSince/)
  })

  it('answers the pinned-notices and members-of-a-unit queries from their indexes', () => {
    expect(plan('notices', { pinned: true })).toMatch(/USING INDEX notices_ix_pinned_publishAt/)
    expect(plan('members', { unitId: 'u1' }, { name: 1 })).toMatch(/USING INDEX members_ix_unitId/)
    expect(plan('noticeReads', { noticeId: 'n1', memberId: 'm1' })).toMatch(/USING INDEX noticeReads_uq_noticeId_memberId/)
    expect(plan('members', { staffNo: '2001' })).toMatch(/USING INDEX members_uq_staffNo/)
    expect(plan('bindings', { memberId: 'm1' })).toMatch(/USING INDEX bindings_uq_memberId/)
    expect(plan('units', { _id: 'u1' })).toMatch(/USING INDEX sqlite_autoindex_units_1|PRIMARY KEY/)
  })

  it('serves a find on an indexed field with the store, not only in the plan', async () => {
    await store.insert('units', unit)
    await store.insert('units', { _id: 'u2', name: '理学院分工会', departments: [], order: 2 })
    expect((await store.find('units', {}, { sort: { order: -1 } })).map((doc) => doc._id)).toEqual(['u2', 'u1'])
  })

  it('queues calls made while a transaction is open until it ends', async () => {
    const order: string[] = []
    const tx = store.transaction(async (t) => {
      await t.insert('units', unit)
      await new Promise((resolve) => setTimeout(resolve, 20))
      order.push('tx done')
    })
    const counted = store.count('units').then((n) => {
      order.push('count')
      return n
    })
    await Promise.all([tx, counted])
    expect(order).toEqual(['tx done', 'count'])
    expect(await counted).toBe(1)
  })

  describe('group commit', () => {
    const units = Array.from({ length: 20 }, (_, i) => ({ _id: `g${i}`, name: `分工会${i}`, departments: [], order: i }))

    it('commits the writes of one turn of the event loop together, and answers none before its commit', async () => {
      // What another connection sees as each write is answered.
      const seen: number[] = []
      await Promise.all(units.map((doc) => store.insert('units', doc).then(() => seen.push(seenByRaw()))))
      // By hand: all twenty commit at once, so every answer finds twenty there (one commit each: 1, 2, … 20).
      expect(seen).toEqual(Array.from({ length: 20 }, () => 20))
    })

    it('lets the same connection read a batch as it grows', async () => {
      const inserted = store.insert('units', unit)
      expect(await store.get('units', 'u1')).toEqual(unit)
      expect(seenByRaw()).toBe(0)
      await inserted
      expect(seenByRaw()).toBe(1)
    })

    it('undoes a failed transaction alone, keeping the writes batched around it', async () => {
      const [before, failed, after] = await Promise.allSettled([
        store.insert('units', units[0]),
        store.transaction(async (tx) => {
          await tx.insert('units', units[1])
          await tx.updateById('units', 'g0', { $set: { name: '改名' } })
          throw new Error('请求被拒绝')
        }),
        store.insert('units', units[2]),
      ])
      expect([before.status, failed.status, after.status]).toEqual(['fulfilled', 'rejected', 'fulfilled'])
      const rows = raw.prepare('SELECT _id, doc FROM "units" ORDER BY _id').all() as { _id: string; doc: string }[]
      expect(rows.map((row) => [row._id, JSON.parse(row.doc).name])).toEqual([
        ['g0', '分工会0'],
        ['g2', '分工会2'],
      ])
    })

    it('refuses a duplicate alone and commits the rest of its batch', async () => {
      const results = await Promise.allSettled([store.insert('units', units[0]), store.insert('units', units[0]), store.insert('units', units[1])])
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
      expect(seenByRaw()).toBe(2)
    })

    it('answers a write that failed on a document of its own batch once the batch has committed', async () => {
      const first = store.insert('units', units[0])
      await expect(store.insert('units', units[0])).rejects.toThrow(/duplicate|UNIQUE|PRIMARY/i)
      // By the time the duplicate is refused, the document it met is there for everyone.
      expect(seenByRaw()).toBe(1)
      await first
    })

    it('updates every matching document or none: a duplicate key on one leaves the others as they were', async () => {
      await Promise.all([store.insert('units', units[0]), store.insert('units', units[1])])
      await expect(store.update('units', {}, { $set: { name: '同名分工会' } })).rejects.toThrow()
      const names = raw.prepare('SELECT _id, doc FROM "units" ORDER BY _id').all() as { _id: string; doc: string }[]
      expect(names.map((row) => JSON.parse(row.doc).name)).toEqual(['分工会0', '分工会1'])
    })

    it('on close, undoes a transaction still running and commits the rest of its batch', async () => {
      void store.insert('units', units[0])
      const cutOff = store.transaction(async (tx) => {
        await tx.insert('units', units[1])
        await new Promise((resolve) => setTimeout(resolve, 20))
        await tx.insert('units', units[2])
      })
      await new Promise((resolve) => setTimeout(resolve, 5))
      store.close()
      await expect(cutOff).rejects.toThrow()
      const ids = raw.prepare('SELECT _id FROM "units" ORDER BY _id').all() as { _id: string }[]
      expect(ids.map((row) => row._id)).toEqual(['g0'])
      store = new SqliteStore(file)
    })

    it('commits an open batch on close', async () => {
      void store.insert('units', unit)
      await Promise.resolve()
      store.close()
      expect(seenByRaw()).toBe(1)
      store = new SqliteStore(file)
    })
  })

  describe('reads of one turn', () => {
    const nextTurn = () => new Promise((turn) => setImmediate(turn))
    const rawInsert = (id: string) => raw.prepare('INSERT INTO "units" (_id, doc) VALUES (?, ?)').run(id, JSON.stringify({ ...unit, _id: id, name: id }))

    it('count again what another connection committed once the turn is over', async () => {
      expect(await store.count('units')).toBe(0)
      rawInsert('r1')
      await nextTurn()
      expect(await store.count('units')).toBe(1)
    })

    it('count again after a write of their own, within one batch', async () => {
      const counts = await Promise.all([store.insert('units', unit), store.count('units'), store.insert('units', { ...unit, _id: 'u2', name: '第二分工会' }), store.count('units')])
      expect([counts[1], counts[3]]).toEqual([1, 2])
    })

    it('give way to a write in the same turn, even after another connection has committed', async () => {
      expect(await store.count('units')).toBe(0)
      rawInsert('r1')
      await store.insert('units', unit)
      expect(seenByRaw()).toBe(2)
    })

    it('update what another connection committed after their read began, not the document as first read', async () => {
      await store.insert('units', unit)
      await nextTurn()
      expect((await store.get('units', 'u1'))?.name).toBe(unit.name)
      raw.prepare('UPDATE "units" SET doc = ? WHERE _id = ?').run(JSON.stringify({ ...unit, name: '改名分工会' }), unit._id)
      expect(await store.update('units', { _id: unit._id }, { $set: { order: 2 } })).toEqual({ modified: 1 })
      await nextTurn()
      expect(await store.get('units', 'u1')).toEqual({ ...unit, name: '改名分工会', order: 2 })
    })
  })

  it('works in memory', async () => {
    const memory = new SqliteStore(':memory:')
    try {
      await memory.insert('units', unit)
      expect(await memory.count('units')).toBe(1)
    } finally {
      memory.close()
    }
  })
})

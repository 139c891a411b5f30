/** The SQL the SQLite adapter runs for each port filter and sort: text and parameters. */
import { COLLECTIONS, type CollectionDefinition } from '../../cloudfunctions/core/collections'
import { UnsupportedQueryError, type Filter } from '../../cloudfunctions/core/store/port'
import { fieldExpression, toSqlOrder, toSqlWhere } from '../../cloudfunctions/core/store/sqliteFilter'

/** A collection with one top-level and one nested array field. */
const definition: CollectionDefinition = { indexes: [], unique: [], arrays: ['tags', 'audience.unitIds'] }

const where = (filter: Filter) => toSqlWhere(filter, definition)

/** The SQL expression for a field, as the adapter writes it. */
const f = (path: string) => `json_extract(doc, '$.${path}')`
const type = (path: string) => `json_type(doc, '$.${path}')`
const anyElement = (path: string, predicate: string) =>
  `EXISTS (SELECT 1 FROM json_each(doc, '$.${path}') WHERE ${predicate})`

describe('fieldExpression', () => {
  it('reads a field out of the JSON document, except _id which is a column', () => {
    expect(fieldExpression('title')).toBe(f('title'))
    expect(fieldExpression('audience.kind')).toBe(f('audience.kind'))
    expect(fieldExpression('_id')).toBe('_id')
  })
})

describe('toSqlWhere', () => {
  describe('equality', () => {
    it('matches everything for an empty filter', () => {
      expect(where({})).toEqual({ sql: '1', params: [] })
    })

    it('compares a field to a parameter', () => {
      expect(where({ title: '通知' })).toEqual({ sql: `${f('title')} = ?`, params: ['通知'] })
      expect(where({ order: 3 })).toEqual({ sql: `${f('order')} = ?`, params: [3] })
    })

    it('uses the _id column directly', () => {
      expect(where({ _id: 'abc' })).toEqual({ sql: '_id = ?', params: ['abc'] })
    })

    it('joins several fields with AND, parameters in order', () => {
      expect(where({ title: 'x', order: 2 })).toEqual({ sql: `${f('title')} = ? AND ${f('order')} = ?`, params: ['x', 2] })
    })

    it('turns booleans into 1 and 0, as json_extract returns them', () => {
      expect(where({ pinned: true, withdrawn: false })).toEqual({
        sql: `${f('pinned')} = ? AND ${f('withdrawn')} = ?`,
        params: [1, 0],
      })
    })

    it('matches null (and a missing field) with IS NULL', () => {
      expect(where({ pinnedUntil: null })).toEqual({ sql: `${f('pinnedUntil')} IS NULL`, params: [] })
      expect(where({ pinnedUntil: { $eq: null } })).toEqual({ sql: `${f('pinnedUntil')} IS NULL`, params: [] })
    })

    it('follows dotted paths', () => {
      expect(where({ 'audience.kind': 'all' })).toEqual({ sql: `${f('audience.kind')} = ?`, params: ['all'] })
    })

    it('skips fields whose condition is undefined', () => {
      expect(where({ title: undefined, order: 1 })).toEqual({ sql: `${f('order')} = ?`, params: [1] })
    })
  })

  describe('declared array fields', () => {
    it('matches when any element equals the value', () => {
      expect(where({ tags: 'a' })).toEqual({ sql: anyElement('tags', 'json_each.value = ?'), params: ['a'] })
      expect(where({ 'audience.unitIds': 'u1' })).toEqual({
        sql: anyElement('audience.unitIds', 'json_each.value = ?'),
        params: ['u1'],
      })
    })

    it('uses the collections’ declared arrays (members.roles, notices.audience.unitIds)', () => {
      expect(toSqlWhere({ roles: 'unionOffice' }, COLLECTIONS.members).sql).toBe(
        anyElement('roles', 'json_each.value = ?'),
      )
      expect(toSqlWhere({ 'audience.unitIds': 'u1' }, COLLECTIONS.notices).sql).toBe(
        anyElement('audience.unitIds', 'json_each.value = ?'),
      )
      // Not declared as an array there: a plain comparison.
      expect(toSqlWhere({ roles: 'x' }, COLLECTIONS.units).sql).toBe(`${f('roles')} = ?`)
    })

    it('applies $in and $ne to the elements', () => {
      expect(where({ tags: { $in: ['a', 'b'] } })).toEqual({
        sql: `(${anyElement('tags', 'json_each.value IN (?, ?)')})`,
        params: ['a', 'b'],
      })
      expect(where({ tags: { $ne: 'a' } })).toEqual({
        sql: `(${f('tags')} IS NULL OR NOT ${anyElement('tags', 'json_each.value = ?')})`,
        params: ['a'],
      })
    })

    it('applies ranges to the elements, without a type guard', () => {
      expect(where({ tags: { $gt: 3 } })).toEqual({ sql: anyElement('tags', 'json_each.value > ?'), params: [3] })
    })
  })

  describe('operators', () => {
    it('$eq is plain equality', () => {
      expect(where({ title: { $eq: 'x' } })).toEqual({ sql: `${f('title')} = ?`, params: ['x'] })
    })

    it('$ne also matches a missing field', () => {
      expect(where({ title: { $ne: 'x' } })).toEqual({
        sql: `(${f('title')} IS NULL OR NOT ${f('title')} = ?)`,
        params: ['x'],
      })
      expect(where({ pinned: { $ne: true } }).params).toEqual([1])
    })

    it('$ne null means the field has a value', () => {
      expect(where({ title: { $ne: null } })).toEqual({ sql: `${f('title')} IS NOT NULL`, params: [] })
    })

    it.each([
      ['$gt', '>'],
      ['$gte', '>='],
      ['$lt', '<'],
      ['$lte', '<='],
    ])('%s on a number compares and guards the JSON type', (op, symbol) => {
      expect(where({ views: { [op]: 10 } })).toEqual({
        sql: `${f('views')} ${symbol} ? AND ${type('views')} IN ('integer', 'real')`,
        params: [10],
      })
    })

    it('ranges on a string (ISO time) guard for text', () => {
      expect(where({ publishAt: { $lte: '2025-01-01T00:00:00.000Z' } })).toEqual({
        sql: `${f('publishAt')} <= ? AND ${f('publishAt')} >= ''`,
        params: ['2025-01-01T00:00:00.000Z'],
      })
    })

    it('several operators on one field are ANDed', () => {
      expect(where({ views: { $gt: 1, $lt: 5 } })).toEqual({
        sql: [
          `${f('views')} > ?`,
          `${type('views')} IN ('integer', 'real')`,
          `${f('views')} < ?`,
          `${type('views')} IN ('integer', 'real')`,
        ].join(' AND '),
        params: [1, 5],
      })
    })

    it('$in lists the values; null in the list also matches a missing field', () => {
      expect(where({ category: { $in: ['event', 'notice'] } })).toEqual({
        sql: `(${f('category')} IN (?, ?))`,
        params: ['event', 'notice'],
      })
      expect(where({ category: { $in: ['event', null] } })).toEqual({
        sql: `(${f('category')} IN (?) OR ${f('category')} IS NULL)`,
        params: ['event'],
      })
      expect(where({ pinned: { $in: [true, false] } }).params).toEqual([1, 0])
    })

    it('$in of nothing matches nothing', () => {
      expect(where({ category: { $in: [] } })).toEqual({ sql: '0', params: [] })
    })

    it('$nin matches a missing field, unless null is listed', () => {
      expect(where({ category: { $nin: ['event'] } })).toEqual({
        sql: `(${f('category')} IS NULL OR NOT (${f('category')} IN (?)))`,
        params: ['event'],
      })
      expect(where({ category: { $nin: ['event', null] } })).toEqual({
        sql: `NOT (${f('category')} IN (?) OR ${f('category')} IS NULL)`,
        params: ['event'],
      })
    })

    it('$exists checks the JSON type (null counts as present)', () => {
      expect(where({ pinnedUntil: { $exists: true } })).toEqual({ sql: `${type('pinnedUntil')} IS NOT NULL`, params: [] })
      expect(where({ pinnedUntil: { $exists: false } })).toEqual({ sql: `${type('pinnedUntil')} IS NULL`, params: [] })
    })
  })

  describe('$and / $or', () => {
    it('wraps $and and $or in parentheses', () => {
      expect(where({ $and: [{ a: 1 }, { b: 2 }] })).toEqual({ sql: `(${f('a')} = ? AND ${f('b')} = ?)`, params: [1, 2] })
      expect(where({ $or: [{ a: 1 }, { b: 2 }] })).toEqual({ sql: `(${f('a')} = ? OR ${f('b')} = ?)`, params: [1, 2] })
    })

    it('ANDs $or with the plain fields beside it', () => {
      expect(where({ withdrawn: false, $or: [{ pinned: true }, { category: 'event' }] })).toEqual({
        sql: `${f('withdrawn')} = ? AND (${f('pinned')} = ? OR ${f('category')} = ?)`,
        params: [0, 1, 'event'],
      })
    })

    it('nests, keeping parameters in the order of their placeholders', () => {
      expect(where({ $or: [{ $and: [{ a: 1 }, { b: { $gt: 2 } }] }, { c: 'x', d: null }], e: true })).toEqual({
        sql: `${f('e')} = ? AND ((${f('a')} = ? AND ${f('b')} > ? AND ${type('b')} IN ('integer', 'real')) OR ${f('c')} = ? AND ${f('d')} IS NULL)`,
        params: [1, 1, 2, 'x'],
      })
    })

    it('an empty sub-filter matches everything', () => {
      expect(where({ $or: [{}, { a: 1 }] })).toEqual({ sql: `(1 OR ${f('a')} = ?)`, params: [1] })
    })
  })

  describe('unsupported filters throw UnsupportedQueryError', () => {
    const rejects = (filter: unknown) => () => where(filter as Filter)

    it.each([
      ['an unknown operator', { title: { $regex: '^a' } }],
      ['an unknown top-level operator', { $where: 'true' }],
      ['an unknown $not', { $not: { a: 1 } }],
      ['object equality', { audience: { kind: 'all' } }],
      ['array equality', { tags: ['a', 'b'] }],
      ['an empty condition', { title: {} }],
      ['a path with SQL in it', { 'a;drop': 1 }],
      ['a path with a quote', { "a'b": 1 }],
      ['a path with an empty segment', { 'a..b': 1 }],
      ['an empty $or', { $or: [] }],
      ['an empty $and', { $and: [] }],
      ['a non-array $or', { $or: { a: 1 } }],
      ['$in without an array', { a: { $in: 'x' } }],
      ['a range on a boolean', { a: { $gt: true } }],
      ['a range on null', { a: { $lt: null } }],
      ['an object as $eq value', { a: { $eq: { b: 1 } } }],
      ['an unsupported value deep inside $or', { $or: [{ a: 1 }, { b: { $size: 2 } }] }],
    ])('%s', (_label, filter) => {
      expect(rejects(filter)).toThrow(UnsupportedQueryError)
    })
  })
})

describe('toSqlOrder', () => {
  it('orders by _id alone when no sort is given, so pages are stable', () => {
    expect(toSqlOrder(undefined)).toBe('ORDER BY _id ASC')
    expect(toSqlOrder({})).toBe('ORDER BY _id ASC')
  })

  it('orders by each key in turn, then _id', () => {
    expect(toSqlOrder({ pinned: -1, publishAt: 1 })).toBe(
      `ORDER BY ${f('pinned')} DESC, ${f('publishAt')} ASC, _id ASC`,
    )
    expect(toSqlOrder({ 'audience.kind': 1, _id: -1 })).toBe(`ORDER BY ${f('audience.kind')} ASC, _id DESC, _id ASC`)
  })

  it('rejects a direction other than 1 / -1 and a bad path', () => {
    expect(() => toSqlOrder({ a: 0 as 1 })).toThrow(UnsupportedQueryError)
    expect(() => toSqlOrder({ 'a b': 1 })).toThrow(UnsupportedQueryError)
  })
})

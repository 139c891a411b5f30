/**
 * The CloudBase adapter's translation of port filters and updates, checked against commands built with the real
 * `db.command` from wx-server-sdk (which builds commands offline; nothing here touches the network).
 */
import cloud from 'wx-server-sdk'
import { toCloudBaseUpdate, toCloudBaseWhere } from '../../cloudfunctions/core/store/cloudbaseFilter'
import { UnsupportedQueryError, type Filter, type Update } from '../../cloudfunctions/core/store/port'

cloud.init({ env: 'test' })
const _ = cloud.database().command

/** Commands compare by their serialized form, which is what CloudBase receives. */
const json = (value: unknown) => JSON.stringify(value)
const where = (filter: Filter) => json(toCloudBaseWhere(_, filter))
const update = (u: Update) => json(toCloudBaseUpdate(_, u))

describe('the real db.command (sanity check of what the expectations are built from)', () => {
  it('serializes query and update commands', () => {
    expect(json(_.gt(1))).toBe('{"$gt":1}')
    expect(JSON.parse(json(_.inc(1)))).toMatchObject({ operator: 'inc', operands: [1] })
  })
})

describe('toCloudBaseWhere', () => {
  it('passes plain equality through, including dotted paths, array fields, booleans and null', () => {
    const filter: Filter = { title: '通知', order: 3, pinned: true, pinnedUntil: null, 'audience.kind': 'all', roles: 'member' }
    expect(where(filter)).toBe(json(filter))
  })

  it('returns an empty condition for an empty filter', () => {
    expect(where({})).toBe('{}')
  })

  it.each([
    ['$eq', 'x', () => _.eq('x')],
    ['$ne', 'x', () => _.neq('x')],
    ['$ne', null, () => _.neq(null)],
    ['$gt', 1, () => _.gt(1)],
    ['$gte', '2025-01-01T00:00:00.000Z', () => _.gte('2025-01-01T00:00:00.000Z')],
    ['$lt', 5, () => _.lt(5)],
    ['$lte', '2025-01-01T00:00:00.000Z', () => _.lte('2025-01-01T00:00:00.000Z')],
    ['$in', ['a', 'b'], () => _.in(['a', 'b'])],
    ['$nin', [1, null], () => _.nin([1, null])],
    ['$exists', true, () => _.exists(true)],
    ['$exists', false, () => _.exists(false)],
  ])('translates %s %j', (op, value, command) => {
    expect(where({ field: { [op]: value } })).toBe(json({ field: command() }))
  })

  it('chains several operators on one field with .and()', () => {
    expect(where({ a: { $gt: 1, $lt: 5 } })).toBe(json({ a: _.gt(1).and(_.lt(5)) }))
    expect(where({ a: { $gte: 1, $lte: 5, $ne: 3 } })).toBe(json({ a: _.gte(1).and(_.lte(5), _.neq(3)) }))
  })

  it('keeps operators on dotted paths and array fields', () => {
    expect(where({ 'audience.unitIds': { $in: ['u1', 'u2'] } })).toBe(json({ 'audience.unitIds': _.in(['u1', 'u2']) }))
  })

  it('translates $and and $or into _.and / _.or', () => {
    expect(where({ $and: [{ a: 1 }, { b: { $gt: 2 } }] })).toBe(json(_.and([_.and([{ a: 1 }, { b: _.gt(2) }])])))
    expect(where({ $or: [{ a: 1 }, { b: 2 }] })).toBe(json(_.and([_.or([{ a: 1 }, { b: 2 }])])))
  })

  it('ANDs plain fields with $or', () => {
    expect(where({ withdrawn: false, publishAt: { $lte: 't' }, $or: [{ pinned: true }, { category: 'event' }] })).toBe(
      json(_.and([{ withdrawn: false, publishAt: _.lte('t') }, _.or([{ pinned: true }, { category: 'event' }])])),
    )
  })

  it('ANDs plain fields with both $and and $or', () => {
    expect(where({ a: 1, $and: [{ b: 2 }], $or: [{ c: 3 }, { d: 4 }] })).toBe(
      json(_.and([{ a: 1 }, _.and([{ b: 2 }]), _.or([{ c: 3 }, { d: 4 }])])),
    )
  })

  it('nests $and inside $or', () => {
    expect(where({ $or: [{ $and: [{ a: 1 }, { b: { $lt: 2 } }] }, { c: 'x' }] })).toBe(
      json(_.and([_.or([_.and([_.and([{ a: 1 }, { b: _.lt(2) }])]), { c: 'x' }])])),
    )
  })

  describe('rejects what the port does not support with UnsupportedQueryError', () => {
    it.each([
      ['an unknown operator', { a: { $regex: '^x' } }],
      ['an unknown top-level operator', { $nor: [{ a: 1 }] }],
      ['object equality', { audience: { kind: 'all' } }],
      ['array equality', { roles: ['member'] }],
      ['an empty condition', { a: {} }],
      ['an empty $or', { $or: [] }],
      ['an empty $and', { $and: [] }],
      ['an unknown operator deep inside $or', { $or: [{ a: 1 }, { b: { $size: 1 } }] }],
    ])('%s', (_label, filter) => {
      expect(() => toCloudBaseWhere(_, filter as Filter)).toThrow(UnsupportedQueryError)
    })
  })
})

describe('toCloudBaseUpdate', () => {
  it('$set writes scalars as they are and wraps objects and arrays in _.set (replace whole)', () => {
    expect(update({ $set: { title: 'x', pinned: false, pinnedUntil: null, 'audience.kind': 'all' } })).toBe(
      json({ title: 'x', pinned: false, pinnedUntil: null, 'audience.kind': 'all' }),
    )
    expect(update({ $set: { audience: { kind: 'all' } } })).toBe(json({ audience: _.set({ kind: 'all' }) }))
    expect(update({ $set: { departments: ['甲'] } })).toBe(json({ departments: _.set(['甲']) }))
  })

  it('$inc → _.inc', () => {
    expect(update({ $inc: { remaining: -1, 'stats.views': 2 } })).toBe(
      json({ remaining: _.inc(-1), 'stats.views': _.inc(2) }),
    )
  })

  it('$unset → _.remove()', () => {
    expect(update({ $unset: { pinnedUntil: true } })).toBe(json({ pinnedUntil: _.remove() }))
  })

  it('$push → _.push([value])', () => {
    expect(update({ $push: { roles: 'unionOffice' } })).toBe(json({ roles: _.push(['unionOffice']) }))
    expect(update({ $push: { log: { at: 't' } } })).toBe(json({ log: _.push([{ at: 't' }]) }))
  })

  it('$pull → _.pull(value)', () => {
    expect(update({ $pull: { roles: 'member' } })).toBe(json({ roles: _.pull('member') }))
  })

  it('combines operators into one data object', () => {
    expect(update({ $set: { status: 'retired' }, $inc: { n: 1 }, $unset: { x: true } })).toBe(
      json({ status: 'retired', n: _.inc(1), x: _.remove() }),
    )
  })

  it('rejects an _id update and an unknown operator', () => {
    expect(() => toCloudBaseUpdate(_, { $set: { _id: 'x' } })).toThrow(UnsupportedQueryError)
    expect(() => toCloudBaseUpdate(_, { $rename: { a: 'b' } } as unknown as Update)).toThrow(UnsupportedQueryError)
  })
})

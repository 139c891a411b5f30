/** updatedJson: the update operators as the SQLite adapter applies them to a stored document. */
import { updatedJson } from '../../cloudfunctions/core/store/applyUpdate'
import { UnsupportedQueryError, type Update } from '../../cloudfunctions/core/store/port'

/** updatedJson on a document, as the cases read best: the new document and whether anything changed. */
function applyUpdate<T extends object>(doc: T, update: Update): { doc: T; changed: boolean } {
  const stored = JSON.stringify(doc)
  const text = updatedJson(stored, update)
  return { doc: JSON.parse(text ?? stored) as T, changed: text !== undefined }
}

interface Doc {
  _id: string
  name: string
  count?: number
  tags?: string[]
  meta?: Record<string, unknown>
  [extra: string]: unknown
}

const base = (): Doc => ({ _id: 'd1', name: 'A', count: 2, tags: ['x', 'y', 'x'], meta: { a: 1, b: { c: 2 } } })

describe('applyUpdate', () => {
  describe('$set', () => {
    it('sets a top-level field, adding it when missing', () => {
      expect(applyUpdate(base(), { $set: { name: 'B', extra: true } })).toEqual({
        doc: { ...base(), name: 'B', extra: true },
        changed: true,
      })
    })

    it('sets a nested field through a dotted path, leaving its siblings', () => {
      expect(applyUpdate(base(), { $set: { 'meta.b.c': 3 } }).doc.meta).toEqual({ a: 1, b: { c: 3 } })
    })

    it('creates the objects along a dotted path that does not exist yet', () => {
      expect(applyUpdate(base(), { $set: { 'x.y.z': 'deep' } }).doc.x).toEqual({ y: { z: 'deep' } })
    })

    it('replaces an object (and an array) whole', () => {
      const { doc } = applyUpdate(base(), { $set: { meta: { z: 0 }, tags: ['only'] } })
      expect(doc.meta).toEqual({ z: 0 })
      expect(doc.tags).toEqual(['only'])
    })

    it('copies the value in, so later changes to the argument do not leak into the result', () => {
      const value = { list: [1] }
      const { doc } = applyUpdate(base(), { $set: { meta: value } })
      value.list.push(2)
      expect(doc.meta).toEqual({ list: [1] })
    })

    it('sets null', () => {
      expect(applyUpdate(base(), { $set: { count: null } }).doc.count).toBeNull()
    })
  })

  describe('$inc', () => {
    it('adds to a number, negative amounts included', () => {
      expect(applyUpdate(base(), { $inc: { count: 3 } }).doc.count).toBe(5)
      expect(applyUpdate(base(), { $inc: { count: -2 } }).doc.count).toBe(0)
    })

    it('starts a missing field (or nested path) at 0', () => {
      const { doc } = applyUpdate(base(), { $inc: { visits: 1, 'stats.views': 4 } })
      expect(doc.visits).toBe(1)
      expect(doc.stats).toEqual({ views: 4 })
    })

    it('rejects a string field', () => {
      expect(() => applyUpdate(base(), { $inc: { name: 1 } })).toThrow(UnsupportedQueryError)
    })

    it('rejects a field holding null (as Mongo / CloudBase do), rather than treating it as 0', () => {
      expect(() => applyUpdate({ ...base(), flag: null }, { $inc: { flag: 1 } })).toThrow(UnsupportedQueryError)
    })
  })

  describe('$unset', () => {
    it('removes a field, top-level or nested', () => {
      const { doc, changed } = applyUpdate(base(), { $unset: { count: true, 'meta.b': true } })
      expect(changed).toBe(true)
      expect('count' in doc).toBe(false)
      expect(doc.meta).toEqual({ a: 1 })
    })

    it('does nothing for a missing field or path, without creating anything', () => {
      expect(applyUpdate(base(), { $unset: { nothing: true, 'no.such.path': true } })).toEqual({
        doc: base(),
        changed: false,
      })
    })
  })

  describe('$push', () => {
    it('appends one element', () => {
      expect(applyUpdate(base(), { $push: { tags: 'z' } }).doc.tags).toEqual(['x', 'y', 'x', 'z'])
    })

    it('appends an array value as one element', () => {
      expect(applyUpdate(base(), { $push: { tags: ['p', 'q'] } }).doc.tags).toEqual(['x', 'y', 'x', ['p', 'q']])
    })

    it('creates a missing array', () => {
      expect(applyUpdate(base(), { $push: { 'meta.list': 1 } }).doc.meta).toEqual({ a: 1, b: { c: 2 }, list: [1] })
    })

    it('rejects a non-array field, null included', () => {
      expect(() => applyUpdate(base(), { $push: { name: 'x' } })).toThrow(UnsupportedQueryError)
      expect(() => applyUpdate({ ...base(), tags: null }, { $push: { tags: 'x' } })).toThrow(UnsupportedQueryError)
    })
  })

  describe('$pull', () => {
    it('removes every element equal to the value', () => {
      expect(applyUpdate(base(), { $pull: { tags: 'x' } })).toEqual({ doc: { ...base(), tags: ['y'] }, changed: true })
    })

    it('reports no change when the value is absent, or the array is missing', () => {
      expect(applyUpdate(base(), { $pull: { tags: 'nope' } }).changed).toBe(false)
      const { doc, changed } = applyUpdate(base(), { $pull: { missing: 'x' } })
      expect(changed).toBe(false)
      expect('missing' in doc).toBe(false)
    })

    it('rejects a non-array field', () => {
      expect(() => applyUpdate(base(), { $pull: { name: 'A' } })).toThrow(UnsupportedQueryError)
    })
  })

  describe('changed', () => {
    it('is false when every operator leaves the document as it was', () => {
      expect(applyUpdate(base(), { $set: { name: 'A', 'meta.a': 1 }, $inc: { count: 0 } }).changed).toBe(false)
      expect(applyUpdate(base(), { $pull: { tags: 'w' } }).changed).toBe(false)
    })

    it('is true when any operator changes something', () => {
      expect(applyUpdate(base(), { $set: { name: 'A' }, $inc: { count: 1 } }).changed).toBe(true)
    })
  })

  it('applies several operators together', () => {
    const update: Update = { $set: { name: 'B' }, $inc: { count: 1 }, $unset: { meta: true }, $push: { tags: 'w' } }
    expect(applyUpdate(base(), update).doc).toEqual({ _id: 'd1', name: 'B', count: 3, tags: ['x', 'y', 'x', 'w'] })
  })

  it('never mutates the original document', () => {
    const original = base()
    const snapshot = structuredClone(original)
    const { doc } = applyUpdate(original, {
      $set: { 'meta.b.c': 9, name: 'B' },
      $inc: { count: 1 },
      $unset: { 'meta.a': true },
      $push: { tags: 'z' },
    })
    expect(original).toEqual(snapshot)
    expect(doc).not.toBe(original)
    expect(doc.meta).not.toBe(original.meta)
  })

  describe('rejects', () => {
    it.each<[string, Update]>([
      ['$set of _id', { $set: { _id: 'other' } }],
      ['$set under _id', { $set: { '_id.x': 1 } }],
      ['$inc of _id', { $inc: { _id: 1 } }],
      ['$unset of _id', { $unset: { _id: true } }],
      ['$push to _id', { $push: { _id: 'x' } }],
      ['$pull from _id', { $pull: { _id: 'x' } }],
    ])('an _id update (%s)', (_label, update) => {
      expect(() => applyUpdate(base(), update)).toThrow(UnsupportedQueryError)
    })

    it.each<[string, Update]>([
      ['no operator', {}],
      ['only empty operators', { $set: {}, $inc: {} }],
      ['one path in two operators', { $push: { tags: 'z' }, $pull: { tags: 'x' } }],
      ['a path and a path inside it', { $set: { meta: {} }, $inc: { 'meta.a': 1 } }],
      ['a path and a path inside it, in one operator', { $set: { 'meta.b': 1, 'meta.b.c': 2 } }],
    ])('an update CloudBase would refuse or merge (%s)', (_label, update) => {
      expect(() => applyUpdate(base(), update)).toThrow(UnsupportedQueryError)
    })

    it('an unknown operator', () => {
      expect(() => applyUpdate(base(), { $rename: { name: 'title' } } as unknown as Update)).toThrow(UnsupportedQueryError)
    })

    it('a path through a non-object', () => {
      expect(() => applyUpdate(base(), { $set: { 'name.first': 'x' } })).toThrow(UnsupportedQueryError)
      expect(() => applyUpdate(base(), { $set: { 'tags.0': 'x' } })).toThrow(UnsupportedQueryError)
      expect(() => applyUpdate({ ...base(), meta: null } as unknown as Doc, { $inc: { 'meta.a': 1 } })).toThrow(
        UnsupportedQueryError,
      )
    })
  })
})

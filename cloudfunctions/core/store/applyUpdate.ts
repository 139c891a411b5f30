import { checkUpdate, UnsupportedQueryError, type Update } from './port'

type Json = Record<string, unknown>

/** Documents are JSON, so a JSON round trip is an exact deep copy (and needs nothing newer than the oldest runtime). */
const copy = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)))

function parentOf(doc: Json, path: string, create: boolean): [Json | undefined, string] {
  const keys = path.split('.')
  const last = keys.pop()!
  let node: Json | undefined = doc
  for (const key of keys) {
    if (node === undefined) break
    let next = node[key]
    if (next === undefined && create) next = node[key] = {}
    if (next !== undefined && (next === null || typeof next !== 'object' || Array.isArray(next))) {
      throw new UnsupportedQueryError(`"${path}" passes through a non-object`)
    }
    node = next as Json | undefined
  }
  return [node, last]
}

/**
 * Applies a Mongo-style update to a copy of `doc`, the way the SQLite adapter does inside one transaction
 * (CloudBase applies the same operators natively). Returns the new document and whether anything changed.
 */
export function applyUpdate<T extends object>(doc: T, update: Update): { doc: T; changed: boolean } {
  checkUpdate(update)
  const next = copy(doc) as Json
  for (const [path, value] of Object.entries(update.$set ?? {})) {
    const [parent, key] = parentOf(next, path, true)
    parent![key] = copy(value)
  }
  for (const [path, amount] of Object.entries(update.$inc ?? {})) {
    const [parent, key] = parentOf(next, path, true)
    const current = parent![key] === undefined ? 0 : parent![key]
    if (typeof current !== 'number') throw new UnsupportedQueryError(`$inc on non-number "${path}"`)
    parent![key] = current + amount
  }
  for (const path of Object.keys(update.$unset ?? {})) {
    const [parent, key] = parentOf(next, path, false)
    if (parent) delete parent[key]
  }
  for (const [path, value] of Object.entries(update.$push ?? {})) {
    const [parent, key] = parentOf(next, path, true)
    const list = parent![key] === undefined ? [] : parent![key]
    if (!Array.isArray(list)) throw new UnsupportedQueryError(`$push on non-array "${path}"`)
    parent![key] = [...list, copy(value)]
  }
  for (const [path, value] of Object.entries(update.$pull ?? {})) {
    const [parent, key] = parentOf(next, path, false)
    const list = parent?.[key]
    if (list === undefined) continue
    if (!Array.isArray(list)) throw new UnsupportedQueryError(`$pull on non-array "${path}"`)
    parent![key] = list.filter((item) => item !== value)
  }
  return { doc: next as T, changed: JSON.stringify(next) !== JSON.stringify(doc) }
}

import { checkUpdate, UnsupportedQueryError, type Update } from './port'

type Json = Record<string, unknown>

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
 * Applies a Mongo-style update to a document's stored JSON text, the way the SQLite adapter does inside one
 * transaction (CloudBase applies the same operators natively): the new text, or undefined when nothing changed.
 * Stored text is always `JSON.stringify` of the document, so an update that changes nothing gives the same text.
 */
export function updatedJson(stored: string, update: Update): string | undefined {
  checkUpdate(update)
  const next = JSON.parse(stored) as Json
  for (const [path, value] of Object.entries(update.$set ?? {})) {
    const [parent, key] = parentOf(next, path, true)
    parent![key] = value
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
    parent![key] = [...list, value]
  }
  for (const [path, value] of Object.entries(update.$pull ?? {})) {
    const [parent, key] = parentOf(next, path, false)
    const list = parent?.[key]
    if (list === undefined) continue
    if (!Array.isArray(list)) throw new UnsupportedQueryError(`$pull on non-array "${path}"`)
    parent![key] = list.filter((item) => item !== value)
  }
  // The values set are written out at once, so the update's own objects are never shared with a stored document.
  const text = JSON.stringify(next)
  return text === stored ? undefined : text
}

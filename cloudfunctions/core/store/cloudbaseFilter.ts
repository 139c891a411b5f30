import type { Command, CommandValue } from 'wx-server-sdk'
import {
  checkUpdate,
  fieldOperators,
  filterEntries,
  UnsupportedQueryError,
  type FieldOperators,
  type Filter,
  type Scalar,
  type Update,
} from './port'

function operator(_: Command, op: keyof FieldOperators, value: unknown): CommandValue {
  switch (op) {
    case '$eq':
      return _.eq(value)
    case '$ne':
      return _.neq(value)
    case '$gt':
      return _.gt(value)
    case '$gte':
      return _.gte(value)
    case '$lt':
      return _.lt(value)
    case '$lte':
      return _.lte(value)
    case '$in':
      return _.in(value as Scalar[])
    case '$nin':
      return _.nin(value as Scalar[])
    case '$exists':
      return _.exists(value as boolean)
  }
}

/** The condition on one field, or undefined when every operator in it was left undefined. */
function fieldCondition(_: Command, path: string, condition: Scalar | FieldOperators): unknown {
  const ops = fieldOperators(path, condition)
  if (!ops) return condition
  const parts = Object.entries(ops)
    .filter(([, value]) => value !== undefined)
    .map(([op, value]) => operator(_, op as keyof FieldOperators, value))
  if (parts.length === 0) return undefined
  return parts.length === 1 ? parts[0] : parts[0].and(...parts.slice(1))
}

/** Translates a port filter into a CloudBase `where` condition built with `db.command`. */
export function toCloudBaseWhere(_: Command, filter: Filter): Record<string, unknown> | CommandValue {
  const fields: Record<string, unknown> = {}
  for (const [path, condition] of filterEntries(filter)) {
    const translated = fieldCondition(_, path, condition)
    if (translated !== undefined) fields[path] = translated
  }
  const combined: CommandValue[] = []
  for (const key of ['$and', '$or'] as const) {
    const list = filter[key]
    if (list === undefined) continue
    if (!Array.isArray(list) || list.length === 0) throw new UnsupportedQueryError(`${key} needs a non-empty array`)
    const subs = list.map((sub) => toCloudBaseWhere(_, sub))
    combined.push(key === '$and' ? _.and(subs) : _.or(subs))
  }
  if (combined.length === 0) return fields
  return _.and([...(Object.keys(fields).length ? [fields] : []), ...combined])
}

/** Translates a port update into CloudBase update data. Objects are replaced whole, as `$set` does in Mongo. */
export function toCloudBaseUpdate(_: Command, update: Update): Record<string, unknown> {
  checkUpdate(update)
  const data: Record<string, unknown> = {}
  for (const [path, value] of Object.entries(update.$set ?? {})) data[path] = value !== null && typeof value === 'object' ? _.set(value) : value
  for (const [path, amount] of Object.entries(update.$inc ?? {})) data[path] = _.inc(amount)
  for (const path of Object.keys(update.$unset ?? {})) data[path] = _.remove()
  for (const [path, value] of Object.entries(update.$push ?? {})) data[path] = _.push([value])
  for (const [path, value] of Object.entries(update.$pull ?? {})) data[path] = _.pull(value)
  return data
}

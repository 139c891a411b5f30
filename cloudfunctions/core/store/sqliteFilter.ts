import type { CollectionDefinition } from '../collections'
import {
  fieldOperators,
  filterEntries,
  UnsupportedQueryError,
  type FieldOperators,
  type Filter,
  type Scalar,
  type SortSpec,
} from './port'

export interface SqlFragment {
  sql: string
  params: unknown[]
}

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/

function jsonPath(path: string): string {
  if (!PATH.test(path)) throw new UnsupportedQueryError(`invalid field path "${path}"`)
  return `'$.${path}'`
}

/** Field expressions by path: queries name the same few fields again and again (a bounded few are kept). */
const expressions = new Map<string, string>()
const EXPRESSIONS_KEPT = 1000

/** The SQL expression for a field; the same text the adapter's expression indexes use. */
export function fieldExpression(path: string): string {
  let expression = expressions.get(path)
  if (expression === undefined) {
    expression = path === '_id' ? '_id' : `json_extract(doc, ${jsonPath(path)})`
    if (expressions.size < EXPRESSIONS_KEPT) expressions.set(path, expression)
  }
  return expression
}

/** JSON booleans come out of json_extract as 1 and 0. */
function sqlValue(value: Scalar): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
    throw new UnsupportedQueryError(`unsupported value ${JSON.stringify(value)}`)
  }
  return value
}

/**
 * Range operators match only values of the same JSON type, as in Mongo. For a string, a bound on the field's own
 * expression does it (SQLite orders every number before every text), so an index on the field still covers the
 * query: counting a waitlist's places reads index entries, not documents. (One difference: json_extract gives an
 * object or array as its JSON text, which a string range would compare too; no field compared by range holds one.)
 * For a number, json_type tells a number from true / false, which json_extract gives as 1 / 0.
 */
function typeGuard(path: string, value: unknown): string {
  if (typeof value === 'string') return `${fieldExpression(path)} >= ''`
  if (typeof value === 'number') return `json_type(doc, ${jsonPath(path)}) IN ('integer', 'real')`
  throw new UnsupportedQueryError(`range on "${path}" needs a string or number`)
}

class Translator {
  readonly params: unknown[] = []

  constructor(private readonly definition: CollectionDefinition) {}

  private param(value: Scalar): string {
    this.params.push(sqlValue(value))
    return '?'
  }

  /** A predicate on the field's value, or on any element when the field is a declared array. */
  private onValue(path: string, predicate: (value: string) => string): string {
    if (this.definition.arrays.includes(path)) {
      return `EXISTS (SELECT 1 FROM json_each(doc, ${jsonPath(path)}) WHERE ${predicate('json_each.value')})`
    }
    return predicate(fieldExpression(path))
  }

  private equals(path: string, value: Scalar): string {
    if (value === null) return `${fieldExpression(path)} IS NULL`
    return this.onValue(path, (field) => `${field} = ${this.param(value)}`)
  }

  private within(path: string, values: Scalar[]): string {
    if (!Array.isArray(values)) throw new UnsupportedQueryError(`$in/$nin on "${path}" needs an array`)
    const present = values.filter((value) => value !== null)
    const parts: string[] = []
    if (present.length > 0) {
      parts.push(this.onValue(path, (field) => `${field} IN (${present.map((value) => this.param(value)).join(', ')})`))
    }
    if (present.length < values.length) parts.push(`${fieldExpression(path)} IS NULL`)
    return parts.length === 0 ? '0' : `(${parts.join(' OR ')})`
  }

  /** Negation in Mongo matches missing fields too. */
  private not(path: string, predicate: string): string {
    return `(${fieldExpression(path)} IS NULL OR NOT ${predicate})`
  }

  private operators(path: string, ops: FieldOperators): string[] {
    const parts: string[] = []
    const range = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const
    for (const [op, value] of Object.entries(ops)) {
      if (value === undefined) continue
      if (op === '$eq') parts.push(this.equals(path, value as Scalar))
      else if (op === '$ne') {
        parts.push(value === null ? `${fieldExpression(path)} IS NOT NULL` : this.not(path, this.equals(path, value as Scalar)))
      } else if (op === '$in') parts.push(this.within(path, value as Scalar[]))
      else if (op === '$nin') {
        const inside = this.within(path, value as Scalar[])
        parts.push((value as Scalar[]).includes(null) ? `NOT ${inside}` : this.not(path, inside))
      } else if (op === '$exists') {
        parts.push(`json_type(doc, ${jsonPath(path)}) IS ${value ? 'NOT NULL' : 'NULL'}`)
      } else {
        const symbol = range[op as keyof typeof range]
        parts.push(this.onValue(path, (field) => `${field} ${symbol} ${this.param(value as Scalar)}`))
        if (!this.definition.arrays.includes(path)) parts.push(typeGuard(path, value))
      }
    }
    return parts
  }

  filter(filter: Filter): string {
    const parts: string[] = []
    for (const [path, condition] of filterEntries(filter)) {
      const ops = fieldOperators(path, condition)
      if (ops) parts.push(...this.operators(path, ops))
      else parts.push(this.equals(path, condition as Scalar))
    }
    for (const [key, joiner] of [['$and', ' AND '], ['$or', ' OR ']] as const) {
      const list = filter[key]
      if (list === undefined) continue
      if (!Array.isArray(list) || list.length === 0) throw new UnsupportedQueryError(`${key} needs a non-empty array`)
      parts.push(`(${list.map((sub) => this.filter(sub)).join(joiner)})`)
    }
    return parts.length === 0 ? '1' : parts.join(' AND ')
  }
}

/** Translates a port filter into a SQLite WHERE clause over the `doc` JSON column. */
export function toSqlWhere(filter: Filter, definition: CollectionDefinition): SqlFragment {
  const translator = new Translator(definition)
  const sql = translator.filter(filter)
  return { sql, params: translator.params }
}

export function toSqlOrder(sort: SortSpec | undefined): string {
  const terms = Object.entries(sort ?? {}).map(([path, direction]) => {
    if (direction !== 1 && direction !== -1) throw new UnsupportedQueryError(`sort on "${path}" must be 1 or -1`)
    return `${fieldExpression(path)} ${direction === 1 ? 'ASC' : 'DESC'}`
  })
  return `ORDER BY ${[...terms, '_id ASC'].join(', ')}`
}

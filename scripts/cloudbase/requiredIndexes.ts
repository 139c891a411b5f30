/**
 * What a CloudBase environment must hold for the functions: every collection `collections.ts` declares, with each of
 * its indexes (unique where declared unique), and what an environment's description lacks of it.
 */
import { COLLECTIONS } from '../../cloudfunctions/core/collections'

export interface RequiredIndex {
  fields: string[]
  unique: boolean
}

/** An index as the TCB API's DescribeTable describes it (the fields this check reads). */
export interface DescribedIndex {
  Name: string
  Keys: { Name: string; Direction?: string }[]
  Unique: boolean
}

/** What is missing from one collection: the whole collection, or some of its indexes. */
export interface Missing {
  collection: string
  /** True when the collection itself does not exist (then every index is listed too). */
  collectionMissing: boolean
  indexes: RequiredIndex[]
}

export function requiredIndexes(collection: keyof typeof COLLECTIONS): RequiredIndex[] {
  const { indexes, unique } = COLLECTIONS[collection]
  return [...indexes.map((fields) => ({ fields, unique: false })), ...unique.map((fields) => ({ fields, unique: true }))]
}

/** An index serves a required one when it has the same fields in the same order and the same uniqueness. */
const serves = (index: DescribedIndex, required: RequiredIndex) =>
  index.Unique === required.unique && index.Keys.map((key) => key.Name).join(',') === required.fields.join(',')

/** `described`: each collection's indexes, or null when the collection does not exist. */
export function missingFrom(described: Record<string, DescribedIndex[] | null>): Missing[] {
  const missing: Missing[] = []
  for (const collection of Object.keys(COLLECTIONS) as (keyof typeof COLLECTIONS)[]) {
    const indexes = described[collection]
    const required = requiredIndexes(collection)
    const lacking = indexes ? required.filter((index) => !indexes.some((existing) => serves(existing, index))) : required
    if (!indexes || lacking.length > 0) missing.push({ collection, collectionMissing: !indexes, indexes: lacking })
  }
  return missing
}

/** `unitId`, `noticeId+memberId (unique)`: how the check names an index, as the README table writes its fields. */
export function describeIndex(index: RequiredIndex): string {
  return `${index.fields.join('+')}${index.unique ? ' (unique)' : ''}`
}

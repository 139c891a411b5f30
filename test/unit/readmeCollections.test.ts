/**
 * The README's table of CloudBase collections and indexes ("WeChat DevTools and CloudBase", step 4) is what a person
 * creates in the console, so it must say exactly what `collections.ts` declares. When a collection or an index is
 * added there, this test fails until the README's table has the same row: `| \`name\` (a note) | \`a\`; \`b\`+\`c\` |
 * \`d\` |`, in the order of COLLECTIONS.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { COLLECTIONS } from '../../cloudfunctions/core/collections'

/** `\`a\`; \`b\`+\`c\`` → [['a'], ['b', 'c']]. */
function fieldLists(cell: string): string[][] {
  return cell
    .split(';')
    .map((part) => [...part.matchAll(/`([^`]+)`/g)].map((match) => match[1]))
    .filter((fields) => fields.length > 0)
}

function readmeTable() {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('## WeChat DevTools and CloudBase'))
  const header = section.indexOf('| collection | indexes | unique |')
  expect(header).toBeGreaterThan(-1)
  const rows = section.slice(header).split('\n').slice(2)
  return rows
    .slice(0, rows.findIndex((row) => !row.trim().startsWith('|')))
    .map((row) => row.trim().slice(1, -1).split('|'))
    .map(([collection, indexes, unique]) => ({
      collection: /`([^`]+)`/.exec(collection)![1],
      indexes: fieldLists(indexes),
      unique: fieldLists(unique),
    }))
}

describe('the README collection table', () => {
  it('lists every collection collections.ts declares, with its indexes and unique keys', () => {
    const declared = Object.entries(COLLECTIONS).map(([collection, { indexes, unique }]) => ({ collection, indexes, unique }))
    expect(readmeTable()).toEqual(declared)
  })
})

/** The harness itself: a missing H5 build stops the browser tests with a message that says what to do. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { assertH5Built } from './harness'

test('a missing H5 build fails with a message naming npm run build:h5', () => {
  const empty = mkdtempSync(join(tmpdir(), 'no-h5-'))
  try {
    expect(() => assertH5Built(empty)).toThrow(`${join(empty, 'index.html')} is missing: run \`npm run build:h5\` before the browser tests`)
  } finally {
    rmSync(empty, { recursive: true, force: true })
  }
})

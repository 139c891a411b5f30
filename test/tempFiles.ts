/** A real local file store in a fresh temporary folder, for tests that run functions or the host. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LocalFileStore } from '../cloudfunctions/core/files/local'

export function tempFileStore(secret = 'test-file-secret'): LocalFileStore {
  return new LocalFileStore(mkdtempSync(join(tmpdir(), 'jiaogong-files-')), secret)
}

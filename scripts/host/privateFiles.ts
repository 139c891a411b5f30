/**
 * The database holds phone numbers and birth dates, and uploads hold whole rosters: only the account that runs the
 * host may read them. From the umask on, every file the process creates is 0600 and every folder 0700 (SQLite's
 * -wal and -shm files take the database's mode); files an earlier start left more open are closed up.
 */
import { chmodSync, existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

export interface PrivateFiles {
  dbFile: string
  secretFile: string
  /** Uploads and exports. */
  filesDir: string
}

export function keepFilesPrivate({ dbFile, secretFile, filesDir }: PrivateFiles) {
  process.umask(0o077)
  for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, secretFile]) {
    if (existsSync(file)) chmodSync(file, 0o600)
  }
  if (!existsSync(filesDir)) return
  chmodSync(filesDir, 0o700)
  for (const name of readdirSync(filesDir)) chmodSync(join(filesDir, name), 0o600)
}

/** The local host's data files are the owner's alone: the database (with -wal and -shm), the session secret, uploads. */
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { keepFilesPrivate } from '../../scripts/host/privateFiles'

describe('keepFilesPrivate', () => {
  const modeOf = (file: string) => statSync(file).mode & 0o777
  let umask: number

  beforeEach(() => {
    umask = process.umask(0o022)
  })

  afterEach(() => {
    process.umask(umask)
  })

  it('closes up the files an earlier start left readable by others, and makes every later file owner-only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiaogong-private-'))
    const dbFile = join(dir, 'jiaogong.sqlite')
    const secretFile = join(dir, 'session-secret')
    const filesDir = join(dir, 'files')
    const before = new SqliteStore(dbFile)
    await before.insert('units', { _id: 'unit01', name: '机关第一分工会', departments: [], order: 1 })
    before.close()
    writeFileSync(secretFile, 'secret', { mode: 0o644 })
    mkdirSync(filesDir, { mode: 0o755 })
    writeFileSync(join(filesDir, 'upload'), 'roster', { mode: 0o644 })
    expect(modeOf(dbFile)).toBe(0o644)

    keepFilesPrivate({ dbFile, secretFile, filesDir })
    expect([dbFile, secretFile, join(filesDir, 'upload')].map(modeOf)).toEqual([0o600, 0o600, 0o600])
    expect(modeOf(filesDir)).toBe(0o700)

    // What the process makes from now on: the database's -wal and -shm, a new database, new files and folders.
    const store = new SqliteStore(dbFile)
    await store.insert('units', { _id: 'unit02', name: '机关第二分工会', departments: [], order: 2 })
    expect([`${dbFile}-wal`, `${dbFile}-shm`].map(modeOf)).toEqual([0o600, 0o600])
    store.close()
    const fresh = new SqliteStore(join(dir, 'fresh.sqlite'))
    expect(modeOf(join(dir, 'fresh.sqlite'))).toBe(0o600)
    fresh.close()
    writeFileSync(join(filesDir, 'later'), 'x')
    mkdirSync(join(dir, 'folder'))
    expect([modeOf(join(filesDir, 'later')), modeOf(join(dir, 'folder'))]).toEqual([0o600, 0o700])
  })

  it('leaves alone what does not exist yet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiaogong-private-'))
    expect(() =>
      keepFilesPrivate({ dbFile: join(dir, 'none.sqlite'), secretFile: join(dir, 'none-secret'), filesDir: join(dir, 'none') }),
    ).not.toThrow()
  })
})

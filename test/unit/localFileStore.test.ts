/** The local host's file store: a folder of files by id, and signed download links that expire. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
// The default import is the module object itself, so a spy on it sees the store's reads (a namespace import is a copy).
import fsPromises from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LocalFileStore } from '../../cloudfunctions/core/files/local'
import { DOWNLOAD_LINK_SECONDS } from '../../cloudfunctions/core/files/port'

const SECRET = 'test-file-secret'
const START = Date.UTC(2026, 10, 22, 8, 0, 0)
const LINK_MS = DOWNLOAD_LINK_SECONDS * 1000
const ROSTER_BYTES = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x80])

/** The parts of a download link, as the host's route reads them. */
interface Link {
  id: string
  expires: string | null
  sig: string | null
}

let parent: string
let dir: string
let now: number
let store: LocalFileStore

beforeEach(() => {
  // The store's folder sits inside a folder of the test's own, so a file beside it can stand for "outside".
  parent = mkdtempSync(join(tmpdir(), 'jiaogong-local-files-'))
  dir = join(parent, 'files')
  now = START
  store = new LocalFileStore(dir, SECRET, () => now)
})

afterEach(() => {
  jest.restoreAllMocks()
  rmSync(parent, { recursive: true, force: true })
})

async function linkTo(fileId: string, from = store): Promise<Link> {
  const url = new URL(await from.downloadUrl(fileId), 'http://localhost')
  return { id: decodeURIComponent(url.pathname.replace(/^\/files\//, '')), expires: url.searchParams.get('expires'), sig: url.searchParams.get('sig') }
}

const open = ({ id, expires, sig }: Link) => store.opened(id, expires, sig)

/** The signature with its first character changed to another base64url character. */
const tampered = (sig: string) => (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1)

describe('owns', () => {
  it.each([
    ['0123456789abcdef0123456789abcdef', true],
    ['0123456789ABCDEF0123456789ABCDEF', false],
    ['0123456789abcdef0123456789abcde', false],
    ['0123456789abcdef0123456789abcdef0', false],
    ['0123456789abcdef0123456789abcdeg', false],
    ['cloud://env.bucket/roster.xlsx', false],
    ['../etc/passwd', false],
    ['', false],
  ])('%j → %s', (fileId, expected) => {
    expect(store.owns(fileId)).toBe(expected)
  })
})

describe('save and read', () => {
  it('reads back the exact bytes saved, under an id the store owns', async () => {
    const fileId = await store.save('会员名册.xlsx', ROSTER_BYTES)
    expect(store.owns(fileId)).toBe(true)
    expect(await store.read(fileId)).toEqual(ROSTER_BYTES)
  })

  it('gives every saved file its own id', async () => {
    const first = await store.save('a.xlsx', Buffer.from('first'))
    const second = await store.save('a.xlsx', Buffer.from('second'))
    expect(first).not.toBe(second)
    expect((await store.read(first))?.toString()).toBe('first')
    expect((await store.read(second))?.toString()).toBe('second')
  })

  it('looks in its folder for an id of its shape, and reads null when it was never saved', async () => {
    const readFile = jest.spyOn(fsPromises, 'readFile')
    expect(await store.read('0123456789abcdef0123456789abcdef')).toBeNull()
    expect(readFile).toHaveBeenCalledWith(join(dir, '0123456789abcdef0123456789abcdef'))
  })

  it.each(['cloud://env.bucket/roster.xlsx', '../etc/passwd', '../outside.txt', '/etc/passwd', 'ABCDEF0123456789ABCDEF0123456789'])(
    'reads null for %j without opening any file',
    async (fileId) => {
      writeFileSync(join(parent, 'outside.txt'), 'not the store’s')
      const readFile = jest.spyOn(fsPromises, 'readFile')
      expect(await store.read(fileId)).toBeNull()
      expect(readFile).not.toHaveBeenCalled()
    },
  )
})

describe('remove', () => {
  it('deletes the file and its name, so neither a read nor a link finds it; a file already gone is no error', async () => {
    const kept = await store.save('kept.xlsx', Buffer.from('kept'))
    const gone = await store.save('gone.xlsx', ROSTER_BYTES)
    const link = await linkTo(gone)
    await store.remove([gone, gone, '../outside.txt'])
    expect(await store.read(gone)).toBeNull()
    expect(await open(link)).toBeNull()
    expect(readdirSync(dir).sort()).toEqual([kept, `${kept}.json`].sort())
  })
})

describe('download links', () => {
  let fileId: string

  beforeEach(async () => {
    fileId = await store.save('会员名册.xlsx', ROSTER_BYTES)
  })

  it(`name the file and expire ${DOWNLOAD_LINK_SECONDS} seconds from now by the store's clock`, async () => {
    expect(await store.downloadUrl(fileId)).toMatch(new RegExp(`^/files/${fileId}\\?expires=${START + LINK_MS}&sig=[A-Za-z0-9_-]+$`))
  })

  it('open to the stored file and its name', async () => {
    expect(await open(await linkTo(fileId))).toEqual({ path: join(dir, fileId), fileName: '会员名册.xlsx' })
  })

  it('work until their last millisecond, then stop', async () => {
    const link = await linkTo(fileId)
    now = START + LINK_MS
    expect(await open(link)).not.toBeNull()
    now = START + LINK_MS + 1
    expect(await open(link)).toBeNull()
  })

  it.each<[string, (link: Link, other: Link) => Link]>([
    ['a tampered signature', (link) => ({ ...link, sig: tampered(link.sig!) })],
    ['the signature of another file', (link, other) => ({ ...link, sig: other.sig })],
    ['another file’s id with this link’s signature', (link, other) => ({ ...link, id: other.id })],
    ['a later expiry than the one signed', (link) => ({ ...link, expires: String(START + 2 * LINK_MS) })],
    ['a non-numeric expiry', (link) => ({ ...link, expires: `${link.expires}.0` })],
    ['a negative expiry', (link) => ({ ...link, expires: `-${link.expires}` })],
    ['no expiry', (link) => ({ ...link, expires: null })],
    ['no signature', (link) => ({ ...link, sig: null })],
    ['an empty signature', (link) => ({ ...link, sig: '' })],
    ['a foreign id', (link) => ({ ...link, id: '../etc/passwd' })],
  ])('refuse %s', async (_, change) => {
    const other = await linkTo(await store.save('其他.xlsx', Buffer.from('other')))
    const link = await linkTo(fileId)
    expect(await open(link)).not.toBeNull()
    expect(await open(change(link, other))).toBeNull()
  })

  it('refuse a link signed for an id that holds no file', async () => {
    expect(await open(await linkTo('0123456789abcdef0123456789abcdef'))).toBeNull()
  })

  it('refuse a link signed with another secret', async () => {
    const elsewhere = new LocalFileStore(dir, 'another-secret', () => now)
    expect(await open(await linkTo(fileId, elsewhere))).toBeNull()
  })
})

describe('links to many files', () => {
  it('link each file there, once however often it is named; a file that is gone or not its own has none', async () => {
    const kept = await store.save('封面.jpg', Buffer.from('cover'))
    const gone = await store.save('旧封面.jpg', Buffer.from('old'))
    await store.remove([gone])
    const links = await store.downloadUrls([kept, kept, gone, '../outside.txt', 'cloud://env/cover.jpg'])
    expect([...links.keys()]).toEqual([kept])
    expect(links.get(kept)).toBe(await store.downloadUrl(kept))
  })
})

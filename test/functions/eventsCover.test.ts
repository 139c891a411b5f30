/**
 * An event's cover image (封面图) over the real SQLite store and the local file store: what a save accepts (an image
 * uploaded here, still there, JPEG / PNG / WebP, at most 2 MB) and refuses without changing anything, the links
 * members and organizers get (one file-store call for a page of the list), the audit entry, and how long a cover is
 * kept: while any event shows it, then an hour after a save let go of it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { keepForAWhile, KEEP_FILES_MINUTES } from '../../cloudfunctions/core/files/retention'
import { COVER_MAX_BYTES } from '../../types/events'
import { NOW, PEOPLE, PNG, callAs, eventSettings, expectFailure, expectOk, later, runJob, seededStore, snapshot, testFiles, type TestStore } from './harness'

const MINUTE = 60_000
const KEEP = KEEP_FILES_MINUTES * MINUTE
const MEMBER = 'm0020'

const JPEG = readFileSync(join(__dirname, '../../scripts/seed/covers/volleyball.jpg'))
const WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64')

let store: TestStore

beforeEach(async () => {
  store = await seededStore()
})

afterEach(() => store.close())

const upload = (data: Buffer, name = 'cover.jpg') => testFiles.save(name, data)

async function create(coverFileId?: string) {
  return callAs(store, 'events', PEOPLE.office, 'create', { settings: eventSettings({ coverFileId }) })
}

async function createdWith(coverFileId: string): Promise<string> {
  return expectOk(await create(coverFileId)).id
}

async function saveCover(eventId: string, coverFileId: string | undefined, now = NOW) {
  const { settings } = expectOk(await callAs(store, 'events', PEOPLE.office, 'adminGet', { eventId }, { now }))
  const { coverFileId: _old, ...rest } = settings
  return callAs(store, 'events', PEOPLE.office, 'update', { eventId, settings: { ...rest, ...(coverFileId ? { coverFileId } : {}) } }, { now })
}

/** The exports function's job that deletes files once their hour is up, run at `at`. */
const purge = (at: Date) => runJob(store, 'exports', 'purgeFiles', { now: at })

/** The file a link from the local file store opens, or null when it does not. */
async function opened(url: string) {
  const link = new URL(url, 'http://host')
  const fileId = /^\/files\/([0-9a-f]{32})$/.exec(link.pathname)?.[1] ?? ''
  const file = await testFiles.opened(fileId, link.searchParams.get('expires'), link.searchParams.get('sig'))
  return file && readFileSync(file.path)
}

describe('saving a cover', () => {
  it.each([
    ['JPEG', JPEG],
    ['PNG', PNG],
    ['WebP', WEBP],
  ])('takes a %s image uploaded here, and the organizer’s form gets a link to it', async (_kind, data) => {
    const fileId = await upload(data)
    const id = await createdWith(fileId)
    const draft = expectOk(await callAs(store, 'events', PEOPLE.office, 'adminGet', { eventId: id }))
    expect(draft.settings.coverFileId).toBe(fileId)
    expect(await opened(draft.coverUrl!)).toEqual(data)
  })

  it.each([
    ['a file that is not an image', () => upload(Buffer.from('PK\u0003\u0004 an xlsx'), '名册.xlsx'), '封面图只能是 JPG、PNG 或 WebP 格式的图片，请换一张'],
    ['a GIF', () => upload(Buffer.from('GIF89a\u0001\u0000\u0001\u0000'), 'cover.gif'), '封面图只能是 JPG、PNG 或 WebP 格式的图片，请换一张'],
    ['an image over 2 MB', () => upload(Buffer.concat([PNG, Buffer.alloc(COVER_MAX_BYTES)])), '封面图不能超过 2 MB，请换一张小一些的图片'],
    ['a file of another store', async () => 'cloud://other-env.7a6b-other-env/uploads/cover.jpg', '封面图不是在本小程序上传的图片，请重新选择图片'],
    ['a file that is gone', async () => 'feedbeef'.repeat(4), '封面图已失效（上传后一小时内未保存会被删除），请重新选择图片'],
  ])('refuses %s under its field, on create and update, changing nothing', async (_what, uploaded, message) => {
    const fileId = await uploaded()
    const before = await snapshot(store)
    const created = expectFailure(await create(fileId), 'INVALID_INPUT')
    expect([created.message, created.fields]).toEqual([message, { 'settings.coverFileId': message }])
    const updated = expectFailure(await saveCover('event-new-year', fileId), 'INVALID_INPUT')
    expect(updated.message).toBe(message)
    expect(await snapshot(store)).toEqual(before)
  })

  it('an image exactly 2 MB is taken', async () => {
    const data = Buffer.concat([PNG, Buffer.alloc(COVER_MAX_BYTES - PNG.length)])
    expectOk(await create(await upload(data)))
  })

  it('audits a cover as set, replaced or removed, never as its file id', async () => {
    const first = await upload(JPEG)
    const id = await createdWith(first)
    expectOk(await saveCover(id, await upload(PNG), later(MINUTE)))
    expectOk(await saveCover(id, undefined, later(2 * MINUTE)))
    const entries = await store.find('auditLog', { targetId: id }, { sort: { at: 1 } })
    expect(entries.map((entry) => [entry.action, entry.before?.封面图, entry.after?.封面图])).toEqual([
      ['events.create', undefined, '已设置'],
      ['events.update', '已设置', '已更换'],
      ['events.update', '已设置', '无'],
    ])
    expect(JSON.stringify(entries)).not.toContain(first)
  })
})

describe('what members see', () => {
  it('the detail links to the cover; an event without one has none', async () => {
    const data = JPEG
    const id = await createdWith(await upload(data))
    expectOk(await callAs(store, 'events', PEOPLE.office, 'publish', { eventId: id }))
    const detail = expectOk(await callAs(store, 'events', MEMBER, 'detail', { eventId: id }))
    expect(await opened(detail.coverUrl!)).toEqual(data)
    expect(expectOk(await callAs(store, 'events', MEMBER, 'detail', { eventId: 'event-volleyball' }))).not.toHaveProperty('coverUrl')
  })

  it('a page of the list asks the file store once for every cover on it', async () => {
    const covered = []
    for (const data of [JPEG, PNG]) {
      const id = await createdWith(await upload(data))
      expectOk(await callAs(store, 'events', PEOPLE.office, 'publish', { eventId: id }))
      covered.push(id)
    }
    const links = jest.spyOn(testFiles, 'downloadUrls')
    try {
      const { items } = expectOk(await callAs(store, 'events', MEMBER, 'list', { tab: 'open' }))
      expect(links).toHaveBeenCalledTimes(1)
      expect(items.filter((item) => item.coverUrl).map((item) => item.id).sort()).toEqual([...covered].sort())
    } finally {
      links.mockRestore()
    }
  })

  it('a cover whose file is gone is simply not shown', async () => {
    const fileId = await upload(PNG)
    const id = await createdWith(fileId)
    expectOk(await callAs(store, 'events', PEOPLE.office, 'publish', { eventId: id }))
    await testFiles.remove([fileId])
    expect(expectOk(await callAs(store, 'events', MEMBER, 'detail', { eventId: id }))).not.toHaveProperty('coverUrl')
    const { items } = expectOk(await callAs(store, 'events', MEMBER, 'list', { tab: 'open' }))
    expect(items.find((item) => item.id === id)).not.toHaveProperty('coverUrl')
  })
})

describe('how long a cover is kept', () => {
  it('an upload an event uses outlives its hour: only its record goes', async () => {
    const fileId = await upload(JPEG)
    // The local host records every upload to be deleted within the hour.
    await keepForAWhile(store, fileId, NOW)
    await createdWith(fileId)
    await purge(later(KEEP))
    expect(await testFiles.read(fileId)).toEqual(JPEG)
    expect(await store.find('files')).toEqual([])
  })

  it('a replaced cover goes an hour after the save, the new one stays', async () => {
    const old = await upload(JPEG)
    const id = await createdWith(old)
    const fresh = await upload(PNG)
    expectOk(await saveCover(id, fresh, later(10 * MINUTE)))
    await purge(later(10 * MINUTE + KEEP - MINUTE))
    expect(await testFiles.read(old)).not.toBeNull()
    await purge(later(10 * MINUTE + KEEP))
    expect(await testFiles.read(old)).toBeNull()
    expect(await testFiles.read(fresh)).toEqual(PNG)
  })

  it('a removed cover goes an hour after the save, and the event shows none', async () => {
    const fileId = await upload(JPEG)
    const id = await createdWith(fileId)
    const saved = expectOk(await saveCover(id, undefined))
    expect(saved.settings).not.toHaveProperty('coverFileId')
    expect(saved).not.toHaveProperty('coverUrl')
    expect((await store.get('events', id))!).not.toHaveProperty('coverFileId')
    await purge(later(KEEP))
    expect(await testFiles.read(fileId)).toBeNull()
  })

  it('a cover a copied event shares stays while either shows it', async () => {
    const fileId = await upload(JPEG)
    const original = await createdWith(fileId)
    const { id: copy } = expectOk(await callAs(store, 'events', PEOPLE.office, 'copy', { eventId: original }))
    expect((await store.get('events', copy))!.coverFileId).toBe(fileId)

    // The original lets go of it: the copy still shows it, so the job keeps the file.
    expectOk(await saveCover(original, undefined))
    await purge(later(KEEP))
    expect(await testFiles.read(fileId)).toEqual(JPEG)

    // Then the copy lets go of it too: an hour later it is gone.
    expectOk(await saveCover(copy, undefined, later(KEEP)))
    await purge(later(2 * KEEP))
    expect(await testFiles.read(fileId)).toBeNull()
  })

  it('a deleted draft’s cover goes an hour later, unless a copy still shows it', async () => {
    const shared = await upload(JPEG)
    const original = await createdWith(shared)
    const { id: copy } = expectOk(await callAs(store, 'events', PEOPLE.office, 'copy', { eventId: original }))
    expectOk(await callAs(store, 'events', PEOPLE.office, 'deleteDraft', { eventId: copy }))
    await purge(later(KEEP))
    expect(await testFiles.read(shared)).toEqual(JPEG)

    const own = await upload(PNG)
    expectOk(await callAs(store, 'events', PEOPLE.office, 'deleteDraft', { eventId: await createdWith(own) }))
    await purge(later(KEEP - MINUTE))
    expect(await testFiles.read(own)).toEqual(PNG)
    await purge(later(KEEP))
    expect(await testFiles.read(own)).toBeNull()
  })

  it('saving an event again with the same cover neither reads nor lets go of it', async () => {
    const fileId = await upload(JPEG)
    const id = await createdWith(fileId)
    const read = jest.spyOn(testFiles, 'read')
    try {
      expectOk(await saveCover(id, fileId))
      expect(read).not.toHaveBeenCalled()
    } finally {
      read.mockRestore()
    }
    expect(await store.find('files')).toEqual([])
  })
})

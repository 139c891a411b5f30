/**
 * Files in CloudBase cloud storage, cloudfunctions/core/files/cloudbase.ts. wx-server-sdk stands in for CloudBase,
 * which does not exist here; the fake is only what the store touches: uploadFile, downloadFile, getTempFileURL, deleteFile.
 */
import type { WxCloud } from 'wx-server-sdk'
import { CloudBaseFileStore } from '../../cloudfunctions/core/files/cloudbase'
import { DOWNLOAD_LINK_SECONDS } from '../../cloudfunctions/core/files/port'

type FileCalls = Pick<WxCloud, 'uploadFile' | 'downloadFile' | 'getTempFileURL' | 'deleteFile'>

const FILE_ID = 'cloud://env-1.bucket/uploads/roster.xlsx'
const ROSTER_BYTES = Buffer.from('roster bytes')

/** A cloud that stores everything and links to anything; `overrides` replace a call (then not among the mocks). */
function fakeCloud(overrides: Partial<FileCalls> = {}) {
  const calls = {
    uploadFile: jest.fn(async ({ cloudPath }: { cloudPath: string; fileContent: Buffer }) => ({ fileID: `cloud://env-1.bucket/${cloudPath}` })),
    downloadFile: jest.fn(async (_: { fileID: string }) => ({ fileContent: ROSTER_BYTES })),
    getTempFileURL: jest.fn(async ({ fileList }: { fileList: { fileID: string; maxAge: number }[] }) => ({
      fileList: fileList.map(({ fileID }) => ({ fileID, tempFileURL: `https://temp.example/${encodeURIComponent(fileID)}`, status: 0, errMsg: 'ok' })),
    })),
    deleteFile: jest.fn(async ({ fileList }: { fileList: string[] }) => ({ fileList: fileList.map((fileID) => ({ fileID, status: 0, errMsg: 'ok' })) })),
  }
  return { cloud: calls, store: new CloudBaseFileStore({ ...calls, ...overrides } as unknown as WxCloud) }
}

afterEach(() => jest.restoreAllMocks())

describe('owns', () => {
  it.each([
    [FILE_ID, true],
    ['0123456789abcdef0123456789abcdef', false],
    ['https://temp.example/roster.xlsx', false],
    ['', false],
  ])('%j → %s', (fileId, expected) => {
    expect(fakeCloud().store.owns(fileId)).toBe(expected)
  })
})

describe('read', () => {
  it('downloads the file and gives its content', async () => {
    const { cloud, store } = fakeCloud()
    expect(await store.read(FILE_ID)).toBe(ROSTER_BYTES)
    expect(cloud.downloadFile).toHaveBeenCalledWith({ fileID: FILE_ID })
  })

  it('reads null, with a warning, when the download fails', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const { store } = fakeCloud({ downloadFile: async () => Promise.reject(new Error('STORAGE_FILE_NONEXIST')) })
    expect(await store.read(FILE_ID)).toBeNull()
    expect(warn).toHaveBeenCalledWith(expect.any(String), FILE_ID, 'STORAGE_FILE_NONEXIST')
  })

  it.each(['0123456789abcdef0123456789abcdef', '../etc/passwd'])('reads null for %j without asking CloudBase', async (fileId) => {
    const { cloud, store } = fakeCloud()
    expect(await store.read(fileId)).toBeNull()
    expect(cloud.downloadFile).not.toHaveBeenCalled()
  })
})

describe('save', () => {
  it('uploads under exports/, in a folder of its own, and gives the fileID', async () => {
    const { cloud, store } = fakeCloud()
    const fileId = await store.save('会员名册.xlsx', ROSTER_BYTES)
    const [{ cloudPath, fileContent }] = cloud.uploadFile.mock.calls[0]
    expect(cloudPath).toMatch(/^exports\/[0-9a-f]{32}\/会员名册\.xlsx$/)
    expect(fileContent).toBe(ROSTER_BYTES)
    expect(fileId).toBe(`cloud://env-1.bucket/${cloudPath}`)
  })

  it('never puts two files of the same name in the same place', async () => {
    const { store } = fakeCloud()
    expect(await store.save('会员名册.xlsx', ROSTER_BYTES)).not.toBe(await store.save('会员名册.xlsx', ROSTER_BYTES))
  })
})

describe('downloadUrl', () => {
  it(`asks for a link that works ${DOWNLOAD_LINK_SECONDS} seconds and gives it`, async () => {
    const { cloud, store } = fakeCloud()
    expect(await store.downloadUrl(FILE_ID)).toBe(`https://temp.example/${encodeURIComponent(FILE_ID)}`)
    expect(cloud.getTempFileURL).toHaveBeenCalledWith({ fileList: [{ fileID: FILE_ID, maxAge: DOWNLOAD_LINK_SECONDS }] })
  })

  it.each<[string, Awaited<ReturnType<FileCalls['getTempFileURL']>>['fileList'], RegExp]>([
    ['a file without a link', [{ fileID: FILE_ID, tempFileURL: '', status: -1, errMsg: 'STORAGE_FILE_NONEXIST' }], /STORAGE_FILE_NONEXIST/],
    ['an empty answer', [], /empty answer/],
  ])('throws on %s', async (_, fileList, message) => {
    const { store } = fakeCloud({ getTempFileURL: async () => ({ fileList }) })
    await expect(store.downloadUrl(FILE_ID)).rejects.toThrow(message)
  })
})

describe('downloadUrls', () => {
  it('asks for its own files’ links 50 at a time, each once, and leaves out a file without one', async () => {
    const { cloud, store } = fakeCloud()
    const ours = Array.from({ length: 60 }, (_, i) => `cloud://env-1.bucket/uploads/${i}.jpg`)
    const links = await store.downloadUrls([...ours, ours[0], '0123456789abcdef0123456789abcdef'])
    expect(cloud.getTempFileURL.mock.calls.map(([{ fileList }]) => fileList.map(({ fileID }) => fileID))).toEqual([ours.slice(0, 50), ours.slice(50)])
    expect(cloud.getTempFileURL.mock.calls[0][0].fileList[0].maxAge).toBe(DOWNLOAD_LINK_SECONDS)
    expect(links.size).toBe(60)
    expect(links.get(ours[59])).toBe(`https://temp.example/${encodeURIComponent(ours[59])}`)
  })

  it('gives no link to a file CloudBase answers an error for, and asks nothing for none', async () => {
    const gone = 'cloud://env-1.bucket/uploads/gone.jpg'
    const { store } = fakeCloud({
      getTempFileURL: async () => ({
        fileList: [
          { fileID: FILE_ID, tempFileURL: 'https://temp.example/roster', status: 0, errMsg: 'ok' },
          { fileID: gone, tempFileURL: '', status: -1, errMsg: 'STORAGE_FILE_NONEXIST' },
        ],
      }),
    })
    expect([...(await store.downloadUrls([FILE_ID, gone]))]).toEqual([[FILE_ID, 'https://temp.example/roster']])
    const { cloud, store: another } = fakeCloud()
    expect((await another.downloadUrls([])).size).toBe(0)
    expect(cloud.getTempFileURL).not.toHaveBeenCalled()
  })
})

describe('remove', () => {
  it('deletes its own files in batches of 50 and passes over ids of other stores', async () => {
    const { cloud, store } = fakeCloud()
    const ours = Array.from({ length: 120 }, (_, i) => `cloud://env-1.bucket/exports/${i}/名册.xlsx`)
    await store.remove([...ours, '0123456789abcdef0123456789abcdef'])
    expect(cloud.deleteFile.mock.calls.map(([{ fileList }]) => fileList)).toEqual([ours.slice(0, 50), ours.slice(50, 100), ours.slice(100)])
  })

  it('calls nothing when none is its own', async () => {
    const { cloud, store } = fakeCloud()
    await store.remove(['0123456789abcdef0123456789abcdef'])
    expect(cloud.deleteFile).not.toHaveBeenCalled()
  })
})

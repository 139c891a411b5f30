/**
 * The local host's files: one folder (`.data/files` beside the database), a file per id plus a small JSON of its
 * name. Download links are signed with the host's secret and expire, so a link in a log or history stops working.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { access, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { newId } from '../store/port'
import { DOWNLOAD_LINK_SECONDS, type FileStore } from './port'

const LOCAL_ID = /^[0-9a-f]{32}$/

export interface StoredFile {
  path: string
  fileName: string
}

export class LocalFileStore implements FileStore {
  constructor(
    private readonly dir: string,
    private readonly secret: string,
    private readonly clock: () => number = Date.now,
  ) {
    mkdirSync(dir, { recursive: true })
  }

  owns(fileId: string): boolean {
    return LOCAL_ID.test(fileId)
  }

  async read(fileId: string): Promise<Buffer | null> {
    if (!this.owns(fileId)) return null
    return readFile(join(this.dir, fileId)).catch(() => null)
  }

  async save(fileName: string, data: Buffer): Promise<string> {
    const fileId = newId()
    await writeFile(join(this.dir, fileId), data, { mode: 0o600 })
    await writeFile(join(this.dir, `${fileId}.json`), JSON.stringify({ fileName, size: data.length, savedAt: new Date(this.clock()).toISOString() }))
    return fileId
  }

  async downloadUrl(fileId: string): Promise<string> {
    const expires = this.clock() + DOWNLOAD_LINK_SECONDS * 1000
    return `/files/${fileId}?expires=${expires}&sig=${this.signature(fileId, expires)}`
  }

  async downloadUrls(fileIds: string[]): Promise<Map<string, string>> {
    const links = new Map<string, string>()
    for (const fileId of new Set(fileIds)) {
      const there = this.owns(fileId) && (await access(join(this.dir, fileId)).then(() => true, () => false))
      if (there) links.set(fileId, await this.downloadUrl(fileId))
    }
    return links
  }

  async remove(fileIds: string[]): Promise<void> {
    for (const fileId of fileIds.filter((id) => this.owns(id))) {
      await rm(join(this.dir, fileId), { force: true })
      await rm(join(this.dir, `${fileId}.json`), { force: true })
    }
  }

  /** The file a download link names, when its signature holds and it has not expired. */
  async opened(fileId: string, expires: string | null, signature: string | null): Promise<StoredFile | null> {
    if (!this.owns(fileId) || !expires || !signature || !/^\d+$/.test(expires) || Number(expires) < this.clock()) return null
    const expected = Buffer.from(this.signature(fileId, Number(expires)))
    const given = Buffer.from(signature)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
    try {
      const { fileName } = JSON.parse(await readFile(join(this.dir, `${fileId}.json`), 'utf8')) as { fileName: string }
      return { path: join(this.dir, fileId), fileName }
    } catch {
      return null
    }
  }

  private signature(fileId: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${fileId}.${expires}`).digest('base64url')
  }
}

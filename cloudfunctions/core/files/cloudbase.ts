/**
 * Files in CloudBase cloud storage. The phone uploads with `wx.cloud.uploadFile` and sends the fileID; functions
 * save their files under `exports/` and hand out temporary links (`getTempFileURL`), never the storage path.
 */
import type { WxCloud } from 'wx-server-sdk'
import { newId } from '../store/port'
import { DOWNLOAD_LINK_SECONDS, type FileStore } from './port'

/** File ids `deleteFile` and `getTempFileURL` take in one call. */
const BATCH = 50

export class CloudBaseFileStore implements FileStore {
  constructor(private readonly cloud: WxCloud) {}

  owns(fileId: string): boolean {
    return fileId.startsWith('cloud://')
  }

  async read(fileId: string): Promise<Buffer | null> {
    if (!this.owns(fileId)) return null
    try {
      return (await this.cloud.downloadFile({ fileID: fileId })).fileContent
    } catch (error) {
      // A missing or unreadable file: the person picks the file again.
      console.warn('[files] download failed', fileId, (error as Error).message)
      return null
    }
  }

  async save(fileName: string, data: Buffer): Promise<string> {
    // A slash in the name (a unit called "A/B") would add a folder level.
    const name = fileName.replace(/[\\/]/g, '_')
    return (await this.cloud.uploadFile({ cloudPath: `exports/${newId()}/${name}`, fileContent: data })).fileID
  }

  async downloadUrl(fileId: string): Promise<string> {
    const { fileList } = await this.cloud.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: DOWNLOAD_LINK_SECONDS }] })
    const url = fileList[0]?.tempFileURL
    if (!url) throw new Error(`no temporary URL for ${fileId}: ${fileList[0]?.errMsg ?? 'empty answer'}`)
    return url
  }

  async downloadUrls(fileIds: string[]): Promise<Map<string, string>> {
    const ours = [...new Set(fileIds)].filter((id) => this.owns(id))
    const links = new Map<string, string>()
    for (let at = 0; at < ours.length; at += BATCH) {
      const { fileList } = await this.cloud.getTempFileURL({ fileList: ours.slice(at, at + BATCH).map((fileID) => ({ fileID, maxAge: DOWNLOAD_LINK_SECONDS })) })
      // A file that is gone answers a per-file error (status not 0) and no link.
      for (const file of fileList) if (file.status === 0 && file.tempFileURL) links.set(file.fileID, file.tempFileURL)
    }
    return links
  }

  async remove(fileIds: string[]): Promise<void> {
    const ours = fileIds.filter((id) => this.owns(id))
    for (let at = 0; at < ours.length; at += BATCH) {
      // A file already gone answers a per-file error in the list, not a thrown one: nothing to do about it.
      await this.cloud.deleteFile({ fileList: ours.slice(at, at + BATCH) })
    }
  }
}

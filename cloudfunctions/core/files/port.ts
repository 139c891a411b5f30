/**
 * The file-store port: files people upload (a roster to import) and files functions make (an export). Two adapters:
 * the local host's folder and CloudBase cloud storage. A function never knows which one it has.
 */
export interface FileStore {
  /** Whether `fileId` has this store's shape; anything else is never read. */
  owns(fileId: string): boolean
  /** The file's bytes, or null when there is no such file (or the id is not this store's). */
  read(fileId: string): Promise<Buffer | null>
  /** Keeps a file a function made; returns its id. */
  save(fileName: string, data: Buffer): Promise<string>
  /** A link that downloads the file for the next few minutes, then stops working. */
  downloadUrl(fileId: string): Promise<string>
  /** Links as `downloadUrl`'s to many files in few calls, by file id; a file that is gone (or not this store's) has none. */
  downloadUrls(fileIds: string[]): Promise<Map<string, string>>
  /** Deletes files (ids of other stores, and files already gone, are passed over). */
  remove(fileIds: string[]): Promise<void>
}

/** How long a download link works. */
export const DOWNLOAD_LINK_SECONDS = 10 * 60

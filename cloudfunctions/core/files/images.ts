/**
 * Images people upload through the file port (an event's cover, an application's proofs): JPEG, PNG or WebP, what
 * every phone shows, recognised by their first bytes (a file's name or type proves nothing), and not too large.
 */
import { AppError } from '../errors'
import type { FileStore } from './port'

/** What an image is called in messages (封面图, 证明材料) and the most it may weigh. */
export interface ImageRule {
  label: string
  maxBytes: number
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Whether the bytes are a JPEG, PNG or WebP image, by their first bytes. */
export function isImage(data: Buffer): boolean {
  const jpeg = data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff
  const png = data.subarray(0, 8).equals(PNG_SIGNATURE)
  const webp = data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP'
  return jpeg || png || webp
}

/** Why the bytes of an upload (null: there are none) cannot be taken under the rule, in plain words; undefined when they can. */
export function imageProblem(data: Buffer | null, { label, maxBytes }: ImageRule): string | undefined {
  if (!data) return `${label}已失效（上传后一小时内未保存会被删除），请重新选择图片`
  if (!isImage(data)) return `${label}只能是 JPG、PNG 或 WebP 格式的图片，请换一张`
  if (data.length > maxBytes) return `${label}不能超过 ${maxBytes / 1024 / 1024} MB，请换一张小一些的图片`
  return undefined
}

/** Why the file `fileId` cannot be taken under the rule: not this store's, gone, not an image, too large; undefined when it can. */
export async function uploadedImageProblem(files: FileStore, fileId: string, rule: ImageRule): Promise<string | undefined> {
  if (!files.owns(fileId)) return `${rule.label}不是在本小程序上传的图片，请重新选择图片`
  return imageProblem(await files.read(fileId), rule)
}

/** Refuses the first of `fileIds` that is not an uploaded image small enough, naming its field (`proofFileIds.2`). */
export async function checkUploadedImages(files: FileStore, fileIds: string[], field: string, label: string, maxBytes: number): Promise<void> {
  const problems = await Promise.all(fileIds.map((fileId, i) => uploadedImageProblem(files, fileId, { label: `第 ${i + 1} 张${label}`, maxBytes })))
  const at = problems.findIndex((problem) => problem !== undefined)
  if (at >= 0) throw new AppError('INVALID_INPUT', problems[at]!, { [`${field}.${at}`]: problems[at]! })
}

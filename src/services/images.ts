/**
 * Pictures in, on both targets: an organizer picks an event's cover from the phone's album or camera (WeChat:
 * `chooseMedia`, compressed) or from the computer (the browser build, which scales a large photo down first), and it
 * is uploaded the way every file is (services/files.ts). A cover is public to members: it holds no personal data.
 */
import Taro from '@tarojs/taro'
import { ApiError } from './api'
import { pickInBrowser, upload } from './files'
import { privacyAgreed } from './privacy'

export interface UploadedImage {
  fileId: string
  /** Shows the picture on this device (a temporary path, or a blob: URL) until a function links to it. */
  previewUrl: string
}

interface PickedImage {
  source: string | File
  size: number
  extension: string
  previewUrl: string
}

/** What the browser build accepts, as the functions do (WeChat's album hands over JPEG or PNG). */
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp']
/** A photo too large is scaled down to this width: a phone shows a cover at most about 750 pixels wide. */
const SCALED_WIDTH = 1280

const extensionOf = (name: string) => name.split('.').pop()!.toLowerCase()

/** Lets the organizer pick one picture and uploads it; null when they cancel. Refuses one over `maxBytes`. */
export async function pickAndUploadImage(maxBytes: number): Promise<UploadedImage | null> {
  if (!(await privacyAgreed())) throw new ApiError('FORBIDDEN', '需要同意隐私保护指引后才能选择图片')
  const picked = process.env.TARO_ENV === 'weapp' ? await pickInWeChat() : await pickOnComputer(maxBytes)
  if (!picked) return null
  if (picked.size > maxBytes) throw new ApiError('INVALID_INPUT', `图片超过 ${maxBytes / 1024 / 1024} MB：请换一张，或裁剪后再选`)
  try {
    return { fileId: await upload(picked.source, picked.extension), previewUrl: picked.previewUrl }
  } catch (error) {
    if (error instanceof ApiError) throw error
    throw new ApiError('INTERNAL', '图片上传失败：请检查网络后重试')
  }
}

async function pickInWeChat(): Promise<PickedImage | null> {
  try {
    const { tempFiles } = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    const [file] = tempFiles
    return file ? { source: file.tempFilePath, size: file.size, extension: extensionOf(file.tempFilePath), previewUrl: file.tempFilePath } : null
  } catch (error) {
    if (/cancel/.test((error as { errMsg?: string })?.errMsg ?? '')) return null
    throw new ApiError('INTERNAL', '无法打开相册，请稍后再试')
  }
}

async function pickOnComputer(maxBytes: number): Promise<PickedImage | null> {
  const picked = await pickInBrowser(IMAGE_TYPES.join(','))
  if (!picked) return null
  const file = picked.source as File
  if (!IMAGE_TYPES.includes(file.type)) throw new ApiError('INVALID_INPUT', `请选择 JPG、PNG 或 WebP 图片，所选文件是“${file.name}”`)
  const fitting = file.size <= maxBytes ? file : await scaledDown(file)
  return { source: fitting, size: fitting.size, extension: extensionOf(fitting.name), previewUrl: URL.createObjectURL(fitting) }
}

/** The picture as a JPEG at most SCALED_WIDTH wide. */
async function scaledDown(file: File): Promise<File> {
  try {
    const bitmap = await createImageBitmap(file)
    const scale = Math.min(1, SCALED_WIDTH / bitmap.width)
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(bitmap.width * scale)
    canvas.height = Math.round(bitmap.height * scale)
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85))
    if (!blob) throw new Error('no JPEG')
    return new File([blob], `${file.name.replace(/\.[^.]*$/, '')}.jpg`, { type: 'image/jpeg' })
  } catch {
    throw new ApiError('INVALID_INPUT', '无法读取这张图片：请换一张')
  }
}

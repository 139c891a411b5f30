/**
 * Files in and out, on both targets. Upload: on WeChat the person picks a file from a chat and it goes to cloud
 * storage (`wx.cloud.uploadFile`); in the browser they pick it from the computer and it goes to the local host
 * (`POST /files`). Either way a function then reads it by the returned file id. Download: a function hands out a
 * short-lived link; WeChat opens the file (and offers to forward it), the browser saves it.
 */
import Taro from '@tarojs/taro'
import { EMPTY_FILE_MESSAGE } from '../../types/common'
import type { ApiResult } from '../../types/result'
import type { DownloadLink } from '../../types/exports'
import { ApiError, unwrap } from './api'
import { privacyAgreed } from './privacy'
import { sessionHeader } from './session'

export interface UploadedFile {
  fileId: string
  name: string
}

export interface PickOptions {
  /** Without the dot: 'xlsx'. */
  extension: string
  maxBytes: number
  /** Says in Chinese why a file of this many bytes is too large. */
  tooLarge: (bytes: number) => string
}

export interface Picked {
  name: string
  size: number
  /** WeChat: the temporary path; the browser: the File itself. */
  source: string | File
}

/**
 * Lets the person pick one file and uploads it; null when they cancel. Refuses a wrong type or a file too large.
 * A picked file is personal data (a roster): the privacy consent comes first.
 */
export async function pickAndUpload(options: PickOptions): Promise<UploadedFile | null> {
  if (!(await privacyAgreed())) throw new ApiError('FORBIDDEN', '需要同意隐私保护指引后才能选择文件')
  const picked = process.env.TARO_ENV === 'weapp' ? await pickInWeChat(options.extension) : await pickInBrowser(`.${options.extension}`)
  if (!picked) return null
  if (!picked.name.toLowerCase().endsWith(`.${options.extension}`)) {
    throw new ApiError('INVALID_INPUT', `请选择 .${options.extension} 文件（Excel 工作簿），所选文件是“${picked.name}”`)
  }
  if (picked.size === 0) throw new ApiError('INVALID_INPUT', EMPTY_FILE_MESSAGE)
  if (picked.size > options.maxBytes) throw new ApiError('INVALID_INPUT', options.tooLarge(picked.size))
  try {
    const fileId = await upload(picked.source, options.extension)
    return { fileId, name: picked.name }
  } catch (error) {
    if (error instanceof ApiError) throw error
    throw new ApiError('INTERNAL', '文件上传失败：请检查网络后重试')
  }
}

async function pickInWeChat(extension: string): Promise<Picked | null> {
  try {
    const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [extension] })
    const [file] = tempFiles
    return file ? { name: file.name, size: file.size, source: file.path } : null
  } catch (error) {
    if (/cancel/.test((error as { errMsg?: string })?.errMsg ?? '')) return null
    throw new ApiError('INTERNAL', '无法打开聊天文件，请稍后再试')
  }
}

/**
 * A hidden file input taking `accept` ('.xlsx', 'image/png,…'), clicked from the person's tap; resolves when they pick
 * a file or close the dialog. Browsers without the input's `cancel` event learn of a closed dialog when the window
 * gets focus back and no file came.
 */
export function pickInBrowser(accept: string): Promise<Picked | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.style.display = 'none'
    let settled = false
    const done = () => {
      if (settled) return
      settled = true
      window.removeEventListener('focus', refocused)
      input.remove()
      const file = input.files?.[0]
      resolve(file ? { name: file.name, size: file.size, source: file } : null)
    }
    // `change` may land just after the focus: give it a moment.
    const refocused = () => setTimeout(done, 1000)
    input.addEventListener('change', done)
    input.addEventListener('cancel', done)
    window.addEventListener('focus', refocused)
    document.body.appendChild(input)
    input.click()
  })
}

/** Uploads a picked file (WeChat: its temporary path; the browser: the File) and answers its file id. */
export const upload = (source: string | File, extension: string) => (typeof source === 'string' ? uploadInWeChat(source, extension) : uploadInBrowser(source))

async function uploadInWeChat(filePath: string, extension: string): Promise<string> {
  const random = Math.random().toString(36).slice(2, 10)
  const { fileID } = await Taro.cloud.uploadFile({ cloudPath: `uploads/${Date.now()}-${random}.${extension}`, filePath })
  return fileID
}

async function uploadInBrowser(file: File): Promise<string> {
  const response = await fetch('/files', {
    method: 'POST',
    headers: { 'x-file-name': encodeURIComponent(file.name), ...sessionHeader() },
    body: file,
  })
  return unwrap<{ fileId: string }>((await response.json()) as ApiResult<unknown>).fileId
}

/** Opens a file a function made: WeChat shows it (with 转发 to send it to a computer); the browser saves it. */
export async function openDownload(link: DownloadLink): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const downloaded = await Taro.downloadFile({ url: link.url }).catch(() => {
      throw new ApiError('INTERNAL', '文件下载失败：请检查网络后重试')
    })
    if (downloaded.statusCode !== 200) throw new ApiError('NOT_FOUND', '下载链接已失效：请重新下载')
    const fileType = link.fileName.split('.').pop() as Taro.openDocument.Option['fileType']
    await Taro.openDocument({ filePath: downloaded.tempFilePath, fileType, showMenu: true }).catch(() => {
      throw new ApiError('INTERNAL', '无法打开文件：请确认微信已更新到最新版本后重试')
    })
    return
  }
  const anchor = document.createElement('a')
  anchor.href = link.url
  anchor.download = link.fileName
  anchor.style.display = 'none'
  document.body.appendChild(anchor)
  anchor.click()
  anchor.remove()
}

/**
 * The member roster as an Excel file, the `exports` function's roster actions (types/exports.ts): union office staff
 * download the template, export the roster, and import a file in two steps: preview (what would change, row by row)
 * then apply.
 */
import * as v from 'valibot'
import { IdSchema } from './common'

/** Larger roster files are refused, on the phone before uploading and in the function before parsing. */
export const ROSTER_MAX_BYTES = 5 * 1024 * 1024

/**
 * Why a roster file of `bytes` is refused: on the phone before uploading, and in the function. The size is rounded
 * up, so a file just over the limit never reads "5.0 MB".
 */
export const tooLargeMessage = (bytes: number) =>
  `文件有 ${(Math.ceil(bytes / 1024 / 102.4) / 10).toFixed(1)} MB，超过了 ${ROSTER_MAX_BYTES / 1024 / 1024} MB 的上限：请删除图片和多余的工作表、只保留名册数据后再导入`

/** Items each preview list shows at most; the counts always give the whole. */
export const PREVIEW_LIST_MAX = 200

/** An uploaded file: a CloudBase storage fileID (`cloud://…`) or the local host's file id. */
export const FileIdSchema = v.pipe(
  v.string('文件标识须为文字'),
  v.minLength(1, '请先选择名册文件'),
  v.maxLength(512, '文件标识不正确，请重新选择文件'),
)

/** `full`: the file is the whole roster, so members missing from it are marked 离校. */
export const RosterFileSchema = v.strictObject({
  fileId: FileIdSchema,
  full: v.boolean('请选择导入方式'),
})

export const RosterApplySchema = v.strictObject({
  ...RosterFileSchema.entries,
  /** The preview's `planId`: applying refuses when the roster changed since. */
  planId: v.pipe(v.string('预览标识须为文字'), v.regex(/^[0-9a-f]{16}$/, '预览标识不正确，请重新预览')),
})

export const RosterExportSchema = v.optional(v.strictObject({ unitId: v.optional(IdSchema) }), {})

export interface PreviewPerson {
  staffNo: string
  name: string
  unitName: string
}

export interface PreviewChange {
  /** The Chinese column name. */
  label: string
  /** As the file writes them: 男, 在职, 已缴, a unit's name. */
  before: string
  after: string
}

export interface RosterPreview {
  /** Identifies this plan: apply it with the same file and mode. */
  planId: string
  full: boolean
  counts: { add: number; update: number; unchanged: number; markLeft: number; errors: number }
  /** Each list holds at most PREVIEW_LIST_MAX items, in file order. */
  add: PreviewPerson[]
  update: { staffNo: string; name: string; changes: PreviewChange[] }[]
  markLeft: PreviewPerson[]
  /** `row` is the Excel row number (the header is row 1); `message` says in Chinese what is wrong. */
  errors: { row: number; message: string }[]
}

/**
 * How far an import is: what the whole plan adds, updates and marks 离校, and the writes made so far of `total`.
 * While `done` is false the app calls apply again with the same plan to go on.
 */
export interface RosterApplied {
  added: number
  updated: number
  markedLeft: number
  unchanged: number
  done: boolean
  applied: number
  total: number
}

/**
 * The member roster as an Excel (.xlsx) file: read one (file checks, then row-by-row validation), write one (export),
 * and the empty template to download. Uses exceljs; validation is plain code over the cell values.
 *
 * A problem with the whole file throws `RosterFileError` (nothing can be previewed); a problem with one row goes to
 * `errors` with its Excel row number, so the preview can list every problem at once.
 */
import ExcelJS from 'exceljs'
import { EMPTY_FILE_MESSAGE } from '../../../types/common'
import { ROSTER_MAX_BYTES, tooLargeMessage } from '../../../types/roster'
import { shanghaiDay } from '../../../types/time'
import { AppError } from '../../core/errors'
import { headedSheet, newWorkbook, workbookBuffer } from '../workbook'
import {
  DUES_TEXT,
  GENDER_TEXT,
  ROSTER_COLUMNS,
  ROSTER_LABELS,
  STATUS_TEXT,
  type RosterField,
  type RosterMember,
  type RosterRead,
  type RosterRowError,
} from './rosterPlan'

export type { RosterRead } from './rosterPlan'

/** Data rows one import may hold. */
export const ROSTER_MAX_ROWS = 10_000
/** What the ZIP may expand to, by its own directory: a guard against tiny files that inflate to gigabytes. */
export const ROSTER_MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
/** Row elements exceljs may parse at most (styled empty rows count too), so a huge sheet stops early. */
const MAX_SHEET_ROWS = 50_000

/** The unit fields the roster needs: a member's 所在单位 is a unit's name or one of its departments. */
export interface RosterUnit {
  _id: string
  name: string
  departments: readonly string[]
}

/** A problem with the file as a whole; its message says in Chinese what to do. */
export class RosterFileError extends AppError {
  constructor(message: string) {
    super('INVALID_INPUT', message)
    this.name = 'RosterFileError'
  }
}

const SHEET_NAME = '会员名册'
const COLUMN_WIDTHS: Record<RosterField, number> = {
  staffNo: 14,
  name: 12,
  gender: 8,
  birthDate: 13,
  unitId: 26,
  phone: 15,
  status: 11,
  memberSince: 13,
  duesPaid: 11,
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

/**
 * Reads and validates a roster file. Checks the file (size, format, one sheet, headers, no merged cells, no
 * formulas, row count) and throws `RosterFileError` for the first file-level problem; then validates every row.
 * `now` decides what "in the future" means for dates (Shanghai's calendar day).
 */
export async function readRoster(file: Buffer, units: readonly RosterUnit[], now: Date): Promise<RosterRead> {
  const sheet = await loadSingleSheet(file)
  const columns = readHeader(sheet)
  const lines = collectRows(sheet, columns)
  if (lines.length === 0) throw new RosterFileError('表格中没有数据行：请在表头下方逐行填写会员信息后再导入')
  if (lines.length > ROSTER_MAX_ROWS) {
    throw new RosterFileError(`表格共有 ${lines.length} 行数据，一次最多导入 ${ROSTER_MAX_ROWS} 行：请分成几个文件，用“部分导入”依次导入`)
  }

  const context = { unitIndex: indexUnits(units), today: shanghaiDay(now) }
  const read: RosterRead = { rows: [], errors: [] }
  const firstRowOf = new Map<string, number>()
  for (const { row, cells } of lines) {
    const { member, errors } = validateRow(cells, context)
    const staffNo = validStaffNo(textOf(cells.staffNo))
    if (staffNo !== undefined) {
      const first = firstRowOf.get(staffNo)
      if (first !== undefined) errors.push(`工号“${staffNo}”与第 ${first} 行重复：同一人只能有一行`)
      else firstRowOf.set(staffNo, row)
    }
    if (member && errors.length === 0) read.rows.push({ row, member })
    else for (const message of errors) read.errors.push(rowError(row, message, staffNo))
  }
  return read
}

function rowError(row: number, message: string, staffNo: string | undefined): RosterRowError {
  return staffNo === undefined ? { row, message } : { row, message, staffNo }
}

const ZIP_LOCAL_HEADER = 0x04034b50
const ZIP_END_OF_DIRECTORY = 0x06054b50
const ZIP_DIRECTORY_ENTRY = 0x02014b50
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
const NOT_XLSX = '文件不是 Excel 工作簿（.xlsx）：请在 Excel 或 WPS 中“另存为”Excel 工作簿（*.xlsx）后再导入'

/** The file's one sheet, once the file passes every check (size, format, one sheet, no merged cells, no formulas). */
export async function loadSingleSheet(file: Buffer): Promise<ExcelJS.Worksheet> {
  if (!file || file.length === 0) throw new RosterFileError(EMPTY_FILE_MESSAGE)
  if (file.length > ROSTER_MAX_BYTES) throw new RosterFileError(tooLargeMessage(file.length))
  if (file.length >= OLE_MAGIC.length && file.subarray(0, OLE_MAGIC.length).equals(OLE_MAGIC)) {
    throw new RosterFileError('这是旧版 Excel（.xls）文件或加了密码的文件：请在 Excel 中取消密码，并“另存为”Excel 工作簿（*.xlsx）后再导入')
  }
  if (file.length < 4 || file.readUInt32LE(0) !== ZIP_LOCAL_HEADER) throw new RosterFileError(NOT_XLSX)
  inspectZip(file)

  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer, {
      // Data validations over whole columns expand to a million cells in exceljs; the roster needs none of these.
      ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'],
      ...({ maxRows: MAX_SHEET_ROWS } as object),
    })
  } catch (error) {
    if (error instanceof Error && /^Max row count/.test(error.message)) {
      throw new RosterFileError(
        `工作表超过 ${MAX_SHEET_ROWS} 行（带格式的空行也算）：一次最多导入 ${ROSTER_MAX_ROWS} 行，请删除多余的行后再导入`,
      )
    }
    throw new RosterFileError(`${NOT_XLSX}（文件已损坏，无法打开）`)
  }

  const sheets = workbook.worksheets
  if (sheets.length === 0) throw new RosterFileError('文件中没有工作表：请使用下载的名册模板填写')
  if (sheets.length > 1) {
    const names = sheets.map((sheet) => `“${sheet.name}”${sheet.state === 'visible' ? '' : '（隐藏）'}`).join('、')
    throw new RosterFileError(`文件只能有一个工作表，现在有 ${sheets.length} 个：${names}。请删除名册以外的工作表（包括隐藏的）后再导入`)
  }
  const sheet = sheets[0]
  if (sheet.hasMerges) {
    const ranges = (sheet.model.merges ?? []) as string[]
    throw new RosterFileError(`表格中有合并单元格（${listSome(ranges)}）：请取消合并单元格，每个格子只填一项后再导入`)
  }
  const formulas: string[] = []
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      if (isFormula(cell)) formulas.push(cell.address)
    })
  })
  if (formulas.length > 0) {
    throw new RosterFileError(`表格中有公式（单元格 ${listSome(formulas)}）：请将公式转换为数值后再导入（复制后“选择性粘贴 → 数值”）`)
  }
  return sheet
}

/**
 * Walks the ZIP's central directory without inflating anything: it must be an Excel workbook (xl/workbook.xml) and
 * must not claim to expand beyond ROSTER_MAX_UNZIPPED_BYTES. ZIP64 (over 4 GB) is refused outright.
 */
function inspectZip(file: Buffer): void {
  const earliest = Math.max(0, file.length - 22 - 0xffff)
  let end = -1
  for (let at = file.length - 22; at >= earliest; at--) {
    if (file.readUInt32LE(at) === ZIP_END_OF_DIRECTORY) {
      end = at
      break
    }
  }
  if (end < 0) throw new RosterFileError(`${NOT_XLSX}（文件不完整或已损坏）`)
  const entries = file.readUInt16LE(end + 10)
  let at = file.readUInt32LE(end + 16)
  let total = 0
  let workbook = false
  for (let i = 0; i < entries; i++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== ZIP_DIRECTORY_ENTRY) throw new RosterFileError(`${NOT_XLSX}（文件不完整或已损坏）`)
    const size = file.readUInt32LE(at + 24)
    const nameLength = file.readUInt16LE(at + 28)
    const name = file.toString('utf8', at + 46, at + 46 + nameLength)
    if (name === 'xl/workbook.xml') workbook = true
    total += size
    if (size === 0xffffffff || total > ROSTER_MAX_UNZIPPED_BYTES) {
      throw new RosterFileError('文件解压后过大：请只保留名册数据（删除图片、多余的行和列）后再导入')
    }
    at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32)
  }
  if (!workbook) throw new RosterFileError(NOT_XLSX)
}

function isFormula(cell: ExcelJS.Cell): boolean {
  if (cell.type === ExcelJS.ValueType.Formula) return true
  const value = cell.value
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value)
}

function listSome(items: string[], max = 5): string {
  const shown = items.slice(0, max).join('、')
  return items.length > max ? `${shown} 等 ${items.length} 处` : shown
}

/** Where each field's column is, from the headers in row 1 (any order). */
type ColumnMap = Record<RosterField, number>

const HEADER_TO_FIELD = new Map(ROSTER_COLUMNS.map(({ field, header }) => [header, field]))

/** Header text as people type it: stray spaces and line breaks do not matter. */
function headerKey(value: ExcelJS.CellValue): string {
  return textOf(value).replace(/\s+/g, '')
}

function readHeader(sheet: ExcelJS.Worksheet): ColumnMap {
  const found = new Map<RosterField, number>()
  const unknown: string[] = []
  const duplicate: string[] = []
  sheet.getRow(1).eachCell((cell, column) => {
    const key = headerKey(cell.value)
    if (key === '') return
    const field = HEADER_TO_FIELD.get(key)
    if (!field) unknown.push(`“${key}”（${cell.address}）`)
    else if (found.has(field)) duplicate.push(`“${key}”`)
    else found.set(field, column)
  })
  const missing = ROSTER_COLUMNS.filter(({ field }) => !found.has(field)).map(({ header }) => `“${header}”`)
  const problems: string[] = []
  if (missing.length === ROSTER_COLUMNS.length && unknown.length === 0) {
    throw new RosterFileError(`第 1 行应为表头（${ROSTER_COLUMNS.map(({ header }) => header).join('、')}）：请使用下载的名册模板填写`)
  }
  if (missing.length > 0) problems.push(`缺少列 ${missing.join('、')}`)
  if (unknown.length > 0) problems.push(`有无法识别的列 ${unknown.join('、')}`)
  if (duplicate.length > 0) problems.push(`列 ${duplicate.join('、')} 出现了不止一次`)
  if (problems.length > 0) {
    const expected = ROSTER_COLUMNS.map(({ header }) => header).join('、')
    throw new RosterFileError(`表头不对：${problems.join('；')}。第 1 行的列名应为 ${expected}，请不要改动或增加列名（可下载模板对照）`)
  }
  return Object.fromEntries(found) as ColumnMap
}

type RowCells = Partial<Record<RosterField, ExcelJS.CellValue>>

/** The non-empty data rows (below the header), each with its cells by field; data in a column without a header is refused. */
function collectRows(sheet: ExcelJS.Worksheet, columns: ColumnMap): { row: number; cells: RowCells }[] {
  const fieldAt = new Map<number, RosterField>()
  for (const [field, column] of Object.entries(columns) as [RosterField, number][]) fieldAt.set(column, field)
  const lines: { row: number; cells: RowCells }[] = []
  const stray: string[] = []
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return
    const cells: RowCells = {}
    let filled = false
    row.eachCell((cell, column) => {
      if (textOf(cell.value) === '') return
      const field = fieldAt.get(column)
      if (!field) {
        stray.push(cell.address)
        return
      }
      cells[field] = cell.value
      filled = true
    })
    if (filled) lines.push({ row: rowNumber, cells })
  })
  if (stray.length > 0) {
    throw new RosterFileError(`没有表头的列中有内容（单元格 ${listSome(stray)}）：请删除这些内容，或把它们移到对应的列后再导入`)
  }
  return lines
}

// ---------------------------------------------------------------------------------------------------------------
// Validating one row

interface RowContext {
  unitIndex: Map<string, string | null>
  today: string
}

const STAFF_NO = /^[A-Za-z0-9]{4,20}$/
const PHONE = /^1\d{10}$/
const NAME_MAX = 20
const GENDER_BY_TEXT = invert(GENDER_TEXT)
const STATUS_BY_TEXT = invert(STATUS_TEXT)
const DUES_BY_TEXT: Record<string, boolean> = { [DUES_TEXT.paid]: true, [DUES_TEXT.unpaid]: false }

function invert<K extends string>(labels: Record<K, string>): Record<string, K> {
  return Object.fromEntries(Object.entries(labels).map(([key, label]) => [label, key])) as Record<string, K>
}

function validStaffNo(text: string): string | undefined {
  return STAFF_NO.test(text) ? text : undefined
}

/** A row's member, or the reasons it cannot be one (each a Chinese sentence naming the field). */
function validateRow(cells: RowCells, { unitIndex, today }: RowContext): { member?: RosterMember; errors: string[] } {
  const errors: string[] = []
  const text = (field: RosterField) => textOf(cells[field])
  const choice = <T>(field: RosterField, options: Record<string, T>): T | undefined => {
    const value = text(field)
    if (Object.hasOwn(options, value)) return options[value]
    const quoted = Object.keys(options).map((option) => `“${option}”`)
    const allowed = `${quoted.slice(0, -1).join('、')}或${quoted[quoted.length - 1]}`
    errors.push(value === '' ? `${label(field)}未填写：请填${allowed}` : `${label(field)}应填${allowed}，现在是“${value}”`)
    return undefined
  }

  const staffNo = text('staffNo')
  if (staffNo === '') errors.push('工号未填写')
  else if (!STAFF_NO.test(staffNo)) errors.push(`工号“${staffNo}”不对：应为 4 到 20 位字母或数字`)

  const name = text('name')
  if (name === '') errors.push('姓名未填写')
  else if ([...name].length > NAME_MAX) errors.push(`姓名“${name}”超过 ${NAME_MAX} 个字`)

  const gender = choice('gender', GENDER_BY_TEXT)

  const birthDate = readDate(cells.birthDate, 'birthDate', errors)
  if (birthDate !== undefined) {
    if (birthDate < '1900-01-01') errors.push(`出生日期“${birthDate}”早于 1900 年，请核对`)
    else if (birthDate > today) errors.push(`出生日期“${birthDate}”晚于今天，请核对`)
  }

  const unitText = text('unitId')
  let unitId: string | undefined
  if (unitText === '') errors.push('所在单位未填写：请填分工会名称或其所属部门')
  else {
    const match = unitIndex.get(unitText)
    if (match === undefined) errors.push(`所在单位“${unitText}”不存在：请填分工会名称（如“${exampleUnit(unitIndex)}”）或其所属部门`)
    else if (match === null) errors.push(`所在单位“${unitText}”同时属于多个分工会：请改填分工会名称`)
    else unitId = match
  }

  const phone = text('phone').replace(/[\s-]/g, '')
  if (phone === '') errors.push('手机号未填写')
  else if (!PHONE.test(phone)) errors.push(`手机号“${text('phone')}”不对：应为 1 开头的 11 位数字`)

  const status = choice('status', STATUS_BY_TEXT)

  const memberSince = readDate(cells.memberSince, 'memberSince', errors)
  if (memberSince !== undefined) {
    if (memberSince > today) errors.push(`入会时间“${memberSince}”晚于今天，请核对`)
    else if (birthDate !== undefined && memberSince < birthDate) errors.push(`入会时间“${memberSince}”早于出生日期，请核对`)
  }

  const duesPaid = choice('duesPaid', DUES_BY_TEXT)

  if (
    errors.length > 0 ||
    gender === undefined ||
    birthDate === undefined ||
    unitId === undefined ||
    status === undefined ||
    memberSince === undefined ||
    duesPaid === undefined
  ) {
    return { errors }
  }
  return { member: { staffNo, name, gender, birthDate, unitId, phone, status, memberSince, duesPaid }, errors }
}

const label = (field: RosterField): string => ROSTER_LABELS[field]

function exampleUnit(unitIndex: Map<string, string | null>): string {
  return unitIndex.keys().next().value ?? '文学院分工会'
}

/** Unit name or department (trimmed) → unit id; null when a department name belongs to several units. Names win. */
function indexUnits(units: readonly RosterUnit[]): Map<string, string | null> {
  const index = new Map<string, string | null>()
  for (const unit of units) index.set(unit.name.trim(), unit._id)
  const names = new Set(index.keys())
  for (const unit of units) {
    for (const department of unit.departments) {
      const key = department.trim()
      if (key === '' || names.has(key)) continue
      const seen = index.get(key)
      index.set(key, seen === undefined || seen === unit._id ? unit._id : null)
    }
  }
  return index
}

const DATE_PATTERNS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
  // 19850312, as HR systems often export dates.
  /^(\d{4})(\d{2})(\d{2})$/,
]
/** A time HR systems append to a date ("1985-03-12 00:00:00"); the roster keeps the day only. */
const TRAILING_TIME = /\s+\d{1,2}:\d{2}(:\d{2})?$/
/** Excel's serial day numbers up to 2099-12-31, and day 0 (1899-12-30) in milliseconds. */
const LAST_SERIAL = 73050
const SERIAL_EPOCH = Date.UTC(1899, 11, 30)

/**
 * A date as 'YYYY-MM-DD' from a date cell, text (YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日, YYYYMMDD), or a bare
 * serial number (a date cell whose date format exceljs does not recognise); pushes a reason when it is none.
 */
function readDate(value: ExcelJS.CellValue | undefined, field: RosterField, errors: string[]): string | undefined {
  const name = label(field)
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= LAST_SERIAL) {
    value = new Date(SERIAL_EPOCH + value * 86_400_000)
  }
  if (value instanceof Date) {
    // exceljs turns a date cell's serial number into midnight UTC of that calendar day.
    if (Number.isNaN(value.getTime())) {
      errors.push(`${name}不是有效日期`)
      return undefined
    }
    return isoDay(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate())
  }
  const text = textOf(value).replace(TRAILING_TIME, '')
  if (text === '') {
    errors.push(`${name}未填写：请写成 1985-03-12 这样的日期`)
    return undefined
  }
  for (const pattern of DATE_PATTERNS) {
    const match = pattern.exec(text)
    if (!match) continue
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
    const date = new Date(Date.UTC(year, month - 1, day))
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return isoDay(year, month, day)
    errors.push(`${name}“${text}”不是存在的日期，请核对`)
    return undefined
  }
  errors.push(`${name}“${textOf(value)}”不是日期：请写成 1985-03-12 这样的日期`)
  return undefined
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')
const isoDay = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`

/** A cell value as trimmed text: numbers as Excel shows them unformatted (so 工号 20010001 stored as a number reads fine). */
/** A cell's value as the text a person typed, trimmed ('' for an empty cell). */
export function textOf(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value.toFixed(0) : String(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)
  if ('richText' in value) return value.richText.map((run) => run.text).join('').trim()
  if ('text' in value && typeof value.text === 'string') return value.text.trim()
  if ('error' in value) return String(value.error)
  if ('result' in value && value.result !== undefined) return textOf(value.result as ExcelJS.CellValue)
  return ''
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

/** The roster as an .xlsx file with the template's columns; `readRoster` reads it back to the same members. */
export async function writeRoster(members: readonly RosterMember[], units: readonly RosterUnit[]): Promise<Buffer> {
  const unitNames = new Map(units.map((unit) => [unit._id, unit.name]))
  const { workbook, sheet } = newRosterSheet(units, members.length)
  for (const member of members) sheet.addRow(rowValues(member, unitNames))
  return workbookBuffer(workbook)
}

/**
 * The file to download and fill in: the headers (each with a note saying what to write), one valid example row,
 * drop-down lists for the fixed choices. One sheet only, so it imports as it is.
 */
export async function rosterTemplate(units: readonly RosterUnit[]): Promise<Buffer> {
  const { workbook, sheet } = newRosterSheet(units, 0)
  const unitName = units[0]?.name ?? '文学院分工会'
  sheet.addRow({
    staffNo: '20240001',
    name: '张三',
    gender: GENDER_TEXT.male,
    birthDate: '1985-03-12',
    unitId: unitName,
    phone: '13800138000',
    status: STATUS_TEXT.active,
    memberSince: '2010-09-01',
    duesPaid: DUES_TEXT.paid,
  } satisfies Record<RosterField, string>)
  const unitList = listWithin(units.map((unit) => unit.name), 300)
  const notes: Record<RosterField, string> = {
    staffNo:
      '必填，每人唯一：导入时按工号找到同一人。4 到 20 位字母或数字。\n第 2 行是示例，导入前请改成真实人员或删除。\n' +
      '只保留这一个工作表；不要合并单元格、不要用公式、不要改动表头。',
    name: `必填，不超过 ${NAME_MAX} 个字。`,
    gender: '填“男”或“女”。',
    birthDate: '日期，如 1985-03-12；也可写 1985/3/12、1985.3.12，或用 Excel 的日期格式。',
    unitId: `填分工会名称，或其所属的学院、部门名称。可填：${unitList}`,
    phone: '1 开头的 11 位数字。会员绑定小程序时要核对手机号后四位。',
    status: '填“在职”“退休”或“离校”。',
    memberSince: '加入工会的日期，如 2010-09-01。',
    duesPaid: '填“已缴”或“未缴”。',
  }
  ROSTER_COLUMNS.forEach(({ field }, index) => {
    sheet.getRow(1).getCell(index + 1).note = notes[field]
  })
  return workbookBuffer(workbook)
}

function newRosterSheet(units: readonly RosterUnit[], rowCount: number): { workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet } {
  const workbook = newWorkbook()
  const sheet = headedSheet(
    workbook,
    SHEET_NAME,
    ROSTER_COLUMNS.map(({ field, header }) => ({
      header,
      key: field,
      width: COLUMN_WIDTHS[field],
      // 工号 and 手机号 as text, so Excel keeps leading zeros and never shows 1.38E+10.
      style: field === 'staffNo' || field === 'phone' ? { numFmt: '@' } : {},
    })),
  )

  // Drop-down lists for the fixed choices, down to the last row one import may hold.
  const last = Math.max(rowCount, ROSTER_MAX_ROWS) + 1
  const column = (field: RosterField) => sheet.getColumn(field).letter
  const list = (field: RosterField, options: string[], strict: boolean) => {
    const formula = `"${options.join(',')}"`
    // Excel caps a list written inline at 255 characters; an empty list would be an invalid file.
    if (options.length === 0 || formula.length > 255) return
    validations(sheet).add(`${column(field)}2:${column(field)}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: strict,
      errorStyle: 'stop',
      errorTitle: `${label(field)}不对`,
      error: `请从下拉列表中选择${label(field)}`,
    })
  }
  list('gender', Object.values(GENDER_TEXT), true)
  list('status', Object.values(STATUS_TEXT), true)
  list('duesPaid', Object.values(DUES_TEXT), true)
  // Departments are accepted too, so the unit list only helps and never refuses.
  list('unitId', units.map((unit) => unit.name.replace(/,/g, '，')), false)
  return { workbook, sheet }
}

/** exceljs 4.4 keeps range validations in `worksheet.dataValidations` (one entry per range) but leaves it out of its types. */
function validations(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations
}

function rowValues(member: RosterMember, unitNames: ReadonlyMap<string, string>): Record<RosterField, string> {
  return {
    staffNo: member.staffNo,
    name: member.name,
    gender: GENDER_TEXT[member.gender],
    birthDate: member.birthDate,
    // A member of a unit that no longer exists keeps its id, so the gap shows (re-importing names the row).
    unitId: unitNames.get(member.unitId) ?? member.unitId,
    phone: member.phone,
    status: STATUS_TEXT[member.status],
    memberSince: member.memberSince,
    duesPaid: member.duesPaid ? DUES_TEXT.paid : DUES_TEXT.unpaid,
  }
}

function listWithin(names: string[], max: number): string {
  let out = ''
  for (const name of names) {
    const next = out === '' ? name : `${out}、${name}`
    if (next.length > max) return `${out} 等 ${names.length} 个分工会`
    out = next
  }
  return out
}


/**
 * A congress session's delegate list (代表名单) as an Excel file: 工号, 姓名, 代表团, a row per delegate. Read with
 * the roster's file checks (cloudfunctions/exports/roster/rosterFile.ts); the file's problems throw, each row's go to
 * `errors` with its Excel row number. Also the file to download: the session's list as it stands, to edit and import.
 */
import { DELEGATION_NAME_MAX } from '../../types/exports'
import { headedSheet, newWorkbook, workbookBuffer } from './workbook'
import { loadSingleSheet, RosterFileError, textOf } from './roster/rosterFile'

/** Rows one list may hold: a congress has a few hundred delegates. */
export const DELEGATES_MAX_ROWS = 2000

const COLUMNS = [
  { header: '工号', key: 'staffNo', width: 14 },
  { header: '姓名', key: 'name', width: 12 },
  { header: '代表团', key: 'delegation', width: 20 },
] as const

type Field = (typeof COLUMNS)[number]['key']

export interface DelegateRow {
  row: number
  staffNo: string
  name: string
  delegation: string
}

export interface DelegatesRead {
  rows: DelegateRow[]
  errors: { row: number; message: string }[]
}

export async function readDelegates(file: Buffer): Promise<DelegatesRead> {
  const sheet = await loadSingleSheet(file)
  const columns = new Map<Field, number>()
  sheet.getRow(1).eachCell((cell, column) => {
    const header = textOf(cell.value).replace(/\s+/g, '')
    const known = COLUMNS.find((candidate) => candidate.header === header)
    if (known && !columns.has(known.key)) columns.set(known.key, column)
  })
  const missing = COLUMNS.filter((column) => !columns.has(column.key)).map((column) => `“${column.header}”`)
  if (missing.length) throw new RosterFileError(`表头缺少 ${missing.join('、')}：第一行应为 工号、姓名、代表团，请使用下载的代表名单填写`)

  const read: DelegatesRead = { rows: [], errors: [] }
  const firstRowOf = new Map<string, number>()
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return
    const [staffNo, name, delegation] = COLUMNS.map((column) => textOf(row.getCell(columns.get(column.key)!).value))
    if (!staffNo && !name && !delegation) return
    const problems: string[] = []
    if (!staffNo) problems.push('缺少工号')
    if (!name) problems.push('缺少姓名')
    if (!delegation) problems.push('缺少代表团')
    else if (delegation.length > DELEGATION_NAME_MAX) problems.push(`代表团名称不能超过 ${DELEGATION_NAME_MAX} 个字`)
    const first = staffNo ? firstRowOf.get(staffNo) : undefined
    if (first !== undefined) problems.push(`工号“${staffNo}”与第 ${first} 行重复：每位代表只能有一行`)
    else if (staffNo) firstRowOf.set(staffNo, rowNumber)
    if (problems.length) for (const message of problems) read.errors.push({ row: rowNumber, message })
    else read.rows.push({ row: rowNumber, staffNo, name, delegation })
  })
  const count = read.rows.length + new Set(read.errors.map((error) => error.row)).size
  if (count === 0) throw new RosterFileError('表格中没有数据行：请在表头下方逐行填写代表的工号、姓名和代表团')
  if (count > DELEGATES_MAX_ROWS) throw new RosterFileError(`表格共有 ${count} 行数据，一届代表最多 ${DELEGATES_MAX_ROWS} 人`)
  return read
}

/** The session's list as a file: its delegates as they stand (or an example row, for a session with none yet). */
export async function delegatesWorkbook(rows: readonly Omit<DelegateRow, 'row'>[]): Promise<Buffer> {
  const workbook = newWorkbook()
  const sheet = headedSheet(workbook, '代表名单', COLUMNS.map((column) => ({ ...column })))
  for (const row of rows.length ? rows : [{ staffNo: '200001', name: '张三', delegation: '人文社科代表团' }]) sheet.addRow(row)
  return workbookBuffer(workbook)
}

/**
 * The `exports` function's roster actions over the seeded demo union: the template and the export as signed download links, preview
 * (what an import would change, changing nothing), apply (in all-or-nothing chunks, resumable, idempotent, never
 * deleting anyone), every
 * kind of bad file, and who may do any of it. The .xlsx fixtures are built here with exceljs.
 */
import ExcelJS from 'exceljs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MemberDoc } from '../../cloudfunctions/core/collections'
import { LocalFileStore } from '../../cloudfunctions/core/files/local'
import { DOWNLOAD_LINK_SECONDS } from '../../cloudfunctions/core/files/port'
import type { Store, Transaction } from '../../cloudfunctions/core/store/port'
import { continueImport, storeImport } from '../../cloudfunctions/exports/roster/applyImport'
import { readRoster } from '../../cloudfunctions/exports/roster/rosterFile'
import { planImport, type RosterMember } from '../../cloudfunctions/exports/roster/rosterPlan'
import { demoMembers, demoUnits } from '../../scripts/seed/demoUnion'
import type { RosterApplied, RosterPreview } from '../../types/roster'
import { NOW, PEOPLE, VALID_PAYLOADS, callAs, download, expectFailure, expectOk, later, memberEdit, seededStore, send, snapshot, testFiles, type Who, type TestStore, runJob } from './harness'

/**
 * Every collection but `files`: reading an upload or making a file records it for deletion within the hour
 * (fileRetention.test.ts), which is housekeeping, not a change to the roster.
 */
async function dataOf(store: Store) {
  const { files: _kept, ...data } = await snapshot(store)
  return data
}

let store: TestStore

beforeEach(async () => {
  store = await seededStore()
})

afterEach(() => store.close())

// ---------------------------------------------------------------------------------------------------------------
// Fixtures: roster files as a person fills them in, in the words the template uses

const HEADERS = ['工号', '姓名', '性别', '出生日期', '所在单位', '手机号', '人员状态', '入会时间', '会费状态'] as const
type Header = (typeof HEADERS)[number]
type Cell = ExcelJS.CellValue
type RowEdit = Partial<Record<Header, Cell>>

const DEMO = new Map(demoMembers(NOW).map((member) => [member._id, member]))
const demo = (id: string): MemberDoc => DEMO.get(id)!
const UNIT_NAMES = new Map(demoUnits().map((unit) => [unit._id, unit.name]))
const GENDER_WORDS = { male: '男', female: '女' } as const
const STATUS_WORDS = { active: '在职', retired: '退休', left: '离校' } as const

/** A member as one row of the file, in column order, with `edit` applied by header. */
function rowOf(member: RosterMember, edit: RowEdit = {}): Cell[] {
  const cells: Record<Header, Cell> = {
    工号: member.staffNo,
    姓名: member.name,
    性别: GENDER_WORDS[member.gender],
    出生日期: member.birthDate,
    所在单位: UNIT_NAMES.get(member.unitId)!,
    手机号: member.phone,
    人员状态: STATUS_WORDS[member.status],
    入会时间: member.memberSince,
    会费状态: member.duesPaid ? '已缴' : '未缴',
    ...edit,
  }
  return HEADERS.map((header) => cells[header])
}

/** Someone the demo union does not have. The file names their unit by a department (人事处 → 机关第二分工会). */
const NEWCOMER: RosterMember = {
  staffNo: '300002',
  name: '韩雪梅',
  gender: 'female',
  birthDate: '1993-06-08',
  unitId: 'unit02',
  phone: '13612345678',
  status: 'active',
  memberSince: '2025-09-01',
  duesPaid: false,
}
const newcomerRow = (edit: RowEdit = {}) => rowOf(NEWCOMER, { 所在单位: '人事处', ...edit })

/** Every demo member's row (the whole roster as seeded) but `without`, each with its edit from `edits`. */
function wholeRoster({ without = [], edits = {} }: { without?: string[]; edits?: Record<string, RowEdit> } = {}): Cell[][] {
  return [...DEMO.values()].filter((member) => !without.includes(member._id)).map((member) => rowOf(member, edits[member._id]))
}

interface BookOptions {
  headers?: readonly Cell[]
  rows?: Cell[][]
  edit?: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void
}

async function book({ headers = HEADERS, rows = [newcomerRow()], edit }: BookOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('名册')
  sheet.addRow([...headers])
  for (const values of rows) sheet.addRow(values)
  edit?.(sheet, workbook)
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
}

/** Puts a file where an upload would put it; answers its file id. */
async function upload(file: Buffer | Promise<Buffer>, fileName = '会员名册.xlsx'): Promise<string> {
  return testFiles.save(fileName, await file)
}

// ---------------------------------------------------------------------------------------------------------------
// Calls

const OFFICE = PEOPLE.office
/** A plan id of the right shape that no preview answered. */
const MADE_UP_PLAN = '0123456789abcdef'

const preview = (fileId: string, full = false, who: Who = OFFICE) => callAs(store, 'exports', who, 'rosterPreview', { fileId, full })
const apply = (fileId: string, full: boolean, planId: string, who: Who = OFFICE) => callAs(store, 'exports', who, 'rosterApply', { fileId, full, planId })

/** Previews the file, then applies that preview: what the import screen does. */
async function importFile(fileId: string, full: boolean): Promise<{ previewed: RosterPreview; applied: RosterApplied }> {
  const previewed = expectOk(await preview(fileId, full))
  return { previewed, applied: expectOk(await apply(fileId, full, previewed.planId)) }
}

const auditOf = (action: 'members.import' | 'members.export') => store.find('auditLog', { action }, { sort: { at: 1 } })
const memberByStaffNo = async (staffNo: string) => (await store.find('members', { staffNo }))[0]

/** The rows of a workbook's only sheet as their cell values (row 1 is the header). */
async function sheetRows(data: Buffer): Promise<Cell[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer)
  expect(workbook.worksheets).toHaveLength(1)
  const rows: Cell[][] = []
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as Cell[]).slice(1)))
  return rows
}

const SIGNED_LINK = /^\/files\/[0-9a-f]{32}\?expires=\d+&sig=[\w-]+$/

// ---------------------------------------------------------------------------------------------------------------

describe('template', () => {
  it('is a signed link to one sheet with the nine headers and an example row; it changes nothing', async () => {
    const before = await dataOf(store)
    const link = expectOk(await callAs(store, 'exports', OFFICE, 'rosterTemplate'))
    expect(link).toEqual({ url: expect.stringMatching(SIGNED_LINK), fileName: '会员名册模板.xlsx' })
    const file = await download(link)
    expect(file?.fileName).toBe('会员名册模板.xlsx')
    const rows = await sheetRows(file!.data)
    expect(rows[0]).toEqual(HEADERS)
    expect(rows).toHaveLength(2)
    expect(await dataOf(store)).toEqual(before)
  })

  it('imports as it is: its example row previews as one person to add, in the first unit', async () => {
    const template = await download(expectOk(await callAs(store, 'exports', OFFICE, 'rosterTemplate')))
    const previewed = expectOk(await preview(await upload(template!.data)))
    expect(previewed.counts).toEqual({ add: 1, update: 0, unchanged: 0, markLeft: 0, errors: 0 })
    expect(previewed.add).toEqual([{ staffNo: '20240001', name: '张三', unitName: '机关第一分工会' }])
  })
})

describe('export', () => {
  const exportAs = (payload?: unknown, options?: { files?: LocalFileStore }) => callAs(store, 'exports', OFFICE, 'roster', payload, options)

  it('lists every member still on the roster with full values, and writes one members.export entry', async () => {
    await store.update('members', { _id: 'm0299' }, { $set: { status: 'left' } })
    const link = expectOk(await exportAs())
    expect(link).toEqual({ url: expect.stringMatching(SIGNED_LINK), fileName: '会员名册-全部分工会-20261120.xlsx' })
    const rows = await sheetRows((await download(link))!.data)

    const onRoster = (await store.find('members', {}, { sort: { staffNo: 1 } })).filter((member) => member.status !== 'left')
    expect(onRoster).toHaveLength(299)
    expect(rows).toEqual([[...HEADERS], ...onRoster.map((member) => rowOf(member))])
    // Full values, not the masked ones lists show.
    expect(rows).toContainEqual(['200058', '邵文', '男', '1998-10-09', '后勤保障分工会', '15531809151', '在职', '2025-09-01', '未缴'])
    expect(rows.flat().join()).not.toContain('*')

    expect(await auditOf('members.export')).toEqual([
      {
        _id: expect.any(String),
        at: NOW.toISOString(),
        actorId: OFFICE,
        actorName: '周建华',
        action: 'members.export',
        targetType: 'roster',
        targetId: 'all',
        target: '会员名册（全部分工会）',
        after: { 导出人数: 299 },
      },
    ])
  })

  it('lists one unit’s members with unitId, named after the unit', async () => {
    const link = expectOk(await exportAs({ unitId: 'unit05' }))
    expect(link.fileName).toBe('会员名册-文学院分工会-20261120.xlsx')
    const rows = await sheetRows((await download(link))!.data)
    const unitMembers = await store.find('members', { unitId: 'unit05' }, { sort: { staffNo: 1 } })
    expect(unitMembers.length).toBeGreaterThan(10)
    expect(rows.slice(1)).toEqual(unitMembers.map((member) => rowOf(member)))
    expect(await auditOf('members.export')).toEqual([
      expect.objectContaining({ targetId: 'unit05', target: '会员名册（文学院分工会）', after: { 导出人数: unitMembers.length } }),
    ])
  })

  it('reads back as the same roster: importing the export changes nothing', async () => {
    const exported = (await download(expectOk(await exportAs())))!.data
    const previewed = expectOk(await preview(await upload(exported), true))
    expect(previewed.counts).toEqual({ add: 0, update: 0, unchanged: 300, markLeft: 0, errors: 0 })
  })

  it('refuses a unit that does not exist: INVALID_INPUT, nothing written', async () => {
    const before = await dataOf(store)
    const failure = expectFailure(await exportAs({ unitId: 'unit99' }), 'INVALID_INPUT')
    expect(failure.message).toBe('所选分工会不存在，请重新选择')
    expect(await dataOf(store)).toEqual(before)
  })

  it('hands out a link that stops working after ten minutes and opens only with its own signature', async () => {
    let clock = NOW.getTime()
    const files = new LocalFileStore(mkdtempSync(join(tmpdir(), 'jiaogong-links-')), 'link-secret', () => clock)
    const link = expectOk(await exportAs({}, { files }))
    const url = new URL(link.url, 'http://host')
    const withParam = (name: string, value: string) => {
      const changed = new URL(url)
      changed.searchParams.set(name, value)
      return { ...link, url: changed.pathname + changed.search }
    }
    const sig = url.searchParams.get('sig')!
    const expires = Number(url.searchParams.get('expires'))
    expect(expires).toBe(NOW.getTime() + DOWNLOAD_LINK_SECONDS * 1000)

    expect(await download(link, files)).toMatchObject({ fileName: link.fileName })
    expect(await download(withParam('sig', sig.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))), files)).toBeNull()
    expect(await download(withParam('expires', String(expires + 60_000)), files)).toBeNull()

    clock = expires
    expect(await download(link, files)).not.toBeNull()
    clock = expires + 1
    expect(await download(link, files)).toBeNull()
  })
})

describe('preview', () => {
  /**
   * A file with something of everything: the caller (row 2) and 邵文 (row 3) as stored, 廖月佳 (row 4) moved to
   * 文学院 with a new phone and dues unpaid, a newcomer (row 5), 郭璐 with an impossible birth date (row 6), someone
   * in a unit that does not exist (row 7), and 邵文's 工号 again (row 8).
   */
  const mixedFile = () =>
    book({
      rows: [
        rowOf(demo(OFFICE)),
        rowOf(demo('m0058')),
        rowOf(demo('m0019'), { 所在单位: '文学院', 手机号: '13900001111', 会费状态: '未缴' }),
        newcomerRow(),
        rowOf(demo('m0300'), { 出生日期: '1965-02-30' }),
        newcomerRow({ 工号: '300003', 姓名: '孔明', 所在单位: '火星学院' }),
        rowOf(demo('m0058'), { 姓名: '邵武' }),
      ],
    })

  const MIXED_LISTS = {
    add: [{ staffNo: '300002', name: '韩雪梅', unitName: '机关第二分工会' }],
    update: [
      {
        staffNo: '200019',
        name: '廖月佳',
        changes: [
          { label: '所在单位', before: '机关第一分工会', after: '文学院分工会' },
          { label: '手机号', before: '15503373205', after: '13900001111' },
          { label: '会费状态', before: '已缴', after: '未缴' },
        ],
      },
    ],
    errors: [
      { row: 6, message: '出生日期“1965-02-30”不是存在的日期，请核对' },
      { row: 7, message: '所在单位“火星学院”不存在：请填分工会名称（如“机关第一分工会”）或其所属部门' },
      { row: 8, message: '工号“200058”与第 3 行重复：同一人只能有一行' },
    ],
  }

  it('of a partial import: adds, updates field by field in Chinese, unchanged, errors by row; no one leaves; nothing changed', async () => {
    const fileId = await upload(mixedFile())
    const before = await dataOf(store)
    const previewed = expectOk(await preview(fileId, false))
    expect(previewed).toEqual({
      planId: expect.stringMatching(/^[0-9a-f]{16}$/),
      full: false,
      counts: { add: 1, update: 1, unchanged: 2, markLeft: 0, errors: 3 },
      markLeft: [],
      ...MIXED_LISTS,
    })
    expect(await dataOf(store)).toEqual(before)
  })

  it('of a full import: also lists who would be marked 离校 (at most 200 shown), never someone whose row has an error', async () => {
    const fileId = await upload(mixedFile())
    const before = await dataOf(store)
    const partial = expectOk(await preview(fileId, false))
    const full = expectOk(await preview(fileId, true))
    // In the file: the caller, 邵文, 廖月佳 and 郭璐 (whose row has an error); everyone else would leave.
    expect(full).toMatchObject({ full: true, counts: { add: 1, update: 1, unchanged: 2, markLeft: 296, errors: 3 }, ...MIXED_LISTS })
    expect(full.planId).not.toBe(partial.planId)
    expect(full.markLeft).toHaveLength(200)
    expect(full.markLeft[0]).toEqual({ staffNo: '100002', name: '沈丽萍', unitName: '机关第一分工会' })
    const leaving = full.markLeft.map((person) => person.staffNo)
    for (const staying of ['100001', '200058', '200019', '200300']) expect(leaving).not.toContain(staying)
    expect(await dataOf(store)).toEqual(before)
  })

  it('gives the same plan id for the same file and roster, so apply knows it is what was previewed', async () => {
    const fileId = await upload(mixedFile())
    const first = expectOk(await preview(fileId))
    const again = expectOk(await preview(await upload(mixedFile(), '另一个名字.xlsx')))
    expect(again.planId).toBe(first.planId)
  })
})

describe('files the import refuses as a whole: INVALID_INPUT in Chinese, nothing changed', () => {
  const withRows = (rows: Cell[][]) => book({ rows })
  const threePeople = [newcomerRow(), newcomerRow({ 工号: '300003' }), newcomerRow({ 工号: '300004' })]
  const BAD_FILES: [string, () => Buffer | Promise<Buffer>, string | RegExp][] = [
    ['an empty file', () => Buffer.alloc(0), '文件是空的（0 字节）：请重新选择文件'],
    ['a text file', () => Buffer.from('工号,姓名\n300002,韩雪梅\n'), /^文件不是 Excel 工作簿（\.xlsx）：请在 Excel 或 WPS 中“另存为”/],
    ['a PDF', () => Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n'), /^文件不是 Excel 工作簿（\.xlsx）/],
    ['an old .xls workbook', () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)]), /旧版 Excel（\.xls）.*另存为/],
    [
      'a 20 MB file',
      () => Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(20 * 1024 * 1024 - 4)]),
      '文件有 20.0 MB，超过了 5 MB 的上限：请删除图片和多余的工作表、只保留名册数据后再导入',
    ],
    [
      'a sheet with missing columns',
      () => book({ headers: HEADERS.filter((header) => header !== '手机号' && header !== '会费状态'), rows: [['300002', '韩雪梅']] }),
      /^表头不对：缺少列 “手机号”、“会费状态”。第 1 行的列名应为 工号、姓名、性别/,
    ],
    [
      'a renamed column',
      () => book({ headers: HEADERS.map((header) => (header === '手机号' ? '联系电话' : header)) }),
      '表头不对：缺少列 “手机号”；有无法识别的列 “联系电话”（F1）',
    ],
    ['a sheet without its header row', () => book({ headers: [] }), /^第 1 行应为表头（工号、姓名/],
    ['headers and no data', () => withRows([]), /^表格中没有数据行/],
    [
      'a formula',
      () => withRows([newcomerRow({ 手机号: { formula: '"136"&"12345678"', result: '13612345678' } })]),
      '表格中有公式（单元格 F2）：请将公式转换为数值后再导入',
    ],
    ['merged cells', () => book({ rows: threePeople, edit: (sheet) => sheet.mergeCells('E2:E4') }), '表格中有合并单元格（E2:E4）：请取消合并单元格'],
    ['a second sheet', () => book({ edit: (_sheet, workbook) => workbook.addWorksheet('说明') }), '文件只能有一个工作表，现在有 2 个：“名册”、“说明”'],
    [
      'a hidden second sheet',
      () => book({ edit: (_sheet, workbook) => (workbook.addWorksheet('字典').state = 'hidden') }),
      '文件只能有一个工作表，现在有 2 个：“名册”、“字典”（隐藏）。请删除名册以外的工作表（包括隐藏的）后再导入',
    ],
  ]

  it.each(BAD_FILES)('%s', async (_what, file, message) => {
    const fileId = await upload(file())
    const before = await dataOf(store)
    for (const full of [false, true]) {
      for (const result of [await preview(fileId, full), await apply(fileId, full, MADE_UP_PLAN)]) {
        const failure = expectFailure(result, 'INVALID_INPUT')
        expect(failure.message).toMatch(message)
      }
    }
    expect(await dataOf(store)).toEqual(before)
  })

  it.each([
    ['a file id nobody uploaded', 'a'.repeat(32)],
    ['a CloudBase file id on the local host', 'cloud://env-1234.7465-env-1234/rosters/roster.xlsx'],
    ['a path', '../../../etc/passwd'],
  ])('%s → NOT_FOUND, nothing changed', async (_what, fileId) => {
    const before = await dataOf(store)
    for (const result of [await preview(fileId, false), await apply(fileId, true, MADE_UP_PLAN)]) {
      expect(expectFailure(result, 'NOT_FOUND').message).toBe('没有找到上传的名册文件（上传一小时后会被删除）：请重新选择文件')
    }
    expect(await dataOf(store)).toEqual(before)
  })
})

describe('rows with problems: listed in the preview by row; apply refuses the whole file', () => {
  it.each<[string, Cell[][], { row: number; message: string }[]]>([
    ['a 工号 twice', [newcomerRow(), newcomerRow({ 姓名: '韩雪' })], [{ row: 3, message: '工号“300002”与第 2 行重复：同一人只能有一行' }]],
    ['a birth date that does not exist', [newcomerRow({ 出生日期: '1993-13-01' })], [{ row: 2, message: '出生日期“1993-13-01”不是存在的日期，请核对' }]],
    ['a birth date in words', [newcomerRow({ 出生日期: '九三年六月' })], [{ row: 2, message: '出生日期“九三年六月”不是日期：请写成 1985-03-12 这样的日期' }]],
    ['a member-since date tomorrow in Shanghai', [newcomerRow({ 入会时间: '2026-11-21' })], [{ row: 2, message: '入会时间“2026-11-21”晚于今天，请核对' }]],
    [
      'an unknown unit',
      [newcomerRow({ 所在单位: '火星学院' })],
      [{ row: 2, message: '所在单位“火星学院”不存在：请填分工会名称（如“机关第一分工会”）或其所属部门' }],
    ],
    ['no name', [newcomerRow({ 姓名: null })], [{ row: 2, message: '姓名未填写' }]],
    ['a short phone number', [newcomerRow({ 手机号: '1361234567' })], [{ row: 2, message: '手机号“1361234567”不对：应为 1 开头的 11 位数字' }]],
    ['a gender in English', [newcomerRow({ 性别: 'F' })], [{ row: 2, message: '性别应填“男”或“女”，现在是“F”' }]],
    [
      'two problems in one row, beside a good row',
      [rowOf(demo('m0058'), { 手机号: '13900001111' }), newcomerRow({ 人员状态: '调离', 会费状态: '' })],
      [
        { row: 3, message: '人员状态应填“在职”、“退休”或“离校”，现在是“调离”' },
        { row: 3, message: '会费状态未填写：请填“已缴”或“未缴”' },
      ],
    ],
  ])('%s', async (_what, rows, errors) => {
    const fileId = await upload(book({ rows }))
    const before = await dataOf(store)
    const previewed = expectOk(await preview(fileId))
    expect(previewed.errors).toEqual(errors)
    expect(previewed.counts.errors).toBe(errors.length)

    const failure = expectFailure(await apply(fileId, false, previewed.planId), 'INVALID_INPUT')
    expect(failure.message).toBe(`文件中有 ${errors.length} 处错误，没有导入任何数据：请按预览中的提示修改后重新导入`)
    expect(await dataOf(store)).toEqual(before)
  })
})

describe('apply in chunks', () => {
  /** 250 people the demo union does not have: three chunks of writes. */
  const newcomers = (count = 250): RosterMember[] =>
    Array.from({ length: count }, (_, i) => ({ ...NEWCOMER, staffNo: String(400001 + i), name: `新会员${i + 1}`, phone: `136${String(10000000 + i)}` }))
  const newcomersFile = () => book({ rows: newcomers().map((member) => rowOf(member)) })

  /** Starts the import the way apply does, and applies chunks while the clock allows: `chunks` of them. */
  async function applyChunks(fileId: string, chunks: number) {
    const previewed = expectOk(await preview(fileId))
    const actor = (await store.get('members', OFFICE))!
    const plan = planImport(await readRoster((await testFiles.read(fileId))!, demoUnits(), NOW), await store.find('members'), { full: false })
    const record = await storeImport(store, actor, NOW, { planId: previewed.planId, plan, full: false, fileId, summary: { 新增: plan.add.length } })
    let ticks = 0
    // Each chunk reads the clock once before it starts.
    const progress = await continueImport(store, actor, NOW, record, chunks, () => ticks++)
    return { previewed, progress }
  }

  it('applies a chunk per transaction; a call cut off by its time limit answers how far it got, and the next goes on', async () => {
    const fileId = await upload(newcomersFile())
    const { previewed, progress } = await applyChunks(fileId, 1)
    expect(progress).toEqual({ added: 250, updated: 0, markedLeft: 0, unchanged: 0, done: false, applied: 100, total: 250 })
    expect(await store.count('members')).toBe(400)
    expect(await auditOf('members.import')).toEqual([])

    // The app calls again with the same plan: the rest, and the one audit entry.
    expect(expectOk(await apply(fileId, false, previewed.planId))).toEqual({ added: 250, updated: 0, markedLeft: 0, unchanged: 0, done: true, applied: 250, total: 250 })
    expect(await store.count('members')).toBe(550)
    expect(new Set((await store.find('members', { staffNo: { $gte: '400001' } })).map((member) => member.staffNo)).size).toBe(250)
    expect(await auditOf('members.import')).toHaveLength(1)
    expect(await store.count('rosterImportChunks')).toBe(0)
  })

  it('two applies of one plan at once write each chunk once', async () => {
    const fileId = await upload(newcomersFile())
    const previewed = expectOk(await preview(fileId))
    const results = await Promise.all([apply(fileId, false, previewed.planId), apply(fileId, false, previewed.planId)])
    for (const result of results) expect(expectOk(result)).toMatchObject({ done: true, applied: 250 })
    expect(await store.count('members')).toBe(550)
    expect(await auditOf('members.import')).toHaveLength(1)
  })

  it('a member edited between chunks stops the import: CONFLICT saying how far it got, the part written audited', async () => {
    const fileId = await upload(book({ rows: [...newcomers(150).map((member) => rowOf(member)), rowOf(demo('m0019'), { 手机号: '13900001111' })] }))
    const { previewed } = await applyChunks(fileId, 1)
    expectOk(await callAs(store, 'members', PEOPLE.office2, 'updateMember', { memberId: 'm0019', member: memberEdit('m0019', { phone: '13700002222' }) }))

    const failure = expectFailure(await apply(fileId, false, previewed.planId), 'CONFLICT')
    expect(failure.message).toBe('导入途中发现会员名册有了变动（可能有人同时在修改）：151 项中已导入 100 项，其余没有导入。请重新预览，再导入剩下的部分')
    expect(await store.count('members')).toBe(400)
    expect((await store.get('members', 'm0019'))?.phone).toBe('13700002222')
    const [entry] = await auditOf('members.import')
    expect(entry).toMatchObject({ target: '会员名册（部分导入，中途停止）', after: { 新增: 150, 结果: '名册中途有了变动，151 项中导入了 100 项' } })
    // Asked again, it says the same and writes nothing more.
    expect(expectFailure(await apply(fileId, false, previewed.planId), 'CONFLICT').message).toBe(failure.message)
    // A fresh preview shows what is left.
    expect(expectOk(await preview(fileId)).counts).toMatchObject({ add: 50, update: 1 })
  })

  it('the purge job deletes an import’s record and leftover chunks an hour after it started', async () => {
    const fileId = await upload(newcomersFile())
    await applyChunks(fileId, 1)
    const purge = (at: Date) => runJob(store, 'exports', 'purgeFiles', { now: at })
    await purge(later(59 * 60_000))
    expect(await store.count('rosterImports')).toBe(1)
    await purge(later(60 * 60_000))
    expect(await store.count('rosterImports')).toBe(0)
    expect(await store.count('rosterImportChunks')).toBe(0)
  })
})

describe('apply', () => {
  /** The whole roster but 段飞波 and 郭璐, 廖月佳 with a new phone, and the newcomer at the end. */
  const fullRosterFile = () =>
    book({ rows: [...wholeRoster({ without: ['m0299', 'm0300'], edits: { m0019: { 手机号: '13900001111' } } }), newcomerRow()] })

  it('adds, updates and (full) marks missing members 离校, never deleting anyone; one members.import entry', async () => {
    const fileId = await upload(fullRosterFile())
    const before = await dataOf(store)
    const { previewed, applied } = await importFile(fileId, true)
    expect(previewed.counts).toEqual({ add: 1, update: 1, unchanged: 297, markLeft: 2, errors: 0 })
    expect(applied).toEqual({ added: 1, updated: 1, markedLeft: 2, unchanged: 297, done: true, applied: 4, total: 4 })

    const after = await dataOf(store)
    expect(after.members).toHaveLength(301)
    expect(await memberByStaffNo(NEWCOMER.staffNo)).toEqual({ _id: expect.any(String), ...NEWCOMER, roles: [], createdAt: NOW.toISOString() })
    expect(await store.get('members', 'm0019')).toEqual({ ...demo('m0019'), phone: '13900001111' })
    expect(await store.get('members', 'm0299')).toEqual({ ...demo('m0299'), status: 'left' })
    expect(await store.get('members', 'm0300')).toEqual({ ...demo('m0300'), status: 'left' })
    const touched = new Set(['m0019', 'm0299', 'm0300'])
    const untouched = (members: MemberDoc[]) => members.filter((member) => !touched.has(member._id) && member.staffNo !== NEWCOMER.staffNo)
    expect(untouched(after.members)).toEqual(untouched(before.members))
    // Bindings stay: a member marked 离校 is refused by status, and comes back if a later import says 在职.
    expect(after.bindings).toEqual(before.bindings)

    expect(await auditOf('members.import')).toEqual([
      {
        _id: expect.any(String),
        at: NOW.toISOString(),
        actorId: OFFICE,
        actorName: '周建华',
        action: 'members.import',
        targetType: 'roster',
        targetId: fileId,
        target: '会员名册（整体导入）',
        after: {
          导入方式: '整体名册（未列出的会员标为离校）',
          新增: 1,
          更新: 1,
          标为离校: 2,
          无变化: 297,
          明细: ['新增 韩雪梅（300002）', '更新 廖月佳（200019）：手机号 15503373205 → 13900001111', '离校 段飞波（200299）', '离校 郭璐（200300）'].join('\n'),
        },
      },
    ])
  })

  it('of a partial file only adds and updates: members missing from it stay as they were', async () => {
    const fileId = await upload(book({ rows: [newcomerRow(), rowOf(demo('m0058'), { 人员状态: '退休' })] }))
    const { applied } = await importFile(fileId, false)
    expect(applied).toEqual({ added: 1, updated: 1, markedLeft: 0, unchanged: 0, done: true, applied: 2, total: 2 })
    expect(await store.count('members')).toBe(301)
    expect(await store.count('members', { status: 'left' })).toBe(0)
    expect((await store.get('members', 'm0058'))?.status).toBe('retired')
    expect(await auditOf('members.import')).toEqual([
      expect.objectContaining({ target: '会员名册（部分导入）', after: expect.objectContaining({ 导入方式: '部分名册（只新增和更新）', 新增: 1, 更新: 1 }) }),
    ])
  })

  it('is idempotent: the same apply again, or the same file previewed and applied again, changes nothing and audits nothing', async () => {
    const fileId = await upload(fullRosterFile())
    const { previewed, applied: first } = await importFile(fileId, true)
    const imported = await dataOf(store)
    const nothing = { added: 0, updated: 0, markedLeft: 0, unchanged: 299, done: true, applied: 0, total: 0 }

    // A second tap, a retry after a lost answer: the very same request answers what the import did.
    expect(expectOk(await apply(fileId, true, previewed.planId))).toEqual(first)
    // The same file once more, from the start, uploaded again.
    const again = await upload(fullRosterFile())
    const { previewed: second, applied } = await importFile(again, true)
    expect(second.counts).toEqual({ add: 0, update: 0, unchanged: 299, markLeft: 0, errors: 0 })
    expect(applied).toEqual(nothing)

    expect(await dataOf(store)).toEqual(imported)
    expect(await auditOf('members.import')).toHaveLength(1)
  })

  it('refuses a plan previewed before the roster changed: CONFLICT, nothing written; a fresh preview applies', async () => {
    const fileId = await upload(book({ rows: [newcomerRow(), rowOf(demo('m0019'), { 手机号: '13900001111' })] }))
    const stale = expectOk(await preview(fileId))
    // Meanwhile someone edits 廖月佳's record in the app.
    expectOk(await callAs(store, 'members', PEOPLE.office2, 'updateMember', { memberId: 'm0019', member: memberEdit('m0019', { phone: '13700002222' }) }))
    const before = await dataOf(store)

    const failure = expectFailure(await apply(fileId, false, stale.planId), 'CONFLICT')
    expect(failure.message).toBe('预览之后会员名册有了变动（可能有人同时在修改或导入），没有导入任何数据：请重新预览后再导入')
    expect(await dataOf(store)).toEqual(before)
    expect(await memberByStaffNo(NEWCOMER.staffNo)).toBeUndefined()

    const fresh = expectOk(await preview(fileId))
    expect(fresh.update[0].changes).toEqual([{ label: '手机号', before: '13700002222', after: '13900001111' }])
    expect(expectOk(await apply(fileId, false, fresh.planId))).toMatchObject({ added: 1, updated: 1 })
  })

  it.each([
    ['a member it updates is edited', { phone: '13700002222' }, 'm0019'],
    ['a member it marks 离校 is marked 离校 already', { status: 'left' }, 'm0300'],
  ])('refuses (CONFLICT) when %s between its own read and its transaction; nothing written', async (_what, edit, memberId) => {
    const fileId = await upload(fullRosterFile())
    const previewed = expectOk(await preview(fileId, true))
    const editing = editingFirstStore(store, () => store.update('members', { _id: memberId }, { $set: edit }))
    const result = await send(editing, 'exports', OFFICE, { action: 'rosterApply', payload: { fileId, full: true, planId: previewed.planId } })
    expect(expectFailure(result, 'CONFLICT').message).toContain('请重新预览后再导入')
    expect(await memberByStaffNo(NEWCOMER.staffNo)).toBeUndefined()
    expect(await auditOf('members.import')).toEqual([])
    expect(await store.get('members', memberId)).toMatchObject(edit)
  })

  it('refuses a plan id previewed for another file, for the other mode, or made up: CONFLICT, nothing written', async () => {
    const fileId = await upload(fullRosterFile())
    const partial = expectOk(await preview(fileId, false))
    const other = expectOk(await preview(await upload(book()), false))
    const before = await dataOf(store)
    for (const planId of [partial.planId, other.planId, MADE_UP_PLAN]) expectFailure(await apply(fileId, true, planId), 'CONFLICT')
    expect(await dataOf(store)).toEqual(before)
  })

  it('writes nothing of a chunk whose transaction fails midway (the audit entry with it); the retry applies it once', async () => {
    const fileId = await upload(fullRosterFile())
    const previewed = expectOk(await preview(fileId, true))
    const before = await dataOf(store)
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const result = await send(failingAuditStore(store), 'exports', OFFICE, { action: 'rosterApply', payload: { fileId, full: true, planId: previewed.planId } })
      expectFailure(result, 'INTERNAL')
      expect(quiet).toHaveBeenCalled()
    } finally {
      quiet.mockRestore()
    }
    const { rosterImports, rosterImportChunks, ...rest } = await dataOf(store)
    const { rosterImports: _none, rosterImportChunks: _nothing, ...unchanged } = before
    expect(rest).toEqual(unchanged)
    expect(rosterImports).toMatchObject([{ _id: previewed.planId, state: 'applying', nextChunk: 0, applied: 0, total: 4 }])
    expect(rosterImportChunks).toHaveLength(1)

    expect(expectOk(await apply(fileId, true, previewed.planId))).toMatchObject({ done: true, applied: 4, total: 4 })
    expect(await store.count('members', { status: 'left' })).toBe(2)
    expect(await auditOf('members.import')).toHaveLength(1)
  })

  it('refuses a full import that would mark the caller 离校: FORBIDDEN, nothing written; another union office member may', async () => {
    const fileId = await upload(book({ rows: wholeRoster({ without: [OFFICE] }) }))
    const before = await dataOf(store)
    const message = '这次导入会把您本人（周建华，100001）设为离校：请在文件中保留您的记录，或请其他校工会管理员导入'
    expect(expectFailure(await preview(fileId, true), 'FORBIDDEN').message).toBe(message)
    expect(expectFailure(await apply(fileId, true, MADE_UP_PLAN), 'FORBIDDEN').message).toBe(message)
    expect(await dataOf(store)).toEqual(before)

    const byColleague = expectOk(await preview(fileId, true, PEOPLE.office2))
    expect(byColleague.markLeft).toEqual([{ staffNo: '100001', name: '周建华', unitName: '机关第一分工会' }])
  })

  it('refuses a file that sets the caller’s own status to 离校, even as a partial import', async () => {
    const fileId = await upload(book({ rows: [rowOf(demo(OFFICE), { 人员状态: '离校' })] }))
    const before = await dataOf(store)
    expectFailure(await preview(fileId, false), 'FORBIDDEN')
    expectFailure(await apply(fileId, false, MADE_UP_PLAN), 'FORBIDDEN')
    expect(await dataOf(store)).toEqual(before)
  })

  it('lets a newly imported member bind with 工号, 姓名 and the last four digits of their phone', async () => {
    await importFile(await upload(book()), false)
    const openid = 'openid-of-the-newcomer'
    const profile = expectOk(
      await callAs(store, 'members', openid, 'bind', { staffNo: NEWCOMER.staffNo, name: NEWCOMER.name, phoneLast4: NEWCOMER.phone.slice(-4) }),
    )
    expect(profile).toMatchObject({ name: '韩雪梅', staffNo: '300002', unitId: 'unit02', unitName: '机关第二分工会', status: 'active', roles: [] })
    expect(expectOk(await callAs(store, 'members', openid, 'me')).id).toBe(profile.id)
  })
})

describe('who may use the roster actions', () => {
  const ACTIONS = ['rosterTemplate', 'roster', 'rosterPreview', 'rosterApply'] as const

  it.each([
    ['a unit admin', PEOPLE.unitAdmin],
    ['an ordinary member', PEOPLE.unit01Member],
  ])('%s gets FORBIDDEN for every action, and nothing changes', async (_who, who) => {
    const before = await dataOf(store)
    for (const action of ACTIONS) {
      const failure = expectFailure(await callAs(store, 'exports', who, action, VALID_PAYLOADS.exports[action]), 'FORBIDDEN')
      expect(failure.message).toBe('仅校工会管理员可以进行此操作')
    }
    expect(await dataOf(store)).toEqual(before)
  })
})

// ---------------------------------------------------------------------------------------------------------------

/** The store with its `transaction` replaced; every other method is the store's own. */
function withTransaction(real: Store, transaction: Store['transaction']): Store {
  return new Proxy(real, {
    get(target, key) {
      if (key === 'transaction') return transaction
      const value: unknown = Reflect.get(target, key)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/** The store, except that `edit` runs just before each transaction: someone's change landing after apply read the roster. */
function editingFirstStore(real: Store, edit: () => Promise<unknown>): Store {
  return withTransaction(real, async <R>(work: (tx: Transaction) => Promise<R>) => {
    await edit()
    return real.transaction(work)
  })
}

/** The store, except that inside a transaction writing the audit entry fails (a full disk, a lost connection). */
function failingAuditStore(real: Store): Store {
  const failing = (tx: Transaction): Transaction => ({
    get: (collection, id) => tx.get(collection, id),
    insert: (collection, doc) => (collection === 'auditLog' ? Promise.reject(new Error('disk I/O error')) : tx.insert(collection, doc)),
    updateById: (collection, id, update) => tx.updateById(collection, id, update),
    removeById: (collection, id) => tx.removeById(collection, id),
  })
  return withTransaction(real, <R>(work: (tx: Transaction) => Promise<R>) => real.transaction((tx) => work(failing(tx))))
}

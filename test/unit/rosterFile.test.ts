/** The roster file: reading (file checks, row checks), writing, the template. Fixtures are built here with exceljs. */
import ExcelJS from 'exceljs'
import {
  readRoster,
  rosterTemplate,
  RosterFileError,
  ROSTER_MAX_ROWS,
  writeRoster,
  type RosterUnit,
} from '../../cloudfunctions/exports/roster/rosterFile'
import { ROSTER_COLUMNS, type RosterMember } from '../../cloudfunctions/exports/roster/rosterPlan'
import { person } from './rosterFixtures'
import { ROSTER_MAX_BYTES, tooLargeMessage } from '../../types/roster'

/** 10:00 on 2026-03-10 in Shanghai. */
const NOW = new Date('2026-03-10T02:00:00.000Z')

const UNITS: RosterUnit[] = [
  { _id: 'unit01', name: '文学院分工会', departments: ['文学院'] },
  { _id: 'unit02', name: '机关第二分工会', departments: ['人事处', ' 财务处 '] },
  { _id: 'unit03', name: '医学院分工会', departments: ['医学院', '校医院'] },
  { _id: 'unit04', name: '后勤保障分工会', departments: ['校医院'] },
]

const HEADERS = ROSTER_COLUMNS.map(({ header }) => header)

type Cell = ExcelJS.CellValue
/** A valid row in template order; override by header. */
function row(overrides: Partial<Record<string, Cell>> = {}): Cell[] {
  const base: Record<string, Cell> = {
    工号: '20010001',
    姓名: '王伟',
    性别: '男',
    出生日期: '1980-05-20',
    所在单位: '文学院分工会',
    手机号: '13800138000',
    人员状态: '在职',
    入会时间: '2005-09-01',
    会费状态: '已缴',
  }
  const merged = { ...base, ...overrides }
  return HEADERS.map((header) => merged[header])
}

interface BookOptions {
  headers?: Cell[]
  rows?: Cell[][]
  edit?: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void
}

async function book({ headers = HEADERS, rows = [row()], edit }: BookOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Sheet1')
  sheet.addRow(headers)
  for (const values of rows) sheet.addRow(values)
  edit?.(sheet, workbook)
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
}

/** A stored (uncompressed) ZIP, its sizes as claimed; CRCs are left 0 because nothing here inflates it. */
function zip(entries: { name: string; data: Buffer; claimedSize?: number }[]): Buffer {
  const locals: Buffer[] = []
  const directory: Buffer[] = []
  let offset = 0
  for (const { name, data, claimedSize = data.length } of entries) {
    const fileName = Buffer.from(name, 'utf8')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(claimedSize, 22)
    local.writeUInt16LE(fileName.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(claimedSize, 24)
    central.writeUInt16LE(fileName.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, fileName, data)
    directory.push(central, fileName)
    offset += local.length + fileName.length + data.length
  }
  const centralBytes = Buffer.concat(directory)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(centralBytes.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, centralBytes, end])
}

const read = (file: Buffer) => readRoster(file, UNITS, NOW)

/** The RosterFileError a file is refused with. */
async function refusal(file: Buffer | Promise<Buffer>): Promise<RosterFileError> {
  try {
    await read(await file)
  } catch (error) {
    expect(error).toBeInstanceOf(RosterFileError)
    expect((error as RosterFileError).code).toBe('INVALID_INPUT')
    return error as RosterFileError
  }
  throw new Error('the file was accepted')
}

/** The messages of the errors of one row. */
async function rowErrors(cells: Cell[]): Promise<string[]> {
  const result = await read(await book({ rows: [cells] }))
  expect(result.rows).toEqual([])
  expect(result.errors.every((error) => error.row === 2)).toBe(true)
  return result.errors.map((error) => error.message)
}

const member = (overrides: Partial<RosterMember> = {}): RosterMember => person('20010001', { name: '王伟', gender: 'male', ...overrides })

describe('readRoster: a good file', () => {
  it('reads every row into a member, by header in any order, with the forms HR files use', async () => {
    const order = ['姓名', '工号', '所在单位', '性别', '出生日期', '手机号', '入会时间', '人员状态', '会费状态']
    const rows: Cell[][] = [
      // Text everywhere, with stray spaces.
      ['  王伟 ', ' 20010001', ' 文学院分工会 ', '男', '1980-05-20', '13800138000 ', '2005-09-01', '在职', '已缴'],
      // 工号 and 手机号 stored as numbers, real Excel date cells, a department instead of the unit name.
      ['李娜', 20010002, '人事处', '女', new Date(Date.UTC(1975, 11, 31)), 13912345678, new Date(Date.UTC(1999, 0, 1)), '退休', '未缴'],
      // An empty line between people is skipped, and row numbers stay Excel's.
      [],
      ['Zhang Min', 'T0003', '财务处', '女', '1990/3/7', '139 1234 5679', '2012.7.1', '离校', '已缴'],
      ['陈静', 'T0004', '医学院', '女', '1988年2月29日', '13912345680', '2010-9-1', '在职', '未缴'],
      // Dates as HR systems export them: YYYYMMDD (text or number), a trailing time, a serial whose format was lost.
      ['周杰', 'T0005', '文学院', '男', 19800520, '13912345681', '2005-09-01 00:00:00', '在职', '已缴'],
      ['吴磊', 'T0006', '文学院', '男', 29361, '13912345682', '20050901', '在职', '已缴'],
    ]
    const file = await book({
      headers: order.map((header, index) => (index === 0 ? ` ${header}\n` : header)),
      rows,
      edit: (sheet) => {
        for (const address of ['E3', 'G3']) sheet.getCell(address).numFmt = 'yyyy-mm-dd'
      },
    })

    const result = await read(file)

    expect(result.errors).toEqual([])
    expect(result.rows).toEqual([
      { row: 2, member: member() },
      {
        row: 3,
        member: member({
          staffNo: '20010002',
          name: '李娜',
          gender: 'female',
          birthDate: '1975-12-31',
          unitId: 'unit02',
          phone: '13912345678',
          status: 'retired',
          memberSince: '1999-01-01',
          duesPaid: false,
        }),
      },
      {
        row: 5,
        member: member({
          staffNo: 'T0003',
          name: 'Zhang Min',
          gender: 'female',
          birthDate: '1990-03-07',
          unitId: 'unit02',
          phone: '13912345679',
          status: 'left',
          memberSince: '2012-07-01',
        }),
      },
      {
        row: 6,
        member: member({
          staffNo: 'T0004',
          name: '陈静',
          gender: 'female',
          birthDate: '1988-02-29',
          unitId: 'unit03',
          phone: '13912345680',
          memberSince: '2010-09-01',
          duesPaid: false,
        }),
      },
      { row: 7, member: member({ staffNo: 'T0005', name: '周杰', phone: '13912345681' }) },
      { row: 8, member: member({ staffNo: 'T0006', name: '吴磊', phone: '13912345682' }) },
    ])
  })

  it('accepts a rich-text cell as its text', async () => {
    const file = await book({ rows: [row({ 姓名: { richText: [{ text: '王', font: { bold: true } }, { text: '伟' }] } })] })
    expect((await read(file)).rows[0].member.name).toBe('王伟')
  })
})

describe('readRoster: files it refuses', () => {
  it('refuses an empty file', async () => {
    expect((await refusal(Buffer.alloc(0))).message).toMatch(/文件是空的.*请重新选择/)
  })

  it('refuses a text file, and a CSV saved with an .xlsx name', async () => {
    expect((await refusal(Buffer.from('工号,姓名\n20010001,王伟\n', 'utf8'))).message).toMatch(/不是 Excel 工作簿（\.xlsx）.*另存为/)
  })

  it('refuses an old .xls (OLE) file, saying to save it as .xlsx', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 7)])
    expect((await refusal(xls)).message).toMatch(/\.xls.*另存为.*\.xlsx/)
  })

  it('refuses random bytes, and a ZIP that is cut short', async () => {
    const random = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 251))
    expect((await refusal(random)).message).toMatch(/不是 Excel 工作簿/)
    const good = await book()
    expect((await refusal(good.subarray(0, Math.floor(good.length / 2)))).message).toMatch(/不是 Excel 工作簿.*损坏/)
  })

  it('refuses a ZIP that is no workbook (a .docx, say)', async () => {
    const docx = zip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: Buffer.from('<w:document/>') }])
    expect((await refusal(docx)).message).toBe(
      '文件不是 Excel 工作簿（.xlsx）：请在 Excel 或 WPS 中“另存为”Excel 工作簿（*.xlsx）后再导入',
    )
  })

  it('refuses a small ZIP that says it expands beyond 100 MB, without inflating it', async () => {
    const bomb = zip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>'), claimedSize: 101 * 1024 * 1024 },
    ])
    expect((await refusal(bomb)).message).toMatch(/解压后过大/)
  })

  it('refuses a ZIP whose entries are garbled', async () => {
    const good = await book()
    const garbled = Buffer.from(good)
    // The middle of the entries, leaving the ZIP's directory at the end intact: exceljs fails to inflate them.
    for (let i = 100; i < garbled.length / 2; i += 3) garbled[i] ^= 0x5a
    expect((await refusal(garbled)).message).toMatch(/不是 Excel 工作簿.*已损坏，无法打开/)
  })

  it('refuses a file over 5 MB before parsing it: a 20 MB file is refused at once', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024)
    big.writeUInt32LE(0x04034b50, 0)
    const started = Date.now()
    const error = await refusal(big)
    expect(Date.now() - started).toBeLessThan(200)
    expect(error.message).toMatch(/20\.0 MB，超过了 5 MB 的上限/)
    expect(ROSTER_MAX_BYTES).toBe(5 * 1024 * 1024)
  })

  it('rounds the size up, so a file one byte over the limit never reads as 5.0 MB', () => {
    expect(tooLargeMessage(ROSTER_MAX_BYTES + 1)).toMatch(/^文件有 5\.1 MB，超过了 5 MB 的上限/)
  })

  it('names each missing column', async () => {
    const headers = HEADERS.filter((header) => header !== '手机号' && header !== '会费状态')
    const error = await refusal(book({ headers, rows: [headers.map(() => 'x')] }))
    expect(error.message).toContain('缺少列 “手机号”、“会费状态”')
  })

  it('names a renamed or unknown column and where it is', async () => {
    const headers = HEADERS.map((header) => (header === '手机号' ? '手机' : header)).concat('备注')
    const error = await refusal(book({ headers }))
    expect(error.message).toContain('缺少列 “手机号”')
    expect(error.message).toContain('无法识别的列 “手机”（F1）、“备注”（J1）')
    expect(error.message).toContain('请不要改动或增加列名')
  })

  it('refuses a column given twice', async () => {
    expect((await refusal(book({ headers: [...HEADERS, '姓名'] }))).message).toContain('列 “姓名” 出现了不止一次')
  })

  it('says row 1 must be the header when it holds none', async () => {
    const error = await refusal(book({ headers: [], rows: [row()] }))
    expect(error.message).toMatch(/第 1 行应为表头（工号、姓名/)
  })

  it('refuses data in a column that has no header', async () => {
    const error = await refusal(book({ rows: [row(), [...row({ 工号: '20010002' }), '多余']] }))
    expect(error.message).toMatch(/没有表头的列中有内容（单元格 J3）/)
  })

  it('refuses a second worksheet, hidden or not, naming them', async () => {
    const visible = await refusal(book({ edit: (_sheet, workbook) => workbook.addWorksheet('说明') }))
    expect(visible.message).toContain('只能有一个工作表')
    expect(visible.message).toContain('“Sheet1”、“说明”')
    const hidden = await refusal(book({ edit: (_sheet, workbook) => (workbook.addWorksheet('字典').state = 'hidden') }))
    expect(hidden.message).toContain('“字典”（隐藏）')
  })

  it('refuses merged cells, naming them', async () => {
    const error = await refusal(book({ rows: [row(), row({ 工号: '20010002' }), row({ 工号: '20010003' })], edit: (sheet) => sheet.mergeCells('E3:E4') }))
    expect(error.message).toContain('表格中有合并单元格（E3:E4）')
    expect(error.message).toContain('请取消合并单元格')
  })

  it('refuses formulas, naming the cell', async () => {
    const rows = [row(), row({ 工号: '20010002' }), row({ 工号: '20010003' }), row({ 工号: '20010004', 性别: { formula: 'C2', result: '男' } })]
    const error = await refusal(book({ rows }))
    expect(error.message).toContain('表格中有公式（单元格 C5）')
    expect(error.message).toContain('请将公式转换为数值后再导入')
  })

  it('lists the first formulas and counts the rest', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => row({ 工号: `2001000${i}`, 手机号: { formula: '"13800138000"', result: '13800138000' } }))
    expect((await refusal(book({ rows }))).message).toContain('表格中有公式（单元格 F2、F3、F4、F5、F6 等 8 处）')
  })

  it('refuses a file with headers and no data rows', async () => {
    expect((await refusal(book({ rows: [] }))).message).toMatch(/没有数据行.*请在表头下方逐行填写/)
    expect((await refusal(book({ rows: [[], ['  ']] }))).message).toMatch(/没有数据行/)
  })

  it(`refuses more than ${ROSTER_MAX_ROWS} rows`, async () => {
    const rows = Array.from({ length: ROSTER_MAX_ROWS + 1 }, (_, i) => row({ 工号: String(30000000 + i) }))
    const error = await refusal(book({ rows }))
    expect(error.message).toContain(`共有 ${ROSTER_MAX_ROWS + 1} 行数据，一次最多导入 ${ROSTER_MAX_ROWS} 行`)
  }, 30_000)
})

describe('readRoster: rows with problems', () => {
  it('requires 工号 and 姓名', async () => {
    expect(await rowErrors(row({ 工号: '', 姓名: null }))).toEqual(['工号未填写', '姓名未填写'])
  })

  it('requires 工号 to be 4 to 20 letters or digits', async () => {
    expect(await rowErrors(row({ 工号: '12' }))).toEqual(['工号“12”不对：应为 4 到 20 位字母或数字'])
    expect(await rowErrors(row({ 工号: '2001-0001' }))).toEqual(['工号“2001-0001”不对：应为 4 到 20 位字母或数字'])
    expect(await rowErrors(row({ 姓名: '欧阳'.repeat(11) }))).toEqual([`姓名“${'欧阳'.repeat(11)}”超过 20 个字`])
  })

  it('reports every duplicate of a 工号 after the first, naming the first row', async () => {
    const rows = [row(), row({ 工号: '20010002' }), row({ 姓名: '王伟伟' }), row({ 工号: 20010002 }), row({ 工号: '20010001', 手机号: '123' })]
    const result = await read(await book({ rows }))
    expect(result.rows.map((line) => line.row)).toEqual([2, 3])
    expect(result.errors).toEqual([
      { row: 4, staffNo: '20010001', message: '工号“20010001”与第 2 行重复：同一人只能有一行' },
      { row: 5, staffNo: '20010002', message: '工号“20010002”与第 3 行重复：同一人只能有一行' },
      { row: 6, staffNo: '20010001', message: '手机号“123”不对：应为 1 开头的 11 位数字' },
      { row: 6, staffNo: '20010001', message: '工号“20010001”与第 2 行重复：同一人只能有一行' },
    ])
  })

  it('requires 性别 to be 男 or 女', async () => {
    expect(await rowErrors(row({ 性别: 'M' }))).toEqual(['性别应填“男”或“女”，现在是“M”'])
    expect(await rowErrors(row({ 性别: '' }))).toEqual(['性别未填写：请填“男”或“女”'])
  })

  it('refuses impossible dates, birth dates before 1900 or after today, and text that is no date', async () => {
    expect(await rowErrors(row({ 出生日期: '2026-02-30' }))).toEqual(['出生日期“2026-02-30”不是存在的日期，请核对'])
    expect(await rowErrors(row({ 出生日期: '1985/13/1' }))).toEqual(['出生日期“1985/13/1”不是存在的日期，请核对'])
    expect(await rowErrors(row({ 出生日期: '1899-12-31' }))).toEqual(['出生日期“1899-12-31”早于 1900 年，请核对'])
    expect(await rowErrors(row({ 出生日期: '2026-03-11', 入会时间: '2026-03-10' }))).toEqual([
      '出生日期“2026-03-11”晚于今天，请核对',
      '入会时间“2026-03-10”早于出生日期，请核对',
    ])
    expect(await rowErrors(row({ 出生日期: '五月' }))).toEqual(['出生日期“五月”不是日期：请写成 1985-03-12 这样的日期'])
    expect(await rowErrors(row({ 出生日期: 1980.5 }))).toEqual(['出生日期“1980.5”不是日期：请写成 1985-03-12 这样的日期'])
    expect(await rowErrors(row({ 出生日期: '19801320' }))).toEqual(['出生日期“19801320”不是存在的日期，请核对'])
    expect(await rowErrors(row({ 出生日期: '1985-3-12-1' }))).toEqual(['出生日期“1985-3-12-1”不是日期：请写成 1985-03-12 这样的日期'])
    expect(await rowErrors(row({ 入会时间: '' }))).toEqual(['入会时间未填写：请写成 1985-03-12 这样的日期'])
    expect(await rowErrors(row({ 入会时间: new Date(Date.UTC(2027, 0, 1)) }))).toEqual(['入会时间“2027-01-01”晚于今天，请核对'])
  })

  it('takes today from the Shanghai calendar', async () => {
    // 2026-03-10T17:00Z is already 2026-03-11 01:00 in Shanghai.
    const file = await book({ rows: [row({ 入会时间: '2026-03-11' })] })
    expect((await readRoster(file, UNITS, new Date('2026-03-10T15:59:00Z'))).errors).toHaveLength(1)
    expect((await readRoster(file, UNITS, new Date('2026-03-10T17:00:00Z'))).errors).toEqual([])
  })

  it('quotes an unknown unit, and refuses a department two units share', async () => {
    expect(await rowErrors(row({ 所在单位: '  数学学院 ' }))).toEqual(['所在单位“数学学院”不存在：请填分工会名称（如“文学院分工会”）或其所属部门'])
    expect(await rowErrors(row({ 所在单位: '校医院' }))).toEqual(['所在单位“校医院”同时属于多个分工会：请改填分工会名称'])
    expect(await rowErrors(row({ 所在单位: '' }))).toEqual(['所在单位未填写：请填分工会名称或其所属部门'])
  })

  it('requires an 11-digit phone number starting with 1', async () => {
    expect(await rowErrors(row({ 手机号: '23800138000' }))).toEqual(['手机号“23800138000”不对：应为 1 开头的 11 位数字'])
    expect(await rowErrors(row({ 手机号: 1380013800 }))).toEqual(['手机号“1380013800”不对：应为 1 开头的 11 位数字'])
    expect(await rowErrors(row({ 手机号: null }))).toEqual(['手机号未填写'])
  })

  it('requires a known 人员状态 and 会费状态', async () => {
    expect(await rowErrors(row({ 人员状态: '调离' }))).toEqual(['人员状态应填“在职”、“退休”或“离校”，现在是“调离”'])
    expect(await rowErrors(row({ 会费状态: '已交' }))).toEqual(['会费状态应填“已缴”或“未缴”，现在是“已交”'])
  })

  it('lists every problem of a row, and keeps good rows beside bad ones', async () => {
    const rows = [row({ 性别: '', 手机号: 'abc', 会费状态: '?' }), row({ 工号: '20010002' })]
    const result = await read(await book({ rows }))
    expect(result.rows.map((line) => line.member.staffNo)).toEqual(['20010002'])
    expect(result.errors).toEqual([
      { row: 2, staffNo: '20010001', message: '性别未填写：请填“男”或“女”' },
      { row: 2, staffNo: '20010001', message: '手机号“abc”不对：应为 1 开头的 11 位数字' },
      { row: 2, staffNo: '20010001', message: '会费状态应填“已缴”或“未缴”，现在是“?”' },
    ])
  })

  it('leaves staffNo out of an error when the 工号 itself is unusable', async () => {
    const result = await read(await book({ rows: [row({ 工号: 'x' })] }))
    expect(result.errors).toEqual([{ row: 2, message: '工号“x”不对：应为 4 到 20 位字母或数字' }])
  })
})

describe('writeRoster', () => {
  const members: RosterMember[] = [
    member(),
    member({ staffNo: '00012', name: '李娜', gender: 'female', birthDate: '1955-01-01', unitId: 'unit02', phone: '13912345678', status: 'retired', memberSince: '1980-02-29', duesPaid: false }),
    member({ staffNo: 'T0003', name: '欧阳晓', unitId: 'unit03', status: 'left', phone: '19900000000' }),
  ]

  it('round-trips: reading what it writes gives the same members', async () => {
    const file = await writeRoster(members, UNITS)
    const result = await read(file)
    expect(result.errors).toEqual([])
    expect(result.rows).toEqual(members.map((m, index) => ({ row: index + 2, member: m })))
  })

  it('writes the template columns in Chinese, the header bold and frozen, with widths', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await writeRoster(members, UNITS)) as unknown as ExcelJS.Buffer)
    expect(workbook.worksheets).toHaveLength(1)
    const sheet = workbook.worksheets[0]
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADERS])
    expect(sheet.getRow(3).values).toEqual([undefined, '00012', '李娜', '女', '1955-01-01', '机关第二分工会', '13912345678', '退休', '1980-02-29', '未缴'])
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    for (let column = 1; column <= HEADERS.length; column++) expect(sheet.getColumn(column).width).toBeGreaterThanOrEqual(8)
  })

  it('writes an empty roster as headers only', async () => {
    await expect(read(await writeRoster([], UNITS))).rejects.toThrow(/没有数据行/)
  })
})

describe('rosterTemplate', () => {
  it('is one sheet with the headers, notes on them and one example row that imports as it is', async () => {
    const file = await rosterTemplate(UNITS)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer)
    expect(workbook.worksheets).toHaveLength(1)
    const header = workbook.worksheets[0].getRow(1)
    expect(header.values).toEqual([undefined, ...HEADERS])
    expect(String(header.getCell(1).note)).toContain('第 2 行是示例')
    expect(String(header.getCell(5).note)).toContain('文学院分工会、机关第二分工会')

    const result = await read(file)
    expect(result.errors).toEqual([])
    expect(result.rows).toEqual([{ row: 2, member: member({ staffNo: '20240001', name: '张三', birthDate: '1985-03-12', memberSince: '2010-09-01' }) }])
  })

  it('reads back with no errors once filled in', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await rosterTemplate(UNITS)) as unknown as ExcelJS.Buffer)
    const sheet = workbook.worksheets[0]
    sheet.getRow(2).values = row({ 工号: '20180007', 姓名: '赵敏', 性别: '女', 所在单位: '医学院' })
    sheet.addRow(row({ 工号: '20180008', 出生日期: new Date(Date.UTC(1979, 6, 1)), 所在单位: '人事处', 会费状态: '未缴' }))
    const filled = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer)

    const result = await read(filled)
    expect(result.errors).toEqual([])
    expect(result.rows.map(({ row: at, member: m }) => [at, m.staffNo, m.unitId, m.birthDate, m.duesPaid])).toEqual([
      [2, '20180007', 'unit03', '1980-05-20', true],
      [3, '20180008', 'unit02', '1979-07-01', false],
    ])
  })

  it('still works without units', async () => {
    const file = await rosterTemplate([])
    await expect(readRoster(file, [], NOW)).resolves.toMatchObject({ rows: [], errors: [{ row: 2, message: expect.stringContaining('所在单位“文学院分工会”不存在') }] })
  })
})

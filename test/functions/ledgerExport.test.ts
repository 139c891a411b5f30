/**
 * 福利台账's Excel file (`exports.ledger`) over the seeded demo union: four payouts of 2025 (a year the seed leaves
 * empty) to three members of two units, written here by hand, and the file read back cell by cell: 明细 with each
 * payout's approval and receipt, oldest first; 汇总 with the totals per kind, per unit and in all. A unit admin gets
 * their own unit's and nothing of another's; every export is audited.
 */
import ExcelJS from 'exceljs'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BenefitPayoutDoc } from '../../cloudfunctions/core/collections'
import { LocalFileStore } from '../../cloudfunctions/core/files/local'
import type { DownloadLink } from '../../types/exports'
import { NOW, PEOPLE, callAs, download, expectFailure, expectOk, seededStore, snapshot, type TestStore } from './harness'

let store: TestStore
/** This file's own file store, so a test can see that nothing was written to it. */
let files: LocalFileStore
let filesDir: string

/** A payout of 2025 (a policy's source is not in the file), with what differs from one to the next. */
function payout(fields: Pick<BenefitPayoutDoc, '_id' | 'memberId' | 'memberName' | 'staffNo' | 'unitId' | 'kind' | 'item' | 'amountFen' | 'form' | 'issuedAt' | 'approvalRef' | 'approverName'> & Partial<BenefitPayoutDoc>): BenefitPayoutDoc {
  return { year: 2025, source: { type: 'birthday', policyAt: fields.issuedAt }, approverId: PEOPLE.office, handout: { kind: 'unit' }, ...fields }
}

const PAYOUTS: BenefitPayoutDoc[] = [
  payout({
    _id: 'test-2025-hospital-m0006',
    memberId: 'm0006',
    memberName: '田博平',
    staffNo: '200006',
    unitId: 'unit05',
    kind: 'hospitalization',
    item: '住院慰问金',
    amountFen: 80_000,
    form: 'cash',
    issuedAt: '2025-03-10T02:00:00.000Z',
    approvalRef: '校工会〔2025〕3号 住院慰问审批',
    approverName: '周建华',
    receivedAt: '2025-03-12T01:30:00.000Z',
    receivedById: 'm0006',
    receivedByName: '田博平',
  }),
  payout({
    _id: 'test-2025-dragonBoat-m0028-1',
    memberId: 'm0028',
    memberName: '唐霞',
    staffNo: '200028',
    unitId: 'unit05',
    kind: 'festival',
    item: '粽子礼盒',
    amountFen: 15_000,
    form: 'inKind',
    issuedAt: '2025-05-27T02:00:00.000Z',
    approvalRef: '2025 年端午节日慰问',
    approverName: '周建华',
    receivedAt: '2025-05-30T08:00:00.000Z',
    receivedById: PEOPLE.unitAdmin,
    receivedByName: '胡静',
  }),
  payout({
    _id: 'test-2025-dragonBoat-m0028-2',
    memberId: 'm0028',
    memberName: '唐霞',
    staffNo: '200028',
    unitId: 'unit05',
    kind: 'festival',
    item: '水果券',
    amountFen: 5055,
    form: 'voucher',
    issuedAt: '2025-05-27T02:00:00.000Z',
    approvalRef: '2025 年端午节日慰问',
    approverName: '周建华',
  }),
  payout({
    _id: 'test-2025-hardship-m0019',
    memberId: PEOPLE.unit01Member,
    memberName: '廖月佳',
    staffNo: '200019',
    unitId: 'unit01',
    kind: 'hardship',
    item: '困难帮扶金',
    amountFen: 123_456,
    form: 'cash',
    issuedAt: '2025-01-15T06:20:00.000Z',
    approvalRef: '校工会〔2025〕1号',
    approverName: '沈丽萍',
  }),
]

const DETAIL_HEADER = ['姓名', '工号', '分工会', '类别', '项目', '金额（元）', '形式', '发放时间', '审批依据', '审批人', '领取状态', '领取时间', '确认人']
const SUMMARY_HEADER = ['汇总方式', '名称', '笔数', '金额（元）', '已领取', '预算（元）', '预算余额（元）']

/** The four payouts as 明细 lists them: oldest first (the two gifts of one day in their ids' order), in Shanghai time. */
const HARDSHIP = ['廖月佳', '200019', '机关第一分工会', '困难帮扶', '困难帮扶金', 1234.56, '慰问金', '2025-01-15 14:20', '校工会〔2025〕1号', '沈丽萍', '待领取', '', '']
const HOSPITAL = ['田博平', '200006', '文学院分工会', '住院慰问', '住院慰问金', 800, '慰问金', '2025-03-10 10:00', '校工会〔2025〕3号 住院慰问审批', '周建华', '已领取', '2025-03-12 09:30', '田博平']
const GIFT_BOX = ['唐霞', '200028', '文学院分工会', '节日慰问', '粽子礼盒', 150, '实物', '2025-05-27 10:00', '2025 年端午节日慰问', '周建华', '已领取', '2025-05-30 16:00', '胡静']
const FRUIT = ['唐霞', '200028', '文学院分工会', '节日慰问', '水果券', 50.55, '提货券（蛋糕卡）', '2025-05-27 10:00', '2025 年端午节日慰问', '周建华', '待领取', '', '']

beforeEach(async () => {
  store = await seededStore()
  for (const doc of PAYOUTS) await store.insert('benefitPayouts', doc)
  filesDir = mkdtempSync(join(tmpdir(), 'jiaogong-ledger-'))
  files = new LocalFileStore(filesDir, 'ledger-secret')
})

afterEach(() => store.close())

const exportAs = (who: string, payload: unknown) => callAs(store, 'exports', who, 'ledger', payload, { files })

type Cell = ExcelJS.CellValue

/** The workbook a link opens, with each sheet's rows as their cell values (row 1 the header; empty rows skipped). */
async function opened(link: DownloadLink) {
  const file = await download(link, files)
  if (!file) throw new Error(`no file behind ${link.url}`)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(file.data as unknown as ExcelJS.Buffer)
  const rows = (name: string) => {
    const found: Cell[][] = []
    workbook.getWorksheet(name)!.eachRow((row) => found.push((row.values as Cell[]).slice(1)))
    return found
  }
  return { fileName: file.fileName, workbook, detail: rows('明细'), summary: rows('汇总') }
}

describe('the union office’s export of a whole year', () => {
  it('lists every payout with its approval and receipt, oldest first, in yuan to the fen', async () => {
    const link = expectOk(await exportAs(PEOPLE.office, { year: 2025 }))
    expect(link.fileName).toBe('福利台账-2025-全部分工会-20261120.xlsx')
    const { fileName, workbook, detail } = await opened(link)
    expect(fileName).toBe('福利台账-2025-全部分工会-20261120.xlsx')
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['明细', '汇总'])
    expect(detail).toEqual([DETAIL_HEADER, HARDSHIP, HOSPITAL, GIFT_BOX, FRUIT])
  })

  it('totals per kind (in the kinds’ order), per unit (in the union’s order) and in all', async () => {
    const { summary } = await opened(expectOk(await exportAs(PEOPLE.office, { year: 2025 })))
    expect(summary).toEqual([
      SUMMARY_HEADER,
      ['按类别', '节日慰问', 2, 200.55, 1],
      ['按类别', '住院慰问', 1, 800, 1],
      ['按类别', '困难帮扶', 1, 1234.56, 0],
      ['按分工会', '机关第一分工会', 1, 1234.56, 0],
      ['按分工会', '文学院分工会', 3, 1000.55, 2],
      ['合计', '', 4, 2235.11, 2],
      ['统计范围', '2025 年 · 全部类别 · 全部分工会'],
      ['导出', '2026-11-20 10:00 周建华'],
    ])
  })

  it('reads each kind against its budget for the year, in the whole union’s file only', async () => {
    expectOk(await callAs(store, 'benefits', PEOPLE.office, 'setBudgets', { year: 2025, budgets: { festival: 300, marriage: 500, hardship: 1000 } }))
    const { summary } = await opened(expectOk(await exportAs(PEOPLE.office, { year: 2025 })))
    expect(summary.slice(0, 8)).toEqual([
      SUMMARY_HEADER,
      ['按类别', '节日慰问', 2, 200.55, 1, 300, 99.45],
      // Budgeted, nothing given yet.
      ['按类别', '结婚慰问', 0, 0, 0, 500, 500],
      ['按类别', '住院慰问', 1, 800, 1],
      // Over its budget: the balance is negative.
      ['按类别', '困难帮扶', 1, 1234.56, 0, 1000, -234.56],
      ['按分工会', '机关第一分工会', 1, 1234.56, 0],
      ['按分工会', '文学院分工会', 3, 1000.55, 2],
      ['合计', '', 4, 2235.11, 2, 1800, -435.11],
    ])
    // One kind of the whole union: its own budget.
    const festival = await opened(expectOk(await exportAs(PEOPLE.office, { year: 2025, kind: 'festival' })))
    expect(festival.summary.slice(0, 4)).toEqual([SUMMARY_HEADER, ['按类别', '节日慰问', 2, 200.55, 1, 300, 99.45], ['按分工会', '文学院分工会', 2, 200.55, 1], ['合计', '', 2, 200.55, 1, 300, 99.45]])
    // One unit's, one member's: budgets are the whole union's, so none.
    for (const filter of [{ unitId: 'unit05' }, { memberId: 'm0028' }]) {
      const { summary: rows } = await opened(expectOk(await exportAs(PEOPLE.office, { year: 2025, ...filter })))
      expect(rows.filter((row) => row.length > 5)).toEqual([SUMMARY_HEADER])
    }
  })

  it('has bold headers kept in view, 工号 as text and every amount shown with two decimals', async () => {
    const { workbook } = await opened(expectOk(await exportAs(PEOPLE.office, { year: 2025 })))
    const detail = workbook.getWorksheet('明细')!
    const summary = workbook.getWorksheet('汇总')!
    for (const sheet of [detail, summary]) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      expect(sheet.getRow(1).font).toMatchObject({ bold: true })
    }
    expect(detail.getCell('B2').numFmt).toBe('@')
    expect(detail.getCell('F2').numFmt).toBe('#,##0.00')
    expect(detail.getCell('F5').numFmt).toBe('#,##0.00')
    expect(summary.getCell('D7').numFmt).toBe('#,##0.00')
    expect(summary.getRow(7).font).toMatchObject({ bold: true })
  })

  it('exports one kind of one unit, named in the file', async () => {
    const { fileName, detail, summary } = await opened(expectOk(await exportAs(PEOPLE.office, { year: 2025, kind: 'festival', unitId: 'unit05' })))
    expect(fileName).toBe('福利台账-2025-文学院分工会-节日慰问-20261120.xlsx')
    expect(detail).toEqual([DETAIL_HEADER, GIFT_BOX, FRUIT])
    expect(summary).toEqual([
      SUMMARY_HEADER,
      ['按类别', '节日慰问', 2, 200.55, 1],
      ['按分工会', '文学院分工会', 2, 200.55, 1],
      ['合计', '', 2, 200.55, 1],
      ['统计范围', '2025 年 · 节日慰问 · 文学院分工会'],
      ['导出', '2026-11-20 10:00 周建华'],
    ])
  })

  it('exports one member’s year, named in the file and its audit entry', async () => {
    const { fileName, detail, summary } = await opened(expectOk(await exportAs(PEOPLE.office, { year: 2025, memberId: 'm0028' })))
    expect(fileName).toBe('福利台账-2025-全部分工会-唐霞-20261120.xlsx')
    expect(detail).toEqual([DETAIL_HEADER, GIFT_BOX, FRUIT])
    expect(summary.slice(-2)).toEqual([['统计范围', '2025 年 · 全部类别 · 全部分工会 · 唐霞（200028）'], ['导出', '2026-11-20 10:00 周建华']])
    expect(await store.find('auditLog', { action: 'benefits.exportLedger' })).toMatchObject([{ targetId: '2025:all:all:m0028', after: { 导出笔数: 2, 合计: '¥200.55' } }])
  })

  it('exports a year with nothing in it as the headers and a zero total', async () => {
    const { detail, summary } = await opened(expectOk(await exportAs(PEOPLE.office, { year: 2024 })))
    expect(detail).toEqual([DETAIL_HEADER])
    expect(summary.slice(0, 2)).toEqual([SUMMARY_HEADER, ['合计', '', 0, 0, 0]])
  })

  it('is audited: who, which ledger, how many entries and how much', async () => {
    expectOk(await exportAs(PEOPLE.office, { year: 2025 }))
    expectOk(await exportAs(PEOPLE.office, { year: 2025, kind: 'festival', unitId: 'unit05' }))
    const entries = await store.find('auditLog', { action: 'benefits.exportLedger' }, { sort: { targetId: 1 } })
    const byOffice = { at: NOW.toISOString(), actorId: PEOPLE.office, actorName: '周建华', action: 'benefits.exportLedger', targetType: 'benefitLedger' }
    expect(entries.map(({ _id: _, ...entry }) => entry)).toEqual([
      { ...byOffice, targetId: '2025:all:all', target: '福利台账（2025 年 · 全部类别 · 全部分工会）', after: { 导出笔数: 4, 合计: '¥2,235.11' } },
      { ...byOffice, targetId: '2025:unit05:festival', target: '福利台账（2025 年 · 节日慰问 · 文学院分工会）', after: { 导出笔数: 2, 合计: '¥200.55' } },
    ])
    // Each file is recorded, to be deleted within the hour.
    expect(await store.count('files')).toBe(2)
  })
})

describe('a unit admin', () => {
  it('exports their own unit’s payouts only', async () => {
    const { fileName, detail, summary } = await opened(expectOk(await exportAs(PEOPLE.unitAdmin, { year: 2025, unitId: 'unit05' })))
    expect(fileName).toBe('福利台账-2025-文学院分工会-20261120.xlsx')
    expect(detail).toEqual([DETAIL_HEADER, HOSPITAL, GIFT_BOX, FRUIT])
    expect(summary.slice(0, 6)).toEqual([
      SUMMARY_HEADER,
      ['按类别', '节日慰问', 2, 200.55, 1],
      ['按类别', '住院慰问', 1, 800, 1],
      ['按分工会', '文学院分工会', 3, 1000.55, 2],
      ['合计', '', 3, 1000.55, 2],
      ['统计范围', '2025 年 · 全部类别 · 文学院分工会'],
    ])
    const [entry] = await store.find('auditLog', { action: 'benefits.exportLedger' })
    expect(entry).toMatchObject({ actorName: '胡静', targetId: '2025:unit05:all', after: { 导出笔数: 3, 合计: '¥1,000.55' } })
  })

  it.each([
    ['another unit’s', { year: 2025, unitId: 'unit01' }],
    ['the whole ledger', { year: 2025 }],
    ['another unit’s of one kind', { year: 2025, kind: 'hardship', unitId: 'unit01' }],
  ])('is refused %s: FORBIDDEN, no file, no audit entry', async (_what, payload) => {
    const before = await snapshot(store)
    expectFailure(await exportAs(PEOPLE.unitAdmin, payload), 'FORBIDDEN')
    expectFailure(await exportAs(PEOPLE.otherUnitAdmin, { year: 2025, unitId: 'unit05' }), 'FORBIDDEN')
    expect(await snapshot(store)).toEqual(before)
    expect(readdirSync(filesDir)).toEqual([])
  })

  it('exports one member of their unit, and finds no member of another unit (named in no file)', async () => {
    const { detail } = await opened(expectOk(await exportAs(PEOPLE.unitAdmin, { year: 2025, unitId: 'unit05', memberId: 'm0006' })))
    expect(detail).toEqual([DETAIL_HEADER, HOSPITAL])
    const before = await snapshot(store)
    expectFailure(await exportAs(PEOPLE.unitAdmin, { year: 2025, unitId: 'unit05', memberId: PEOPLE.unit01Member }), 'NOT_FOUND')
    expect(await snapshot(store)).toEqual(before)
  })

  it('refuses an ordinary member their own unit’s', async () => {
    const before = await snapshot(store)
    expectFailure(await exportAs(PEOPLE.unit01Member, { year: 2025, unitId: 'unit01' }), 'FORBIDDEN')
    expect(await snapshot(store)).toEqual(before)
    expect(readdirSync(filesDir)).toEqual([])
  })
})

/**
 * 福利台账 as an .xlsx an auditor takes: 明细, one row per payout (who, what, how much, when, under whose approval,
 * and its receipt), oldest first; 汇总, the count, amount and receipts per kind and per unit, and in all, and in the
 * whole union's file each kind against its budget for the year.
 * Money is whole fen in the store; the file shows yuan as numbers with two decimals, each sum added up in fen first.
 */
import { BENEFIT_FORM_LABELS, BENEFIT_KINDS, BENEFIT_KIND_LABELS, type BenefitKind, type LedgerRow } from '../../types/benefits'
import { toShanghaiInput } from '../../types/time'
import { headedSheet, newWorkbook, workbookBuffer } from './workbook'

/** What the file covers and who made it, written under the totals. */
export interface LedgerScope {
  /** 2026 年 · 全部类别 · 全部分工会. */
  description: string
  exportedAt: string
  exportedBy: string
  /** Each kind's budget for the year where set: the whole union's file only (budgets are the union's). */
  budgetsFen?: Partial<Record<BenefitKind, number>>
}

/** Yuan, two decimals, thousands separated: how Excel shows every amount. */
const YUAN_FORMAT = '#,##0.00'
/** Yuan from whole fen, as Excel stores it: exact to the fen at any sum a union reaches. */
const yuan = (fen: number) => fen / 100

interface Totals {
  count: number
  totalFen: number
  received: number
}

/**
 * The totals of `rows` per key, in the order `order` gives the keys (keys it does not name come last, in first-seen
 * order); the keys in `alsoKeys` are there even with no rows.
 */
function totalsBy(rows: readonly LedgerRow[], keyOf: (row: LedgerRow) => string, order: readonly string[], alsoKeys: readonly string[] = []): [string, Totals][] {
  const totals = new Map<string, Totals>(alsoKeys.map((key) => [key, { count: 0, totalFen: 0, received: 0 }]))
  for (const row of rows) {
    const key = keyOf(row)
    const total = totals.get(key) ?? { count: 0, totalFen: 0, received: 0 }
    total.count += 1
    total.totalFen += row.amountFen
    if (row.receivedAt) total.received += 1
    totals.set(key, total)
  }
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length)
  return [...totals].sort(([a], [b]) => rank(a) - rank(b))
}

const KIND_ORDER = BENEFIT_KINDS.map((kind) => BENEFIT_KIND_LABELS[kind])

/**
 * The ledger file: `rows` in the order given (the caller sorts them by their issue), `unitOrder` the units' names in
 * the union's order for the totals per unit.
 */
export async function ledgerSheet(rows: readonly LedgerRow[], unitOrder: readonly string[], scope: LedgerScope): Promise<Buffer> {
  const workbook = newWorkbook()
  workbook.title = `福利台账（${scope.description}）`

  const detail = headedSheet(workbook, '明细', [
    { header: '姓名', key: 'memberName', width: 10 },
    // 工号 as text, so Excel keeps leading zeros.
    { header: '工号', key: 'staffNo', width: 12, style: { numFmt: '@' } },
    { header: '分工会', key: 'unitName', width: 22 },
    { header: '类别', key: 'kind', width: 14 },
    { header: '项目', key: 'item', width: 18 },
    { header: '金额（元）', key: 'amount', width: 12, style: { numFmt: YUAN_FORMAT } },
    { header: '形式', key: 'form', width: 16 },
    { header: '发放时间', key: 'issuedAt', width: 18 },
    { header: '审批依据', key: 'approvalRef', width: 36 },
    { header: '审批人', key: 'approverName', width: 10 },
    { header: '领取状态', key: 'receipt', width: 10 },
    { header: '领取时间', key: 'receivedAt', width: 18 },
    { header: '确认人', key: 'receivedByName', width: 10 },
  ])
  for (const row of rows) {
    detail.addRow({
      memberName: row.memberName,
      staffNo: row.staffNo,
      unitName: row.unitName,
      kind: row.kindLabel,
      item: row.item,
      amount: yuan(row.amountFen),
      form: BENEFIT_FORM_LABELS[row.form],
      issuedAt: toShanghaiInput(row.issuedAt),
      approvalRef: row.approvalRef,
      approverName: row.approverName,
      receipt: row.receivedAt ? '已领取' : '待领取',
      receivedAt: row.receivedAt ? toShanghaiInput(row.receivedAt) : '',
      receivedByName: row.receivedByName ?? '',
    })
  }

  const summary = headedSheet(workbook, '汇总', [
    { header: '汇总方式', key: 'by', width: 10 },
    { header: '名称', key: 'name', width: 24 },
    { header: '笔数', key: 'count', width: 8 },
    { header: '金额（元）', key: 'amount', width: 14, style: { numFmt: YUAN_FORMAT } },
    { header: '已领取', key: 'received', width: 8 },
    { header: '预算（元）', key: 'budget', width: 14, style: { numFmt: YUAN_FORMAT } },
    { header: '预算余额（元）', key: 'left', width: 14, style: { numFmt: YUAN_FORMAT } },
  ])
  const budgets = new Map(BENEFIT_KINDS.flatMap((kind) => (scope.budgetsFen?.[kind] === undefined ? [] : [[BENEFIT_KIND_LABELS[kind], scope.budgetsFen[kind]] as const])))
  const totalRow = (by: string, name: string, total: Totals, budgetFen?: number) =>
    summary.addRow({
      by,
      name,
      count: total.count,
      amount: yuan(total.totalFen),
      received: total.received,
      ...(budgetFen === undefined ? {} : { budget: yuan(budgetFen), left: yuan(budgetFen - total.totalFen) }),
    })
  for (const [name, total] of totalsBy(rows, (row) => row.kindLabel, KIND_ORDER, [...budgets.keys()])) totalRow('按类别', name, total, budgets.get(name))
  for (const [name, total] of totalsBy(rows, (row) => row.unitName, unitOrder)) totalRow('按分工会', name, total)
  const [all] = totalsBy(rows, () => '', [])
  const budgetFen = budgets.size ? [...budgets.values()].reduce((sum, fen) => sum + fen, 0) : undefined
  totalRow('合计', '', all?.[1] ?? { count: 0, totalFen: 0, received: 0 }, budgetFen).font = { bold: true }
  summary.addRow([])
  summary.addRow(['统计范围', scope.description])
  summary.addRow(['导出', `${toShanghaiInput(scope.exportedAt)} ${scope.exportedBy}`])
  return workbookBuffer(workbook)
}

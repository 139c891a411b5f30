import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { AdminList, type Column } from '../../../components/AdminList'
import { BudgetUse } from '../../../components/BudgetUse'
import { ChoiceChips, choicesOf } from '../../../components/ChoiceChips'
import { MemberPicker } from '../../../components/MemberPicker'
import { Screen } from '../../../components/Screen'
import { StatusTag } from '../../../components/StatusTag'
import { UnitChips } from '../../../components/UnitChips'
import { BENEFIT_FORM_LABELS, BENEFIT_KIND_LABELS, formatYuan, type BenefitKind, type LedgerKindTotal, type LedgerRow } from '../../../../types/benefits'
import { formatDateTime, shanghaiDay } from '../../../../types/time'
import { useUnits } from '../../members/useMembers'
import { BUDGETS_URL } from '../useBudgets'
import { useLedger } from '../useLedger'
import './index.scss'

const receipt = (row: LedgerRow) => (row.receivedAt ? <StatusTag tone="good">已领取</StatusTag> : <StatusTag tone="pending">待领取</StatusTag>)

const COLUMNS: Column<LedgerRow>[] = [
  { title: '会员', width: '8em', render: (row) => `${row.memberName}（${row.staffNo}）` },
  { title: '分工会', width: 'minmax(8em, 1fr)', render: (row) => row.unitName },
  { title: '类别', width: '7em', render: (row) => row.kindLabel },
  { title: '项目', width: 'minmax(8em, 1fr)', render: (row) => row.item },
  { title: '金额', width: '6em', render: (row) => formatYuan(row.amountFen) },
  { title: '形式', width: '8em', render: (row) => BENEFIT_FORM_LABELS[row.form] },
  { title: '发放', width: '9em', render: (row) => formatDateTime(row.issuedAt) },
  { title: '批准', width: 'minmax(10em, 1.5fr)', render: (row) => `${row.approverName} · ${row.approvalRef}` },
  { title: '领取', width: '6em', render: receipt },
]

/** A kind's line of the totals: against the yearly cap in one member's view. */
const kindFigures = (total: LedgerKindTotal) =>
  `${total.count} 笔 · ${formatYuan(total.totalFen)}${total.capFen === undefined ? '' : ` / 年度上限 ${formatYuan(total.capFen)}`} · 已领取 ${total.received}/${total.count}`

/**
 * 福利台账 (union office; a unit admin for their unit): every payout of a year with its approval and receipt, and the
 * totals, the whole union's against each kind's budget; per unit (the union office picks one) and per member (their
 * year against each kind's cap).
 */
export default function Ledger() {
  const thisYear = Number(shanghaiDay(new Date()).slice(0, 4))
  // Next year's too: a round for 元旦 or 春节 given in December counts against next year's caps.
  const years = [thisYear - 1, thisYear, thisYear + 1].map((year) => ({ value: String(year), label: `${year} 年` }))
  const [year, setYear] = useState(thisYear)
  const [kind, setKind] = useState<BenefitKind | 'all'>('all')
  const [unit, setUnit] = useState('')
  const { list, summary, ready, ownUnit, search, exportLedger, exporting } = useLedger(year, kind, unit)
  const units = useUnits()
  // The picked member's name heads the totals and the empty list.
  const whose = search.member ? `${search.member.name} ` : ''
  return (
    <Screen className="ledger">
      <View className="ledger__filters">
        <ChoiceChips value={String(year)} options={years} onChange={(chosen) => setYear(Number(chosen))} />
        <ChoiceChips value={kind} options={[{ value: 'all', label: '全部类别' }, ...choicesOf(BENEFIT_KIND_LABELS)]} onChange={setKind} />
        {ready && !ownUnit && (
          <UnitChips
            units={units.data}
            value={unit}
            onChange={(chosen) => {
              setUnit(chosen)
              search.setMember(undefined)
            }}
          />
        )}
        <View className="ledger__person">
          <MemberPicker search={search} hint="按会员查看：搜索姓名或工号，看其一年的发放与上限" />
        </View>
        <View className="ledger__tools">
          {ready && !ownUnit && (
            <Button size="small" fill="outline" className="ledger__budgets" onClick={() => void Taro.navigateTo({ url: BUDGETS_URL })}>
              福利预算
            </Button>
          )}
          <Button size="small" fill="outline" className="ledger__export" disabled={!ready} loading={exporting} onClick={() => void exportLedger()}>
            导出 Excel
          </Button>
        </View>
      </View>
      {summary && (
        <View className="card ledger__summary">
          <Text className="ledger__summary-title">
            {whose}
            {summary.year} 年共 {summary.count} 笔 · {formatYuan(summary.totalFen)}
          </Text>
          {summary.budgetFen !== undefined && <BudgetUse totalFen={summary.totalFen} budgetFen={summary.budgetFen} />}
          {summary.kinds.map((total) => (
            <View key={total.kind} className="ledger__kind">
              <View className="ledger__kind-line">
                <Text className="ledger__kind-label">{total.label}</Text>
                <Text className="ledger__kind-figures">{kindFigures(total)}</Text>
              </View>
              {total.budgetFen !== undefined && <BudgetUse totalFen={total.totalFen} budgetFen={total.budgetFen} />}
            </View>
          ))}
        </View>
      )}
      <AdminList
        list={list}
        rowKey={(row) => row.id}
        columns={COLUMNS}
        emptyText={`${whose}${year} 年还没有这类发放记录`}
        card={(row) => (
          <View className="card">
            <View className="card-head">
              <Text className="ledger__who">
                {row.memberName}（{row.staffNo}）
              </Text>
              {receipt(row)}
            </View>
            <Text className="ledger__line">
              {row.kindLabel} · {row.item} · {formatYuan(row.amountFen)} · {BENEFIT_FORM_LABELS[row.form]}
            </Text>
            <Text className="card-meta">
              {row.unitName} · {formatDateTime(row.issuedAt)} 发放 · 批准：{row.approverName}
            </Text>
            {row.receivedAt && (
              <Text className="card-meta">
                {formatDateTime(row.receivedAt)} {row.receivedByName}确认领取
              </Text>
            )}
          </View>
        )}
      />
    </Screen>
  )
}

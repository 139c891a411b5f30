import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { BudgetUse } from '../../../components/BudgetUse'
import { ChoiceChips } from '../../../components/ChoiceChips'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { formatYuan } from '../../../../types/benefits'
import { shanghaiDay } from '../../../../types/time'
import { useBudgets } from '../useBudgets'
import './index.scss'

/** One year's budgets: every kind, its amount to type, and what has been given against it. */
function YearBudgets({ year }: { year: number }) {
  const { sheet, form, errors, change, save, saving } = useBudgets(year)
  const data = sheet.data
  const budgeted = data?.kinds.filter((kind) => kind.budgetFen !== undefined) ?? []
  return (
    <StateView loading={sheet.loading} error={sheet.error} empty={!data} emptyText="暂无预算" onRetry={sheet.reload}>
      {data && (
        <>
          <View className="card budgets__intro">
            <Text className="budgets__total">
              {year} 年预算合计 {formatYuan(budgeted.reduce((sum, kind) => sum + kind.budgetFen!, 0))} · 已发放 {formatYuan(data.kinds.reduce((sum, kind) => sum + kind.totalFen, 0))}
            </Text>
            <Text className="form-field__help">
              预算用于对照福利台账的支出，超出时台账标红提醒，但不拦截发放；每人每年的上限在「福利政策」中设置。留空表示不设预算。
              {data.updatedByName && data.updatedAt ? ` ${data.updatedByName} 于 ${shanghaiDay(data.updatedAt)} 修改。` : ''}
            </Text>
          </View>
          <View className="check-list">
            {data.kinds.map((kind) => (
              <View key={kind.kind} className="check-list__row budgets__row">
                <View className="budgets__text">
                  <Text className="budgets__label">{kind.label}</Text>
                  <Text className="budgets__given">
                    已发放 {formatYuan(kind.totalFen)}（{kind.count} 笔）
                  </Text>
                  {kind.budgetFen !== undefined && <BudgetUse totalFen={kind.totalFen} budgetFen={kind.budgetFen} />}
                  {errors[`budgets.${kind.kind}`] && <Text className="form-field__error">{errors[`budgets.${kind.kind}`]}</Text>}
                </View>
                <View className="budgets__amount">
                  <Input className="field-input" type="digit" placeholder="未设置" value={form[kind.kind] ?? ''} onChange={(typed) => change({ [kind.kind]: typed })} />
                  <Text className="budgets__unit">元</Text>
                </View>
              </View>
            ))}
          </View>
          <View className="bottom-bar">
            <Button type="primary" block loading={saving} onClick={save}>
              保存 {year} 年预算
            </Button>
          </View>
        </>
      )}
    </StateView>
  )
}

/** 福利预算 (union office): a year's budget for each kind of benefit, read against 福利台账. */
export default function Budgets() {
  const thisYear = Number(shanghaiDay(new Date()).slice(0, 4))
  // Next year's too: December is when the union office plans it.
  const years = [thisYear - 1, thisYear, thisYear + 1].map((year) => ({ value: String(year), label: `${year} 年` }))
  const [year, setYear] = useState(thisYear)
  return (
    <Screen className="budgets">
      <View className="budgets__filters">
        <ChoiceChips value={String(year)} options={years} onChange={(chosen) => setYear(Number(chosen))} />
      </View>
      <YearBudgets key={year} year={year} />
    </Screen>
  )
}

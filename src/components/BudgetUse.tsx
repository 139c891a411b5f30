import { Progress } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { formatYuan } from '../../types/benefits'
import './BudgetUse.scss'

/** How much of a budget is used (福利台账, 福利预算): a bar and its words, in red once past it. */
export function BudgetUse({ totalFen, budgetFen }: { totalFen: number; budgetFen: number }) {
  const over = totalFen > budgetFen
  const used = budgetFen === 0 ? (totalFen > 0 ? 100 : 0) : Math.round((totalFen / budgetFen) * 100)
  return (
    <View className="budget-use">
      <Progress percent={Math.min(100, used)} color={over ? '#c8161d' : '#2f9e6e'} strokeWidth="6" />
      {/* In pieces that wrap whole on a narrow line. */}
      <View className={`budget-use__text${over ? ' budget-use__text--over' : ''}`}>
        <Text className="budget-use__piece">预算 {formatYuan(budgetFen)} · </Text>
        {over ? (
          <Text className="budget-use__piece">超出 {formatYuan(totalFen - budgetFen)}</Text>
        ) : (
          <>
            <Text className="budget-use__piece">已用 {used}%，</Text>
            <Text className="budget-use__piece">余 {formatYuan(budgetFen - totalFen)}</Text>
          </>
        )}
      </View>
    </View>
  )
}

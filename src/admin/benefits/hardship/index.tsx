import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ChoiceChips, choicesOf } from '../../../components/ChoiceChips'
import { HardshipCard } from '../../../components/HardshipCard'
import { ListFooter } from '../../../components/ListFooter'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { HARDSHIP_STATE_LABELS } from '../../../../types/hardship'
import { HARDSHIP_REPORT_URL, hardshipCaseUrl, useHardshipCases } from '../useHardship'
import './index.scss'

const STATES = [{ value: 'all' as const, label: '全部' }, ...choicesOf(HARDSHIP_STATE_LABELS)]

/** 困难帮扶档案: this year's cases by state (a unit admin's unit, or every unit), and reporting one. */
export default function HardshipFile() {
  const { list, state, setState, unitId } = useHardshipCases()
  return (
    <Screen className="hardship">
      <Text className="page-note">困难帮扶档案只有校工会和上报的分工会可以查看，每次查看都记入操作日志。</Text>
      <View className="hardship__filters">
        <ChoiceChips value={state} options={STATES} onChange={setState} />
      </View>
      <StateView
        loading={list.loading}
        error={list.error}
        empty={list.items.length === 0}
        emptyText={state === 'all' ? '今年还没有困难帮扶档案' : `没有${HARDSHIP_STATE_LABELS[state]}的档案`}
        onRetry={list.reload}
      >
        {list.items.map((row) => (
          <HardshipCard key={row.id} row={row} onClick={() => void Taro.navigateTo({ url: hardshipCaseUrl(row.id) })} />
        ))}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
      </StateView>
      <View className="bottom-bar">
        <Button type="primary" block onClick={() => void Taro.navigateTo({ url: HARDSHIP_REPORT_URL })}>
          {unitId ? '上报本分工会困难职工' : '上报困难职工'}
        </Button>
      </View>
    </Screen>
  )
}

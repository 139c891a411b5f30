import { Progress } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { formatYuan } from '../../../../types/benefits'
import { formatDay } from '../../../../types/time'
import { itemsText, LeftOutList, RoundStateTag, UnitCounts } from '../roundParts'
import { handoutUrl, useRound } from '../useRounds'
import './index.scss'

/** One round (union office): its gifts, how far it is written, each unit's collections, who was left out. */
export default function Round() {
  const roundId = useRouter().params.id ?? ''
  const round = useRound(roundId)
  const detail = round.data
  return (
    <Screen className="round">
      <StateView loading={round.loading} error={round.error} empty={!detail} emptyText="没有这一轮节日慰问" onRetry={round.reload}>
        {detail && (
          <>
            <View className="card">
              <View className="card-head">
                <Text className="round__title">{detail.title}</Text>
                <RoundStateTag state={detail.state} />
              </View>
              <Text className="round__line">{itemsText(detail.items)}</Text>
              <Text className="round__line">
                {detail.count} 人 · 合计 {formatYuan(detail.totalFen)} · 预算 {formatYuan(detail.budgetFen)}
              </Text>
              <Text className="card-meta">
                节日 {formatDay(detail.date, true)} · {detail.handoutText} · {formatDay(detail.deadline, true)} 前领取 · {detail.createdByName} 发放
              </Text>
              {detail.state === 'applying' && (
                <View className="round__progress">
                  <Text className="round__progress-text">
                    正在发放 {detail.paid}/{detail.count}，请稍候…
                  </Text>
                  <Progress percent={detail.count ? Math.round((detail.paid / detail.count) * 100) : 0} />
                </View>
              )}
            </View>
            <View className="card round__received">
              <Text className="round__received-value">
                {detail.received}/{detail.count}
              </Text>
              <Text className="round__received-label">已领取（人）</Text>
            </View>
            <UnitCounts units={detail.units} showReceived onOpen={(unitId) => void Taro.navigateTo({ url: handoutUrl(detail.id, unitId) })} />
            <LeftOutList leftOut={detail.leftOut} />
          </>
        )}
      </StateView>
    </Screen>
  )
}

import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { useProfile } from '../../../hooks/useProfile'
import { formatYuan } from '../../../../types/benefits'
import { formatDay } from '../../../../types/time'
import { RoundStateTag } from '../roundParts'
import { useAdminUnit } from '../useLedger'
import { handoutUrl, roundUrl, useRounds } from '../useRounds'
import './index.scss'

/** 节日慰问 (union office; a unit admin for their unit's handout): this year's and next year's festival rounds. */
export default function Rounds() {
  const rounds = useRounds()
  const { data: profile } = useProfile()
  const { unitId } = useAdminUnit()
  const office = profile?.roles.some((grant) => grant.role === 'unionOffice') ?? false
  const open = (roundId: string) => {
    if (office) void Taro.navigateTo({ url: roundUrl(roundId) })
    else if (unitId) void Taro.navigateTo({ url: handoutUrl(roundId, unitId) })
  }
  return (
    <Screen className="rounds">
      <Text className="page-note">
        {office ? '选择节日、礼品和发放对象，预览人数与金额后一次发放；各分工会登记领取情况。' : '点开一轮节日慰问，登记本分工会会员的领取情况。'}
      </Text>
      <StateView loading={rounds.loading} error={rounds.error} empty={rounds.data?.length === 0} emptyText="还没有发放节日慰问" onRetry={rounds.reload}>
        {(rounds.data ?? []).map((round) => (
          <View key={round.id} className="card rounds__card" onClick={() => open(round.id)}>
            <View className="card-head">
              <Text className="rounds__title">{round.title}</Text>
              <RoundStateTag state={round.state} />
            </View>
            <Text className="rounds__line">
              {round.count} 人 · 合计 {formatYuan(round.totalFen)} · 预算 {formatYuan(round.budgetFen)}
            </Text>
            <Text className="card-meta">
              节日 {formatDay(round.date, true)} · {round.createdByName} 发放
            </Text>
          </View>
        ))}
      </StateView>
      {office && (
        <View className="bottom-bar">
          <Button type="primary" block onClick={() => void Taro.navigateTo({ url: '/admin/benefits/roundNew/index' })}>
            发放节日慰问
          </Button>
        </View>
      )}
    </Screen>
  )
}

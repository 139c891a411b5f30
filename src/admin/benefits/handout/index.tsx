import { Button, Checkbox } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { StatusTag } from '../../../components/StatusTag'
import { formatDateTime, formatDay } from '../../../../types/time'
import { itemsText } from '../roundParts'
import { useHandout } from '../useRounds'
import './index.scss'

/** A unit's handout list of a festival round (its unit admin, or the union office): tick who has collected, then 登记. */
export default function Handout() {
  const { round: roundId = '', unit: unitId = '' } = useRouter().params
  const { handout, chosen, setChosen, mark, marking } = useHandout(roundId, unitId)
  const data = handout.data
  const waiting = data?.rows.filter((row) => !row.receivedAt) ?? []
  return (
    <Screen className="handout">
      <StateView loading={handout.loading} error={handout.error} empty={!data} emptyText="没有这一轮节日慰问" onRetry={handout.reload}>
        {data && (
          <>
            <View className="card">
              <Text className="handout__title">
                {data.title} · {data.unitName}
              </Text>
              <Text className="handout__line">{itemsText(data.items)}</Text>
              <Text className="card-meta">
                已领取 {data.rows.length - waiting.length}/{data.rows.length} 人 · {formatDay(data.deadline, true)} 前领取
              </Text>
              {waiting.length > 0 && (
                <Text className="handout__all" onClick={() => setChosen(chosen.length === waiting.length ? [] : waiting.map((row) => row.memberId))}>
                  {chosen.length === waiting.length ? '取消全选' : '全选未领取'}
                </Text>
              )}
            </View>
            {data.rows.length === 0 ? (
              <Text className="handout__empty">本分工会没有这一轮的发放对象</Text>
            ) : (
              <Checkbox.Group value={chosen} onChange={(value) => setChosen(value as string[])} className="check-list">
                {data.rows.map((row) => (
                  <View key={row.memberId} className="check-list__row handout__row">
                    {row.receivedAt ? (
                      <View className="handout__person">
                        <Text className="handout__name">
                          {row.name}（{row.staffNo}）
                        </Text>
                        <Text className="card-meta">
                          {formatDateTime(row.receivedAt)} {row.receivedByName}登记
                        </Text>
                      </View>
                    ) : (
                      <Checkbox value={row.memberId} className="handout__person" label={`${row.name}（${row.staffNo}）`} />
                    )}
                    {row.receivedAt ? <StatusTag tone="good">已领取</StatusTag> : <StatusTag tone="pending">待领取</StatusTag>}
                  </View>
                ))}
              </Checkbox.Group>
            )}
          </>
        )}
      </StateView>
      {waiting.length > 0 && (
        <View className="bottom-bar">
          <Button type="primary" block disabled={chosen.length === 0} loading={marking} onClick={mark}>
            {chosen.length ? `登记已领取（${chosen.length} 人）` : '勾选已领取的会员'}
          </Button>
        </View>
      )}
    </Screen>
  )
}

import { Button, Skeleton } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { eventUrl, MY_SIGNUPS_URL, useCheckIn } from '../../hooks/useEvents'
import { decodedParam } from '../../services/checkIn'
import { inShanghai } from '../../../types/time'
import './index.scss'

/** 活动签到: opened by scanning the venue code (its `scene`), it checks me in and says how that went. */
export default function CheckIn() {
  // A scanned code's scene arrives URL-encoded (e%3D…): decoded once.
  const scene = decodedParam(useRouter().params.scene)
  const { outcome, retry } = useCheckIn(scene)
  if (outcome.state === 'failed' && (outcome.error.code === 'NOT_BOUND' || outcome.error.code === 'NOT_SIGNED_IN')) {
    return (
      <Screen className="check-in">
        <StateView loading={false} error={outcome.error} empty emptyText="" onRetry={() => void retry()}>
          {null}
        </StateView>
      </Screen>
    )
  }
  return (
    <Screen className="check-in">
      {outcome.state === 'checking' && (
        <View className="check-in__card">
          <Text className="check-in__title">正在签到…</Text>
          <Skeleton rows={2} animated />
        </View>
      )}
      {outcome.state === 'done' && (
        <View className="check-in__card">
          <View className={`check-in__mark ${outcome.checkedIn ? 'check-in__mark--good' : 'check-in__mark--again'}`}>✓</View>
          <Text className="check-in__title">{outcome.checkedIn ? '签到成功' : '已签到'}</Text>
          <Text className="check-in__message">{outcome.message}</Text>
          <Text className="check-in__event">{outcome.eventTitle}</Text>
          <Text className="check-in__time">{inShanghai(new Date()).format('M月D日 HH:mm')}</Text>
          <View className="check-in__actions">
            <Button block type="primary" onClick={() => Taro.redirectTo({ url: eventUrl(outcome.eventId) })}>
              查看活动
            </Button>
          </View>
        </View>
      )}
      {outcome.state === 'failed' && (
        <View className="check-in__card">
          <View className="check-in__mark check-in__mark--bad">!</View>
          <Text className="check-in__title">未能签到</Text>
          <Text className="check-in__message check-in__error">{outcome.error.message}</Text>
          <View className="check-in__actions">
            <Button block type="primary" fill="outline" onClick={() => void retry()}>
              重试
            </Button>
            <Button block type="primary" className="check-in__mine" onClick={() => Taro.redirectTo({ url: MY_SIGNUPS_URL })}>
              查看我的报名
            </Button>
          </View>
        </View>
      )}
    </Screen>
  )
}

import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { useSubscriptions } from '../../../hooks/useMessages'
import type { SubscriptionView } from '../../../../types/messages'
import './index.scss'

/** How a kind stands, in a few words. */
function standing(kind: SubscriptionView): string {
  if (!kind.templateId) return '仅在「消息」中提醒'
  if (kind.remaining > 0) return `已订阅，还可提醒 ${kind.remaining} 次`
  if (kind.lastChoice === 'reject' || kind.lastChoice === 'ban') return '您上次选择了不接收'
  return '未订阅'
}

/**
 * 微信提醒设置 (我的 → 消息订阅): each kind of message, whether it can reach WeChat, and a tap to allow it. WeChat
 * allows one reminder per 允许, so each tap allows one more.
 */
export default function Subscriptions() {
  const { subscriptions, subscribe, busy } = useSubscriptions()
  return (
    <Screen className="subscriptions">
      <Text className="subscriptions__intro">
        所有消息都会出现在「消息」中。开启微信提醒后，消息还会通过微信服务通知发给您；微信规定每次「允许」只能提醒一次，用完后可在这里再次开启。
      </Text>
      <StateView loading={subscriptions.loading} error={subscriptions.error} empty={!subscriptions.data?.length} emptyText="暂无可订阅的消息" onRetry={subscriptions.reload}>
        {subscriptions.data?.map((kind) => (
          <View key={kind.kind} className="card subscriptions__kind">
            <View className="subscriptions__text">
              <Text className="subscriptions__title">{kind.title}</Text>
              <Text className="subscriptions__description">{kind.description}</Text>
              <Text className="subscriptions__standing">{standing(kind)}</Text>
            </View>
            {kind.templateId && (
              <Button size="small" type="primary" fill={kind.remaining > 0 ? 'outline' : 'solid'} loading={busy} onClick={() => void subscribe([kind])}>
                {kind.remaining > 0 ? '再开启一次' : '开启'}
              </Button>
            )}
          </View>
        ))}
      </StateView>
    </Screen>
  )
}

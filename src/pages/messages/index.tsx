import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { ListFooter } from '../../components/ListFooter'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { refreshUnreadBadge, useInbox, useSubscriptions } from '../../hooks/useMessages'
import type { InboxEntry, SubscriptionView } from '../../../types/messages'
import { dayHeading, inShanghai } from '../../../types/time'
import './index.scss'

/** The entries in order, grouped under their day's heading. */
function byDay(entries: InboxEntry[], now: Date): { heading: string; entries: InboxEntry[] }[] {
  const groups: { heading: string; entries: InboxEntry[] }[] = []
  for (const entry of entries) {
    const heading = dayHeading(entry.at, now)
    if (groups[groups.length - 1]?.heading !== heading) groups.push({ heading, entries: [] })
    groups[groups.length - 1].entries.push(entry)
  }
  return groups
}

/** Kinds the member could still be reminded of on WeChat and has not turned down: worth one tap to ask. */
const worthAsking = (kinds: SubscriptionView[]) => kinds.filter((kind) => kind.templateId && kind.remaining === 0 && kind.lastChoice !== 'reject' && kind.lastChoice !== 'ban')

/** 消息: what the union has told me, newest first by day; tapping one opens it. */
export default function Messages() {
  const { list, open, markAll } = useInbox()
  const { subscriptions, subscribe, busy } = useSubscriptions()
  useDidShow(() => void refreshUnreadBadge())
  const unread = list.items.some((entry) => !entry.read)
  const ask = worthAsking(subscriptions.data ?? [])
  const now = new Date()
  return (
    <Screen className="messages">
      <View className="messages__bar">
        <Text className="messages__settings" onClick={() => Taro.navigateTo({ url: '/pages/messages/subscriptions/index' })}>
          微信提醒设置 ›
        </Text>
        {unread && (
          <Text className="messages__read-all" onClick={() => void markAll.run()}>
            全部已读
          </Text>
        )}
      </View>
      {ask.length > 0 && (
        <View className="card messages__ask">
          <View className="messages__ask-text">
            <Text className="messages__ask-title">开启微信提醒</Text>
            <Text className="messages__ask-hint">{ask.map((kind) => kind.title).join('、')}等消息会同时发到您的微信</Text>
          </View>
          <Button size="small" type="primary" loading={busy} onClick={() => void subscribe(ask)}>
            开启
          </Button>
        </View>
      )}
      <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText="还没有消息" onRetry={list.reload}>
        {byDay(list.items, now).map((group) => (
          <View key={group.heading} className="messages__day">
            <Text className="messages__heading">{group.heading}</Text>
            <View className="messages__entries">
              {group.entries.map((entry) => (
                <View key={entry.id} className={`message-row ${entry.read ? 'message-row--read' : ''}`} onClick={() => void open(entry.id, entry.page)}>
                  <View className="message-row__head">
                    {!entry.read && <View className="message-row__dot" aria-label="未读" />}
                    <Text className="message-row__title">{entry.title}</Text>
                    <Text className="message-row__time">{inShanghai(entry.at).format('HH:mm')}</Text>
                  </View>
                  <Text className="message-row__text">{entry.text}</Text>
                </View>
              ))}
            </View>
          </View>
        ))}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
      </StateView>
    </Screen>
  )
}

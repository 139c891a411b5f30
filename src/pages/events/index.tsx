import { ScrollView, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { EventCard } from '../../components/EventCard'
import { ListFooter } from '../../components/ListFooter'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { CALENDAR_URL, MY_SIGNUPS_URL, useEventList } from '../../hooks/useEvents'
import { refreshUnreadBadge } from '../../hooks/useMessages'
import { scanToCheckIn } from '../../services/checkIn'
import { EVENT_KIND_LABELS, EVENT_KINDS, EVENT_LIST_TAB_LABELS, EVENT_LIST_TABS, type EventKind, type EventListTab } from '../../../types/events'
import './index.scss'

const KINDS: { value: EventKind | 'all'; label: string }[] = [{ value: 'all', label: '全部' }, ...EVENT_KINDS.map((kind) => ({ value: kind, label: EVENT_KIND_LABELS[kind] }))]

const EMPTY: Record<EventListTab, string> = {
  open: '现在没有正在报名的活动',
  upcoming: '暂时没有即将开始报名的活动',
  finished: '还没有已结束的活动',
}

/** Scanning works in WeChat; in the browser the phone's own camera opens the venue code's link. */
const canScan = process.env.TARO_ENV === 'weapp'

/** 活动 (a tab): events open for sign-up, coming, and finished, by kind. */
export default function Events() {
  const [tab, setTab] = useState<EventListTab>('open')
  const [kind, setKind] = useState<EventKind | 'all'>('all')
  const list = useEventList(tab, kind)
  useDidShow(() => void refreshUnreadBadge())
  const now = new Date()
  return (
    <Screen className="events">
      <View className="events__head">
        <View className="events__tabs">
          {EVENT_LIST_TABS.map((item) => (
            <View key={item} className={`events__tab ${item === tab ? 'events__tab--active' : ''}`} onClick={() => setTab(item)}>
              <Text className="events__tab-text">{EVENT_LIST_TAB_LABELS[item]}</Text>
            </View>
          ))}
        </View>
        <ScrollView scrollX className="events__kinds" enhanced showScrollbar={false}>
          {KINDS.map((item) => (
            <Text
              key={item.value}
              className={`events__kind ${item.value === kind ? 'events__kind--active' : ''}`}
              onClick={() => setKind(item.value)}
            >
              {item.label}
            </Text>
          ))}
        </ScrollView>
      </View>
      <View className="events__links">
        <View className="events__link" onClick={() => Taro.navigateTo({ url: MY_SIGNUPS_URL })}>
          <Text className="events__link-mark events__link-mark--mine">我</Text>
          <Text className="events__link-text">我的报名</Text>
        </View>
        <View className="events__link" onClick={() => Taro.navigateTo({ url: CALENDAR_URL })}>
          <Text className="events__link-mark events__link-mark--calendar">历</Text>
          <Text className="events__link-text">行事历</Text>
        </View>
        {canScan && (
          <View className="events__link events__scan" onClick={() => void scanToCheckIn()}>
            <Text className="events__link-mark events__link-mark--scan">签</Text>
            <Text className="events__link-text">扫码签到</Text>
          </View>
        )}
      </View>
      <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText={EMPTY[tab]} onRetry={list.reload}>
        {list.items.map((event) => (
          <EventCard key={event.id} event={event} now={now} />
        ))}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
      </StateView>
    </Screen>
  )
}

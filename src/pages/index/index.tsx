import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { NoticeRow } from '../../components/NoticeRow'
import { Screen } from '../../components/Screen'
import { Section } from '../../components/Section'
import { StateView } from '../../components/StateView'
import { refreshUnreadBadge } from '../../hooks/useMessages'
import { CALENDAR_URL, EVENTS_TAB_URL, MY_SIGNUPS_URL, openEvent, useHomeEvents } from '../../hooks/useEvents'
import { MY_BENEFITS_URL, useBenefitsHome } from '../../hooks/useBenefits'
import type { MyBenefit } from '../../../types/benefits'
import { useHome } from '../../hooks/useNotices'
import { PROPOSALS_URL } from '../../hooks/useProposals'
import { StatusTag } from '../../components/StatusTag'
import { statusTone } from '../../services/eventText'
import { formatDateTime, formatDay } from '../../../types/time'
import './index.scss'

/**
 * 首页's entries, one line each: a later module adds its own here. `mark` is the tile's character, `tone` its
 * colour (index.scss: home__entry-mark--<tone>); a tab page opens with switchTab.
 */
const ENTRIES: { title: string; mark: string; tone: 'red' | 'gold' | 'blue' | 'green' | 'purple'; url: string; tab?: boolean }[] = [
  { title: '活动报名', mark: '活', tone: 'red', url: EVENTS_TAB_URL, tab: true },
  { title: '行事历', mark: '历', tone: 'gold', url: CALENDAR_URL },
  { title: '通知公告', mark: '告', tone: 'blue', url: '/pages/notices/list/index' },
  // 我的报名 is 我的活动's link below, and in 我的.
  { title: '我的福利', mark: '福', tone: 'green', url: MY_BENEFITS_URL },
  { title: '教代会提案', mark: '提', tone: 'purple', url: PROPOSALS_URL },
]

const go = (entry: (typeof ENTRIES)[number]) => (entry.tab ? Taro.switchTab({ url: entry.url }) : Taro.navigateTo({ url: entry.url }))

/** 我的活动: my coming events, soonest first, and how many are open for sign-up now. */
function MyEvents() {
  const { data } = useHomeEvents()
  if (!data) return null
  const openTab = () => Taro.switchTab({ url: EVENTS_TAB_URL })
  return (
    <Section title="我的活动" more={data.mine.length > 0 ? '我的报名' : undefined} onMore={() => Taro.navigateTo({ url: MY_SIGNUPS_URL })}>
      {data.mine.length > 0 ? (
        data.mine.map((signup) => (
          <View key={signup.id} className="home__event" onClick={() => void openEvent(signup.eventId)}>
            <View className="home__event-text">
              <Text className="home__event-title">{signup.eventTitle}</Text>
              <Text className="home__event-meta">
                {formatDateTime(signup.startAt)} · {signup.place}
              </Text>
            </View>
            <StatusTag tone={statusTone(signup.status)}>{signup.statusLabel}</StatusTag>
          </View>
        ))
      ) : (
        <View className="home__none home__none--events">还没有报名的活动</View>
      )}
      <View className="home__open" onClick={openTab}>
        <Text>{data.openCount > 0 ? `${data.openCount} 个活动正在报名` : '暂时没有正在报名的活动'}</Text>
        <Text className="home__open-go">去看看 ›</Text>
      </View>
    </Section>
  )
}

/** In my birthday month: a warm card with my birthday gift, and the way to collect it. */
function BirthdayCard({ name, gift }: { name: string; gift: MyBenefit }) {
  return (
    <View className="home__birthday" onClick={() => void Taro.navigateTo({ url: MY_BENEFITS_URL })}>
      <Text className="home__birthday-title">生日快乐，{name}老师！</Text>
      <Text className="home__birthday-text">
        {gift.receivedAt ? `您的${gift.item}已领取，校工会祝您生日快乐、工作顺利！` : `校工会为您准备了${gift.item}${gift.deadline ? `，请于 ${formatDay(gift.deadline)} 前领取` : ''}`}
      </Text>
      {!gift.receivedAt && <Text className="home__birthday-go">{gift.code ? '查看领取码 ›' : '查看领取方式 ›'}</Text>}
    </View>
  )
}

/** 首页: a greeting, pinned notices and the latest ones. */
export default function Home() {
  useDidShow(() => void refreshUnreadBadge())
  const { data, error, loading, reload, today, greeting } = useHome()
  // Loaded with the page (not with the card), so it is loaded again each time 首页 shows.
  const benefits = useBenefitsHome()
  const home = data?.home
  const openList = () => Taro.navigateTo({ url: '/pages/notices/list/index' })

  return (
    <Screen className="home">
      <View className="home__hero">
        <Text className="home__greeting">
          {greeting}
          {data ? `，${data.profile.name}老师` : ''}
        </Text>
        <Text className="home__date">
          {today}
          {data ? ` · ${data.profile.unitName}` : ''}
        </Text>
        {home && home.unreadCount > 0 && (
          <View className="home__unread" onClick={openList}>
            <Text>您有 {home.unreadCount} 条未读通知</Text>
            <Text className="home__unread-go">去看看 ›</Text>
          </View>
        )}
      </View>

      <View className="home__entries">
        {ENTRIES.map((entry) => (
          <View key={entry.title} className="home__entry" onClick={() => void go(entry)}>
            <Text className={`home__entry-mark home__entry-mark--${entry.tone}`}>{entry.mark}</Text>
            <Text className="home__entry-title">{entry.title}</Text>
          </View>
        ))}
      </View>

      {data && benefits.data?.birthday && <BirthdayCard name={data.profile.name} gift={benefits.data.birthday} />}

      <StateView loading={loading} error={error} empty={!home} emptyText="暂无通知" onRetry={reload}>
        <MyEvents />
        {home && home.pinned.length > 0 && (
          <Section title="置顶公告">
            {home.pinned.map((notice) => (
              <NoticeRow key={notice.id} notice={notice} />
            ))}
          </Section>
        )}
        <Section title="最新通知" more="全部" onMore={openList}>
          {home && home.recent.length > 0 ? (
            home.recent.map((notice) => <NoticeRow key={notice.id} notice={notice} />)
          ) : (
            <View className="home__none">暂无新通知</View>
          )}
        </Section>
      </StateView>
    </Screen>
  )
}

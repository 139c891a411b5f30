import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { NoticeRow } from '../../components/NoticeRow'
import { Screen } from '../../components/Screen'
import { Section } from '../../components/Section'
import { StateView } from '../../components/StateView'
import { refreshUnreadBadge } from '../../hooks/useMessages'
import { useHome } from '../../hooks/useNotices'
import './index.scss'

/** 首页: a greeting, pinned notices and the latest ones. */
export default function Home() {
  useDidShow(() => void refreshUnreadBadge())
  const { data, error, loading, reload, today, greeting } = useHome()
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

      <StateView loading={loading} error={error} empty={!home} emptyText="暂无通知" onRetry={reload}>
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

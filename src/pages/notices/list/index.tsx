import { Tabs } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import { ListFooter } from '../../../components/ListFooter'
import { NoticeRow } from '../../../components/NoticeRow'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { useNoticeList } from '../../../hooks/useNotices'
import { NOTICE_CATEGORIES, NOTICE_CATEGORY_LABELS, type NoticeCategory } from '../../../../types/notices'
import './index.scss'

const TABS: { value: NoticeCategory | 'all'; title: string }[] = [
  { value: 'all', title: '全部' },
  ...NOTICE_CATEGORIES.map((category) => ({ value: category, title: NOTICE_CATEGORY_LABELS[category] })),
]

/** 通知公告: every notice I may see, by category, newest first (pinned on top). */
export default function NoticeList() {
  const [tab, setTab] = useState<NoticeCategory | 'all'>('all')
  const list = useNoticeList(tab)
  return (
    <Screen className="notice-list">
      <Tabs value={tab} onChange={(value) => setTab(value as NoticeCategory | 'all')} activeType="line" className="notice-list__tabs">
        {TABS.map((item) => (
          <Tabs.TabPane key={item.value} value={item.value} title={item.title} />
        ))}
      </Tabs>
      <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText="这里还没有通知" onRetry={list.reload}>
        <View className="notice-list__items">
          {list.items.map((notice) => (
            <NoticeRow key={notice.id} notice={notice} />
          ))}
        </View>
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
      </StateView>
    </Screen>
  )
}

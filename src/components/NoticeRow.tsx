import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { NoticeSummary } from '../../types/notices'
import { formatRelative } from '../../types/time'
import { CategoryTag } from './CategoryTag'
import './NoticeRow.scss'

export function openNotice(id: string) {
  return Taro.navigateTo({ url: `/pages/notices/detail/index?id=${encodeURIComponent(id)}` })
}

/** One notice in a list: unread dot, title, category and time. Tapping opens the notice. */
export function NoticeRow({ notice, now }: { notice: NoticeSummary; now?: Date }) {
  return (
    <View className={`notice-row ${notice.read ? 'notice-row--read' : ''}`} onClick={() => openNotice(notice.id)}>
      <View className="notice-row__title-line">
        {!notice.read && <View className="notice-row__dot" aria-label="未读" />}
        <Text className="notice-row__title">{notice.title}</Text>
      </View>
      {notice.excerpt && <Text className="notice-row__excerpt">{notice.excerpt}</Text>}
      <View className="notice-row__meta">
        {notice.pinned && (
          <Tag type="danger" className="notice-row__tag">
            置顶
          </Tag>
        )}
        <CategoryTag category={notice.category} className="notice-row__tag" />
        <Text className="notice-row__time">{formatRelative(notice.publishAt, now)}</Text>
        {!notice.read && <Text className="notice-row__unread">未读</Text>}
      </View>
    </View>
  )
}

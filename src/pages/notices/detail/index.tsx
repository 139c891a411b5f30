import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { CategoryTag } from '../../../components/CategoryTag'
import { RichBody } from '../../../components/RichBody'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { useNoticeDetail } from '../../../hooks/useNotices'
import { formatDateTime } from '../../../../types/time'
import './index.scss'

/** 通知详情: opening it marks the notice read. */
export default function NoticeDetail() {
  // WeChat hands query values over still URL-encoded.
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const { data: notice, error, loading, reload } = useNoticeDetail(id)
  return (
    <Screen className="notice-detail">
      <StateView loading={loading} error={error} empty={!notice} emptyText="通知不存在" onRetry={reload}>
        {notice && (
          <View className="notice-detail__card">
            <Text className="notice-detail__title">{notice.title}</Text>
            <View className="notice-detail__meta">
              {notice.pinned && (
                <Tag type="danger" className="notice-detail__tag">
                  置顶
                </Tag>
              )}
              <CategoryTag category={notice.category} className="notice-detail__tag" />
              <Text className="notice-detail__time">{formatDateTime(notice.publishAt)}</Text>
            </View>
            <Text className="notice-detail__audience">
              发布范围：{notice.audienceUnitNames.length ? notice.audienceUnitNames.join('、') : '全体会员'}
            </Text>
            <View className="notice-detail__body">
              <RichBody markup={notice.body} />
            </View>
            <Text className="notice-detail__footer">校工会</Text>
          </View>
        )}
      </StateView>
    </Screen>
  )
}

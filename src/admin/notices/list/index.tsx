import { Button, Tabs, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { CategoryTag } from '../../../components/CategoryTag'
import { ListFooter } from '../../../components/ListFooter'
import { StateView } from '../../../components/StateView'
import { NOTICE_STATE_LABELS, type NoticeState } from '../../../../types/notices'
import { formatDateTime } from '../../../../types/time'
import { useAdminNotices } from '../useAdminNotices'
import './index.scss'

const STATES: { value: NoticeState | 'all'; title: string }[] = [
  { value: 'all', title: '全部' },
  ...(['published', 'scheduled', 'withdrawn'] as const).map((state) => ({ value: state, title: NOTICE_STATE_LABELS[state] })),
]

const STATE_TAG_TYPES: Record<NoticeState, 'success' | 'warning' | 'default'> = {
  published: 'success',
  scheduled: 'warning',
  withdrawn: 'default',
}

const edit = (id?: string) => Taro.navigateTo({ url: `/admin/notices/edit/index${id ? `?id=${encodeURIComponent(id)}` : ''}` })

/** 通知公告管理 (union office): every notice with its state and how many have read it. */
export default function AdminNoticeList() {
  const [state, setState] = useState<NoticeState | 'all'>('all')
  const list = useAdminNotices(state)

  return (
    <View className="page admin-notices">
      <Tabs value={state} onChange={(value) => setState(value as NoticeState | 'all')} activeType="line">
        {STATES.map((item) => (
          <Tabs.TabPane key={item.value} value={item.value} title={item.title} />
        ))}
      </Tabs>
      <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText="还没有通知，点下方按钮发布第一条" onRetry={list.reload}>
        {list.items.map((row) => (
          <View key={row.id} className="card admin-notice">
            <View className="admin-notice__head">
              <Tag type={STATE_TAG_TYPES[row.state]}>{NOTICE_STATE_LABELS[row.state]}</Tag>
              {row.pinned && (
                <Tag type="danger" className="admin-notice__pin">
                  置顶
                </Tag>
              )}
              <CategoryTag category={row.category} className="admin-notice__category" />
            </View>
            <Text className="admin-notice__title">{row.title}</Text>
            <Text className="admin-notice__meta">
              {formatDateTime(row.publishAt)} · {row.audience.kind === 'all' ? '全体会员' : `${row.audience.unitIds.length} 个分工会`} · 已读 {row.readCount} 人
            </Text>
            {row.state !== 'withdrawn' && (
              <View className="admin-notice__actions">
                <Button size="small" fill="outline" onClick={() => edit(row.id)}>
                  编辑
                </Button>
                <Button size="small" type="danger" fill="outline" onClick={() => list.withdraw(row)}>
                  撤回
                </Button>
              </View>
            )}
          </View>
        ))}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
      </StateView>
      <View className="bottom-bar">
        <Button type="primary" block onClick={() => edit()} className="admin-notices__publish">
          发布通知
        </Button>
      </View>
    </View>
  )
}

import { Button, Tabs, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { AdminList, type Column } from '../../../components/AdminList'
import { CategoryTag } from '../../../components/CategoryTag'
import { Screen } from '../../../components/Screen'
import { NOTICE_STATE_LABELS, type AdminNoticeRow, type NoticeState } from '../../../../types/notices'
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

const stateTag = (row: AdminNoticeRow) => <Tag type={STATE_TAG_TYPES[row.state]}>{NOTICE_STATE_LABELS[row.state]}</Tag>
const audience = (row: AdminNoticeRow) => (row.audience.kind === 'all' ? '全体会员' : `${row.audience.unitIds.length} 个分工会`)

/** 编辑 and 撤回, for a notice not withdrawn. */
function Actions({ row, withdraw }: { row: AdminNoticeRow; withdraw: (row: AdminNoticeRow) => void }) {
  if (row.state === 'withdrawn') return null
  return (
    <View className="admin-notice__actions">
      <Button size="small" fill="outline" onClick={() => edit(row.id)}>
        编辑
      </Button>
      <Button size="small" type="danger" fill="outline" onClick={() => withdraw(row)}>
        撤回
      </Button>
    </View>
  )
}

/** 通知公告管理 (union office): every notice with its state and how many have read it. */
export default function AdminNoticeList() {
  const [state, setState] = useState<NoticeState | 'all'>('all')
  const list = useAdminNotices(state)
  const columns: Column<AdminNoticeRow>[] = [
    { title: '状态', width: '6em', render: stateTag },
    {
      title: '标题',
      width: 'minmax(12em, 3fr)',
      render: (row) => (
        <Text className="admin-notice__title">
          {row.pinned && <Text className="admin-notice__pin-mark">[置顶] </Text>}
          {row.title}
        </Text>
      ),
    },
    { title: '栏目', width: '5em', render: (row) => <CategoryTag category={row.category} /> },
    { title: '发布时间', width: '9em', render: (row) => formatDateTime(row.publishAt), compare: (a, b) => a.publishAt.localeCompare(b.publishAt) },
    { title: '范围', width: '7em', render: audience },
    { title: '已读', width: '5em', render: (row) => `${row.readCount} 人`, compare: (a, b) => a.readCount - b.readCount },
    { title: '操作', width: '11em', render: (row) => <Actions row={row} withdraw={list.withdraw} /> },
  ]

  return (
    <Screen className="admin-notices">
      <Tabs value={state} onChange={(value) => setState(value as NoticeState | 'all')} activeType="line">
        {STATES.map((item) => (
          <Tabs.TabPane key={item.value} value={item.value} title={item.title} />
        ))}
      </Tabs>
      <AdminList
        list={list}
        rowKey={(row) => row.id}
        columns={columns}
        emptyText="还没有通知，点下方按钮发布第一条"
        card={(row) => (
          <View className="card admin-notice">
            <View className="admin-notice__head">
              {stateTag(row)}
              {row.pinned && (
                <Tag type="danger" className="admin-notice__pin">
                  置顶
                </Tag>
              )}
              <CategoryTag category={row.category} className="admin-notice__category" />
            </View>
            <Text className="admin-notice__title">{row.title}</Text>
            <Text className="admin-notice__meta">
              {formatDateTime(row.publishAt)} · {audience(row)} · 已读 {row.readCount} 人
            </Text>
            <Actions row={row} withdraw={list.withdraw} />
          </View>
        )}
      />
      <View className="bottom-bar">
        <Button type="primary" block onClick={() => edit()} className="admin-notices__publish">
          发布通知
        </Button>
      </View>
    </Screen>
  )
}

import { View } from '@tarojs/components'
import './ListFooter.scss'

/** The line under a paged list. */
export function ListFooter({ count, hasMore, loadingMore }: { count: number; hasMore: boolean; loadingMore: boolean }) {
  if (count === 0) return null
  return <View className="list-footer">{loadingMore ? '加载中…' : hasMore ? '上拉加载更多' : '没有更多了'}</View>
}

import { Button, Empty, Skeleton } from '@nutui/nutui-react-taro'
import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import type { ApiError } from '../services/api'
import emptyImage from '../assets/state-empty.png'
import errorImage from '../assets/state-error.png'
import './StateView.scss'

interface Props {
  loading: boolean
  error?: ApiError
  empty: boolean
  emptyText: string
  onRetry?: () => void
  children: ReactNode
}

/** Our own pictures: NutUI's default ones load from a CDN, which a campus intranet or an offline host may block. */
const picture = (src: string) => <Image className="state-view__image" src={src} mode="aspectFit" />

/** Loading skeleton, an error or empty state, or the content: one pattern for every list screen. */
export function StateView({ loading, error, empty, emptyText, onRetry, children }: Props) {
  if (error && error.code === 'NOT_BOUND') {
    return (
      <View className="state-view">
        <Empty image={picture(emptyImage)} title="尚未绑定会员身份" description="绑定工号后即可查看工会通知。如有疑问，请联系所在分工会。" />
        <View className="state-view__action">
          <Button type="primary" onClick={() => Taro.navigateTo({ url: '/pages/bind/index' })}>
            立即绑定
          </Button>
        </View>
      </View>
    )
  }
  if (error && empty) {
    return (
      <View className="state-view">
        <Empty image={picture(errorImage)} title="加载失败" description={error.message} />
        {onRetry && (
          <View className="state-view__action">
            <Button type="primary" fill="outline" size="small" onClick={onRetry}>
              重新加载
            </Button>
          </View>
        )}
      </View>
    )
  }
  if (loading && empty) {
    return (
      <View className="state-view state-view--loading">
        <Skeleton rows={3} animated />
        <Skeleton rows={3} animated />
      </View>
    )
  }
  if (empty) {
    return (
      <View className="state-view">
        <Empty image={picture(emptyImage)} description={emptyText} />
      </View>
    )
  }
  return <>{children}</>
}

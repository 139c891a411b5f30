import { Image, View } from '@tarojs/components'
import { useState } from 'react'
import './CoverImage.scss'

/**
 * An event's cover image (封面图): 16:9, filling its frame edge to edge. Nothing at all without one, or when it does
 * not load (a link that expired, a file that is gone), so a page never shows a broken picture.
 */
export function CoverImage({ url, className = '' }: { url?: string; className?: string }) {
  const [failed, setFailed] = useState<string>()
  if (!url || failed === url) return null
  return (
    <View className={`cover-image ${className}`}>
      <Image className="cover-image__picture" src={url} mode="aspectFill" lazyLoad onError={() => setFailed(url)} />
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './Section.scss'

/** A titled card on a page, with an optional link on the right ("全部 ›"). */
export function Section({ title, more, onMore, children }: { title: string; more?: string; onMore?: () => void; children: ReactNode }) {
  return (
    <View className="section">
      <View className="section__head">
        <Text className="section__title">{title}</Text>
        {more && (
          <Text className="section__more" onClick={onMore}>
            {more} ›
          </Text>
        )}
      </View>
      <View className="section__body">{children}</View>
    </View>
  )
}

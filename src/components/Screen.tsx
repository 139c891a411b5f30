import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useShared } from '../hooks/useShared'
import { deskLayout } from '../services/layout'
import { textSize } from '../services/textSize'
import { PrivacyConsent } from './PrivacyConsent'

/**
 * The root of every page: the reader's text size (我的 → 文字大小), the desk layout in a wide browser window, and the
 * privacy consent when it is asked for. `privacyConsent={false}` for the privacy guide itself, which the consent
 * links to.
 */
export function Screen({ className, privacyConsent = true, children }: { className: string; privacyConsent?: boolean; children: ReactNode }) {
  const size = useShared(textSize)
  const desk = useShared(deskLayout)
  return (
    <View className={`page ${className} text-${size}${desk ? ' page--desk' : ''}`}>
      {children}
      {privacyConsent && <PrivacyConsent />}
    </View>
  )
}

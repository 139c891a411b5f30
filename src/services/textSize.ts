/**
 * The reader's text size (我的 → 文字大小), for older and retired members: kept on this device, followed by every
 * page (components/Screen.tsx puts it on the page's root; app.scss scales the text from there).
 */
import Taro from '@tarojs/taro'
import { shared } from './shared'

export const TEXT_SIZES = ['standard', 'large', 'xlarge'] as const
export type TextSize = (typeof TEXT_SIZES)[number]
export const TEXT_SIZE_LABELS: Record<TextSize, string> = { standard: '标准', large: '大', xlarge: '特大' }

const KEY = 'jiaogong.textSize'

function stored(): TextSize {
  const value: unknown = Taro.getStorageSync(KEY)
  return TEXT_SIZES.find((size) => size === value) ?? 'standard'
}

export const textSize = shared<TextSize>(stored())

export function chooseTextSize(size: TextSize) {
  Taro.setStorageSync(KEY, size)
  textSize.set(size)
}

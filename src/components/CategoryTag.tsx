import { Tag } from '@nutui/nutui-react-taro'
import { NOTICE_CATEGORY_LABELS, type NoticeCategory } from '../../types/notices'

/** Soft colours, one per notice category: text colour on a pale ground of the same hue. */
const COLORS: Record<NoticeCategory, [text: string, ground: string]> = {
  notice: ['#c8161d', '#fdecec'],
  publicity: ['#8a5a00', '#fdf3dc'],
  event: ['#0f7b4f', '#e3f5ec'],
  benefit: ['#b4490f', '#fdeee3'],
  congress: ['#1d4ed8', '#e6edfd'],
}

export function CategoryTag({ category, className }: { category: NoticeCategory; className?: string }) {
  const [color, background] = COLORS[category]
  return (
    <Tag color={color} background={background} className={className}>
      {NOTICE_CATEGORY_LABELS[category]}
    </Tag>
  )
}

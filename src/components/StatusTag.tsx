import { Tag } from '@nutui/nutui-react-taro'
import type { ReactNode } from 'react'

/** How a status reads at a glance: done, failed, under way or waiting, or neither. */
export type Tone = 'good' | 'bad' | 'pending' | 'neutral'

const COLORS: Record<Tone, { background: string; color: string }> = {
  good: { background: '#e8f6ec', color: '#237a3b' },
  bad: { background: '#fdecec', color: '#c8161d' },
  pending: { background: '#fff7e6', color: '#ad6800' },
  neutral: { background: '#f5f5f7', color: '#595959' },
}

/** A status in a list (发送记录, 任务运行记录): its words on its tone's colours. */
export function StatusTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <Tag {...COLORS[tone]} className="status-tag">
      {children}
    </Tag>
  )
}

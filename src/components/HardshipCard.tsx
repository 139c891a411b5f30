import { Text, View } from '@tarojs/components'
import type { HardshipCaseRow, HardshipLevel, HardshipState } from '../../types/hardship'
import { formatDateTime } from '../../types/time'
import { StatusTag, type Tone } from './StatusTag'
import './HardshipCard.scss'

const TONES: Record<HardshipState, Tone> = { reported: 'pending', filed: 'good', returned: 'bad', closed: 'neutral' }
const LEVEL_TONES: Record<HardshipLevel, Tone> = { severe: 'bad', serious: 'pending', general: 'neutral' }

/** One hardship case in the file: whose, its cause and level, where it is. */
export function HardshipCard({ row, onClick }: { row: HardshipCaseRow; onClick?: () => void }) {
  return (
    <View className="card hardship-card" onClick={onClick}>
      <View className="status-card__top">
        <View className="status-card__heading">
          <Text className="hardship-card__who">
            {row.memberName}（{row.staffNo}）
          </Text>
          <Text className="card-meta">{row.unitName}</Text>
        </View>
        <StatusTag tone={TONES[row.state]}>{row.stateLabel}</StatusTag>
      </View>
      <View className="hardship-card__tags">
        <StatusTag tone="neutral">{row.causeLabel}</StatusTag>
        <StatusTag tone={LEVEL_TONES[row.level]}>{row.levelLabel}</StatusTag>
        <Text className="card-meta hardship-card__at">{formatDateTime(row.reportedAt)} 上报</Text>
      </View>
    </View>
  )
}

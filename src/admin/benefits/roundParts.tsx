/** What the round screens share: a round's state as a tag, its gifts in one line, and its left-out list. */
import { Text, View } from '@tarojs/components'
import { StatusTag } from '../../components/StatusTag'
import { BENEFIT_FORM_LABELS, formatYuan } from '../../../types/benefits'
import type { LeftOutView, RoundItemView, RoundState } from '../../../types/festivalRounds'
import './roundParts.scss'

export function RoundStateTag({ state }: { state: RoundState }) {
  return state === 'applied' ? <StatusTag tone="good">已发放</StatusTag> : <StatusTag tone="pending">发放中</StatusTag>
}

/** 月饼礼盒 ¥150（实物） + 水果券 ¥50（提货券）. */
export const itemsText = (items: RoundItemView[]) => items.map((item) => `${item.item} ${formatYuan(item.amountFen)}（${BENEFIT_FORM_LABELS[item.form]}）`).join(' + ')

export function LeftOutList({ leftOut }: { leftOut: LeftOutView[] }) {
  if (leftOut.length === 0) return null
  return (
    <View className="card">
      <Text className="round-parts__title">未发放 {leftOut.length} 人</Text>
      {leftOut.map((person) => (
        <View key={person.staffNo} className="round-parts__row">
          <Text className="round-parts__who">
            {person.name}（{person.staffNo}）· {person.unitName}
          </Text>
          <Text className="round-parts__reason">{person.reason}</Text>
        </View>
      ))}
    </View>
  )
}

/** Each unit's recipients, and (after the round) how many have collected. */
export function UnitCounts({ units, showReceived, onOpen }: { units: { unitId: string; unitName: string; count: number; received: number }[]; showReceived: boolean; onOpen?: (unitId: string) => void }) {
  return (
    <View className="card">
      <Text className="round-parts__title">各分工会</Text>
      {units.map((unit) => (
        <View key={unit.unitId} className="round-parts__unit" onClick={onOpen ? () => onOpen(unit.unitId) : undefined}>
          <Text className="round-parts__unit-name">{unit.unitName}</Text>
          <Text className="round-parts__unit-figures">
            {showReceived ? `已领 ${unit.received}/${unit.count} 人` : `${unit.count} 人`}
            {onOpen ? ' ›' : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}

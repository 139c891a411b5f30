import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { UnitOption } from '../../../../types/members'
import { fillQuotas, quotaSum } from '../eventForm'

/**
 * 分工会名额: a number per unit (blank: that unit gets no places), and 每个分工会 N 人 to fill them all. Once published,
 * the units are fixed and only their numbers change.
 */
export function QuotaTable({
  units,
  quotas,
  capacity,
  fixedUnits,
  onChange,
}: {
  units: UnitOption[]
  quotas: Record<string, string>
  capacity: number | undefined
  /** Published: only these units' numbers may change. */
  fixedUnits?: string[]
  onChange: (quotas: Record<string, string>) => void
}) {
  const [each, setEach] = useState('')
  const shown = fixedUnits ? units.filter((unit) => fixedUnits.includes(unit.id)) : units
  const sum = quotaSum(quotas)
  const over = capacity !== undefined && sum > capacity
  return (
    <View className="quota-table">
      {!fixedUnits && (
        <View className="quota-table__fill">
          <Text className="quota-table__fill-label">每个分工会</Text>
          <Input className="field-input quota-table__each" type="number" placeholder="N" value={each} onChange={setEach} />
          <Text className="quota-table__fill-label">人</Text>
          <Button size="small" type="primary" fill="outline" className="quota-table__apply" disabled={!each.trim()} onClick={() => onChange(fillQuotas(shown.map((unit) => unit.id), each))}>
            全部填入
          </Button>
          <Text className="quota-table__clear" onClick={() => onChange({})}>
            清空
          </Text>
        </View>
      )}
      <View className="quota-table__grid">
        {shown.map((unit) => (
          <View key={unit.id} className="quota-table__row">
            <Text className="quota-table__unit">{unit.name}</Text>
            <Input
              className="field-input quota-table__input"
              type="number"
              placeholder="—"
              value={quotas[unit.id] ?? ''}
              onChange={(value) => onChange({ ...quotas, [unit.id]: value })}
            />
          </View>
        ))}
      </View>
      <Text className={`quota-table__sum${over ? ' quota-table__sum--over' : ''}`}>
        合计 {sum} 人{capacity !== undefined ? `，总名额 ${capacity} 人${over ? '：超出了总名额' : ''}` : ''}。留空的分工会没有名额。
      </Text>
    </View>
  )
}

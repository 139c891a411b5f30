import { ScrollView } from '@tarojs/components'
import type { UnitOption } from '../../types/members'
import { ChoiceChips } from './ChoiceChips'
import './UnitChips.scss'

/** One unit or 全部分工会 (value ''), as a row of chips that scrolls sideways on a phone and wraps at a desk. */
export function UnitChips({ units, value, onChange, className = '' }: { units: UnitOption[] | undefined; value: string; onChange: (unitId: string) => void; className?: string }) {
  return (
    <ScrollView scrollX className={`unit-chips ${className}`}>
      <ChoiceChips value={value} options={[{ value: '', label: '全部分工会' }, ...(units ?? []).map((unit) => ({ value: unit.id, label: unit.name }))]} onChange={onChange} className="unit-chips__choices" />
    </ScrollView>
  )
}

import { Text, View } from '@tarojs/components'
import { formatDateTime } from '../../types/time'
import './StepHistory.scss'

export interface Step {
  at: string
  text: string
}

/** Who did what with a case or an application, oldest first. */
export function StepHistory({ steps }: { steps: Step[] }) {
  const sorted = [...steps].sort((a, b) => a.at.localeCompare(b.at))
  return (
    <View className="step-history">
      {sorted.map((step) => (
        <View key={step.at + step.text} className="step-history__step">
          <Text className="step-history__at">{formatDateTime(step.at)}</Text>
          <Text className="step-history__text">{step.text}</Text>
        </View>
      ))}
    </View>
  )
}

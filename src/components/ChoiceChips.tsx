import { Radio } from '@nutui/nutui-react-taro'

export interface Choice<T extends string> {
  value: T
  label: string
}

/** One choice out of a few, as a wrapping row of chips (a NutUI radio group in button shape). */
export function ChoiceChips<T extends string>({
  value,
  options,
  onChange,
  className = 'choices',
}: {
  value: T
  options: Choice<T>[]
  onChange: (value: T) => void
  className?: string
}) {
  return (
    <Radio.Group value={value} direction="horizontal" className={className} onChange={(chosen) => onChange(String(chosen) as T)}>
      {options.map((option) => (
        <Radio key={option.value} value={option.value} shape="button" className="choice">
          {option.label}
        </Radio>
      ))}
    </Radio.Group>
  )
}

/** Choices from a label table, in the table's order. */
export function choicesOf<T extends string>(labels: Record<T, string>): Choice<T>[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }))
}

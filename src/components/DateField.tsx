import { DatePicker } from '@nutui/nutui-react-taro'
import { Picker, View } from '@tarojs/components'
import { useState } from 'react'
import { shanghaiDay } from '../../types/time'
import './DateField.scss'

const pad = (part: unknown) => String(part).padStart(2, '0')
const clamp = (day: string, from: string, to: string) => (day < from ? from : day > to ? to : day)
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`)

function Shown({ value, onClick }: { value: string; onClick?: () => void }) {
  return (
    <View className={`field-input date-field ${value ? '' : 'date-field--empty'}`} onClick={onClick}>
      {value || '请选择日期'}
    </View>
  )
}

/**
 * A day to pick ('2026-05-20', '' when none yet) between `from` and `to`: on WeChat its own date wheels (large,
 * familiar, following the phone's text size), in the browser NutUI's.
 */
export function DateField({ value, title, from, to, onChange }: { value: string; title: string; from: string; to: string; onChange: (day: string) => void }) {
  const [picking, setPicking] = useState(false)
  const initial = value || clamp(shanghaiDay(new Date()), from, to)
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <Picker mode="date" value={initial} start={from} end={to} className="date-field__picker" onChange={(event) => onChange(String(event.detail.value))}>
        <Shown value={value} />
      </Picker>
    )
  }
  return (
    <>
      <Shown value={value} onClick={() => setPicking(true)} />
      <DatePicker
        type="date"
        title={title}
        visible={picking}
        startDate={dayStart(from)}
        endDate={dayStart(to)}
        defaultValue={dayStart(initial)}
        onClose={() => setPicking(false)}
        onConfirm={(_options, values) => onChange(values.slice(0, 3).map(pad).join('-'))}
      />
    </>
  )
}

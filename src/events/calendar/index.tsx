import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { StatusTag, type Tone } from '../../components/StatusTag'
import { openEvent, useCalendar } from '../../hooks/useEvents'
import { EVENT_PHASE_LABELS, type CalendarItem, type EventPhase } from '../../../types/events'
import { inShanghai } from '../../../types/time'
import './index.scss'

const PHASE_TONES: Partial<Record<EventPhase, Tone>> = { open: 'good', upcoming: 'pending', closed: 'neutral', finished: 'neutral', cancelled: 'bad' }
/** How far the switcher goes from this year. */
const YEARS_AROUND = 5

function Item({ item }: { item: CalendarItem }) {
  const day = `${Number(item.date.slice(8, 10))}日`
  if (item.type === 'event' && item.eventId) {
    const eventId = item.eventId
    return (
      <View className="calendar__item calendar__item--event" onClick={() => void openEvent(eventId)}>
        <Text className="calendar__day">{day}</Text>
        <View className="calendar__text">
          <Text className="calendar__title">{item.title}</Text>
          {item.phase && (
            <View className="calendar__phase">
              <StatusTag tone={PHASE_TONES[item.phase] ?? 'neutral'}>{EVENT_PHASE_LABELS[item.phase]}</StatusTag>
            </View>
          )}
        </View>
        <Text className="calendar__go">›</Text>
      </View>
    )
  }
  return (
    <View className="calendar__item">
      <Text className="calendar__day">{day}</Text>
      <View className="calendar__text">
        <Text className="calendar__title calendar__title--entry">{item.title}</Text>
        {item.note && <Text className="calendar__note">{item.note}</Text>}
      </View>
    </View>
  )
}

/** 行事历: the union's year month by month, its events (tap to open) and its own plan lines. */
export default function Calendar() {
  const thisYear = inShanghai(new Date()).year()
  const thisMonth = inShanghai(new Date()).month() + 1
  const [year, setYear] = useState(thisYear)
  const { data, error, loading, reload } = useCalendar(year)
  const months = data?.year === year ? data.months : undefined
  // This year opens at this month.
  const scrolled = useRef(false)
  useEffect(() => {
    if (scrolled.current || !months || year !== thisYear || thisMonth <= 2) return
    scrolled.current = true
    setTimeout(() => void Taro.pageScrollTo({ selector: '.calendar__month--now', duration: 0, offsetTop: -12 }).catch(() => undefined), 50)
  }, [months, year, thisYear, thisMonth])
  return (
    <Screen className="calendar">
      <View className="calendar__years">
        <Text className={`calendar__switch ${year <= thisYear - YEARS_AROUND ? 'calendar__switch--off' : ''}`} onClick={() => year > thisYear - YEARS_AROUND && setYear(year - 1)}>
          ‹ {year - 1}
        </Text>
        <Text className="calendar__year">{year}年</Text>
        <Text className={`calendar__switch ${year >= thisYear + 1 ? 'calendar__switch--off' : ''}`} onClick={() => year < thisYear + 1 && setYear(year + 1)}>
          {year + 1} ›
        </Text>
      </View>
      <View className="calendar__legend">
        <Text className="calendar__legend-item calendar__legend-item--event">活动（点开看详情）</Text>
        <Text className="calendar__legend-item">工会工作安排</Text>
      </View>
      <StateView loading={loading} error={error} empty={!months} emptyText="暂无安排" onRetry={reload}>
        {months?.map(({ month, items }) => (
          <View key={month} className={`calendar__month ${year === thisYear && month === thisMonth ? 'calendar__month--now' : ''}`}>
            <View className="calendar__month-head">
              <Text className="calendar__month-name">{month}月</Text>
              {year === thisYear && month === thisMonth && <Text className="calendar__now">本月</Text>}
              {items.length === 0 && <Text className="calendar__empty">暂无安排</Text>}
            </View>
            {items.map((item) => (
              <Item key={item.id} item={item} />
            ))}
          </View>
        ))}
      </StateView>
    </Screen>
  )
}

import { Button, DatePicker, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import type { CalendarItem } from '../../../../types/events'
import { inShanghai } from '../../../../types/time'
import { PhaseTag } from '../phase'
import { editUrl, useOrganizer } from '../useAdminEvents'
import { useCalendarAdmin } from '../useCalendarAdmin'
import './index.scss'

const dayOf = (date: string) => `${Number(date.slice(8, 10))}日`

/** 行事历管理: the union's year month by month, its published events and its own lines, which the union office edits. */
export default function CalendarAdmin() {
  const screen = useCalendarAdmin()
  const { office } = useOrganizer()
  const { calendar, form, errors, change } = screen
  const [picking, setPicking] = useState(false)
  const months = calendar.data?.months ?? []
  const count = months.reduce((sum, month) => sum + month.items.length, 0)
  const today = inShanghai(new Date())

  const item = (entry: CalendarItem) => (
    <View key={entry.id} className={`calendar-admin__item calendar-admin__item--${entry.type}`}>
      <Text className="calendar-admin__day">{dayOf(entry.date)}</Text>
      <View className="calendar-admin__what">
        <View className="calendar-admin__line">
          <Text className={`calendar-admin__type calendar-admin__type--${entry.type}`}>{entry.type === 'event' ? '活动' : '事项'}</Text>
          <Text className="calendar-admin__title">{entry.title}</Text>
        </View>
        {entry.note && <Text className="calendar-admin__note">{entry.note}</Text>}
      </View>
      {entry.type === 'event' && entry.phase && <PhaseTag phase={entry.phase} />}
      {entry.type === 'event' && entry.eventId && (
        <Text className="calendar-admin__open" onClick={() => Taro.navigateTo({ url: editUrl({ id: entry.eventId }) })}>
          设置 ›
        </Text>
      )}
      {entry.type === 'entry' && office && (
        <Text className="calendar-admin__remove" onClick={() => void screen.remove(entry)}>
          删除
        </Text>
      )}
    </View>
  )

  return (
    <Screen className="calendar-admin">
      <View className="calendar-admin__year">
        <Text className="calendar-admin__step" onClick={() => screen.setYear(screen.year - 1)}>
          ‹ {screen.year - 1}
        </Text>
        <Text className="calendar-admin__current">{screen.year} 年行事历</Text>
        <Text className="calendar-admin__step" onClick={() => screen.setYear(screen.year + 1)}>
          {screen.year + 1} ›
        </Text>
      </View>

      {office && (
        <View className="card calendar-admin__form">
          <Text className="calendar-admin__form-title">添加事项</Text>
          <Text className="calendar-admin__help">如春节慰问、体检、双代会等不需报名的工作安排；需要报名的请在“活动管理”中新建活动，发布后自动列入行事历。</Text>
          <View className="calendar-admin__fields">
            <View className="calendar-admin__field calendar-admin__field--date" onClick={() => setPicking(true)}>
              <Text className="calendar-admin__label">日期</Text>
              <Text className={`calendar-admin__date${form.date ? '' : ' calendar-admin__date--empty'}`}>{form.date || '选择日期'} ›</Text>
              {errors.date && <Text className="calendar-admin__error">{errors.date}</Text>}
            </View>
            <View className="calendar-admin__field">
              <Text className="calendar-admin__label">事项</Text>
              <Input className="field-input calendar-admin__entry-title" placeholder="例如：组织全校教职工体格检查" value={form.title} maxLength={40} onChange={(title) => change({ title })} />
              {errors.title && <Text className="calendar-admin__error">{errors.title}</Text>}
            </View>
            <View className="calendar-admin__field">
              <Text className="calendar-admin__label">说明（选填）</Text>
              <Input className="field-input calendar-admin__entry-note" placeholder="时间地点、负责部门等" value={form.note} maxLength={200} onChange={(note) => change({ note })} />
              {errors.note && <Text className="calendar-admin__error">{errors.note}</Text>}
            </View>
          </View>
          <Button type="primary" className="calendar-admin__add" loading={screen.adding} onClick={screen.add}>
            添加
          </Button>
          <DatePicker
            type="date"
            title="选择日期"
            visible={picking}
            startDate={new Date(today.year() - 1, 0, 1)}
            endDate={new Date(today.year() + 2, 11, 31)}
            defaultValue={form.date ? new Date(Number(form.date.slice(0, 4)), Number(form.date.slice(5, 7)) - 1, Number(form.date.slice(8, 10))) : new Date(today.year(), today.month(), today.date())}
            onClose={() => setPicking(false)}
            onConfirm={(_options, values) => {
              const [y, m, d] = values.map((part) => String(part).padStart(2, '0'))
              change({ date: `${y}-${m}-${d}` })
            }}
          />
        </View>
      )}

      <StateView loading={calendar.loading} error={calendar.error} empty={count === 0} emptyText={`${screen.year} 年还没有行事历事项`} onRetry={calendar.reload}>
        <View className="calendar-admin__months">
          {months
            .filter((month) => month.items.length > 0)
            .map((month) => (
              <View key={month.month} className="card calendar-admin__month">
                <View className="calendar-admin__month-head">
                  <Text className="calendar-admin__month-name">{month.month} 月</Text>
                  <Text className="calendar-admin__month-count">{month.items.length} 项</Text>
                </View>
                {month.items.map(item)}
              </View>
            ))}
        </View>
      </StateView>
    </Screen>
  )
}

/** 行事历管理 (union office): the year's events and the union's own 行事历 lines; adding and removing lines. */
import { useState } from 'react'
import { CalendarEntryCreateSchema, type CalendarItem } from '../../../types/events'
import { inShanghai } from '../../../types/time'
import { schemaCheck } from '../../../types/validation'
import { useFormState } from '../../hooks/useFormState'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { call, write } from '../../services/api'
import { confirmed } from '../../services/feedback'

export interface EntryForm {
  date: string
  title: string
  note: string
}

export const emptyEntry = (): EntryForm => ({ date: '', title: '', note: '' })

/** The entry the form sends: the note only when written. */
export const entryInput = (form: EntryForm) => ({ date: form.date, title: form.title, ...(form.note.trim() ? { note: form.note } : {}) })

export function useCalendarAdmin() {
  const [year, setYear] = useState(() => inShanghai(new Date()).year())
  const calendar = useRemote(() => call('events', 'calendar', { year }), [year])
  const { form, errors, change, setForm, accept } = useFormState<EntryForm>(emptyEntry)

  const adding = useMutation((input: ReturnType<typeof entryInput>, key) => write('events', 'addCalendarEntry', input, key), {
    success: '已添加',
    onSuccess: (item) => {
      setForm(emptyEntry())
      const entryYear = Number(item.date.slice(0, 4))
      if (entryYear !== year) setYear(entryYear)
      else void calendar.reload()
    },
  })
  const removing = useMutation((entryId: string, key) => write('events', 'removeCalendarEntry', { entryId }, key), {
    success: '已删除',
    onSuccess: () => calendar.reload(),
  })

  const add = () => {
    const input = accept(schemaCheck(CalendarEntryCreateSchema, entryInput(form)))
    if (input) void adding.run(input)
  }

  const remove = async (item: CalendarItem) => {
    if (!(await confirmed('删除行事历事项', `删除 ${item.date.slice(5).replace('-', '月')}日「${item.title}」？会员的行事历中将不再显示。`, '删除'))) return
    await removing.run(item.id)
  }

  return { year, setYear, calendar, form, errors, change, add, adding: adding.busy, remove }
}

/** The publish / edit form of a notice: its state, the saved notice it starts from, and sending it. */
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { showError, useRemote } from '../../hooks/useRemote'
import { call } from '../../services/api'
import { checkNoticeForm, emptyNoticeForm, formFromDraft, type NoticeForm } from './noticeForm'

export function useNoticeEditor(id: string | undefined) {
  const editing = Boolean(id)
  const [form, setForm] = useState<NoticeForm>(emptyNoticeForm)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const units = useRemote(() => call('members', 'units'))
  const draft = useRemote(async () => (id ? call('notices', 'adminGet', { id }) : undefined), [id])

  useEffect(() => {
    if (draft.data) setForm(formFromDraft(draft.data))
    Taro.setNavigationBarTitle({ title: editing ? '编辑通知' : '发布通知' })
  }, [draft.data, editing])

  /** Changes fields; the errors of the last submit no longer describe the form, so they go. */
  const change = (fields: Partial<NoticeForm>) => {
    setForm((previous) => ({ ...previous, ...fields }))
    setErrors({})
  }

  const submit = async () => {
    const check = checkNoticeForm(form, editing)
    if (!check.ok) {
      setErrors(check.fields)
      Taro.showToast({ title: check.message, icon: 'none' })
      return
    }
    setSaving(true)
    try {
      if (id) await call('notices', 'update', { id, notice: check.input })
      else await call('notices', 'publish', check.input)
      Taro.showToast({ title: editing ? '已保存' : '已发布', icon: 'success' })
      setTimeout(() => Taro.navigateBack(), 600)
    } catch (error) {
      showError(error)
    } finally {
      setSaving(false)
    }
  }

  return { editing, form, errors, saving, units: units.data ?? [], change, submit }
}

/** The publish / edit form of a notice: its state, the saved notice it starts from, and sending it. */
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { useFormState } from '../../hooks/useFormState'
import { showError, useRemote } from '../../hooks/useRemote'
import { call } from '../../services/api'
import { checkNoticeForm, emptyNoticeForm, formFromDraft, type NoticeForm } from './noticeForm'

export function useNoticeEditor(id: string | undefined) {
  const editing = Boolean(id)
  const { form, setForm, errors, change, accept } = useFormState<NoticeForm>(emptyNoticeForm)
  const [saving, setSaving] = useState(false)
  const units = useRemote(() => call('members', 'units'))
  const draft = useRemote(async () => (id ? call('notices', 'adminGet', { id }) : undefined), [id])

  useEffect(() => {
    if (draft.data) setForm(formFromDraft(draft.data))
    Taro.setNavigationBarTitle({ title: editing ? '编辑通知' : '发布通知' })
  }, [draft.data, editing, setForm])

  const submit = async () => {
    const input = accept(checkNoticeForm(form, editing))
    if (!input) return
    setSaving(true)
    try {
      if (id) await call('notices', 'update', { id, notice: input })
      else await call('notices', 'publish', input)
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

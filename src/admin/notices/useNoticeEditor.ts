/** The publish / edit form of a notice: its state, the saved notice it starts from, and sending it. */
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { useSeededForm } from '../../hooks/useFormState'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { call, write } from '../../services/api'
import { checkNoticeForm, emptyNoticeForm, formFromDraft, toNoticeInput, type NoticeForm } from './noticeForm'

export function useNoticeEditor(id: string | undefined) {
  const editing = Boolean(id)
  const units = useRemote(() => call('members', 'units'))
  const draft = useRemote(async () => (id ? call('notices', 'adminGet', { id }) : undefined), [id])
  const { form, errors, change, accept } = useSeededForm(draft.data, formFromDraft, emptyNoticeForm)
  // The form is what the person means to send (the notice's times are worked out from it when sending), so a retry
  // of the same form is the same write.
  const sending = useMutation(
    (sent: NoticeForm, key) => {
      const notice = toNoticeInput(sent, editing)
      return id ? write('notices', 'update', { id, notice }, key) : write('notices', 'publish', { ...notice, notify: sent.notify }, key)
    },
    { success: editing ? '已保存' : '已发布', onSuccess: () => void setTimeout(() => Taro.navigateBack(), 600) },
  )

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: editing ? '编辑通知' : '发布通知' })
  }, [editing])

  const submit = () => {
    if (accept(checkNoticeForm(form, editing))) void sending.run(form)
  }

  return { editing, form, errors, saving: sending.busy, units: units.data ?? [], change, submit }
}

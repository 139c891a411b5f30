import Taro from '@tarojs/taro'
import { useState } from 'react'
import { BindSchema } from '../../types/members'
import { call } from '../services/api'
import { schemaCheck } from '../../types/validation'
import { useFormState } from './useFormState'
import { showError } from './useRemote'

export interface BindForm {
  staffNo: string
  name: string
  phoneLast4: string
}

/** Binding my WeChat to my member record: checked here with the function's own schema, then sent. */
export function useBind() {
  const { form, errors, change, accept } = useFormState<BindForm>({ staffNo: '', name: '', phoneLast4: '' })
  const [sending, setSending] = useState(false)

  const submit = async () => {
    const input = accept(schemaCheck(BindSchema, form))
    if (!input) return
    setSending(true)
    try {
      const profile = await call('members', 'bind', input)
      Taro.showToast({ title: `绑定成功，${profile.name}`, icon: 'none' })
      setTimeout(() => Taro.reLaunch({ url: '/pages/index/index' }), 800)
    } catch (error) {
      showError(error)
    } finally {
      setSending(false)
    }
  }

  return { form, errors, sending, change, submit }
}

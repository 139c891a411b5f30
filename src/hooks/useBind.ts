import Taro from '@tarojs/taro'
import { BindSchema } from '../../types/members'
import type { RequestOf } from '../../types/contracts'
import { schemaCheck } from '../../types/validation'
import { write } from '../services/api'
import { useFormState } from './useFormState'
import { useMutation } from './useMutation'

export interface BindForm {
  staffNo: string
  name: string
  phoneLast4: string
}

/** Binding my WeChat to my member record: checked here with the function's own schema, then sent. */
export function useBind() {
  const { form, errors, change, accept } = useFormState<BindForm>({ staffNo: '', name: '', phoneLast4: '' })
  const bind = useMutation((input: RequestOf<'members', 'bind'>, key) => write('members', 'bind', input, key), {
    success: (profile) => `绑定成功，${profile.name}`,
    onSuccess: () => void setTimeout(() => Taro.reLaunch({ url: '/pages/index/index' }), 800),
  })

  const submit = () => {
    const input = accept(schemaCheck(BindSchema, form))
    if (input) void bind.run(input)
  }

  return { form, errors, sending: bind.busy, change, submit }
}

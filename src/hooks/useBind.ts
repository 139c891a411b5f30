import Taro from '@tarojs/taro'
import { BindSchema } from '../../types/members'
import type { RequestOf } from '../../types/contracts'
import { schemaCheck } from '../../types/validation'
import { ApiError, write } from '../services/api'
import { privacyAgreed } from '../services/privacy'
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
  // Binding is where the app first collects personal data: the privacy consent comes first.
  const bind = useMutation(
    async (input: RequestOf<'members', 'bind'>, key) => {
      if (!(await privacyAgreed())) throw new ApiError('FORBIDDEN', '需要同意隐私保护指引后才能绑定')
      return write('members', 'bind', input, key)
    },
    {
      success: (profile) => `绑定成功，${profile.name}`,
      onSuccess: () => void setTimeout(() => Taro.reLaunch({ url: '/pages/index/index' }), 800),
    },
  )

  const submit = () => {
    const input = accept(schemaCheck(BindSchema, form))
    if (input) void bind.run(input)
  }

  return { form, errors, sending: bind.busy, change, submit }
}

/** 福利政策 (union office): every kind's policy; one kind's form, saved (audited). */
import Taro from '@tarojs/taro'
import type { BenefitKind, PolicyView } from '../../../types/benefits'
import { useSeededForm } from '../../hooks/useFormState'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { call, write } from '../../services/api'
import { policyForm, policyInput, type PolicyForm, type PolicyRequest } from './policyForm'

export const policyUrl = (kind: BenefitKind) => `/admin/benefits/policy/index?kind=${kind}`

export function useBenefitPolicies() {
  return useRemote(() => call('benefits', 'policies'))
}

export function useFestivals() {
  return useRemote(() => call('benefits', 'festivals'))
}

const viewOf = (kind: BenefitKind) => (views: PolicyView[]) => views.find((view) => view.kind === kind)

export function usePolicyEditor(kind: BenefitKind) {
  const policies = useBenefitPolicies()
  const view = policies.data && viewOf(kind)(policies.data)
  const { form, errors, change, accept } = useSeededForm<PolicyView, PolicyForm | undefined>(view, policyForm, undefined)
  const saving = useMutation((input: PolicyRequest, key: string) => write('benefits', 'updatePolicy', input, key), {
    success: '已保存',
    onSuccess: () => void Taro.navigateBack(),
  })
  const save = () => {
    if (!form) return
    const input = accept(policyInput(form))
    if (input) void saving.run(input)
  }
  return { policies, view, form, errors, change, save, saving: saving.busy }
}

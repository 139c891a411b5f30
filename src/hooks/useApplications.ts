/** 慰问申请 for a member: my applications and their progress, and the form (mine, or a unit admin's for a member). */
import Taro from '@tarojs/taro'
import { PROOF_MAX_BYTES, type ApplicationView } from '../../types/benefitApplications'
import { call, toApiError, write } from '../services/api'
import { applicationInput, emptyApplication, formOfReturned, type ApplicationForm, type ApplicationRequest } from '../services/applicationForm'
import { pickAndUploadImage } from '../services/images'
import { useFormState } from './useFormState'
import { useMutation } from './useMutation'
import { usePagedList } from './usePagedList'
import { useReminders } from './useMessages'

export const MY_APPLICATIONS_URL = '/benefits/applications/index'
export const APPLY_URL = '/benefits/apply/index'

/** A returned application the member chose to put right, handed to 申请慰问 as it opens. */
let toRetry: ApplicationView | undefined

/** 修改后重新申请: opens 申请慰问 filled from the returned application. */
export function retryApplication(application: ApplicationView) {
  toRetry = application
  void Taro.navigateTo({ url: APPLY_URL })
}

/** The application 申请慰问 opens with (once): the one handed over, or none. */
export function takeRetry(): ApplicationView | undefined {
  const taken = toRetry
  toRetry = undefined
  return taken
}

export function useMyApplications() {
  return usePagedList((offset, limit) => call('benefits', 'myApplications', { offset, limit }), [])
}

/** 订阅申请进度: each step of an application, and the payout once approved. */
export const useApplicationReminders = () => useReminders(['benefitApplication', 'benefitIssued'], '审核结果会发到「消息」中')

/**
 * The application form and its sending with `send` (apply, or applyFor): the function's refusal of a field shows
 * under it; `done` runs with the application filed. `returned` fills the form from a returned application.
 */
export function useApplicationForm(send: (request: ApplicationRequest, key: string) => Promise<ApplicationView>, done: (application: ApplicationView) => void, returned?: ApplicationView) {
  const { form, setForm, errors, setErrors, change, accept } = useFormState<ApplicationForm>(() => (returned ? formOfReturned(returned) : emptyApplication()))
  const picking = useMutation(async () => {
    const image = await pickAndUploadImage(PROOF_MAX_BYTES)
    if (image) setForm((previous) => ({ ...previous, proofs: [...previous.proofs, { fileId: image.fileId, url: image.previewUrl }] }))
  })
  const submitting = useMutation(
    async (request: ApplicationRequest, key: string) => {
      try {
        return await send(request, key)
      } catch (caught) {
        const error = toApiError(caught)
        if (error.code === 'INVALID_INPUT') setErrors(error.fields)
        throw error
      }
    },
    { success: '已提交', onSuccess: done },
  )
  const submit = () => {
    const request = accept(applicationInput(form))
    if (request) void submitting.run(request)
  }
  return { form, errors, change, addProof: () => void picking.run(), addingProof: picking.busy, submit, busy: submitting.busy }
}

/** A member applying for themselves; filed, they land in 我的慰问申请. */
export function useApply(returned?: ApplicationView) {
  return useApplicationForm(
    (request, key) => write('benefits', 'apply', request, key),
    () => void Taro.redirectTo({ url: `${MY_APPLICATIONS_URL}?filed=1` }),
    returned,
  )
}

/** 慰问申请 for a member: my applications and their progress, and the form (mine, or a unit admin's for a member). */
import Taro from '@tarojs/taro'
import type { ApplicationView } from '../../types/benefitApplications'
import { call, write } from '../services/api'
import { applicationInput, emptyApplication, formOfReturned, type ApplicationRequest } from '../services/applicationForm'
import { usePagedList } from './usePagedList'
import { useReminders } from './useMessages'
import { useProofForm } from './useProofForm'

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
  return useProofForm(() => (returned ? formOfReturned(returned) : emptyApplication()), applicationInput, send, done)
}

/** A member applying for themselves; filed, they land in 我的慰问申请. */
export function useApply(returned?: ApplicationView) {
  return useApplicationForm(
    (request, key) => write('benefits', 'apply', request, key),
    () => void Taro.redirectTo({ url: `${MY_APPLICATIONS_URL}?filed=1` }),
    returned,
  )
}

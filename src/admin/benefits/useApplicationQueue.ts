/** 慰问申请审批: a unit's (or every unit's) applications by state, one application to check or decide, and applying for a member. */
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type * as v from 'valibot'
import type { ApplicationState, ApplicationView } from '../../../types/benefitApplications'
import type { BenefitForm } from '../../../types/benefits'
import { DecideApplicationSchema } from '../../../types/benefitApplications'
import { requestCheck } from '../../../types/validation'
import { useApplicationForm } from '../../hooks/useApplications'
import { useFormState } from '../../hooks/useFormState'
import { useMemberSearch } from '../../hooks/useMemberSearch'
import { useMutation } from '../../hooks/useMutation'
import { usePagedList } from '../../hooks/usePagedList'
import { useRemote } from '../../hooks/useRemote'
import { call, write } from '../../services/api'
import { typedNumber } from './policyForm'
import { useAdminUnit } from './useLedger'

export const QUEUE_URL = '/admin/benefits/applications/index'
export const applicationUrl = (id: string) => `/admin/benefits/application/index?id=${id}`
export const APPLY_FOR_URL = '/admin/benefits/applyFor/index'

/** The queue: what awaits the caller first (待校工会审批 for the union office, 待分工会审核 for a unit admin). */
export function useApplicationQueue() {
  const { ready, unitId } = useAdminUnit()
  const [chosen, setState] = useState<ApplicationState>()
  const state = chosen ?? (unitId ? 'submitted' : 'checked')
  const list = usePagedList(
    (offset, limit) => (ready ? call('benefits', 'applicationQueue', { state, ...(unitId ? { unitId } : {}), offset, limit }) : Promise.resolve({ items: [], hasMore: false })),
    [ready, state, unitId],
  )
  return { list, state, setState, unitId, ready }
}

interface ApprovalForm {
  amount: string
  form: BenefitForm | ''
  item: string
}

/** One application (each look is audited), the unit admin's check and the union office's decision. */
export function useApplicationReview(applicationId: string) {
  const { ready, unitId } = useAdminUnit()
  const office = ready && !unitId
  const application = useRemote(() => call('benefits', 'application', { applicationId }), [applicationId])
  const policies = useRemote(() => (office ? call('benefits', 'policies') : Promise.resolve([])), [office])
  const approval = useFormState<ApprovalForm>({ amount: '', form: '', item: '' })
  const after = (fresh: ApplicationView) => {
    // What the step answers, with the proofs already shown (loading them again would log another look).
    application.setData((previous) => ({ ...previous!, ...fresh }))
  }
  const checking = useMutation((approve: boolean | string, key) =>
    write('benefits', 'checkApplication', approve === true ? { applicationId, approve: true } : { applicationId, approve: false, reason: String(approve) }, key),
    { success: (fresh) => (fresh.state === 'returned' ? '已退回' : '已通过审核'), onSuccess: after },
  )
  const deciding = useMutation((request: v.InferInput<typeof DecideApplicationSchema>, key) => write('benefits', 'decideApplication', request, key), {
    success: (fresh) => (fresh.state === 'returned' ? '已退回' : '已批准发放'),
    onSuccess: after,
  })
  const approve = () => {
    const { amount, form, item } = approval.form
    const request = approval.accept(requestCheck(DecideApplicationSchema, { applicationId, approve: true, amount: typedNumber(amount), form, ...(item.trim() ? { item } : {}) }))
    if (request) void deciding.run(request)
  }
  const kind = application.data?.kind
  const policy = policies.data?.find((view) => view.kind === kind)?.policy
  return {
    application,
    office,
    policy,
    approval,
    approve,
    check: () => void checking.run(true),
    giveBack: (reason: string) => void (application.data?.state === 'submitted' ? checking.run(reason) : deciding.run({ applicationId, approve: false, reason })),
    busy: checking.busy || deciding.busy,
  }
}

/** 代为申请: a unit admin (or the union office) finds a member and applies for them. */
export function useApplyFor() {
  const { unitId } = useAdminUnit()
  const search = useMemberSearch(unitId)
  const form = useApplicationForm(
    (application, key) => write('benefits', 'applyFor', { memberId: search.member!.id, application }, key),
    (filed) => void Taro.redirectTo({ url: applicationUrl(filed.id) }),
  )
  return { search, ...form }
}

/**
 * 困难帮扶档案: the file (a unit admin's unit's, or every unit's for the union office), reporting a member's case,
 * and one case with what can be done with it. Every answer of the functions here is an audited look: nothing loads
 * a case again without need.
 */
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type * as v from 'valibot'
import type { BenefitForm } from '../../../types/benefits'
import {
  CloseHardshipSchema,
  FileHardshipSchema,
  HardshipAidSchema,
  HardshipVisitSchema,
  ReportHardshipSchema,
  type HardshipCause,
  type HardshipCaseDetail,
  type HardshipLevel,
  type HardshipState,
  type VisitKind,
} from '../../../types/hardship'
import { shanghaiDay } from '../../../types/time'
import { requestCheck, type FormCheck } from '../../../types/validation'
import { useFormState } from '../../hooks/useFormState'
import { useMemberSearch } from '../../hooks/useMemberSearch'
import { useMutation } from '../../hooks/useMutation'
import { usePagedList } from '../../hooks/usePagedList'
import { useProofForm } from '../../hooks/useProofForm'
import { useRemote } from '../../hooks/useRemote'
import { call, write } from '../../services/api'
import type { ProofImage } from '../../services/applicationForm'
import { typedNumber } from './policyForm'
import { useAdminUnit } from './useLedger'

export const HARDSHIP_URL = '/admin/benefits/hardship/index'
export const HARDSHIP_REPORT_URL = '/admin/benefits/hardshipReport/index'
export const hardshipCaseUrl = (id: string) => `/admin/benefits/hardshipCase/index?id=${id}`

/** The file by state: the union office opens on what waits for it (待校工会确认), a unit admin on all of theirs. */
export function useHardshipCases() {
  const { ready, unitId } = useAdminUnit()
  const [chosen, setState] = useState<HardshipState | 'all'>()
  const state = chosen ?? (unitId ? 'all' : 'reported')
  const list = usePagedList(
    (offset, limit) =>
      ready ? call('benefits', 'hardshipCases', { ...(state === 'all' ? {} : { state }), ...(unitId ? { unitId } : {}), offset, limit }) : Promise.resolve({ items: [], hasMore: false }),
    [ready, state, unitId],
  )
  return { list, state, setState, unitId }
}

interface ReportForm {
  cause: HardshipCause | ''
  level: HardshipLevel | ''
  situation: string
  proofs: ProofImage[]
}

const emptyReport = (): ReportForm => ({ cause: '', level: '', situation: '', proofs: [] })

/** 上报困难帮扶: find the member (a unit admin: in their unit), then the case; reported, it opens. */
export function useHardshipReport() {
  const { unitId } = useAdminUnit()
  const search = useMemberSearch(unitId)
  const toRequest = ({ cause, level, situation, proofs }: ReportForm): FormCheck<v.InferInput<typeof ReportHardshipSchema>> =>
    requestCheck(ReportHardshipSchema, { memberId: search.member?.id, cause, level, situation, proofFileIds: proofs.map((proof) => proof.fileId) })
  const form = useProofForm(
    emptyReport,
    toRequest,
    (request, key) => write('benefits', 'reportHardship', request, key),
    (reported) => void Taro.redirectTo({ url: hardshipCaseUrl(reported.id) }),
  )
  return { search, ...form }
}

/** What is being done with the case: one form at a time. */
export type CaseStep = 'file' | 'return' | 'aid' | 'visit' | 'close'

interface StepForm {
  cause: HardshipCause | ''
  level: HardshipLevel | ''
  reason: string
  amount: string
  form: BenefitForm | ''
  item: string
  day: string
  approvalRef: string
  visitKind: VisitKind | ''
  visitors: string
  note: string
}

const emptyStep = (): StepForm => ({ cause: '', level: '', reason: '', amount: '', form: '', item: '', day: shanghaiDay(new Date()), approvalRef: '', visitKind: '', visitors: '', note: '' })

/** The request each step sends, checked with the schema the function validates with. */
function stepRequest(step: CaseStep, caseId: string, fields: StepForm) {
  const { cause, level, reason, amount, form, item, day, approvalRef, visitKind, visitors, note } = fields
  switch (step) {
    case 'file':
      return { action: 'fileHardship' as const, check: requestCheck(FileHardshipSchema, { caseId, approve: true, cause, level }) }
    case 'return':
      return { action: 'fileHardship' as const, check: requestCheck(FileHardshipSchema, { caseId, approve: false, reason }) }
    case 'aid':
      return { action: 'recordHardshipAid' as const, check: requestCheck(HardshipAidSchema, { caseId, amount: typedNumber(amount), form, day, approvalRef, ...(item.trim() ? { item } : {}) }) }
    case 'visit':
      return { action: 'recordHardshipVisit' as const, check: requestCheck(HardshipVisitSchema, { caseId, visitKind, day, visitors, note }) }
    case 'close':
      return { action: 'closeHardship' as const, check: requestCheck(CloseHardshipSchema, { caseId, reason }) }
  }
}

const DONE: Record<CaseStep, string> = { file: '已建档', return: '已退回', aid: '已登记帮扶', visit: '已登记走访', close: '已结档' }

/** One case (one audited look), and the steps its state allows the caller: the union office's, or its unit admin's visits. */
export function useHardshipCase(caseId: string) {
  const { ready, unitId } = useAdminUnit()
  const office = ready && !unitId
  const detail = useRemote(() => call('benefits', 'hardshipCase', { caseId }), [caseId])
  const policies = useRemote(() => (office ? call('benefits', 'policies') : Promise.resolve([])), [office])
  const [step, setStep] = useState<CaseStep>()
  const fields = useFormState<StepForm>(emptyStep)
  const sending = useMutation(
    ({ action, request }: { action: ReturnType<typeof stepRequest>['action']; request: object; step: CaseStep }, key) =>
      write('benefits', action, request as never, key) as Promise<HardshipCaseDetail>,
    {
      success: (_, { step: done }) => DONE[done],
      onSuccess: (fresh) => {
        // The answer is the case as it now is: no second look to log.
        detail.setData(fresh)
        setStep(undefined)
      },
    },
  )
  const begin = (next: CaseStep) => {
    const data = detail.data
    fields.setForm({ ...emptyStep(), ...(next === 'file' && data ? { cause: data.cause, level: data.level } : {}) })
    setStep(next)
  }
  const confirm = () => {
    if (!step) return
    const { action, check } = stepRequest(step, caseId, fields.form)
    const request = fields.accept(check as FormCheck<object>)
    if (request) void sending.run({ action, request, step })
  }
  const state = detail.data?.state
  const steps: CaseStep[] = state === 'reported' && office ? ['return', 'file'] : state === 'filed' ? (office ? ['close', 'visit', 'aid'] : ['visit']) : []
  const policy = policies.data?.find((view) => view.kind === 'hardship')?.policy
  return { detail, office, policy, steps, step, begin, cancel: () => setStep(undefined), fields, confirm, busy: sending.busy }
}

/** 提案审查 (the session's committee, the union office): the queue by state, and one proposal's decision. */
import Taro from '@tarojs/taro'
import type * as v from 'valibot'
import { DecideSchema, type ProposalState } from '../../../types/proposals'
import { requestCheck } from '../../../types/validation'
import { useFormState } from '../../hooks/useFormState'
import { useMutation } from '../../hooks/useMutation'
import { usePagedList } from '../../hooks/usePagedList'
import { useRemote } from '../../hooks/useRemote'
import { call, write } from '../../services/api'

export const decideUrl = (id: string) => `/admin/proposals/decide/index?id=${encodeURIComponent(id)}`

export function useReviewQueue(sessionId: string | undefined, state: ProposalState) {
  return usePagedList((offset, limit) => (sessionId ? call('proposals', 'reviewQueue', { sessionId, state, offset, limit }) : Promise.resolve({ items: [], hasMore: false })), [sessionId, state])
}

export type Decision = 'accept' | 'merge' | 'convert' | 'reject'

export interface DecisionForm {
  step: Decision
  mainId: string
  reason: string
}

type DecideRequest = v.InferInput<typeof DecideSchema>

/** The request a decision form makes, checked with the function's own schema. */
function decisionInput(id: string, form: DecisionForm) {
  const request = form.step === 'accept' ? { id, step: form.step } : form.step === 'merge' ? { id, step: form.step, mainId: form.mainId, reason: form.reason } : { id, step: form.step, reason: form.reason }
  return requestCheck(DecideSchema, request)
}

/** One submitted proposal's decision: its text, the session's proposals alike, those it may be merged into. */
export function useDecision(id: string) {
  const detail = useRemote(() => call('proposals', 'detail', { id }), [id])
  const sessionId = detail.data?.sessionId
  const mains = useRemote(() => (sessionId ? call('proposals', 'reviewQueue', { sessionId, state: 'accepted', limit: 50 }) : Promise.resolve({ items: [], hasMore: false })), [sessionId])
  const similar = useRemote(
    () => (detail.data?.sessionId ? call('proposals', 'similar', { sessionId: detail.data.sessionId, title: detail.data.title, text: `${detail.data.reasons}\n${detail.data.measures}`, excludeId: id }) : Promise.resolve([])),
    [detail.data?.id],
  )
  const { form, errors, change, accept } = useFormState<DecisionForm>({ step: 'accept', mainId: '', reason: '' })
  const deciding = useMutation((request: DecideRequest, key: string) => write('proposals', 'decide', request, key), {
    success: (fresh) => (fresh.number ? `已立案：${fresh.number}` : `已${fresh.stateLabel.replace(/^已/, '')}`),
    onSuccess: () => void Taro.navigateBack(),
  })
  const decide = () => {
    const input = accept(decisionInput(id, form))
    if (input) void deciding.run(input)
  }
  return { detail, mains: mains.data?.items ?? [], similar: similar.data ?? [], form, errors, change, decide, busy: deciding.busy }
}

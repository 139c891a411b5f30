/** 提案审查 and 承办: the committee's queue and decisions, and a proposal's handling by its departments. */
import Taro from '@tarojs/taro'
import type * as v from 'valibot'
import { AnswerSchema, AssignSchema, AssistInputSchema, DecideSchema, ReplySchema, type ProposalState, type ReplyOutcome } from '../../../types/proposals'
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

export const handleUrl = (id: string) => `/admin/proposals/handle/index?id=${encodeURIComponent(id)}`

export interface HandlingForm {
  leadDeptId: string
  assistDeptIds: string[]
  replyDue: string
  outcome: ReplyOutcome
  text: string
  completionDate: string
}

/**
 * One proposal's handling, for whoever the caller is to it: the committee assigns it (the union office forwards or
 * answers a suggestion), an assisting department gives its input, the lead department replies.
 */
export function useHandling(id: string) {
  const detail = useRemote(() => call('proposals', 'detail', { id }), [id])
  const session = useRemote(() => call('proposals', 'session', {}))
  const { form, errors, change, accept } = useFormState<HandlingForm>({ leadDeptId: '', assistDeptIds: [], replyDue: '', outcome: 'adopted', text: '', completionDate: '' })
  const back = { success: '已提交', onSuccess: () => void Taro.navigateBack() }
  const sending = useMutation((send: (key: string) => Promise<unknown>, key: string) => send(key), back)
  const run = <S extends v.GenericSchema>(schema: S, request: unknown, send: (input: v.InferInput<S>, key: string) => Promise<unknown>) => {
    const input = accept(requestCheck(schema, request))
    if (input) void sending.run((key) => send(input, key))
  }
  return {
    detail,
    departments: session.data?.departments ?? [],
    form,
    errors,
    change,
    busy: sending.busy,
    assign: () =>
      run(AssignSchema, { id, leadDeptId: form.leadDeptId, assistDeptIds: form.assistDeptIds, ...(form.replyDue ? { replyDue: form.replyDue } : {}) }, (input, key) => write('proposals', 'assign', input, key)),
    answer: () => run(AnswerSchema, { id, text: form.text }, (input, key) => write('proposals', 'answer', input, key)),
    reply: () =>
      run(ReplySchema, { id, outcome: form.outcome, text: form.text, ...(form.outcome === 'adopted' ? { completionDate: form.completionDate } : {}) }, (input, key) => write('proposals', 'reply', input, key)),
    assistInput: (deptId: string) => run(AssistInputSchema, { id, deptId, text: form.text }, (input, key) => write('proposals', 'assistInput', input, key)),
  }
}

/** A department's proposals: its lead ones and those it assists, the reply due first. */
export function useHandlingQueue(deptId: string | undefined) {
  return usePagedList((offset, limit) => (deptId ? call('proposals', 'handlingQueue', { deptId, offset, limit }) : Promise.resolve({ items: [], hasMore: false })), [deptId])
}

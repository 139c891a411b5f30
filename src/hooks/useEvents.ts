/** Data for the members' event screens: the list, an event, signing up, my sign-ups, check-in, the 行事历. */
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { EventKind, EventListTab, FormAnswers, FormField, MySignupView, SignupResult } from '../../types/events'
import type { MessageKind } from '../../types/messages'
import { formatDateTime } from '../../types/time'
import { ApiError, call, toApiError, write, type ClientErrorCode } from '../services/api'
import { RETRIED_CODES, retryWhileBusy } from '../services/busyRetry'
import { checkDraft, draftOf, type FormDraft } from '../services/eventForm'
import { confirmed, showError } from '../services/feedback'
import { useFormState } from './useFormState'
import { useReminders } from './useMessages'
import { useMutation } from './useMutation'
import { usePagedList } from './usePagedList'
import { useRemote } from './useRemote'

export const eventUrl = (id: string) => `/events/detail/index?id=${encodeURIComponent(id)}`
export const signupUrl = (id: string) => `/events/signup/index?id=${encodeURIComponent(id)}`
export const MY_SIGNUPS_URL = '/events/mine/index'
export const CALENDAR_URL = '/events/calendar/index'
export const EVENTS_TAB_URL = '/pages/events/index'

export const openEvent = (id: string) => Taro.navigateTo({ url: eventUrl(id) })

/** 活动: one tab's events, optionally of one kind, a page at a time. */
export function useEventList(tab: EventListTab, kind: EventKind | 'all') {
  return usePagedList((offset, limit) => call('events', 'list', { tab, ...(kind === 'all' ? {} : { kind }), offset, limit }), [tab, kind])
}

/** What a member may do with their own sign-up, each asked first and then done with its own key. */
function useSignupActions(onChanged: () => void | Promise<void>) {
  const cancelling = useMutation((signup: MySignupView, key) => write('events', 'cancelSignup', { signupId: signup.id }, key), {
    success: (result) => result.message,
    onSuccess: onChanged,
  })
  const accepting = useMutation((signup: MySignupView, key) => write('events', 'acceptOffer', { signupId: signup.id }, key), {
    success: (result) => (result.state === 'pending' ? '已确认，待组织者审核' : '已确认参加'),
    onSuccess: onChanged,
  })
  const cancel = async (signup: MySignupView) => {
    const ask = signup.state === 'offered'
      ? { title: '放弃名额', content: `确定放弃「${signup.eventTitle}」空出的名额吗？名额将让给下一位候补。`, confirm: '放弃名额' }
      : signup.cancelNeedsApproval
      ? { title: '申请取消报名', content: `「${signup.eventTitle}」取消报名须经组织者同意，同意后您的名额将让给其他人。确定申请取消吗？`, confirm: '申请取消' }
      : signup.state === 'waiting'
        ? { title: '退出候补', content: `确定退出「${signup.eventTitle}」的候补吗？退出后排队位置不再保留。`, confirm: '退出候补' }
        : { title: '取消报名', content: `确定取消「${signup.eventTitle}」的报名吗？取消后名额将让给其他人。`, confirm: '取消报名' }
    if (await confirmed(ask.title, ask.content, ask.confirm)) await cancelling.run(signup)
  }
  const accept = async (signup: MySignupView) => {
    const deadline = signup.offerExpiresAt ? `请在 ${formatDateTime(signup.offerExpiresAt)} 前确认，过时名额将让给下一位候补。` : ''
    if (await confirmed('确认参加', `有名额空出，确认参加「${signup.eventTitle}」吗？${deadline}`, '确认参加')) await accepting.run(signup)
  }
  return { cancel, accept, busy: cancelling.busy || accepting.busy }
}

/** The words on a sign-up's cancel button, or undefined when it cannot be cancelled now. */
export function cancelLabel(signup: MySignupView): string | undefined {
  if (!signup.canCancel) return undefined
  if (signup.cancelNeedsApproval) return '申请取消'
  if (signup.state === 'offered') return '放弃名额'
  return signup.state === 'waiting' ? '退出候补' : '取消报名'
}

/** An event's page: the event, my sign-up, and what I can do with it. */
export function useEventDetail(id: string) {
  const detail = useRemote(() => call('events', 'detail', { eventId: id }), [id])
  const actions = useSignupActions(() => detail.reload())
  return { ...detail, ...actions }
}

/** The kinds of message a member signing up would want on WeChat. */
export const EVENT_MESSAGE_KINDS: MessageKind[] = ['eventReminder', 'eventSignup', 'eventCancelled']

/** What the result screen says: 报名成功, 候补第 N 位, 待审核. */
export function resultHeadline(result: SignupResult): string {
  switch (result.state) {
    case 'confirmed':
      return '报名成功'
    case 'waiting':
      return result.waitlistPosition ? `候补第 ${result.waitlistPosition} 位` : '已加入候补'
    case 'pending':
      return '待审核'
    case 'offered':
      return '递补待确认'
    default:
      return result.message
  }
}

/** The form's errors from the function's answer (`answers.<key>` → the question's key). */
const fieldErrorsOf = (error: ApiError) =>
  Object.fromEntries(Object.entries(error.fields).map(([path, message]) => [path.replace(/^answers\./, ''), message]))

/**
 * 报名: the event's form, filled from the member's own details, checked here as the function checks it, and sent with
 * one idempotency key per intended submission. While the cloud is overloaded the same submission is tried again
 * (retryWhileBusy) and `queued` says so; the answer is the result screen's.
 */
export function useSignupForm(id: string) {
  const detail = useRemote(() => call('events', 'detail', { eventId: id }), [id])
  const { form, setForm, errors, change, accept } = useFormState<FormDraft>({})
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const seeded = useRef(false)
  const [queued, setQueued] = useState<{ tries: number; code: ClientErrorCode }>()
  const [result, setResult] = useState<SignupResult>()
  const [gaveUp, setGaveUp] = useState(false)
  const questions: FormField[] = detail.data?.form ?? []

  useEffect(() => {
    if (seeded.current || !detail.data) return
    seeded.current = true
    setForm(draftOf(detail.data.form, detail.data.prefill))
  }, [detail.data, setForm])

  const submitting = useMutation(
    async (answers: FormAnswers, key) => {
      setGaveUp(false)
      try {
        return await retryWhileBusy(() => write('events', 'signUp', { eventId: id, answers }, key), {
          onWaiting: (tries, code) => setQueued({ tries, code }),
        })
      } catch (error) {
        const failure = toApiError(error)
        // A form error from the function goes under its question too; a submission with no answer yet is not a failure.
        if (failure.code === 'INVALID_INPUT') setFieldErrors(fieldErrorsOf(failure))
        if (RETRIED_CODES.includes(failure.code)) setGaveUp(true)
        throw failure
      } finally {
        setQueued(undefined)
      }
    },
    { onSuccess: (answer) => setResult(answer) },
  )

  const answer = (key: string, value: string | string[]) => {
    change({ [key]: value })
    setFieldErrors({})
  }

  const submit = () => {
    const checked = accept(checkDraft(questions, form))
    if (!checked) return
    setFieldErrors({})
    void submitting.run(checked)
  }

  return { detail, questions, form, errors: { ...errors, ...fieldErrors }, answer, submit, busy: submitting.busy, queued, gaveUp, result }
}

/** 订阅活动提醒: asks WeChat (from the tap) for the event kinds that have a template. */
export const useEventReminders = () => useReminders(EVENT_MESSAGE_KINDS, '活动提醒会发到「消息」中')

/** 我的报名: every sign-up of mine, newest first, and what I can do with each. */
export function useMySignups() {
  const list = usePagedList((offset, limit) => call('events', 'mySignups', { offset, limit }), [])
  const actions = useSignupActions(() => list.reload())
  return { list, ...actions }
}

export type CheckInState = { state: 'checking' } | { state: 'done'; checkedIn: boolean; message: string; eventId: string; eventTitle: string } | { state: 'failed'; error: ApiError }

/**
 * 签到: the scanned scene checked in once when the page opens (not again when it shows again: the second answer
 * would be 已签到), and again on 重试.
 */
export function useCheckIn(scene: string) {
  const [outcome, setOutcome] = useState<CheckInState>({ state: 'checking' })
  const run = useCallback(async () => {
    setOutcome({ state: 'checking' })
    if (!scene) {
      setOutcome({ state: 'failed', error: new ApiError('INVALID_INPUT', '没有读到签到码，请扫描活动现场的签到码') })
      return
    }
    try {
      const answer = await retryWhileBusy(() => call('events', 'checkIn', { scene }))
      setOutcome({ state: 'done', ...answer })
    } catch (error) {
      const failure = toApiError(error)
      if (failure.code === 'NOT_SIGNED_IN') showError(failure)
      setOutcome({ state: 'failed', error: failure })
    }
  }, [scene])
  useEffect(() => void run(), [run])
  return { outcome, retry: run }
}

/** 行事历: a year of events and the union's own lines, by month. */
export function useCalendar(year: number) {
  return useRemote(() => call('events', 'calendar', { year }), [year])
}

/** 首页's 我的活动: my coming events, and how many are open for sign-up. */
export function useHomeEvents() {
  return useRemote(() => call('events', 'home'))
}


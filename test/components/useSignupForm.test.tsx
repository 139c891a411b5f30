/** 填写报名表's hook: prefilled, checked before sending, and retried under throttling with the same idempotency key. */
import { act } from '@testing-library/react'
import { useSignupForm } from '../../src/hooks/useEvents'
import { ApiError } from '../../src/services/api'
import { renderPageHook, settle, watchFeedback } from './page'

const busy = () => new ApiError('BUSY', '当前使用人数较多，请稍后再试')

// The sign-up hook over a write that is throttled first: the retry sends the same idempotency key.
const mockWrite = jest.fn()
const mockCall = jest.fn()
jest.mock('../../src/services/api', () => ({
  ...jest.requireActual('../../src/services/api'),
  call: (...args: unknown[]) => mockCall(...args),
  write: (...args: unknown[]) => mockWrite(...args),
}))

const feedback = watchFeedback()

const VOLLEYBALL = {
  id: 'event-volleyball',
  title: '2026年教职工气排球比赛',
  form: [
    { key: 'group', label: '参赛组别', type: 'choice', required: true, options: ['男子组', '女子组', '混合组'] },
    { key: 'phone', label: '联系电话', type: 'phone', required: true },
  ],
  prefill: { phone: '13800001234' },
  verdict: { can: true, outcome: 'confirm', message: '可以报名' },
}

describe('useSignupForm under throttling', () => {
  beforeEach(() => {
    mockCall.mockReset().mockResolvedValue(VOLLEYBALL)
    mockWrite.mockReset()
    jest.spyOn(Math, 'random').mockReturnValue(0)
  })

  it('is prefilled with my phone, shows 排队中 while throttled, and retries with the same key until it answers', async () => {
    mockWrite.mockRejectedValueOnce(busy()).mockResolvedValueOnce({ signupId: 's1', state: 'confirmed', message: '报名成功' })
    const { result } = await renderPageHook(() => useSignupForm('event-volleyball'))
    await settle()
    expect(result.current.form).toEqual({ group: '', phone: '13800001234' })

    act(() => result.current.answer('group', '女子组'))
    act(() => result.current.submit())
    await settle()
    expect(result.current.busy).toBe(true)
    expect(result.current.queued).toEqual({ tries: 1, code: 'BUSY' })

    // The first wait is 750 ms with Math.random at 0.
    await act(async () => new Promise((resolve) => setTimeout(resolve, 800)))
    await settle()
    expect(mockWrite).toHaveBeenCalledTimes(2)
    const [first, second] = mockWrite.mock.calls
    expect(first.slice(0, 3)).toEqual(['events', 'signUp', { eventId: 'event-volleyball', answers: { group: '女子组', phone: '13800001234' } }])
    expect(second[3]).toBe(first[3])
    expect(first[3]).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(result.current.queued).toBeUndefined()
    expect(result.current.result).toEqual({ signupId: 's1', state: 'confirmed', message: '报名成功' })
    expect(result.current.gaveUp).toBe(false)
    // Nothing told the person it failed.
    expect(feedback.modal).not.toHaveBeenCalled()
  })

  it('checks the answers before sending: a missing required choice is shown under it and nothing is sent', async () => {
    const { result } = await renderPageHook(() => useSignupForm('event-volleyball'))
    await settle()
    act(() => result.current.answer('phone', '1380000'))
    act(() => result.current.submit())
    await settle()
    expect(mockWrite).not.toHaveBeenCalled()
    expect(result.current.errors).toEqual({ group: '请填写「参赛组别」', phone: '「联系电话」应为 1 开头的 11 位手机号' })
    expect(feedback.toast).toHaveBeenCalledWith({ title: '请填写「参赛组别」', icon: 'none', duration: 2500 })
  })

  it('puts the function’s form error under its question', async () => {
    mockWrite.mockRejectedValueOnce(new ApiError('INVALID_INPUT', '报名表没有这道题，请刷新后重新填写', { 'answers.group': '报名表没有这道题，请刷新后重新填写' }))
    const { result } = await renderPageHook(() => useSignupForm('event-volleyball'))
    await settle()
    act(() => result.current.answer('group', '男子组'))
    act(() => result.current.submit())
    await settle()
    expect(result.current.errors).toEqual({ group: '报名表没有这道题，请刷新后重新填写' })
    expect(result.current.result).toBeUndefined()
  })
})

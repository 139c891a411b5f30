import { act } from '@testing-library/react'
import { useMutation } from '../../src/hooks/useMutation'
import { ApiError } from '../../src/services/api'
import { controlledLoader } from './deferred'
import { renderPageHook, settle, watchFeedback } from './page'

const feedback = watchFeedback()

interface Settings {
  youthUnderAge: number
}

/** Saving the union settings: each call of `save` waits for the test's answer. */
async function savingSettings(options: Parameters<typeof useMutation<Settings, Settings>>[1] = { success: '已保存' }) {
  const { load: save, calls } = controlledLoader<[Settings, string], Settings>()
  const rendered = await renderPageHook(() => useMutation(save, options))
  /** Taps 保存 with `input`. */
  const tap = (input: Settings) => act(() => void rendered.result.current.run(input))
  /** The key of each request sent. */
  const keys = () => calls.map((call) => call.args[1])
  return { ...rendered, save, calls, tap, keys }
}

describe('useMutation', () => {
  it('sends once when tapped twice while saving', async () => {
    const { result, save, calls, tap } = await savingSettings()
    tap({ youthUnderAge: 35 })
    tap({ youthUnderAge: 35 })
    expect(result.current.busy).toBe(true)
    expect(save).toHaveBeenCalledTimes(1)

    calls[0].resolve({ youthUnderAge: 35 })
    await settle()
    expect(result.current.busy).toBe(false)
    expect(feedback.toast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' })
  })

  it('sends every write with a key of 8 to 64 letters, digits, - or _', async () => {
    const { calls, tap, keys } = await savingSettings()
    tap({ youthUnderAge: 35 })
    calls[0].resolve({ youthUnderAge: 35 })
    await settle()
    expect(keys()[0]).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  })

  it.each([
    ['a timeout', new ApiError('TIMEOUT', '处理超时：这次操作可能已经完成，也可能没有。请稍后刷新查看；需要时再点一次，不会重复提交。')],
    ['a lost answer', new ApiError('NETWORK', '网络不太稳定：这次操作可能已经完成，也可能没有。请检查网络后刷新查看；需要时再点一次，不会重复提交。')],
    ['throttling', new ApiError('BUSY', '当前使用人数较多，请稍后再试')],
  ])('sends the same write again with the same key after %s', async (_what, failure) => {
    const { calls, tap, keys } = await savingSettings()
    tap({ youthUnderAge: 35 })
    calls[0].reject(failure)
    await settle()

    tap({ youthUnderAge: 35 })
    calls[1].resolve({ youthUnderAge: 35 })
    await settle()
    expect(keys()[1]).toBe(keys()[0])

    // The next write is another one.
    tap({ youthUnderAge: 36 })
    expect(keys()[2]).not.toBe(keys()[0])
  })

  it('makes a new key when the input changed after a timeout (that is another write)', async () => {
    const { calls, tap, keys } = await savingSettings()
    tap({ youthUnderAge: 35 })
    calls[0].reject(new ApiError('TIMEOUT', '处理超时'))
    await settle()

    tap({ youthUnderAge: 36 })
    expect(keys()[1]).not.toBe(keys()[0])
  })

  it('makes a new key after a definite answer, even for the same input', async () => {
    const { calls, tap, keys } = await savingSettings()
    tap({ youthUnderAge: 35 })
    calls[0].resolve({ youthUnderAge: 35 })
    await settle()
    tap({ youthUnderAge: 35 })
    calls[1].reject(new ApiError('CONFLICT', '设置已被他人修改'))
    await settle()
    tap({ youthUnderAge: 35 })

    expect(new Set(keys()).size).toBe(3)
  })

  it('shows a short error as a toast and a long one in full in a dialog', async () => {
    const { calls, tap } = await savingSettings()
    tap({ youthUnderAge: 35 })
    calls[0].reject(new ApiError('FORBIDDEN', '只有校工会管理员可以修改设置'))
    await settle()
    expect(feedback.toast).toHaveBeenCalledWith({ title: '只有校工会管理员可以修改设置', icon: 'none', duration: 2500 })
    expect(feedback.modal).not.toHaveBeenCalled()

    const long = '处理超时：这次操作可能已经完成，也可能没有。请稍后刷新查看；需要时再点一次，不会重复提交。'
    tap({ youthUnderAge: 35 })
    calls[1].reject(new ApiError('TIMEOUT', long))
    await settle()
    expect(feedback.modal).toHaveBeenCalledWith({ title: '处理超时', content: long, showCancel: false, confirmText: '知道了', confirmColor: '#c8161d' })
  })

  it('toasts what the answer says and then does what follows', async () => {
    const after = jest.fn()
    const { calls, tap } = await savingSettings({ success: (saved) => `已改为 ${saved.youthUnderAge} 岁`, onSuccess: after })
    tap({ youthUnderAge: 35 })
    calls[0].resolve({ youthUnderAge: 35 })
    await settle()

    expect(feedback.toast).toHaveBeenCalledWith({ title: '已改为 35 岁', icon: 'success' })
    expect(after).toHaveBeenCalledWith({ youthUnderAge: 35 }, { youthUnderAge: 35 })
  })

  it('does not follow up on a failure', async () => {
    const after = jest.fn()
    const { calls, tap } = await savingSettings({ success: '已保存', onSuccess: after })
    tap({ youthUnderAge: 35 })
    calls[0].reject(new ApiError('INVALID_INPUT', '青年年龄上限不能大于 60 岁'))
    await settle()

    expect(after).not.toHaveBeenCalled()
    expect(feedback.toast).toHaveBeenCalledWith({ title: '青年年龄上限不能大于 60 岁', icon: 'none', duration: 2500 })
  })
})

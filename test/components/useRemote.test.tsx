import { act } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { useRemote } from '../../src/hooks/useRemote'
import { ApiError } from '../../src/services/api'
import { controlledLoader } from './deferred'
import { renderPageHook, settle, watchFeedback } from './page'

const feedback = watchFeedback()

/** A screen that searches members by `q`. */
function searching() {
  const { load, calls } = controlledLoader<[string], string[]>()
  const useScreen = (props: { q: string }) => useRemote(() => load(props.q), [props.q])
  return { load, calls, useScreen }
}

/** The search opened with nothing typed, showing its first answer. */
async function openedSearch() {
  const search = searching()
  const rendered = await renderPageHook(search.useScreen, { q: '' })
  search.calls[0].resolve(['周建华'])
  await settle()
  return { ...search, ...rendered }
}

describe('useRemote', () => {
  it('loads when the screen opens and shows the answer', async () => {
    const { calls, useScreen } = searching()
    const { result } = await renderPageHook(useScreen, { q: '' })
    expect(result.current).toMatchObject({ data: undefined, error: undefined, loading: true })
    expect(calls.map((call) => call.args)).toEqual([['']])

    calls[0].resolve(['周建华', '沈丽萍'])
    await settle()
    expect(result.current).toMatchObject({ data: ['周建华', '沈丽萍'], error: undefined, loading: false })
  })

  it('drops an older answer that arrives after a newer one', async () => {
    const { calls, useScreen } = searching()
    const { result, rerender } = await renderPageHook(useScreen, { q: '张' })
    rerender({ q: '张三' })
    expect(calls.map((call) => call.args)).toEqual([['张'], ['张三']])

    calls[1].resolve(['张三'])
    await settle()
    calls[0].resolve(['张三', '张伟', '张敏'])
    await settle()

    expect(result.current).toMatchObject({ data: ['张三'], loading: false })
  })

  it('drops an older failure that arrives after a newer answer', async () => {
    const { calls, useScreen } = searching()
    const { result, rerender } = await renderPageHook(useScreen, { q: '张' })
    rerender({ q: '张三' })
    calls[1].resolve(['张三'])
    await settle()
    calls[0].reject(new ApiError('NETWORK', '网络不太稳定，请检查网络后重试'))
    await settle()

    expect(result.current).toMatchObject({ data: ['张三'], error: undefined, loading: false })
    expect(feedback.toast).not.toHaveBeenCalled()
  })

  it('starts from nothing for new inputs: the old answer does not stand for the new question', async () => {
    const { calls, useScreen } = searching()
    const { result, rerender } = await renderPageHook(useScreen, { q: '张' })
    calls[0].resolve(['张三'])
    await settle()

    rerender({ q: '李' })
    expect(result.current).toMatchObject({ data: undefined, loading: true })
  })

  it('refreshes quietly when the screen shows again, keeping what it shows until the fresh answer', async () => {
    const { calls, result, show } = await openedSearch()

    await show()
    expect(calls).toHaveLength(2)
    expect(result.current).toMatchObject({ data: ['周建华'], loading: true })

    calls[1].resolve(['周建华', '新来的会员'])
    await settle()
    expect(result.current).toMatchObject({ data: ['周建华', '新来的会员'], loading: false })
  })

  it('keeps the screen as it was, and says nothing, when the quiet refresh fails', async () => {
    const { calls, result, show } = await openedSearch()

    await show()
    calls[1].reject(new ApiError('NETWORK', '网络不太稳定，请检查网络后重试'))
    await settle()

    expect(result.current.data).toEqual(['周建华'])
    expect(result.current.loading).toBe(false)
    expect(feedback.toast).not.toHaveBeenCalled()
    expect(feedback.modal).not.toHaveBeenCalled()
  })

  it('says why when a pull-down refresh fails over data already shown', async () => {
    const stop = jest.spyOn(Taro, 'stopPullDownRefresh').mockResolvedValue({ errMsg: 'stopPullDownRefresh:ok' } as never)
    const { calls, result, pullDown } = await openedSearch()

    await pullDown()
    calls[1].reject(new ApiError('NETWORK', '网络不太稳定，请检查网络后重试'))
    await settle()

    expect(result.current.data).toEqual(['周建华'])
    expect(feedback.toast).toHaveBeenCalledWith({ title: '网络不太稳定，请检查网络后重试', icon: 'none', duration: 2500 })
    expect(stop).toHaveBeenCalledTimes(1)
  })

  it('leaves a first failure to the screen (nothing to keep, so the screen shows the error in place)', async () => {
    const { calls, useScreen } = searching()
    const { result } = await renderPageHook(useScreen, { q: '' })
    calls[0].reject(new ApiError('FORBIDDEN', '只有校工会管理员可以查看'))
    await settle()

    expect(result.current.data).toBeUndefined()
    expect(result.current.error).toMatchObject({ code: 'FORBIDDEN', message: '只有校工会管理员可以查看' })
    expect(feedback.toast).not.toHaveBeenCalled()
  })

  it('drops a load still under way when data is put in place (say, what a save answered)', async () => {
    const { calls, result, show } = await openedSearch()
    await show()

    await settle()
    act(() => result.current.setData(['周建华（已保存）']))
    calls[1].resolve(['周建华'])
    await settle()

    expect(result.current).toMatchObject({ data: ['周建华（已保存）'], loading: false })
  })
})

import { act } from '@testing-library/react'
import { usePagedList } from '../../src/hooks/usePagedList'
import { deskLayout } from '../../src/services/layout'
import type { Page } from '../../types/common'
import { controlledLoader } from './deferred'
import { renderPageHook, settle, watchFeedback } from './page'

const feedback = watchFeedback()

/** Rows "<tab>-<n>" for n in [from, to). */
const rows = (tab: string, from: number, to: number) => Array.from({ length: to - from }, (_, index) => `${tab}-${from + index}`)

/** The notice list's shape: a tab, and pages of notices. */
function noticeList() {
  const { load, calls } = controlledLoader<[string, number, number], Page<string>>()
  const useScreen = (props: { tab: string }) => usePagedList((offset, limit) => load(props.tab, offset, limit), [props.tab])
  /** The `index`-th request is answered with `items`. */
  const answer = async (index: number, items: string[], hasMore: boolean) => {
    calls[index].resolve({ items, hasMore })
    await settle()
  }
  return { calls, useScreen, answer }
}

/** The list opened on 全部, its first 20 rows shown and more to come. */
async function openedList() {
  const list = noticeList()
  const rendered = await renderPageHook(list.useScreen, { tab: 'all' })
  await list.answer(0, rows('all', 0, 20), true)
  return { ...list, ...rendered }
}

describe('usePagedList', () => {
  it('loads the first page, and the next one at the bottom of the screen', async () => {
    const { calls, answer, useScreen } = noticeList()
    const { result, reachBottom } = await renderPageHook(useScreen, { tab: 'all' })
    expect(calls.map((call) => call.args)).toEqual([['all', 0, 20]])
    await answer(0, rows('all', 0, 20), true)
    expect(result.current).toMatchObject({ items: rows('all', 0, 20), hasMore: true, loading: false })

    await reachBottom()
    expect(calls.map((call) => call.args)).toEqual([['all', 0, 20], ['all', 20, 20]])
    expect(result.current.loadingMore).toBe(true)
    await answer(1, rows('all', 20, 25), false)
    expect(result.current).toMatchObject({ items: rows('all', 0, 25), hasMore: false, loadingMore: false })

    // Nothing more to ask for.
    await reachBottom()
    expect(calls).toHaveLength(2)
  })

  it('asks for one next page at a time, and none while the list itself is loading', async () => {
    const { calls, answer, result, reachBottom, show } = await openedList()

    await reachBottom()
    await reachBottom()
    expect(calls).toHaveLength(2)
    await answer(1, rows('all', 20, 40), true)

    await show()
    expect(result.current.loading).toBe(true)
    await reachBottom()
    expect(calls).toHaveLength(3)
  })

  it('does not append a page asked for before the tab changed', async () => {
    const { calls, answer, result, rerender, reachBottom } = await openedList()
    await reachBottom()
    expect(calls[1].args).toEqual(['all', 20, 20])

    rerender({ tab: 'event' })
    expect(calls[2].args).toEqual(['event', 0, 20])
    await answer(2, rows('event', 0, 3), false)
    // The page of the old tab arrives last.
    await answer(1, rows('all', 20, 40), true)

    expect(result.current).toMatchObject({ items: rows('event', 0, 3), hasMore: false, loadingMore: false })
  })

  it('keeps the rows shown when the screen shows again, then replaces them with as many fresh ones', async () => {
    const { calls, answer, result, reachBottom, show } = await openedList()
    await reachBottom()
    await answer(1, rows('all', 20, 40), true)

    await show()
    // The 40 rows shown, in one request, while the 40 old rows stay.
    expect(calls[2].args).toEqual(['all', 0, 40])
    expect(result.current.items).toEqual(rows('all', 0, 40))
    const fresh = ['新通知', ...rows('all', 0, 39)]
    await answer(2, fresh, true)

    expect(result.current).toMatchObject({ items: fresh, hasMore: true, loading: false })
  })

  it('reloads more than one request holds in pieces of 50', async () => {
    const { calls, answer, result, reachBottom, show } = await openedList()
    for (const from of [20, 40, 60]) {
      await reachBottom()
      await answer(calls.length - 1, rows('all', from, from + 20), true)
    }
    expect(result.current.items).toHaveLength(80)

    await show()
    expect(calls[4].args).toEqual(['all', 0, 50])
    await answer(4, rows('all', 0, 50), true)
    expect(calls[5].args).toEqual(['all', 50, 30])
    await answer(5, rows('all', 50, 80), false)

    expect(result.current).toMatchObject({ items: rows('all', 0, 80), hasMore: false })
  })

  it('drops a next page that was asked for before a reload', async () => {
    const { answer, result, reachBottom } = await openedList()
    await reachBottom()

    await act(() => void result.current.reload())
    await answer(2, rows('all', 0, 20), true)
    await answer(1, rows('all', 20, 40), true)

    expect(result.current.items).toEqual(rows('all', 0, 20))
  })

  it('says why when the next page fails, and keeps the rows', async () => {
    const { calls, result, reachBottom } = await openedList()
    await reachBottom()
    calls[1].reject(new Error('socket hang up'))
    await settle()

    expect(result.current).toMatchObject({ items: rows('all', 0, 20), hasMore: true, loadingMore: false })
    expect(feedback.toast).toHaveBeenCalledWith({ title: '出错了，请稍后再试', icon: 'none', duration: 2500 })
  })

  it('takes pages of 50 at a desk', async () => {
    act(() => deskLayout.set(true))
    try {
      const { calls, useScreen } = noticeList()
      await renderPageHook(useScreen, { tab: 'all' })
      expect(calls[0].args).toEqual(['all', 0, 50])
    } finally {
      act(() => deskLayout.set(false))
    }
  })

  it('loads every row still to come when asked for all of them', async () => {
    const { calls, answer, result } = await openedList()

    act(() => void result.current.loadMore(true))
    expect(calls[1].args).toEqual(['all', 20, 50])
    await answer(1, rows('all', 20, 70), true)
    expect(calls[2].args).toEqual(['all', 70, 50])
    await answer(2, rows('all', 70, 75), false)

    expect(result.current).toMatchObject({ items: rows('all', 0, 75), hasMore: false })
  })
})

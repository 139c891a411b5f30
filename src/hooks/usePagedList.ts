import { useReachBottom } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { Page } from '../../types/common'
import { showError } from '../services/feedback'
import { deskLayout } from '../services/layout'
import { useRemote, type LoadReason, type Remote } from './useRemote'
import { useShared } from './useShared'

/** A page of a list on a phone, and at a desk, where a table shows more rows at once. */
const PHONE_PAGE = 20
const DESK_PAGE = 50
/** The most one request may ask for (the functions' page schema). */
const MAX_LIMIT = 50

type LoadPage<T> = (offset: number, limit: number) => Promise<Page<T>>

/** What a list screen shows: the loaded rows, and what more there is. */
export interface PagedList<T> extends Pick<Remote<Page<T>>, 'error' | 'loading' | 'reload'> {
  items: T[]
  hasMore: boolean
  loadingMore: boolean
  /** The next page (also at the bottom of the screen); with `all`, every row still to come. */
  loadMore: (all?: boolean) => Promise<void>
}

/** `count` rows from `offset` on (Infinity: to the end), asking at most MAX_LIMIT at a time. */
async function loadRows<T>(loadPage: LoadPage<T>, offset: number, count: number): Promise<Page<T>> {
  const items: T[] = []
  for (;;) {
    const page = await loadPage(offset + items.length, Math.min(MAX_LIMIT, count - items.length))
    items.push(...page.items)
    if (!page.hasMore || page.items.length === 0 || items.length >= count) return { items, hasMore: page.hasMore }
  }
}

/**
 * A list loaded a page at a time: the first page for new inputs, the next at the bottom of the screen. Loading again
 * (on show, on pull-down) reloads as many rows as are shown and replaces them at once, so the list keeps its
 * length and scroll. A page asked for before the inputs changed, or before a reload, is dropped.
 */
export function usePagedList<T>(loadPage: LoadPage<T>, deps: unknown[]): PagedList<T> {
  const pageSize = useShared(deskLayout) ? DESK_PAGE : PHONE_PAGE
  const shown = useRef(0)
  // Counts the loads that replace the list; a page appended for an earlier one no longer fits.
  const generation = useRef(0)
  const moreBusy = useRef(false)
  const [loadingMore, setLoadingMore] = useState(false)
  const list = useRemote((reason: LoadReason) => {
    generation.current += 1
    return loadRows(loadPage, 0, reason === 'refresh' ? Math.max(pageSize, shown.current) : pageSize)
  }, deps)
  const items = list.data?.items ?? []
  const hasMore = list.data?.hasMore ?? false
  shown.current = items.length

  const loadMore = async (all = false) => {
    if (!hasMore || list.loading || moreBusy.current) return
    const started = generation.current
    moreBusy.current = true
    setLoadingMore(true)
    try {
      const page = await loadRows(loadPage, items.length, all ? Infinity : pageSize)
      if (started === generation.current) list.setData((previous) => ({ items: [...(previous?.items ?? []), ...page.items], hasMore: page.hasMore }))
    } catch (error) {
      showError(error)
    } finally {
      moreBusy.current = false
      setLoadingMore(false)
    }
  }
  useReachBottom(() => void loadMore())

  return { error: list.error, loading: list.loading, reload: list.reload, items, hasMore, loadingMore, loadMore }
}

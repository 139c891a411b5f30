import { useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import type { Page } from '../../types/common'
import { showError } from './useRemote'
import { useRemote } from './useRemote'

const PAGE_SIZE = 20

/** A list that loads its first page (again on show and pull-down) and the next page at the bottom. */
export function usePagedList<T>(loadPage: (offset: number, limit: number) => Promise<Page<T>>, deps: unknown[]) {
  const [more, setMore] = useState<T[]>([])
  const [hasMore, setHasMore] = useState(false)
  const [loadingMore, setLoadingMore] = useState(false)
  const first = useRemote(async () => {
    const page = await loadPage(0, PAGE_SIZE)
    setMore([])
    setHasMore(page.hasMore)
    return page.items
  }, deps)
  const items = [...(first.data ?? []), ...more]

  useReachBottom(async () => {
    if (!hasMore || loadingMore) return
    setLoadingMore(true)
    try {
      const page = await loadPage(items.length, PAGE_SIZE)
      setMore((previous) => [...previous, ...page.items])
      setHasMore(page.hasMore)
    } catch (error) {
      showError(error)
    } finally {
      setLoadingMore(false)
    }
  })
  return { ...first, items, hasMore, loadingMore }
}

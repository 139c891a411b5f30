/** 发送记录 (union office): every WeChat subscription message, newest first, by where it is. */
import { useState } from 'react'
import type { PushState } from '../../../types/messages'
import { usePagedList } from '../../hooks/usePagedList'
import { call } from '../../services/api'

export type SendFilter = Exclude<PushState, 'none'> | 'all'

export function useSends(state: SendFilter) {
  const [counts, setCounts] = useState<Partial<Record<PushState, number>>>({})
  const list = usePagedList(async (offset, limit) => {
    const page = await call('messages', 'sends', { ...(state === 'all' ? {} : { state }), offset, limit })
    setCounts(page.counts)
    return page
  }, [state])
  return { list, counts }
}

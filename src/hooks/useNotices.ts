/** Data for the members' notice screens. */
import { inShanghai } from '../../types/time'
import type { NoticeCategory } from '../../types/notices'
import { call } from '../services/api'
import { usePagedList } from './usePagedList'
import { useRemote } from './useRemote'

function greetingAt(hour: number) {
  if (hour < 6) return '夜深了'
  if (hour < 11) return '早上好'
  if (hour < 13) return '中午好'
  if (hour < 18) return '下午好'
  return '晚上好'
}

/** 首页: who I am, pinned and recent notices, the unread count, and a greeting for the Shanghai hour. */
export function useHome() {
  const remote = useRemote(async () => {
    const [profile, home] = await Promise.all([call('members', 'me'), call('notices', 'home')])
    return { profile, home }
  })
  const today = inShanghai(new Date())
  return { ...remote, today: today.format('M月D日 dddd'), greeting: greetingAt(today.hour()) }
}

/** Every notice I may see, optionally of one category, a page at a time. */
export function useNoticeList(category: NoticeCategory | 'all') {
  return usePagedList(
    (offset, limit) => call('notices', 'list', { ...(category === 'all' ? {} : { category }), offset, limit }),
    [category],
  )
}

/** One notice; loading it marks it read. */
export function useNoticeDetail(id: string) {
  return useRemote(() => call('notices', 'detail', { id }), [id])
}

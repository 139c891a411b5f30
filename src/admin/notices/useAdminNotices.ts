/** Data and actions of the union office's notice list. */
import type { AdminNoticeRow, NoticeState } from '../../../types/notices'
import { useMutation } from '../../hooks/useMutation'
import { usePagedList } from '../../hooks/usePagedList'
import { call, write } from '../../services/api'
import { confirmed } from '../../services/feedback'

export function useAdminNotices(state: NoticeState | 'all') {
  const list = usePagedList(
    (offset, limit) => call('notices', 'adminList', { ...(state === 'all' ? {} : { state }), offset, limit }),
    [state],
  )
  const withdrawing = useMutation((id: string, key) => write('notices', 'withdraw', { id }, key), {
    success: '已撤回',
    onSuccess: () => list.reload(),
  })

  /** Asks first: a withdrawn notice disappears for members and can no longer be edited. */
  const withdraw = async (row: AdminNoticeRow) => {
    if (!(await confirmed('撤回通知', `撤回后会员将看不到「${row.title}」，且不能再编辑。确定撤回吗？`, '撤回'))) return
    await withdrawing.run(row.id)
  }

  return { ...list, withdraw }
}

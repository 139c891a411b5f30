/** Data and actions of the union office's notice list. */
import Taro from '@tarojs/taro'
import type { AdminNoticeRow, NoticeState } from '../../../types/notices'
import { useMutation } from '../../hooks/useMutation'
import { usePagedList } from '../../hooks/usePagedList'
import { call, write } from '../../services/api'

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
    const { confirm } = await Taro.showModal({
      title: '撤回通知',
      content: `撤回后会员将看不到「${row.title}」，且不能再编辑。确定撤回吗？`,
      confirmText: '撤回',
      confirmColor: '#c8161d',
    })
    if (confirm) await withdrawing.run(row.id)
  }

  return { ...list, withdraw }
}

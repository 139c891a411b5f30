/** The organizer's event list (活动管理): the union office sees every event, a unit admin their unit's; copying one. */
import Taro from '@tarojs/taro'
import type { EventPhase } from '../../../types/events'
import { useMutation } from '../../hooks/useMutation'
import { usePagedList } from '../../hooks/usePagedList'
import { useProfile } from '../../hooks/useProfile'
import { useRemote } from '../../hooks/useRemote'
import { call, write } from '../../services/api'

export const editUrl = (query: { id?: string; unitId?: string } = {}) => {
  const params = Object.entries(query)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${encodeURIComponent(value!)}`)
  return `/admin/events/edit/index${params.length ? `?${params.join('&')}` : ''}`
}

export const participantsUrl = (id: string) => `/admin/events/participants/index?id=${encodeURIComponent(id)}`

/** Who the caller organizes for: the whole union (the union office), and the units they are admin of. */
export function useOrganizer() {
  const profile = useProfile()
  const roles = profile.data?.roles ?? []
  const office = roles.some((grant) => grant.role === 'unionOffice')
  const unitIds = roles.filter((grant) => grant.role === 'unitAdmin' && grant.scope).map((grant) => grant.scope!)
  return { profile, office, unitIds, known: profile.data !== undefined }
}

export function useAdminEvents(phase: EventPhase | 'all') {
  const organizer = useOrganizer()
  const units = useRemote(() => call('members', 'units'))
  const list = usePagedList((offset, limit) => call('events', 'adminList', { ...(phase === 'all' ? {} : { phase }), offset, limit }), [phase])

  // 复制: the copy is a new draft with its dates a year on; it opens at once to be checked.
  const copying = useMutation((eventId: string, key) => write('events', 'copy', { eventId }, key), {
    success: '已复制为新草稿',
    onSuccess: ({ id }) => {
      void list.reload()
      void Taro.navigateTo({ url: editUrl({ id }) })
    },
  })

  /**
   * 新建活动: the union office's events are union-wide; a unit admin's belong to their unit (one of them, asked
   * when they run several).
   */
  const create = async () => {
    if (organizer.office) return void Taro.navigateTo({ url: editUrl() })
    const { unitIds } = organizer
    if (unitIds.length === 1) return void Taro.navigateTo({ url: editUrl({ unitId: unitIds[0] }) })
    if (unitIds.length === 0) return
    const names = unitIds.map((id) => units.data?.find((unit) => unit.id === id)?.name ?? id)
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: names })
      void Taro.navigateTo({ url: editUrl({ unitId: unitIds[tapIndex] }) })
    } catch {
      // Dismissed.
    }
  }

  return { ...list, organizer, create, copy: (eventId: string) => copying.run(eventId), copying: copying.busy }
}

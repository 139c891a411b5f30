/** The roster screens: the list (union office: everyone; a unit admin: their unit) and one member's record. */
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { MemberEditSchema, type MemberGroup, type MemberRecord } from '../../../types/members'
import { schemaCheck } from '../../../types/validation'
import { useFormState } from '../../hooks/useFormState'
import { usePagedList } from '../../hooks/usePagedList'
import { showError, useRemote } from '../../hooks/useRemote'
import { call } from '../../services/api'

/** `group` '' is everyone. */
export function useRoster(q: string, unitId: string, group: MemberGroup | '') {
  return usePagedList(
    (offset, limit) => call('members', 'roster', { ...(q ? { q } : {}), ...(unitId ? { unitId } : {}), ...(group ? { group } : {}), offset, limit }),
    [q, unitId, group],
  )
}

export const useUnits = () => useRemote(() => call('members', 'units'))

export type MemberForm = Pick<MemberRecord, 'name' | 'gender' | 'birthDate' | 'unitId' | 'phone' | 'status' | 'memberSince' | 'duesPaid'>

const formOf = (record: MemberRecord): MemberForm => ({
  name: record.name,
  gender: record.gender,
  birthDate: record.birthDate,
  unitId: record.unitId,
  phone: record.phone,
  status: record.status,
  memberSince: record.memberSince,
  duesPaid: record.duesPaid,
})

/** One member's record for the union office: edit and save (audited), or free their WeChat binding. */
export function useMemberRecord(memberId: string) {
  const record = useRemote(() => call('members', 'memberRecord', { memberId }), [memberId])
  const units = useUnits()
  const { form, setForm, errors, change, accept } = useFormState<MemberForm | undefined>(undefined)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    if (record.data) setForm(formOf(record.data))
  }, [record.data, setForm])

  const save = async () => {
    const input = accept(schemaCheck(MemberEditSchema, { memberId, member: form }))
    if (!input) return
    setSaving(true)
    try {
      await call('members', 'updateMember', input)
      Taro.showToast({ title: '已保存', icon: 'success' })
      await record.reload()
    } catch (error) {
      showError(error)
    } finally {
      setSaving(false)
    }
  }

  const unbind = async () => {
    const { confirm } = await Taro.showModal({
      title: '解除微信绑定',
      content: `解除后${record.data?.name ?? '该会员'}需重新绑定才能使用。常用于更换手机或绑定有误。确定解除吗？`,
      confirmText: '解除',
      confirmColor: '#c8161d',
    })
    if (!confirm) return
    try {
      await call('members', 'unbind', { memberId })
      Taro.showToast({ title: '已解除', icon: 'success' })
      await record.reload()
    } catch (error) {
      showError(error)
    }
  }

  return { record, units: units.data ?? [], form, errors, saving, change, save, unbind }
}

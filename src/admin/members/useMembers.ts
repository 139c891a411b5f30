/** The roster screens: the list (union office: everyone; a unit admin: their unit) and one member's record. */
import { useEffect, useState } from 'react'
import type { RequestOf } from '../../../types/contracts'
import { MemberEditSchema, type MemberGroup, type MemberRecord } from '../../../types/members'
import { schemaCheck } from '../../../types/validation'
import { useSeededForm } from '../../hooks/useFormState'
import { useMutation } from '../../hooks/useMutation'
import { usePagedList } from '../../hooks/usePagedList'
import { useRemote } from '../../hooks/useRemote'
import { call, write } from '../../services/api'
import { confirmed } from '../../services/feedback'

/** `group` '' is everyone. */
export function useRoster(q: string, unitId: string, group: MemberGroup | '') {
  return usePagedList(
    (offset, limit) => call('members', 'roster', { ...(q ? { q } : {}), ...(unitId ? { unitId } : {}), ...(group ? { group } : {}), offset, limit }),
    [q, unitId, group],
  )
}

export const useUnits = () => useRemote(() => call('members', 'units'))

export type MemberForm = Pick<MemberRecord, 'name' | 'gender' | 'birthDate' | 'unitId' | 'phone' | 'status' | 'memberSince' | 'duesPaid'>

const formOf = (record: MemberRecord): MemberForm | undefined => ({
  name: record.name,
  gender: record.gender,
  birthDate: record.birthDate,
  unitId: record.unitId,
  phone: record.phone,
  status: record.status,
  memberSince: record.memberSince,
  duesPaid: record.duesPaid,
})

/**
 * One member's record for the union office: edit and save (audited), free their WeChat binding, or reopen binding
 * that today's failed guesses at their staff number paused.
 */
export function useMemberRecord(memberId: string) {
  const record = useRemote(() => call('members', 'memberRecord', { memberId }), [memberId])
  const units = useUnits()
  const { form, errors, change, accept, reseed } = useSeededForm(record.data, formOf, undefined)
  // What the form was filled from: a save tells the function, which refuses if the record has changed since.
  const [base, setBase] = useState<MemberForm>()
  useEffect(() => {
    if (record.data && !base) setBase(formOf(record.data))
  }, [record.data, base])
  const saving = useMutation((input: RequestOf<'members', 'updateMember'>, key) => write('members', 'updateMember', input, key), {
    success: '已保存',
    onSuccess: (saved) => {
      record.setData(saved)
      reseed(saved)
      setBase(formOf(saved))
    },
  })
  const unbinding = useMutation((_: void, key) => write('members', 'unbind', { memberId }, key), {
    success: '已解除',
    onSuccess: () => record.reload(),
  })

  const save = () => {
    const input = accept(schemaCheck(MemberEditSchema, { memberId, member: form, ...(base ? { base } : {}) }))
    if (input) void saving.run(input)
  }

  const reopening = useMutation((_: void, key) => write('members', 'reopenBinding', { memberId }, key), {
    success: '已恢复自助绑定',
    onSuccess: (saved) => record.setData(saved),
  })

  const unbind = async () => {
    if (!(await confirmed('解除微信绑定', `解除后${record.data?.name ?? '该会员'}需重新绑定才能使用。常用于更换手机或绑定有误。确定解除吗？`, '解除'))) return
    await unbinding.run()
  }

  return { record, units: units.data ?? [], form, errors, saving: saving.busy, change, save, unbind, reopenBinding: () => reopening.run() }
}

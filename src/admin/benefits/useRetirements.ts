/**
 * 荣休名单 (union office): this year's retirees, who to give the keepsake to (everyone not given theirs yet, until
 * unticked: a professor staying on past the age), members added by hand (an early retirement), and the keepsake.
 */
import { useState } from 'react'
import type { BenefitForm } from '../../../types/benefits'
import type { RosterRow } from '../../../types/members'
import { GiveKeepsakesSchema, type RetireeRow } from '../../../types/retirement'
import { requestCheck } from '../../../types/validation'
import { useFormState } from '../../hooks/useFormState'
import { useMemberSearch } from '../../hooks/useMemberSearch'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { call, write } from '../../services/api'
import { showNote } from '../../services/feedback'
import { typedNumber } from './policyForm'

export const RETIREMENTS_URL = '/admin/benefits/retirements/index'

interface KeepsakeForm {
  item: string
  amount: string
  form: BenefitForm | ''
  pickupPlace: string
}

const addedRow = (member: RosterRow): RetireeRow => ({
  memberId: member.id,
  name: member.name,
  staffNo: member.staffNo,
  unitName: member.unitName,
  genderLabel: '',
  birthDate: '',
  statusLabel: '',
  reason: '校工会加入',
})

export function useRetirements() {
  const list = useRemote(() => call('benefits', 'retirements', {}))
  const policies = useRemote(() => call('benefits', 'policies'))
  const policy = policies.data?.find((view) => view.kind === 'retirement')?.policy
  const [added, setAdded] = useState<RetireeRow[]>([])
  const [unticked, setUnticked] = useState<string[]>([])
  const fields = useFormState<KeepsakeForm>({ item: '荣休水晶杯', amount: '', form: '', pickupPlace: '荣休仪式现场' })
  const listed = list.data?.rows ?? []
  const rows = [...listed, ...added.filter((row) => !listed.some((other) => other.memberId === row.memberId))]
  const waiting = rows.filter((row) => !row.keepsake).map((row) => row.memberId)
  const chosen = waiting.filter((id) => !unticked.includes(id))

  const search = useMemberSearch(undefined)
  // Picking a member adds them to the list (ticked), and the search is ready for the next.
  const picker = {
    ...search,
    setMember: (member: RosterRow | undefined) => {
      if (member && !rows.some((row) => row.memberId === member.id)) setAdded((previous) => [...previous, addedRow(member)])
      setUnticked((previous) => previous.filter((id) => id !== member?.id))
      search.setQuery('')
    },
  }

  const giving = useMutation((request: object, key) => write('benefits', 'giveKeepsakes', request as never, key), {
    success: (result) => (result.given ? `已发放 ${result.given} 人` : '没有新发放'),
    onSuccess: (result) => {
      list.setData(result.list)
      setAdded([])
      if (result.refused.length) showNote(`${result.refused.length} 人未发放`, result.refused.map((person) => `${person.name}（${person.staffNo}）：${person.reason}`).join('\n'))
    },
  })
  const give = () => {
    const { item, amount, form, pickupPlace } = fields.form
    const request = fields.accept(requestCheck(GiveKeepsakesSchema, { memberIds: chosen, item, amount: typedNumber(amount), form, pickupPlace }))
    if (request) void giving.run(request)
  }
  const choose = (ids: string[]) => setUnticked(waiting.filter((id) => !ids.includes(id)))
  return { list, policy, rows, waiting, chosen, choose, picker, fields, give, busy: giving.busy }
}

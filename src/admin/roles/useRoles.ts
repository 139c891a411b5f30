/** Role management (union office): who holds which role, granting by staff number, revoking with a confirmation. */
import type { RequestOf } from '../../../types/contracts'
import { GrantSchema, type GrantView, type RoleHolder } from '../../../types/members'
import { ROLE_SCOPE_LABELS, type Role } from '../../../types/roles'
import { schemaCheck } from '../../../types/validation'
import { useFormState } from '../../hooks/useFormState'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { call, write } from '../../services/api'
import { confirmed } from '../../services/feedback'

export interface GrantForm {
  staffNo: string
  role: Role
  scope: string
}

export function useRoles() {
  const holders = useRemote(() => call('members', 'roleHolders'))
  const scopes = useRemote(() => call('members', 'scopeOptions'))
  const { form, errors, change, accept } = useFormState<GrantForm>({ staffNo: '', role: 'unitAdmin', scope: '' })
  const granting = useMutation((input: RequestOf<'members', 'grantRole'>, key) => write('members', 'grantRole', input, key), {
    success: (holder) => `已授予${holder.name}`,
    onSuccess: () => {
      change({ staffNo: '' })
      return holders.reload()
    },
  })
  const revoking = useMutation((input: RequestOf<'members', 'revokeRole'>, key) => write('members', 'revokeRole', input, key), {
    success: '已撤销',
    onSuccess: () => holders.reload(),
  })

  const grant = () => {
    const request = { staffNo: form.staffNo, role: form.role, ...(ROLE_SCOPE_LABELS[form.role] ? { scope: form.scope } : {}) }
    const input = accept(schemaCheck(GrantSchema, request))
    if (input) void granting.run(input)
  }

  const revoke = async (holder: RoleHolder, role: GrantView) => {
    if (!(await confirmed('撤销角色', `确定撤销${holder.name}的「${role.label}」吗？`, '撤销'))) return
    await revoking.run({ memberId: holder.memberId, role: role.role, ...(role.scope ? { scope: role.scope } : {}) })
  }

  /** What the chosen role can be granted for: units, congress sessions, clubs or departments (none for the union office). */
  const scopeChoices = form.role === 'unionOffice' ? [] : (scopes.data?.[form.role] ?? [])
  return { holders: { ...holders, items: holders.data ?? [] }, scopeChoices, form, errors, saving: granting.busy, change, grant, revoke }
}

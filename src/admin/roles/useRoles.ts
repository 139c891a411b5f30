/** Role management (union office): who holds which role, granting by staff number, revoking with a confirmation. */
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { GrantSchema, type GrantView, type RoleHolder } from '../../../types/members'
import { ROLE_SCOPE_LABELS, type Role } from '../../../types/roles'
import { schemaCheck } from '../../../types/validation'
import { useFormState } from '../../hooks/useFormState'
import { showError, useRemote } from '../../hooks/useRemote'
import { call } from '../../services/api'

export interface GrantForm {
  staffNo: string
  role: Role
  scope: string
}

export function useRoles() {
  const holders = useRemote(() => call('members', 'roleHolders'))
  const scopes = useRemote(() => call('members', 'scopeOptions'))
  const { form, errors, change, accept } = useFormState<GrantForm>({ staffNo: '', role: 'unitAdmin', scope: '' })
  const [saving, setSaving] = useState(false)

  const grant = async () => {
    const request = { staffNo: form.staffNo, role: form.role, ...(ROLE_SCOPE_LABELS[form.role] ? { scope: form.scope } : {}) }
    const input = accept(schemaCheck(GrantSchema, request))
    if (!input) return
    setSaving(true)
    try {
      const holder = await call('members', 'grantRole', input)
      Taro.showToast({ title: `已授予${holder.name}`, icon: 'none' })
      change({ staffNo: '' })
      await holders.reload()
    } catch (error) {
      showError(error)
    } finally {
      setSaving(false)
    }
  }

  const revoke = async (holder: RoleHolder, role: GrantView) => {
    const { confirm } = await Taro.showModal({
      title: '撤销角色',
      content: `确定撤销${holder.name}的「${role.label}」吗？`,
      confirmText: '撤销',
      confirmColor: '#c8161d',
    })
    if (!confirm) return
    try {
      await call('members', 'revokeRole', { memberId: holder.memberId, role: role.role, ...(role.scope ? { scope: role.scope } : {}) })
      Taro.showToast({ title: '已撤销', icon: 'success' })
      await holders.reload()
    } catch (error) {
      showError(error)
    }
  }

  /** What the chosen role can be granted for: units, congress sessions, clubs or departments (none for the union office). */
  const scopeChoices = form.role === 'unionOffice' ? [] : (scopes.data?.[form.role] ?? [])
  return { holders, scopeChoices, form, errors, saving, change, grant, revoke }
}

/** The union-wide settings (union office): load, edit, save (audited). */
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { SettingsSchema, type UnionSettings } from '../../../types/members'
import { schemaCheck } from '../../../types/validation'
import { useFormState } from '../../hooks/useFormState'
import { showError, useRemote } from '../../hooks/useRemote'
import { call } from '../../services/api'

export function useSettings() {
  const settings = useRemote(() => call('members', 'settings'))
  const { form, setForm, errors, change, accept } = useFormState<UnionSettings | undefined>(undefined)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    if (settings.data) setForm(settings.data)
  }, [settings.data, setForm])

  const save = async () => {
    const input = accept(schemaCheck(SettingsSchema, form))
    if (!input) return
    setSaving(true)
    try {
      setForm(await call('members', 'updateSettings', input))
      Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (error) {
      showError(error)
    } finally {
      setSaving(false)
    }
  }

  return { settings, form, errors, saving, change, save }
}

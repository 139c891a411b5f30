/** The union-wide settings (union office): load, edit, save (audited). */
import type { RequestOf } from '../../../types/contracts'
import { SettingsSchema, type UnionSettings } from '../../../types/members'
import { schemaCheck } from '../../../types/validation'
import { useSeededForm } from '../../hooks/useFormState'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { call, write } from '../../services/api'

const asForm = (settings: UnionSettings): UnionSettings | undefined => settings

export function useSettings() {
  const settings = useRemote(() => call('members', 'settings'))
  const { form, errors, change, accept, reseed } = useSeededForm(settings.data, asForm, undefined)
  const saving = useMutation((input: RequestOf<'members', 'updateSettings'>, key) => write('members', 'updateSettings', input, key), {
    success: '已保存',
    onSuccess: (saved) => {
      settings.setData(saved)
      reseed(saved)
    },
  })

  const save = () => {
    const input = accept(schemaCheck(SettingsSchema, form))
    if (input) void saving.run(input)
  }

  return { settings, form, errors, saving: saving.busy, change, save }
}

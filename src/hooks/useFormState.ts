import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { FormCheck } from '../../types/validation'

/** A form's fields and the errors of its last check; editing any field clears them (they no longer apply). */
export function useFormState<F>(initial: F | (() => F)) {
  const [form, setForm] = useState<F>(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})

  const change = (fields: Partial<F>) => {
    setForm((previous) => ({ ...previous, ...fields }))
    setErrors({})
  }

  /** The input to send, or undefined after showing what is wrong (field messages and a toast). */
  const accept = <T>(check: FormCheck<T>): T | undefined => {
    if (check.ok) return check.input
    setErrors(check.fields)
    Taro.showToast({ title: check.message, icon: 'none' })
    return undefined
  }

  return { form, setForm, errors, change, accept }
}

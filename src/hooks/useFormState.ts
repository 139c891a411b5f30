import { useEffect, useRef, useState } from 'react'
import type { FormCheck } from '../../types/validation'
import { ApiError } from '../services/api'
import { showError } from '../services/feedback'

/** A form's fields and the errors of its last check; editing any field clears them (they no longer apply). */
export function useFormState<F>(initial: F | (() => F)) {
  const [form, setForm] = useState<F>(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})

  const change = (fields: Partial<F>) => {
    setForm((previous) => ({ ...previous, ...fields }))
    setErrors({})
  }

  /** The input to send, or undefined after showing what is wrong (under each field, and the way every error shows). */
  const accept = <T>(check: FormCheck<T>): T | undefined => {
    if (check.ok) return check.input
    setErrors(check.fields)
    showError(new ApiError('INVALID_INPUT', check.message))
    return undefined
  }

  return { form, setForm, errors, setErrors, change, accept }
}

/**
 * A form that edits loaded data: filled from the first answer, then left alone when the data is loaded again (a
 * screen refreshes quietly each time it shows, and WeChat's file, image and scan pickers show it again), so what the
 * person typed stays. `reseed` fills it anew, say with what a save answered. `toForm` should be a module-level
 * function (its identity is an effect dependency).
 */
export function useSeededForm<D, F>(data: D | undefined, toForm: (data: D) => F, initial: F | (() => F)) {
  const state = useFormState<F>(initial)
  const { setForm } = state
  const seeded = useRef(false)

  useEffect(() => {
    if (seeded.current || data === undefined) return
    seeded.current = true
    setForm(toForm(data))
  }, [data, toForm, setForm])

  return { ...state, reseed: (fresh: D) => setForm(toForm(fresh)) }
}

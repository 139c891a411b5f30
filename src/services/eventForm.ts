/**
 * An event's sign-up form on the phone: what is typed (text as typed, a choice, a list of choices), and the answers
 * sent. The checks say what the events function says (cloudfunctions/events/rules.ts, checkAnswers), so a mistake
 * shows under its question before anything is sent; the function checks again.
 */
import { TEXT_ANSWER_MAX, type FormAnswers, type FormField } from '../../types/events'
import type { FormCheck } from '../../types/validation'

/** What the form holds: a multiple choice a list, everything else text as typed (a number too, until it is sent). */
export type FormDraft = Record<string, string | string[]>

const DATE = /^\d{4}-\d{2}-\d{2}$/
const PHONE = /^1\d{10}$/

/** The form filled from what the function offers (the member's own phone number) and nothing else. */
export function draftOf(form: FormField[], prefill: FormAnswers): FormDraft {
  const draft: FormDraft = {}
  for (const field of form) {
    const value = prefill[field.key]
    if (field.type === 'multiChoice') draft[field.key] = Array.isArray(value) ? value.filter((option) => field.options?.includes(option)) : []
    else draft[field.key] = value === undefined || Array.isArray(value) ? '' : String(value)
  }
  return draft
}

/** The most characters a text answer may have. */
export const textLimit = (field: FormField) => field.maxLength ?? TEXT_ANSWER_MAX

/** A question's limits in words, under its label: "最多 100 字", "1–10", "可多选". */
export function fieldHint(field: FormField): string | undefined {
  switch (field.type) {
    case 'text':
      return field.maxLength !== undefined ? `最多 ${field.maxLength} 字` : undefined
    case 'number':
      if (field.min !== undefined && field.max !== undefined) return `请填写 ${field.min}–${field.max} 之间的数字`
      if (field.min !== undefined) return `不小于 ${field.min}`
      if (field.max !== undefined) return `不大于 ${field.max}`
      return undefined
    case 'multiChoice':
      return '可多选'
    case 'phone':
      return '11 位手机号'
    default:
      return undefined
  }
}

/** Why one answer does not fit its question, or undefined; and the value to send (undefined: leave it out). */
function checkOne(field: FormField, raw: string | string[] | undefined): { error?: string; value?: FormAnswers[string] } {
  const blank = raw === undefined || (Array.isArray(raw) ? raw.length === 0 : raw.trim() === '')
  if (blank) return field.required ? { error: `请填写「${field.label}」` } : {}
  if (field.type === 'multiChoice') {
    const picked = raw as string[]
    if (picked.some((option) => !field.options?.includes(option))) return { error: `「${field.label}」请从选项中选择` }
    if (new Set(picked).size !== picked.length) return { error: `「${field.label}」有重复的选择` }
    return { value: picked }
  }
  const text = (Array.isArray(raw) ? raw.join('') : raw).trim()
  switch (field.type) {
    case 'text': {
      const max = textLimit(field)
      return text.length > max ? { error: `「${field.label}」不能超过 ${max} 个字` } : { value: text }
    }
    case 'number': {
      const number = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN
      if (!Number.isFinite(number)) return { error: `「${field.label}」请填写数字` }
      if (field.min !== undefined && number < field.min) return { error: `「${field.label}」不能小于 ${field.min}` }
      if (field.max !== undefined && number > field.max) return { error: `「${field.label}」不能大于 ${field.max}` }
      return { value: number }
    }
    case 'choice':
      return field.options?.includes(text) ? { value: text } : { error: `「${field.label}」请从选项中选择` }
    case 'date':
      return DATE.test(text) && !Number.isNaN(Date.parse(text)) ? { value: text } : { error: `「${field.label}」请填写日期，如 2026-05-20` }
    case 'phone':
      return PHONE.test(text) ? { value: text } : { error: `「${field.label}」应为 1 开头的 11 位手机号` }
  }
}

/**
 * The answers to send, or every question's problem (keyed by its `key`) and the first one's message. Blank optional
 * questions are left out; text is trimmed; a number is sent as a number.
 */
export function checkDraft(form: FormField[], draft: FormDraft): FormCheck<FormAnswers> {
  const answers: FormAnswers = {}
  const fields: Record<string, string> = {}
  let message: string | undefined
  for (const field of form) {
    const { error, value } = checkOne(field, draft[field.key])
    if (error) {
      fields[field.key] = error
      message ??= error
    } else if (value !== undefined) answers[field.key] = value
  }
  return message === undefined ? { ok: true, input: answers } : { ok: false, message, fields }
}

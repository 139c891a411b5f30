/**
 * The union office's budget form: one amount in yuan as typed per kind, and the request it makes (only the kinds
 * whose amount changed; a kind emptied is cleared). Pure.
 */
import { BENEFIT_KINDS, type BenefitKind } from '../../../types/benefits'
import { SetBudgetsSchema, type BudgetSheet } from '../../../types/budgets'
import { requestCheck, type FormCheck } from '../../../types/validation'
import type * as v from 'valibot'
import { typedNumber } from './policyForm'

export type BudgetForm = Record<BenefitKind, string>

export type BudgetsRequest = v.InferInput<typeof SetBudgetsSchema>

/** Each kind's budget as the form shows it: yuan, or blank where none is set. */
export function budgetForm(sheet: BudgetSheet): BudgetForm {
  const budgets = new Map(sheet.kinds.map((kind) => [kind.kind, kind.budgetFen]))
  return Object.fromEntries(BENEFIT_KINDS.map((kind) => [kind, budgets.get(kind) === undefined ? '' : String(budgets.get(kind)! / 100)])) as BudgetForm
}

/** The request for what changed, checked with the function's own schema; undefined when nothing did. */
export function budgetsInput(sheet: BudgetSheet, form: BudgetForm): FormCheck<BudgetsRequest> | undefined {
  const before = budgetForm(sheet)
  const changed = BENEFIT_KINDS.filter((kind) => form[kind].trim() !== before[kind])
  if (changed.length === 0) return undefined
  const budgets = Object.fromEntries(changed.map((kind) => [kind, form[kind].trim() === '' ? null : typedNumber(form[kind])]))
  return requestCheck(SetBudgetsSchema, { year: sheet.year, budgets })
}

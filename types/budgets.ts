/**
 * 福利预算: the union office's budget for each kind of benefit in a year (节日慰问 ¥120,000 for 2026), against which
 * 福利台账 reads what has been given. A budget is a plan the office steers by, not a rule: the yearly cap per person
 * refuses a payout, a budget does not; the ledger shows a kind over its budget in red.
 */
import * as v from 'valibot'
import { BENEFIT_KINDS, YearSchema, yuanUpTo, type BenefitKind } from './benefits'

/** ¥100,000,000: past any union's yearly budget for one kind, and still exact in fen. */
export const BUDGET_YUAN_MAX = 100_000_000

export const BudgetsSchema = v.optional(v.strictObject({ year: v.optional(YearSchema) }), {})

const BudgetYuanSchema = v.nullable(yuanUpTo(BUDGET_YUAN_MAX))
const KindBudgetsSchema = v.strictObject(Object.fromEntries(BENEFIT_KINDS.map((kind) => [kind, v.optional(BudgetYuanSchema)])) as Record<BenefitKind, v.OptionalSchema<typeof BudgetYuanSchema, undefined>>)

/** The budgets of a year to change: each kind named gets its amount (yuan), or none (null) to clear it; others stay. */
export const SetBudgetsSchema = v.strictObject({
  year: YearSchema,
  budgets: v.pipe(
    KindBudgetsSchema,
    v.check((budgets) => Object.keys(budgets).length > 0, '请至少填写一类福利的预算'),
  ),
})

/** A kind's budget for the year, if set, and what the ledger holds of that kind and year. */
export interface KindBudget {
  kind: BenefitKind
  label: string
  budgetFen?: number
  count: number
  totalFen: number
}

export interface BudgetSheet {
  year: number
  /** Every kind, in the order of BENEFIT_KINDS. */
  kinds: KindBudget[]
  /** Who last changed the year's budgets, and when. */
  updatedAt?: string
  updatedByName?: string
}

/** The `benefits` function's budget actions: the union office's. */
export interface BudgetsApi {
  budgets: { request: v.InferInput<typeof BudgetsSchema>; response: BudgetSheet }
  /** Audited, each kind's amount before and after. */
  setBudgets: { request: v.InferInput<typeof SetBudgetsSchema>; response: BudgetSheet }
}

/**
 * 福利预算 (types/budgets.ts): the union office's budget per kind and year, one document a year, and what the ledger
 * holds against each. Changes are audited with each kind's amount before and after.
 */
import { BENEFIT_KIND_LABELS, BENEFIT_KINDS, formatYuan, type BenefitKind } from '../../types/benefits'
import { BudgetsSchema, SetBudgetsSchema, type BudgetSheet } from '../../types/budgets'
import { shanghaiYear } from '../../types/time'
import { recordAudit } from '../core/audit'
import { unionOffice } from '../core/authorize'
import type { BenefitBudgetDoc } from '../core/collections'
import { action } from '../core/defineFunction'
import { findAllById } from '../core/queries'
import type { Store } from '../core/store/port'
import { ledgerTotals } from './rules'

const budgetId = (year: number) => String(year)

/** A year's budget per kind, or only `kind`'s if one is named; none set, an empty map. */
export async function budgetsOf(store: Store, year: number, kind?: BenefitKind): Promise<BenefitBudgetDoc['kindsFen']> {
  const budgets = (await store.get('benefitBudgets', budgetId(year)))?.kindsFen ?? {}
  if (!kind) return budgets
  return budgets[kind] === undefined ? {} : { [kind]: budgets[kind] }
}

/** The kinds a year's budgets name. */
export const budgetedKinds = (budgets: BenefitBudgetDoc['kindsFen']) => BENEFIT_KINDS.filter((kind) => budgets[kind] !== undefined)

/** A kind's budget as `{ budgetFen }` to spread into its totals; none set, nothing. */
export const budgetOf = (budgets: BenefitBudgetDoc['kindsFen'], kind: BenefitKind) => (budgets[kind] === undefined ? {} : { budgetFen: budgets[kind] })

async function budgetSheet(store: Store, year: number): Promise<BudgetSheet> {
  const [doc, payouts] = await Promise.all([store.get('benefitBudgets', budgetId(year)), findAllById(store, 'benefitPayouts', { year }, ['kind', 'amountFen', 'receivedAt'])])
  const given = new Map(ledgerTotals(payouts).kinds.map((total) => [total.kind, total]))
  const budgets = doc?.kindsFen ?? {}
  return {
    year,
    kinds: BENEFIT_KINDS.map((kind) => {
      return { kind, label: BENEFIT_KIND_LABELS[kind], ...budgetOf(budgets, kind), count: given.get(kind)?.count ?? 0, totalFen: given.get(kind)?.totalFen ?? 0 }
    }),
    ...(doc ? { updatedAt: doc.updatedAt, updatedByName: doc.updatedByName } : {}),
  }
}

/** Each kind's amount as the audit shows it: 节日慰问 ¥120,000, or 未设置. */
const shown = (kindsFen: BenefitBudgetDoc['kindsFen'], kinds: BenefitKind[]) =>
  Object.fromEntries(kinds.map((kind) => [BENEFIT_KIND_LABELS[kind], kindsFen[kind] === undefined ? '未设置' : formatYuan(kindsFen[kind])]))

export const budgetActions = {
  budgets: action({
    allow: [unionOffice],
    input: BudgetsSchema,
    async handle({ year }, { store, now }) {
      return budgetSheet(store, year ?? shanghaiYear(now))
    },
  }),

  setBudgets: action({
    allow: [unionOffice],
    input: SetBudgetsSchema,
    async handle({ year, budgets }, { store, now, member }) {
      const kinds = BENEFIT_KINDS.filter((kind) => budgets[kind] !== undefined)
      await store.transaction(async (tx) => {
        const before = await tx.get('benefitBudgets', budgetId(year))
        const kindsFen = { ...before?.kindsFen }
        for (const kind of kinds) {
          const budget = budgets[kind]
          if (budget === null) delete kindsFen[kind]
          else kindsFen[kind] = budget
        }
        const changed = { kindsFen, updatedAt: now.toISOString(), updatedById: member._id, updatedByName: member.name }
        // Read and written in one transaction: two people changing different kinds at once both keep their change.
        if (before) await tx.updateById('benefitBudgets', before._id, { $set: changed })
        else await tx.insert('benefitBudgets', { _id: budgetId(year), year, ...changed })
        await recordAudit(tx, member, now, {
          action: 'benefits.setBudgets',
          targetType: 'benefitBudget',
          targetId: budgetId(year),
          target: `${year} 年福利预算`,
          before: shown(before?.kindsFen ?? {}, kinds),
          after: shown(kindsFen, kinds),
        })
      })
      return budgetSheet(store, year)
    },
  }),
}

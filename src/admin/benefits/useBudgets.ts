/** 福利预算 (union office): a year's budget per kind against what the ledger holds, and the form that changes them (audited). */
import { showDone } from '../../services/feedback'
import { useSeededForm } from '../../hooks/useFormState'
import { useMutation } from '../../hooks/useMutation'
import { useRemote } from '../../hooks/useRemote'
import { call, write } from '../../services/api'
import { budgetForm, budgetsInput, type BudgetForm, type BudgetsRequest } from './budgetForm'

export const BUDGETS_URL = '/admin/benefits/budgets/index'

const blank = {} as BudgetForm

export function useBudgets(year: number) {
  const sheet = useRemote(() => call('benefits', 'budgets', { year }), [year])
  const { form, errors, change, accept, reseed } = useSeededForm(sheet.data, budgetForm, blank)
  const saving = useMutation((input: BudgetsRequest, key: string) => write('benefits', 'setBudgets', input, key), {
    success: '已保存',
    onSuccess: (saved) => {
      sheet.setData(saved)
      reseed(saved)
    },
  })
  const save = () => {
    if (!sheet.data) return
    const checked = budgetsInput(sheet.data, form)
    if (!checked) return showDone('没有改动')
    const input = accept(checked)
    if (input) void saving.run(input)
  }
  return { sheet, form, errors, change, save, saving: saving.busy }
}

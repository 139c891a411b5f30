/** The audit log (union office), newest first, filtered by kind of action and period. */
import type { AuditAction } from '../../../types/audit'
import { inShanghai } from '../../../types/time'
import { usePagedList } from '../../hooks/usePagedList'
import { call } from '../../services/api'

export type Period = 'all' | '7' | '30'

export function useAudit(action: AuditAction | 'all', period: Period) {
  return usePagedList((offset, limit) => {
    const from = period === 'all' ? undefined : inShanghai(new Date()).subtract(Number(period) - 1, 'day').format('YYYY-MM-DD')
    return call('audit', 'list', { ...(action === 'all' ? {} : { action }), ...(from ? { from } : {}), offset, limit })
  }, [action, period])
}

/**
 * The fields an entry changed, for display: each with its value before and after. An entry with no `before` at all
 * (an import's summary) shows its values alone; a field missing on one side shows as "—".
 */
export function changedFields(before?: Record<string, unknown>, after: Record<string, unknown> = {}) {
  const show = (value: unknown) => (value === undefined ? '—' : Array.isArray(value) ? value.join('、') || '无' : String(value))
  const old = before ?? {}
  return [...new Set([...Object.keys(old), ...Object.keys(after)])]
    .filter((field) => JSON.stringify(old[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, ...(before ? { before: show(old[field]) } : {}), after: show(after[field]) }))
}

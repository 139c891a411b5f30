/** 福利台账: the ledger's payouts and totals for a year and kind; a unit admin sees their own unit's. */
import type { BenefitKind } from '../../../types/benefits'
import { usePagedList } from '../../hooks/usePagedList'
import { useProfile } from '../../hooks/useProfile'
import { useRemote } from '../../hooks/useRemote'
import { call } from '../../services/api'

/** The unit a reader of the ledger (or a round's handout) is limited to: none for the union office, their unit for a unit admin. */
export function useAdminUnit(): { ready: boolean; unitId?: string } {
  const { data: profile } = useProfile()
  if (!profile) return { ready: false }
  if (profile.roles.some((grant) => grant.role === 'unionOffice')) return { ready: true }
  return { ready: true, unitId: profile.roles.find((grant) => grant.role === 'unitAdmin')?.scope }
}

export function useLedger(year: number, kind: BenefitKind | 'all') {
  const { ready, unitId } = useAdminUnit()
  const filter = { year, ...(kind === 'all' ? {} : { kind }), ...(unitId ? { unitId } : {}) }
  const list = usePagedList((offset, limit) => (ready ? call('benefits', 'ledger', { ...filter, offset, limit }) : Promise.resolve({ items: [], hasMore: false })), [ready, year, kind, unitId])
  const summary = useRemote(() => (ready ? call('benefits', 'ledgerSummary', filter) : Promise.resolve(undefined)), [ready, year, kind, unitId])
  return { list, summary: summary.data, ready }
}

/** 福利台账: the ledger's payouts and totals for a year and kind, and its Excel file; a unit admin sees their own unit's. */
import type { BenefitKind } from '../../../types/benefits'
import { useMutation } from '../../hooks/useMutation'
import { usePagedList } from '../../hooks/usePagedList'
import { useProfile } from '../../hooks/useProfile'
import { useRemote } from '../../hooks/useRemote'
import { call, write } from '../../services/api'
import { openDownload } from '../../services/files'

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
  // The file holds what the page shows: the same year, kind and unit.
  const exporting = useMutation(async (_: void, key) => openDownload(await write('exports', 'ledger', filter, key)))
  return { list, summary: summary.data, ready, exportLedger: () => exporting.run(), exporting: exporting.busy }
}

/** 福利台账: the ledger's payouts and totals for a year and kind, per unit and per member, and its Excel file; a unit admin sees their own unit's. */
import type { BenefitKind } from '../../../types/benefits'
import { useMemberSearch } from '../../hooks/useMemberSearch'
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

/**
 * The ledger for a year and kind, of one unit (the union office's choice, '' for all; a unit admin's own) and of one
 * member (found with `search`: a unit admin searches their unit), or of all.
 */
export function useLedger(year: number, kind: BenefitKind | 'all', chosenUnit: string) {
  const admin = useAdminUnit()
  const unitId = admin.unitId ?? (chosenUnit || undefined)
  const search = useMemberSearch(unitId)
  const memberId = search.member?.id
  const { ready } = admin
  const filter = { year, ...(kind === 'all' ? {} : { kind }), ...(unitId ? { unitId } : {}), ...(memberId ? { memberId } : {}) }
  const depends = [ready, year, kind, unitId, memberId]
  const list = usePagedList((offset, limit) => (ready ? call('benefits', 'ledger', { ...filter, offset, limit }) : Promise.resolve({ items: [], hasMore: false })), depends)
  const summary = useRemote(() => (ready ? call('benefits', 'ledgerSummary', filter) : Promise.resolve(undefined)), depends)
  // The file holds what the page shows: the same year, kind, unit and member.
  const exporting = useMutation(async (_: void, key) => openDownload(await write('exports', 'ledger', filter, key)))
  return { list, summary: summary.data, ready, ownUnit: admin.unitId, search, exportLedger: () => exporting.run(), exporting: exporting.busy }
}

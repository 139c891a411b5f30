/**
 * Who reads the ledger (福利台账) and which payouts a filter names: shared by the benefits function's ledger and the
 * exports function's ledger file, so the page and its Excel file are always the same payouts for the same people.
 */
import type { BenefitKind } from '../../types/benefits'
import { shanghaiYear } from '../../types/time'
import { unionOffice, unitAdmin } from '../core/authorize'

/** The ledger's payouts a filter names: its year (this one by default), its kind, unit and member if given. */
export const ledgerFilter = ({ year, kind, unitId, memberId }: { year?: number; kind?: BenefitKind; unitId?: string; memberId?: string }, now: Date) => ({
  year: year ?? shanghaiYear(now),
  ...(kind ? { kind } : {}),
  ...(unitId ? { unitId } : {}),
  ...(memberId ? { memberId } : {}),
})

/** The union office sees the whole ledger; a unit admin their own unit's, which they name. */
export const LEDGER_READERS = [unionOffice, unitAdmin(({ unitId }: { unitId?: string }) => unitId)]

/** The whole union's ledger (no unit, no member named): the view read against the union's budgets. */
export const isWholeUnion = ({ unitId, memberId }: { unitId?: string; memberId?: string }) => !unitId && !memberId

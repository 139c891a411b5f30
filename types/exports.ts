/**
 * The `exports` function's contract: every Excel file in and out, in one function, so exceljs is bundled into it and
 * not into each module's function: an event's participant list, the benefits ledger (福利台账), and the member roster
 * (template, export, and the import's preview and apply; its schemas and answers are in types/roster.ts).
 */
import * as v from 'valibot'
import { LedgerFilter, YearSchema } from './benefits'
import { IdSchema } from './common'
import type { RosterApplied, RosterApplySchema, RosterExportSchema, RosterFileSchema, RosterPreview } from './roster'

export const EventExportSchema = v.strictObject({ eventId: IdSchema })

/** The ledger's filter without its paging: a year (always named: the file says which), and a kind and a unit, or all. */
export const LedgerExportSchema = v.strictObject({ ...LedgerFilter, year: YearSchema })

/** A file a person can download for a while. */
export interface DownloadLink {
  url: string
  fileName: string
}

export interface ExportsApi {
  /** An event's organizer: every sign-up with its state, check-in and the answers to the event's own form. */
  eventParticipants: { request: v.InferInput<typeof EventExportSchema>; response: DownloadLink }
  /**
   * 福利台账 as an auditor takes it (union office; a unit admin for their unit): 明细, every payout with its approval
   * and receipt, oldest first; 汇总, the totals per kind and per unit and in all.
   */
  ledger: { request: v.InferInput<typeof LedgerExportSchema>; response: DownloadLink }
  /** The union office (as every roster action): the empty roster template, with one example row. */
  rosterTemplate: { request: void; response: DownloadLink }
  /** The roster of everyone or of one unit, as a file that can be edited and imported back. */
  roster: { request: v.InferInput<typeof RosterExportSchema>; response: DownloadLink }
  /** What importing a roster file would change, row by row. */
  rosterPreview: { request: v.InferInput<typeof RosterFileSchema>; response: RosterPreview }
  /** Applies the previewed import, a part per call until it is done. */
  rosterApply: { request: v.InferInput<typeof RosterApplySchema>; response: RosterApplied }
}

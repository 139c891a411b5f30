/**
 * The `exports` function's contract: every Excel (and Word) file in and out, in one function, so exceljs and docx are
 * bundled into it and not into each module's function: an event's participant list, the benefits ledger (福利台账),
 * a congress session's 提案汇编 (.docx) and 提案办理情况表, and the member roster (template, export, and the import's
 * preview and apply; its schemas and answers are in types/roster.ts).
 */
import * as v from 'valibot'
import { LedgerFilter, YearSchema } from './benefits'
import { IdSchema } from './common'
import { FileIdSchema, type RosterApplied, type RosterApplySchema, type RosterExportSchema, type RosterFileSchema, type RosterPreview } from './roster'

export const EventExportSchema = v.strictObject({ eventId: IdSchema })

/** The ledger's filter without its paging: a year (always named: the file says which), and a kind and a unit, or all. */
export const LedgerExportSchema = v.strictObject({ ...LedgerFilter, year: YearSchema })

/** A congress session's proposals: its 提案汇编 or its 提案办理情况表. */
export const SessionExportSchema = v.strictObject({ sessionId: IdSchema })

/** A session's delegate list (代表名单) as uploaded, to preview. */
export const DelegatesFileSchema = v.strictObject({ sessionId: IdSchema, fileId: FileIdSchema })

/** …and to apply, as previewed (`planId`: the preview's). */
export const DelegatesApplySchema = v.strictObject({ ...DelegatesFileSchema.entries, planId: v.pipe(v.string('导入计划须为文字'), v.regex(/^[0-9a-f]{16}$/, '导入计划不正确，请重新预览')) })

export const DELEGATION_NAME_MAX = 20
/** Names a preview lists of those it adds or removes (the counts are whole). */
export const DELEGATES_LISTED_MAX = 50

/** What importing a delegate list would do (or did): who becomes a delegate, who no longer is, the 代表团. */
export interface DelegatesPreview {
  /** What applying it would write, to apply exactly that. */
  planId: string
  sessionName: string
  /** Delegates in the file. */
  total: number
  delegations: { name: string; count: number }[]
  /** 姓名（工号） of those it makes delegates, and of those it no longer lists (their role is revoked): the first DELEGATES_LISTED_MAX. */
  added: string[]
  addedCount: number
  removed: string[]
  removedCount: number
  /** Delegates already so whose 代表团 it changes. */
  regrouped: number
  /** Rows it cannot take; with any, nothing is applied. */
  errors: { row: number; message: string }[]
}

/** A file a person can download for a while. */
export interface DownloadLink {
  url: string
  fileName: string
}

export interface ExportsApi {
  /** The union office: a session's delegate list as it stands (工号, 姓名, 代表团), to edit and import back. */
  delegatesFile: { request: v.InferInput<typeof SessionExportSchema>; response: DownloadLink }
  /** What importing the uploaded list would change. */
  delegatesPreview: { request: v.InferInput<typeof DelegatesFileSchema>; response: DelegatesPreview }
  /** Imports it: grants the session's delegate role to those it lists, revokes it from the rest, and keeps their 代表团. */
  delegatesApply: { request: v.InferInput<typeof DelegatesApplySchema>; response: DelegatesPreview }
  /** An event's organizer: every sign-up with its state, check-in and the answers to the event's own form. */
  eventParticipants: { request: v.InferInput<typeof EventExportSchema>; response: DownloadLink }
  /**
   * 福利台账 as an auditor takes it (union office; a unit admin for their unit): 明细, every payout with its approval
   * and receipt, oldest first; 汇总, the totals per kind and per unit and in all.
   */
  ledger: { request: v.InferInput<typeof LedgerExportSchema>; response: DownloadLink }
  /**
   * 提案汇编 as congress offices print it (the session's committee, the union office): a .docx with a title page, the
   * list of accepted proposals, then each on a page of its own in number order: the proposal form with its seconders,
   * its departments and the reply. Withheld proposals are in it too: the book is the congress's own record.
   */
  proposalBook: { request: v.InferInput<typeof SessionExportSchema>; response: DownloadLink }
  /** 提案办理情况表 (the same callers): one row per accepted proposal, who handles it, when it was answered, how it was rated. */
  proposalHandling: { request: v.InferInput<typeof SessionExportSchema>; response: DownloadLink }
  /** The union office (as every roster action): the empty roster template, with one example row. */
  rosterTemplate: { request: void; response: DownloadLink }
  /** The roster of everyone or of one unit, as a file that can be edited and imported back. */
  roster: { request: v.InferInput<typeof RosterExportSchema>; response: DownloadLink }
  /** What importing a roster file would change, row by row. */
  rosterPreview: { request: v.InferInput<typeof RosterFileSchema>; response: RosterPreview }
  /** Applies the previewed import, a part per call until it is done. */
  rosterApply: { request: v.InferInput<typeof RosterApplySchema>; response: RosterApplied }
}

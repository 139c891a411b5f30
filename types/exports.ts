/**
 * The `exports` function's contract: the modules' Excel exports, in one function, so exceljs is bundled into it and
 * not into each module's function. (The roster function, which reads imported rosters, keeps its own copy for the
 * roster's template and export.)
 */
import * as v from 'valibot'
import { IdSchema } from './common'
import type { DownloadLink } from './roster'

export const EventExportSchema = v.strictObject({ eventId: IdSchema })

export interface ExportsApi {
  /** An event's organizer: every sign-up with its state, check-in and the answers to the event's own form. */
  eventParticipants: { request: v.InferInput<typeof EventExportSchema>; response: DownloadLink }
}

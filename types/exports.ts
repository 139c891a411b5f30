/**
 * The `exports` function's contract: every module's Excel exports, in one function, so exceljs is bundled into it
 * (and the roster function, which reads imports) and no other function.
 */
import * as v from 'valibot'
import { IdSchema } from './common'
import type { DownloadLink } from './roster'

export const EventExportSchema = v.strictObject({ eventId: IdSchema })

export interface ExportsApi {
  /** An event's organizer: every sign-up with its state, check-in and the answers to the event's own form. */
  eventParticipants: { request: v.InferInput<typeof EventExportSchema>; response: DownloadLink }
}

/**
 * The `exports` function: every module's Excel exports (an event's participant list now; benefit and proposal
 * registers as their modules come). exceljs is large, so it is bundled here and not into each module's function.
 * Each export is audited: the files hold phone numbers. They are deleted within the hour (core/files/retention.ts).
 */
import { EventExportSchema, type ExportsApi } from '../../types/exports'
import { inShanghai } from '../../types/time'
import { recordAudit } from '../core/audit'
import { action, defineFunction } from '../core/defineFunction'
import { offerFile } from '../core/files/retention'
import { EVENT_ORGANIZER } from '../core/organizers'
import { mustGet } from '../core/queries'
import { unitNames } from '../core/units'
import { signupStatus, statusLabel } from '../events/rules'
import config from './config.json'
import { participantsSheet } from './participantsSheet'

/** Sign-ups in the list's order: those holding places first, then the waitlist in its order, then the rest. */
const STATE_ORDER = ['confirmed', 'pending', 'offered', 'waiting', 'cancelled', 'rejected', 'removed', 'lapsed', 'eventCancelled']

export const exportsFunction = defineFunction<ExportsApi>(
  'exports',
  {
    eventParticipants: action({
      allow: EVENT_ORGANIZER,
      input: EventExportSchema,
      async handle({ eventId }, { store, files, now, member }) {
        const event = await mustGet(store, 'events', eventId, '活动')
        const signups = await store.find('eventSignups', { eventId }, { sort: { signedUpAt: 1, _id: 1 } })
        signups.sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || (a.waitingSince ?? a.signedUpAt).localeCompare(b.waitingSince ?? b.signedUpAt))
        const [units, members] = await Promise.all([unitNames(store), signups.length ? store.find('members', { _id: { $in: signups.map((signup) => signup.memberId) } }) : []])
        const phones = new Map(members.map((person) => [person._id, person.phone]))
        let position = 0
        const lines = signups.map((signup) => {
          const status = signupStatus(signup, event, now)
          if (status === 'waiting') position += 1
          return {
            name: signup.memberName,
            staffNo: signup.staffNo,
            unitName: units.get(signup.unitId) ?? '',
            phone: phones.get(signup.memberId) ?? '',
            status: statusLabel(status, status === 'waiting' ? position : undefined),
            signedUpAt: signup.signedUpAt,
            ...(signup.checkedInAt ? { checkedInAt: signup.checkedInAt } : {}),
            answers: signup.answers,
          }
        })
        const fileName = `报名名单-${event.title}-${inShanghai(now).format('YYYYMMDD')}.xlsx`
        const link = await offerFile(store, files, now, fileName, await participantsSheet(event, lines))
        await recordAudit(store, member, now, { action: 'events.export', targetType: 'event', targetId: eventId, target: event.title, after: { 导出人数: lines.length } })
        return link
      },
    }),
  },
  { config },
)

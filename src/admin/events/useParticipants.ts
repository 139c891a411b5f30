/**
 * 报名名单: an event's sign-ups for its organizer, filtered by state, unit and check-in, with the counts per state and
 * per unit; reviewing, cancel requests, removing (the place goes to the waitlist), attendance, the venue code, and
 * the Excel export.
 */
import { useRef, useState } from 'react'
import type { RequestOf } from '../../../types/contracts'
import type { ParticipantRow, Participants, SignupState, VenueCode } from '../../../types/events'
import { useMutation } from '../../hooks/useMutation'
import { usePagedList } from '../../hooks/usePagedList'
import { useRemote } from '../../hooks/useRemote'
import { call, write } from '../../services/api'
import { openDownload } from '../../services/files'

export interface ParticipantFilters {
  state: SignupState | ''
  unitId: string
  /** '' everyone, 'yes' checked in, 'no' not. */
  checkedIn: '' | 'yes' | 'no'
}

export type Summary = Pick<Participants, 'counts' | 'checkedIn' | 'byUnit'>

type Decision = RequestOf<'events', 'decide'>

export function useParticipants(eventId: string, filters: ParticipantFilters) {
  const draft = useRemote(() => call('events', 'adminGet', { eventId }), [eventId])
  const [summary, setSummary] = useState<Summary>()
  // The counts come with the first page of each load; only the latest load's count.
  const loads = useRef(0)
  const list = usePagedList(
    async (offset, limit) => {
      const ticket = offset === 0 ? ++loads.current : loads.current
      const page = await call('events', 'participants', {
        eventId,
        ...(filters.state ? { state: filters.state } : {}),
        ...(filters.unitId ? { unitId: filters.unitId } : {}),
        ...(filters.checkedIn ? { checkedIn: filters.checkedIn === 'yes' } : {}),
        offset,
        limit,
      })
      if (offset === 0 && ticket === loads.current) setSummary({ counts: page.counts, checkedIn: page.checkedIn, byUnit: page.byUnit })
      return { items: page.items, hasMore: page.hasMore }
    },
    [eventId, filters.state, filters.unitId, filters.checkedIn],
  )

  const refresh = () => {
    void list.reload()
  }

  const deciding = useMutation((input: Decision, key) => write('events', 'decide', input, key), {
    success: (_row, input) => (input.approve ? '已通过' : '已设为不通过'),
    onSuccess: refresh,
  })
  const decidingCancel = useMutation((input: Decision, key) => write('events', 'decideCancel', input, key), {
    success: (_row, input) => (input.approve ? '已同意取消' : '已拒绝取消'),
    onSuccess: refresh,
  })
  const removing = useMutation((input: { signupId: string; reason: string }, key) => write('events', 'remove', input, key), {
    success: '已移出',
    onSuccess: refresh,
  })
  const marking = useMutation((input: { signupId: string; present: boolean }, key) => write('events', 'markAttendance', input, key), {
    success: (_row, input) => (input.present ? '已标记出席' : '已标记缺席'),
    onSuccess: refresh,
  })

  const [venueCode, setVenueCode] = useState<VenueCode>()
  const showingCode = useMutation(async () => setVenueCode(await call('events', 'venueCode', { eventId })))
  const exporting = useMutation(async (_: void, key) => openDownload(await write('exports', 'eventParticipants', { eventId }, key)))

  return {
    draft,
    list,
    summary,
    decide: (row: ParticipantRow, approve: boolean, reason?: string) => deciding.run({ signupId: row.id, approve, ...(reason ? { reason } : {}) }),
    decideCancel: (row: ParticipantRow, approve: boolean, reason?: string) => decidingCancel.run({ signupId: row.id, approve, ...(reason ? { reason } : {}) }),
    remove: (row: ParticipantRow, reason: string) => removing.run({ signupId: row.id, reason }),
    mark: (row: ParticipantRow, present: boolean) => marking.run({ signupId: row.id, present }),
    venueCode,
    showVenueCode: () => showingCode.run(),
    hideVenueCode: () => setVenueCode(undefined),
    loadingCode: showingCode.busy,
    exportList: () => exporting.run(),
    exporting: exporting.busy,
    busy: deciding.busy || decidingCancel.busy || removing.busy || marking.busy,
  }
}

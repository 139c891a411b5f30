/** How events read on a member's screens: times, places left, the policies in plain words, a status's colour. */
import type { CancelPolicy, CheckInPolicy, EventSummary, ReviewPolicy, SignupStatus, WaitlistPolicy } from '../../types/events'
import { formatDateTime, inShanghai } from '../../types/time'
import type { Tone } from '../components/StatusTag'

/** "12月11日 周五 14:00–17:30"; an event over several days: "12月11日 14:00 至 12月12日 17:30". */
export function eventTime(startAt: string, endAt: string, now: Date = new Date()): string {
  const start = inShanghai(startAt)
  const end = inShanghai(endAt)
  const sameYear = start.year() === inShanghai(now).year()
  const day = start.format(sameYear ? 'M月D日' : 'YYYY年M月D日')
  if (start.format('YYYY-MM-DD') === end.format('YYYY-MM-DD')) return `${day} ${start.format('ddd')} ${start.format('HH:mm')}–${end.format('HH:mm')}`
  return `${formatDateTime(startAt, now)} 至 ${formatDateTime(endAt, now)}`
}

/** The places, fresh: 不限名额, 名额已满, 剩余 36 个名额（共 60）. */
export function placesText(event: Pick<EventSummary, 'capacity' | 'placesLeft'>): string {
  if (event.capacity === null || event.placesLeft === null) return '不限名额'
  if (event.placesLeft <= 0) return `名额已满（共 ${event.capacity} 个）`
  return `剩余 ${event.placesLeft} 个名额（共 ${event.capacity} 个）`
}

/** The places in a card's corner: the number left and its caption. */
export function placesBadge(event: Pick<EventSummary, 'capacity' | 'placesLeft' | 'phase'>): { value: string; caption: string; full: boolean } | undefined {
  if (event.phase === 'finished' || event.phase === 'cancelled') return undefined
  if (event.capacity === null || event.placesLeft === null) return { value: '不限', caption: '名额', full: false }
  if (event.placesLeft <= 0) return { value: '已满', caption: `共 ${event.capacity} 位`, full: true }
  return { value: String(event.placesLeft), caption: `剩余名额`, full: false }
}

export function cancelText(policy: CancelPolicy, now: Date = new Date()): string {
  switch (policy.kind) {
    case 'until':
      return `${formatDateTime(policy.until, now)} 前可以自己取消报名，之后不能取消`
    case 'never':
      return '报名后不能取消，如有特殊情况请联系组织者'
    case 'approval':
      return '取消报名须经组织者同意'
  }
}

export const reviewText = (review: ReviewPolicy) => (review === 'organizer' ? '报名后须经组织者审核，审核通过才算报上' : '报名即确认，无需审核')

export function waitlistText(policy: WaitlistPolicy): string {
  switch (policy.kind) {
    case 'off':
      return '名额满后不再接受报名'
    case 'auto':
      return '名额满后可以候补：有人取消时，按候补顺序自动递补'
    case 'offer':
      return `名额满后可以候补：有名额空出时会通知您，须在 ${policy.acceptHours} 小时内确认参加`
  }
}

export function checkInText(policy: CheckInPolicy): string {
  if (policy.kind === 'organizer') return '由组织者在现场登记出勤'
  const before = policy.opensMinutesBefore
  const after = policy.closesMinutesAfter
  return `活动开始前 ${before} 分钟至开始后 ${after} 分钟，在现场扫码签到`
}

/** A sign-up status's colour: placed, waiting on something, ended without a place, or neither. */
export function statusTone(status: SignupStatus): Tone {
  switch (status) {
    case 'confirmed':
    case 'checkedIn':
      return 'good'
    case 'pending':
    case 'waiting':
    case 'offered':
      return 'pending'
    case 'rejected':
    case 'absent':
    case 'lapsed':
    case 'removed':
      return 'bad'
    default:
      return 'neutral'
  }
}

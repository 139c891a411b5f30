/** How an event's phase reads at a glance in the organizer's pages. */
import { EVENT_PHASE_LABELS, type EventPhase } from '../../../types/events'
import { StatusTag, type Tone } from '../../components/StatusTag'

const PHASE_TONES: Record<EventPhase, Tone> = {
  draft: 'neutral',
  upcoming: 'pending',
  open: 'good',
  closed: 'pending',
  finished: 'neutral',
  cancelled: 'bad',
}

export const PhaseTag = ({ phase }: { phase: EventPhase }) => <StatusTag tone={PHASE_TONES[phase]}>{EVENT_PHASE_LABELS[phase]}</StatusTag>

/** Whether the organizer may still change an event's settings. */
export const editable = (phase: EventPhase) => phase !== 'finished' && phase !== 'cancelled'

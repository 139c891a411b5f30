/** How a proposal's state reads at a glance in a list or its page. */
import type { ProposalState } from '../../types/proposals'
import type { Tone } from '../components/StatusTag'

const TONES: Record<ProposalState, Tone> = {
  draft: 'neutral',
  seconding: 'pending',
  submitted: 'pending',
  accepted: 'good',
  merged: 'neutral',
  converted: 'neutral',
  rejected: 'bad',
  assigned: 'pending',
  replied: 'good',
  rated: 'good',
  rehandling: 'pending',
  closed: 'good',
}

export const stateTone = (state: ProposalState): Tone => TONES[state]

/**
 * How a proposal or a suggestion moves, as one table: for each kind and step, the states it is taken from, who may
 * take it, where it leads and what it requires. Pure: handlers work out who the caller is to the proposal and the
 * facts a step needs, ask `checkStep`, and write the state it answers. Nothing else decides a transition.
 */
import {
  PROPOSAL_KIND_LABELS,
  PROPOSAL_STATE_LABELS,
  PROPOSAL_STEP_LABELS,
  type ProposalActor,
  type ProposalKind,
  type ProposalState,
  type ProposalStep,
  type Satisfaction,
} from '../../types/proposals'

/** What the requirements of a step look at, as the handler found it. Each step reads only its own. */
export interface StepFacts {
  /** invite, submit: the title, the reasons and the measures are all written. */
  complete?: boolean
  /** submit: seconders who confirmed, and how many the session asks for. */
  seconders?: number
  secondersNeeded?: number
  /** submit: whether the session's collection window is open now, and the author one of its delegates. */
  windowOpen?: boolean
  authorIsDelegate?: boolean
  /** merge: the state of the proposal it is merged into (of the same session; not itself). */
  mainState?: ProposalState
  /** reply: assisting departments that have not yet given their input. */
  assistPending?: number
  /** rate: the author's rating. */
  rating?: Satisfaction
}

interface StepRule {
  from: readonly ProposalState[]
  by: readonly ProposalActor[]
  /** Where it leads: a state, or one the facts decide (a rating). */
  to: ProposalState | ((facts: StepFacts) => ProposalState)
  /** What the proposal becomes: a converted proposal is handled as a suggestion from then on. */
  becomes?: ProposalKind
  /** Why it cannot be taken now, in words; undefined when it can. */
  refusal?: (facts: StepFacts) => string | undefined
}

const REVIEWERS: readonly ProposalActor[] = ['committee', 'unionOffice']

const INCOMPLETE = '请先写好标题、案由和建议，再提交'

/** Where an answered proposal goes with the author's rating: back to be handled again when unsatisfied. */
const byRating = (facts: StepFacts): ProposalState => (facts.rating === 'unsatisfied' ? 'rehandling' : 'rated')

const REPLY: StepRule = {
  from: ['assigned', 'rehandling'],
  by: ['leadDept'],
  to: 'replied',
  refusal: ({ assistPending = 0 }) => (assistPending > 0 ? `还有 ${assistPending} 个协办部门未提交办理意见，请待其提交后再答复` : undefined),
}
const RATE: StepRule = { from: ['replied'], by: ['author'], to: byRating }

export const WORKFLOW: Record<ProposalKind, Partial<Record<ProposalStep, StepRule>>> = {
  proposal: {
    invite: { from: ['draft'], by: ['author'], to: 'seconding', refusal: ({ complete }) => (complete ? undefined : '请先写好标题、案由和建议，再邀请代表附议') },
    recall: { from: ['seconding'], by: ['author'], to: 'draft' },
    submit: {
      from: ['seconding'],
      by: ['author'],
      to: 'submitted',
      refusal: ({ complete, authorIsDelegate, windowOpen, seconders = 0, secondersNeeded = 0 }) => {
        if (!complete) return INCOMPLETE
        if (!authorIsDelegate) return '您不是本届次的教代会代表，不能提交提案：可以作为意见建议提交'
        if (!windowOpen) return '本届提案征集已截止，不能再提交提案：可以作为意见建议提交'
        if (seconders < secondersNeeded) return `还需 ${secondersNeeded - seconders} 位代表确认附议才能提交（至少 ${secondersNeeded} 位）`
        return undefined
      },
    },
    accept: { from: ['submitted'], by: REVIEWERS, to: 'accepted' },
    merge: {
      from: ['submitted'],
      by: REVIEWERS,
      to: 'merged',
      refusal: ({ mainState }) => (mainState === 'accepted' || mainState === 'assigned' ? undefined : '只能并入本届已立案、尚未答复的提案'),
    },
    convert: { from: ['submitted'], by: REVIEWERS, to: 'converted', becomes: 'suggestion' },
    reject: { from: ['submitted'], by: REVIEWERS, to: 'rejected' },
    assign: { from: ['accepted'], by: REVIEWERS, to: 'assigned' },
    reply: REPLY,
    rate: RATE,
    close: { from: ['replied', 'rated'], by: REVIEWERS, to: 'closed' },
  },
  suggestion: {
    submit: { from: ['draft'], by: ['author'], to: 'submitted', refusal: ({ complete }) => (complete ? undefined : INCOMPLETE) },
    forward: { from: ['submitted', 'converted'], by: ['unionOffice'], to: 'assigned' },
    answer: { from: ['submitted', 'converted', 'rehandling'], by: ['unionOffice'], to: 'replied' },
    reply: REPLY,
    rate: RATE,
    close: { from: ['replied', 'rated'], by: ['unionOffice'], to: 'closed' },
  },
}

const ACTOR_LABELS: Record<ProposalActor, string> = {
  author: '提案人',
  seconder: '附议人',
  committee: '提案工作委员会',
  unionOffice: '校工会',
  leadDept: '主办部门',
  assistDept: '协办部门',
  member: '会员',
}

export type StepCheck = { ok: true; to: ProposalState; kind: ProposalKind } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string }

/**
 * Whether `step` may be taken on a proposal of `kind` in `state` by someone who is `actors` to it, and where it
 * leads. Refused in this order: a step the kind never takes (CONFLICT), someone not among those who may take it
 * (FORBIDDEN), a state it is not taken from (CONFLICT), a requirement unmet (CONFLICT, saying what is missing).
 */
export function checkStep(kind: ProposalKind, state: ProposalState, step: ProposalStep, actors: readonly ProposalActor[], facts: StepFacts = {}): StepCheck {
  const rule = WORKFLOW[kind][step]
  const label = PROPOSAL_STEP_LABELS[step]
  if (!rule) return { ok: false, code: 'CONFLICT', message: `${PROPOSAL_KIND_LABELS[kind]}不能${label}` }
  if (!rule.by.some((actor) => actors.includes(actor))) {
    return { ok: false, code: 'FORBIDDEN', message: `只有${rule.by.map((actor) => ACTOR_LABELS[actor]).join('或')}可以${label}` }
  }
  if (!rule.from.includes(state)) {
    return { ok: false, code: 'CONFLICT', message: `这份${PROPOSAL_KIND_LABELS[kind]}${PROPOSAL_STATE_LABELS[state]}，不能${label}` }
  }
  const refusal = rule.refusal?.(facts)
  if (refusal) return { ok: false, code: 'CONFLICT', message: refusal }
  return { ok: true, to: typeof rule.to === 'function' ? rule.to(facts) : rule.to, kind: rule.becomes ?? kind }
}

/** The steps someone who is `actors` to a proposal may take in its state (the buttons a page shows). */
export function stepsFor(kind: ProposalKind, state: ProposalState, actors: readonly ProposalActor[]): ProposalStep[] {
  return (Object.keys(WORKFLOW[kind]) as ProposalStep[]).filter((step) => {
    const rule = WORKFLOW[kind][step]!
    return rule.from.includes(state) && rule.by.some((actor) => actors.includes(actor))
  })
}

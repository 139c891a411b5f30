/**
 * The proposals function's pure rules: what a session asks for, whether it is collecting, what a draft files as,
 * who someone is to a proposal, who may see it, and how it is numbered.
 */
import { createHash } from 'node:crypto'
import { PROPOSAL_STATE_LABELS, type SessionDates, type ProposalActor, type ProposalKind, type ProposalState, type ProposalSummary } from '../../types/proposals'
import { holdsRole } from '../core/authorize'
import type { CongressSessionDoc, MemberDoc, ProposalDoc } from '../core/collections'

/** Seconders a proposal needs where the session does not say (domain.md: the author and at least two delegates). */
export const SECONDERS_DEFAULT = 2

export const secondersNeeded = (session: Pick<CongressSessionDoc, 'secondersNeeded'> | null | undefined) => session?.secondersNeeded ?? SECONDERS_DEFAULT

/** Whether the session's window for filing proposals is open at `now`. */
export function isCollecting(session: Pick<CongressSessionDoc, 'opensAt' | 'closesAt'>, now: Date): boolean {
  const at = now.toISOString()
  return session.opensAt !== undefined && session.closesAt !== undefined && session.opensAt <= at && at < session.closesAt
}

/** The session's name, days, window and seconders, as every view of it shows them. */
export function sessionDates(session: CongressSessionDoc, now: Date): SessionDates {
  const { _id, name, meetingStart, meetingEnd, opensAt, closesAt } = session
  return {
    id: _id,
    name,
    ...(meetingStart ? { meetingStart } : {}),
    ...(meetingEnd ? { meetingEnd } : {}),
    ...(opensAt ? { opensAt } : {}),
    ...(closesAt ? { closesAt } : {}),
    secondersNeeded: secondersNeeded(session),
    collecting: isCollecting(session, now),
  }
}

/** What a member's draft files as: a proposal for a delegate of a session collecting now, else a suggestion. */
export function kindFor(member: Pick<MemberDoc, 'roles'>, session: CongressSessionDoc | null, now: Date): ProposalKind {
  return session && holdsRole(member, 'delegate', session._id) && isCollecting(session, now) ? 'proposal' : 'suggestion'
}

/** A delegate's invitation to second a proposal: one document per proposal and delegate, whatever the round. */
export const secondId = (proposalId: string, memberId: string) => createHash('sha256').update(`second\n${proposalId}\n${memberId}`).digest('hex').slice(0, 32)

/** A delegate's entry in a session's imported list (their 代表团): one document per session and delegate. */
export const delegateId = (sessionId: string, memberId: string) => createHash('sha256').update(`delegate\n${sessionId}\n${memberId}`).digest('hex').slice(0, 32)

/** How many delegates each 代表团 has, in the order the entries first name them. */
export function delegationCounts(entries: readonly { delegation: string }[]): { name: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const entry of entries) counts.set(entry.delegation, (counts.get(entry.delegation) ?? 0) + 1)
  return [...counts].map(([name, count]) => ({ name, count }))
}

/** 六届二次-023: the session's name and the proposal's place among those accepted. */
export const proposalNumber = (sessionName: string, n: number) => `${sessionName}-${String(n).padStart(3, '0')}`

/** The title, the reasons and the measures are all written: it may go to seconders or be submitted. */
export const isComplete = (doc: Pick<ProposalDoc, 'title' | 'reasons' | 'measures'>) => doc.title !== '' && doc.reasons !== '' && doc.measures !== ''

/** Who `member` is to the proposal; `seconder` when invited in its current round. */
export function actorsOf(doc: ProposalDoc, member: MemberDoc, seconder: boolean): ProposalActor[] {
  const actors: ProposalActor[] = ['member']
  if (doc.authorId === member._id) actors.push('author')
  if (seconder) actors.push('seconder')
  if (doc.sessionId && holdsRole(member, 'committee', doc.sessionId)) actors.push('committee')
  if (holdsRole(member, 'unionOffice')) actors.push('unionOffice')
  if (doc.leadDeptId && holdsRole(member, 'handlingDept', doc.leadDeptId)) actors.push('leadDept')
  if (doc.assistDeptIds?.some((deptId) => holdsRole(member, 'handlingDept', deptId))) actors.push('assistDept')
  return actors
}

/** The proposal's departments whose handler `member` is: the lead one first. */
export const deptsOf = (doc: Pick<ProposalDoc, 'leadDeptId' | 'assistDeptIds'>, member: Pick<MemberDoc, 'roles'>) =>
  [doc.leadDeptId, ...(doc.assistDeptIds ?? [])].filter((deptId): deptId is string => deptId !== undefined && holdsRole(member, 'handlingDept', deptId))

/** Assisting departments yet to give their input. */
export const assistPending = (doc: Pick<ProposalDoc, 'assistDeptIds' | 'assistInputs'>) =>
  (doc.assistDeptIds ?? []).filter((deptId) => doc.assistInputs?.[deptId] === undefined).length

/** Weeks a department has to reply where the session does not say (domain.md: about six). */
export const REPLY_WEEKS_DEFAULT = 6

/** Past its reply day (a Shanghai day) and not yet answered. */
export const isOverdue = (doc: Pick<ProposalDoc, 'replyDue' | 'state'>, today: string) =>
  doc.replyDue !== undefined && (doc.state === 'assigned' || doc.state === 'rehandling') && today > doc.replyDue

/** While a reply stands (not sent back to be handled again), its confirmed seconders may rate it. */
export const seconderMayRate = (doc: Pick<ProposalDoc, 'reply' | 'state'>) => doc.reply !== undefined && (['replied', 'rated', 'closed'] as ProposalState[]).includes(doc.state)

/** The union office and a session's committee see its withheld proposals too (marked), to put them back. */
export const seesWithheld = (member: Pick<MemberDoc, 'roles'>, sessionId: string) => holdsRole(member, 'unionOffice') || holdsRole(member, 'committee', sessionId)

/** States before the committee's eyes: the author's alone (and, while seconding, their invitees'). */
const UNSUBMITTED: readonly ProposalState[] = ['draft', 'seconding']
/** States every member sees: accepted and handled (the public record). */
export const PUBLIC_STATES: readonly ProposalState[] = ['accepted', 'assigned', 'replied', 'rated', 'rehandling', 'closed']

/**
 * Whether someone who is `actors` to the proposal may read it: its author always; an invited seconder while it is not
 * a draft; its session's committee and the union office once submitted; its departments once assigned; everyone once
 * an accepted proposal, unless the union office withholds it from the public record (then those it concerns still do).
 */
export function maySee(doc: Pick<ProposalDoc, 'kind' | 'state' | 'withheld'>, actors: readonly ProposalActor[]): boolean {
  if (actors.includes('author')) return true
  // A suggestion is never on the public record: its author's, the union office's and its department's.
  if (doc.kind === 'proposal' && PUBLIC_STATES.includes(doc.state)) return !doc.withheld || actors.some((actor) => actor !== 'member')
  if (doc.state === 'draft') return false
  if (actors.includes('seconder')) return true
  return !UNSUBMITTED.includes(doc.state) && actors.some((actor) => actor === 'committee' || actor === 'unionOffice' || actor === 'leadDept' || actor === 'assistDept')
}

export function toSummary(doc: ProposalDoc, confirmed: number, needed: number): ProposalSummary {
  const { _id, kind, state, title, category, number, authorName, delegation, updatedAt, submittedAt } = doc
  return {
    id: _id,
    kind,
    state,
    stateLabel: PROPOSAL_STATE_LABELS[state],
    title,
    category,
    ...(number ? { number } : {}),
    authorName,
    ...(delegation ? { delegation } : {}),
    updatedAt,
    ...(submittedAt ? { submittedAt } : {}),
    confirmed,
    needed: kind === 'proposal' ? needed : 0,
  }
}

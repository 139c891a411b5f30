/**
 * A congress session's accepted proposals, as its 提案汇编 and its 提案办理情况表 list them: every proposal the
 * committee numbered (立案), in number order, whatever became of it since, withheld from the public record or not,
 * with what the files name: its author's unit, its confirmed seconders, its departments and the proposals merged into it.
 */
import type { CongressSessionDoc, ProposalDoc } from '../core/collections'
import { findAllById, findIn } from '../core/queries'
import type { Store } from '../core/store/port'
import { unitNames } from '../core/units'
// The states of a proposal accepted (立案) and numbered: from then on it is on the session's record.
import { PUBLIC_STATES } from '../proposals/rules'
import { deptNames } from '../proposals/views'

export interface SessionProposal {
  doc: ProposalDoc & { number: string }
  authorUnitName: string
  /** The confirmed seconders of its current round, in the order they were invited. */
  seconders: string[]
  leadDeptName?: string
  assistDeptNames: string[]
  /** Proposals merged into it (并案): their titles and authors. */
  merged: { title: string; authorName: string }[]
}

/** The place of 六届二次-023 among the session's numbers (23), so 1000 comes after 999. */
const ordinal = (number: string) => Number(/(\d+)$/.exec(number)?.[1] ?? Number.NaN)

export function byNumber(a: { number: string }, b: { number: string }): number {
  const [x, y] = [ordinal(a.number), ordinal(b.number)]
  if (x !== y && !Number.isNaN(x) && !Number.isNaN(y)) return x - y
  return a.number.localeCompare(b.number)
}

/** The session's accepted proposals in number order, with the names the files show. */
export async function sessionProposals(store: Store, session: Pick<CongressSessionDoc, '_id'>): Promise<SessionProposal[]> {
  const [found, merged, units, depts] = await Promise.all([
    findAllById(store, 'proposals', { sessionId: session._id, state: { $in: [...PUBLIC_STATES] } }),
    findAllById(store, 'proposals', { sessionId: session._id, state: 'merged' }, ['title', 'authorName', 'mainId', 'submittedAt']),
    unitNames(store),
    deptNames(store),
  ])
  const accepted = found.filter((doc): doc is ProposalDoc & { number: string } => doc.number !== undefined).sort((a, b) => byNumber(a, b) || a._id.localeCompare(b._id))
  const seconds = await findIn(store, 'proposalSeconds', 'proposalId', accepted.map((doc) => doc._id), { state: 'confirmed' })
  seconds.sort((a, b) => a.invitedAt.localeCompare(b.invitedAt) || a.memberId.localeCompare(b.memberId))
  const rounds = new Map(accepted.map((doc) => [doc._id, doc.round]))
  const seconders = new Map<string, string[]>()
  for (const second of seconds) {
    if (rounds.get(second.proposalId) !== second.round) continue
    seconders.set(second.proposalId, [...(seconders.get(second.proposalId) ?? []), second.memberName])
  }
  merged.sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a._id.localeCompare(b._id))
  const deptName = (deptId: string) => depts.get(deptId) ?? deptId
  return accepted.map((doc) => ({
    doc,
    authorUnitName: units.get(doc.authorUnitId) ?? '',
    seconders: seconders.get(doc._id) ?? [],
    ...(doc.leadDeptId ? { leadDeptName: deptName(doc.leadDeptId) } : {}),
    assistDeptNames: (doc.assistDeptIds ?? []).map(deptName),
    merged: merged.filter((other) => other.mainId === doc._id).map((other) => ({ title: other.title, authorName: other.authorName })),
  }))
}

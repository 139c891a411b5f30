/**
 * A proposal as the proposals function shows it: who may read it, and the detail they see (its seconders, its
 * handling, the reply and the ratings).
 */
import { PROPOSAL_STATE_LABELS, PROPOSAL_STEP_LABELS, REPLY_OUTCOME_LABELS, SATISFACTION_LABELS, type ProposalDetail, type RatingView } from '../../types/proposals'
import { shanghaiDay } from '../../types/time'
import type { MemberDoc, ProposalDoc, ProposalSecondDoc } from '../core/collections'
import { notFound } from '../core/errors'
import type { FileStore } from '../core/files/port'
import type { Store } from '../core/store/port'
import { unitNames } from '../core/units'
import { actorsOf, deptsOf, isOverdue, maySee, PUBLIC_STATES, seconderMayRate, secondersNeeded, toSummary } from './rules'
import { stepsFor } from './workflow'

const ratingView = (rating: NonNullable<ProposalDoc['rating']>): RatingView => ({ satisfaction: rating.satisfaction, satisfactionLabel: SATISFACTION_LABELS[rating.satisfaction], comment: rating.comment, at: rating.at })

/** The answers of the proposal's current round of invitations. */
export const secondsOf = (store: Store, doc: Pick<ProposalDoc, '_id' | 'round'>) => store.find('proposalSeconds', { proposalId: doc._id, round: doc.round }, { sort: { invitedAt: 1, memberId: 1 } })

export const confirmedOf = (seconds: ProposalSecondDoc[]) => seconds.filter((second) => second.state === 'confirmed').length

/** The proposal as `member` may read it, or NOT_FOUND when they may not (as if it were not there). */
/**
 * Whether the caller counts as the proposal's seconder: invited in its current round while it is before the committee;
 * once it is on the public record, only if they confirmed (one who declined is a member like any other).
 */
const seconderOf = (doc: ProposalDoc, mySecond: ProposalSecondDoc | undefined) => mySecond !== undefined && (mySecond.state === 'confirmed' || !PUBLIC_STATES.includes(doc.state))

export async function visible(store: Store, member: MemberDoc, id: string): Promise<{ doc: ProposalDoc; seconds: ProposalSecondDoc[]; mySecond?: ProposalSecondDoc }> {
  const doc = await store.get('proposals', id)
  if (!doc) throw notFound('提案')
  const seconds = await secondsOf(store, doc)
  const mySecond = seconds.find((second) => second.memberId === member._id)
  if (!maySee(doc, actorsOf(doc, member, seconderOf(doc, mySecond)))) throw notFound('提案')
  return { doc, seconds, mySecond }
}

export async function deptNames(store: Store): Promise<Map<string, string>> {
  return new Map((await store.find('departments', {}, { sort: { order: 1 } })).map((dept) => [dept._id, dept.name]))
}

function handlingOf(doc: ProposalDoc, depts: Map<string, string>, now: Date): ProposalDetail['handling'] {
  if (!doc.leadDeptId || !doc.replyDue) return undefined
  return {
    leadDeptId: doc.leadDeptId,
    leadDeptName: depts.get(doc.leadDeptId) ?? doc.leadDeptId,
    assists: (doc.assistDeptIds ?? []).map((deptId) => {
      const input = doc.assistInputs?.[deptId]
      return { deptId, deptName: depts.get(deptId) ?? deptId, ...(input ? { text: input.text, byName: input.byName, at: input.at } : {}) }
    }),
    replyDue: doc.replyDue,
    overdue: isOverdue(doc, shanghaiDay(now)),
    rehandled: doc.rehandled ?? 0,
  }
}

export async function detailOf(store: Store, files: FileStore, member: MemberDoc, id: string, now: Date): Promise<ProposalDetail> {
  const { doc, seconds, mySecond } = await visible(store, member, id)
  const imageFileIds = doc.imageFileIds ?? []
  const [session, units, main, depts, links] = await Promise.all([
    doc.sessionId ? store.get('congressSessions', doc.sessionId) : null,
    unitNames(store),
    doc.mainId ? store.get('proposals', doc.mainId) : null,
    doc.leadDeptId ? deptNames(store) : new Map<string, string>(),
    imageFileIds.length ? files.downloadUrls(imageFileIds) : new Map<string, string>(),
  ])
  const actors = actorsOf(doc, member, seconderOf(doc, mySecond))
  const handling = handlingOf(doc, depts, now)
  const { reply, rating } = doc
  return {
    ...toSummary(doc, confirmedOf(seconds), secondersNeeded(session)),
    ...(session ? { sessionId: session._id, sessionName: session.name } : {}),
    reasons: doc.reasons,
    measures: doc.measures,
    // Each with its link (a picture deleted meanwhile has none, and is left out).
    images: imageFileIds.flatMap((fileId) => (links.has(fileId) ? [{ fileId, url: links.get(fileId)! }] : [])),
    authorUnitName: units.get(doc.authorUnitId) ?? '',
    seconders: seconds.map((second) => ({ memberId: second.memberId, name: second.memberName, state: second.state })),
    ...(doc.mainId ? { mainId: doc.mainId, ...(main?.number ? { mainNumber: main.number } : {}) } : {}),
    ...(doc.reason ? { reason: doc.reason } : {}),
    history: doc.history.map((record) => ({ ...record, stepLabel: PROPOSAL_STEP_LABELS[record.step], stateLabel: PROPOSAL_STATE_LABELS[record.state] })),
    mine: doc.authorId === member._id,
    steps: stepsFor(doc.kind, doc.state, actors),
    ...(mySecond ? { invitation: mySecond.state } : {}),
    ...(handling ? { handling } : {}),
    ...(reply ? { reply: { ...reply, ...(reply.outcome ? { outcomeLabel: REPLY_OUTCOME_LABELS[reply.outcome] } : {}) } } : {}),
    ...(rating ? { rating: ratingView(rating) } : {}),
    seconderRatings: reply ? seconds.filter((second) => second.rating?.replyAt === reply.at).map((second) => ({ memberId: second.memberId, name: second.memberName, ...ratingView(second.rating!) })) : [],
    ...(doc.withheld ? { withheldReason: doc.withheld.reason } : {}),
    seconderMayRate: mySecond?.state === 'confirmed' && seconderMayRate(doc),
    mayWithhold: actors.includes('unionOffice') && doc.kind === 'proposal' && PUBLIC_STATES.includes(doc.state),
    myDepts: deptsOf(doc, member),
  }
}

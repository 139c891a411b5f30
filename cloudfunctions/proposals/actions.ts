/**
 * The proposals function (types/proposals.ts): drafting, seconding and submitting a proposal or a suggestion, and
 * the committee's review. Every step goes through the workflow table (workflow.ts); each writes with a guard on the
 * state it was taken from, so two steps at once cannot both land.
 */
import {
  AnswerInvitationSchema,
  AnswerSchema,
  AssignSchema,
  AssistInputSchema,
  DecideSchema,
  DelegatesSchema,
  InviteSchema,
  HandlingQueueSchema,
  MyProposalsSchema,
  PROPOSAL_IMAGE_MAX_BYTES,
  PROPOSAL_STATE_LABELS,
  PROPOSAL_STEP_LABELS,
  ProposalIdSchema,
  RateSchema,
  REPLY_OUTCOME_LABELS,
  ReplySchema,
  ReviewQueueSchema,
  SATISFACTION_LABELS,
  SaveDraftSchema,
  SessionSchema,
  SimilarSchema,
  type DelegateOption,
  type ProposalsApi,
  type ProposalState,
  type ProposalStep,
  type SessionView,
} from '../../types/proposals'
import type { ProposalChange } from '../../types/messages'
import { recordAudit } from '../core/audit'
import { checkUploadedImages } from '../core/files/images'
import { holdIn, removeAfterIn } from '../core/files/retention'
import { committee, delegate, handlingDept, holdsRole, unionOffice } from '../core/authorize'
import type { CongressSessionDoc, MemberDoc, ProposalDoc, ProposalSecondDoc, ProposalStepRecord } from '../core/collections'
import { action, defineFunction, jobsOf } from '../core/defineFunction'
import { AppError, forbidden, notFound } from '../core/errors'
import { insertIfAbsent, mustGet, pageOf } from '../core/queries'
import { notify, type Writer } from '../core/notify'
import type { Store, Update } from '../core/store/port'
import { addDays, shanghaiDay } from '../../types/time'
import { unitNames } from '../core/units'
import { JOB_CATALOGUE } from '../../types/jobs'
import config from './config.json'
import { mostAlike } from './similarity'
import { remindOverdue } from './jobs'
import { recordActions } from './record'
import { actorsOf, assistPending, delegateId, isCollecting, seconderMayRate, seesWithheld, sessionDates, isComplete, isOverdue, kindFor, proposalNumber, REPLY_WEEKS_DEFAULT, secondersNeeded, secondId, toSummary } from './rules'
import { sessionActions } from './sessions'
import { confirmedOf, deptNames, detailOf, secondsOf, visible } from './views'
import { checkStep, type StepFacts } from './workflow'

/** The states whose proposals others may be shown as alike (the submitted ones: a draft is its author's alone). */
const SHOWN_ALIKE: ProposalState[] = ['submitted', 'accepted', 'merged', 'assigned', 'replied', 'rated', 'rehandling', 'closed']
const ALIKE_SHOWN = 5
const DELEGATES_SHOWN = 20

/** The session collecting now, else the latest set up; or the one named. */
async function sessionFor(store: Store, now: Date, sessionId?: string): Promise<CongressSessionDoc | null> {
  if (sessionId) return store.get('congressSessions', sessionId)
  const sessions = await store.find('congressSessions', {}, { sort: { order: -1 } })
  return sessions.find((session) => isCollecting(session, now)) ?? sessions.find((session) => session.opensAt !== undefined) ?? null
}

/** The 代表团 a delegate is in, in the session's imported list. */
const delegationOf = async (store: Store, sessionId: string, memberId: string) => (await store.get('congressDelegates', delegateId(sessionId, memberId)))?.delegation

function sessionView(session: CongressSessionDoc, member: MemberDoc, now: Date, depts: Map<string, string>, myDelegation: string | undefined): SessionView {
  const { _id } = session
  return {
    ...sessionDates(session, now),
    delegate: holdsRole(member, 'delegate', _id),
    ...(myDelegation ? { myDelegation } : {}),
    committee: holdsRole(member, 'committee', _id),
    departments: [...depts].map(([id, deptName]) => ({ id, name: deptName })),
  }
}

/** A joint proposal's 代表团 (the author's, in the session it is filed in), or none when it is not joint. */
async function jointDelegation(store: Store, member: MemberDoc, session: CongressSessionDoc | null, joint: boolean): Promise<string | undefined> {
  // Filed as a suggestion (after the window, or by one no longer a delegate): no 代表团 to sign it.
  if (!joint || !session) return undefined
  const delegation = await delegationOf(store, session._id, member._id)
  if (!delegation) throw new AppError('CONFLICT', '本届代表名单中没有您所在的代表团，不能提代表团联名提案', { joint: '没有您所在的代表团' })
  return delegation
}

/**
 * A draft's pictures as it is saved: those it now holds are kept as long as the proposal; those taken out of it go
 * within the hour, as an upload nothing holds does.
 */
async function keepPictures(store: Store, holds: string[], held: string[], now: Date) {
  const added = holds.filter((fileId) => !held.includes(fileId))
  const dropped = held.filter((fileId) => !holds.includes(fileId))
  if (!added.length && !dropped.length) return
  await store.transaction(async (tx) => {
    for (const fileId of added) await holdIn(tx, fileId)
    for (const fileId of dropped) await removeAfterIn(tx, fileId, now.toISOString())
  })
}

/** The caller's own proposal: NOT_FOUND for anyone else's. */
async function ownProposal(store: Store, member: MemberDoc, id: string): Promise<ProposalDoc> {
  const doc = await store.get('proposals', id)
  if (!doc || doc.authorId !== member._id) throw notFound('提案')
  return doc
}

/** The day a reply is due when handed to a department today: its session's reply weeks (or the default) on. */
async function replyDueFrom(store: Store, doc: ProposalDoc, now: Date): Promise<string> {
  const session = doc.sessionId ? await store.get('congressSessions', doc.sessionId) : null
  return addDays(shanghaiDay(now), 7 * (session?.replyWeeks ?? REPLY_WEEKS_DEFAULT))
}

/** Takes `step` or throws why not. */
function mustTake(doc: ProposalDoc, step: ProposalStep, member: MemberDoc, facts: StepFacts, seconder = false) {
  const checked = checkStep(doc.kind, doc.state, step, actorsOf(doc, member, seconder), facts)
  if (!checked.ok) throw new AppError(checked.code, checked.message)
  return checked
}

/** The session of the proposal an input names: whose committee acts on it. */
const proposalSession = async ({ id }: { id: string }, store: Store) => (await store.get('proposals', id))?.sessionId

/**
 * Records a reply (the lead department's, or the union office's to a suggestion) by `step`, clearing an earlier
 * rating, and tells the author (`told`): once per round of handling.
 */
async function giveReply(store: Store, doc: ProposalDoc, step: 'reply' | 'answer', to: ProposalState, member: MemberDoc, now: Date, reply: NonNullable<ProposalDoc['reply']>, told: string, note?: string) {
  if (!(await move(store, doc, to, record(step, to, member, now, note), { $set: { reply }, $unset: { rating: true } }))) throw changedMeanwhile()
  await tellAuthor(store, doc, 'replied', now, told, `proposal:${doc._id}:reply${doc.rehandled ?? 0}`)
}

/** What the author is told of each decision. */
const DECISION_CHANGES = { accept: 'accepted', merge: 'merged', convert: 'converted', reject: 'rejected' } as const satisfies Record<string, ProposalChange>

const changedMeanwhile = () => new AppError('CONFLICT', '这份提案刚刚有了变化，请刷新后查看')

const record = (step: ProposalStep, state: ProposalState, member: MemberDoc, now: Date, note?: string): ProposalStepRecord => ({
  step,
  state,
  at: now.toISOString(),
  byName: member.name,
  ...(note ? { note } : {}),
})

/**
 * Moves the proposal by `step` from the state (and round) it was read in: false when another change landed first.
 * The step joins its history.
 */
async function move(store: Store, doc: ProposalDoc, to: ProposalState, entry: ProposalStepRecord, update: Update = {}): Promise<boolean> {
  return store.claim('proposals', doc._id, { state: doc.state, round: doc.round }, {
    ...update,
    $set: { ...update.$set, state: to, updatedAt: entry.at },
    $push: { history: entry },
  })
}

async function tellAuthor(writer: Writer | Store, doc: ProposalDoc, change: ProposalChange, now: Date, detail?: string, subject = `proposal:${doc._id}:${change}`) {
  await notify(writer, now, [doc.authorId], { kind: 'proposalProgress', subject, data: { proposalId: doc._id, title: doc.title, change, ...(detail ? { detail } : {}) } })
}

export const proposalsFunction = defineFunction<ProposalsApi>(
  'proposals',
  {
    session: action({
      allow: 'member',
      input: SessionSchema,
      async handle({ sessionId }, { store, now, member }) {
        const [session, depts] = await Promise.all([sessionFor(store, now, sessionId), deptNames(store)])
        return session ? sessionView(session, member, now, depts, await delegationOf(store, session._id, member._id)) : null
      },
    }),

    delegates: action({
      allow: [unionOffice, delegate(({ sessionId }: { sessionId: string }) => sessionId)],
      input: DelegatesSchema,
      async handle({ sessionId, q, sameDelegation }, { store, member }) {
        const [found, units, listed] = await Promise.all([
          store.find('members', { roles: `delegate:${sessionId}`, status: { $ne: 'left' } }, { sort: { staffNo: 1 } }),
          unitNames(store),
          store.find('congressDelegates', { sessionId }, { fields: ['memberId', 'delegation'] }),
        ])
        const delegations = new Map(listed.map((entry) => [entry.memberId, entry.delegation]))
        const mine = delegations.get(member._id)
        // A joint proposal's co-authors are of the author's own 代表团 (none when the list does not name theirs).
        const inReach = (memberId: string) => !sameDelegation || (mine !== undefined && delegations.get(memberId) === mine)
        return found
          .filter((candidate) => candidate._id !== member._id && inReach(candidate._id) && (!q || candidate.name.includes(q) || candidate.staffNo.includes(q)))
          .slice(0, DELEGATES_SHOWN)
          .map((candidate): DelegateOption => {
            const delegation = delegations.get(candidate._id)
            return { memberId: candidate._id, name: candidate.name, staffNo: candidate.staffNo, unitName: units.get(candidate.unitId) ?? '', ...(delegation ? { delegation } : {}) }
          })
      },
    }),

    saveDraft: action({
      allow: 'member',
      input: SaveDraftSchema,
      async handle(input, { store, files, now, member }) {
        const text = { title: input.title, category: input.category, reasons: input.reasons, measures: input.measures, imageFileIds: input.imageFileIds }
        const at = now.toISOString()
        if (input.id) {
          const doc = await ownProposal(store, member, input.id)
          if (doc.state !== 'draft') throw new AppError('CONFLICT', doc.state === 'seconding' ? '征集附议中的提案不能修改：请先撤回修改' : `这份提案${PROPOSAL_STATE_LABELS[doc.state]}，不能再修改`)
          const kept = doc.imageFileIds ?? []
          await checkUploadedImages(files, input.imageFileIds.filter((fileId) => !kept.includes(fileId)), 'imageFileIds', '图片', PROPOSAL_IMAGE_MAX_BYTES)
          // Filed as what the author and the time make it now: a delegate's draft after the window is a suggestion.
          const session = await sessionFor(store, now, doc.sessionId ?? input.sessionId)
          const kind = kindFor(member, session, now)
          const delegation = await jointDelegation(store, member, kind === 'proposal' ? session : null, input.joint)
          const dropped = [...(kind === 'proposal' || !doc.sessionId ? [] : ['sessionId']), ...(delegation || !doc.delegation ? [] : ['delegation'])]
          const saved = await store.claim('proposals', doc._id, { state: 'draft', round: doc.round }, {
            $set: { ...text, kind, ...(kind === 'proposal' ? { sessionId: session!._id } : {}), ...(delegation ? { delegation } : {}), updatedAt: at },
            ...(dropped.length ? { $unset: Object.fromEntries(dropped.map((field) => [field, true as const])) } : {}),
          })
          if (!saved) throw changedMeanwhile()
          await keepPictures(store, input.imageFileIds, kept, now)
          return detailOf(store, files, member, doc._id, now)
        }
        await checkUploadedImages(files, input.imageFileIds, 'imageFileIds', '图片', PROPOSAL_IMAGE_MAX_BYTES)
        const session = await sessionFor(store, now, input.sessionId)
        const kind = kindFor(member, session, now)
        const delegation = await jointDelegation(store, member, kind === 'proposal' ? session : null, input.joint)
        const id = await store.insert('proposals', {
          kind,
          ...(kind === 'proposal' ? { sessionId: session!._id } : {}),
          ...(delegation ? { delegation } : {}),
          state: 'draft',
          ...text,
          authorId: member._id,
          authorName: member.name,
          authorUnitId: member.unitId,
          round: 1,
          createdAt: at,
          updatedAt: at,
          history: [],
        })
        await keepPictures(store, input.imageFileIds, [], now)
        return detailOf(store, files, member, id, now)
      },
    }),

    invite: action({
      allow: 'member',
      input: InviteSchema,
      async handle({ id, memberIds }, { store, files, now, member }) {
        const doc = await ownProposal(store, member, id)
        // A proposal in its draft goes to its seconders now; one already with them may invite more.
        if (doc.state !== 'seconding') mustTake(doc, 'invite', member, { complete: isComplete(doc) })
        const invitees = await store.find('members', { _id: { $in: memberIds } })
        if (invitees.length !== memberIds.length) throw new AppError('NOT_FOUND', '有代表不存在或已被删除，请返回刷新后重试')
        for (const invitee of invitees) {
          if (invitee._id === member._id) throw new AppError('CONFLICT', '不能邀请自己附议')
          if (!holdsRole(invitee, 'delegate', doc.sessionId!) || invitee.status === 'left') throw new AppError('CONFLICT', `${invitee.name}不是本届次的教代会代表，不能附议`)
          if (doc.delegation && (await delegationOf(store, doc.sessionId!, invitee._id)) !== doc.delegation) throw new AppError('CONFLICT', `${invitee.name}不是${doc.delegation}的代表：联名提案只能邀请本代表团的代表`)
        }
        const at = now.toISOString()
        for (const invitee of invitees) {
          const fresh: ProposalSecondDoc = { _id: secondId(doc._id, invitee._id), proposalId: doc._id, sessionId: doc.sessionId!, memberId: invitee._id, memberName: invitee.name, state: 'invited', round: doc.round, invitedAt: at }
          // Invited before, in an earlier round: invited again for this text.
          if (!(await insertIfAbsent(store, 'proposalSeconds', fresh))) {
            await store.update('proposalSeconds', { _id: fresh._id, round: { $lt: doc.round } }, { $set: { state: 'invited', round: doc.round, invitedAt: at }, $unset: { answeredAt: true } })
          }
        }
        if (doc.state === 'draft' && !(await move(store, doc, 'seconding', record('invite', 'seconding', member, now, invitees.map((invitee) => invitee.name).join('、'))))) throw changedMeanwhile()
        await notify(store, now, memberIds, { kind: 'proposalInvitation', subject: `proposal:${doc._id}:round${doc.round}`, data: { proposalId: doc._id, title: doc.title, authorName: doc.authorName } })
        return detailOf(store, files, member, doc._id, now)
      },
    }),

    answerInvitation: action({
      allow: 'member',
      input: AnswerInvitationSchema,
      async handle({ id, confirm }, { store, files, now, member }) {
        const [doc, second] = await Promise.all([store.get('proposals', id), store.get('proposalSeconds', secondId(id, member._id))])
        if (!doc || !second || second.round !== doc.round) throw notFound('附议邀请')
        if (doc.state !== 'seconding') throw new AppError('CONFLICT', `这份提案${PROPOSAL_STATE_LABELS[doc.state]}，不再征集附议`)
        const state = confirm ? 'confirmed' : 'declined'
        if (second.state !== 'invited') {
          if (second.state === state) return detailOf(store, files, member, id, now)
          throw new AppError('CONFLICT', `您已${second.state === 'confirmed' ? '确认附议' : '谢绝附议'}这份提案，不能再改`)
        }
        const answered = await store.claim('proposalSeconds', second._id, { state: 'invited', round: second.round }, { $set: { state, answeredAt: now.toISOString() } })
        if (!answered) throw changedMeanwhile()
        await tellAuthor(store, doc, confirm ? 'seconded' : 'declined', now, member.name, `proposal:${doc._id}:round${doc.round}:${member._id}`)
        return detailOf(store, files, member, id, now)
      },
    }),

    recall: action({
      allow: 'member',
      input: ProposalIdSchema,
      async handle({ id }, { store, files, now, member }) {
        const doc = await ownProposal(store, member, id)
        const { to } = mustTake(doc, 'recall', member, {})
        // A new round: confirmations of the text as it was no longer count.
        if (!(await move(store, doc, to, record('recall', to, member, now), { $set: { round: doc.round + 1 } }))) throw changedMeanwhile()
        return detailOf(store, files, member, id, now)
      },
    }),

    submit: action({
      allow: 'member',
      input: ProposalIdSchema,
      async handle({ id }, { store, files, now, member }) {
        const doc = await ownProposal(store, member, id)
        const session = doc.sessionId ? await store.get('congressSessions', doc.sessionId) : null
        const facts: StepFacts = {
          complete: isComplete(doc),
          seconders: confirmedOf(await secondsOf(store, doc)),
          secondersNeeded: secondersNeeded(session),
          windowOpen: session !== null && isCollecting(session, now),
          authorIsDelegate: session !== null && holdsRole(member, 'delegate', session._id),
        }
        const { to } = mustTake(doc, 'submit', member, facts)
        if (!(await move(store, doc, to, record('submit', to, member, now), { $set: { submittedAt: now.toISOString() } }))) throw changedMeanwhile()
        return detailOf(store, files, member, id, now)
      },
    }),

    mine: action({
      allow: 'member',
      input: MyProposalsSchema,
      async handle({ offset, limit }, { store, member }) {
        const found = await store.find('proposals', { authorId: member._id }, { sort: { updatedAt: -1 }, skip: offset, limit: limit + 1 })
        const sessions = new Map((await store.find('congressSessions')).map((session) => [session._id, session]))
        const rows = await Promise.all(
          found.map(async (doc) => toSummary(doc, doc.kind === 'proposal' ? confirmedOf(await secondsOf(store, doc)) : 0, secondersNeeded(doc.sessionId ? sessions.get(doc.sessionId) : null))),
        )
        return pageOf(rows, limit)
      },
    }),

    invitations: action({
      allow: 'member',
      input: MyProposalsSchema,
      async handle({ offset, limit }, { store, member }) {
        const found = await store.find('proposalSeconds', { memberId: member._id }, { sort: { invitedAt: -1 }, skip: offset, limit: limit + 1 })
        const docs = found.length ? await store.find('proposals', { _id: { $in: found.map((second) => second.proposalId) } }) : []
        const byId = new Map(docs.map((doc) => [doc._id, doc]))
        // An invitation of an earlier round, its proposal back in draft, waits for the next round.
        const live = found.filter((second) => byId.has(second.proposalId) && byId.get(second.proposalId)!.state !== 'draft')
        return pageOf(
          live.map((second) => {
            const doc = byId.get(second.proposalId)!
            return { proposalId: doc._id, title: doc.title, authorName: doc.authorName, state: second.state, proposalState: doc.state, proposalStateLabel: PROPOSAL_STATE_LABELS[doc.state], invitedAt: second.invitedAt }
          }),
          limit,
        )
      },
    }),

    detail: action({
      allow: 'member',
      input: ProposalIdSchema,
      async handle({ id }, { store, files, now, member }) {
        return detailOf(store, files, member, id, now)
      },
    }),

    similar: action({
      allow: 'member',
      input: SimilarSchema,
      async handle({ sessionId, title, text, excludeId }, { store, member }) {
        // What the union office withholds from the public record stays out of everyone else's alike list too.
        const candidates = await store.find('proposals', { sessionId, state: { $in: SHOWN_ALIKE }, ...(seesWithheld(member, sessionId) ? {} : { withheld: { $exists: false } }) }, { fields: ['title', 'reasons', 'measures', 'number', 'state', 'authorName'] })
        const others = candidates.filter((doc) => doc._id !== excludeId)
        return mostAlike({ title, text }, others, (doc) => ({ title: doc.title, text: `${doc.reasons}\n${doc.measures}` }), ALIKE_SHOWN).map(({ candidate, score }) => ({
          id: candidate._id,
          title: candidate.title,
          ...(candidate.number ? { number: candidate.number } : {}),
          stateLabel: PROPOSAL_STATE_LABELS[candidate.state],
          authorName: candidate.authorName,
          score,
        }))
      },
    }),

    reviewQueue: action({
      allow: [unionOffice, committee(({ sessionId }: { sessionId: string }) => sessionId)],
      input: ReviewQueueSchema,
      async handle({ sessionId, state, offset, limit }, { store }) {
        const [found, session] = await Promise.all([
          store.find('proposals', { sessionId, state }, { sort: { submittedAt: 1, _id: 1 }, skip: offset, limit: limit + 1 }),
          store.get('congressSessions', sessionId),
        ])
        const rows = await Promise.all(found.map(async (doc) => toSummary(doc, confirmedOf(await secondsOf(store, doc)), secondersNeeded(session))))
        return pageOf(rows, limit)
      },
    }),

    decide: action({
      // The committee of the proposal's own session (or the union office): worked out from the proposal.
      allow: [unionOffice, committee(proposalSession)],
      input: DecideSchema,
      async handle(input, { store, files, now, member }) {
        const doc = await mustGet(store, 'proposals', input.id, '提案')
        const main = input.step === 'merge' ? await store.get('proposals', input.mainId) : null
        const mainOk = main !== null && main._id !== doc._id && main.sessionId === doc.sessionId
        const { to, kind } = mustTake(doc, input.step, member, { mainState: mainOk ? main!.state : undefined })
        const reason = input.step === 'accept' ? undefined : input.reason || undefined
        const decided = await store.transaction(async (tx) => {
          // Read again inside: of two decisions at once, the second finds it decided and changes nothing.
          const held = await tx.get('proposals', doc._id)
          if (!held || held.state !== 'submitted') return undefined
          let number: string | undefined
          if (input.step === 'accept') {
            const session = (await tx.get('congressSessions', doc.sessionId!))!
            const n = (session.lastNumber ?? 0) + 1
            await tx.updateById('congressSessions', session._id, { $set: { lastNumber: n } })
            number = proposalNumber(session.name, n)
          }
          const at = now.toISOString()
          const note = number ?? (main && mainOk ? `并入${main.number ?? main.title}${reason ? `：${reason}` : ''}` : reason)
          const changes = { state: to, kind, updatedAt: at, decidedAt: at, decidedByName: member.name, ...(number ? { number } : {}), ...(main ? { mainId: main._id } : {}), ...(reason ? { reason } : {}) }
          await tx.updateById('proposals', doc._id, { $set: changes, $push: { history: record(input.step, to, member, now, note) } })
          await recordAudit(tx, member, now, {
            action: 'proposals.decide',
            targetType: 'proposal',
            targetId: doc._id,
            target: doc.title,
            before: { 状态: PROPOSAL_STATE_LABELS[doc.state] },
            after: { 状态: PROPOSAL_STATE_LABELS[to], 审查: PROPOSAL_STEP_LABELS[input.step], ...(note ? { 说明: note } : {}) },
          })
          await tellAuthor(tx, doc, DECISION_CHANGES[input.step], now, note)
          return true
        })
        if (!decided) throw new AppError('CONFLICT', '这份提案刚刚已有审查结果，请刷新后查看')
        return detailOf(store, files, member, doc._id, now)
      },
    }),

    assign: action({
      // A proposal by its session's committee; a suggestion (no session) by the union office.
      allow: [unionOffice, committee(proposalSession)],
      input: AssignSchema,
      async handle({ id, leadDeptId, assistDeptIds, replyDue }, { store, files, now, member }) {
        const doc = await mustGet(store, 'proposals', id, '提案')
        const { to } = mustTake(doc, doc.kind === 'proposal' ? 'assign' : 'forward', member, {})
        if (assistDeptIds.includes(leadDeptId)) throw new AppError('INVALID_INPUT', '主办部门不能同时是协办部门', { assistDeptIds: '主办部门不能同时是协办部门' })
        const depts = await deptNames(store)
        if (![leadDeptId, ...assistDeptIds].every((deptId) => depts.has(deptId))) throw new AppError('NOT_FOUND', '所选部门不存在，请返回刷新后重试')
        const today = shanghaiDay(now)
        if (replyDue !== undefined && replyDue <= today) throw new AppError('INVALID_INPUT', '答复期限须晚于今天', { replyDue: '答复期限须晚于今天' })
        const due = replyDue ?? (await replyDueFrom(store, doc, now))
        const note = `主办：${depts.get(leadDeptId)}${assistDeptIds.length ? `；协办：${assistDeptIds.map((deptId) => depts.get(deptId)).join('、')}` : ''}；${due} 前答复`
        const step = doc.kind === 'proposal' ? 'assign' : 'forward'
        if (!(await move(store, doc, to, record(step, to, member, now, note), { $set: { leadDeptId, assistDeptIds, replyDue: due, assistInputs: {} } }))) throw changedMeanwhile()
        await recordAudit(store, member, now, { action: 'proposals.assign', targetType: 'proposal', targetId: doc._id, target: doc.title, after: { 交办: note } })
        await tellAuthor(store, doc, 'assigned', now, note)
        return detailOf(store, files, member, id, now)
      },
    }),

    assistInput: action({
      allow: [handlingDept(async ({ id, deptId }: { id: string; deptId: string }, store: Store) => ((await store.get('proposals', id))?.assistDeptIds?.includes(deptId) ? deptId : undefined))],
      input: AssistInputSchema,
      async handle({ id, deptId, text }, { store, files, now, member }) {
        const doc = await mustGet(store, 'proposals', id, '提案')
        // Each department's input is a field of its own: two departments answering at once never write the same one.
        const given = await store.claim('proposals', id, { state: { $in: ['assigned', 'rehandling'] } }, {
          $set: { [`assistInputs.${deptId}`]: { text, byName: member.name, at: now.toISOString() }, updatedAt: now.toISOString() },
        })
        if (!given) throw new AppError('CONFLICT', `这份提案${PROPOSAL_STATE_LABELS[doc.state]}，不能再提交协办意见`)
        return detailOf(store, files, member, id, now)
      },
    }),

    reply: action({
      allow: [handlingDept(async ({ id }: { id: string }, store: Store) => (await store.get('proposals', id))?.leadDeptId)],
      input: ReplySchema,
      async handle(input, { store, files, now, member }) {
        const doc = await mustGet(store, 'proposals', input.id, '提案')
        const { to } = mustTake(doc, 'reply', member, { assistPending: assistPending(doc) })
        const deptName = (await deptNames(store)).get(doc.leadDeptId!) ?? ''
        const reply = { outcome: input.outcome, text: input.text, ...(input.outcome === 'adopted' ? { completionDate: input.completionDate } : {}), byName: member.name, deptName, at: now.toISOString() }
        const note = `${deptName}：${REPLY_OUTCOME_LABELS[input.outcome]}`
        await giveReply(store, doc, 'reply', to, member, now, reply, note, note)
        return detailOf(store, files, member, input.id, now)
      },
    }),

    answer: action({
      allow: [unionOffice],
      input: AnswerSchema,
      async handle({ id, text }, { store, files, now, member }) {
        const doc = await mustGet(store, 'proposals', id, '提案')
        const { to } = mustTake(doc, 'answer', member, {})
        const reply = { text, byName: member.name, deptName: '校工会', at: now.toISOString() }
        await giveReply(store, doc, 'answer', to, member, now, reply, '校工会已答复')
        return detailOf(store, files, member, id, now)
      },
    }),

    rate: action({
      allow: 'member',
      input: RateSchema,
      async handle({ id, satisfaction, comment }, { store, files, now, member }) {
        const { doc, mySecond } = await visible(store, member, id)
        const rating = { satisfaction, comment, at: now.toISOString() }
        const note = `${SATISFACTION_LABELS[satisfaction]}${comment ? `：${comment}` : ''}`
        if (doc.authorId === member._id) {
          // The author's rating moves it: 不满意 sends it back to be handled again.
          const { to } = mustTake(doc, 'rate', member, { rating: satisfaction })
          // Sent back: the department has the session's reply weeks again, from today.
          const again = to === 'rehandling' ? { rehandled: (doc.rehandled ?? 0) + 1, replyDue: await replyDueFrom(store, doc, now) } : undefined
          const recorded = record('rate', to, member, now, again ? `${note}；重新办理，${again.replyDue} 前答复` : note)
          if (!(await move(store, doc, to, recorded, { $set: { rating, ...again } }))) throw changedMeanwhile()
          return detailOf(store, files, member, id, now)
        }
        // A confirmed seconder's rating is theirs alone (their own document): it moves nothing.
        if (mySecond?.state !== 'confirmed') throw forbidden('只有提案人和确认附议的代表可以评价答复')
        if (!seconderMayRate(doc)) throw new AppError('CONFLICT', `这份提案${PROPOSAL_STATE_LABELS[doc.state]}，现在不能评价`)
        // Read again inside: a rating lands only against the reply that still stands (not one sent back meanwhile).
        const rated = await store.transaction(async (tx) => {
          const held = await tx.get('proposals', id)
          const second = await tx.get('proposalSeconds', mySecond._id)
          if (!held || !seconderMayRate(held) || held.reply!.at !== doc.reply!.at || second?.state !== 'confirmed' || second.round !== held.round) return false
          return tx.updateById('proposalSeconds', second._id, { $set: { rating: { ...rating, replyAt: held.reply!.at } } })
        })
        if (!rated) throw changedMeanwhile()
        return detailOf(store, files, member, id, now)
      },
    }),

    close: action({
      allow: [unionOffice, committee(proposalSession)],
      input: ProposalIdSchema,
      async handle({ id }, { store, files, now, member }) {
        const doc = await mustGet(store, 'proposals', id, '提案')
        const { to } = mustTake(doc, 'close', member, {})
        if (!(await move(store, doc, to, record('close', to, member, now)))) throw changedMeanwhile()
        await recordAudit(store, member, now, { action: 'proposals.close', targetType: 'proposal', targetId: doc._id, target: doc.title, before: { 状态: PROPOSAL_STATE_LABELS[doc.state] }, after: { 状态: PROPOSAL_STATE_LABELS[to] } })
        await tellAuthor(store, doc, 'closed', now)
        return detailOf(store, files, member, id, now)
      },
    }),

    handlingQueue: action({
      allow: [unionOffice, handlingDept(({ deptId }: { deptId: string }) => deptId)],
      input: HandlingQueueSchema,
      async handle({ deptId, offset, limit }, { store, now }) {
        const found = await store.find('proposals', { $or: [{ leadDeptId: deptId }, { assistDeptIds: deptId }], state: { $in: ['assigned', 'rehandling', 'replied', 'rated', 'closed'] } }, { sort: { replyDue: 1, _id: 1 }, skip: offset, limit: limit + 1 })
        const today = shanghaiDay(now)
        return pageOf(
          found.map((doc) => ({ ...toSummary(doc, 0, 0), ...(doc.replyDue ? { replyDue: doc.replyDue } : {}), overdue: isOverdue(doc, today), ...(doc.leadDeptId ? { leadDeptId: doc.leadDeptId } : {}) })),
          limit,
        )
      },
    }),
    ...recordActions,
    ...sessionActions,
  },
  { config, jobs: jobsOf(JOB_CATALOGUE.proposals, { remindOverdue: { runBatch: remindOverdue } }) },
)

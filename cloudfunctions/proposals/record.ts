/**
 * What everyone may see of a session (公开提案: its accepted proposals, their replies and ratings, but those the union
 * office withholds), and the committee's figures.
 */
import { PROPOSAL_STATE_LABELS, RecordSchema, REPLY_OUTCOME_LABELS, SATISFACTION_LABELS, StatisticsSchema, WithholdSchema, type RecordRow } from '../../types/proposals'
import { shanghaiDay } from '../../types/time'
import { recordAudit } from '../core/audit'
import { committee, unionOffice } from '../core/authorize'
import { action } from '../core/defineFunction'
import { AppError } from '../core/errors'
import { mustGet, pageOf } from '../core/queries'
import type { Filter } from '../core/store/port'
import { PUBLIC_STATES, seesWithheld, toSummary } from './rules'
import { sessionStatistics, STATISTICS_FIELDS } from './statistics'
import { deptNames, detailOf } from './views'

export const recordActions = {
  record: action({
    allow: 'member',
    input: RecordSchema,
    async handle({ sessionId, category, offset, limit }, { store, member }) {
      const filter: Filter = {
        sessionId,
        kind: 'proposal',
        state: { $in: [...PUBLIC_STATES] },
        ...(category ? { category } : {}),
        ...(seesWithheld(member, sessionId) ? {} : { withheld: { $exists: false } }),
      }
      const [found, depts, sessions] = await Promise.all([
        store.find('proposals', filter, { sort: { number: 1 }, skip: offset, limit: limit + 1 }),
        deptNames(store),
        store.find('congressSessions', { opensAt: { $exists: true } }, { sort: { order: -1 } }),
      ])
      const rows = found.map(
        (doc): RecordRow => ({
          ...toSummary(doc, 0, 0),
          ...(doc.leadDeptId ? { leadDeptName: depts.get(doc.leadDeptId) ?? '' } : {}),
          ...(doc.reply?.outcome && doc.state !== 'rehandling' ? { outcomeLabel: REPLY_OUTCOME_LABELS[doc.reply.outcome] } : {}),
          ...(doc.rating ? { satisfactionLabel: SATISFACTION_LABELS[doc.rating.satisfaction] } : {}),
          ...(doc.withheld ? { withheldReason: doc.withheld.reason } : {}),
        }),
      )
      return { ...pageOf(rows, limit), sessions: sessions.map((session) => ({ id: session._id, name: session.name })) }
    },
  }),

  withhold: action({
    allow: [unionOffice],
    input: WithholdSchema,
    async handle(input, { store, files, now, member }) {
      const doc = await mustGet(store, 'proposals', input.id, '提案')
      if (doc.kind !== 'proposal' || !PUBLIC_STATES.includes(doc.state)) throw new AppError('CONFLICT', `这份${doc.kind === 'proposal' ? '提案' : '意见建议'}${PROPOSAL_STATE_LABELS[doc.state]}，不在公开提案中`)
      // Already so (a second tap): nothing to change, nothing to audit.
      if (input.withhold ? doc.withheld?.reason === input.reason : !doc.withheld) return detailOf(store, files, member, doc._id, now)
      const withheld = input.withhold ? { reason: input.reason, byName: member.name, at: now.toISOString() } : undefined
      // From the publicity it was read with: of two changes at once, the second is told to look again.
      const was = doc.withheld ? { 'withheld.at': doc.withheld.at } : { withheld: { $exists: false } }
      const changed = await store.claim('proposals', doc._id, { state: { $in: [...PUBLIC_STATES] }, ...was }, withheld ? { $set: { withheld } } : { $unset: { withheld: true } })
      if (!changed) throw new AppError('CONFLICT', '这份提案刚刚有了变化，请刷新后查看')
      const shown = (held: boolean, reason?: string) => ({ 公开: held ? `不公开${reason ? `：${reason}` : ''}` : '公开' })
      await recordAudit(store, member, now, {
        action: 'proposals.withhold',
        targetType: 'proposal',
        targetId: doc._id,
        target: doc.title,
        before: shown(doc.withheld !== undefined, doc.withheld?.reason),
        after: shown(withheld !== undefined, withheld?.reason),
      })
      return detailOf(store, files, member, doc._id, now)
    },
  }),

  statistics: action({
    allow: [unionOffice, committee(({ sessionId }: { sessionId: string }) => sessionId)],
    input: StatisticsSchema,
    async handle({ sessionId }, { store, now }) {
      const session = await mustGet(store, 'congressSessions', sessionId, '届次')
      const [docs, depts] = await Promise.all([
        store.find('proposals', { sessionId, submittedAt: { $exists: true } }, { fields: [...STATISTICS_FIELDS] }),
        deptNames(store),
      ])
      return sessionStatistics(session.name, docs, depts, shanghaiDay(now))
    },
  }),
}

/**
 * Congress sessions (届次) as the union office sets them up: the days the congress meets, the window for filing
 * proposals, the seconders each needs and the weeks a department has to reply. Who the delegates and the committee
 * are is their roles (角色管理: `delegate:<session>`, `committee:<session>`).
 */
import { EmptySchema } from '../../types/common'
import { SaveSessionSchema, type SessionSettingsView } from '../../types/proposals'
import { recordAudit } from '../core/audit'
import { unionOffice } from '../core/authorize'
import type { CongressSessionDoc } from '../core/collections'
import { action } from '../core/defineFunction'
import { AppError } from '../core/errors'
import { mustGet } from '../core/queries'
import type { Store } from '../core/store/port'
import { REPLY_WEEKS_DEFAULT, sessionDates } from './rules'

const holders = (store: Store, role: 'delegate' | 'committee', sessionId: string) => store.count('members', { roles: `${role}:${sessionId}`, status: { $ne: 'left' } })

async function settingsView(store: Store, session: CongressSessionDoc, now: Date): Promise<SessionSettingsView> {
  const { _id } = session
  const [delegates, committee, listed] = await Promise.all([
    holders(store, 'delegate', _id),
    holders(store, 'committee', _id),
    store.find('congressDelegates', { sessionId: _id }, { sort: { delegation: 1 }, fields: ['delegation'] }),
  ])
  const counts = new Map<string, number>()
  for (const entry of listed) counts.set(entry.delegation, (counts.get(entry.delegation) ?? 0) + 1)
  return {
    ...sessionDates(session, now),
    replyWeeks: session.replyWeeks ?? REPLY_WEEKS_DEFAULT,
    delegates,
    committee,
    delegations: [...counts].map(([name, count]) => ({ name, count })),
  }
}

/** What the audit shows of a session's settings. */
const auditFields = (session: Partial<CongressSessionDoc>) => ({
  届次: session.name ?? '',
  会议日期: session.meetingStart ? `${session.meetingStart} 至 ${session.meetingEnd}` : '',
  提案征集: session.opensAt ? `${session.opensAt} 至 ${session.closesAt}` : '',
  附议人数: String(session.secondersNeeded ?? ''),
  答复期限: session.replyWeeks ? `${session.replyWeeks} 周` : '',
})

export const sessionActions = {
  sessions: action({
    allow: 'member',
    input: EmptySchema,
    async handle(_input, { store, now }) {
      const sessions = await store.find('congressSessions', {}, { sort: { order: -1 } })
      return Promise.all(sessions.map((session) => settingsView(store, session, now)))
    },
  }),

  saveSession: action({
    allow: [unionOffice],
    input: SaveSessionSchema,
    async handle({ id, sessionName, ...settings }, { store, now, member }) {
      const before = id ? await mustGet(store, 'congressSessions', id, '届次') : undefined
      const named = await store.find('congressSessions', { name: sessionName })
      if (named.some((session) => session._id !== id)) throw new AppError('CONFLICT', `已有名为“${sessionName}”的届次，请换一个名称`, { sessionName: '届次名称已被使用' })
      const changes = { name: sessionName, ...settings, updatedAt: now.toISOString() }
      let sessionId = id
      if (before) await store.update('congressSessions', { _id: before._id }, { $set: changes })
      else {
        const [last] = await store.find('congressSessions', {}, { sort: { order: -1 }, limit: 1 })
        sessionId = await store.insert('congressSessions', { ...changes, order: (last?.order ?? 0) + 1 })
      }
      const saved = (await store.get('congressSessions', sessionId!))!
      await recordAudit(store, member, now, {
        action: 'proposals.saveSession',
        targetType: 'congressSession',
        targetId: saved._id,
        target: saved.name,
        ...(before ? { before: auditFields(before) } : {}),
        after: auditFields(saved),
      })
      return settingsView(store, saved, now)
    },
  }),
}

/**
 * Congress sessions (届次) as the union office sets them up: the days the congress meets, the window for filing
 * proposals, the seconders each needs and the weeks a department has to reply; and the handling departments
 * (承办部门). Who the delegates, the committee and each department's handlers are is their roles (角色管理:
 * `delegate:<session>`, `committee:<session>`, `handlingDept:<department>`; the delegate list imports the first).
 */
import { EmptySchema } from '../../types/common'
import { SaveDepartmentSchema, SaveSessionSchema, type DepartmentView, type SessionSettingsView } from '../../types/proposals'
import { recordAudit } from '../core/audit'
import { unionOffice } from '../core/authorize'
import type { CongressSessionDoc, DepartmentDoc, DocOf } from '../core/collections'
import { action } from '../core/defineFunction'
import { AppError } from '../core/errors'
import { mustGet } from '../core/queries'
import { DuplicateKeyError, type NewDoc, type Store } from '../core/store/port'
import { delegationCounts, REPLY_WEEKS_DEFAULT, sessionDates } from './rules'

/** Members (not left) holding the role for the scope: a session's delegates or committee, a department's handlers. */
const holders = (store: Store, role: 'delegate' | 'committee' | 'handlingDept', scope: string) => store.count('members', { roles: `${role}:${scope}`, status: { $ne: 'left' } })

const departmentView = async (store: Store, dept: DepartmentDoc): Promise<DepartmentView> => ({ id: dept._id, name: dept.name, handlers: await holders(store, 'handlingDept', dept._id) })

async function settingsView(store: Store, session: CongressSessionDoc, now: Date): Promise<SessionSettingsView> {
  const { _id } = session
  const [delegates, committee, listed] = await Promise.all([
    holders(store, 'delegate', _id),
    holders(store, 'committee', _id),
    store.find('congressDelegates', { sessionId: _id }, { sort: { delegation: 1 }, fields: ['delegation'] }),
  ])
  return {
    ...sessionDates(session, now),
    replyWeeks: session.replyWeeks ?? REPLY_WEEKS_DEFAULT,
    delegates,
    committee,
    delegations: delegationCounts(listed),
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
      const { before, saved } = await saveNamed(store, 'congressSessions', id, sessionName, { ...settings, updatedAt: now.toISOString() })
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

  departments: action({
    allow: [unionOffice],
    input: EmptySchema,
    async handle(_input, { store }) {
      const departments = await store.find('departments', {}, { sort: { order: 1 } })
      return Promise.all(departments.map((dept) => departmentView(store, dept)))
    },
  }),

  saveDepartment: action({
    allow: [unionOffice],
    input: SaveDepartmentSchema,
    async handle({ id, deptName }, { store, now, member }) {
      const { before, saved } = await saveNamed(store, 'departments', id, deptName, {})
      await recordAudit(store, member, now, {
        action: 'proposals.saveDepartment',
        targetType: 'department',
        targetId: saved._id,
        target: saved.name,
        ...(before ? { before: { 名称: before.name } } : {}),
        after: { 名称: saved.name },
      })
      return departmentView(store, saved)
    },
  }),
}

const NAMED = { congressSessions: '届次', departments: '承办部门' } as const

/**
 * Creates (ordered last) or changes a session or a department. A name another one holds is refused, and so is the
 * second of two saves racing to take one name (its unique index).
 */
async function saveNamed<C extends keyof typeof NAMED>(store: Store, collection: C, id: string | undefined, name: string, fields: Partial<DocOf<C>>): Promise<{ before?: DocOf<C>; saved: DocOf<C> }> {
  const what = NAMED[collection]
  const field = collection === 'congressSessions' ? 'sessionName' : 'deptName'
  const taken = () => new AppError('CONFLICT', `已有名为“${name}”的${what}，请换一个名称`, { [field]: `${what}名称已被使用` })
  const before = id ? ((await mustGet(store, collection, id, what)) as DocOf<C>) : undefined
  if ((await store.find(collection, { name })).some((doc) => doc._id !== id)) throw taken()
  let savedId = id
  try {
    if (before) await store.update(collection, { _id: before._id }, { $set: { ...fields, name } })
    else {
      const [last] = await store.find(collection, {}, { sort: { order: -1 }, limit: 1 })
      savedId = await store.insert(collection, { ...fields, name, order: (last?.order ?? 0) + 1 } as NewDoc<C>)
    }
  } catch (error) {
    throw error instanceof DuplicateKeyError ? taken() : error
  }
  return { before, saved: (await store.get(collection, savedId!)) as DocOf<C> }
}

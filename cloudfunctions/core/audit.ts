/**
 * The audit trail: every change an admin (or a job) makes writes one entry (who, when, what, before and after), as
 * part of the change itself: inside its transaction where it has one, so no change lands without its entry.
 */
import type { AuditAction } from '../../types/audit'
import type { AuditDoc, MemberDoc } from './collections'
import type { Transaction } from './store/port'

export interface AuditRecord {
  action: AuditAction
  targetType: AuditDoc['targetType']
  targetId: string
  /** The target in words, as it was at the time: a notice's title, "姓名（工号）". */
  target: string
  before?: Record<string, unknown>
  after?: Record<string, unknown>
}

/** Who made a change: a member, or the system (a timer's job), shown as 系统. */
export type Actor = Pick<MemberDoc, '_id' | 'name'> | 'system'

export const SYSTEM_ACTOR = { id: 'system', name: '系统' } as const

/** Writes the entry through a transaction (or, for a change that is itself one write, the store). */
export async function recordAudit(writer: Pick<Transaction, 'insert'>, actor: Actor, now: Date, record: AuditRecord): Promise<void> {
  const { id, name } = actor === 'system' ? SYSTEM_ACTOR : { id: actor._id, name: actor.name }
  await writer.insert('auditLog', { at: now.toISOString(), actorId: id, actorName: name, ...record })
}

/** "周建华（100001）": how a member is named in the log. */
export const memberTarget = (member: Pick<MemberDoc, 'name' | 'staffNo'>) => `${member.name}（${member.staffNo}）`

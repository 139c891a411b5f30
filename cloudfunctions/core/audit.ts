/** The audit trail: every change an admin makes writes one entry (who, when, what, before and after). */
import type { AuditAction } from '../../types/audit'
import type { AuditDoc, MemberDoc } from './collections'
import type { Store } from './store/port'

export interface AuditRecord {
  action: AuditAction
  targetType: AuditDoc['targetType']
  targetId: string
  /** The target in words, as it was at the time: a notice's title, "姓名（工号）". */
  target: string
  before?: Record<string, unknown>
  after?: Record<string, unknown>
}

/** Writes through a store, or a transaction so the entry commits with the change it records. */
export async function recordAudit(store: Pick<Store, 'insert'>, actor: MemberDoc, now: Date, record: AuditRecord): Promise<void> {
  await store.insert('auditLog', { at: now.toISOString(), actorId: actor._id, actorName: actor.name, ...record })
}

/** "周建华（100001）": how a member is named in the log. */
export const memberTarget = (member: Pick<MemberDoc, 'name' | 'staffNo'>) => `${member.name}（${member.staffNo}）`

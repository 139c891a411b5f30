/**
 * What importing a session's delegate list changes (pure): whom it makes delegates, whose delegate role it revokes
 * (those it no longer lists), whose 代表团 it changes, and the rows it cannot take (a staff number not on the roster,
 * a name that is not that member's, a member who has left).
 */
import { createHash } from 'node:crypto'
import { DELEGATES_LISTED_MAX, type DelegatesPreview } from '../../types/exports'
import type { CongressDelegateDoc, MemberDoc } from '../core/collections'
import { delegationCounts } from '../proposals/rules'
import type { DelegatesRead } from './delegatesFile'

export type PlannedMember = Pick<MemberDoc, '_id' | 'staffNo' | 'name' | 'status' | 'roles'>

export interface DelegatesPlan {
  preview: DelegatesPreview
  grant: PlannedMember[]
  revoke: PlannedMember[]
  /** Every listed delegate's entry, as it is to be. */
  entries: Pick<CongressDelegateDoc, 'memberId' | 'memberName' | 'staffNo' | 'delegation'>[]
}

const shown = (member: Pick<MemberDoc, 'name' | 'staffNo'>) => `${member.name}（${member.staffNo}）`

/**
 * `members`: those the file names by staff number and those holding the session's delegate role now; `entries`: the
 * session's delegate list as stored.
 */
export function planDelegates(sessionId: string, sessionName: string, read: DelegatesRead, members: readonly PlannedMember[], entries: readonly Pick<CongressDelegateDoc, 'memberId' | 'delegation'>[]): DelegatesPlan {
  const grant = `delegate:${sessionId}`
  const byStaffNo = new Map(members.map((member) => [member.staffNo, member]))
  const delegationOf = new Map(entries.map((entry) => [entry.memberId, entry.delegation]))
  const errors = [...read.errors]
  const listed: DelegatesPlan['entries'] = []
  const granting: PlannedMember[] = []
  let regrouped = 0
  for (const row of read.rows) {
    const member = byStaffNo.get(row.staffNo)
    if (!member) errors.push({ row: row.row, message: `工号“${row.staffNo}”不在会员名册中` })
    else if (member.name !== row.name) errors.push({ row: row.row, message: `工号“${row.staffNo}”是${member.name}，表中写的是“${row.name}”` })
    else if (member.status === 'left') errors.push({ row: row.row, message: `${shown(member)}已离校，不能当选代表` })
    else {
      listed.push({ memberId: member._id, memberName: member.name, staffNo: member.staffNo, delegation: row.delegation })
      if (!member.roles.includes(grant)) granting.push(member)
      else if (delegationOf.get(member._id) !== row.delegation) regrouped++
    }
  }
  const inFile = new Set(listed.map((entry) => entry.memberId))
  const revoking = members.filter((member) => member.roles.includes(grant) && !inFile.has(member._id))
  errors.sort((a, b) => a.row - b.row)
  // What applying it writes, as a hash: an apply after the roles or the list changed meanwhile is refused.
  const planId = createHash('sha256')
    .update(JSON.stringify([granting.map((member) => member._id), revoking.map((member) => member._id), listed.map((entry) => [entry.memberId, entry.delegation])]))
    .digest('hex')
    .slice(0, 16)
  return {
    preview: {
      planId,
      sessionName,
      total: listed.length,
      delegations: delegationCounts(listed),
      added: granting.slice(0, DELEGATES_LISTED_MAX).map(shown),
      addedCount: granting.length,
      removed: revoking.slice(0, DELEGATES_LISTED_MAX).map(shown),
      removedCount: revoking.length,
      regrouped,
      errors,
    },
    grant: granting,
    revoke: revoking,
    entries: listed,
  }
}

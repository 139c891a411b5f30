/** Pure rules of members: binding and its lock-out, role grants, and what a member sees of themself. */
import { BIND_LOCK_MINUTES, BIND_MAX_FAILURES, type GrantView, type MyProfile } from '../../types/members'
import { decodeGrant, ROLE_LABELS, type RoleGrant } from '../../types/roles'
import type { BindAttemptDoc, MemberDoc, UnitDoc } from '../core/collections'

/** Failures further apart than this start counting afresh. */
const FAILURE_WINDOW_MINUTES = 60
const MINUTE_MS = 60_000

/** The lock-out still running at `now`, if any. */
export function lockedUntil(attempts: BindAttemptDoc | null, now: Date): string | undefined {
  return attempts?.lockedUntil && attempts.lockedUntil > now.toISOString() ? attempts.lockedUntil : undefined
}

/** The attempts record after one more failure: the fifth within the window locks for BIND_LOCK_MINUTES. */
export function afterFailure(attempts: BindAttemptDoc | null, openid: string, now: Date): BindAttemptDoc {
  const recent =
    attempts && !attempts.lockedUntil && Date.parse(attempts.lastFailureAt) > now.getTime() - FAILURE_WINDOW_MINUTES * MINUTE_MS
  const failures = (recent ? attempts.failures : 0) + 1
  return {
    _id: openid,
    failures,
    lastFailureAt: now.toISOString(),
    ...(failures >= BIND_MAX_FAILURES ? { lockedUntil: new Date(now.getTime() + BIND_LOCK_MINUTES * MINUTE_MS).toISOString() } : {}),
  }
}

/**
 * Whether the details prove the person: the same answer whether the staff number is unknown or the name or phone
 * is wrong, so a reply never tells whether a staff number exists.
 */
export function detailsMatch(member: MemberDoc | null, name: string, phoneLast4: string): member is MemberDoc {
  return member !== null && member.name === name && member.phone.slice(-4) === phoneLast4
}

/** One message for every mismatch, with the tries left before the lock-out. */
export function mismatchMessage(attempts: BindAttemptDoc): string {
  if (attempts.lockedUntil) return `信息不匹配，尝试次数过多，请 ${BIND_LOCK_MINUTES} 分钟后再试`
  return `工号、姓名或手机号后四位不匹配，请核对后重试（还可尝试 ${BIND_MAX_FAILURES - attempts.failures} 次）`
}

export function grantView(stored: string, units: Map<string, string>): GrantView | undefined {
  const grant = decodeGrant(stored)
  if (!grant) return undefined
  const scopeName = grant.role === 'unitAdmin' && grant.scope ? (units.get(grant.scope) ?? grant.scope) : grant.scope
  return { ...grant, label: scopeName ? `${ROLE_LABELS[grant.role]}（${scopeName}）` : ROLE_LABELS[grant.role] }
}

export function grantViews(member: Pick<MemberDoc, 'roles'>, units: Map<string, string>): GrantView[] {
  return member.roles.flatMap((stored) => grantView(stored, units) ?? [])
}

/** A grant's scope as the role needs it: none for unionOffice, one for every other role. */
export function scopeProblem({ role, scope }: RoleGrant): string | undefined {
  if (role === 'unionOffice') return scope === undefined ? undefined : '校工会管理员不分范围，请不要填写范围'
  return scope === undefined ? `请填写${ROLE_LABELS[role]}的范围` : undefined
}

export function toProfile(member: MemberDoc, unit: UnitDoc | null, units: Map<string, string>): MyProfile {
  return {
    id: member._id,
    name: member.name,
    staffNo: member.staffNo,
    unitId: member.unitId,
    unitName: unit?.name ?? '',
    status: member.status,
    phone: member.phone,
    roles: grantViews(member, units),
  }
}

import { decodeGrant, ROLE_LABELS, SCOPE_REFUSALS, type Role, type RoleGrant, type ScopedRole } from '../../types/roles'
import type { MemberDoc } from './collections'
import type { Caller } from './context'
import { AppError, forbidden, memberLeft } from './errors'
import type { Store } from './store/port'

/** A scope resolver's answer meaning "the input names no one scope": every grant of the role matches. */
export const anyScope: unique symbol = Symbol('any scope')

/**
 * Which scope an action touches, worked out from its validated input (and the store where the input only names a
 * thing that belongs to a scope: an event's club, a proposal's department). `undefined`: none, so nobody matches
 * through this rule (say, the thing does not exist).
 */
export type ScopeOf<I> = (input: I, store: Store) => string | typeof anyScope | undefined | Promise<string | typeof anyScope | undefined>

/** One role that may call an action: the union office (no scope), or a scoped role for the scope the input names. */
export type RoleRule<I> = { role: 'unionOffice' } | { role: ScopedRole; scope: ScopeOf<I> }

/**
 * Who may call an action. Every action declares one; `authorize` below is the only place that checks it.
 *   'user'     any signed-in WeChat user, bound or not (binding itself)
 *   'member'   any bound member, active or retired; one who has left is refused
 *   rules      a member holding one of these grants: `[unionOffice, unitAdmin(({ unitId }) => unitId)]`
 * Timers never call actions: a function's one trigger runs its jobs (core/jobs.ts).
 */
export type Policy<I> = 'user' | 'member' | readonly RoleRule<I>[]

export const unionOffice: RoleRule<unknown> = { role: 'unionOffice' }

const scoped =
  (role: ScopedRole) =>
  <I>(scope: ScopeOf<I>): RoleRule<I> => ({ role, scope })

/** 分工会管理员 of the unit the input names. */
export const unitAdmin = scoped('unitAdmin')
/** 教代会代表 of the congress session the input names. */
export const delegate = scoped('delegate')
/** 提案工作委员会 member of the congress session the input names. */
export const committee = scoped('committee')
/** 俱乐部负责人 of the club the input names. */
export const clubAdmin = scoped('clubAdmin')
/** 承办部门 handler of the department the input names. */
export const handlingDept = scoped('handlingDept')

export function grantsOf(member: Pick<MemberDoc, 'roles'>): RoleGrant[] {
  return member.roles.flatMap((stored) => decodeGrant(stored) ?? [])
}

export function holdsRole(member: Pick<MemberDoc, 'roles'>, role: Role, scope?: string): boolean {
  return grantsOf(member).some((grant) => grant.role === role && (scope === undefined || grant.scope === scope))
}

/** The scopes of `role` an action may act on, from the grants that let its caller in: every scope, or these. */
export type Scopes = 'all' | string[]

export function scopesOf(grants: readonly RoleGrant[], role: ScopedRole): Scopes {
  if (grants.some((grant) => grant.role === 'unionOffice')) return 'all'
  return grants.flatMap((grant) => (grant.role === role && grant.scope !== undefined ? [grant.scope] : []))
}

/** What an action may know of its caller once authorized. */
export interface Authorized {
  openid: string
  member?: MemberDoc
  /** The caller's grants that matched the action's rules (none for 'user' and 'member' actions). */
  grants: RoleGrant[]
}

async function matchingGrants<I>(rules: readonly RoleRule<I>[], member: MemberDoc, input: I, store: Store): Promise<RoleGrant[]> {
  const held = grantsOf(member)
  const matched: RoleGrant[] = []
  for (const rule of rules) {
    const ofRole = held.filter((grant) => grant.role === rule.role)
    // Only a caller holding the role has its scope worked out (which may read the store).
    if (ofRole.length === 0) continue
    if (rule.role === 'unionOffice') {
      matched.push(...ofRole)
      continue
    }
    const target = await rule.scope(input, store)
    matched.push(...ofRole.filter((grant) => target === anyScope || (target !== undefined && grant.scope === target)))
  }
  return matched
}

/** Why a member is refused: they hold a rule's role for another scope, or none of the roles at all. */
function refusal<I>(rules: readonly RoleRule<I>[], member: MemberDoc): AppError {
  const outOfScope = rules.find((rule) => rule.role !== 'unionOffice' && holdsRole(member, rule.role))
  if (outOfScope && outOfScope.role !== 'unionOffice') return forbidden(SCOPE_REFUSALS[outOfScope.role])
  return forbidden(`仅${rules.map((rule) => ROLE_LABELS[rule.role]).join('或')}可以进行此操作`)
}

/** Returns what the action may know of its caller, or throws the error the caller should see. */
export async function authorize<I>(policy: Policy<I>, caller: Caller, input: I, store: Store): Promise<Authorized> {
  if (caller.kind === 'anonymous') throw new AppError('NOT_SIGNED_IN', '请先登录')
  if (policy === 'user') return { openid: caller.openid, member: caller.member ?? undefined, grants: [] }
  if (!caller.member) throw new AppError('NOT_BOUND', '请先绑定会员身份（工号与姓名），绑定后即可使用')
  if (caller.member.status === 'left') throw memberLeft()
  if (policy === 'member') return { openid: caller.openid, member: caller.member, grants: [] }
  const grants = await matchingGrants(policy, caller.member, input, store)
  if (grants.length === 0) throw refusal(policy, caller.member)
  return { openid: caller.openid, member: caller.member, grants }
}

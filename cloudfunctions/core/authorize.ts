import { decodeGrant, type Role } from '../../types/roles'
import type { MemberDoc } from './collections'
import type { Caller } from './context'
import { AppError, forbidden, memberLeft } from './errors'

/**
 * Who may call an action. Every action declares one; this file is the only place that checks it.
 *   user         any signed-in WeChat user, bound or not (binding itself)
 *   member       any bound member, active or retired; one who has left is refused
 *   unitAdmin    a unit admin, for their own units; or the union office, for every unit
 *   unionOffice  a member holding the union office role (it covers every unit)
 *   timer        only the function's own timer trigger (timer actions must be idempotent: see core/wechat.ts)
 */
export type Policy = 'user' | 'member' | 'unitAdmin' | 'unionOffice' | 'timer'

export function holdsRole(member: Pick<MemberDoc, 'roles'>, role: Role, scope?: string): boolean {
  return member.roles.some((stored) => {
    const grant = decodeGrant(stored)
    return grant?.role === role && (scope === undefined || grant.scope === scope)
  })
}

/** The units an action may act on: every unit, or these. */
export type UnitScope = 'all' | string[]

/** What an action may know of its caller once authorized. */
export interface Authorized {
  openid?: string
  member?: MemberDoc
  units?: UnitScope
}

function adminUnits(member: Pick<MemberDoc, 'roles'>): UnitScope {
  if (holdsRole(member, 'unionOffice')) return 'all'
  return member.roles.flatMap((stored) => {
    const grant = decodeGrant(stored)
    return grant?.role === 'unitAdmin' && grant.scope ? [grant.scope] : []
  })
}

export function inScope(units: UnitScope, unitId: string): boolean {
  return units === 'all' || units.includes(unitId)
}

/** Returns what the action may know of its caller, or throws the error the caller should see. */
export function authorize(policy: Policy, caller: Caller): Authorized {
  if (policy === 'timer') {
    if (caller.kind !== 'timer') throw forbidden('此操作由系统定时执行')
    return {}
  }
  if (caller.kind === 'timer') throw forbidden('定时任务不能调用此操作')
  if (caller.kind === 'anonymous') throw new AppError('NOT_SIGNED_IN', '请先登录')
  if (policy === 'user') return { openid: caller.openid, member: caller.member ?? undefined }
  if (!caller.member) throw new AppError('NOT_BOUND', '请先绑定会员身份（工号与姓名），绑定后即可使用')
  if (caller.member.status === 'left') throw memberLeft()
  if (policy === 'unionOffice' && !holdsRole(caller.member, 'unionOffice')) throw forbidden('仅校工会管理员可以进行此操作')
  if (policy === 'unitAdmin') {
    const units = adminUnits(caller.member)
    if (units !== 'all' && units.length === 0) throw forbidden('仅分工会管理员或校工会管理员可以进行此操作')
    return { openid: caller.openid, member: caller.member, units }
  }
  return { openid: caller.openid, member: caller.member }
}

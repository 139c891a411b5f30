import type { Role } from '../../types/members'
import type { MemberDoc } from './collections'
import type { Caller } from './context'
import { AppError, forbidden } from './errors'

/**
 * Who may call an action. Every action declares one; this file is the only place that checks it.
 *   member       any bound member (active or retired; one who has left is refused)
 *   unionOffice  a member holding the union office role
 *   timer        only the function's own timer trigger
 */
export type Policy = 'member' | 'unionOffice' | 'timer'

const ROLE_OF_POLICY: Partial<Record<Policy, Role>> = { unionOffice: 'unionOffice' }

function hasRole(member: MemberDoc, role: Role): boolean {
  return role === 'member' || member.roles.includes(role)
}

/** Returns the calling member (undefined for a timer) or throws the error the caller should see. */
export function authorize(policy: Policy, caller: Caller): MemberDoc | undefined {
  if (policy === 'timer') {
    if (caller.kind !== 'timer') throw forbidden('此操作由系统定时执行')
    return undefined
  }
  if (caller.kind === 'timer') throw forbidden('定时任务不能调用此操作')
  if (caller.kind === 'anonymous') throw new AppError('NOT_SIGNED_IN', '请先登录')
  if (!caller.member) throw new AppError('NOT_BOUND', '请先绑定会员身份（工号与姓名），绑定后即可使用')
  if (caller.member.status === 'left') throw forbidden('您的会员身份已注销（离校），如有疑问请联系校工会')
  const role = ROLE_OF_POLICY[policy]
  if (role && !hasRole(caller.member, role)) throw forbidden('仅校工会管理员可以进行此操作')
  return caller.member
}

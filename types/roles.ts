/**
 * Roles a person may hold, several at once. A grant is stored on the member as one string, `role` or
 * `role:scope`, so "who holds this role here" is a plain array match and granting is one atomic push.
 */
export const ROLES = ['unionOffice', 'unitAdmin', 'delegate', 'committee', 'clubAdmin', 'handlingDept'] as const
export type Role = (typeof ROLES)[number]
/** Every role but the union office holds for one scope: a unit, a congress session, a club, a department. */
export type ScopedRole = Exclude<Role, 'unionOffice'>
export const SCOPED_ROLES = ROLES.filter((role): role is ScopedRole => role !== 'unionOffice')

export const ROLE_LABELS: Record<Role, string> = {
  unionOffice: '校工会管理员',
  unitAdmin: '分工会管理员',
  delegate: '教代会代表',
  committee: '提案工作委员会委员',
  clubAdmin: '俱乐部负责人',
  handlingDept: '承办部门',
}

/** What each role's scope names; unionOffice has none (it covers everything). */
export const ROLE_SCOPE_LABELS: Record<Role, string | undefined> = {
  unionOffice: undefined,
  unitAdmin: '分工会',
  delegate: '届次',
  committee: '届次',
  clubAdmin: '俱乐部',
  handlingDept: '部门',
}

/** What a member holding a role for another scope is told when an action is for that role's own scope only. */
export const SCOPE_REFUSALS: Record<ScopedRole, string> = {
  unitAdmin: '您只能处理本人所负责分工会的事务',
  delegate: '您不是本届次的教代会代表，不能进行此操作',
  committee: '您不是本届次提案工作委员会的委员',
  clubAdmin: '您只能管理本人负责的俱乐部',
  handlingDept: '此事项没有交由您所在的部门办理',
}

export interface RoleGrant {
  role: Role
  /**
   * The id of what the role is held for, checked against its collection when granted: unitAdmin a unit, delegate a
   * congress session, committee (提案工作委员会) a congress session, clubAdmin a club, handlingDept a department. None
   * for unionOffice.
   */
  scope?: string
}

export function encodeGrant({ role, scope }: RoleGrant): string {
  return scope === undefined ? role : `${role}:${scope}`
}

/** Undefined for a stored string that names no known role. */
export function decodeGrant(stored: string): RoleGrant | undefined {
  const at = stored.indexOf(':')
  const role = (at < 0 ? stored : stored.slice(0, at)) as Role
  if (!ROLES.includes(role)) return undefined
  return at < 0 ? { role } : { role, scope: stored.slice(at + 1) }
}

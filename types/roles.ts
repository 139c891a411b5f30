/**
 * Roles a person may hold, several at once. A grant is stored on the member as one string, `role` or
 * `role:scope`, so "who holds this role here" is a plain array match and granting is one atomic push.
 */
export const ROLES = ['unionOffice', 'unitAdmin', 'delegate', 'clubAdmin', 'handlingDept'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  unionOffice: '校工会管理员',
  unitAdmin: '分工会管理员',
  delegate: '教代会代表',
  clubAdmin: '俱乐部负责人',
  handlingDept: '承办部门',
}

/** What each role's scope names; unionOffice has none (it covers everything). */
export const ROLE_SCOPE_LABELS: Record<Role, string | undefined> = {
  unionOffice: undefined,
  unitAdmin: '分工会',
  delegate: '届次',
  clubAdmin: '俱乐部',
  handlingDept: '部门',
}

export interface RoleGrant {
  role: Role
  /** unitAdmin: a unit id; delegate: a congress session (e.g. 六届二次); clubAdmin: a club; handlingDept: a department. */
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

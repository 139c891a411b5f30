export const ROLES = ['member', 'unionOffice'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  member: '会员',
  unionOffice: '校工会管理员',
}

export type MemberStatus = 'active' | 'retired' | 'left'

export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  active: '在职',
  retired: '退休',
  left: '离校',
}

export interface MyProfile {
  id: string
  name: string
  unitId: string
  unitName: string
  status: MemberStatus
  roles: Role[]
}

export interface UnitOption {
  id: string
  name: string
}

/** The contract of the `members` function. */
export interface MembersApi {
  me: { request: void; response: MyProfile }
  units: { request: void; response: UnitOption[] }
}

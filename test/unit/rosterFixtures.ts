/** Roster members and file reads for the unit tests of the roster plan, its preview and the file reader. */
import type { ExistingMember, RosterMember, RosterRead } from '../../cloudfunctions/exports/roster/rosterPlan'

export const person = (staffNo: string, overrides: Partial<RosterMember> = {}): RosterMember => ({
  staffNo,
  name: `会员${staffNo}`,
  gender: 'female',
  birthDate: '1980-05-20',
  unitId: 'unit01',
  phone: '13800138000',
  status: 'active',
  memberSince: '2005-09-01',
  duesPaid: true,
  ...overrides,
})

export const stored = (id: string, member: RosterMember): ExistingMember => ({ _id: id, ...member })

/** A read with these members in rows 2, 3, … and the given errors. */
export const fileOf = (members: RosterMember[], errors: RosterRead['errors'] = []): RosterRead => ({
  rows: members.map((member, index) => ({ row: index + 2, member })),
  errors,
})

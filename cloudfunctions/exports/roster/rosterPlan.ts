/**
 * The roster import plan: what importing a roster file would change, computed from the rows read from the file and
 * the members already stored. Pure: no I/O and no clock, so a preview and the apply that follows it see the same plan.
 *
 * Also the shared vocabulary of the roster file: its fields in column order with their Chinese headers, and how a
 * field's value reads in Chinese (the file, the preview and the export all say the same words).
 */

import { GENDER_LABELS, MEMBER_STATUS_LABELS } from '../../../types/members'
import type { MemberDoc } from '../../core/collections'

/** The member fields the roster owns: an import writes these and nothing else. */
export type RosterMember = Pick<
  MemberDoc,
  'staffNo' | 'name' | 'gender' | 'birthDate' | 'unitId' | 'phone' | 'status' | 'memberSince' | 'duesPaid'
>

export type RosterField = keyof RosterMember

/** The roster's columns in template order: each field and its exact Chinese header. */
export const ROSTER_COLUMNS: readonly { field: RosterField; header: string }[] = [
  { field: 'staffNo', header: '工号' },
  { field: 'name', header: '姓名' },
  { field: 'gender', header: '性别' },
  { field: 'birthDate', header: '出生日期' },
  { field: 'unitId', header: '所在单位' },
  { field: 'phone', header: '手机号' },
  { field: 'status', header: '人员状态' },
  { field: 'memberSince', header: '入会时间' },
  { field: 'duesPaid', header: '会费状态' },
]

export const ROSTER_LABELS = Object.fromEntries(ROSTER_COLUMNS.map(({ field, header }) => [field, header])) as Record<RosterField, string>

/** The file says what every screen says. */
export const GENDER_TEXT = GENDER_LABELS
export const STATUS_TEXT = MEMBER_STATUS_LABELS
export const DUES_TEXT = { paid: '已缴', unpaid: '未缴' } as const

/** What reading a roster file gives: the valid rows, and every problem of the others (a row with a problem is not in `rows`). */
export interface RosterRead {
  /** `row` is the Excel row number as a person sees it (the header is row 1). */
  rows: { row: number; member: RosterMember }[]
  /**
   * One entry per problem, in row order; `message` is Chinese and names the field. `staffNo` is set when the row's
   * 工号 itself was readable, so a full import does not count that person as missing from the file.
   */
  errors: RosterRowError[]
}

export interface RosterRowError {
  row: number
  message: string
  staffNo?: string
}

export interface RosterChange {
  field: RosterField
  /** The Chinese column name. */
  label: string
  /** Stored values (e.g. 'male', a unit id, true); format them for people with `formatRosterValue`. */
  before: unknown
  after: unknown
}

export interface ImportPlan {
  add: RosterMember[]
  update: { id: string; staffNo: string; name: string; changes: RosterChange[] }[]
  unchanged: number
  /** Full imports only: stored members missing from the file, to be set to 离校 (never deleted). */
  markLeft: { id: string; staffNo: string; name: string }[]
  /** Passed through from the read: a plan with any error must not be applied. */
  errors: RosterRowError[]
}

export type ExistingMember = RosterMember & { _id: string }

/**
 * Compares the file with the stored members by 工号. With `full`, the file is the whole roster: every stored member
 * absent from it (and not already 离校) goes to `markLeft`. Members whose row has an error count as present, so a
 * typo never reads as someone leaving. Applying a plan and planning the same file again gives an empty plan.
 */
export function planImport(read: RosterRead, existing: readonly ExistingMember[], options: { full: boolean }): ImportPlan {
  const byStaffNo = new Map<string, ExistingMember>()
  for (const member of existing) byStaffNo.set(member.staffNo, member)

  const plan: ImportPlan = { add: [], update: [], unchanged: 0, markLeft: [], errors: [...read.errors] }
  const inFile = new Set<string>()
  for (const { member } of read.rows) {
    inFile.add(member.staffNo)
    const stored = byStaffNo.get(member.staffNo)
    if (!stored) {
      plan.add.push(pickRoster(member))
      continue
    }
    const changes = diffMember(stored, member)
    if (changes.length === 0) plan.unchanged++
    else plan.update.push({ id: stored._id, staffNo: stored.staffNo, name: member.name, changes })
  }

  if (options.full) {
    for (const error of read.errors) if (error.staffNo !== undefined) inFile.add(error.staffNo)
    for (const member of byStaffNo.values()) {
      if (!inFile.has(member.staffNo) && member.status !== 'left') {
        plan.markLeft.push({ id: member._id, staffNo: member.staffNo, name: member.name })
      }
    }
  }
  return plan
}

/** The roster fields that differ, in column order (工号 is the match key, so never among them). */
export function diffMember(stored: RosterMember, incoming: RosterMember): RosterChange[] {
  const changes: RosterChange[] = []
  for (const { field, header } of ROSTER_COLUMNS) {
    if (field === 'staffNo') continue
    if (stored[field] !== incoming[field]) changes.push({ field, label: header, before: stored[field], after: incoming[field] })
  }
  return changes
}

/** A value as the roster file writes it: 男, 在职, 已缴, the unit's name (its id when the unit is unknown). */
export function formatRosterValue(field: RosterField, value: unknown, unitNames: ReadonlyMap<string, string> = new Map()): string {
  if (value === undefined || value === null) return ''
  switch (field) {
    case 'gender':
      return GENDER_TEXT[value as RosterMember['gender']] ?? String(value)
    case 'status':
      return STATUS_TEXT[value as RosterMember['status']] ?? String(value)
    case 'duesPaid':
      return value ? DUES_TEXT.paid : DUES_TEXT.unpaid
    case 'unitId':
      return unitNames.get(String(value)) ?? String(value)
    default:
      return String(value)
  }
}

/** Only the roster-owned fields, so extra properties of a caller's object never reach the store. */
export function pickRoster(member: RosterMember): RosterMember {
  const { staffNo, name, gender, birthDate, unitId, phone, status, memberSince, duesPaid } = member
  return { staffNo, name, gender, birthDate, unitId, phone, status, memberSince, duesPaid }
}

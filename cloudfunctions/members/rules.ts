/** Pure rules of members: binding and its lock-out, role grants, and what a member sees of themself. */
import {
  BIND_LOCK_MINUTES,
  BIND_MAX_FAILURES,
  GENDER_LABELS,
  MEMBER_STATUS_LABELS,
  type GrantView, type MemberRecord, type MyProfile, type RosterRow, type UnionSettings } from '../../types/members'
import { MESSAGE_KIND_LIST, MESSAGE_KINDS, type MessageKind } from '../../types/messages'
import { maskBirthDate, maskPhone } from '../../types/privacy'
import { fromShanghaiInput, shanghaiDay } from '../../types/time'
import { decodeGrant, ROLE_LABELS, ROLE_SCOPE_LABELS, type RoleGrant } from '../../types/roles'
import type { MemberDoc, UnitDoc } from '../core/collections'
import { ageOn, isWomanStaff, isYouth } from '../core/memberFacts'
import { SCOPE_COLLECTIONS, type ScopeNames } from '../core/roleScopes'

/**
 * Whether the details prove the person: the same answer whether the staff number is unknown or the name or phone
 * is wrong, so a reply never tells whether a staff number exists.
 */
export function detailsMatch(member: MemberDoc | null, name: string, phoneLast4: string): member is MemberDoc {
  return member !== null && member.name === name && member.phone.slice(-4) === phoneLast4
}

/** One message for every mismatch, with the tries left in the window (`failures` counts this one). */
export function mismatchMessage(failures: number): string {
  if (failures >= BIND_MAX_FAILURES) return `信息不匹配，尝试次数过多，请 ${BIND_LOCK_MINUTES} 分钟后再试`
  return `工号、姓名或手机号后四位不匹配，请核对后重试（还可尝试 ${BIND_MAX_FAILURES - failures} 次）`
}

export function grantView(stored: string, names: ScopeNames): GrantView | undefined {
  const grant = decodeGrant(stored)
  if (!grant) return undefined
  if (grant.role === 'unionOffice' || grant.scope === undefined) return { ...grant, label: ROLE_LABELS[grant.role] }
  const scopeName = names[SCOPE_COLLECTIONS[grant.role]].get(grant.scope) ?? grant.scope
  return { ...grant, label: `${ROLE_LABELS[grant.role]}（${scopeName}）` }
}

export function grantViews(member: Pick<MemberDoc, 'roles'>, names: ScopeNames): GrantView[] {
  return member.roles.flatMap((stored) => grantView(stored, names) ?? [])
}

/** A grant's scope as the role needs it: none for unionOffice, one for every other role. */
export function scopeProblem({ role, scope }: RoleGrant): string | undefined {
  if (role === 'unionOffice') return scope === undefined ? undefined : '校工会管理员不分范围，请不要填写范围'
  return scope === undefined ? `请选择${ROLE_LABELS[role]}的${ROLE_SCOPE_LABELS[role]}` : undefined
}

export function toProfile(member: MemberDoc, unit: UnitDoc | null, names: ScopeNames): MyProfile {
  return {
    id: member._id,
    name: member.name,
    staffNo: member.staffNo,
    unitId: member.unitId,
    unitName: unit?.name ?? '',
    status: member.status,
    phone: member.phone,
    roles: grantViews(member, names),
  }
}

/** Whether a member matches a roster search: part of the name, or the start of the staff number. */
export function matchesSearch(member: Pick<MemberDoc, 'name' | 'staffNo'>, q: string | undefined): boolean {
  return !q || member.name.includes(q) || member.staffNo.startsWith(q)
}

/** A member in a list: phone and birth year masked. */
export function toRosterRow(member: MemberDoc, units: ReadonlyMap<string, string>, bound: boolean): RosterRow {
  return {
    id: member._id,
    staffNo: member.staffNo,
    name: member.name,
    gender: member.gender,
    unitName: units.get(member.unitId) ?? '',
    status: member.status,
    phone: maskPhone(member.phone),
    birthDate: maskBirthDate(member.birthDate),
    duesPaid: member.duesPaid,
    bound,
  }
}

/** A member's full record, for the union office to edit, with their facts on `today` (a Shanghai day). */
export function toMemberRecord(
  member: MemberDoc,
  names: ScopeNames,
  binding: { bound: boolean; paused: boolean },
  today: string,
  settings: UnionSettings,
): MemberRecord {
  return {
    ...toRosterRow(member, names.units, binding.bound),
    phone: member.phone,
    birthDate: member.birthDate,
    unitId: member.unitId,
    memberSince: member.memberSince,
    roles: grantViews(member, names),
    age: ageOn(member.birthDate, today),
    youth: isYouth(member, today, settings.youthUnderAge),
    womanStaff: isWomanStaff(member),
    bindingPaused: binding.paused,
  }
}

/** The edit form's fields as the audit log keeps them. */
export function memberAuditFields(member: Pick<MemberDoc, 'name' | 'gender' | 'birthDate' | 'unitId' | 'phone' | 'status' | 'memberSince' | 'duesPaid'>, units: ReadonlyMap<string, string>) {
  return {
    姓名: member.name,
    性别: GENDER_LABELS[member.gender],
    出生日期: member.birthDate,
    分工会: units.get(member.unitId) ?? member.unitId,
    手机号: member.phone,
    人员状态: MEMBER_STATUS_LABELS[member.status],
    入会时间: member.memberSince,
    会费状态: member.duesPaid ? '已缴' : '未缴',
  }
}

/** The first date in an edited record that names no real day, lies in the future, or cannot be true. */
export function memberDatesProblem(fields: Pick<MemberDoc, 'birthDate' | 'memberSince'>, now: Date): { field: string; message: string } | undefined {
  const today = shanghaiDay(now)
  for (const [field, label] of [['birthDate', '出生日期'], ['memberSince', '入会时间']] as const) {
    const date = fields[field]
    if (!fromShanghaiInput(`${date} 00:00`)) return { field: `member.${field}`, message: `${label}不是有效日期` }
    if (date > today) return { field: `member.${field}`, message: `${label}不能晚于今天` }
  }
  if (fields.birthDate < '1900-01-01') return { field: 'member.birthDate', message: '出生日期不能早于 1900 年' }
  if (fields.memberSince < fields.birthDate) return { field: 'member.memberSince', message: '入会时间不能早于出生日期' }
  return undefined
}

/** The template ids to keep: only the kinds given a non-empty id (an emptied field removes the kind's). */
export function templateIdsOf(given: Partial<Record<MessageKind, string>>): UnionSettings['templateIds'] {
  return Object.fromEntries(Object.entries(given).filter(([, id]) => id)) as UnionSettings['templateIds']
}

/** The settings as the audit log keeps them. */
export function settingsAuditFields(settings: UnionSettings): Record<string, string> {
  return {
    青年教职工: `${settings.youthUnderAge} 周岁以下`,
    退休年龄: `男 ${settings.retirementAges.male} 周岁，女 ${settings.retirementAges.female} 周岁`,
    ...Object.fromEntries(MESSAGE_KIND_LIST.map((kind) => [`订阅消息模板（${MESSAGE_KINDS[kind].title}）`, settings.templateIds[kind] ?? '未设置'])),
  }
}

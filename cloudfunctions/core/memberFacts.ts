/**
 * Facts about a member that later rules ask for (benefits, sign-ups, proposals): their age on a day, whether they
 * are women staff, whether they count as youth. Pure: the day is a Shanghai calendar day, 'YYYY-MM-DD'.
 */
import type { MemberGroup, UnionSettings } from '../../types/members'
import type { MemberDoc } from './collections'

/** How old someone born on `birthDate` is on `day`, in completed years (a 29 February birthday counts from 1 March in other years). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years
}

type FactsOf = Pick<MemberDoc, 'gender' | 'birthDate' | 'status'>

/** 女教职工: a woman on the staff now (active); retired women are retirees, not staff. */
export function isWomanStaff(member: FactsOf): boolean {
  return member.gender === 'female' && member.status === 'active'
}

/** 青年教职工: active staff under the age the union office sets (`youthUnderAge`, e.g. 40: up to 39). */
export function isYouth(member: FactsOf, day: string, youthUnderAge: number): boolean {
  return member.status === 'active' && ageOn(member.birthDate, day) < youthUnderAge
}

/** Whether a member is in a group the roster (and later, events and benefits) can address. */
export function inGroup(member: FactsOf, group: MemberGroup, day: string, settings: UnionSettings): boolean {
  return group === 'youth' ? isYouth(member, day, settings.youthUnderAge) : isWomanStaff(member)
}

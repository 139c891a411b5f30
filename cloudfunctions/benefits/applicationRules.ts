/**
 * The rules of life-event 慰问 applications, pure: which event an application is for (one event, one application),
 * whether its days can be, who may take each step, and how an application reads to people and in the audit log.
 */
import { createHash } from 'node:crypto'
import {
  APPLICATION_STATE_LABELS,
  APPLICATION_STEP_LABELS,
  APPLY_WITHIN_MONTHS,
  EVENT_DATE_LABELS,
  RELATION_LABELS,
  type ApplicationInput,
  type ApplicationState,
  type ApplicationView,
} from '../../types/benefitApplications'
import { BENEFIT_FORM_LABELS, BENEFIT_KIND_LABELS, formatYuan } from '../../types/benefits'
import type { BenefitApplicationDoc, BenefitPayoutDoc, MemberDoc } from '../core/collections'
import type { Problem } from './rules'

/**
 * What makes two applications one event: a marriage or a birth its day; a hospital stay its hospital (spaces and
 * case aside) and its day of admission; a relative's death the relation and the day; a retirement, or the member's
 * own death, happens once.
 */
function eventKey(input: ApplicationInput): string {
  switch (input.kind) {
    case 'hospitalization':
      return `${input.hospital.replace(/\s+/g, '').toLowerCase()}|${input.date}`
    case 'relativeBereavement':
      return `${input.relation}|${input.date}`
    case 'retirement':
    case 'bereavement':
      return ''
    default:
      return input.date
  }
}

/** The application's id: the same member, kind and event always give the same one (24 hex). */
export function applicationIdOf(memberId: string, input: ApplicationInput): string {
  return createHash('sha256').update(['application', memberId, input.kind, eventKey(input)].join('\n')).digest('hex').slice(0, 24)
}

/** "A3F09C1E": how a payout's approval and people name an application. */
export const shortRef = (applicationId: string) => applicationId.slice(0, 8).toUpperCase()

/** The day `months` calendar months before `day` (the last of a shorter month where it has no such date). */
function monthsBefore(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number)
  const target = new Date(Date.UTC(year, month - 1 - months, 1))
  const lastDate = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  return `${target.toISOString().slice(0, 8)}${String(Math.min(date, lastDate)).padStart(2, '0')}`
}

/** What is wrong with the application's days on `today`, if anything: an event to come, one over a year ago, a discharge before admission. */
export function dateProblem(input: ApplicationInput, today: string): Problem | undefined {
  const label = EVENT_DATE_LABELS[input.kind]
  const earliest = monthsBefore(today, APPLY_WITHIN_MONTHS)
  if (input.date > today) return { field: 'date', message: `${label}不能晚于今天：事情发生后再申请` }
  if (input.date < earliest) return { field: 'date', message: `${label}已超过 ${APPLY_WITHIN_MONTHS} 个月（早于 ${earliest}），不能再申请慰问` }
  if (input.kind === 'hospitalization' && input.dischargedOn !== undefined) {
    if (input.dischargedOn > today) return { field: 'dischargedOn', message: '出院日期不能晚于今天：尚未出院的，出院日期不填' }
    if (input.dischargedOn < input.date) return { field: 'dischargedOn', message: '出院日期不能早于入院日期' }
  }
  return undefined
}

/** The application `input` makes for `member`, filed by `by` (the member, or their unit admin) at `now`. */
export function newApplication(id: string, member: MemberDoc, input: ApplicationInput, by: Pick<MemberDoc, '_id' | 'name'>, now: Date): BenefitApplicationDoc {
  const at = now.toISOString()
  return {
    _id: id,
    memberId: member._id,
    memberName: member.name,
    staffNo: member.staffNo,
    unitId: member.unitId,
    kind: input.kind,
    date: input.date,
    ...(input.kind === 'hospitalization' ? { hospital: input.hospital, ...(input.dischargedOn ? { dischargedOn: input.dischargedOn } : {}) } : {}),
    ...(input.kind === 'relativeBereavement' ? { relation: input.relation } : {}),
    note: input.note,
    proofFileIds: input.proofFileIds,
    state: 'submitted',
    appliedAt: at,
    appliedById: by._id,
    appliedByName: by.name,
    returns: [],
    updatedAt: at,
  }
}

/** Why `actor` may not take a step on an application they are part of: their own, or one they filed (someone else must). */
export function ownStepRefusal(application: BenefitApplicationDoc, actorId: string, step: 'check' | 'decide'): string | undefined {
  const verb = step === 'check' ? '审核' : '审批'
  if (application.memberId === actorId) return `不能${verb}自己的慰问申请，请由其他管理员${verb}`
  if (application.appliedById === actorId) return `不能${verb}自己代为提交的慰问申请，请由其他管理员${verb}`
  if (step === 'decide' && application.checkedById === actorId) return '审核与审批须由不同的人进行：您已审核过这份申请，请由校工会其他管理员审批'
  return undefined
}

/** Why the application cannot take a step that needs it in `state` now, in words. */
export function stateRefusal(application: BenefitApplicationDoc, state: 'submitted' | 'checked'): string | undefined {
  if (application.state === state) return undefined
  if (application.state === 'approving') return '这份申请正在由其他管理员审批，请稍后刷新查看'
  return `这份申请${APPLICATION_STATE_LABELS[publicState(application.state)]}，不能再${state === 'submitted' ? '审核' : '审批'}，请刷新后查看`
}

/** An approval under way shows as still waiting for the union office. */
export const publicState = (state: BenefitApplicationDoc['state']): ApplicationState => (state === 'approving' ? 'checked' : state)

/** The states a queue of `state` reads from the store. */
export const storedStates = (state: ApplicationState): BenefitApplicationDoc['state'][] => (state === 'checked' ? ['checked', 'approving'] : [state])

export function toApplicationView(application: BenefitApplicationDoc, units: Map<string, string>): ApplicationView {
  const state = publicState(application.state)
  return {
    id: application._id,
    kind: application.kind,
    kindLabel: BENEFIT_KIND_LABELS[application.kind],
    memberName: application.memberName,
    staffNo: application.staffNo,
    unitName: units.get(application.unitId) ?? '',
    date: application.date,
    dateLabel: EVENT_DATE_LABELS[application.kind],
    ...(application.hospital ? { hospital: application.hospital } : {}),
    ...(application.dischargedOn ? { dischargedOn: application.dischargedOn } : {}),
    ...(application.relation ? { relation: application.relation, relationLabel: RELATION_LABELS[application.relation] } : {}),
    note: application.note,
    proofCount: application.proofFileIds.length,
    state,
    stateLabel: APPLICATION_STATE_LABELS[state],
    appliedAt: application.appliedAt,
    appliedByName: application.appliedByName,
    ...(application.checkedAt ? { checkedAt: application.checkedAt, checkedByName: application.checkedByName } : {}),
    returns: application.returns.map(({ step, byName, at, reason }) => ({ step, stepLabel: APPLICATION_STEP_LABELS[step], byName, at, reason })),
    ...(application.state === 'approved'
      ? { decidedAt: application.decidedAt, decidedByName: application.decidedByName, payoutId: application.payoutId, amountFen: application.amountFen, form: application.form, item: application.item }
      : {}),
  }
}

/** An application in words, for the audit log (never its proofs: a file id means nothing to a reader). */
export function applicationAuditFields(application: BenefitApplicationDoc): Record<string, unknown> {
  return {
    类别: BENEFIT_KIND_LABELS[application.kind],
    [EVENT_DATE_LABELS[application.kind]]: application.date,
    ...(application.hospital ? { 医院: application.hospital, 出院日期: application.dischargedOn ?? '未出院' } : {}),
    ...(application.relation ? { 与会员的关系: RELATION_LABELS[application.relation] } : {}),
    说明: application.note || '（无）',
    证明材料: `${application.proofFileIds.length} 张`,
    状态: APPLICATION_STATE_LABELS[publicState(application.state)],
  }
}

/** An approval's payout in words, for the audit log. */
export const payoutAuditFields = (payout: BenefitPayoutDoc) => ({
  慰问品: payout.item,
  金额: formatYuan(payout.amountFen),
  发放形式: BENEFIT_FORM_LABELS[payout.form],
  审批依据: payout.approvalRef,
})

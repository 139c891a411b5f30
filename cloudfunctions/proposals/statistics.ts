/**
 * A session's figures for the committee and the union office (pure): what became of its proposals, by category, by
 * lead department (on time, late, overdue, the authors' satisfaction), and week by week.
 */
import { PROPOSAL_CATEGORIES, PROPOSAL_CATEGORY_LABELS, type DeptStatistics, type ProgressWeek, type ProposalStatistics, type ProposalStep } from '../../types/proposals'
import { addDays, shanghaiDay } from '../../types/time'
import type { ProposalDoc } from '../core/collections'
import { isOverdue } from './rules'

/** The fields the figures read. */
export const STATISTICS_FIELDS = ['kind', 'state', 'category', 'number', 'submittedAt', 'leadDeptId', 'replyDue', 'reply', 'rating', 'history'] as const
export type StatisticsDoc = Pick<ProposalDoc, '_id' | (typeof STATISTICS_FIELDS)[number]>

/** The Monday of a Shanghai day's week. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return addDays(day, -((weekday + 6) % 7))
}

/** The Shanghai day a proposal first took one of `steps`, if it did. */
function firstDay(doc: StatisticsDoc, steps: ProposalStep[]): string | undefined {
  const entry = doc.history.find((record) => steps.includes(record.step))
  return entry ? shanghaiDay(entry.at) : undefined
}

function deptRow(deptId: string, deptName: string): DeptStatistics {
  return { deptId, deptName, assigned: 0, onTime: 0, late: 0, overdue: 0, satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 }
}

/**
 * The figures of a session's submitted proposals (`docs`: those with `submittedAt`; a converted one is a suggestion
 * that keeps its session). `depts` names the departments in their order; `today` is a Shanghai day.
 */
export function sessionStatistics(sessionName: string, docs: readonly StatisticsDoc[], depts: ReadonlyMap<string, string>, today: string): ProposalStatistics {
  const filed = docs.filter((doc) => doc.submittedAt !== undefined)
  const totals = {
    filed: filed.length,
    pending: filed.filter((doc) => doc.state === 'submitted').length,
    accepted: filed.filter((doc) => doc.number !== undefined).length,
    merged: filed.filter((doc) => doc.state === 'merged').length,
    converted: filed.filter((doc) => doc.kind === 'suggestion').length,
    rejected: filed.filter((doc) => doc.state === 'rejected').length,
  }
  const byCategory = PROPOSAL_CATEGORIES.map((category) => {
    const of = filed.filter((doc) => doc.category === category)
    return { category, label: PROPOSAL_CATEGORY_LABELS[category], filed: of.length, accepted: of.filter((doc) => doc.number !== undefined).length }
  })

  const rows = new Map<string, DeptStatistics>()
  for (const doc of filed) {
    if (!doc.leadDeptId) continue
    const row = rows.get(doc.leadDeptId) ?? deptRow(doc.leadDeptId, depts.get(doc.leadDeptId) ?? doc.leadDeptId)
    rows.set(doc.leadDeptId, row)
    row.assigned++
    if (isOverdue(doc, today)) row.overdue++
    else if (doc.reply && doc.replyDue) row[shanghaiDay(doc.reply.at) <= doc.replyDue ? 'onTime' : 'late']++
    if (doc.rating) row[doc.rating.satisfaction]++
  }
  const order = [...depts.keys()]
  const byDept = [...rows.values()].sort((a, b) => order.indexOf(a.deptId) - order.indexOf(b.deptId))

  return { sessionName, totals, byCategory, byDept, progress: progressOf(filed) }
}

/** Week by week, from the first submission's week to the latest step's. */
function progressOf(filed: readonly StatisticsDoc[]): ProgressWeek[] {
  const counted = { submitted: new Map<string, number>(), accepted: new Map<string, number>(), replied: new Map<string, number>() }
  const add = (map: Map<string, number>, day: string | undefined) => {
    if (day) map.set(mondayOf(day), (map.get(mondayOf(day)) ?? 0) + 1)
  }
  for (const doc of filed) {
    add(counted.submitted, shanghaiDay(doc.submittedAt!))
    add(counted.accepted, firstDay(doc, ['accept']))
    add(counted.replied, firstDay(doc, ['reply', 'answer']))
  }
  const weeks = [...counted.submitted.keys(), ...counted.accepted.keys(), ...counted.replied.keys()].sort()
  if (!weeks.length) return []
  const progress: ProgressWeek[] = []
  const soFar = { submitted: 0, accepted: 0, replied: 0 }
  for (let week = weeks[0]; week <= weeks[weeks.length - 1]; week = addDays(week, 7)) {
    const submitted = counted.submitted.get(week) ?? 0
    const accepted = counted.accepted.get(week) ?? 0
    const replied = counted.replied.get(week) ?? 0
    soFar.submitted += submitted
    soFar.accepted += accepted
    soFar.replied += replied
    progress.push({ week, submitted, accepted, replied, submittedSoFar: soFar.submitted, acceptedSoFar: soFar.accepted, repliedSoFar: soFar.replied })
  }
  return progress
}

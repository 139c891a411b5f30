/**
 * How an import plan reads to people: the preview the union office checks before applying, the plan's identity
 * (so apply knows it is the plan that was previewed), and the audit entry's summary. Pure, like the plan.
 */
import { createHash } from 'node:crypto'
import { PREVIEW_LIST_MAX, type PreviewPerson, type RosterPreview } from '../../../types/roster'
import { memberTarget } from '../../core/audit'
import { formatRosterValue, type ExistingMember, type ImportPlan } from './rosterPlan'

/** Lines the audit entry lists at most (the counts always give the whole). */
export const AUDIT_DETAIL_MAX = 300

/** Identifies a plan: the same file and mode over the same stored roster give the same id, any change another. */
export function planIdOf(plan: ImportPlan, full: boolean): string {
  return createHash('sha256').update(JSON.stringify({ full, plan })).digest('hex').slice(0, 16)
}

/** Whether applying the plan would write anything. */
export const changesAnything = (plan: ImportPlan) => plan.add.length + plan.update.length + plan.markLeft.length > 0

export function toPreview(plan: ImportPlan, full: boolean, existing: readonly ExistingMember[], unitNames: ReadonlyMap<string, string>): RosterPreview {
  const unitOf = new Map(existing.map((member) => [member._id, member.unitId]))
  const person = (staffNo: string, name: string, unitId: string | undefined): PreviewPerson => ({
    staffNo,
    name,
    unitName: formatRosterValue('unitId', unitId, unitNames),
  })
  return {
    planId: planIdOf(plan, full),
    full,
    counts: {
      add: plan.add.length,
      update: plan.update.length,
      unchanged: plan.unchanged,
      markLeft: plan.markLeft.length,
      errors: plan.errors.length,
    },
    add: plan.add.slice(0, PREVIEW_LIST_MAX).map((member) => person(member.staffNo, member.name, member.unitId)),
    update: plan.update.slice(0, PREVIEW_LIST_MAX).map(({ staffNo, name, changes }) => ({
      staffNo,
      name,
      changes: changes.map(({ field, label, before, after }) => ({
        label,
        before: formatRosterValue(field, before, unitNames),
        after: formatRosterValue(field, after, unitNames),
      })),
    })),
    markLeft: plan.markLeft.slice(0, PREVIEW_LIST_MAX).map(({ id, staffNo, name }) => person(staffNo, name, unitOf.get(id))),
    errors: plan.errors.slice(0, PREVIEW_LIST_MAX).map(({ row, message }) => ({ row, message })),
  }
}

/** The audit entry's `after`: the counts, and a line per person changed ("更新 李娜（2001）：手机号 138… → 139…"), as one text. */
export function importSummary(plan: ImportPlan, full: boolean, unitNames: ReadonlyMap<string, string>): Record<string, unknown> {
  const lines = [
    ...plan.add.map((member) => `新增 ${memberTarget(member)}`),
    ...plan.update.map(
      ({ name, staffNo, changes }) =>
        `更新 ${memberTarget({ name, staffNo })}：${changes
          .map(({ field, label, before, after }) => `${label} ${formatRosterValue(field, before, unitNames)} → ${formatRosterValue(field, after, unitNames)}`)
          .join('；')}`,
    ),
    ...plan.markLeft.map(({ name, staffNo }) => `离校 ${memberTarget({ name, staffNo })}`),
  ]
  const shown = lines.slice(0, AUDIT_DETAIL_MAX)
  if (lines.length > shown.length) shown.push(`另有 ${lines.length - shown.length} 条未列出`)
  return {
    导入方式: full ? '整体名册（未列出的会员标为离校）' : '部分名册（只新增和更新）',
    新增: plan.add.length,
    更新: plan.update.length,
    标为离校: plan.markLeft.length,
    无变化: plan.unchanged,
    明细: shown.join('\n'),
  }
}

/**
 * Hardship files (困难帮扶档案): a unit admin reports a member's case, the union office confirms it into the graded
 * file or returns it, records its aid (each a ledger payout under the hardship cap, in the payout's own transaction
 * with the member's tally) and its visits, and closes it. Nobody but the union office and the reporting unit's admins
 * reaches a case, and every look at one, or at a list of them, is written to the audit log.
 *
 * A case's id names its member and year, so two admins reporting the same member at once make one case; each change
 * of state is one transaction that reads the case, so two people deciding at once cannot both act on it.
 */
import type * as v from 'valibot'
import { BENEFIT_FORM_LABELS, BENEFIT_KIND_LABELS, formatYuan } from '../../types/benefits'
import {
  CloseHardshipSchema,
  FileHardshipSchema,
  HARDSHIP_CAUSE_LABELS,
  HARDSHIP_LEVEL_LABELS,
  HARDSHIP_STATE_LABELS,
  HardshipAidSchema,
  HardshipCaseSchema,
  HardshipCasesSchema,
  HardshipVisitSchema,
  ReportHardshipSchema,
  VISIT_KIND_LABELS,
  type HardshipCaseDetail,
  type HardshipCaseRow,
  type HardshipReport,
  type HardshipState,
} from '../../types/hardship'
import { shanghaiDay, shanghaiYear } from '../../types/time'
import { memberTarget, recordAudit, type AuditRecord } from '../core/audit'
import { unionOffice, unitAdmin } from '../core/authorize'
import type { BenefitPayoutDoc, HardshipCaseDoc, MemberDoc } from '../core/collections'
import { action } from '../core/defineFunction'
import { AppError, forbidden, notFound } from '../core/errors'
import type { FileStore } from '../core/files/port'
import { mustGet, pageOf } from '../core/queries'
import { newId, type Store, type Transaction } from '../core/store/port'
import { unitNames } from '../core/units'
import { memberUnit } from './applications'
import { policyForPayout, recordPayout } from './ledger'
import { checkProofs, holdProofs, proofLinks, releaseProofs } from './proofs'
import { ineligibility } from './rules'

export const hardshipCaseId = (year: number, memberId: string) => `${year}-${memberId}`

/** The unit whose admins see the case the input names. */
const caseUnit = async ({ caseId }: { caseId: string }, store: Store) => (await store.get('hardshipCases', caseId))?.unitId

const CASE_READERS = [unionOffice, unitAdmin(caseUnit)]

function toRow(doc: HardshipCaseDoc, units: Map<string, string>): HardshipCaseRow {
  return {
    id: doc._id,
    year: doc.year,
    memberName: doc.memberName,
    staffNo: doc.staffNo,
    unitName: units.get(doc.unitId) ?? '',
    cause: doc.cause,
    causeLabel: HARDSHIP_CAUSE_LABELS[doc.cause],
    level: doc.level,
    levelLabel: HARDSHIP_LEVEL_LABELS[doc.level],
    state: doc.state,
    stateLabel: HARDSHIP_STATE_LABELS[doc.state],
    reportedAt: doc.reportedAt,
  }
}

const caseFields = (doc: Pick<HardshipCaseDoc, 'cause' | 'level' | 'state'>) => ({
  类别: HARDSHIP_CAUSE_LABELS[doc.cause],
  等级: HARDSHIP_LEVEL_LABELS[doc.level],
  状态: HARDSHIP_STATE_LABELS[doc.state],
})

const caseAudit = (doc: HardshipCaseDoc, action: AuditRecord['action'], extra: Partial<AuditRecord> = {}): AuditRecord => ({
  action,
  targetType: 'hardshipCase',
  targetId: doc._id,
  target: `${doc.year} 年困难帮扶：${memberTarget({ name: doc.memberName, staffNo: doc.staffNo })}`,
  ...extra,
})

/** The case with everything it holds: its proofs, its aid (from the ledger) and its visits. */
async function detailOf(store: Store, files: FileStore, doc: HardshipCaseDoc): Promise<HardshipCaseDetail> {
  const [units, aids, [proofUrls]] = await Promise.all([unitNames(store), store.find('benefitPayouts', { caseId: doc._id }, { sort: { issuedAt: 1 } }), proofLinks(files, [doc])])
  return {
    ...toRow(doc, units),
    situation: doc.situation,
    proofUrls,
    reportedByName: doc.reportedByName,
    ...(doc.filedAt ? { filedAt: doc.filedAt, filedByName: doc.filedByName } : {}),
    returns: doc.returns.map(({ byName, at, reason }) => ({ byName, at, reason })),
    ...(doc.closedAt ? { closedAt: doc.closedAt, closedByName: doc.closedByName, closeReason: doc.closeReason } : {}),
    aids: aids.map((payout) => ({
      payoutId: payout._id,
      item: payout.item,
      amountFen: payout.amountFen,
      form: payout.form,
      day: payout.aidDay ?? shanghaiDay(payout.issuedAt),
      approvalRef: payout.approvalRef,
      recordedByName: payout.approverName,
      ...(payout.receivedAt ? { receivedAt: payout.receivedAt } : {}),
    })),
    aidTotalFen: aids.reduce((sum, payout) => sum + payout.amountFen, 0),
    visits: doc.visits.map(({ kind, day, visitors, note, byName }) => ({ kind, kindLabel: VISIT_KIND_LABELS[kind], day, visitors, note, recordedByName: byName })),
  }
}

/** The case in the transaction, refused unless it is in one of `states`. */
async function caseIn(tx: Transaction, caseId: string, states: HardshipState[], doing: string): Promise<HardshipCaseDoc> {
  const doc = await tx.get('hardshipCases', caseId)
  if (!doc) throw notFound('困难帮扶档案')
  if (!states.includes(doc.state)) throw new AppError('CONFLICT', `这份档案${HARDSHIP_STATE_LABELS[doc.state]}，不能${doing}`)
  return doc
}

/** Why `day` cannot be the day of something done for the case: one to come, or outside the case's year. */
function dayProblem(day: string, year: number, today: string, label: string): string | undefined {
  if (day > today) return `${label}不能晚于今天`
  if (Number(day.slice(0, 4)) !== year) return `${label}须在 ${year} 年内：这是 ${year} 年的档案`
  return undefined
}

const refuseDay = (field: string, message: string | undefined) => {
  if (message) throw new AppError('INVALID_INPUT', message, { [field]: message })
}

/** The case a report makes: `actor` reports `member`'s hardship of this year. */
export function newHardshipCase(member: MemberDoc, report: Omit<HardshipReport, 'memberId'>, actor: MemberDoc, now: Date): HardshipCaseDoc {
  const year = shanghaiYear(now)
  const at = now.toISOString()
  return {
    _id: hardshipCaseId(year, member._id),
    year,
    memberId: member._id,
    memberName: member.name,
    staffNo: member.staffNo,
    unitId: member.unitId,
    cause: report.cause,
    level: report.level,
    situation: report.situation,
    proofFileIds: report.proofFileIds,
    state: 'reported',
    reportedAt: at,
    reportedById: actor._id,
    reportedByName: actor.name,
    returns: [],
    visits: [],
    updatedAt: at,
  }
}

export type Aid = Omit<v.InferOutput<typeof HardshipAidSchema>, 'caseId'>

/** The ledger entry of aid to a case, counted against the case's year. */
export function aidPayout(doc: HardshipCaseDoc, member: MemberDoc, aid: Aid, actor: MemberDoc, now: Date): BenefitPayoutDoc {
  return {
    _id: `hardship-${newId()}`,
    memberId: member._id,
    memberName: member.name,
    staffNo: member.staffNo,
    unitId: doc.unitId,
    kind: 'hardship',
    year: doc.year,
    item: aid.item ?? (aid.form === 'cash' ? '困难帮扶金' : '困难帮扶物资'),
    amountFen: aid.amount,
    form: aid.form,
    issuedAt: now.toISOString(),
    source: { type: 'hardship', caseId: doc._id },
    approvalRef: aid.approvalRef,
    approverId: actor._id,
    approverName: actor.name,
    handout: { kind: 'unit' },
    caseId: doc._id,
    aidDay: aid.day,
  }
}

/** The `benefits` function's hardship actions: the union office's and the reporting unit's admins', never a member's. */
export const hardshipActions = {
  reportHardship: action({
    allow: [unionOffice, unitAdmin(memberUnit)],
    input: ReportHardshipSchema,
    async handle(input, { store, files, now, member: actor }) {
      const member = await mustGet(store, 'members', input.memberId, '会员')
      if (member._id === actor._id) throw forbidden('不能为自己上报困难帮扶，请由所在分工会或校工会办理')
      if (member.status === 'left') throw new AppError('CONFLICT', `${member.name}已离校，不能上报困难帮扶`)
      await checkProofs(files, input.proofFileIds, 'proofFileIds')
      const fresh = newHardshipCase(member, input, actor, now)
      const written = await store.transaction(async (tx) => {
        const earlier = await tx.get('hardshipCases', fresh._id)
        if (earlier && earlier.state !== 'returned') throw new AppError('CONFLICT', `${member.name}今年的困难帮扶档案${HARDSHIP_STATE_LABELS[earlier.state]}，每人每年一份档案`)
        if (earlier) {
          // Reported again after a return: its history (returns, visits) stays.
          const { _id, returns: _returns, visits: _visits, ...fields } = fresh
          await tx.updateById('hardshipCases', _id, { $set: fields })
        } else await tx.insert('hardshipCases', fresh)
        await holdProofs(tx, input.proofFileIds)
        const doc = { ...fresh, returns: earlier?.returns ?? [], visits: earlier?.visits ?? [] }
        await recordAudit(tx, actor, now, caseAudit(doc, 'benefits.reportHardship', { after: { ...caseFields(doc), 证明材料: `${input.proofFileIds.length} 张` } }))
        return doc
      })
      return toRow(written, await unitNames(store))
    },
  }),

  hardshipCases: action({
    allow: [unionOffice, unitAdmin(({ unitId }: { unitId?: string }) => unitId)],
    input: HardshipCasesSchema,
    async handle({ unitId, state, year: asked, offset, limit }, { store, now, member }) {
      const year = asked ?? shanghaiYear(now)
      const [found, units] = await Promise.all([
        store.find('hardshipCases', { year, ...(unitId ? { unitId } : {}), ...(state ? { state } : {}) }, { sort: { reportedAt: -1, _id: -1 }, skip: offset, limit: limit + 1 }),
        unitNames(store),
      ])
      // Even the list names people in hardship: each look is in the log.
      await recordAudit(store, member, now, {
        action: 'benefits.viewHardship',
        targetType: 'hardshipCase',
        targetId: `list-${year}`,
        target: `${year} 年困难帮扶名单`,
        after: { 分工会: unitId ? (units.get(unitId) ?? unitId) : '全部', 状态: state ? HARDSHIP_STATE_LABELS[state] : '全部', 条数: Math.min(found.length, limit) },
      })
      return pageOf(
        found.map((doc) => toRow(doc, units)),
        limit,
      )
    },
  }),

  hardshipCase: action({
    allow: CASE_READERS,
    input: HardshipCaseSchema,
    async handle({ caseId }, { store, files, now, member }) {
      const doc = await mustGet(store, 'hardshipCases', caseId, '困难帮扶档案')
      const detail = await detailOf(store, files, doc)
      await recordAudit(store, member, now, caseAudit(doc, 'benefits.viewHardship', { after: { 证明材料: `${detail.proofUrls.length} 张` } }))
      return detail
    },
  }),

  fileHardship: action({
    allow: [unionOffice],
    input: FileHardshipSchema,
    async handle(input, { store, files, now, member: actor }) {
      const done = await store.transaction(async (tx) => {
        const doc = await caseIn(tx, input.caseId, ['reported'], input.approve ? '建档' : '退回')
        if (doc.memberId === actor._id || doc.reportedById === actor._id) throw forbidden('自己的档案或自己上报的档案须由校工会的其他同事确认')
        const at = now.toISOString()
        const next: HardshipCaseDoc = input.approve
          ? { ...doc, state: 'filed', cause: input.cause, level: input.level, filedAt: at, filedById: actor._id, filedByName: actor.name, updatedAt: at }
          : { ...doc, state: 'returned', returns: [...doc.returns, { byId: actor._id, byName: actor.name, at, reason: input.reason }], updatedAt: at }
        const { _id, ...fields } = next
        await tx.updateById('hardshipCases', _id, { $set: fields })
        if (!input.approve) await releaseProofs(tx, doc.proofFileIds, now)
        await recordAudit(tx, actor, now, caseAudit(doc, 'benefits.fileHardship', { before: caseFields(doc), after: { ...caseFields(next), ...(input.approve ? {} : { 退回原因: input.reason }) } }))
        return next
      })
      return detailOf(store, files, done)
    },
  }),

  recordHardshipAid: action({
    allow: [unionOffice],
    input: HardshipAidSchema,
    async handle(input, { store, files, now, member: actor }) {
      const doc = await mustGet(store, 'hardshipCases', input.caseId, '困难帮扶档案')
      if (doc.state !== 'filed') throw new AppError('CONFLICT', `这份档案${HARDSHIP_STATE_LABELS[doc.state]}，只有已建档的档案可以登记帮扶`)
      if (doc.memberId === actor._id) throw forbidden('不能为自己登记困难帮扶，请由校工会的其他同事办理')
      const today = shanghaiDay(now)
      refuseDay('day', dayProblem(input.day, doc.year, today, '帮扶日期'))
      const label = BENEFIT_KIND_LABELS.hardship
      const [policy, member] = await Promise.all([policyForPayout(store, 'hardship', input.form), mustGet(store, 'members', doc.memberId, '会员')])
      const why = ineligibility(policy, member, today)
      if (why) throw forbidden(`${member.name}现在不符合${label}的条件：${why}`)
      const payout = aidPayout(doc, member, input, actor, now)
      // Under the cap in the payout's own transaction: two aids recorded at once cannot together pass it. So is the
      // case read again there: an aid cannot land on a case closed meanwhile.
      await recordPayout(store, policy, payout, now, {
        quiet: true,
        within: async (tx) => {
          await caseIn(tx, doc._id, ['filed'], '登记帮扶')
          await recordAudit(tx, actor, now, caseAudit(doc, 'benefits.recordHardshipAid', { after: { 金额: formatYuan(payout.amountFen), 形式: BENEFIT_FORM_LABELS[payout.form], 帮扶日期: input.day, 审批依据: input.approvalRef } }))
        },
      })
      return detailOf(store, files, doc)
    },
  }),

  recordHardshipVisit: action({
    allow: CASE_READERS,
    input: HardshipVisitSchema,
    async handle(input, { store, files, now, member: actor }) {
      const visit = { kind: input.visitKind, day: input.day, visitors: input.visitors, note: input.note, byId: actor._id, byName: actor.name, at: now.toISOString() }
      const done = await store.transaction(async (tx) => {
        const doc = await caseIn(tx, input.caseId, ['filed'], '登记走访')
        refuseDay('day', dayProblem(input.day, doc.year, shanghaiDay(now), '走访日期'))
        const visits = [...doc.visits, visit]
        await tx.updateById('hardshipCases', doc._id, { $set: { visits, updatedAt: visit.at } })
        await recordAudit(tx, actor, now, caseAudit(doc, 'benefits.recordHardshipVisit', { after: { 走访类别: VISIT_KIND_LABELS[input.visitKind], 走访日期: input.day, 走访人: input.visitors } }))
        return { ...doc, visits, updatedAt: visit.at }
      })
      return detailOf(store, files, done)
    },
  }),

  closeHardship: action({
    allow: [unionOffice],
    input: CloseHardshipSchema,
    async handle({ caseId, reason }, { store, files, now, member: actor }) {
      const done = await store.transaction(async (tx) => {
        const doc = await caseIn(tx, caseId, ['filed'], '结档')
        const at = now.toISOString()
        const closing = { state: 'closed' as const, closedAt: at, closedById: actor._id, closedByName: actor.name, closeReason: reason, updatedAt: at }
        await tx.updateById('hardshipCases', doc._id, { $set: closing })
        const closed: HardshipCaseDoc = { ...doc, ...closing }
        await releaseProofs(tx, doc.proofFileIds, now)
        await recordAudit(tx, actor, now, caseAudit(doc, 'benefits.closeHardship', { before: caseFields(doc), after: { ...caseFields(closed), 结档原因: reason } }))
        return closed
      })
      return detailOf(store, files, done)
    },
  }),
}

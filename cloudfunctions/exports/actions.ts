/**
 * The `exports` function: every Excel (and Word) file in and out. It writes the modules' exports (an event's
 * participant list, the member roster, the benefits ledger, a congress session's 提案汇编 .docx and 提案办理情况表) and the
 * roster template, and reads the roster imports. exceljs and docx are large, so they are bundled here only: every
 * other function stays small and starts fast. The files hold personal data: each export is audited, and every file is
 * deleted within the hour (its job below).
 */
import { BENEFIT_KIND_LABELS, formatYuan } from '../../types/benefits'
import { EmptySchema } from '../../types/common'
import { EventExportSchema, LedgerExportSchema, SessionExportSchema, type DownloadLink, type ExportsApi } from '../../types/exports'
import { JOB_CATALOGUE } from '../../types/jobs'
import { RosterApplySchema, RosterExportSchema, RosterFileSchema } from '../../types/roster'
import { inShanghai, shanghaiDay } from '../../types/time'
import { recordAudit } from '../core/audit'
import { committee, unionOffice } from '../core/authorize'
import { budgetsOf } from '../benefits/budgets'
import { isWholeUnion, LEDGER_READERS, ledgerFilter } from '../benefits/ledgerReaders'
import { toLedgerRow } from '../benefits/rules'
import type { CongressSessionDoc, MemberDoc, UnitDoc } from '../core/collections'
import { action, defineFunction, jobsOf } from '../core/defineFunction'
import { AppError, forbidden, notFound } from '../core/errors'
import type { FileStore } from '../core/files/port'
import { keepForAWhile, offerFile, purgeExpiredFiles } from '../core/files/retention'
import { EVENT_ORGANIZER } from '../core/organizers'
import { findAllById, mustGet } from '../core/queries'
import type { Store } from '../core/store/port'
import { allUnits, namesOf, unitNames } from '../core/units'
import { signupStatus, statusLabel } from '../events/rules'
import config from './config.json'
import { delegateActions } from './delegates'
import { ledgerSheet } from './ledgerSheet'
import { participantsSheet } from './participantsSheet'
import { bookTitle, proposalBook } from './proposalBook'
import { proposalHandlingSheet } from './proposalHandlingSheet'
import { continueImport, purgeImports, rosterChanged, storeImport } from './roster/applyImport'
import { changesAnything, importSummary, planIdOf, toPreview } from './roster/preview'
import { readRoster, rosterTemplate, writeRoster } from './roster/rosterFile'
import { planImport, type ExistingMember } from './roster/rosterPlan'
import { sessionProposals, type SessionProposal } from './sessionProposals'

/** Sign-ups in the list's order: those holding places first, then the waitlist in its order, then the rest. */
const STATE_ORDER = ['confirmed', 'pending', 'offered', 'waiting', 'cancelled', 'rejected', 'removed', 'lapsed', 'eventCancelled']
const XLSX = '.xlsx'
const DOCX = '.docx'
/** Files deleted per batch of the purge job. */
const PURGE_BATCH = 100

/** The unit an export names, if it names one: one that is not there is refused. */
function namedUnit(units: readonly UnitDoc[], unitId: string | undefined): UnitDoc | undefined {
  const unit = unitId ? units.find((candidate) => candidate._id === unitId) : undefined
  if (unitId && !unit) throw new AppError('INVALID_INPUT', '所选分工会不存在，请重新选择', { unitId: '所选分工会不存在' })
  return unit
}

/** A congress session's committee (提案工作委员会) and the union office: its proposals' book and handling table. */
const SESSION_COMMITTEE = [unionOffice, committee(({ sessionId }: { sessionId: string }) => sessionId)]

/**
 * A file of the session's accepted proposals (`write` makes it), offered as 〈title〉-〈届次〉-〈day〉 and audited with
 * how many proposals it holds.
 */
async function offerSessionFile(
  store: Store,
  files: FileStore,
  now: Date,
  member: MemberDoc,
  sessionId: string,
  auditAction: 'proposals.exportBook' | 'proposals.exportHandling',
  write: (session: CongressSessionDoc, proposals: SessionProposal[]) => Promise<{ title: string; extension: string; target: string; data: Buffer }>,
): Promise<DownloadLink> {
  const session = await mustGet(store, 'congressSessions', sessionId, '届次')
  const proposals = await sessionProposals(store, session)
  const { title, extension, target, data } = await write(session, proposals)
  const link = await offerFile(store, files, now, `${title}-${session.name}-${inShanghai(now).format('YYYYMMDD')}${extension}`, data)
  await recordAudit(store, member, now, { action: auditAction, targetType: 'congressSession', targetId: sessionId, target, after: { 提案件数: proposals.length } })
  return link
}

/** Reads the uploaded roster file and plans its import against the stored roster. */
async function planFile(store: Store, files: FileStore, now: Date, actor: MemberDoc, fileId: string, full: boolean) {
  const file = await files.read(fileId)
  if (!file) throw new AppError('NOT_FOUND', '没有找到上传的名册文件（上传一小时后会被删除）：请重新选择文件')
  // An upload holds everyone's personal data: it goes within the hour of its last use.
  await keepForAWhile(store, fileId, now)
  const units = await allUnits(store)
  const read = await readRoster(file, units, now)
  const existing: ExistingMember[] = await store.find('members', {}, { sort: { staffNo: 1 } })
  const plan = planImport(read, existing, { full })
  const leavingSelf =
    plan.markLeft.some((member) => member.id === actor._id) ||
    plan.update.some((member) => member.id === actor._id && member.changes.some((change) => change.field === 'status' && change.after === 'left'))
  if (leavingSelf) {
    throw forbidden(`这次导入会把您本人（${actor.name}，${actor.staffNo}）设为离校：请在文件中保留您的记录，或请其他校工会管理员导入`)
  }
  return { plan, existing, unitNames: namesOf(units) }
}

export const exportsFunction = defineFunction<ExportsApi>(
  'exports',
  {
    eventParticipants: action({
      allow: EVENT_ORGANIZER,
      input: EventExportSchema,
      async handle({ eventId }, { store, files, now, member }) {
        const event = await mustGet(store, 'events', eventId, '活动')
        const signups = await store.find('eventSignups', { eventId }, { sort: { signedUpAt: 1, _id: 1 } })
        signups.sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || (a.waitingSince ?? a.signedUpAt).localeCompare(b.waitingSince ?? b.signedUpAt))
        const [units, members] = await Promise.all([unitNames(store), signups.length ? store.find('members', { _id: { $in: signups.map((signup) => signup.memberId) } }) : []])
        const phones = new Map(members.map((person) => [person._id, person.phone]))
        let position = 0
        const lines = signups.map((signup) => {
          const status = signupStatus(signup, event, now)
          if (status === 'waiting') position += 1
          return {
            name: signup.memberName,
            staffNo: signup.staffNo,
            unitName: units.get(signup.unitId) ?? '',
            phone: phones.get(signup.memberId) ?? '',
            status: statusLabel(status, status === 'waiting' ? position : undefined),
            signedUpAt: signup.signedUpAt,
            ...(signup.checkedInAt ? { checkedInAt: signup.checkedInAt } : {}),
            answers: signup.answers,
          }
        })
        const fileName = `报名名单-${event.title}-${inShanghai(now).format('YYYYMMDD')}${XLSX}`
        const link = await offerFile(store, files, now, fileName, await participantsSheet(event, lines))
        await recordAudit(store, member, now, { action: 'events.export', targetType: 'event', targetId: eventId, target: event.title, after: { 导出人数: lines.length } })
        return link
      },
    }),

    ledger: action({
      allow: LEDGER_READERS,
      input: LedgerExportSchema,
      async handle(input, { store, files, now, member }) {
        const units = await allUnits(store)
        const unit = namedUnit(units, input.unitId)
        // One member's year: named in the file, so only a member the reader's unit holds (or any, for the union office).
        const person = input.memberId ? await mustGet(store, 'members', input.memberId, '会员') : undefined
        if (person && input.unitId && person.unitId !== input.unitId) throw notFound('会员')
        const filter = ledgerFilter(input, now)
        const payouts = await findAllById(store, 'benefitPayouts', filter)
        // As they were given, the same order whatever order they were read in.
        payouts.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a._id.localeCompare(b._id))
        const names = namesOf(units)
        const rows = payouts.map((payout) => toLedgerRow(payout, names))
        const kind = input.kind ? BENEFIT_KIND_LABELS[input.kind] : undefined
        const unitName = unit?.name ?? '全部分工会'
        const description = [`${filter.year} 年`, kind ?? '全部类别', unitName, ...(person ? [`${person.name}（${person.staffNo}）`] : [])].join(' · ')
        // The whole union's file reads each kind against its budget (the kind asked for, if one is).
        const budgetsFen = isWholeUnion(input) ? await budgetsOf(store, filter.year, input.kind) : {}
        const data = await ledgerSheet(rows, units.map((candidate) => candidate.name), { description, exportedAt: now.toISOString(), exportedBy: member.name, budgetsFen })
        const fileName = `福利台账-${filter.year}-${[unitName, kind, person?.name].filter(Boolean).join('-')}-${inShanghai(now).format('YYYYMMDD')}${XLSX}`
        const link = await offerFile(store, files, now, fileName, data)
        await recordAudit(store, member, now, {
          action: 'benefits.exportLedger',
          targetType: 'benefitLedger',
          targetId: [filter.year, input.unitId ?? 'all', input.kind ?? 'all', ...(person ? [person._id] : [])].join(':'),
          target: `福利台账（${description}）`,
          after: { 导出笔数: rows.length, 合计: formatYuan(payouts.reduce((sum, payout) => sum + payout.amountFen, 0)) },
        })
        return link
      },
    }),

    ...delegateActions,

    proposalBook: action({
      allow: SESSION_COMMITTEE,
      input: SessionExportSchema,
      async handle({ sessionId }, { store, files, now, member }) {
        return offerSessionFile(store, files, now, member, sessionId, 'proposals.exportBook', async (session, proposals) => {
          const { name: sessionName, meetingStart, meetingEnd } = session
          // The union's settings hold no school name yet: the title page then names the session alone.
          const cover = { sessionName, ...(meetingStart ? { meetingStart } : {}), ...(meetingEnd ? { meetingEnd } : {}), madeAt: now.toISOString() }
          return { title: '提案汇编', extension: DOCX, target: bookTitle(cover), data: await proposalBook(cover, proposals) }
        })
      },
    }),

    proposalHandling: action({
      allow: SESSION_COMMITTEE,
      input: SessionExportSchema,
      async handle({ sessionId }, { store, files, now, member }) {
        return offerSessionFile(store, files, now, member, sessionId, 'proposals.exportHandling', async (session, proposals) => ({
          title: '提案办理情况表',
          extension: XLSX,
          target: `${session.name}提案办理情况表`,
          data: await proposalHandlingSheet(session.name, proposals, shanghaiDay(now)),
        }))
      },
    }),

    rosterTemplate: action({
      allow: [unionOffice],
      input: EmptySchema,
      async handle(_input, { store, files, now }) {
        const units = await allUnits(store)
        return offerFile(store, files, now, `会员名册模板${XLSX}`, await rosterTemplate(units))
      },
    }),

    roster: action({
      allow: [unionOffice],
      input: RosterExportSchema,
      async handle({ unitId }, { store, files, now, member: actor }) {
        const units = await allUnits(store)
        const unit = namedUnit(units, unitId)
        // Everyone on the roster now (离校 members stay stored but are no longer on it).
        const members = await store.find('members', { ...(unitId ? { unitId } : {}), status: { $ne: 'left' } }, { sort: { staffNo: 1 } })
        const scope = unit?.name ?? '全部分工会'
        const link = await offerFile(store, files, now, `会员名册-${scope}-${inShanghai(now).format('YYYYMMDD')}${XLSX}`, await writeRoster(members, units))
        await recordAudit(store, actor, now, {
          action: 'members.export',
          targetType: 'roster',
          targetId: unitId ?? 'all',
          target: `会员名册（${scope}）`,
          after: { 导出人数: members.length },
        })
        return link
      },
    }),

    rosterPreview: action({
      allow: [unionOffice],
      input: RosterFileSchema,
      async handle({ fileId, full }, { store, files, now, member: actor }) {
        const { plan, existing, unitNames } = await planFile(store, files, now, actor, fileId, full)
        return toPreview(plan, full, existing, unitNames)
      },
    }),

    rosterApply: action({
      allow: [unionOffice],
      input: RosterApplySchema,
      async handle({ fileId, full, planId }, { store, files, now, member: actor }) {
        // Half the time limit for writing, counted from now: the rest is for reading the file and answering.
        const stopAt = Date.now() + (config.timeout * 1000) / 2
        const started = await store.get('rosterImports', planId)
        if (started) return continueImport(store, actor, now, started, stopAt)
        const { plan, unitNames } = await planFile(store, files, now, actor, fileId, full)
        if (plan.errors.length > 0) {
          throw new AppError('INVALID_INPUT', `文件中有 ${plan.errors.length} 处错误，没有导入任何数据：请按预览中的提示修改后重新导入`)
        }
        // Applying the same file again finds nothing to change and changes nothing.
        if (!changesAnything(plan)) {
          return { added: 0, updated: 0, markedLeft: 0, unchanged: plan.unchanged, done: true, applied: 0, total: 0 }
        }
        if (planIdOf(plan, full) !== planId) {
          // Another call (a second tap) started this very plan meanwhile, so the roster read differs by its writes.
          const meanwhile = await store.get('rosterImports', planId)
          if (meanwhile) return continueImport(store, actor, now, meanwhile, stopAt)
          throw rosterChanged()
        }
        const record = await storeImport(store, actor, now, { planId, plan, full, fileId, summary: importSummary(plan, full, unitNames) })
        return continueImport(store, actor, now, record, stopAt)
      },
    }),
  },
  {
    config,
    jobs: jobsOf(JOB_CATALOGUE.exports, {
      /** Deletes uploaded and exported files, and roster imports' records, once their hour is up. */
      purgeFiles: {
        async runBatch({ store, files, now }) {
          const count = (await purgeExpiredFiles(store, files, now, PURGE_BATCH)) + (await purgeImports(store, now, PURGE_BATCH))
          return { count, ...(count > 0 ? { cursor: 'more' } : {}) }
        },
      },
    }),
  },
)

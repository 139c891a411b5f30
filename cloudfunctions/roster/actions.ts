/**
 * The `roster` function: the member roster as an Excel file (union office only). It is its own function because
 * exceljs is large: every other function stays small and starts fast.
 */
import { EmptySchema } from '../../types/common'
import { JOB_CATALOGUE } from '../../types/jobs'
import { RosterApplySchema, RosterExportSchema, RosterFileSchema, type RosterApi } from '../../types/roster'
import { inShanghai } from '../../types/time'
import { recordAudit } from '../core/audit'
import type { MemberDoc } from '../core/collections'
import { unionOffice } from '../core/authorize'
import { action, defineFunction, jobsOf } from '../core/defineFunction'
import config from './config.json'
import { AppError, forbidden } from '../core/errors'
import type { FileStore } from '../core/files/port'
import { keepForAWhile, offerFile, purgeExpiredFiles } from '../core/files/retention'
import type { Store } from '../core/store/port'
import { allUnits, namesOf } from '../core/units'
import { continueImport, purgeImports, rosterChanged, storeImport } from './applyImport'
import { changesAnything, importSummary, planIdOf, toPreview } from './preview'
import { readRoster, rosterTemplate, writeRoster } from './rosterFile'
import { planImport, type ExistingMember } from './rosterPlan'

const XLSX = '.xlsx'
/** Files deleted per batch of the purge job. */
const PURGE_BATCH = 100

/** Reads the uploaded file and plans its import against the stored roster. */
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

export const rosterFunction = defineFunction<RosterApi>(
  'roster',
  {
    template: action({
      allow: [unionOffice],
      input: EmptySchema,
      async handle(_input, { store, files, now }) {
        const units = await allUnits(store)
        return offerFile(store, files, now, `会员名册模板${XLSX}`, await rosterTemplate(units))
      },
    }),

    export: action({
      allow: [unionOffice],
      input: RosterExportSchema,
      async handle({ unitId }, { store, files, now, member: actor }) {
        const units = await allUnits(store)
        const unit = unitId ? units.find((candidate) => candidate._id === unitId) : undefined
        if (unitId && !unit) throw new AppError('INVALID_INPUT', '所选分工会不存在，请重新选择', { unitId: '所选分工会不存在' })
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

    preview: action({
      allow: [unionOffice],
      input: RosterFileSchema,
      async handle({ fileId, full }, { store, files, now, member: actor }) {
        const { plan, existing, unitNames } = await planFile(store, files, now, actor, fileId, full)
        return toPreview(plan, full, existing, unitNames)
      },
    }),

    apply: action({
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
    jobs: jobsOf(JOB_CATALOGUE.roster, {
      /** Deletes uploaded and exported files, and imports' records, once their hour is up. */
      purgeFiles: {
        async runBatch({ store, files, now }) {
          const count = (await purgeExpiredFiles(store, files, now, PURGE_BATCH)) + (await purgeImports(store, now, PURGE_BATCH))
          return { count, ...(count > 0 ? { cursor: 'more' } : {}) }
        },
      },
    }),
  },
)

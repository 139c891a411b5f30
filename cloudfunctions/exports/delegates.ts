/**
 * A congress session's delegate list (代表名单), in and out of Excel (the union office): the list as it stands to
 * download, what importing an edited one would change, and the import, which grants the session's delegate role to
 * those it lists, revokes it from the rest and keeps each one's 代表团 (`congressDelegates`).
 */
import { DelegatesApplySchema, DelegatesFileSchema, SessionExportSchema, type DelegatesPreview } from '../../types/exports'
import { recordAudit } from '../core/audit'
import { unionOffice } from '../core/authorize'
import type { CongressSessionDoc, MemberDoc } from '../core/collections'
import { action } from '../core/defineFunction'
import { AppError } from '../core/errors'
import type { FileStore } from '../core/files/port'
import { keepForAWhile, offerFile } from '../core/files/retention'
import { findIn, mustGet, upsert } from '../core/queries'
import type { Store } from '../core/store/port'
import { delegateId } from '../proposals/rules'
import { delegatesWorkbook, readDelegates } from './delegatesFile'
import { planDelegates, type PlannedMember } from './delegatesPlan'

const MEMBER_FIELDS = ['staffNo', 'name', 'status', 'roles']

async function plan(store: Store, files: FileStore, now: Date, session: CongressSessionDoc, fileId: string) {
  const file = await files.read(fileId)
  if (!file) throw new AppError('NOT_FOUND', '没有找到上传的代表名单（上传一小时后会被删除）：请重新选择文件')
  // A list of people: it goes within the hour of its last use.
  await keepForAWhile(store, fileId, now)
  const read = await readDelegates(file)
  const found: PlannedMember[] = [
    ...(await store.find('members', { roles: `delegate:${session._id}` }, { fields: MEMBER_FIELDS })),
    ...(await findIn(store, 'members', 'staffNo', read.rows.map((row) => row.staffNo), {}, MEMBER_FIELDS)),
  ]
  const members = [...new Map(found.map((member) => [member._id, member])).values()]
  const entries = await store.find('congressDelegates', { sessionId: session._id }, { fields: ['memberId', 'delegation'] })
  return planDelegates(session._id, session.name, read, members, entries)
}

/**
 * Grants or revokes the role on one member, reading their roles afresh in a transaction (an admin changing their
 * roles at the same moment keeps theirs).
 */
async function setDelegate(store: Store, memberId: string, grant: string, holds: boolean) {
  await store.transaction(async (tx) => {
    const member = await tx.get('members', memberId)
    if (!member || member.roles.includes(grant) === holds) return
    await tx.updateById('members', memberId, { $set: { roles: holds ? [...member.roles, grant] : member.roles.filter((role) => role !== grant) } })
  })
}

const summary = (preview: DelegatesPreview) => ({
  代表人数: String(preview.total),
  代表团: preview.delegations.map((delegation) => `${delegation.name} ${delegation.count} 人`).join('、'),
  新增代表: preview.addedCount ? `${preview.addedCount} 人：${preview.added.join('、')}` : '无',
  不再是代表: preview.removedCount ? `${preview.removedCount} 人：${preview.removed.join('、')}` : '无',
})

export const delegateActions = {
  delegatesFile: action({
    allow: [unionOffice],
    input: SessionExportSchema,
    async handle({ sessionId }, { store, files, now }) {
      const session = await mustGet(store, 'congressSessions', sessionId, '届次')
      const [delegates, entries] = await Promise.all([
        store.find('members', { roles: `delegate:${sessionId}` }, { sort: { staffNo: 1 }, fields: MEMBER_FIELDS }) as Promise<MemberDoc[]>,
        store.find('congressDelegates', { sessionId }),
      ])
      const delegationOf = new Map(entries.map((entry) => [entry.memberId, entry.delegation]))
      const rows = delegates
        .map((member) => ({ staffNo: member.staffNo, name: member.name, delegation: delegationOf.get(member._id) ?? '' }))
        .sort((a, b) => a.delegation.localeCompare(b.delegation, 'zh-CN') || a.staffNo.localeCompare(b.staffNo))
      return offerFile(store, files, now, `代表名单-${session.name}.xlsx`, await delegatesWorkbook(rows))
    },
  }),

  delegatesPreview: action({
    allow: [unionOffice],
    input: DelegatesFileSchema,
    async handle({ sessionId, fileId }, { store, files, now }) {
      const session = await mustGet(store, 'congressSessions', sessionId, '届次')
      return (await plan(store, files, now, session, fileId)).preview
    },
  }),

  delegatesApply: action({
    allow: [unionOffice],
    input: DelegatesApplySchema,
    async handle({ sessionId, fileId, planId }, { store, files, now, member: actor }) {
      const session = await mustGet(store, 'congressSessions', sessionId, '届次')
      const { preview, grant, revoke, entries } = await plan(store, files, now, session, fileId)
      if (preview.errors.length) throw new AppError('INVALID_INPUT', `名单中有 ${preview.errors.length} 处错误，没有导入任何代表：请按预览中的提示修改后重新导入`)
      // Applied as previewed, or not at all: roles granted or revoked meanwhile would change whom it removes.
      if (preview.planId !== planId) {
        if (grant.length === 0 && revoke.length === 0 && preview.regrouped === 0) return preview
        throw new AppError('CONFLICT', '预览之后代表名单或角色有了变化：请查看新的预览后再确认导入')
      }
      const role = `delegate:${sessionId}`
      // Each write is safe to repeat: a second tap, or a retry after a lost answer, finds it done.
      for (const member of grant) await setDelegate(store, member._id, role, true)
      for (const member of revoke) await setDelegate(store, member._id, role, false)
      const at = now.toISOString()
      const kept = new Set(entries.map((entry) => entry.memberId))
      const stored = await store.find('congressDelegates', { sessionId }, { fields: ['memberId', 'delegation'] })
      const stale = stored.filter((entry) => !kept.has(entry.memberId)).map((entry) => entry._id)
      if (stale.length) await store.remove('congressDelegates', { _id: { $in: stale } })
      const before = new Map(stored.map((entry) => [entry.memberId, entry.delegation]))
      for (const entry of entries) {
        if (before.get(entry.memberId) === entry.delegation) continue
        // Two imports at once write the same ids: whichever inserts first, the other updates.
        await upsert(store, 'congressDelegates', { _id: delegateId(sessionId, entry.memberId), sessionId, ...entry, importedAt: at }, { $set: { delegation: entry.delegation, importedAt: at } })
      }
      await recordAudit(store, actor, now, { action: 'proposals.importDelegates', targetType: 'congressSession', targetId: sessionId, target: session.name, after: summary(preview) })
      return preview
    },
  }),
}

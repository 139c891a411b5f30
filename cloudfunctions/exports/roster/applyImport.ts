/**
 * Applying an import plan in short transactions. CloudBase gives a transaction 30 seconds and a function call its
 * time limit, while a first import of thousands makes several round trips per member. So the plan is stored as an
 * import record with its writes in chunks of IMPORT_CHUNK; each transaction applies one chunk, re-reading every member
 * it touches, and moves the record on, all or nothing. A call applies chunks until half its time limit has gone and
 * answers how far it got; the app calls again with the same plan until it is done. A retry (a cut-off call, a second
 * tap) continues the same record and never writes a chunk twice.
 */
import type { RosterApplied } from '../../../types/roster'
import { recordAudit } from '../../core/audit'
import { holdsRole } from '../../core/authorize'
import type { ImportOp, MemberDoc, RosterImportDoc } from '../../core/collections'
import { AppError } from '../../core/errors'
import { KEEP_FILES_MINUTES } from '../../core/files/retention'
import { keepUnionOffice } from '../../core/officeGuard'
import { insertIfAbsent } from '../../core/queries'
import { DuplicateKeyError, type Store, type Transaction } from '../../core/store/port'
import type { ImportPlan } from './rosterPlan'

/** Member writes per transaction: about two hundred round trips, a few seconds on CloudBase. */
export const IMPORT_CHUNK = 100

/** The plan's writes in file order: additions, updates, then those marked 离校. */
export function importOps(plan: ImportPlan): ImportOp[] {
  return [
    ...plan.add.map((member): ImportOp => ({ kind: 'add', member })),
    ...plan.update.map(({ id, changes }): ImportOp => ({ kind: 'update', id, changes: changes.map(({ field, before, after }) => ({ field, before, after })) })),
    ...plan.markLeft.map(({ id }): ImportOp => ({ kind: 'leave', id })),
  ]
}

const chunkId = (importId: string, index: number) => `${importId}-${index}`

export interface NewImport {
  planId: string
  plan: ImportPlan
  full: boolean
  fileId: string
  summary: Record<string, unknown>
}

/**
 * Stores the import's chunks, then its record (the record's presence says every chunk is there). Chunk ids are
 * deterministic, so two calls storing the same import at once write the same documents.
 */
export async function storeImport(store: Store, actor: MemberDoc, now: Date, { planId, plan, full, fileId, summary }: NewImport): Promise<RosterImportDoc> {
  const ops = importOps(plan)
  const removeAfter = new Date(now.getTime() + KEEP_FILES_MINUTES * 60_000).toISOString()
  const chunks = Math.ceil(ops.length / IMPORT_CHUNK)
  for (let index = 0; index < chunks; index++) {
    await insertIfAbsent(store, 'rosterImportChunks', { _id: chunkId(planId, index), ops: ops.slice(index * IMPORT_CHUNK, (index + 1) * IMPORT_CHUNK), removeAfter })
  }
  const record: RosterImportDoc = {
    _id: planId,
    fileId,
    full,
    actorId: actor._id,
    startedAt: now.toISOString(),
    state: 'applying',
    chunks,
    nextChunk: 0,
    applied: 0,
    total: ops.length,
    result: { added: plan.add.length, updated: plan.update.length, markedLeft: plan.markLeft.length, unchanged: plan.unchanged },
    summary,
    removeAfter,
  }
  return (await insertIfAbsent(store, 'rosterImports', record)) ? record : (await store.get('rosterImports', planId))!
}

/** The roster changed since the plan was read: `applied` of `total` writes were made before that was found. */
export function rosterChanged(applied = 0, total = 0): AppError {
  if (applied === 0) return new AppError('CONFLICT', '预览之后会员名册有了变动（可能有人同时在修改或导入），没有导入任何数据：请重新预览后再导入')
  return new AppError(
    'CONFLICT',
    `导入途中发现会员名册有了变动（可能有人同时在修改）：${total} 项中已导入 ${applied} 项，其余没有导入。请重新预览，再导入剩下的部分`,
  )
}

/** One write, after re-reading the member it touches: a member changed since the preview refuses the chunk. */
async function applyOp(tx: Transaction, op: ImportOp, createdAt: string): Promise<{ removesUnionOffice: boolean }> {
  if (op.kind === 'add') {
    await tx.insert('members', { ...op.member, roles: [], createdAt })
    return { removesUnionOffice: false }
  }
  const stored = await tx.get('members', op.id)
  if (!stored) throw rosterChanged()
  const fields = op.kind === 'leave' ? { status: 'left' as const } : Object.fromEntries(op.changes.map((change) => [change.field, change.after]))
  const stale = op.kind === 'leave' ? stored.status === 'left' : op.changes.some((change) => stored[change.field] !== change.before)
  if (stale) throw rosterChanged()
  await tx.updateById('members', op.id, { $set: fields })
  return { removesUnionOffice: fields.status === 'left' && holdsRole(stored, 'unionOffice') }
}

/** Applies the next chunk of the import, or nothing when it is not applying any more; answers the record after. */
async function applyNextChunk(store: Store, actor: MemberDoc, now: Date, importId: string): Promise<RosterImportDoc> {
  return store.transaction(async (tx) => {
    const record = await tx.get('rosterImports', importId)
    // Gone an hour after it started: what is left of it is no longer what was previewed.
    if (!record) throw rosterChanged()
    if (record.state !== 'applying') return record
    const chunk = (await tx.get('rosterImportChunks', chunkId(importId, record.nextChunk)))!
    let removesUnionOffice = false
    for (const op of chunk.ops) removesUnionOffice = (await applyOp(tx, op, now.toISOString())).removesUnionOffice || removesUnionOffice
    if (removesUnionOffice) await keepUnionOffice(tx, actor)
    await tx.removeById('rosterImportChunks', chunk._id)
    const next = { nextChunk: record.nextChunk + 1, applied: record.applied + chunk.ops.length }
    const done = next.nextChunk === record.chunks
    await tx.updateById('rosterImports', importId, { $set: { ...next, ...(done ? { state: 'done' as const } : {}) } })
    if (done) {
      await recordAudit(tx, actor, now, {
        action: 'members.import',
        targetType: 'roster',
        targetId: record.fileId,
        target: record.full ? '会员名册（整体导入）' : '会员名册（部分导入）',
        after: record.summary,
      })
    }
    return { ...record, ...next, state: done ? 'done' : 'applying' }
  })
}

/** Stops an import that met a changed roster, auditing what it had written. */
async function stopImport(store: Store, actor: MemberDoc, now: Date, importId: string): Promise<RosterImportDoc> {
  return store.transaction(async (tx) => {
    const record = (await tx.get('rosterImports', importId))!
    if (record.state !== 'applying') return record
    await tx.updateById('rosterImports', importId, { $set: { state: 'stopped' } })
    if (record.applied > 0) {
      await recordAudit(tx, actor, now, {
        action: 'members.import',
        targetType: 'roster',
        targetId: record.fileId,
        target: record.full ? '会员名册（整体导入，中途停止）' : '会员名册（部分导入，中途停止）',
        after: { ...record.summary, 结果: `名册中途有了变动，${record.total} 项中导入了 ${record.applied} 项` },
      })
    }
    return { ...record, state: 'stopped' }
  })
}

export type ImportProgress = RosterApplied

const progressOf = (record: RosterImportDoc): ImportProgress => ({
  ...record.result,
  done: record.state === 'done',
  applied: record.applied,
  total: record.total,
})

/**
 * Applies chunks of the import until it is done or `clock()` reaches `stopAt`; a changed roster stops the import
 * and refuses with how far it got.
 */
export async function continueImport(store: Store, actor: MemberDoc, now: Date, record: RosterImportDoc, stopAt: number, clock: () => number = Date.now): Promise<ImportProgress> {
  let current = record
  while (current.state === 'applying' && clock() < stopAt) {
    try {
      current = await applyNextChunk(store, actor, now, current._id)
    } catch (error) {
      // Someone edited a member, or added the same 工号, since the preview.
      if (!(error instanceof DuplicateKeyError) && !(error instanceof AppError && error.code === 'CONFLICT')) throw error
      current = await stopImport(store, actor, now, current._id)
    }
  }
  if (current.state === 'stopped') throw rosterChanged(current.applied, current.total)
  return progressOf(current)
}

/** Deletes a batch of import records and leftover chunks whose hour is up (they hold personal data). */
export async function purgeImports(store: Store, now: Date, limit: number): Promise<number> {
  let removed = 0
  for (const collection of ['rosterImportChunks', 'rosterImports'] as const) {
    const old = await store.find(collection, { removeAfter: { $lte: now.toISOString() } }, { fields: ['_id'], limit })
    if (old.length > 0) removed += await store.remove(collection, { _id: { $in: old.map((doc) => doc._id) } })
  }
  return removed
}

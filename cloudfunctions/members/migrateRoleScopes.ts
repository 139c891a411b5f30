/**
 * Role scopes used to be free text (`delegate:六届二次`); they are ids now, checked against their collection when
 * granted. This job rewrites the old grants in place: a scope that names no document of its collection is looked up
 * by name there, and a club, department or congress session that does not exist yet is created under that name, so
 * every existing grant keeps working. Units are never created (the roster needs a unit's departments): a unit admin
 * grant naming no unit is left as it is, for the union office to revoke. Safe to run again: a migrated grant is an id.
 */
import { decodeGrant, encodeGrant, type ScopedRole } from '../../types/roles'
import { memberTarget, recordAudit } from '../core/audit'
import type { Batch, JobContext } from '../core/jobs'
import { SCOPE_COLLECTIONS, scopeExists } from '../core/roleScopes'
import { insertIfAbsent } from '../core/queries'
import { newId, type Store } from '../core/store/port'

/** Members looked at per batch. */
const BATCH = 200

/** The id of the scope document named `name`; created (last in order) when there is none, but for a unit. */
async function scopeIdByName(store: Store, role: ScopedRole, name: string): Promise<string | undefined> {
  const collection = SCOPE_COLLECTIONS[role]
  const [found] = await store.find(collection, { name }, { limit: 1 })
  if (found) return found._id
  if (collection === 'units') return undefined
  const _id = newId()
  if (await insertIfAbsent(store, collection, { _id, name, order: (await store.count(collection)) + 1 })) return _id
  // Created by a run alongside: its name is taken now.
  const [created] = await store.find(collection, { name }, { limit: 1 })
  return created._id
}

/** The stored grant with its scope as an id, or as it is. */
async function migrated(store: Store, stored: string): Promise<string> {
  const grant = decodeGrant(stored)
  if (!grant || grant.role === 'unionOffice' || grant.scope === undefined) return stored
  if (await scopeExists(store, grant.role, grant.scope)) return stored
  const scope = await scopeIdByName(store, grant.role, grant.scope)
  return scope === undefined ? stored : encodeGrant({ role: grant.role, scope })
}

export async function migrateRoleScopes({ store, now }: JobContext, cursor: string | undefined): Promise<Batch> {
  const members = await store.find('members', cursor ? { _id: { $gt: cursor } } : {}, { sort: { _id: 1 }, limit: BATCH, fields: ['roles'] })
  let count = 0
  for (const member of members) {
    const rewrites = new Map<string, string>()
    for (const stored of member.roles) {
      const next = await migrated(store, stored)
      if (next !== stored) rewrites.set(stored, next)
    }
    if (rewrites.size === 0) continue
    // Applied to the roles as they are at the write: a grant or revoke made meanwhile is kept.
    await store.transaction(async (tx) => {
      const current = await tx.get('members', member._id)
      if (!current) return
      const roles = current.roles.map((stored) => rewrites.get(stored) ?? stored)
      await tx.updateById('members', member._id, { $set: { roles } })
      await recordAudit(tx, 'system', now, {
        action: 'members.migrateRoles',
        targetType: 'member',
        targetId: member._id,
        target: memberTarget(current),
        before: { 角色: current.roles },
        after: { 角色: roles },
      })
    })
    count += 1
  }
  return { count, ...(members.length === BATCH ? { cursor: members[BATCH - 1]._id } : {}) }
}

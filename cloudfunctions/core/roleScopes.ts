/** What each scoped role is held for: a document of one collection, named by its id in the grant. */
import type { ScopeOption } from '../../types/members'
import { decodeGrant, SCOPED_ROLES, type ScopedRole } from '../../types/roles'
import type { Store } from './store/port'

export const SCOPE_COLLECTIONS = {
  unitAdmin: 'units',
  delegate: 'congressSessions',
  committee: 'congressSessions',
  clubAdmin: 'clubs',
  handlingDept: 'departments',
} as const satisfies Record<ScopedRole, string>

export type ScopeCollection = (typeof SCOPE_COLLECTIONS)[ScopedRole]

/** Id → name, per scope collection: for role labels (and unit names wherever a member's unit is shown). */
export type ScopeNames = Record<ScopeCollection, ReadonlyMap<string, string>>

/** Every scope of every role, in each collection's own order. */
export async function scopeOptions(store: Store): Promise<Record<ScopedRole, ScopeOption[]>> {
  const entries = await Promise.all(
    SCOPED_ROLES.map(async (role) => {
      const docs = await store.find(SCOPE_COLLECTIONS[role], {}, { sort: { order: 1 } })
      return [role, docs.map((doc) => ({ id: doc._id, name: doc.name }))] as const
    }),
  )
  return Object.fromEntries(entries) as Record<ScopedRole, ScopeOption[]>
}

export async function scopeNames(store: Store): Promise<ScopeNames> {
  const options = await scopeOptions(store)
  return Object.fromEntries(
    SCOPED_ROLES.map((role) => [SCOPE_COLLECTIONS[role], new Map(options[role].map((option) => [option.id, option.name]))]),
  ) as unknown as ScopeNames
}

/**
 * Id → name of only the scopes these stored grants name (one member's roles): a read of each collection they touch,
 * none for a member without scoped roles. `members.me` runs on every app start, so it reads no whole collection.
 */
export async function scopeNamesOf(store: Store, roles: string[]): Promise<ScopeNames> {
  const wanted = new Map<ScopeCollection, Set<string>>()
  for (const grant of roles.map(decodeGrant)) {
    if (!grant || grant.role === 'unionOffice' || grant.scope === undefined) continue
    const collection = SCOPE_COLLECTIONS[grant.role]
    wanted.set(collection, (wanted.get(collection) ?? new Set()).add(grant.scope))
  }
  const collections = Object.values(SCOPE_COLLECTIONS)
  const found = await Promise.all(
    collections.map(async (collection) => {
      const ids = [...(wanted.get(collection) ?? [])]
      const docs = ids.length ? await store.find(collection, { _id: { $in: ids } }) : []
      return [collection, new Map(docs.map((doc) => [doc._id, doc.name]))] as const
    }),
  )
  return Object.fromEntries(found) as unknown as ScopeNames
}

/** Whether `scope` names an existing document of the role's collection. */
export async function scopeExists(store: Store, role: ScopedRole, scope: string): Promise<boolean> {
  return (await store.get(SCOPE_COLLECTIONS[role], scope)) !== null
}

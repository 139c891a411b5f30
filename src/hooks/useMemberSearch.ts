/** Finding one member by name or 工号 in the roster (a unit admin: in their unit), for an admin acting on their behalf. */
import { useState } from 'react'
import type { RosterRow } from '../../types/members'
import { call } from '../services/api'
import { useRemote } from './useRemote'

export function useMemberSearch(unitId: string | undefined) {
  const [query, setQuery] = useState('')
  const [member, setMember] = useState<RosterRow>()
  const found = useRemote(
    () => (query.trim() ? call('members', 'roster', { q: query.trim(), ...(unitId ? { unitId } : {}), limit: 10 }) : Promise.resolve(undefined)),
    [query, unitId],
  )
  return { query, setQuery, found: found.data?.items ?? [], member, setMember: (picked: RosterRow | undefined) => setMember(picked) }
}

export type MemberSearch = ReturnType<typeof useMemberSearch>

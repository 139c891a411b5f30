/** The local host's development login (demo mode only; the browser build only). */
import type { ApiResult } from '../../types/result'
import { unwrap } from './api'
import { setSessionToken } from './session'

export interface DemoPerson {
  id: string
  name: string
  unitName: string
  unionOffice: boolean
  /** False for the demo people left unbound, who can try binding. */
  bound: boolean
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init)
  return unwrap<T>((await response.json()) as ApiResult<unknown>)
}

export const findDemoPeople = (query: string) => request<DemoPerson[]>(`/dev/people?q=${encodeURIComponent(query)}`)

export async function loginAs(memberId: string) {
  const { token } = await request<{ token: string }>('/dev/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ memberId }),
  })
  setSessionToken(token)
}

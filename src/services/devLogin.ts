/** The local host's development login (demo mode only; the browser build only). */
import { ApiError } from './api'
import { setSessionToken } from './session'

export interface DemoPerson {
  id: string
  name: string
  unitName: string
  unionOffice: boolean
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init)
  const result = (await response.json()) as { ok: boolean; data?: T; code?: string; message?: string }
  if (!result.ok) throw new ApiError((result.code ?? 'INTERNAL') as never, result.message ?? '演示登录不可用')
  return result.data as T
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

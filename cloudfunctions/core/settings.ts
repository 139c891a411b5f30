/** The union-wide settings: stored once, with defaults until the union office first saves them. */
import { DEFAULT_SETTINGS, type UnionSettings } from '../../types/members'
import type { Store } from './store/port'

export const SETTINGS_ID = 'union'

export async function readSettings(store: Store): Promise<UnionSettings> {
  const stored = await store.get('settings', SETTINGS_ID)
  return { youthUnderAge: stored?.youthUnderAge ?? DEFAULT_SETTINGS.youthUnderAge }
}

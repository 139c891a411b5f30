/** The union-wide settings: stored once, with defaults until the union office first saves them. */
import { DEFAULT_SETTINGS, type UnionSettings } from '../../types/members'
import type { SettingsDoc } from './collections'
import type { Store } from './store/port'

export const SETTINGS_ID = 'union'

/** The settings a stored document says, with the defaults for what it does not (or for no document). */
export function settingsOf(stored: Partial<Pick<SettingsDoc, keyof UnionSettings>> | null): UnionSettings {
  return {
    youthUnderAge: stored?.youthUnderAge ?? DEFAULT_SETTINGS.youthUnderAge,
    templateIds: stored?.templateIds ?? DEFAULT_SETTINGS.templateIds,
    retirementAges: stored?.retirementAges ?? DEFAULT_SETTINGS.retirementAges,
  }
}

export async function readSettings(store: Store): Promise<UnionSettings> {
  return settingsOf(await store.get('settings', SETTINGS_ID))
}

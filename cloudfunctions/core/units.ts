import type { Store } from './store/port'

/** Unit id → name: for labelling audiences, unit-scoped roles and audit entries. */
export async function unitNames(store: Store): Promise<Map<string, string>> {
  return new Map((await store.find('units')).map((unit) => [unit._id, unit.name]))
}

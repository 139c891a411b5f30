import type { UnitDoc } from './collections'
import type { Store } from './store/port'

/** Every unit, in the union's own order (as lists and the roster file show them). */
export function allUnits(store: Store): Promise<UnitDoc[]> {
  return store.find('units', {}, { sort: { order: 1 } })
}

/** Unit id → name: for labelling audiences, unit-scoped roles and audit entries. */
export function namesOf(units: readonly UnitDoc[]): Map<string, string> {
  return new Map(units.map((unit) => [unit._id, unit.name]))
}

export async function unitNames(store: Store): Promise<Map<string, string>> {
  return namesOf(await store.find('units'))
}

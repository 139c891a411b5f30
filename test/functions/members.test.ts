/** The members function over the seeded demo union. */
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { PEOPLE, callAs, expectFailure, expectOk, seededStore } from './harness'

let store: SqliteStore

beforeEach(async () => {
  store = await seededStore()
})

afterEach(() => store.close())

describe('me', () => {
  it('answers union office staff with their unit and both roles', async () => {
    expect(expectOk(await callAs(store, 'members', PEOPLE.office, 'me'))).toEqual({
      id: 'm0001',
      name: '周建华',
      unitId: 'unit01',
      unitName: '机关第一分工会',
      status: 'active',
      roles: ['member', 'unionOffice'],
    })
    expect(expectOk(await callAs(store, 'members', PEOPLE.office2, 'me'))).toMatchObject({ name: '沈丽萍', roles: ['member', 'unionOffice'] })
  })

  it('answers an ordinary member with the member role only', async () => {
    const me = expectOk(await callAs(store, 'members', PEOPLE.unit03Member, 'me'))
    const stored = await store.get('members', PEOPLE.unit03Member)
    expect(me).toEqual({
      id: PEOPLE.unit03Member,
      name: stored?.name,
      unitId: 'unit03',
      unitName: '后勤保障分工会',
      status: 'active',
      roles: ['member'],
    })
  })

  it('answers a retired member as retired, in the retirees’ unit', async () => {
    expect(expectOk(await callAs(store, 'members', PEOPLE.retired, 'me'))).toMatchObject({
      id: PEOPLE.retired,
      unitId: 'unit20',
      unitName: '离退休分工会',
      status: 'retired',
      roles: ['member'],
    })
  })

  it('answers NOT_FOUND when the member’s unit is gone', async () => {
    await store.update('members', { _id: PEOPLE.unit03Member }, { $set: { unitId: 'unit99' } })
    const failure = expectFailure(await callAs(store, 'members', PEOPLE.unit03Member, 'me'), 'NOT_FOUND')
    expect(failure.message).toMatch(/^所在分工会不存在/)
  })
})

describe('units', () => {
  it('answers all 20 units in their order, as id and name only', async () => {
    const units = expectOk(await callAs(store, 'members', PEOPLE.unit03Member, 'units'))
    expect(units).toHaveLength(20)
    expect(units.map((unit) => unit.id)).toEqual(Array.from({ length: 20 }, (_, i) => `unit${String(i + 1).padStart(2, '0')}`))
    expect(units[0]).toEqual({ id: 'unit01', name: '机关第一分工会' })
    expect(units[19]).toEqual({ id: 'unit20', name: '离退休分工会' })
  })

  it('follows each unit’s order field, not its id', async () => {
    await store.update('units', { _id: 'unit20' }, { $set: { order: 0 } })
    const units = expectOk(await callAs(store, 'members', PEOPLE.unit03Member, 'units'))
    expect(units.map((unit) => unit.id).slice(0, 2)).toEqual(['unit20', 'unit01'])
  })
})

/** The members function over the seeded demo union. */
import { PEOPLE, callAs, expectOk, seededStore, type TestStore} from './harness'

let store: TestStore

beforeEach(async () => {
  store = await seededStore()
})

afterEach(() => store.close())

describe('me', () => {
  it('answers union office staff with their own full details and the union office role', async () => {
    expect(expectOk(await callAs(store, 'members', PEOPLE.office, 'me'))).toEqual({
      id: 'm0001',
      name: '周建华',
      staffNo: '100001',
      unitId: 'unit01',
      unitName: '机关第一分工会',
      status: 'active',
      phone: '18553560395',
      roles: [{ role: 'unionOffice', label: '校工会管理员' }],
    })
    expect(expectOk(await callAs(store, 'members', PEOPLE.office2, 'me'))).toMatchObject({
      name: '沈丽萍',
      staffNo: '100002',
      roles: [{ role: 'unionOffice', label: '校工会管理员' }],
    })
  })

  it('answers an ordinary member with no roles, and their own unmasked phone', async () => {
    const me = expectOk(await callAs(store, 'members', PEOPLE.unit03Member, 'me'))
    const stored = await store.get('members', PEOPLE.unit03Member)
    expect(stored).not.toBeNull()
    expect(me).toEqual({
      id: PEOPLE.unit03Member,
      name: stored!.name,
      staffNo: '200058',
      unitId: 'unit03',
      unitName: '后勤保障分工会',
      status: 'active',
      phone: stored!.phone,
      roles: [],
    })
    expect(me.phone).toMatch(/^1\d{10}$/)
  })

  it('labels scoped roles: a unit admin by the unit’s name, a delegate by the session', async () => {
    expect(expectOk(await callAs(store, 'members', PEOPLE.unitAdmin, 'me'))).toMatchObject({
      id: PEOPLE.unitAdmin,
      unitId: 'unit12',
      roles: [
        { role: 'unitAdmin', scope: 'unit05', label: '分工会管理员（文学院分工会）' },
        { role: 'delegate', scope: 'session-6-2', label: '教代会代表（六届二次）' },
      ],
    })
    expect(expectOk(await callAs(store, 'members', PEOPLE.delegate, 'me')).roles).toEqual([
      { role: 'delegate', scope: 'session-6-2', label: '教代会代表（六届二次）' },
    ])
  })

  it('labels a role in each scope collection, and a scope that is gone by its id', async () => {
    const roles = ['clubAdmin:club-photo', 'handlingDept:dept-hr', 'unitAdmin:unit03', 'clubAdmin:club-gone', 'delegate:session-6-2', 'clubAdmin:club-yoga']
    await store.update('members', { _id: PEOPLE.unit03Member }, { $set: { roles } })
    expect(expectOk(await callAs(store, 'members', PEOPLE.unit03Member, 'me')).roles.map((role) => role.label)).toEqual([
      '俱乐部负责人（摄影协会）',
      '承办部门（人事处）',
      '分工会管理员（后勤保障分工会）',
      '俱乐部负责人（club-gone）',
      '教代会代表（六届二次）',
      '俱乐部负责人（瑜伽协会）',
    ])
  })

  it('skips a stored grant that names no known role', async () => {
    await store.update('members', { _id: PEOPLE.unit03Member }, { $set: { roles: ['member', 'delegate:session-6-2'] } })
    expect(expectOk(await callAs(store, 'members', PEOPLE.unit03Member, 'me')).roles).toEqual([
      { role: 'delegate', scope: 'session-6-2', label: '教代会代表（六届二次）' },
    ])
  })

  it('answers a retired member as retired, in the retirees’ unit', async () => {
    expect(expectOk(await callAs(store, 'members', PEOPLE.retired, 'me'))).toMatchObject({
      id: PEOPLE.retired,
      staffNo: '200016',
      unitId: 'unit20',
      unitName: '离退休分工会',
      status: 'retired',
      roles: [],
    })
  })

  it('answers with an empty unit name when the member’s unit is gone', async () => {
    // Was NOT_FOUND before profiles grew roles; toProfile now takes a missing unit as an empty name.
    await store.update('members', { _id: PEOPLE.unit03Member }, { $set: { unitId: 'unit99' } })
    expect(expectOk(await callAs(store, 'members', PEOPLE.unit03Member, 'me'))).toMatchObject({
      id: PEOPLE.unit03Member,
      unitId: 'unit99',
      unitName: '',
    })
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

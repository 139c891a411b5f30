/**
 * The member roster: `roster` (union office: every unit; a unit admin: their own units; phone and birth year
 * masked), `memberRecord` (union office: full values) and `updateMember` (union office; audited).
 */
import type { MemberDoc } from '../../cloudfunctions/core/collections'
import type { Filter } from '../../cloudfunctions/core/store/port'
import type { RosterRow } from '../../types/members'
import { NOW, PEOPLE, TODAY, callAs, completedYears, expectFailure, expectOk, later, memberEdit, seededStore, snapshot, type Who, type TestStore} from './harness'

let store: TestStore

beforeEach(async () => {
  store = await seededStore()
})

afterEach(() => store.close())

const MASKED_PHONE = /^1\d{2}\*{4}\d{4}$/
const MASKED_BIRTH_DATE = /^\*{4}-\d{2}-\d{2}$/

/** m0058 邵文 (200058), an active member of unit03 (后勤保障分工会), bound, no roles. */
const TARGET = PEOPLE.unit03Member

const roster = (who: Who, query?: Record<string, unknown>) => callAs(store, 'members', who, 'roster', query)
const update = (overrides: Record<string, unknown>, who: Who = PEOPLE.office, memberId: string = TARGET) =>
  callAs(store, 'members', who, 'updateMember', { memberId, member: memberEdit(memberId, overrides) })
const auditEntries = () => store.find('auditLog', { action: 'members.update' }, { sort: { at: 1 } })

/** Every row the query answers, following `hasMore` page by page. */
async function allRows(who: Who, query: Record<string, unknown> = {}, limit = 50): Promise<RosterRow[]> {
  const rows: RosterRow[] = []
  for (let offset = 0; ; offset += limit) {
    const page = expectOk(await roster(who, { ...query, offset, limit }))
    rows.push(...page.items)
    if (!page.hasMore) return rows
    expect(page.items).toHaveLength(limit)
  }
}

const storedMembers = (filter: Filter = {}) => store.find('members', filter, { sort: { staffNo: 1 } })
const idsOf = (members: { _id: string }[]) => members.map((member) => member._id)
const rowIds = (rows: RosterRow[]) => rows.map((row) => row.id)

describe('roster for the union office', () => {
  it('lists every member who has not left, in every unit, by staff number', async () => {
    await store.update('members', { _id: { $in: ['m0100', 'm0200'] } }, { $set: { status: 'left' } })
    const rows = await allRows(PEOPLE.office)
    const expected = await storedMembers({ status: { $ne: 'left' } })
    expect(expected).toHaveLength(298)
    expect(rowIds(rows)).toEqual(idsOf(expected))
    expect(new Set(rows.map((row) => row.unitName)).size).toBe(20)
    expect(rows.slice(0, 2).map((row) => row.staffNo)).toEqual(['100001', '100002'])
  })

  it('answers a first page of 20 without a payload', async () => {
    const page = expectOk(await roster(PEOPLE.office))
    expect(page.items).toHaveLength(20)
    expect(page.hasMore).toBe(true)
  })

  it('pages: hasMore until the last page, which may be short', async () => {
    const first = expectOk(await roster(PEOPLE.office, { offset: 0, limit: 10 }))
    expect(first.items).toHaveLength(10)
    expect(first.hasMore).toBe(true)
    const second = expectOk(await roster(PEOPLE.office, { offset: 10, limit: 10 }))
    expect(rowIds(second.items)).not.toContain(first.items[0].id)
    const exactEnd = expectOk(await roster(PEOPLE.office, { offset: 290, limit: 10 }))
    expect(exactEnd).toMatchObject({ hasMore: false })
    expect(exactEnd.items).toHaveLength(10)
    const short = expectOk(await roster(PEOPLE.office, { offset: 295, limit: 10 }))
    expect(short.items).toHaveLength(5)
    expect(short.hasMore).toBe(false)
    expect(expectOk(await roster(PEOPLE.office, { offset: 300, limit: 10 }))).toEqual({ items: [], hasMore: false })
  })

  it('filters by unit', async () => {
    const rows = await allRows(PEOPLE.office, { unitId: 'unit05' })
    expect(rowIds(rows)).toEqual(idsOf(await storedMembers({ unitId: 'unit05' })))
    expect(rows).toHaveLength(17)
    expect(new Set(rows.map((row) => row.unitName))).toEqual(new Set(['文学院分工会']))
  })

  it('answers an empty page for a unit id no unit has', async () => {
    expect(expectOk(await roster(PEOPLE.office, { unitId: 'unit99' }))).toEqual({ items: [], hasMore: false })
  })

  it('searches by part of the name', async () => {
    const rows = await allRows(PEOPLE.office, { q: '建' })
    const expected = (await storedMembers()).filter((member) => member.name.includes('建'))
    expect(expected.length).toBeGreaterThan(1)
    expect(rowIds(rows)).toEqual(idsOf(expected))
    expect(rowIds(rows)).toContain('m0001') // 周建华: the middle of the name
    expect(rowIds(await allRows(PEOPLE.office, { q: '周建华' }))).toEqual(['m0001'])
  })

  it('searches by the start of the staff number, not its middle', async () => {
    const rows = await allRows(PEOPLE.office, { q: '20001' })
    expect(rows.map((row) => row.staffNo)).toEqual(['200010', '200011', '200012', '200013', '200014', '200015', '200016', '200017', '200018', '200019'])
    expect(rowIds(await allRows(PEOPLE.office, { q: '200058' }))).toEqual([TARGET])
    expect(await allRows(PEOPLE.office, { q: '0058' })).toEqual([])
  })

  it('trims the search; a blank search lists everyone', async () => {
    expect(rowIds(await allRows(PEOPLE.office, { q: ' 200058 ' }))).toEqual([TARGET])
    expect(await allRows(PEOPLE.office, { q: '   ' })).toHaveLength(300)
  })

  it('combines unit, search and paging', async () => {
    const unit05 = await storedMembers({ unitId: 'unit05' })
    const rows = await allRows(PEOPLE.office, { unitId: 'unit05', q: '2002' }, 2)
    expect(rowIds(rows)).toEqual(idsOf(unit05.filter((member) => member.staffNo.startsWith('2002'))))
    expect(rows.length).toBeGreaterThan(2)
  })

  it('shows only members who have left with status left, and only the retired with status retired', async () => {
    expect(await allRows(PEOPLE.office, { status: 'left' })).toEqual([])
    await store.update('members', { _id: { $in: [TARGET, PEOPLE.retired] } }, { $set: { status: 'left' } })
    const left = await allRows(PEOPLE.office, { status: 'left' })
    expect(rowIds(left)).toEqual([PEOPLE.retired, TARGET])
    expect(left.every((row) => row.status === 'left')).toBe(true)
    expect(rowIds(await allRows(PEOPLE.office))).not.toContain(TARGET)
    const retired = await allRows(PEOPLE.office, { status: 'retired' })
    expect(retired.length).toBeGreaterThan(0)
    expect(retired.every((row) => row.status === 'retired')).toBe(true)
    expect(rowIds(retired)).toEqual(idsOf(await storedMembers({ status: 'retired' })))
  })

  it('marks who is bound: the seed leaves m0291..m0300 unbound', async () => {
    const rows = await allRows(PEOPLE.office)
    const unbound = rows.filter((row) => !row.bound).map((row) => row.id)
    expect(unbound).toEqual(['m0291', 'm0292', 'm0293', 'm0294', 'm0295', 'm0296', 'm0297', 'm0298', 'm0299', 'm0300'])
  })

  it('changes nothing', async () => {
    const before = await snapshot(store)
    await allRows(PEOPLE.office, { q: '建' })
    expect(await snapshot(store)).toEqual(before)
  })
})

describe('roster masks phone and birth year', () => {
  it('in every row, keeping the prefix and last four digits of the phone and the birthday', async () => {
    const rows = await allRows(PEOPLE.office)
    const stored = new Map((await storedMembers()).map((member): [string, MemberDoc] => [member._id, member]))
    expect(rows).toHaveLength(300)
    for (const row of rows) {
      const member = stored.get(row.id)!
      expect(row.phone).toMatch(MASKED_PHONE)
      expect(row.birthDate).toMatch(MASKED_BIRTH_DATE)
      expect(row.phone).toBe(`${member.phone.slice(0, 3)}****${member.phone.slice(-4)}`)
      expect(row.birthDate).toBe(`****${member.birthDate.slice(4)}`)
    }
  })

  it('never answers a full phone number or birth date from the store, nor fields a row does not show', async () => {
    const members = await storedMembers()
    const text = JSON.stringify([...(await allRows(PEOPLE.office)), ...(await allRows(PEOPLE.unitAdmin))])
    for (const member of members) {
      expect(text).not.toContain(member.phone)
      expect(text).not.toContain(member.birthDate)
    }
    // Nor the record's facts: an age would give the masked birth year away.
    for (const field of ['memberSince', 'roles', 'unitId', 'createdAt', '_id', 'age', 'youth', 'womanStaff']) {
      expect(text).not.toContain(`"${field}"`)
    }
  })

  it('answers rows of exactly the row’s fields', async () => {
    const [row] = expectOk(await roster(PEOPLE.office, { q: '200058' })).items
    const member = (await store.get('members', TARGET))!
    expect(row).toEqual({
      id: TARGET,
      staffNo: '200058',
      name: '邵文',
      gender: 'male',
      unitName: '后勤保障分工会',
      status: 'active',
      phone: `155****${member.phone.slice(-4)}`,
      birthDate: '****-10-09',
      duesPaid: false,
      bound: true,
    })
  })
})

describe('roster for a unit admin (m0010: unitAdmin of unit05, themself of unit12)', () => {
  it('lists their unit’s members only, masked', async () => {
    const rows = await allRows(PEOPLE.unitAdmin)
    expect(rowIds(rows)).toEqual(idsOf(await storedMembers({ unitId: 'unit05' })))
    expect(rows).toHaveLength(17)
    expect(rowIds(rows)).not.toContain(PEOPLE.unitAdmin)
    for (const row of rows) {
      expect(row.unitName).toBe('文学院分工会')
      expect(row.phone).toMatch(MASKED_PHONE)
      expect(row.birthDate).toMatch(MASKED_BIRTH_DATE)
    }
  })

  it('may name their own unit, and search within it', async () => {
    expect(rowIds(await allRows(PEOPLE.unitAdmin, { unitId: 'unit05' }))).toEqual(idsOf(await storedMembers({ unitId: 'unit05' })))
    // 周建华 (unit01) matches 建 but is outside the scope; 卢阳建 (m0015) is in unit05.
    expect(rowIds(await allRows(PEOPLE.unitAdmin, { q: '建' }))).toEqual(['m0015'])
    expect(await allRows(PEOPLE.unitAdmin, { q: '200058' })).toEqual([])
  })

  it('is refused another unit, even their own member unit, and changes nothing', async () => {
    for (const unitId of ['unit02', 'unit12', 'unit99']) {
      const before = await snapshot(store)
      const failure = expectFailure(await roster(PEOPLE.unitAdmin, { unitId }), 'FORBIDDEN')
      expect(failure.message).toBe('您只能处理本人所负责分工会的事务')
      expect(await snapshot(store)).toEqual(before)
    }
  })

  it('follows the stored grants: another unit granted, both units listed; all revoked, refused', async () => {
    await store.update('members', { _id: PEOPLE.unitAdmin }, { $push: { roles: 'unitAdmin:unit03' } })
    const rows = await allRows(PEOPLE.unitAdmin)
    expect(new Set(rows.map((row) => row.unitName))).toEqual(new Set(['文学院分工会', '后勤保障分工会']))
    expect(rows).toHaveLength(17 + 11)
    expect(rowIds(await allRows(PEOPLE.unitAdmin, { unitId: 'unit03' }))).toContain(TARGET)
    await store.update('members', { _id: PEOPLE.unitAdmin }, { $set: { roles: ['delegate:session-6-2'] } })
    expectFailure(await roster(PEOPLE.unitAdmin), 'FORBIDDEN')
  })
})

describe('roster refuses', () => {
  it('a plain member, a delegate and a retired member', async () => {
    for (const who of [PEOPLE.unit01Member, PEOPLE.delegate, PEOPLE.retired]) {
      const failure = expectFailure(await roster(who), 'FORBIDDEN')
      expect(failure.message).toBe('仅校工会管理员或分工会管理员可以进行此操作')
      expectFailure(await roster(who, { unitId: 'unit01' }), 'FORBIDDEN')
    }
  })

  it('a unit admin who has left, as having left', async () => {
    await store.update('members', { _id: PEOPLE.unitAdmin }, { $set: { status: 'left' } })
    expect(expectFailure(await roster(PEOPLE.unitAdmin), 'FORBIDDEN').message).toContain('离校')
  })
})

describe('memberRecord', () => {
  it('gives the union office the full record', async () => {
    const member = (await store.get('members', TARGET))!
    expect(expectOk(await callAs(store, 'members', PEOPLE.office, 'memberRecord', { memberId: TARGET }))).toEqual({
      id: TARGET,
      staffNo: '200058',
      name: '邵文',
      gender: 'male',
      unitId: 'unit03',
      unitName: '后勤保障分工会',
      status: 'active',
      phone: member.phone,
      birthDate: '1998-10-09',
      memberSince: '2025-09-01',
      duesPaid: false,
      bound: true,
      roles: [],
      // Born 1998-10-09: 28 on 2026-11-20, active, under the default 40, a man.
      age: 28,
      youth: true,
      womanStaff: false,
      bindingPaused: false,
    })
    expect(member.phone).toMatch(/^1\d{10}$/)
  })

  it('tells a retired member’s age, and that the retired are neither youth nor women staff', async () => {
    // m0016 郝健, born 1953-04-02, retired.
    expect(expectOk(await callAs(store, 'members', PEOPLE.office, 'memberRecord', { memberId: PEOPLE.retired }))).toMatchObject({
      status: 'retired',
      age: 73,
      youth: false,
      womanStaff: false,
    })
    // A retired woman of the seed (the 离退休分工会 are all retired).
    const [retiredWoman] = await storedMembers({ status: 'retired', gender: 'female' })
    const record = expectOk(await callAs(store, 'members', PEOPLE.office, 'memberRecord', { memberId: retiredWoman._id }))
    expect(record).toMatchObject({ gender: 'female', status: 'retired', age: completedYears(retiredWoman.birthDate, TODAY), youth: false, womanStaff: false })
  })

  it('labels roles and tells an unbound member', async () => {
    expect(expectOk(await callAs(store, 'members', PEOPLE.office2, 'memberRecord', { memberId: PEOPLE.unitAdmin }))).toMatchObject({
      unitId: 'unit12',
      bound: true,
      roles: [
        { role: 'unitAdmin', scope: 'unit05', label: '分工会管理员（文学院分工会）' },
        { role: 'delegate', scope: 'session-6-2', label: '教代会代表（六届二次）' },
      ],
    })
    expect(expectOk(await callAs(store, 'members', PEOPLE.office, 'memberRecord', { memberId: PEOPLE.unboundMember })).bound).toBe(false)
  })

  it('answers NOT_FOUND for an unknown member', async () => {
    expectFailure(await callAs(store, 'members', PEOPLE.office, 'memberRecord', { memberId: 'm9999' }), 'NOT_FOUND')
  })

  it('is refused to a unit admin, even for a member of their unit, and to a plain member', async () => {
    const failure = expectFailure(await callAs(store, 'members', PEOPLE.unitAdmin, 'memberRecord', { memberId: 'm0006' }), 'FORBIDDEN')
    expect(failure.message).toBe('仅校工会管理员可以进行此操作')
    expect(JSON.stringify(failure)).not.toContain((await store.get('members', 'm0006'))!.phone)
    expectFailure(await callAs(store, 'members', PEOPLE.unit01Member, 'memberRecord', { memberId: PEOPLE.unit01Member }), 'FORBIDDEN')
  })
})

describe('updateMember', () => {
  it('refuses a save whose form was filled before someone else changed the record, changing nothing; a fresh one saves', async () => {
    const base = memberEdit(TARGET)
    // Meanwhile another admin records the dues as paid.
    expectOk(await callAs(store, 'members', PEOPLE.office2, 'updateMember', { memberId: TARGET, member: memberEdit(TARGET, { duesPaid: true }) }))
    const before = await snapshot(store)
    const stale = { memberId: TARGET, member: memberEdit(TARGET, { name: '邵文文' }), base }
    const failure = expectFailure(await callAs(store, 'members', PEOPLE.office, 'updateMember', stale), 'CONFLICT')
    expect(failure.message).toBe('您打开之后，这位会员的信息已被修改（其他管理员或导入名册）：请返回刷新后再修改，以免覆盖别人的改动')
    expect(await snapshot(store)).toEqual(before)
    const fresh = { memberId: TARGET, member: memberEdit(TARGET, { name: '邵文文', duesPaid: true }), base: memberEdit(TARGET, { duesPaid: true }) }
    expect(expectOk(await callAs(store, 'members', PEOPLE.office, 'updateMember', fresh))).toMatchObject({ name: '邵文文', duesPaid: true })
  })

  it('changes the fields and answers the full record', async () => {
    const record = expectOk(
      await update({ name: '邵文文', phone: '13900001111', unitId: 'unit05', birthDate: '1998-10-10', memberSince: '2024-09-01', duesPaid: true, gender: 'female', status: 'retired' }),
    )
    expect(record).toMatchObject({
      id: TARGET,
      staffNo: '200058',
      name: '邵文文',
      gender: 'female',
      unitId: 'unit05',
      unitName: '文学院分工会',
      status: 'retired',
      phone: '13900001111',
      birthDate: '1998-10-10',
      memberSince: '2024-09-01',
      duesPaid: true,
      bound: true,
      // The facts of the saved record: 28 on 2026-11-20, but retired, so neither youth nor women staff.
      age: 28,
      youth: false,
      womanStaff: false,
    })
    const stored = (await store.get('members', TARGET))!
    expect(stored).toMatchObject({
      staffNo: '200058',
      name: '邵文文',
      phone: '13900001111',
      unitId: 'unit05',
      status: 'retired',
      roles: [],
      createdAt: NOW.toISOString(),
    })
    expect(expectOk(await callAs(store, 'members', PEOPLE.office, 'memberRecord', { memberId: TARGET }))).toEqual(record)
  })

  it('answers the facts of the saved record: a new birth date, gender and status change them', async () => {
    // Each save sends the whole record: the seed's fields with these changes.
    const female = { gender: 'female' }
    expect(expectOk(await update(female))).toMatchObject({ age: 28, youth: true, womanStaff: true })
    // 40 tomorrow: still 39 today, so still youth under 40.
    expect(expectOk(await update({ ...female, birthDate: '1986-11-21' }))).toMatchObject({ age: 39, youth: true, womanStaff: true })
    // 40 today: no longer youth.
    expect(expectOk(await update({ ...female, birthDate: '1986-11-20' }))).toMatchObject({ age: 40, youth: false, womanStaff: true })
    expect(expectOk(await update({ ...female, birthDate: '1996-11-20', status: 'left' }))).toMatchObject({ age: 30, youth: false, womanStaff: false })
    expect(expectOk(await update({ ...female, birthDate: '1996-11-20', status: 'retired' }))).toMatchObject({ youth: false, womanStaff: false })
  })

  it('trims the name', async () => {
    expect(expectOk(await update({ name: '  邵文  ' }))).toMatchObject({ name: '邵文' })
    expect(await auditEntries()).toEqual([])
  })

  it('writes one audit entry with every field before and after, in Chinese', async () => {
    const before = (await store.get('members', TARGET))!
    expectOk(await update({ phone: '13900001111', unitId: 'unit05' }, PEOPLE.office2))
    const entries = await auditEntries()
    expect(entries).toEqual([
      {
        _id: expect.any(String),
        at: NOW.toISOString(),
        actorId: PEOPLE.office2,
        actorName: '沈丽萍',
        action: 'members.update',
        targetType: 'member',
        targetId: TARGET,
        target: '邵文（200058）',
        before: {
          姓名: '邵文',
          性别: '男',
          出生日期: '1998-10-09',
          分工会: '后勤保障分工会',
          手机号: before.phone,
          人员状态: '在职',
          入会时间: '2025-09-01',
          会费状态: '未缴',
        },
        after: {
          姓名: '邵文',
          性别: '男',
          出生日期: '1998-10-09',
          分工会: '文学院分工会',
          手机号: '13900001111',
          人员状态: '在职',
          入会时间: '2025-09-01',
          会费状态: '未缴',
        },
      },
    ])
  })

  it('shows the entry in audit.list under its action, labelled', async () => {
    expectOk(await update({ phone: '13900001111' }))
    const page = expectOk(await callAs(store, 'audit', PEOPLE.office, 'list', { action: 'members.update' }))
    expect(page.items).toHaveLength(1)
    expect(page.items[0]).toMatchObject({
      action: 'members.update',
      actorId: PEOPLE.office,
      target: '邵文（200058）',
      after: expect.objectContaining({ 手机号: '13900001111' }),
    })
  })

  it('names the member as they were in the audit target; labels status and dues', async () => {
    expectOk(await update({ name: '邵武', status: 'left', duesPaid: true }))
    const [entry] = await auditEntries()
    expect(entry.target).toBe('邵文（200058）')
    expect(entry.before).toMatchObject({ 姓名: '邵文', 人员状态: '在职', 会费状态: '未缴' })
    expect(entry.after).toMatchObject({ 姓名: '邵武', 人员状态: '离校', 会费状态: '已缴' })
  })

  it('writes no entry for a save that changes nothing: a second identical save, or the record as it is', async () => {
    const first = expectOk(await update({ phone: '13900001111' }))
    expect(await auditEntries()).toHaveLength(1)
    const afterFirst = await snapshot(store)
    const second = expectOk(await update({ phone: '13900001111' }))
    expect(second).toEqual(first)
    expect(await snapshot(store)).toEqual(afterFirst)
    expect(await auditEntries()).toHaveLength(1)
    // Saving an untouched record writes nothing at all.
    const untouched = await snapshot(store)
    expectOk(await update({}, PEOPLE.office, PEOPLE.unit01Member))
    expect(await snapshot(store)).toEqual(untouched)
  })

  it('accepts today’s date in Shanghai, even while it is still yesterday in UTC', async () => {
    // 2026-11-20T16:30Z is 2026-11-21 00:30 in Shanghai.
    const now = later(14.5 * 3_600_000)
    const result = await callAs(
      store,
      'members',
      PEOPLE.office,
      'updateMember',
      { memberId: TARGET, member: memberEdit(TARGET, { memberSince: '2026-11-21' }) },
      { now },
    )
    expect(expectOk(result).memberSince).toBe('2026-11-21')
    expect(expectOk(await update({ birthDate: '2026-11-20', memberSince: '2026-11-20' })).birthDate).toBe('2026-11-20')
  })

  it('answers NOT_FOUND for an unknown member and writes nothing', async () => {
    const before = await snapshot(store)
    const payload = { memberId: 'm9999', member: memberEdit(TARGET) }
    expectFailure(await callAs(store, 'members', PEOPLE.office, 'updateMember', payload), 'NOT_FOUND')
    expect(await snapshot(store)).toEqual(before)
  })

  it('is refused to a unit admin, even for a member of their unit, and to a plain member; nothing changes', async () => {
    for (const [who, memberId] of [
      [PEOPLE.unitAdmin, 'm0006'],
      [PEOPLE.unitAdmin, PEOPLE.unitAdmin],
      [PEOPLE.unit01Member, PEOPLE.unit01Member],
    ]) {
      const before = await snapshot(store)
      const failure = expectFailure(await update({ phone: '13900001111' }, who, memberId), 'FORBIDDEN')
      expect(failure.message).toBe('仅校工会管理员可以进行此操作')
      expect(await snapshot(store)).toEqual(before)
    }
  })

  it('moving a member to unit05 shows them to the unit05 admin, masked; moving them away hides them', async () => {
    expect(await allRows(PEOPLE.unitAdmin, { q: '200058' })).toEqual([])
    expectOk(await update({ unitId: 'unit05' }))
    const [row] = await allRows(PEOPLE.unitAdmin, { q: '200058' })
    expect(row).toMatchObject({ id: TARGET, unitName: '文学院分工会', phone: expect.stringMatching(MASKED_PHONE) })
    expect(await allRows(PEOPLE.unitAdmin)).toHaveLength(18)
    expectOk(await update({ unitId: 'unit03' }))
    expect(await allRows(PEOPLE.unitAdmin, { q: '200058' })).toEqual([])
    expect(await auditEntries()).toHaveLength(2)
  })

  it('setting status left refuses the member’s next call as having left (离校), and lists them only under left', async () => {
    expectOk(await callAs(store, 'members', TARGET, 'me'))
    expectOk(await update({ status: 'left' }))
    const failure = expectFailure(await callAs(store, 'members', TARGET, 'me'), 'FORBIDDEN')
    expect(failure.message).toContain('离校')
    expect(expectFailure(await callAs(store, 'notices', TARGET, 'home'), 'FORBIDDEN').message).toContain('离校')
    expect(rowIds(await allRows(PEOPLE.office))).not.toContain(TARGET)
    expect(rowIds(await allRows(PEOPLE.office, { status: 'left' }))).toEqual([TARGET])
    // Their record stays for the union office, and setting them active again lets them back in.
    expect(expectOk(await callAs(store, 'members', PEOPLE.office, 'memberRecord', { memberId: TARGET })).status).toBe('left')
    expectOk(await update({ status: 'active' }))
    expectOk(await callAs(store, 'members', TARGET, 'me'))
  })

  it('setting a unit admin left takes their roster away', async () => {
    expectOk(await update({ status: 'left' }, PEOPLE.office, PEOPLE.unitAdmin))
    expect(expectFailure(await roster(PEOPLE.unitAdmin), 'FORBIDDEN').message).toContain('离校')
  })
})

describe('updateMember: the union office cannot lock itself out', () => {
  it('refuses marking oneself left, and changes nothing', async () => {
    const before = await snapshot(store)
    const answer = expectFailure(await update({ status: 'left' }, PEOPLE.office, PEOPLE.office), 'FORBIDDEN')
    expect(answer.message).toContain('不能将自己设为离校')
    expect(await snapshot(store)).toEqual(before)
  })
})

/**
 * The union-wide settings: `members.settings` (union office and unit admins read them) and `members.updateSettings`
 * (union office; audited), and the member facts that follow them: `age`, `youth` and `womanStaff` in a member's
 * record, and the roster's `group` filter ('youth': active and under the set age; 'women': active women).
 *
 * Expectations come from the seed (`demoMembers(NOW)`) and this file's own arithmetic (`completedYears` on TODAY,
 * the Shanghai day of NOW), never from the functions' own rules.
 */
import type { MemberDoc } from '../../cloudfunctions/core/collections'
import { demoMembers } from '../../scripts/seed/demoUnion'
import type { RosterRow } from '../../types/members'
import {
  HOUR,
  NOW,
  PEOPLE,
  TODAY,
  callAs,
  completedYears,
  demoMember,
  expectFailure,
  expectOk,
  later,
  memberEdit,
  seededStore,
  snapshot,
  type Who,
  type TestStore,
} from './harness'

/** The event kinds' templates, none set (工会设置 lists every kind's). */
/** The retirement ages until the union office sets them: men 60, women 55. */
const AGES = { male: 60, female: 55 }
const DEFAULT_AGES = { 退休年龄: '男 60 周岁，女 55 周岁' }

const UNSET_TEMPLATES = {
  '订阅消息模板（活动提醒）': '未设置',
  '订阅消息模板（报名结果）': '未设置',
  '订阅消息模板（活动取消）': '未设置',
  '订阅消息模板（福利发放）': '未设置',
  '订阅消息模板（福利领取提醒）': '未设置',
  '订阅消息模板（慰问申请进度）': '未设置',
  '订阅消息模板（提案附议邀请）': '未设置',
  '订阅消息模板（提案进度）': '未设置',
}

let store: TestStore

beforeEach(async () => {
  store = await seededStore()
})

afterEach(() => store.close())

const readSettings = (who: Who = PEOPLE.office) => callAs(store, 'members', who, 'settings')
const saveSettings = (youthUnderAge: number, who: Who = PEOPLE.office, now: Date = NOW) =>
  callAs(store, 'members', who, 'updateSettings', { youthUnderAge }, { now })
const settingsEntries = () => store.find('auditLog', { action: 'settings.update' }, { sort: { at: 1 } })
const recordOf = (memberId: string, now: Date = NOW) => callAs(store, 'members', PEOPLE.office, 'memberRecord', { memberId }, { now })

/** Every roster row the query answers, following `hasMore` page by page. */
async function allRows(who: Who, query: Record<string, unknown> = {}, limit = 50): Promise<RosterRow[]> {
  const rows: RosterRow[] = []
  for (let offset = 0; ; offset += limit) {
    const page = expectOk(await callAs(store, 'members', who, 'roster', { ...query, offset, limit }))
    rows.push(...page.items)
    if (!page.hasMore) return rows
    expect(page.items).toHaveLength(limit)
  }
}

const rowIds = (rows: RosterRow[]) => rows.map((row) => row.id)

/** The seed's members in staff-number order (the roster's order). */
const SEED = [...demoMembers(NOW)].sort((a, b) => a.staffNo.localeCompare(b.staffNo))
const ageToday = (member: MemberDoc) => completedYears(member.birthDate, TODAY)
/** The seed's youth under `underAge` and its women staff, worked out here. */
const youthOf = (underAge: number) => SEED.filter((member) => member.status === 'active' && ageToday(member) < underAge)
const WOMEN = SEED.filter((member) => member.status === 'active' && member.gender === 'female')
const idsOf = (members: MemberDoc[]) => members.map((member) => member._id)

/** m0044 吕静慧, unit02, an active woman born 1989-08-03: 37 on 2026-11-20, youth under 40 but not under 35. */
const AGED_37 = 'm0044'
/** m0019 廖月佳 (PEOPLE.unit01Member), an active woman born 1991-07-16: exactly 35. */
const AGED_35 = PEOPLE.unit01Member

describe('the seed these tests rely on', () => {
  it('has members either side of the ages the tests move the line across', () => {
    expect(ageToday(demoMember(AGED_37))).toBe(37)
    expect(demoMember(AGED_37)).toMatchObject({ status: 'active', gender: 'female', unitId: 'unit02' })
    expect(ageToday(demoMember(AGED_35))).toBe(35)
    expect(demoMember(AGED_35)).toMatchObject({ status: 'active', gender: 'female', unitId: 'unit01' })
    // Youth under 40 outnumber youth under 35 (those 35..39 drop out). At NOW the seed has 101 youth under 40, 56
    // under 35 and 152 women staff; the tests compare whole lists worked out from the seed, not these counts.
    expect(youthOf(35).length).toBeGreaterThan(0)
    expect(youthOf(40).length).toBeGreaterThan(youthOf(35).length)
    // Retired women exist (all in 离退休分工会), so "never retired women" is tested against real ones.
    expect(SEED.filter((member) => member.status === 'retired' && member.gender === 'female').length).toBeGreaterThan(0)
  })
})

describe('settings', () => {
  it('defaults to 40 before anything is saved, for the union office and a unit admin alike', async () => {
    expect(await store.count('settings')).toBe(0)
    expect(expectOk(await readSettings())).toEqual({ youthUnderAge: 40, templateIds: {}, retirementAges: AGES })
    expect(expectOk(await readSettings(PEOPLE.unitAdmin))).toEqual({ youthUnderAge: 40, templateIds: {}, retirementAges: AGES })
  })

  it('answers what the union office saved', async () => {
    expectOk(await saveSettings(35))
    expect(expectOk(await readSettings())).toEqual({ youthUnderAge: 35, templateIds: {}, retirementAges: AGES })
    expect(expectOk(await readSettings(PEOPLE.unitAdmin))).toEqual({ youthUnderAge: 35, templateIds: {}, retirementAges: AGES })
  })

  it('is refused to an ordinary member, a delegate and a retired member, and to an unbound user', async () => {
    for (const who of [PEOPLE.unit01Member, PEOPLE.delegate, PEOPLE.retired]) {
      const failure = expectFailure(await readSettings(who), 'FORBIDDEN')
      expect(failure.message).toBe('仅校工会管理员或分工会管理员可以进行此操作')
    }
    expectFailure(await readSettings(PEOPLE.strangerOpenid), 'NOT_BOUND')
    expectFailure(await readSettings('anonymous'), 'NOT_SIGNED_IN')
  })

  it('reading changes nothing', async () => {
    const before = await snapshot(store)
    expectOk(await readSettings())
    expectOk(await readSettings(PEOPLE.unitAdmin))
    expect(await snapshot(store)).toEqual(before)
  })
})

describe('updateSettings', () => {
  it('the union office changes the youth age: the answer, the stored document and exactly one audit entry', async () => {
    expect(expectOk(await saveSettings(35))).toEqual({ youthUnderAge: 35, templateIds: {}, retirementAges: AGES })
    expect(await store.find('settings')).toEqual([
      { _id: 'union', youthUnderAge: 35, templateIds: {}, retirementAges: AGES, updatedAt: NOW.toISOString(), updatedBy: PEOPLE.office },
    ])
    expect(await store.find('auditLog')).toEqual([
      {
        _id: expect.any(String),
        at: NOW.toISOString(),
        actorId: PEOPLE.office,
        actorName: '周建华',
        action: 'settings.update',
        targetType: 'settings',
        targetId: 'union',
        target: '工会设置',
        before: { 青年教职工: '40 周岁以下', '订阅消息模板（通知公告）': '未设置', ...UNSET_TEMPLATES, ...DEFAULT_AGES },
        after: { 青年教职工: '35 周岁以下', '订阅消息模板（通知公告）': '未设置', ...UNSET_TEMPLATES, ...DEFAULT_AGES },
      },
    ])
  })

  it('saving the same value again writes nothing: no second entry, the document untouched', async () => {
    expectOk(await saveSettings(35))
    const saved = await snapshot(store)
    // Later, by another union office member: still nothing to record.
    expect(expectOk(await saveSettings(35, PEOPLE.office2, later(HOUR)))).toEqual({ youthUnderAge: 35, templateIds: {}, retirementAges: AGES })
    expect(await snapshot(store)).toEqual(saved)
    expect(await settingsEntries()).toHaveLength(1)
  })

  it('saving the default before anything was saved writes nothing at all', async () => {
    const before = await snapshot(store)
    expect(expectOk(await saveSettings(40))).toEqual({ youthUnderAge: 40, templateIds: {}, retirementAges: AGES })
    expect(await snapshot(store)).toEqual(before)
    expect(await store.count('settings')).toBe(0)
  })

  it('a later change records the stored value as before, and who changed it when', async () => {
    expectOk(await saveSettings(35))
    expect(expectOk(await saveSettings(45, PEOPLE.office2, later(HOUR)))).toEqual({ youthUnderAge: 45, templateIds: {}, retirementAges: AGES })
    // Back to the default is a change too, and is stored (not deleted).
    expect(expectOk(await saveSettings(40, PEOPLE.office, later(2 * HOUR)))).toEqual({ youthUnderAge: 40, templateIds: {}, retirementAges: AGES })
    expect(await store.find('settings')).toEqual([
      { _id: 'union', youthUnderAge: 40, templateIds: {}, retirementAges: AGES, updatedAt: later(2 * HOUR).toISOString(), updatedBy: PEOPLE.office },
    ])
    const entries = await settingsEntries()
    expect(entries.map(({ actorName, before, after }) => ({ actorName, before, after }))).toEqual([
      { actorName: '周建华', before: { 青年教职工: '40 周岁以下', '订阅消息模板（通知公告）': '未设置', ...UNSET_TEMPLATES, ...DEFAULT_AGES }, after: { 青年教职工: '35 周岁以下', '订阅消息模板（通知公告）': '未设置', ...UNSET_TEMPLATES, ...DEFAULT_AGES } },
      { actorName: '沈丽萍', before: { 青年教职工: '35 周岁以下', '订阅消息模板（通知公告）': '未设置', ...UNSET_TEMPLATES, ...DEFAULT_AGES }, after: { 青年教职工: '45 周岁以下', '订阅消息模板（通知公告）': '未设置', ...UNSET_TEMPLATES, ...DEFAULT_AGES } },
      { actorName: '周建华', before: { 青年教职工: '45 周岁以下', '订阅消息模板（通知公告）': '未设置', ...UNSET_TEMPLATES, ...DEFAULT_AGES }, after: { 青年教职工: '40 周岁以下', '订阅消息模板（通知公告）': '未设置', ...UNSET_TEMPLATES, ...DEFAULT_AGES } },
    ])
    expect(entries.map((entry) => entry.at)).toEqual([NOW, later(HOUR), later(2 * HOUR)].map((at) => at.toISOString()))
  })

  it('accepts the bounds 25 and 60', async () => {
    expect(expectOk(await saveSettings(25))).toEqual({ youthUnderAge: 25, templateIds: {}, retirementAges: AGES })
    expect(expectOk(await saveSettings(60))).toEqual({ youthUnderAge: 60, templateIds: {}, retirementAges: AGES })
    expect(await settingsEntries()).toHaveLength(2)
  })

  it('refuses an age out of range, writing nothing', async () => {
    const before = await snapshot(store)
    for (const youthUnderAge of [24, 61]) expectFailure(await saveSettings(youthUnderAge), 'INVALID_INPUT')
    expect(await snapshot(store)).toEqual(before)
  })

  it('a unit admin can read the settings but not change them; nothing changes', async () => {
    expectOk(await saveSettings(35))
    const before = await snapshot(store)
    expect(expectOk(await readSettings(PEOPLE.unitAdmin))).toEqual({ youthUnderAge: 35, templateIds: {}, retirementAges: AGES })
    const failure = expectFailure(await saveSettings(45, PEOPLE.unitAdmin), 'FORBIDDEN')
    expect(failure.message).toBe('仅校工会管理员可以进行此操作')
    expect(await snapshot(store)).toEqual(before)
    expect(expectOk(await readSettings())).toEqual({ youthUnderAge: 35, templateIds: {}, retirementAges: AGES })
  })

  it('an ordinary member is refused both reading and changing; nothing changes', async () => {
    const before = await snapshot(store)
    expect(expectFailure(await readSettings(PEOPLE.unit01Member), 'FORBIDDEN').message).toBe('仅校工会管理员或分工会管理员可以进行此操作')
    expect(expectFailure(await saveSettings(35, PEOPLE.unit01Member), 'FORBIDDEN').message).toBe('仅校工会管理员可以进行此操作')
    expectFailure(await saveSettings(35, PEOPLE.delegate), 'FORBIDDEN')
    expectFailure(await saveSettings(35, PEOPLE.strangerOpenid), 'NOT_BOUND')
    expect(await snapshot(store)).toEqual(before)
    expect(await store.count('settings')).toBe(0)
  })

  it('a union office member who has left is refused as having left', async () => {
    await store.update('members', { _id: PEOPLE.office2 }, { $set: { status: 'left' } })
    expect(expectFailure(await saveSettings(35, PEOPLE.office2), 'FORBIDDEN').message).toContain('离校')
    expect(await store.count('settings')).toBe(0)
  })
})

describe('member facts in memberRecord', () => {
  it('every demo member’s age, youth and women-staff facts on 2026-11-20 with the default 40', async () => {
    for (const member of SEED) {
      const age = ageToday(member)
      expect(expectOk(await recordOf(member._id))).toMatchObject({
        id: member._id,
        age,
        youth: member.status === 'active' && age < 40,
        womanStaff: member.status === 'active' && member.gender === 'female',
      })
    }
  })

  it('youth follows the setting: a member aged 37 stops being youth when the age goes 40 → 35, and is again at 38', async () => {
    expect(expectOk(await recordOf(AGED_37))).toMatchObject({ age: 37, youth: true, womanStaff: true })
    expectOk(await saveSettings(35))
    expect(expectOk(await recordOf(AGED_37))).toMatchObject({ age: 37, youth: false, womanStaff: true })
    expectOk(await saveSettings(38))
    expect(expectOk(await recordOf(AGED_37))).toMatchObject({ age: 37, youth: true })
    // Under 37 means up to 36.
    expectOk(await saveSettings(37))
    expect(expectOk(await recordOf(AGED_37))).toMatchObject({ age: 37, youth: false })
  })

  it('"under 35" leaves out a member of exactly 35, "under 36" takes them in', async () => {
    expectOk(await saveSettings(35))
    expect(expectOk(await recordOf(AGED_35))).toMatchObject({ age: 35, youth: false })
    expectOk(await saveSettings(36))
    expect(expectOk(await recordOf(AGED_35))).toMatchObject({ age: 35, youth: true })
  })

  it('counts age on the Shanghai day of now, not the UTC day', async () => {
    // Born 1986-11-21: turns 40 on 2026-11-21, which begins in Shanghai at 2026-11-20T16:00Z.
    await store.update('members', { _id: AGED_37 }, { $set: { birthDate: '1986-11-21' } })
    expect(expectOk(await recordOf(AGED_37, new Date('2026-11-20T15:59:59.000Z')))).toMatchObject({ age: 39, youth: true })
    expect(expectOk(await recordOf(AGED_37, new Date('2026-11-20T16:00:00.000Z')))).toMatchObject({ age: 40, youth: false })
    expect(expectOk(await recordOf(AGED_37, new Date('2026-11-20T16:30:00.000Z')))).toMatchObject({ age: 40, youth: false })
  })

  it('updateMember answers the facts with the stored setting', async () => {
    expectOk(await saveSettings(35))
    const payload = { memberId: AGED_37, member: memberEdit(AGED_37, { birthDate: '1992-01-01' }) }
    const record = expectOk(await callAs(store, 'members', PEOPLE.office, 'updateMember', payload))
    // Born 1992-01-01: 34 on 2026-11-20, under 35.
    expect(record).toMatchObject({ age: 34, youth: true, womanStaff: true })
  })
})

describe('roster group: youth', () => {
  it('lists exactly the active members under 40, in staff-number order, none retired', async () => {
    const rows = await allRows(PEOPLE.office, { group: 'youth' })
    expect(rowIds(rows)).toEqual(idsOf(youthOf(40)))
    expect(rowIds(rows)).toContain(AGED_37)
    expect(rows.every((row) => row.status === 'active')).toBe(true)
    expect(await allRows(PEOPLE.office, { group: 'youth', status: 'retired' })).toEqual([])
  })

  it('follows the setting: at 35 those aged 35 to 39 drop out, and come back at 40', async () => {
    const under40 = rowIds(await allRows(PEOPLE.office, { group: 'youth' }))
    expectOk(await saveSettings(35))
    const under35 = rowIds(await allRows(PEOPLE.office, { group: 'youth' }))
    expect(under35).toEqual(idsOf(youthOf(35)))
    expect(under35).not.toContain(AGED_37)
    expect(under35).not.toContain(AGED_35)
    const dropped = under40.filter((id) => !under35.includes(id))
    expect(dropped).toEqual(idsOf(SEED.filter((member) => member.status === 'active' && ageToday(member) >= 35 && ageToday(member) < 40)))
    expectOk(await saveSettings(40))
    expect(rowIds(await allRows(PEOPLE.office, { group: 'youth' }))).toEqual(under40)
  })

  it('counts age on the Shanghai day of now: a member turning 40 drops out at Shanghai midnight', async () => {
    await store.update('members', { _id: AGED_37 }, { $set: { birthDate: '1986-11-21' } })
    const youthAt = async (now: string) =>
      rowIds(expectOk(await callAs(store, 'members', PEOPLE.office, 'roster', { group: 'youth', q: demoMember(AGED_37).staffNo }, { now: new Date(now) })).items)
    expect(await youthAt('2026-11-20T15:59:59.000Z')).toEqual([AGED_37])
    expect(await youthAt('2026-11-20T16:00:00.000Z')).toEqual([])
  })

  it('an edited birth date moves a member in or out', async () => {
    await store.update('members', { _id: AGED_37 }, { $set: { birthDate: '1980-01-01' } })
    expect(rowIds(await allRows(PEOPLE.office, { group: 'youth' }))).not.toContain(AGED_37)
    await store.update('members', { _id: PEOPLE.retired }, { $set: { birthDate: '1995-01-01' } })
    // Young but retired: not youth staff.
    expect(rowIds(await allRows(PEOPLE.office, { group: 'youth' }))).not.toContain(PEOPLE.retired)
  })
})

describe('roster group: women', () => {
  it('lists only active women: never men, never retired women', async () => {
    const rows = await allRows(PEOPLE.office, { group: 'women' })
    expect(rowIds(rows)).toEqual(idsOf(WOMEN))
    expect(rows.every((row) => row.gender === 'female' && row.status === 'active')).toBe(true)
    // 离退休分工会 has retired women, and none of them are women staff.
    expect(await allRows(PEOPLE.office, { group: 'women', unitId: 'unit20' })).toEqual([])
    expect(await allRows(PEOPLE.office, { group: 'women', status: 'retired' })).toEqual([])
  })

  it('does not follow the youth setting', async () => {
    const before = rowIds(await allRows(PEOPLE.office, { group: 'women' }))
    expectOk(await saveSettings(25))
    expect(rowIds(await allRows(PEOPLE.office, { group: 'women' }))).toEqual(before)
  })

  it('a woman who retires or leaves drops out; a man edited to a woman comes in', async () => {
    await store.update('members', { _id: AGED_37 }, { $set: { status: 'retired' } })
    await store.update('members', { _id: AGED_35 }, { $set: { status: 'left' } })
    await store.update('members', { _id: PEOPLE.unit03Member }, { $set: { gender: 'female' } })
    const ids = rowIds(await allRows(PEOPLE.office, { group: 'women' }))
    expect(ids).not.toContain(AGED_37)
    expect(ids).not.toContain(AGED_35)
    expect(ids).toContain(PEOPLE.unit03Member)
    expect(await allRows(PEOPLE.office, { group: 'women', status: 'left' })).toEqual([])
  })
})

describe('roster group for a unit admin (m0010: unitAdmin of unit05)', () => {
  const unit05 = (members: MemberDoc[]) => members.filter((member) => member.unitId === 'unit05')

  it('lists only their unit’s women and youth', async () => {
    const women = await allRows(PEOPLE.unitAdmin, { group: 'women' })
    expect(rowIds(women)).toEqual(idsOf(unit05(WOMEN)))
    expect(women.length).toBeGreaterThan(0)
    expect(new Set(women.map((row) => row.unitName))).toEqual(new Set(['文学院分工会']))
    // m0010 is a woman of unit12, outside the unit they administer.
    expect(rowIds(women)).not.toContain(PEOPLE.unitAdmin)
    expect(rowIds(await allRows(PEOPLE.unitAdmin, { group: 'youth' }))).toEqual(idsOf(unit05(youthOf(40))))
    expect(rowIds(await allRows(PEOPLE.unitAdmin, { group: 'women', unitId: 'unit05' }))).toEqual(idsOf(unit05(WOMEN)))
  })

  it('follows the setting the union office saves', async () => {
    expectOk(await saveSettings(30))
    expect(rowIds(await allRows(PEOPLE.unitAdmin, { group: 'youth' }))).toEqual(idsOf(unit05(youthOf(30))))
  })

  it('is refused another unit with a group too', async () => {
    const before = await snapshot(store)
    const failure = expectFailure(await callAs(store, 'members', PEOPLE.unitAdmin, 'roster', { group: 'women', unitId: 'unit02' }), 'FORBIDDEN')
    expect(failure.message).toBe('您只能处理本人所负责分工会的事务')
    expect(await snapshot(store)).toEqual(before)
  })
})

describe('roster group combined with search, unit and paging', () => {
  it('women of a unit whose staff number starts with a prefix, two a page', async () => {
    const rows = await allRows(PEOPLE.office, { group: 'women', unitId: 'unit02', q: '2001' }, 2)
    const expected = WOMEN.filter((member) => member.unitId === 'unit02' && member.staffNo.startsWith('2001'))
    expect(rowIds(rows)).toEqual(idsOf(expected))
    expect(rows.length).toBeGreaterThan(2)
  })

  it('youth by part of the name', async () => {
    const rows = await allRows(PEOPLE.office, { group: 'youth', q: '静' })
    const expected = youthOf(40).filter((member) => member.name.includes('静'))
    expect(rowIds(rows)).toEqual(idsOf(expected))
    expect(rowIds(rows)).toContain(AGED_37) // 吕静慧
  })

  it('pages the group, not the whole roster: hasMore until the last page of the group', async () => {
    const expected = idsOf(WOMEN)
    const first = expectOk(await callAs(store, 'members', PEOPLE.office, 'roster', { group: 'women', offset: 0, limit: 10 }))
    expect(rowIds(first.items)).toEqual(expected.slice(0, 10))
    expect(first.hasMore).toBe(true)
    const last = expectOk(await callAs(store, 'members', PEOPLE.office, 'roster', { group: 'women', offset: expected.length - 3, limit: 10 }))
    expect(rowIds(last.items)).toEqual(expected.slice(-3))
    expect(last.hasMore).toBe(false)
    const exact = expectOk(await callAs(store, 'members', PEOPLE.office, 'roster', { group: 'women', offset: expected.length - 10, limit: 10 }))
    expect(exact).toMatchObject({ hasMore: false })
    expect(exact.items).toHaveLength(10)
  })

  it('a search no one in the group matches answers an empty page', async () => {
    // m0058 邵文 is a man: not among the women.
    expect(expectOk(await callAs(store, 'members', PEOPLE.office, 'roster', { group: 'women', q: '200058' }))).toEqual({ items: [], hasMore: false })
    expect(rowIds(await allRows(PEOPLE.office, { group: 'youth', q: '200058' }))).toEqual([PEOPLE.unit03Member])
  })

  it('rows stay masked and carry no facts that would give the birth year away', async () => {
    const rows = await allRows(PEOPLE.office, { group: 'youth' })
    for (const row of rows) {
      expect(row.birthDate).toMatch(/^\*{4}-\d{2}-\d{2}$/)
      expect(row).not.toHaveProperty('age')
      expect(row).not.toHaveProperty('youth')
    }
  })

  it('changes nothing', async () => {
    const before = await snapshot(store)
    await allRows(PEOPLE.office, { group: 'youth', q: '静' })
    await allRows(PEOPLE.unitAdmin, { group: 'women' })
    expect(await snapshot(store)).toEqual(before)
  })
})

describe('subscription templates (工会设置 → 订阅消息模板)', () => {
  const save = (templateIds: Record<string, string> | undefined, youthUnderAge: number, now: Date) =>
    callAs(store, 'members', PEOPLE.office, 'updateSettings', { youthUnderAge, ...(templateIds ? { templateIds } : {}) }, { now })

  it('keeps the id given for a kind (trimmed), audited; saving the youth age alone leaves it; an empty id removes it', async () => {
    expect(expectOk(await save({ notice: ' tmpl-notice-0001 ' }, 40, NOW))).toEqual({ youthUnderAge: 40, templateIds: { notice: 'tmpl-notice-0001' }, retirementAges: AGES })
    expect(expectOk(await save(undefined, 35, later(HOUR)))).toEqual({ youthUnderAge: 35, templateIds: { notice: 'tmpl-notice-0001' }, retirementAges: AGES })
    expect(expectOk(await save({ notice: '' }, 35, later(2 * HOUR)))).toEqual({ youthUnderAge: 35, templateIds: {}, retirementAges: AGES })
    expect((await settingsEntries()).map((entry) => [entry.before, entry.after])).toEqual([
      [
        { 青年教职工: '40 周岁以下', '订阅消息模板（通知公告）': '未设置', ...UNSET_TEMPLATES, ...DEFAULT_AGES },
        { 青年教职工: '40 周岁以下', '订阅消息模板（通知公告）': 'tmpl-notice-0001', ...UNSET_TEMPLATES, ...DEFAULT_AGES },
      ],
      [
        { 青年教职工: '40 周岁以下', '订阅消息模板（通知公告）': 'tmpl-notice-0001', ...UNSET_TEMPLATES, ...DEFAULT_AGES },
        { 青年教职工: '35 周岁以下', '订阅消息模板（通知公告）': 'tmpl-notice-0001', ...UNSET_TEMPLATES, ...DEFAULT_AGES },
      ],
      [
        { 青年教职工: '35 周岁以下', '订阅消息模板（通知公告）': 'tmpl-notice-0001', ...UNSET_TEMPLATES, ...DEFAULT_AGES },
        { 青年教职工: '35 周岁以下', '订阅消息模板（通知公告）': '未设置', ...UNSET_TEMPLATES, ...DEFAULT_AGES },
      ],
    ])
  })
})

describe('retirement ages (工会设置 → 退休年龄)', () => {
  const save = (extra: Record<string, unknown>, now: Date) => callAs(store, 'members', PEOPLE.office, 'updateSettings', { youthUnderAge: 40, ...extra }, { now })

  it('keeps the ages given, audited; saving without them leaves them', async () => {
    expect(expectOk(await save({ retirementAges: { male: 63, female: 58 } }, NOW)).retirementAges).toEqual({ male: 63, female: 58 })
    expect(expectOk(await save({}, later(HOUR))).retirementAges).toEqual({ male: 63, female: 58 })
    expect(await store.get('settings', 'union')).toMatchObject({ retirementAges: { male: 63, female: 58 } })
    expect((await settingsEntries()).map((entry) => [entry.before?.退休年龄, entry.after?.退休年龄])).toEqual([['男 60 周岁，女 55 周岁', '男 63 周岁，女 58 周岁']])
  })

  it('reads the defaults from settings saved before the ages were one', async () => {
    await store.insert('settings', { _id: 'union', youthUnderAge: 38, templateIds: {}, updatedAt: NOW.toISOString(), updatedBy: PEOPLE.office })
    expect(expectOk(await readSettings())).toEqual({ youthUnderAge: 38, templateIds: {}, retirementAges: AGES })
  })
})

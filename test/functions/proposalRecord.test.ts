/**
 * What a congress session shows beyond filing and handling: the sessions the union office sets up, the public record
 * (公开提案, with what the union office withholds), the committee's figures, and the overdue reminders to departments.
 * Over SQLite through the interleaving store, on the demo union: 六届二次 collecting now (its proposals in every state
 * but closed), 六届一次 a year ago with five proposals closed, one of them (六届一次-004) withheld.
 */
import { DAY, PEOPLE, callAs, expectFailure, expectOk, later, runJob, seededStore, snapshot, type TestStore } from './harness'

let store: TestStore

beforeEach(async () => {
  store = await seededStore()
})

afterEach(() => store.close())

const SESSION = 'session-6-2'
const LAST = 'session-6-1'
const MEMBER = PEOPLE.unit01Member

const recordOf = async (who: string, sessionId: string, extra: Record<string, unknown> = {}) => expectOk(await callAs(store, 'proposals', who, 'record', { sessionId, ...extra }))

describe('the public record', () => {
  it('shows every member a session’s accepted proposals by number, with their department, reply and rating', async () => {
    const record = await recordOf(MEMBER, SESSION)
    expect(record.items.map((row) => [row.number, row.title, row.stateLabel, row.leadDeptName, row.outcomeLabel, row.satisfactionLabel])).toEqual([
      ['六届二次-001', '关于改善冬季教室供暖的提案', '已评价', '后勤管理处', '已采纳', '满意'],
      ['六届二次-002', '关于增设教工停车位的提案', '办理中', '后勤管理处', undefined, undefined],
      ['六届二次-003', '关于设立教职工子女暑期托管班的提案', '办理中', '人事处', undefined, undefined],
      ['六届二次-004', '关于提升校园无线网络覆盖的提案', '已立案', undefined, undefined, undefined],
    ])
    expect(record.sessions).toEqual([
      { id: SESSION, name: '六届二次' },
      { id: LAST, name: '六届一次' },
    ])
    expect((await recordOf(MEMBER, SESSION, { category: 'welfare' })).items.map((row) => row.number)).toEqual(['六届二次-003'])
    expect(await recordOf(MEMBER, SESSION, { limit: 2 })).toMatchObject({ hasMore: true })
  })

  it('keeps a withheld proposal from members, but shows it, marked, to the union office and the committee, and to its author', async () => {
    expect((await recordOf(MEMBER, LAST)).items.map((row) => row.number)).toEqual(['六届一次-001', '六届一次-002', '六届一次-003', '六届一次-005'])
    const office = await recordOf(PEOPLE.office, LAST)
    expect(office.items.map((row) => [row.number, row.stateLabel, row.withheldReason])).toEqual([
      ['六届一次-001', '已办结', undefined],
      ['六届一次-002', '已办结', undefined],
      ['六届一次-003', '已办结', undefined],
      ['六届一次-004', '已办结', '答复涉及尚未公开的招标安排，暂不公开'],
      ['六届一次-005', '已办结', undefined],
    ])
    expectFailure(await callAs(store, 'proposals', MEMBER, 'detail', { id: 'proposal-6-1-lab' }), 'NOT_FOUND')
    // Nor among the alike ones while writing; the union office still finds it there.
    const alike = { sessionId: LAST, title: '关于加快实验楼改造进度的提案', text: '实验楼改造工期' }
    expect(expectOk(await callAs(store, 'proposals', MEMBER, 'similar', alike)).map((row) => row.id)).not.toContain('proposal-6-1-lab')
    expect(expectOk(await callAs(store, 'proposals', PEOPLE.office, 'similar', alike)).map((row) => row.id)).toContain('proposal-6-1-lab')
    expect(expectOk(await callAs(store, 'proposals', 'm0037', 'detail', { id: 'proposal-6-1-lab' }))).toMatchObject({ mine: true, withheldReason: '答复涉及尚未公开的招标安排，暂不公开' })
    // Last year's handled-twice proposal shows its history; a seconder's rating shows beside the author's.
    const title = expectOk(await callAs(store, 'proposals', MEMBER, 'detail', { id: 'proposal-6-1-title' }))
    expect(title.history.map((entry) => entry.stepLabel)).toEqual(['邀请附议', '提交', '立案', '交办', '答复', '评价', '答复', '评价', '办结'])
    expect(title.handling?.rehandled).toBe(1)
    const bus = expectOk(await callAs(store, 'proposals', MEMBER, 'detail', { id: 'proposal-6-1-bus' }))
    expect(bus.seconderRatings.map((rating) => [rating.name, rating.satisfactionLabel])).toEqual([[expect.any(String), '满意']])
  })

  it('lets the union office withhold a proposal with a reason and show it again, audited', async () => {
    const withheld = expectOk(await callAs(store, 'proposals', PEOPLE.office, 'withhold', { id: 'proposal-heating', withhold: true, reason: '涉及个人信息' }))
    expect(withheld.withheldReason).toBe('涉及个人信息')
    expect((await recordOf(MEMBER, SESSION)).items.map((row) => row.number)).toEqual(['六届二次-002', '六届二次-003', '六届二次-004'])
    expectFailure(await callAs(store, 'proposals', MEMBER, 'detail', { id: 'proposal-heating' }), 'NOT_FOUND')
    // Its author, its department and its seconders still see it; one who declined to second it does not.
    expectOk(await callAs(store, 'proposals', 'm0035', 'detail', { id: 'proposal-heating' }))
    expectOk(await callAs(store, 'proposals', PEOPLE.handlingDept, 'detail', { id: 'proposal-heating' }))
    expectOk(await callAs(store, 'proposals', 'm0036', 'detail', { id: 'proposal-heating' }))
    await store.update('proposalSeconds', { proposalId: 'proposal-heating', memberId: 'm0036' }, { $set: { state: 'declined' } })
    expectFailure(await callAs(store, 'proposals', 'm0036', 'detail', { id: 'proposal-heating' }), 'NOT_FOUND')

    const shown = expectOk(await callAs(store, 'proposals', PEOPLE.office, 'withhold', { id: 'proposal-heating', withhold: false }, { now: later(DAY) }))
    expect(shown.withheldReason).toBeUndefined()
    expect((await recordOf(MEMBER, SESSION)).items).toHaveLength(4)
    const audits = await store.find('auditLog', { action: 'proposals.withhold' }, { sort: { at: 1, _id: 1 } })
    expect(audits.map((entry) => [entry.targetId, entry.before, entry.after])).toEqual([
      ['proposal-heating', { 公开: '公开' }, { 公开: '不公开：涉及个人信息' }],
      ['proposal-heating', { 公开: '不公开：涉及个人信息' }, { 公开: '公开' }],
    ])
  })

  it('never shows a suggestion to other members, even one a department is handling', async () => {
    expectOk(await callAs(store, 'proposals', PEOPLE.office, 'assign', { id: 'suggestion-library', leadDeptId: 'dept-logistics' }))
    expectFailure(await callAs(store, 'proposals', PEOPLE.delegate, 'detail', { id: 'suggestion-library' }), 'NOT_FOUND')
    expectOk(await callAs(store, 'proposals', PEOPLE.handlingDept, 'detail', { id: 'suggestion-library' }))
    expectOk(await callAs(store, 'proposals', MEMBER, 'detail', { id: 'suggestion-library' }))
  })

  it('takes a second tap as done: withheld again with the same reason changes and audits nothing', async () => {
    expectOk(await callAs(store, 'proposals', PEOPLE.office, 'withhold', { id: 'proposal-heating', withhold: true, reason: '涉及个人信息' }))
    expectOk(await callAs(store, 'proposals', PEOPLE.office, 'withhold', { id: 'proposal-heating', withhold: true, reason: '涉及个人信息' }, { now: later(DAY) }))
    expectOk(await callAs(store, 'proposals', PEOPLE.office, 'withhold', { id: 'proposal-wifi', withhold: false }))
    expect(await store.count('auditLog', { action: 'proposals.withhold' })).toBe(1)
  })

  it('refuses withholding to anyone but the union office, and for a proposal not in the record', async () => {
    const before = await snapshot(store)
    expectFailure(await callAs(store, 'proposals', PEOPLE.committee, 'withhold', { id: 'proposal-heating', withhold: true, reason: '不公开' }), 'FORBIDDEN')
    expect(expectFailure(await callAs(store, 'proposals', PEOPLE.office, 'withhold', { id: 'proposal-canteen', withhold: true, reason: '不公开' }), 'CONFLICT').message).toBe('这份提案待审查，不在公开提案中')
    expectFailure(await callAs(store, 'proposals', PEOPLE.office, 'withhold', { id: 'proposal-heating', withhold: true, reason: '' }), 'INVALID_INPUT')
    expectFailure(await callAs(store, 'proposals', PEOPLE.office, 'withhold', { id: 'proposal-none', withhold: false }), 'NOT_FOUND')
    expect(await snapshot(store)).toEqual(before)
  })
})

describe('the committee’s figures', () => {
  it('counts what became of 六届二次’s proposals, by category, by department and week by week', async () => {
    const figures = expectOk(await callAs(store, 'proposals', PEOPLE.committee, 'statistics', { sessionId: SESSION }))
    expect(figures.sessionName).toBe('六届二次')
    expect(figures.totals).toEqual({ filed: 8, pending: 1, accepted: 4, merged: 1, converted: 1, rejected: 1 })
    expect(figures.byCategory.map((row) => [row.label, row.filed, row.accepted])).toEqual([
      ['教学科研', 1, 0],
      ['人事分配', 1, 0],
      ['后勤保障', 4, 2],
      ['校园建设', 1, 1],
      ['福利待遇', 1, 1],
      ['其他', 0, 0],
    ])
    expect(figures.byDept).toEqual([
      { deptId: 'dept-logistics', deptName: '后勤管理处', assigned: 2, onTime: 1, late: 0, overdue: 0, satisfied: 1, basicallySatisfied: 0, unsatisfied: 0 },
      { deptId: 'dept-hr', deptName: '人事处', assigned: 1, onTime: 0, late: 0, overdue: 0, satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 },
    ])
    expect(figures.progress.map((week) => [week.week, week.submitted, week.accepted, week.replied, week.submittedSoFar, week.acceptedSoFar, week.repliedSoFar])).toEqual([
      ['2026-10-26', 1, 0, 0, 1, 0, 0],
      ['2026-11-02', 1, 1, 0, 2, 1, 0],
      ['2026-11-09', 5, 3, 1, 7, 4, 1],
      ['2026-11-16', 1, 0, 0, 8, 4, 1],
    ])
  })

  it('marks overdue ones once their reply day passes', async () => {
    const figures = expectOk(await callAs(store, 'proposals', PEOPLE.office, 'statistics', { sessionId: SESSION }, { now: later(40 * DAY) }))
    expect(figures.byDept.map((row) => [row.deptId, row.onTime, row.overdue])).toEqual([
      ['dept-logistics', 1, 1],
      ['dept-hr', 0, 1],
    ])
  })

  it('counts last session’s handled-twice and withheld proposals like the rest', async () => {
    const figures = expectOk(await callAs(store, 'proposals', PEOPLE.office, 'statistics', { sessionId: LAST }))
    expect(figures.totals).toEqual({ filed: 5, pending: 0, accepted: 5, merged: 0, converted: 0, rejected: 0 })
    expect(figures.byDept.map((row) => [row.deptName, row.assigned, row.onTime, row.late, row.satisfied, row.basicallySatisfied])).toEqual([
      ['后勤管理处', 1, 1, 0, 1, 0],
      ['人事处', 2, 2, 0, 0, 2],
      ['教务处', 1, 1, 0, 1, 0],
      ['基建处', 1, 0, 1, 1, 0],
    ])
  })

  it('is for the session’s committee and the union office only', async () => {
    expectFailure(await callAs(store, 'proposals', MEMBER, 'statistics', { sessionId: SESSION }), 'FORBIDDEN')
    expectFailure(await callAs(store, 'proposals', PEOPLE.committee, 'statistics', { sessionId: LAST }), 'FORBIDDEN')
    expectFailure(await callAs(store, 'proposals', PEOPLE.office, 'statistics', { sessionId: 'session-none' }), 'NOT_FOUND')
  })
})

describe('setting up a session', () => {
  const NEXT_SESSION = { sessionName: '六届三次', meetingStart: '2027-12-06', meetingEnd: '2027-12-07', opensAt: '2027-10-20T00:00:00.000Z', closesAt: '2027-11-20T00:00:00.000Z', secondersNeeded: 2, replyWeeks: 6 }

  it('lists the sessions, newest first, with their delegates and committee counted', async () => {
    expect(expectOk(await callAs(store, 'proposals', MEMBER, 'sessions', {}))).toEqual([
      {
        id: SESSION,
        name: '六届二次',
        meetingStart: '2026-12-07',
        meetingEnd: '2026-12-08',
        opensAt: '2026-10-31T02:00:00.000Z',
        closesAt: '2026-11-30T02:00:00.000Z',
        secondersNeeded: 2,
        replyWeeks: 6,
        collecting: true,
        delegates: 10,
        committee: 1,
        delegations: [
          { name: '人文社科代表团', count: 5 },
          { name: '理工医代表团', count: 5 },
        ],
      },
      {
        id: LAST,
        name: '六届一次',
        meetingStart: '2025-12-02',
        meetingEnd: '2025-12-03',
        opensAt: '2025-10-26T02:00:00.000Z',
        closesAt: '2025-11-25T02:00:00.000Z',
        secondersNeeded: 2,
        replyWeeks: 6,
        collecting: false,
        delegates: 0,
        committee: 0,
        delegations: [],
      },
    ])
  })

  it('lets the union office add the next session and change it, audited; its window opens filing', async () => {
    const settings = { ...NEXT_SESSION, secondersNeeded: 3, replyWeeks: 8 }
    const added = expectOk(await callAs(store, 'proposals', PEOPLE.office, 'saveSession', settings))
    const { sessionName, ...rest } = settings
    expect(added).toMatchObject({ name: sessionName, ...rest, collecting: false, delegates: 0, committee: 0 })
    const changed = expectOk(await callAs(store, 'proposals', PEOPLE.office, 'saveSession', { ...settings, id: added.id, replyWeeks: 6 }, { now: later(DAY) }))
    expect(changed).toMatchObject({ id: added.id, replyWeeks: 6 })
    expect(expectOk(await callAs(store, 'proposals', MEMBER, 'sessions', {})).map((session) => session.name)).toEqual(['六届三次', '六届二次', '六届一次'])
    // A moment sent with its offset is kept as the same moment in UTC (the store compares them as text).
    const offset = expectOk(await callAs(store, 'proposals', PEOPLE.office, 'saveSession', { ...settings, id: added.id, replyWeeks: 6, opensAt: '2027-10-20 08:00:00+08:00' }, { now: later(2 * DAY) }))
    expect(offset.opensAt).toBe('2027-10-20T00:00:00.000Z')
    // The session a new draft files into, once its window opens.
    expect(expectOk(await callAs(store, 'proposals', MEMBER, 'session', {}, { now: new Date('2027-10-21T00:00:00.000Z') }))).toMatchObject({ name: '六届三次', collecting: true, secondersNeeded: 3 })
    const audits = await store.find('auditLog', { action: 'proposals.saveSession' }, { sort: { at: 1, _id: 1 } })
    expect(audits.map((entry) => [entry.target, entry.before?.答复期限, entry.after?.答复期限])).toEqual([
      ['六届三次', undefined, '8 周'],
      ['六届三次', '8 周', '6 周'],
      ['六届三次', '6 周', '6 周'],
    ])
  })

  it('refuses a name in use, a window closing before it opens, a meeting ending before it starts, and anyone but the union office', async () => {
    const before = await snapshot(store)
    const settings = NEXT_SESSION
    expect(expectFailure(await callAs(store, 'proposals', PEOPLE.office, 'saveSession', { ...settings, sessionName: '六届二次' }), 'CONFLICT').message).toBe('已有名为“六届二次”的届次，请换一个名称')
    expect(expectFailure(await callAs(store, 'proposals', PEOPLE.office, 'saveSession', { ...settings, closesAt: '2027-10-01T00:00:00.000Z' }), 'INVALID_INPUT').message).toBe('提案征集截止时间须晚于开始时间')
    expect(expectFailure(await callAs(store, 'proposals', PEOPLE.office, 'saveSession', { ...settings, meetingEnd: '2027-12-01' }), 'INVALID_INPUT').message).toBe('会议结束日期不能早于开始日期')
    expectFailure(await callAs(store, 'proposals', PEOPLE.office, 'saveSession', { ...settings, secondersNeeded: 0 }), 'INVALID_INPUT')
    expectFailure(await callAs(store, 'proposals', PEOPLE.office, 'saveSession', { ...settings, id: 'session-none' }), 'NOT_FOUND')
    expectFailure(await callAs(store, 'proposals', PEOPLE.committee, 'saveSession', settings), 'FORBIDDEN')
    expect(await snapshot(store)).toEqual(before)
  })
})

describe('handling departments', () => {
  it('lists them with their handlers, and lets the union office add one and rename it, audited', async () => {
    expect(expectOk(await callAs(store, 'proposals', PEOPLE.office, 'departments', {}))).toEqual([
      { id: 'dept-logistics', name: '后勤管理处', handlers: 1 },
      { id: 'dept-hr', name: '人事处', handlers: 0 },
      { id: 'dept-academic', name: '教务处', handlers: 0 },
      { id: 'dept-finance', name: '财务处', handlers: 0 },
      { id: 'dept-research', name: '科研处', handlers: 0 },
      { id: 'dept-construction', name: '基建处', handlers: 0 },
    ])
    const added = expectOk(await callAs(store, 'proposals', PEOPLE.office, 'saveDepartment', { deptName: '保卫处' }))
    expect(added).toMatchObject({ name: '保卫处', handlers: 0 })
    expect(await store.get('departments', added.id)).toMatchObject({ name: '保卫处', order: 7 })
    expect(expectOk(await callAs(store, 'proposals', PEOPLE.office, 'saveDepartment', { id: added.id, deptName: '保卫处（武装部）' })).name).toBe('保卫处（武装部）')
    // The new department is one a proposal can be assigned to.
    expect(expectOk(await callAs(store, 'proposals', PEOPLE.committee, 'session', {}))!.departments.map((dept) => dept.name)).toContain('保卫处（武装部）')
    const audits = await store.find('auditLog', { action: 'proposals.saveDepartment' })
    expect(audits.map((entry) => [entry.before?.名称, entry.after?.名称]).sort()).toEqual([
      [undefined, '保卫处'],
      ['保卫处', '保卫处（武装部）'],
    ])
  })

  it('refuses a name in use and anyone but the union office', async () => {
    const before = await snapshot(store)
    expect(expectFailure(await callAs(store, 'proposals', PEOPLE.office, 'saveDepartment', { deptName: '人事处' }), 'CONFLICT').message).toBe('已有名为“人事处”的承办部门，请换一个名称')
    expectFailure(await callAs(store, 'proposals', PEOPLE.office, 'saveDepartment', { deptName: ' ' }), 'INVALID_INPUT')
    expectFailure(await callAs(store, 'proposals', PEOPLE.handlingDept, 'saveDepartment', { deptName: '保卫处' }), 'FORBIDDEN')
    expectFailure(await callAs(store, 'proposals', PEOPLE.committee, 'departments', {}), 'FORBIDDEN')
    expect(await snapshot(store)).toEqual(before)
  })

  it('of two saves racing to add one name, lets exactly one land', async () => {
    const results = await Promise.all([1, 2].map(() => callAs(store, 'proposals', PEOPLE.office, 'saveDepartment', { deptName: '保卫处' })))
    expect(results.map((result) => (result.ok ? 'ok' : result.code)).sort()).toEqual(['CONFLICT', 'ok'])
    expect(await store.count('departments', { name: '保卫处' })).toBe(1)
  })
})

describe('overdue reminders', () => {
  const overdueTexts = async () => (await store.find('messages', { kind: 'proposalProgress', recipientId: PEOPLE.handlingDept }, { sort: { createdAt: 1, _id: 1 } })).map((message) => message.text).filter((text) => text.includes('超过'))

  it('reminds the lead department’s handlers the day after the reply day, then once a week until they reply', async () => {
    // 停车位: due 2026-12-23 (后勤管理处, 段鹏); 托管班: due 2026-12-25 (人事处, no handler in the demo).
    expect(await runJob(store, 'proposals', 'remindOverdue', { now: new Date('2026-12-23T02:00:00.000Z') })).toEqual({ job: 'remindOverdue', outcome: 'ok', count: 0 })
    expect(await runJob(store, 'proposals', 'remindOverdue', { now: new Date('2026-12-24T02:00:00.000Z') })).toEqual({ job: 'remindOverdue', outcome: 'ok', count: 1 })
    const reminder = '「关于增设教工停车位的提案」已超过答复期限：答复期限 2026-12-23，请尽快答复'
    expect(await overdueTexts()).toEqual([reminder])
    // Again the same day, and the days after within the week: nothing more.
    await runJob(store, 'proposals', 'remindOverdue', { now: new Date('2026-12-24T09:00:00.000Z') })
    await runJob(store, 'proposals', 'remindOverdue', { now: new Date('2026-12-30T02:00:00.000Z') })
    expect(await overdueTexts()).toEqual([reminder])
    await runJob(store, 'proposals', 'remindOverdue', { now: new Date('2026-12-31T02:00:00.000Z') })
    expect(await overdueTexts()).toEqual([reminder, reminder])
    // Replied: no more.
    expectOk(await callAs(store, 'proposals', PEOPLE.handlingDept, 'reply', { id: 'proposal-parking', outcome: 'planned', text: '列入明年基建计划。' }, { now: new Date('2027-01-02T02:00:00.000Z') }))
    await runJob(store, 'proposals', 'remindOverdue', { now: new Date('2027-01-07T02:00:00.000Z') })
    expect(await overdueTexts()).toEqual([reminder, reminder])
  })
})

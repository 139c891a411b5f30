/** The audit trail: what notice changes write, and `audit.list` with its filters and paging. */
import type { AuditEntryView } from '../../types/audit'
import { toShanghaiInput } from '../../types/time'
import { NOTICES, NOW, PEOPLE, callAs, expectFailure, expectOk, noticeInput, seededStore, snapshot, type TestStore } from './harness'

/** The event kinds' templates, none set (工会设置 lists every kind's). */
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

const FUNDS_TITLE = '2026年上半年工会经费使用情况公示'

describe('notice changes write one audit entry each', () => {
  it('publish: actor, action, the title as target, the fields after and no before', async () => {
    const input = noticeInput({ audience: { kind: 'units', unitIds: ['unit20', 'unit01'] }, category: 'benefit' })
    const { id } = expectOk(await callAs(store, 'notices', PEOPLE.office2, 'publish', input))
    const entries = await store.find('auditLog')
    expect(entries).toEqual([
      {
        _id: expect.any(String),
        at: NOW.toISOString(),
        actorId: PEOPLE.office2,
        actorName: '沈丽萍',
        action: 'notices.publish',
        targetType: 'notice',
        targetId: id,
        target: input.title,
        after: {
          标题: input.title,
          栏目: '福利',
          置顶: '否',
          发布范围: '离退休分工会、机关第一分工会',
          发布时间: toShanghaiInput(NOW.toISOString()),
          正文: input.body,
          消息提醒: '不发送',
        },
      },
    ])
  })

  it('update: before and after, the new title as target', async () => {
    const notice = noticeInput({ title: '更新后的经费公示', category: 'publicity', pinned: true })
    expectOk(await callAs(store, 'notices', PEOPLE.office, 'update', { id: NOTICES.funds, notice }))
    const entries = await store.find('auditLog')
    expect(entries).toHaveLength(1)
    const [entry] = entries
    expect(entry).toMatchObject({
      at: NOW.toISOString(),
      actorId: PEOPLE.office,
      actorName: '周建华',
      action: 'notices.update',
      targetType: 'notice',
      targetId: NOTICES.funds,
      target: '更新后的经费公示',
    })
    expect(entry.before).toMatchObject({ 标题: FUNDS_TITLE, 栏目: '公示', 置顶: '否', 发布范围: '全体会员' })
    expect(entry.before?.正文).toMatch(/^根据《基层工会经费收支管理办法》/)
    expect(entry.after).toMatchObject({ 标题: '更新后的经费公示', 栏目: '公示', 置顶: '长期', 发布范围: '全体会员', 正文: notice.body })
    // The publish time was kept, so it reads the same before and after.
    expect(entry.after?.发布时间).toBe(entry.before?.发布时间)
  })

  it('withdraw: the state before and after', async () => {
    expectOk(await callAs(store, 'notices', PEOPLE.office, 'withdraw', { id: NOTICES.funds }))
    expect(await store.find('auditLog')).toEqual([
      {
        _id: expect.any(String),
        at: NOW.toISOString(),
        actorId: PEOPLE.office,
        actorName: '周建华',
        action: 'notices.withdraw',
        targetType: 'notice',
        targetId: NOTICES.funds,
        target: FUNDS_TITLE,
        before: { 状态: '已发布' },
        after: { 状态: '已撤回' },
      },
    ])
  })

  it('a refused change writes nothing', async () => {
    expectFailure(await callAs(store, 'notices', PEOPLE.unit01Member, 'publish', noticeInput()), 'FORBIDDEN')
    expectFailure(await callAs(store, 'notices', PEOPLE.office, 'withdraw', { id: 'no-such-notice' }), 'NOT_FOUND')
    expect(await store.count('auditLog')).toBe(0)
  })
})

describe('a settings change writes one audit entry', () => {
  it('the youth age before and after, the settings as target; audit.list shows and filters it', async () => {
    expectOk(await callAs(store, 'members', PEOPLE.office2, 'updateSettings', { youthUnderAge: 35 }))
    // The same value again is no change, and is not logged.
    expectOk(await callAs(store, 'members', PEOPLE.office, 'updateSettings', { youthUnderAge: 35 }))
    expect(await store.find('auditLog')).toEqual([
      {
        _id: expect.any(String),
        at: NOW.toISOString(),
        actorId: PEOPLE.office2,
        actorName: '沈丽萍',
        action: 'settings.update',
        targetType: 'settings',
        targetId: 'union',
        target: '工会设置',
        before: { 青年教职工: '40 周岁以下', '订阅消息模板（通知公告）': '未设置', ...UNSET_TEMPLATES, ...DEFAULT_AGES },
        after: { 青年教职工: '35 周岁以下', '订阅消息模板（通知公告）': '未设置', ...UNSET_TEMPLATES, ...DEFAULT_AGES },
      },
    ])
    const page = expectOk(await callAs(store, 'audit', PEOPLE.office, 'list', { action: 'settings.update' }))
    expect(page).toEqual({
      items: [
        {
          id: expect.any(String),
          at: NOW.toISOString(),
          actorId: PEOPLE.office2,
          actorName: '沈丽萍',
          action: 'settings.update',
          target: '工会设置',
          before: { 青年教职工: '40 周岁以下', '订阅消息模板（通知公告）': '未设置', ...UNSET_TEMPLATES, ...DEFAULT_AGES },
          after: { 青年教职工: '35 周岁以下', '订阅消息模板（通知公告）': '未设置', ...UNSET_TEMPLATES, ...DEFAULT_AGES },
        },
      ],
      hasMore: false,
    })
    expect(expectOk(await callAs(store, 'audit', PEOPLE.office, 'list', { action: 'members.update' })).items).toEqual([])
  })

  it('a refused settings change writes nothing', async () => {
    expectFailure(await callAs(store, 'members', PEOPLE.unitAdmin, 'updateSettings', { youthUnderAge: 35 }), 'FORBIDDEN')
    expectFailure(await callAs(store, 'members', PEOPLE.office, 'updateSettings', { youthUnderAge: 61 }), 'INVALID_INPUT')
    expect(await store.count('auditLog')).toBe(0)
  })
})

describe('audit.list', () => {
  // Four changes at known instants; Shanghai is UTC+8, so the Shanghai day differs from the UTC day for the last three.
  const AT = {
    published: new Date('2026-11-20T02:00:00.000Z'), // 11-20 10:00 in Shanghai
    lateEvening: new Date('2026-11-20T15:59:59.000Z'), // 11-20 23:59:59 in Shanghai
    afterMidnight: new Date('2026-11-20T17:00:00.000Z'), // 11-21 01:00 in Shanghai
    nextDay: new Date('2026-11-21T16:00:00.000Z'), // 11-22 00:00 in Shanghai
  }

  beforeEach(async () => {
    expectOk(await callAs(store, 'notices', PEOPLE.office, 'publish', noticeInput({ title: '上午发布' }), { now: AT.published }))
    expectOk(await callAs(store, 'notices', PEOPLE.office2, 'publish', noticeInput({ title: '深夜发布' }), { now: AT.lateEvening }))
    expectOk(
      await callAs(store, 'notices', PEOPLE.office, 'update', { id: NOTICES.funds, notice: noticeInput({ title: '凌晨修改' }) }, { now: AT.afterMidnight }),
    )
    expectOk(await callAs(store, 'notices', PEOPLE.office, 'withdraw', { id: NOTICES.yoga }, { now: AT.nextDay }))
  })

  const list = async (payload?: Record<string, unknown>) => expectOk(await callAs(store, 'audit', PEOPLE.office, 'list', payload))
  const targets = (page: { items: AuditEntryView[] }) => page.items.map((item) => item.target)

  it('lists every entry newest first, as views', async () => {
    const page = await list()
    expect(targets(page)).toEqual(['瑜伽俱乐部冬季课程开始报名', '凌晨修改', '深夜发布', '上午发布'])
    expect(page.hasMore).toBe(false)
    const published = page.items[3]
    expect(published).toEqual({
      id: expect.any(String),
      at: AT.published.toISOString(),
      actorId: PEOPLE.office,
      actorName: '周建华',
      action: 'notices.publish',
      target: '上午发布',
      after: expect.objectContaining({ 标题: '上午发布' }),
    })
    expect(published).not.toHaveProperty('before')
    expect(page.items[0]).toMatchObject({ action: 'notices.withdraw', before: { 状态: '已发布' }, after: { 状态: '已撤回' } })
  })

  it('filters by action', async () => {
    expect(targets(await list({ action: 'notices.publish' }))).toEqual(['深夜发布', '上午发布'])
    expect(targets(await list({ action: 'notices.update' }))).toEqual(['凌晨修改'])
    expect(targets(await list({ action: 'members.unbind' }))).toEqual([])
  })

  it('filters by Shanghai calendar days, both ends inclusive', async () => {
    // 2026-11-20T17:00Z is 01:00 on 11-21 in Shanghai: not on the 20th.
    expect(targets(await list({ to: '2026-11-20' }))).toEqual(['深夜发布', '上午发布'])
    expect(targets(await list({ from: '2026-11-21', to: '2026-11-21' }))).toEqual(['凌晨修改'])
    expect(targets(await list({ from: '2026-11-21' }))).toEqual(['瑜伽俱乐部冬季课程开始报名', '凌晨修改'])
    expect(targets(await list({ from: '2026-11-20', to: '2026-11-20' }))).toEqual(['深夜发布', '上午发布'])
    expect(targets(await list({ from: '2026-11-22', to: '2026-11-22' }))).toEqual(['瑜伽俱乐部冬季课程开始报名'])
    expect(targets(await list({ from: '2026-11-23' }))).toEqual([])
    expect(targets(await list({ to: '2026-11-19' }))).toEqual([])
  })

  it('combines the action and date filters', async () => {
    expect(targets(await list({ action: 'notices.publish', from: '2026-11-21' }))).toEqual([])
    expect(targets(await list({ action: 'notices.withdraw', from: '2026-11-20', to: '2026-11-22' }))).toEqual(['瑜伽俱乐部冬季课程开始报名'])
  })

  it('pages newest first, saying whether more follow', async () => {
    const first = await list({ limit: 3 })
    expect(targets(first)).toEqual(['瑜伽俱乐部冬季课程开始报名', '凌晨修改', '深夜发布'])
    expect(first.hasMore).toBe(true)
    const second = await list({ offset: 3, limit: 3 })
    expect(targets(second)).toEqual(['上午发布'])
    expect(second.hasMore).toBe(false)
    const exact = await list({ limit: 4 })
    expect(exact.items).toHaveLength(4)
    expect(exact.hasMore).toBe(false)
    const filtered = await list({ action: 'notices.publish', offset: 1, limit: 1 })
    expect(targets(filtered)).toEqual(['上午发布'])
    expect(filtered.hasMore).toBe(false)
  })

  it('is refused to a member and to an unbound user, changing nothing', async () => {
    const before = await snapshot(store)
    const failure = expectFailure(await callAs(store, 'audit', PEOPLE.unit01Member, 'list', {}), 'FORBIDDEN')
    expect(failure.message).toBe('仅校工会管理员可以进行此操作')
    expectFailure(await callAs(store, 'audit', PEOPLE.unitAdmin, 'list', {}), 'FORBIDDEN')
    expectFailure(await callAs(store, 'audit', PEOPLE.strangerOpenid, 'list', {}), 'NOT_BOUND')
    expect(await snapshot(store)).toEqual(before)
  })
})

/** The notices function end to end over a real SQLite store: every action's happy path, and its timer. */
import { join, resolve } from 'node:path'
import { FUNCTIONS } from '../../cloudfunctions/registry'
import { fireTrigger, readTimerTriggers } from '../../scripts/host/timers'
import {
  testFiles,
  testWeChat,
  DAY,
  HOUR,
  NOTICES,
  NOW,
  PEOPLE,
  callAs,
  expectFailure,
  expectOk,
  iso,
  later,
  noticeInput,
  seededStore,
  send,
  type TestStore,
} from './harness'

const MINUTE = 60_000

let store: TestStore

beforeEach(async () => {
  store = await seededStore()
})

afterEach(() => store.close())

const ids = (items: { id: string }[]) => items.map((item) => item.id)

async function publish(input: Record<string, unknown>, now = NOW) {
  return expectOk(await callAs(store, 'notices', PEOPLE.office, 'publish', input, { now })).id
}

describe('home', () => {
  it('shows pinned and recent notices visible to the member, newest first, with the unread count', async () => {
    const home = expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'home'))
    expect(ids(home.pinned)).toEqual([NOTICES.volleyball, NOTICES.congress])
    expect(ids(home.recent)).toEqual([NOTICES.winterCare, NOTICES.funds])
    expect(home.unreadCount).toBe(4)
    expect(home.pinned[0]).toMatchObject({
      title: '关于举办2026年教职工气排球比赛的通知',
      category: 'event',
      pinned: true,
      publishAt: iso(-DAY),
      read: false,
    })
    expect(home.pinned[0].excerpt).toMatch(/^各分工会：/)
  })

  it('includes notices targeted at the member’s unit', async () => {
    const home = expectOk(await callAs(store, 'notices', PEOPLE.unit01Member, 'home'))
    expect(ids(home.recent)).toEqual([NOTICES.winterCare, NOTICES.retirement, NOTICES.funds])
    expect(home.unreadCount).toBe(5)
  })

  it('drops the unread count after reading a notice and marks it read', async () => {
    expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'detail', { id: NOTICES.volleyball }))
    const home = expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'home'))
    expect(home.unreadCount).toBe(3)
    expect(home.pinned.find((n) => n.id === NOTICES.volleyball)?.read).toBe(true)
    expect(home.pinned.find((n) => n.id === NOTICES.congress)?.read).toBe(false)
  })

  it('shows at most 3 pinned and 5 recent notices but counts every unread one', async () => {
    for (let i = 0; i < 6; i++) await publish(noticeInput({ title: `新通知${i}`, pinned: i < 2 }), later(-i * HOUR))
    const home = expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'home'))
    expect(home.pinned).toHaveLength(3)
    expect(home.recent).toHaveLength(5)
    expect(home.unreadCount).toBe(4 + 6)
  })
})

describe('list', () => {
  it('lists pinned notices first, then the rest newest first', async () => {
    const newest = await publish(noticeInput({ title: '最新的不置顶通知' }))
    const page = expectOk(await callAs(store, 'notices', PEOPLE.unit01Member, 'list', {}))
    expect(ids(page.items)).toEqual([
      NOTICES.volleyball,
      NOTICES.congress,
      newest,
      NOTICES.winterCare,
      NOTICES.retirement,
      NOTICES.funds,
    ])
    expect(page.hasMore).toBe(false)
  })

  it('answers the first page when called with no payload at all', async () => {
    const page = expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'list'))
    expect(ids(page.items)).toEqual([NOTICES.volleyball, NOTICES.congress, NOTICES.winterCare, NOTICES.funds])
  })

  it('pages with offset and limit, saying whether more follow', async () => {
    const pages = []
    for (const offset of [0, 2, 4]) pages.push(expectOk(await callAs(store, 'notices', PEOPLE.unit01Member, 'list', { offset, limit: 2 })))
    expect(pages.map((p) => ids(p.items))).toEqual([
      [NOTICES.volleyball, NOTICES.congress],
      [NOTICES.winterCare, NOTICES.retirement],
      [NOTICES.funds],
    ])
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false])
    const past = expectOk(await callAs(store, 'notices', PEOPLE.unit01Member, 'list', { offset: 5, limit: 2 }))
    expect(past).toEqual({ items: [], hasMore: false })
  })

  it('filters by category', async () => {
    const events = expectOk(await callAs(store, 'notices', PEOPLE.unit01Member, 'list', { category: 'event' }))
    expect(ids(events.items)).toEqual([NOTICES.volleyball])
    // A member of unit05 also sees the yoga notice targeted at their unit.
    const unit05 = expectOk(await callAs(store, 'notices', 'm0006', 'list', { category: 'event' }))
    expect(ids(unit05.items)).toEqual([NOTICES.volleyball, NOTICES.yoga])
    const publicity = expectOk(await callAs(store, 'notices', PEOPLE.unit01Member, 'list', { category: 'publicity' }))
    expect(publicity.items.map((n) => n.category)).toEqual(['publicity'])
  })

  it('carries each notice’s read mark', async () => {
    expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'detail', { id: NOTICES.funds }))
    const page = expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'list', {}))
    expect(page.items.filter((n) => n.read).map((n) => n.id)).toEqual([NOTICES.funds])
  })
})

describe('detail', () => {
  it('answers the whole notice and the names of the units it targets, in unit order', async () => {
    const detail = expectOk(await callAs(store, 'notices', PEOPLE.unit01Member, 'detail', { id: NOTICES.retirement }))
    expect(detail).toMatchObject({
      id: NOTICES.retirement,
      title: '2026年度荣休仪式安排',
      category: 'notice',
      pinned: false,
      publishAt: iso(-8 * DAY),
      audienceUnitNames: ['机关第一分工会', '机关第二分工会', '离退休分工会'],
    })
    expect(detail.body).toContain('荣休仪式定于12月18日')
    const everyone = expectOk(await callAs(store, 'notices', PEOPLE.unit01Member, 'detail', { id: NOTICES.funds }))
    expect(everyone.audienceUnitNames).toEqual([])
  })

  it('records one read per member and notice, however often it is read', async () => {
    expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'detail', { id: NOTICES.volleyball }))
    expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'detail', { id: NOTICES.volleyball }, { now: later(HOUR) }))
    const reads = await store.find('noticeReads', { noticeId: NOTICES.volleyball })
    expect(reads).toEqual([
      { _id: `${NOTICES.volleyball}:${PEOPLE.unit03Member}`, noticeId: NOTICES.volleyball, memberId: PEOPLE.unit03Member, readAt: NOW.toISOString() },
    ])
  })

  it('answers NOT_FOUND for an id that does not exist', async () => {
    const failure = expectFailure(await callAs(store, 'notices', PEOPLE.unit03Member, 'detail', { id: 'no-such-notice' }), 'NOT_FOUND')
    expect(failure.message).toBe('通知不存在或已被删除，请返回刷新后重试')
    expect(await store.count('noticeReads')).toBe(0)
  })
})

describe('adminList', () => {
  it('lists every notice newest first with its state, audience and read count', async () => {
    for (const member of [PEOPLE.unit03Member, PEOPLE.unit01Member]) {
      expectOk(await callAs(store, 'notices', member, 'detail', { id: NOTICES.volleyball }))
    }
    const page = expectOk(await callAs(store, 'notices', PEOPLE.office, 'adminList', {}))
    expect(ids(page.items)).toEqual([
      NOTICES.volleyball,
      NOTICES.congress,
      NOTICES.winterCare,
      NOTICES.retirement,
      NOTICES.funds,
      NOTICES.yoga,
    ])
    expect(page.items.map((row) => row.readCount)).toEqual([2, 0, 0, 0, 0, 0])
    expect(page.items.every((row) => row.state === 'published')).toBe(true)
    expect(page.items.find((row) => row.id === NOTICES.yoga)?.audience).toEqual({ kind: 'units', unitIds: ['unit14', 'unit05', 'unit06'] })
    expect(page.hasMore).toBe(false)
  })

  it('filters by state: published, scheduled, withdrawn', async () => {
    const scheduled = await publish(noticeInput({ title: '定时通知', publishAt: iso(2 * DAY) }))
    expectOk(await callAs(store, 'notices', PEOPLE.office, 'withdraw', { id: NOTICES.funds }))
    const byState = async (state: string) =>
      expectOk(await callAs(store, 'notices', PEOPLE.office, 'adminList', { state })).items

    const scheduledRows = await byState('scheduled')
    expect(ids(scheduledRows)).toEqual([scheduled])
    expect(scheduledRows[0].state).toBe('scheduled')
    const withdrawnRows = await byState('withdrawn')
    expect(ids(withdrawnRows)).toEqual([NOTICES.funds])
    expect(withdrawnRows[0].state).toBe('withdrawn')
    const publishedRows = await byState('published')
    expect(ids(publishedRows)).toEqual([NOTICES.volleyball, NOTICES.congress, NOTICES.winterCare, NOTICES.retirement, NOTICES.yoga])
    expect(publishedRows.every((row) => row.state === 'published')).toBe(true)
  })

  it('pages with offset and limit', async () => {
    const first = expectOk(await callAs(store, 'notices', PEOPLE.office, 'adminList', { limit: 4 }))
    const second = expectOk(await callAs(store, 'notices', PEOPLE.office, 'adminList', { offset: 4, limit: 4 }))
    expect(ids(first.items)).toEqual([NOTICES.volleyball, NOTICES.congress, NOTICES.winterCare, NOTICES.retirement])
    expect(first.hasMore).toBe(true)
    expect(ids(second.items)).toEqual([NOTICES.funds, NOTICES.yoga])
    expect(second.hasMore).toBe(false)
  })
})

describe('adminGet', () => {
  it('answers everything the edit form needs', async () => {
    const draft = expectOk(await callAs(store, 'notices', PEOPLE.office, 'adminGet', { id: NOTICES.retirement }))
    expect(draft).toEqual({
      id: NOTICES.retirement,
      title: '2026年度荣休仪式安排',
      body: expect.stringContaining('荣休纪念品'),
      category: 'notice',
      pinned: false,
      audience: { kind: 'units', unitIds: ['unit20', 'unit01', 'unit02'] },
      publishAt: iso(-8 * DAY),
      state: 'published',
    })
  })

  it('answers withdrawn notices too, and NOT_FOUND for a missing one', async () => {
    expectOk(await callAs(store, 'notices', PEOPLE.office, 'withdraw', { id: NOTICES.yoga }))
    const draft = expectOk(await callAs(store, 'notices', PEOPLE.office, 'adminGet', { id: NOTICES.yoga }))
    expect(draft.state).toBe('withdrawn')
    expectFailure(await callAs(store, 'notices', PEOPLE.office, 'adminGet', { id: 'missing' }), 'NOT_FOUND')
  })
})

describe('publish', () => {
  it('publishes now: stored with its author and visible to members at once', async () => {
    const id = await publish(noticeInput({ title: '  春季健步走  ' }))
    expect(await store.get('notices', id)).toEqual({
      _id: id,
      title: '春季健步走',
      body: noticeInput().body,
      category: 'event',
      pinned: false,
      audience: { kind: 'all' },
      publishAt: NOW.toISOString(),
      withdrawn: false,
      createdBy: PEOPLE.office,
      createdAt: NOW.toISOString(),
      updatedBy: PEOPLE.office,
      updatedAt: NOW.toISOString(),
    })
    const home = expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'home'))
    expect(home.recent[0]).toMatchObject({ id, title: '春季健步走', read: false })
    expect(home.unreadCount).toBe(5)
  })

  it('schedules a notice: invisible to members until its time, then visible', async () => {
    const publishAt = iso(2 * DAY)
    const id = await publish(noticeInput({ title: '定时发布的通知', publishAt }))
    const member = PEOPLE.unit03Member

    const before = expectOk(await callAs(store, 'notices', member, 'list', {}))
    expect(ids(before.items)).not.toContain(id)
    expect(expectOk(await callAs(store, 'notices', member, 'home')).unreadCount).toBe(4)
    expectFailure(await callAs(store, 'notices', member, 'detail', { id }), 'NOT_FOUND')
    expect(expectOk(await callAs(store, 'notices', PEOPLE.office, 'adminGet', { id })).state).toBe('scheduled')

    const then = { now: later(2 * DAY + 60_000) }
    const after = expectOk(await callAs(store, 'notices', member, 'list', {}, then))
    expect(ids(after.items)).toContain(id)
    expect(expectOk(await callAs(store, 'notices', member, 'detail', { id }, then)).publishAt).toBe(publishAt)
    expect(expectOk(await callAs(store, 'notices', PEOPLE.office, 'adminGet', { id }, then)).state).toBe('published')
  })

  it('stores a publish time given with an offset as UTC, so it goes live at the right moment', async () => {
    // 10:30 Beijing time is 02:30 UTC, half an hour after NOW (02:00 UTC).
    const id = await publish(noticeInput({ publishAt: '2026-11-20T10:30:00+08:00', pinned: true, pinnedUntil: '2026-11-21T10:30:00+08:00' }))
    expect(await store.get('notices', id)).toMatchObject({
      publishAt: '2026-11-20T02:30:00.000Z',
      pinnedUntil: '2026-11-21T02:30:00.000Z',
    })
    const at = (ms: number) => ({ now: later(ms) })
    expect(ids(expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'list', {}, at(29 * 60_000))).items)).not.toContain(id)
    expect(ids(expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'list', {}, at(HOUR))).items)).toContain(id)
  })

  it('pins a notice until a time', async () => {
    const pinnedUntil = iso(3 * DAY)
    const id = await publish(noticeInput({ pinned: true, pinnedUntil }))
    expect(expectOk(await callAs(store, 'notices', PEOPLE.office, 'adminGet', { id }))).toMatchObject({ pinned: true, pinnedUntil })
    const home = expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'home'))
    expect(ids(home.pinned)).toEqual([id, NOTICES.volleyball, NOTICES.congress])
  })

  it('targets units, storing each unit once', async () => {
    const id = await publish(noticeInput({ audience: { kind: 'units', unitIds: ['unit03', 'unit05', 'unit03'] } }))
    expect((await store.get('notices', id))?.audience).toEqual({ kind: 'units', unitIds: ['unit03', 'unit05'] })
    expect(ids(expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'list', {})).items)).toContain(id)
    expect(ids(expectOk(await callAs(store, 'notices', PEOPLE.unit01Member, 'list', {})).items)).not.toContain(id)
  })
})

describe('update', () => {
  it('changes the fields and records who changed it when', async () => {
    const at = later(HOUR)
    expectOk(
      await callAs(
        store,
        'notices',
        PEOPLE.office2,
        'update',
        {
          id: NOTICES.funds,
          notice: noticeInput({
            title: '2026年上半年工会经费使用情况公示（更正）',
            body: '更正后的公示内容。',
            category: 'publicity',
            audience: { kind: 'units', unitIds: ['unit03'] },
          }),
        },
        { now: at },
      ),
    )
    const stored = await store.get('notices', NOTICES.funds)
    expect(stored).toMatchObject({
      title: '2026年上半年工会经费使用情况公示（更正）',
      body: '更正后的公示内容。',
      category: 'publicity',
      audience: { kind: 'units', unitIds: ['unit03'] },
      // The unchanged (past) publish time is kept.
      publishAt: iso(-12 * DAY),
      createdBy: 'm0001',
      updatedBy: PEOPLE.office2,
      updatedAt: at.toISOString(),
      withdrawn: false,
    })
    expect(ids(expectOk(await callAs(store, 'notices', PEOPLE.unit01Member, 'list', {})).items)).not.toContain(NOTICES.funds)
  })

  it('accepts the notice’s own past publish time sent back unchanged', async () => {
    const draft = expectOk(await callAs(store, 'notices', PEOPLE.office, 'adminGet', { id: NOTICES.congress }))
    const { title, body, category, pinned, audience, publishAt } = draft
    expectOk(
      await callAs(store, 'notices', PEOPLE.office, 'update', {
        id: NOTICES.congress,
        notice: { title: `${title}（补充）`, body, category, pinned, audience, publishAt },
      }),
    )
    expect((await store.get('notices', NOTICES.congress))?.title).toBe(`${title}（补充）`)
  })

  it('reschedules a scheduled notice', async () => {
    const id = await publish(noticeInput({ publishAt: iso(DAY) }))
    expectOk(await callAs(store, 'notices', PEOPLE.office, 'update', { id, notice: noticeInput({ publishAt: iso(5 * DAY) }) }))
    expect((await store.get('notices', id))?.publishAt).toBe(iso(5 * DAY))
  })

  it('unsets pinnedUntil when the new input has none', async () => {
    const id = await publish(noticeInput({ pinned: true, pinnedUntil: iso(3 * DAY) }))
    expectOk(await callAs(store, 'notices', PEOPLE.office, 'update', { id, notice: noticeInput({ pinned: true }) }))
    const stillPinned = await store.get('notices', id)
    expect(stillPinned?.pinned).toBe(true)
    expect(stillPinned).not.toHaveProperty('pinnedUntil')

    expectOk(await callAs(store, 'notices', PEOPLE.office, 'update', { id, notice: noticeInput({ pinned: true, pinnedUntil: iso(DAY) }) }))
    expect((await store.get('notices', id))?.pinnedUntil).toBe(iso(DAY))
    expectOk(await callAs(store, 'notices', PEOPLE.office, 'update', { id, notice: noticeInput({ pinned: false }) }))
    const unpinned = await store.get('notices', id)
    expect(unpinned?.pinned).toBe(false)
    expect(unpinned).not.toHaveProperty('pinnedUntil')
  })

  it('refuses to edit a withdrawn notice (CONFLICT) and a missing one (NOT_FOUND)', async () => {
    expectOk(await callAs(store, 'notices', PEOPLE.office, 'withdraw', { id: NOTICES.funds }))
    const before = await store.get('notices', NOTICES.funds)
    const conflict = expectFailure(
      await callAs(store, 'notices', PEOPLE.office, 'update', { id: NOTICES.funds, notice: noticeInput() }),
      'CONFLICT',
    )
    expect(conflict.message).toBe('这条通知已撤回，不能再修改')
    expect(await store.get('notices', NOTICES.funds)).toEqual(before)
    expectFailure(await callAs(store, 'notices', PEOPLE.office, 'update', { id: 'missing', notice: noticeInput() }), 'NOT_FOUND')
  })
})

describe('withdraw', () => {
  it('hides the notice from members; its detail answers NOT_FOUND', async () => {
    expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'detail', { id: NOTICES.volleyball }))
    const result = expectOk(await callAs(store, 'notices', PEOPLE.office, 'withdraw', { id: NOTICES.volleyball }, { now: later(HOUR) }))
    expect(result).toEqual({ id: NOTICES.volleyball })

    const home = expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'home'))
    expect(ids([...home.pinned, ...home.recent])).not.toContain(NOTICES.volleyball)
    expect(home.unreadCount).toBe(3)
    expect(ids(expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'list', {})).items)).not.toContain(NOTICES.volleyball)
    expectFailure(await callAs(store, 'notices', PEOPLE.unit03Member, 'detail', { id: NOTICES.volleyball }), 'NOT_FOUND')

    expect(await store.get('notices', NOTICES.volleyball)).toMatchObject({
      withdrawn: true,
      pinned: false,
      updatedBy: PEOPLE.office,
      updatedAt: iso(HOUR),
    })
  })

  it('cannot withdraw twice (CONFLICT) nor a missing notice (NOT_FOUND)', async () => {
    expectOk(await callAs(store, 'notices', PEOPLE.office, 'withdraw', { id: NOTICES.funds }))
    expectFailure(await callAs(store, 'notices', PEOPLE.office, 'withdraw', { id: NOTICES.funds }), 'CONFLICT')
    expectFailure(await callAs(store, 'notices', PEOPLE.office, 'withdraw', { id: 'missing' }), 'NOT_FOUND')
  })
})

describe('job: unpinExpired', () => {
  const root = resolve(__dirname, '../..')
  const trigger = () => {
    const found = readTimerTriggers(join(root, 'cloudfunctions'), Object.keys(FUNCTIONS)).find((t) => t.functionName === 'notices')
    if (!found) throw new Error('notices/config.json declares no timer trigger')
    return found
  }

  it('fired as its trigger’s schedule would, unpins notices whose pin has run out and leaves the others', async () => {
    // fireTrigger runs on the real clock, so these notices are set up around it.
    const realNow = new Date()
    const twoHoursAgo = later(-2 * HOUR, realNow)
    const expired = await publish(noticeInput({ title: '置顶已到期', pinned: true, pinnedUntil: iso(-HOUR, realNow) }), twoHoursAgo)
    const running = await publish(noticeInput({ title: '置顶未到期', pinned: true, pinnedUntil: iso(DAY, realNow) }), twoHoursAgo)

    const result = expectOk(await fireTrigger(FUNCTIONS.notices, trigger(), { store, files: testFiles, wechat: testWeChat }))
    expect(result).toEqual([{ job: 'unpinExpired', outcome: 'ok', count: 1 }])

    const notice = async (id: string) => (await store.get('notices', id))!
    expect((await notice(expired)).pinned).toBe(false)
    expect((await notice(running)).pinned).toBe(true)
    // Pinned with no time limit: untouched.
    expect((await notice(NOTICES.volleyball)).pinned).toBe(true)
    expect((await notice(NOTICES.congress)).pinned).toBe(true)
  })

  it('unpins at the job’s own clock: not before the time, at it', async () => {
    const id = await publish(noticeInput({ pinned: true, pinnedUntil: iso(DAY) }))
    const jobs = { trigger: 'jobs' }
    expect(expectOk(await send(store, 'notices', jobs, undefined, { now: later(DAY - 1000) }))).toEqual([{ job: 'unpinExpired', outcome: 'ok', count: 0 }])
    expect((await store.get('notices', id))?.pinned).toBe(true)
    // Every ten minutes: ten minutes later it is due again, and the pin has run out.
    expect(expectOk(await send(store, 'notices', jobs, undefined, { now: later(DAY - 1000 + 10 * MINUTE) }))).toEqual([
      { job: 'unpinExpired', outcome: 'ok', count: 1 },
    ])
    expect((await store.get('notices', id))?.pinned).toBe(false)
    const home = expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'home', undefined, { now: later(DAY) }))
    expect(ids(home.pinned)).not.toContain(id)
    expect(ids(home.recent)).toContain(id)
  })
})

describe('the unread window', () => {
  it('counts only notices of the last 30 days as unread; older ones show as read', async () => {
    const before = expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'home')).unreadCount
    const old = await store.insert('notices', {
      title: '去年的旧通知',
      body: '旧内容',
      category: 'notice',
      pinned: false,
      audience: { kind: 'all' },
      publishAt: iso(-40 * DAY),
      withdrawn: false,
      createdBy: PEOPLE.office,
      createdAt: iso(-40 * DAY),
      updatedBy: PEOPLE.office,
      updatedAt: iso(-40 * DAY),
    })
    const home = expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'home'))
    expect(home.unreadCount).toBe(before)
    const list = expectOk(await callAs(store, 'notices', PEOPLE.unit03Member, 'list', { limit: 50 }))
    expect(list.items.find((item) => item.id === old)).toMatchObject({ read: true })
  })
})

describe('racing edits', () => {
  it('two withdrawals at once: one succeeds, the other is told the notice is already withdrawn', async () => {
    const results = await Promise.all([
      callAs(store, 'notices', PEOPLE.office, 'withdraw', { id: NOTICES.funds }),
      callAs(store, 'notices', PEOPLE.office2, 'withdraw', { id: NOTICES.funds }),
    ])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expectFailure(results.find((result) => !result.ok)!, 'CONFLICT')
  })
})

/**
 * A member reads a notice: it shows as unread on 首页, its detail shows title and body, and back on 首页 it is
 * read and the unread count in the header has gone down by one.
 */
import {
  arrived,
  expectCount,
  expectText,
  goBack,
  loginAs,
  open,
  screenshot,
  suiteHarness,
  unreadCount,
  visibleTo,
  eventually,
} from './harness'

const h = suiteHarness()

const HOME = /#\/pages\/index\/index/
const DETAIL = /#\/pages\/notices\/detail\/index\?id=/
const VOLLEYBALL = '关于举办2026年教职工气排球比赛的通知'

test('a fresh browser has no session and lands on the development login page', async () => {
  const page = await h.newPhone()
  await open(page, h.baseUrl, '/pages/index/index')
  await arrived(page, /#\/pages\/login\/index/)
  // Visible only: a load of 首页 that failed late may have relaunched the login page, leaving a hidden one behind.
  await expectText(page.locator('.login__title:visible'), '演示模式')
  // Union office staff come first, then members, each with their branch union.
  await expectText(page.locator('.login__person:visible').first(), '周建华')
  await expectText(page.locator('.login__person:visible', { hasText: '许静' }), '外国语学院分工会')
  await screenshot(page, 'login')
})

test('a member opens an unread notice from 首页; back on 首页 it is read and the unread count went down', async () => {
  const member = (await h.store.get('members', 'm0003'))!
  expect(member.name).toBe('许静')
  const visible = await visibleTo(h.store, member.unitId)
  expect(await h.store.count('noticeReads', { memberId: member._id })).toBe(0)

  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '许静')
  await expectText(page.locator('.home__date'), '外国语学院分工会')
  await expectText(page.locator('.home__unread'), `您有 ${visible.length} 条未读通知`)
  // Every notice the member may see is listed (there are few enough for 置顶 + 最新), all unread.
  const rows = page.locator('.home .notice-row')
  await expectCount(rows, visible.length)
  await expectCount(page.locator('.home .notice-row--read'), 0)
  const row = page.locator('.home .notice-row', { hasText: VOLLEYBALL })
  await expectText(row, '置顶')
  await expectText(row, '未读')
  expect(await row.locator('.notice-row__dot').count()).toBe(1)
  expect(await row.getAttribute('class')).not.toContain('notice-row--read')
  // A notice for other branch unions only is not on this member's 首页.
  const hidden = (await h.store.find('notices', {})).filter((n) => !visible.some((v) => v._id === n._id))
  expect(hidden.length).toBeGreaterThan(0)
  for (const notice of hidden) expect(await page.locator('.home .notice-row', { hasText: notice.title }).count()).toBe(0)
  await screenshot(page, 'home')

  await row.click()
  await arrived(page, /#\/pages\/notices\/detail\/index\?id=notice-volleyball/)
  const detail = page.locator('.notice-detail:visible')
  await expectText(detail.locator('.notice-detail__title'), VOLLEYBALL)
  await expectText(detail.locator('.notice-detail__audience'), '发布范围：全体会员')
  const body = detail.locator('.notice-detail__body')
  await expectText(body, '各分工会：')
  await expectText(body, '一、比赛时间与地点')
  await expectText(body, '请各分工会于11月30日前将报名表报送校工会办公室')
  // The light markup is rendered, not shown raw.
  expect(await body.innerText()).not.toMatch(/\*\*|##/)
  await screenshot(page, 'notice')
  // Opening it recorded the read.
  await eventually(async () => {
    expect(await h.store.find('noticeReads', { memberId: member._id })).toEqual([
      expect.objectContaining({ noticeId: 'notice-volleyball', memberId: 'm0003' }),
    ])
  })

  await goBack(page, HOME)
  const readRow = page.locator('.home .notice-row', { hasText: VOLLEYBALL })
  await eventually(async () => expect(await readRow.getAttribute('class')).toContain('notice-row--read'))
  expect(await readRow.locator('.notice-row__dot').count()).toBe(0)
  expect(await readRow.innerText()).not.toContain('未读')
  await expectText(page.locator('.home__unread'), `您有 ${visible.length - 1} 条未读通知`)
  expect(await unreadCount(page)).toBe(visible.length - 1)
  await expectCount(page.locator('.home .notice-row--read'), 1)

  // The read mark is the server's, not the page's: a reload shows the same.
  await page.reload()
  await expectText(page.locator('.home__unread'), `您有 ${visible.length - 1} 条未读通知`)
  await eventually(async () =>
    expect(await page.locator('.home .notice-row', { hasText: VOLLEYBALL }).getAttribute('class')).toContain('notice-row--read'),
  )
})

test('reading every notice clears the unread header', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '杜平鹏')
  const member = (await h.store.get('members', 'm0004'))!
  const visible = await visibleTo(h.store, member.unitId)
  await expectText(page.locator('.home__unread'), `您有 ${visible.length} 条未读通知`)
  for (const [index, notice] of visible.entries()) {
    await page.locator('.home .notice-row', { hasText: notice.title }).click()
    await arrived(page, DETAIL)
    await expectText(page.locator('.notice-detail:visible .notice-detail__title'), notice.title)
    await goBack(page, HOME)
    const left = visible.length - index - 1
    if (left > 0) await expectText(page.locator('.home__unread'), `您有 ${left} 条未读通知`)
  }
  await expectCount(page.locator('.home__unread'), 0)
  await expectCount(page.locator('.home .notice-row--read'), visible.length)
  expect(await h.store.count('noticeReads', { memberId: member._id })).toBe(visible.length)
})

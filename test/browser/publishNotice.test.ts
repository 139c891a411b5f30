/**
 * Union office staff publish notices through 我的 → 通知公告管理 → 发布通知; members then find them on 首页.
 * A notice for chosen branch unions reaches their members only. The tests run in order over one host and store.
 */
import type { Page } from 'playwright-core'
import {
  arrived,
  expectCount,
  expectText,
  goBack,
  loginAs,
  open,
  screenshot,
  suiteHarness,
  tapCell,
  tapTab,
  toast,
  toastGone,
  visibleTo,
  eventually,
} from './harness'

const h = suiteHarness()

const HOME = /#\/pages\/index\/index/
const MINE = /#\/pages\/mine\/index/
const ADMIN_LIST = /#\/admin\/notices\/list\/index/
const ADMIN_EDIT = /#\/admin\/notices\/edit\/index/
const DETAIL = /#\/pages\/notices\/detail\/index\?id=/

const FOR_ALL = {
  title: '关于开展2026年教职工冬季健步走活动的通知',
  body: ['各分工会：', '校工会定于12月13日上午9点在东区田径场举办冬季健步走活动。', '## 活动安排', '- 集合：8点45分', '- 路线：东区环湖一周，约5公里', '请各分工会于**12月10日前**报名。'].join('\n'),
}
const FOR_FOREIGN_LANGUAGES = {
  title: '外国语学院分工会读书分享会报名',
  body: '本学期读书分享会定于周三下午在外国语学院三楼会议室举行，欢迎本院会员报名。',
}

/** 我的 → 通知公告管理, as the signed-in staff member. */
async function openNoticeAdmin(page: Page) {
  await tapTab(page, '我的')
  await arrived(page, MINE)
  await tapCell(page, '通知公告管理')
  await arrived(page, ADMIN_LIST)
  await page.locator('.admin-notice').first().waitFor()
}

/** The notice form's pieces, on the edit page. */
function form(page: Page) {
  const root = page.locator('.notice-form:visible')
  return {
    title: root.locator('.notice-form__group', { hasText: '标题' }).locator('input'),
    body: root.locator('.notice-form__body textarea'),
    chip: (text: string) => root.locator('.nut-radio', { hasText: text }),
    unit: (name: string) => root.locator('.unit-choice', { hasText: name }),
    submit: root.locator('taro-button-core.notice-form__submit'),
    errors: root.locator('.notice-form__error'),
  }
}

async function choose(page: Page, chip: string) {
  const radio = form(page).chip(chip)
  await radio.click()
  await eventually(async () => expect(await radio.getAttribute('aria-checked')).toBe('true'))
}

test('a member has no 通知公告管理 entry, and the management page refuses them', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '许静')
  await tapTab(page, '我的')
  await arrived(page, MINE)
  await expectText(page.locator('.mine__name'), '许静')
  await expectText(page.locator('.mine:visible'), '通知公告')
  expect(await page.locator('.mine:visible').innerText()).not.toContain('通知公告管理')

  await open(page, h.baseUrl, '/admin/notices/list/index')
  await expectText(page.locator('.admin-notices:visible'), '加载失败')
  await expectText(page.locator('.admin-notices:visible'), '仅校工会管理员可以进行此操作')
  await expectCount(page.locator('.admin-notice'), 0)
})

test('union office staff publish a notice for all members through the form; it heads the management list', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await openNoticeAdmin(page)
  // The seeded notices are all listed, newest first, each with its state, audience and read count.
  const seeded = await h.store.count('notices')
  await expectCount(page.locator('.admin-notice'), seeded)
  await expectText(page.locator('.admin-notice').first(), '关于举办2026年教职工气排球比赛的通知')
  await expectText(page.locator('.admin-notice', { hasText: '2026年度荣休仪式安排' }), '3 个分工会')
  await screenshot(page, 'admin-list')

  await page.locator('taro-button-core.admin-notices__publish').click()
  await arrived(page, ADMIN_EDIT)
  const f = form(page)
  await f.title.waitFor()

  // An empty form is refused on the spot, field by field, and nothing is published.
  await f.submit.click()
  await expectText(f.errors.first(), '请填写标题')
  await expectText(toast(page), '请填写标题')
  expect(await h.store.count('notices')).toBe(seeded)

  await f.title.fill(FOR_ALL.title)
  await choose(page, '活动')
  await choose(page, '全体会员')
  await choose(page, '立即发布')
  await f.body.fill(FOR_ALL.body)
  expect(await f.title.inputValue()).toBe(FOR_ALL.title)
  expect(await f.body.inputValue()).toBe(FOR_ALL.body)
  await expectText(f.submit, '立即发布')
  await toastGone(page)
  await screenshot(page, 'admin-edit')

  // 预览 shows the body as members will read it; 继续编辑 brings the text back as it was.
  await f.body.scrollIntoViewIfNeeded()
  await screenshot(page, 'admin-edit-body')
  await page.locator('.markup-toggle:visible', { hasText: '预览' }).click()
  await expectText(page.locator('.markup-editor__preview .rich-body h4:visible'), '活动安排')
  await screenshot(page, 'admin-edit-preview')
  await page.locator('.markup-toggle:visible', { hasText: '继续编辑' }).click()
  expect(await f.body.inputValue()).toBe(FOR_ALL.body)

  await f.submit.click()
  await expectText(toast(page), '已发布')
  await arrived(page, ADMIN_LIST)
  const first = page.locator('.admin-notice').first()
  await expectText(first, FOR_ALL.title)
  await expectText(first, '已发布')
  await expectText(first, '活动')
  await expectText(first, '全体会员 · 已读 0 人')
  await expectCount(page.locator('.admin-notice'), seeded + 1)

  const [stored] = await h.store.find('notices', { title: FOR_ALL.title })
  expect(stored).toMatchObject({
    title: FOR_ALL.title,
    body: FOR_ALL.body,
    category: 'event',
    pinned: false,
    withdrawn: false,
    audience: { kind: 'all' },
    createdBy: 'm0001',
  })
  expect(Date.parse(stored.publishAt)).toBeLessThanOrEqual(Date.now())
  await screenshot(page, 'admin-list-published')
})

test('a member finds the new notice at the top of 最新通知 on 首页 and opens it', async () => {
  const [notice] = await h.store.find('notices', { title: FOR_ALL.title })
  expect(notice).toBeDefined()
  const member = (await h.store.get('members', 'm0005'))!
  const visible = await visibleTo(h.store, member.unitId)
  expect(visible.map((n) => n._id)).toContain(notice._id)

  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, member.name)
  await expectText(page.locator('.home__unread'), `您有 ${visible.length} 条未读通知`)
  const latest = page.locator('.home .section', { hasText: '最新通知' }).locator('.notice-row')
  const row = page.locator('.home .notice-row', { hasText: FOR_ALL.title })
  await expectText(row, '活动')
  await expectText(row, '未读')
  await expectText(row, '校工会定于12月13日')
  // Newest first: the notice just published leads 最新通知 (if the section is there), else the whole list.
  const lead = (await latest.count()) > 0 ? latest.first() : page.locator('.home .notice-row').first()
  await expectText(lead, FOR_ALL.title)

  await row.click()
  await arrived(page, DETAIL)
  const detail = page.locator('.notice-detail:visible')
  await expectText(detail.locator('.notice-detail__title'), FOR_ALL.title)
  await expectText(detail.locator('.notice-detail__audience'), '全体会员')
  await expectText(detail.locator('.notice-detail__body'), '活动安排')
  await expectText(detail.locator('.notice-detail__body'), '路线：东区环湖一周，约5公里')
  await screenshot(page, 'notice-published')

  await goBack(page, HOME)
  await expectText(page.locator('.home__unread'), `您有 ${visible.length - 1} 条未读通知`)
  await eventually(async () => expect(await row.getAttribute('class')).toContain('notice-row--read'))
  expect(await h.store.count('noticeReads', { noticeId: notice._id })).toBe(1)
})

test('a notice for one branch union, published through the form, reaches its members only', async () => {
  const staff = await h.newPhone()
  await loginAs(staff, h.baseUrl, '沈丽萍')
  await openNoticeAdmin(staff)
  await staff.locator('taro-button-core.admin-notices__publish').click()
  await arrived(staff, ADMIN_EDIT)
  const f = form(staff)
  await f.title.fill(FOR_FOREIGN_LANGUAGES.title)
  await choose(staff, '通知')
  await choose(staff, '指定分工会')
  // Choosing 指定分工会 without a unit is refused.
  await f.body.fill(FOR_FOREIGN_LANGUAGES.body)
  await f.submit.click()
  await expectText(f.errors.first(), '分工会')
  expect(await h.store.count('notices', { title: FOR_FOREIGN_LANGUAGES.title })).toBe(0)

  const unit = f.unit('外国语学院分工会')
  await unit.click()
  await eventually(async () => expect(await unit.locator('.nut-checkbox-icon-checked').count()).toBeGreaterThan(0))
  await toastGone(staff)
  await screenshot(staff, 'admin-edit-units')
  await f.submit.click()
  await expectText(toast(staff), '已发布')
  await arrived(staff, ADMIN_LIST)
  await expectText(staff.locator('.admin-notice').first(), FOR_FOREIGN_LANGUAGES.title)
  await expectText(staff.locator('.admin-notice').first(), '1 个分工会')
  const [stored] = await h.store.find('notices', { title: FOR_FOREIGN_LANGUAGES.title })
  expect(stored).toMatchObject({ category: 'notice', audience: { kind: 'units', unitIds: ['unit06'] }, createdBy: 'm0002' })

  // 许静 is in 外国语学院分工会: the notice is on her 首页 and opens.
  const inside = await h.newPhone()
  await loginAs(inside, h.baseUrl, '许静')
  const row = inside.locator('.home .notice-row', { hasText: FOR_FOREIGN_LANGUAGES.title })
  await expectText(row, '未读')
  await row.click()
  await arrived(inside, DETAIL)
  await expectText(inside.locator('.notice-detail:visible .notice-detail__audience'), '发布范围：外国语学院分工会')

  // 蔡娜 is in 工学院分工会: not on 首页, not in 通知公告, and its address answers like a missing notice.
  const outside = await h.newPhone()
  await loginAs(outside, h.baseUrl, '蔡娜')
  // 首页 has loaded (the notice for everyone is there) …
  await outside.locator('.home .notice-row', { hasText: FOR_ALL.title }).waitFor()
  expect(await outside.locator('.notice-row', { hasText: FOR_FOREIGN_LANGUAGES.title }).count()).toBe(0)
  await outside.locator('.home .section__more', { hasText: '全部' }).click()
  await arrived(outside, /#\/pages\/notices\/list\/index/)
  const list = outside.locator('.notice-list:visible .notice-row')
  await expectCount(list, (await visibleTo(h.store, 'unit17')).length)
  expect(await outside.locator('.notice-list:visible').innerText()).not.toContain(FOR_FOREIGN_LANGUAGES.title)

  await open(outside, h.baseUrl, `/pages/notices/detail/index?id=${stored._id}`)
  await expectText(outside.locator('.notice-detail:visible'), '不存在')
  await expectCount(outside.locator('.notice-detail__title'), 0)
  await screenshot(outside, 'notice-not-visible')
  expect(await h.store.count('noticeReads', { noticeId: stored._id, memberId: 'm0005' })).toBe(0)
})

test('a notice for one branch union, published through the function API, reaches its members only', async () => {
  const title = '工学院分工会羽毛球友谊赛通知'
  const { id } = await h.callAs<{ id: string }>('m0001', 'notices', 'publish', {
    title,
    body: '本周五下午4点在体育馆羽毛球馆举行友谊赛，请有意参加的会员到分工会报名。',
    category: 'event',
    pinned: false,
    audience: { kind: 'units', unitIds: ['unit17'] },
  })

  const inside = await h.newPhone()
  await loginAs(inside, h.baseUrl, '蔡娜')
  const row = inside.locator('.home .notice-row', { hasText: title })
  await expectText(row, '未读')
  await row.click()
  await arrived(inside, DETAIL)
  await expectText(inside.locator('.notice-detail:visible .notice-detail__title'), title)
  await expectText(inside.locator('.notice-detail:visible .notice-detail__audience'), '工学院分工会')

  const outside = await h.newPhone()
  await loginAs(outside, h.baseUrl, '杜平鹏')
  await outside.locator('.home .notice-row').first().waitFor()
  expect(await outside.locator('.notice-row', { hasText: title }).count()).toBe(0)
  await open(outside, h.baseUrl, `/pages/notices/detail/index?id=${id}`)
  await expectText(outside.locator('.notice-detail:visible'), '不存在')
})

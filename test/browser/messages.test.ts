/**
 * Messages in the browser build, over one host and store, in order: the union office sets the notice template; a
 * member turns on WeChat reminders (the browser's stand-in for WeChat's consent panel); a notice published with
 * 同时发送消息提醒 reaches the member's 消息 tab (with the tab's badge) and their WeChat; tapping it opens the notice;
 * 全部已读; the union office sees 发送记录 and 任务运行记录 at a desk.
 */
import { consentId } from '../../cloudfunctions/core/notify'
import { answerModal, arrived, expectCount, expectText, loginAs, open, screenshot, suiteHarness, tapCell, tapTab, toast, eventually } from './harness'

const h = suiteHarness()

const TEMPLATE = 'tmpl-notice-reminder-0001'
const MEMBER = 'm0004'
const MEMBER_NAME = '杜平鹏'
const MESSAGES = /#\/pages\/messages\/index/
const TITLE = '关于开展冬季长跑活动的通知'

test('the union office sets the notice template in 工会设置', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await open(page, h.baseUrl, '/admin/settings/index')
  await arrived(page, /#\/admin\/settings\/index/)
  // Each kind of message has its template field (notices, and the events module's): the notice's.
  const input = page.locator('.settings__template', { hasText: '通知公告' }).locator('.settings__template-id input')
  await input.fill(TEMPLATE)
  await input.blur()
  await page.locator('taro-button-core.settings__save').click()
  await expectText(toast(page), '已保存')
  await screenshot(page, 'settings-templates')
  await eventually(async () => expect(await h.store.get('settings', 'union')).toMatchObject({ templateIds: { notice: TEMPLATE } }))
})

test('a member turns on WeChat reminders from the 消息 tab; the dialog asks as WeChat’s panel does', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, MEMBER_NAME)
  await tapTab(page, '消息')
  await arrived(page, MESSAGES)
  await expectText(page.locator('.messages__ask-title'), '开启微信提醒')
  await expectText(page.locator('.messages .state-view, .messages'), '还没有消息')
  await screenshot(page, 'messages-empty-ask')
  await page.locator('.messages__ask taro-button-core').click()
  const asked = await answerModal(page, '允许')
  expect(asked).toContain('教工之家 申请发送以下消息')
  expect(asked).toContain('通知公告')
  await expectText(toast(page), '已订阅，将通过微信提醒您')
  await eventually(async () => expect(await h.store.get('consents', consentId(MEMBER, TEMPLATE))).toMatchObject({ remaining: 1, lastChoice: 'accept' }))
  // Asked and answered: the card goes.
  await expectCount(page.locator('.messages__ask'), 0)
})

test('a notice published with 同时发送消息提醒 reaches the member’s 消息 tab and their WeChat; tapping it opens the notice', async () => {
  const office = await h.newPhone()
  await loginAs(office, h.baseUrl, '周建华')
  await open(office, h.baseUrl, '/admin/notices/edit/index')
  await arrived(office, /#\/admin\/notices\/edit\/index/)
  await expectText(office.locator('.notice-form'), '同时发送消息提醒')
  await screenshot(office, 'notice-form-notify')
  const { id } = await h.callAs<{ id: string }>('m0001', 'notices', 'publish', {
    title: TITLE,
    body: '各分工会：\n校工会定于本周六上午举办冬季长跑活动。',
    category: 'event',
    pinned: false,
    audience: { kind: 'all' },
    notify: true,
  })
  await h.runJob('messages', 'fanOut')
  await h.runJob('messages', 'dispatch')
  expect(h.wechat.sent).toEqual([
    expect.objectContaining({ touser: 'demo-openid-200004', templateId: TEMPLATE, page: `pages/notices/detail/index?id=${id}` }),
  ])

  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, MEMBER_NAME)
  // The tab bar says there is something new.
  await expectText(page.locator('.weui-tabbar__item', { hasText: '消息' }), /\d/)
  await tapTab(page, '消息')
  await arrived(page, MESSAGES)
  await expectText(page.locator('.messages__heading').first(), '今天')
  const row = page.locator('.message-row', { hasText: TITLE })
  await expectText(row, '通知公告')
  await expectCount(row.locator('.message-row__dot'), 1)
  await screenshot(page, 'messages-inbox')
  await row.click()
  await arrived(page, /#\/pages\/notices\/detail\/index/)
  await expectText(page.locator('.notice-detail:visible .notice-detail__title'), TITLE)
  await eventually(async () => expect((await h.store.find('messages', { subject: `notice:${id}`, recipientId: MEMBER }))[0]).toMatchObject({ read: true }))
})

test('全部已读 clears the unread dots; 微信提醒设置 shows how many reminders are left', async () => {
  await h.callAs('m0001', 'notices', 'publish', { title: '第二条通知', body: '正文', category: 'notice', pinned: false, audience: { kind: 'all' }, notify: true })
  await h.runJob('messages', 'fanOut')
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, MEMBER_NAME)
  await tapTab(page, '消息')
  await arrived(page, MESSAGES)
  await expectCount(page.locator('.message-row__dot'), 1)
  await page.locator('.messages__read-all').click()
  await expectText(toast(page), '已将 1 条标为已读')
  await expectCount(page.locator('.message-row__dot'), 0)

  await page.locator('.messages__settings').click()
  await arrived(page, /#\/pages\/messages\/subscriptions\/index/)
  // The one reminder allowed was used by the first notice.
  await expectText(page.locator('.subscriptions__standing'), '未订阅')
  await screenshot(page, 'messages-subscriptions')
})

test('the union office sees 发送记录 and 任务运行记录 at a desk', async () => {
  const desk = await h.newDesk()
  await loginAs(desk, h.baseUrl, '周建华')
  await tapTab(desk, '我的')
  await tapCell(desk, '发送记录')
  await arrived(desk, /#\/admin\/messages\/index/)
  await expectText(desk.locator('.admin-table'), MEMBER_NAME)
  await expectText(desk.locator('.admin-table'), '已发送')
  await screenshot(desk, 'desk-sends')
  await open(desk, h.baseUrl, '/admin/jobs/index')
  await arrived(desk, /#\/admin\/jobs\/index/)
  await expectText(desk.locator('.admin-table'), '发送微信订阅消息')
  await expectText(desk.locator('.admin-table'), '完成')
  await screenshot(desk, 'desk-jobs')
})

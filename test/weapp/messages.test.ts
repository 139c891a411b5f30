/**
 * The compiled 消息 pages on WeChat: a tap asks WeChat's own subscription panel (`wx.requestSubscribeMessage`, which
 * opens only from a tap) for the template the union office set, and the answer reaches the function; the inbox
 * lists what notify wrote and shows the unread count on the tab.
 */
import { consentId, notify } from '../../cloudfunctions/core/notify'
import { SETTINGS_ID } from '../../cloudfunctions/core/settings'
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { demoOpenid, seedDemoUnion } from '../../scripts/seed/demoUnion'
import { startWeapp, textIn, waitUntil, type Weapp } from './harness'

const store = new SqliteStore(':memory:')
const MEMBER_ID = 'm0003'
const TEMPLATE = 'tmpl-notice-weapp-0001'
let app: Weapp

beforeAll(async () => {
  const now = new Date()
  await seedDemoUnion(store, now)
  await store.insert('settings', { _id: SETTINGS_ID, youthUnderAge: 40, templateIds: { notice: TEMPLATE }, updatedAt: now.toISOString(), updatedBy: 'm0001' })
  await notify(store, now, [MEMBER_ID], {
    kind: 'notice',
    subject: 'notice:notice-volleyball',
    data: { noticeId: 'notice-volleyball', title: '关于举办2026年教职工气排球比赛的通知', category: 'event', publishAt: now.toISOString() },
  })
  app = startWeapp({ store, openid: demoOpenid('200003') })
})

afterAll(() => store.close())

test('微信提醒设置: 开启 asks WeChat’s panel for the notice template, and the 允许 is recorded', async () => {
  const page = app.open('pages/messages/subscriptions/index')
  const [button] = await page.waitFor('.subscriptions__kind')
  expect(textIn(button, 'subscriptions__standing')).toBe('未订阅')
  const asked = () => app.clientCalls.find(([api]) => api === 'requestSubscribeMessage')
  page.tap('.nut-button')
  const [, request] = await waitUntil(asked, 'the subscription panel')
  expect(request.tmplIds).toEqual([TEMPLATE])
  await waitUntil(() => (textIn(button, 'subscriptions__standing') === '已订阅，还可提醒 1 次' ? true : undefined), 'the page updated')
  expect(await store.get('consents', consentId(MEMBER_ID, TEMPLATE))).toMatchObject({ remaining: 1, lastChoice: 'accept' })
})

test('消息 lists the inbox entry, and the tab shows one unread', async () => {
  const page = app.open('pages/messages/index')
  const [row] = await page.waitFor('.message-row')
  expect(textIn(row, 'message-row__text')).toBe('活动：关于举办2026年教职工气排球比赛的通知')
  const badge = await waitUntil(() => app.clientCalls.find(([api]) => api === 'setTabBarBadge'), 'the unread badge')
  expect(badge[1]).toMatchObject({ index: 2, text: '1' })
})

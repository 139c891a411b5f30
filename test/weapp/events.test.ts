/**
 * The compiled event pages on WeChat: a member opens an event, fills its form and signs up (a call lost to WeChat's
 * time limit is tried again with the same key), sees 报名成功 and the sign-up in 我的报名; at the venue the scanned
 * code's scene checks them in once.
 */
import { signupId } from '../../cloudfunctions/events/seats'
import { consentId } from '../../cloudfunctions/core/notify'
import { SETTINGS_ID } from '../../cloudfunctions/core/settings'
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { demoOpenid, seedDemoUnion } from '../../scripts/seed/demoUnion'
import { IDEMPOTENCY_KEY, startWeapp, textIn, waitUntil, type PageHandle, type SimNode, type Weapp } from './harness'

// Signing up waits out one retry (about a second) in the compiled app.
jest.setTimeout(30_000)

const store = new SqliteStore(':memory:')
const MEMBER_ID = 'm0003'
const EVENT_ID = 'event-volleyball'
/** The demo volleyball event's venue code (scripts/seed/demoEvents.ts: demo + its id's first eight letters). */
const SCENE = 'e=demoeventvol'
const TEMPLATES = { eventReminder: 'tmpl-event-reminder-01', eventSignup: 'tmpl-event-signup-001', eventCancelled: 'tmpl-event-cancel-001' }
let app: Weapp
let title: string
let phone: string

beforeAll(async () => {
  const now = new Date()
  await seedDemoUnion(store, now)
  // The union office has set WeChat templates for the event messages (工会设置).
  await store.insert('settings', { _id: SETTINGS_ID, youthUnderAge: 40, templateIds: TEMPLATES, updatedAt: now.toISOString(), updatedBy: 'm0001' })
  const member = (await store.get('members', MEMBER_ID))!
  phone = member.phone
  title = (await store.get('events', EVENT_ID))!.title
  app = startWeapp({ store, openid: demoOpenid(member.staffNo) })
})

afterAll(() => store.close())

/** The first node matching `selector` whose text contains `text`. */
async function nodeWithText(page: PageHandle, selector: string, text: string): Promise<SimNode> {
  return waitUntil(() => page.component.querySelectorAll(selector).find((node) => (node.dom as HTMLElement).textContent?.includes(text)), `${selector} "${text}"`)
}

/** Lets the page's render after a tap land before the next tap (a person's taps are that far apart). */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const signUpCalls = () => app.cloudCalls.filter((call) => call.name === 'events' && (call.data as { action: string }).action === 'signUp')

test('活动详情 shows the event; 我要报名 opens its form', async () => {
  const detail = app.open('events/detail/index', { id: EVENT_ID })
  const [heading] = await detail.waitFor('.event-detail__title')
  expect(textIn(heading, 'event-detail__title')).toBe(title)
  // 60 places, 24 taken in the demo.
  await waitUntil(() => (detail.root.textContent?.includes('剩余 36 个名额（共 60 个）') ? true : undefined), 'the places left')
  expect(detail.root.textContent).toContain('体育馆二楼气排球场')
  expect(detail.root.textContent).toContain('名额满后可以候补：有人取消时，按候补顺序自动递补')
  const [button] = await detail.waitFor('.event-detail__signup')
  expect((button.dom as HTMLElement).textContent).toContain('我要报名')
  detail.tap(button)
  const navigated = await waitUntil(() => app.clientCalls.find(([api]) => api === 'navigateTo'), 'navigateTo')
  expect(navigated[1].url).toBe('/events/signup/index?id=event-volleyball')
})

test('the form starts with my phone, checks a missing choice, and signs up with one key even when WeChat timed out once', async () => {
  const form = app.open('events/signup/index', { id: EVENT_ID })
  await form.waitFor('.signup__question')
  const phoneInput = await form.waitFor('.signup__question--phone .nut-input-native')
  expect(JSON.stringify(form.dataOf(phoneInput[0]))).toContain(phone)

  // Sent without the required 参赛组别: refused here, nothing sent.
  form.tap('.signup__submit')
  await waitUntil(() => (form.root.textContent?.includes('请填写「参赛组别」') ? true : undefined), 'the missing choice under its question')
  expect(signUpCalls()).toHaveLength(0)

  const mixed = await nodeWithText(form, '.signup__question--group .nut-radio-button', '混合组')
  form.tap(mixed)
  // The choice shows picked before the next tap, as a person sees it.
  await waitUntil(() => (form.root.textContent?.includes('请填写「参赛组别」') ? undefined : true), 'the error gone once a group is picked')
  await pause(100)
  // WeChat's servers time out the first try; the page tries again by itself.
  app.failNextCall('events', 'signUp', { errCode: -504003, errMsg: 'cloud.callFunction:fail Error: errCode: -504003 | errMsg: Invoking task timed out after 3 seconds' })
  form.tap('.signup__submit')
  await waitUntil(() => (form.root.textContent?.includes('排队中，请勿离开') ? true : undefined), '排队中 while waiting to try again')
  // Meanwhile the button spins: NutUI's loading icon, an <i> that WeChat draws only through @tarojs/plugin-html
  // (config/index.ts), as a text node masked with the icon's SVG; without it the template has no `i` and shows nothing.
  const [spinner] = await form.waitFor('.signup__submit .nut-icon-loading')
  expect((spinner.dom as HTMLElement).getAttribute('style')).toContain('data:image/svg+xml')
  const [result] = await form.waitFor('.signup__result-title', 8000)
  expect(textIn(result, 'signup__result-title')).toBe('报名成功')

  const calls = signUpCalls()
  expect(calls).toHaveLength(2)
  const keys = calls.map((call) => (call.data as { idempotencyKey: string }).idempotencyKey)
  expect(keys[0]).toMatch(IDEMPOTENCY_KEY)
  expect(keys[1]).toBe(keys[0])
  expect((calls[1].data as { payload: unknown }).payload).toEqual({ eventId: EVENT_ID, answers: { group: '混合组', phone } })
  expect(await store.get('eventSignups', signupId(EVENT_ID, MEMBER_ID))).toMatchObject({ state: 'confirmed', answers: { group: '混合组', phone } })
  // Never told it failed.
  expect(app.clientCalls.filter(([api]) => api === 'showModal')).toEqual([])

  // 订阅活动提醒 asks WeChat's panel, from the tap, for the three event templates; each 允许 is recorded.
  await waitUntil(() => app.cloudCalls.find((call) => (call.data as { action: string }).action === 'subscriptions'), 'the subscriptions loaded')
  await pause(100)
  form.tap('.signup__remind')
  const [, panel] = await waitUntil(() => app.clientCalls.find(([api]) => api === 'requestSubscribeMessage'), 'the subscription panel')
  expect(panel.tmplIds).toEqual([TEMPLATES.eventReminder, TEMPLATES.eventSignup, TEMPLATES.eventCancelled])
  await waitUntil(() => (form.root.textContent?.includes('已订阅活动提醒') ? true : undefined), '已订阅活动提醒')
  expect(await store.get('consents', consentId(MEMBER_ID, TEMPLATES.eventSignup))).toMatchObject({ remaining: 1, lastChoice: 'accept' })

  form.tap('.signup__mine')
  const redirected = await waitUntil(() => app.clientCalls.find(([api]) => api === 'redirectTo'), 'redirectTo')
  expect(redirected[1].url).toBe('/events/mine/index')
})

test('我的报名 lists the sign-up as 已报名 with 取消报名', async () => {
  const mine = app.open('events/mine/index')
  const card = await nodeWithText(mine, '.signup-card', title)
  expect(textIn(card, 'status-tag')).toBe('已报名')
  expect(textIn(card, 'signup-card__cancel')).toBe('取消报名')
})

test('the scanned venue code checks me in once: 签到成功, then 已签到', async () => {
  // The volleyball match starts in half an hour: its check-in opened 30 minutes ago.
  const startAt = new Date(Date.now() + 30 * 60_000).toISOString()
  await store.update('events', { _id: EVENT_ID }, { $set: { startAt, endAt: new Date(Date.now() + 4 * 3_600_000).toISOString() } })

  // WeChat hands the scene over URL-encoded.
  const first = app.open('events/checkin/index', { scene: encodeURIComponent(SCENE) })
  const [done] = await first.waitFor('.check-in__title')
  await waitUntil(() => (textIn(done, 'check-in__title') === '签到成功' ? true : undefined), '签到成功')
  expect(first.root.textContent).toContain(title)
  expect((await store.get('eventSignups', signupId(EVENT_ID, MEMBER_ID)))?.checkedInAt).toEqual(expect.any(String))
  const checkIns = app.cloudCalls.filter((call) => (call.data as { action: string }).action === 'checkIn')
  expect(checkIns.map((call) => call.data)).toEqual([{ action: 'checkIn', payload: { scene: SCENE } }])

  const again = app.open('events/checkin/index', { scene: encodeURIComponent(SCENE) })
  await waitUntil(() => {
    const node = again.component.querySelector('.check-in__title')
    return node && textIn(node, 'check-in__title') === '已签到' ? true : undefined
  }, '已签到')
  expect(again.root.textContent).toContain('您已签到，无需重复签到')
})

test('a code that is no venue code says so', async () => {
  const page = app.open('events/checkin/index', { scene: encodeURIComponent('e=nocodelikeit') })
  await waitUntil(() => (page.root.textContent?.includes('签到码无效，请扫描活动现场的签到码') ? true : undefined), 'the invalid code message')
  expect(page.root.textContent).toContain('未能签到')
})

test('扫码签到 on the 活动 tab reads the scene from the scanned code’s path and opens check-in with it', async () => {
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx
  wx.scanCode = (request: { success?: (result: unknown) => void; complete?: (result: unknown) => void }) => {
    const result = { errMsg: 'scanCode:ok', scanType: 'WX_CODE', result: '', charSet: 'utf-8', path: `events/checkin/index?scene=${encodeURIComponent(SCENE)}` }
    request.success?.(result)
    request.complete?.(result)
  }
  const tab = app.open('pages/events/index')
  await tab.waitFor('.event-card')
  const before = app.clientCalls.filter(([api]) => api === 'navigateTo').length
  tab.tap('.events__scan')
  const opened = await waitUntil(() => app.clientCalls.filter(([api]) => api === 'navigateTo')[before], 'navigateTo after the scan')
  expect(opened[1].url).toBe('/events/checkin/index?scene=e%3Ddemoeventvol')
})

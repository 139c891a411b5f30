/**
 * Members and events in the browser build: signing up for the volleyball match with its form (报名成功), joining the
 * waitlist of the full first-aid lecture (候补第 N 位), and a confirmed member's cancel handing the place to the first
 * on the waitlist, who confirms it. Screenshots of 活动, the detail, the form, 我的报名 and 行事历.
 */
import type { Page } from 'playwright-core'
import { signupId } from '../../cloudfunctions/events/seats'
import type { EventSignupDoc } from '../../cloudfunctions/core/collections'
import { answerModal, arrived, eventually, expectText, isDisabled, loginAs, open, screenshot, suiteHarness, tapTab, toastGone } from './harness'

const h = suiteHarness()

/** Logs in as a demo member the login page does not list at first: found through its search bar by name. */
async function loginFound(page: Page, name: string) {
  await open(page, h.baseUrl, '/pages/login/index')
  await page.locator('.login:visible .nut-searchbar input').fill(name)
  await page.locator('.login__person:visible', { hasText: name }).first().click()
  await arrived(page, /#\/pages\/index\/index/)
  await expectText(page.locator('.home__greeting'), `${name}老师`)
}

const VOLLEYBALL = 'event-volleyball'
const FIRST_AID = 'event-first-aid'

/** The event's sign-ups in one state, in the order they came (or joined the waitlist). */
async function signupsOf(eventId: string, state: EventSignupDoc['state']) {
  const found = await h.store.find('eventSignups', { eventId, state })
  return found.sort((a, b) => (a.waitingSince ?? a.signedUpAt).localeCompare(b.waitingSince ?? b.signedUpAt))
}

test('a member signs up for the volleyball match with its form and sees 报名成功, then finds it in 我的报名', async () => {
  const member = (await h.store.get('members', 'm0003'))!
  const volleyball = (await h.store.get('events', VOLLEYBALL))!
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, member.name)

  await tapTab(page, '活动')
  await arrived(page, /#\/pages\/events\/index/)
  const list = page.locator('.events:visible')
  const card = list.locator('.event-card', { hasText: volleyball.title })
  // 60 places, 24 held in the demo.
  await expectText(card.locator('.event-card__places'), '36')
  await expectText(card, '体育馆二楼气排球场')
  await expectText(card, '校工会')
  await screenshot(page, 'events-tab')

  await card.click()
  await arrived(page, /#\/events\/detail\/index\?id=event-volleyball/)
  const detail = page.locator('.event-detail:visible')
  await expectText(detail.locator('.event-detail__title'), volleyball.title)
  await expectText(detail, '剩余 36 个名额（共 60 个）')
  await expectText(detail.locator('.rich-body'), '比赛安排')
  expect(await detail.locator('.rich-body').innerText()).not.toMatch(/\*\*|##/)
  await expectText(detail, '名额满后可以候补：有人取消时，按候补顺序自动递补')
  await expectText(detail.locator('.event-detail__verdict'), '可以报名')
  await screenshot(page, 'event-detail')

  await detail.locator('taro-button-core.event-detail__signup').click()
  await arrived(page, /#\/events\/signup\/index\?id=event-volleyball/)
  const form = page.locator('.signup:visible')
  // The phone question starts with the member's own number.
  await eventually(async () => expect(await form.locator('.signup__question--phone input').inputValue()).toBe(member.phone))
  // Sent without the required choice: refused under its question, nothing written.
  await form.locator('taro-button-core.signup__submit').click()
  await expectText(form.locator('.signup__question--group .signup__error'), '请填写「参赛组别」')
  expect(await h.store.get('eventSignups', signupId(VOLLEYBALL, member._id))).toBeNull()
  await toastGone(page)
  await form.locator('.signup__question--group .choice', { hasText: '混合组' }).click()
  await form.locator('.signup__question--size .choice', { hasText: /^XL$/ }).click()
  await screenshot(page, 'event-form')

  await form.locator('taro-button-core.signup__submit').click()
  await expectText(form.locator('.signup__result-title'), '报名成功')
  await expectText(form.locator('.signup__result-event'), volleyball.title)
  expect(await h.store.get('eventSignups', signupId(VOLLEYBALL, member._id))).toMatchObject({
    state: 'confirmed',
    answers: { group: '混合组', phone: member.phone, size: 'XL' },
  })
  expect((await h.store.get('events', VOLLEYBALL))!.remaining).toBe(35)
  await screenshot(page, 'event-signup-result')

  await form.locator('taro-button-core.signup__mine').click()
  await arrived(page, /#\/events\/mine\/index/)
  const mine = page.locator('.my-signups:visible')
  const row = mine.locator('.signup-card', { hasText: volleyball.title })
  await expectText(row.locator('.status-tag'), '已报名')
  await expectText(row.locator('taro-button-core.signup-card__cancel'), '取消报名')
  await screenshot(page, 'my-signups')

  // 首页's 我的活动 lists it, with how many events are open.
  await open(page, h.baseUrl, '/pages/index/index')
  await page.reload()
  const home = page.locator('.home:visible')
  await expectText(home.locator('.home__event', { hasText: volleyball.title }).locator('.status-tag'), '已报名')
  await expectText(home.locator('.home__open'), '个活动正在报名')
  await screenshot(page, 'home-events')
})

test('a member meets 候补 on the full first-aid lecture and is told their place in the queue', async () => {
  const member = (await h.store.get('members', 'm0004'))!
  const waitingBefore = (await signupsOf(FIRST_AID, 'waiting')).length
  expect(waitingBefore).toBe(5)
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, member.name)
  await open(page, h.baseUrl, `/events/detail/index?id=${FIRST_AID}`)
  const detail = page.locator('.event-detail:visible')
  await expectText(detail, '名额已满（共 30 个）')
  await expectText(detail, '5 人在候补')
  await expectText(detail.locator('.event-detail__verdict'), '名额已满，可以候补')
  await expectText(detail, '名额满后可以候补：有名额空出时会通知您，须在 24 小时内确认参加')
  const button = detail.locator('taro-button-core.event-detail__signup')
  await expectText(button, '候补报名')
  await button.click()

  await arrived(page, /#\/events\/signup\/index\?id=event-first-aid/)
  const form = page.locator('.signup:visible')
  await expectText(form, '本活动无需填写报名表')
  const submit = form.locator('taro-button-core.signup__submit')
  await expectText(submit, '提交候补')
  await submit.click()
  await expectText(form.locator('.signup__result-title'), '候补第 6 位')
  await expectText(form.locator('.signup__result-message'), '名额已满，您是候补第 6 位')
  expect(await h.store.get('eventSignups', signupId(FIRST_AID, member._id))).toMatchObject({ state: 'waiting' })
  await screenshot(page, 'event-waitlist-result')
})

test('a confirmed member cancels in 我的报名; the first on the waitlist is offered the place and confirms it', async () => {
  // The development login picks people by name: someone whose name nobody else has.
  const members = await h.store.find('members', {})
  const unique = (name: string) => members.filter((member) => member.name === name).length === 1
  const leaver = (await signupsOf(FIRST_AID, 'confirmed')).find((signup) => unique(signup.memberName))!
  const [next] = await signupsOf(FIRST_AID, 'waiting')
  expect(unique(next.memberName)).toBe(true)
  const event = (await h.store.get('events', FIRST_AID))!

  const page = await h.newPhone()
  await loginFound(page, leaver.memberName)
  await open(page, h.baseUrl, '/events/mine/index')
  const row = page.locator('.my-signups:visible .signup-card', { hasText: event.title })
  await expectText(row.locator('.status-tag'), '已报名')
  await row.locator('taro-button-core.signup-card__cancel').click()
  expect(await answerModal(page, '取消报名')).toContain(`确定取消「${event.title}」的报名吗？`)
  await expectText(row.locator('.status-tag'), '已取消')
  expect(await h.store.get('eventSignups', leaver._id)).toMatchObject({ state: 'cancelled' })
  // The place went to the first waiting, as an offer to confirm (this lecture's waitlist asks within 24 hours).
  await eventually(async () => expect(await h.store.get('eventSignups', next._id)).toMatchObject({ state: 'offered', offerExpiresAt: expect.any(String) }))

  const nextPhone = await h.newPhone()
  await loginFound(nextPhone, next.memberName)
  await open(nextPhone, h.baseUrl, '/events/mine/index')
  const offered = nextPhone.locator('.my-signups:visible .signup-card', { hasText: event.title })
  await expectText(offered.locator('.status-tag'), '递补待确认')
  await expectText(offered.locator('.signup-card__note'), '有名额空出，请在')
  await screenshot(nextPhone, 'my-signups-offer')
  await offered.locator('taro-button-core.signup-card__accept').click()
  expect(await answerModal(nextPhone, '确认参加')).toContain(`确认参加「${event.title}」吗？`)
  await expectText(offered.locator('.status-tag'), '已报名')
  expect(await h.store.get('eventSignups', next._id)).toMatchObject({ state: 'confirmed' })
})

test('an event a member may not join says why on its disabled main button', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '许静')
  await open(page, h.baseUrl, '/events/detail/index?id=event-retirement')
  const detail = page.locator('.event-detail:visible')
  await expectText(detail, '仅限退休教职工')
  const button = detail.locator('taro-button-core.event-detail__signup')
  await expectText(button, '仅限退休教职工报名')
  expect(await isDisabled(button)).toBe(true)
  await screenshot(page, 'event-detail-ineligible')
})

test('行事历 shows the year by month: events to open, the union’s own lines plainly', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '许静')
  await open(page, h.baseUrl, '/events/calendar/index')
  const calendar = page.locator('.calendar:visible')
  const year = new Date().getFullYear()
  await expectText(calendar.locator('.calendar__year'), `${year}年`)
  await expectText(calendar.locator('.calendar__month').nth(4), '组织全校女教职工妇科检查')
  await expectText(calendar.locator('.calendar__month').nth(11), '年终工作总结、考核')
  expect(await calendar.locator('.calendar__month').count()).toBe(12)
  await screenshot(page, 'calendar')
  await calendar.locator('.calendar__item--event').first().click()
  await arrived(page, /#\/events\/detail\/index\?id=/)
})

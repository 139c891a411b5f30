/**
 * The compiled bind page: an unbound WeChat user (the demo member m0300, never bound by the seed) types their
 * staff number, name and phone's last four digits, taps 绑定, and the real members.bind records the binding; then
 * 我的 shows their profile. Wrong details get the server's one mismatch message and bind nothing.
 *
 * The tests share one bind page, in order (the compiled app runs once per file, as one WeChat user): first the
 * wrong attempts, then the right one.
 */
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import type { MemberDoc } from '../../cloudfunctions/core/collections'
import { demoOpenid, seedDemoUnion } from '../../scripts/seed/demoUnion'
import { IDEMPOTENCY_KEY as KEY, startWeapp, textIn, waitUntil, type PageHandle, type Weapp } from './harness'

const store = new SqliteStore(':memory:')
const MEMBER_ID = 'm0300'
const OPENID = demoOpenid('200300')
let app: Weapp
let bind: PageHandle
let member: MemberDoc

interface BindDetails {
  staffNo: string
  name: string
  phoneLast4: string
}

beforeAll(async () => {
  await seedDemoUnion(store, new Date())
  const found = await store.get('members', MEMBER_ID)
  if (!found) throw new Error(`the demo union has no ${MEMBER_ID}`)
  member = found
  app = startWeapp({ store, openid: OPENID })
  bind = app.open('pages/bind/index')
})

afterAll(() => store.close())

/** What the WeChat client does as the user types: an `input` event on the native input, the new value in detail. */
async function fill(page: PageHandle, details: BindDetails) {
  const inputs = await page.waitFor('.nut-input-native')
  expect(inputs).toHaveLength(3)
  // Field order on the page: 工号, 姓名, 手机号后四位.
  const values = [details.staffNo, details.name, details.phoneLast4]
  for (const [index, value] of values.entries()) page.fire(inputs[index], 'input', { value, cursor: value.length, keyCode: 0 })
  // The page renders what was typed: NutUI's controlled Input fed back through React state into the data Taro
  // hands the template (the simulator's <input> keeps no DOM value, so read the node's data by its sid).
  await waitUntil(
    () => values.every((value, index) => Object.values(page.dataOf(inputs[index])).includes(value)) || undefined,
    `the typed values ${JSON.stringify(values)} in the page data`,
  )
}

/** Taps 绑定 and waits for the members.bind call it makes; returns that call. */
async function submit(page: PageHandle) {
  const before = app.cloudCalls.length
  const [button] = await page.waitFor('.bind__submit')
  expect(textIn(button, 'bind__submit') ?? button.dom?.textContent?.trim()).toBe('绑定')
  page.tap(button)
  return waitUntil(
    () => app.cloudCalls.slice(before).find((call) => call.name === 'members' && (call.data as { action: string }).action === 'bind'),
    'the members.bind call after tapping 绑定',
  )
}

const calls = (api: string) => app.clientCalls.filter(([name]) => name === api).map(([, request]) => request)
const toasts = () => calls('showToast').map((request) => String(request.title))
const modals = () => app.clientCalls.filter(([api]) => api === 'showModal').map(([, request]) => String(request.content))
const bindingsOf = () => store.find('bindings', { memberId: MEMBER_ID })

test('the seed leaves m0300 unbound: its demo openid has no binding', async () => {
  expect(member.staffNo).toBe('200300')
  expect(await store.get('bindings', OPENID)).toBeNull()
  expect(await bindingsOf()).toEqual([])
})

test('the first 绑定 asks for privacy consent: refused, nothing is sent; agreed, the binding goes on', async () => {
  // A first-time user: WeChat has no consent from them yet.
  app.privacy = 'unanswered'
  const modalsBefore = modals().length
  const wrongPhone = member.phone.slice(-4) === '0000' ? '1111' : '0000'
  await fill(bind, { staffNo: member.staffNo, name: member.name, phoneLast4: wrongPhone })
  const callsBefore = app.cloudCalls.length

  bind.tap('.bind__submit')
  const [agree] = await bind.waitFor('.privacy-consent__agree')
  expect(calls('requirePrivacyAuthorize')).toHaveLength(1)
  // WeChat's own consent button, under the id the app hands WeChat with the answer.
  expect(Object.values(bind.dataOf(agree))).toEqual(expect.arrayContaining(['agreePrivacyAuthorization', 'privacy-agree']))
  expect(textIn(agree, 'privacy-consent__agree') ?? agree.dom?.textContent?.trim()).toBe('同意并继续')

  bind.tap('.privacy-consent__disagree')
  await waitUntil(() => (toasts().includes('需要同意隐私保护指引后才能绑定') ? true : undefined), 'the refusal toast')
  expect(app.privacyAnswers).toEqual([{ event: 'disagree' }])
  expect(app.cloudCalls.slice(callsBefore)).toEqual([])

  // Asked again; 同意并继续 (WeChat's agreeprivacyauthorization event) lets the binding through.
  bind.tap('.bind__submit')
  await waitUntil(() => (calls('requirePrivacyAuthorize').length === 2 ? true : undefined), 'the second consent question')
  bind.fire('.privacy-consent__agree', 'agreeprivacyauthorization')
  const wrong = await waitUntil(
    () => app.cloudCalls.slice(callsBefore).find((call) => call.name === 'members' && (call.data as { action: string }).action === 'bind'),
    'the members.bind call after agreeing',
  )
  expect(app.privacyAnswers).toEqual([{ event: 'disagree' }, { event: 'agree', buttonId: 'privacy-agree' }])
  expect(app.privacy).toBe('agreed')

  // The details were wrong.
  expect(wrong.data).toEqual({
    action: 'bind',
    payload: { staffNo: member.staffNo, name: member.name, phoneLast4: wrongPhone },
    idempotencyKey: expect.stringMatching(KEY),
  })
  expect(wrong.result).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  const { message } = wrong.result as { message: string }
  expect(message).toBe('工号、姓名或手机号后四位不匹配，请核对后重试（还可尝试 4 次）')
  // Longer than the two lines a toast holds: a dialog shows all of it.
  await waitUntil(() => (modals().slice(modalsBefore).includes(message) ? true : undefined), 'the mismatch dialog')
  expect(await store.get('bindings', OPENID)).toBeNull()
})

test('an unknown staff number gets the very same mismatch message, and nothing binds', async () => {
  const modalsBefore = modals().length
  const wrong = app.cloudCalls.filter((call) => call.name === 'members' && (call.data as { action: string }).action === 'bind').at(-1)!

  // The reply never tells whether a staff number exists.
  await fill(bind, { staffNo: '999999', name: member.name, phoneLast4: member.phone.slice(-4) })
  const unknown = await submit(bind)
  expect(unknown.result).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    message: '工号、姓名或手机号后四位不匹配，请核对后重试（还可尝试 3 次）',
  })
  await waitUntil(
    () => (modals().slice(modalsBefore).includes((unknown.result as { message: string }).message) ? true : undefined),
    'the second mismatch dialog',
  )
  // Each attempt was its own write.
  expect((unknown.data as { idempotencyKey: string }).idempotencyKey).not.toBe((wrong.data as { idempotencyKey: string }).idempotencyKey)

  expect(await store.get('bindings', OPENID)).toBeNull()
  expect(await bindingsOf()).toEqual([])
  expect(await store.get('bindAttempts', OPENID)).toMatchObject({ failures: 2 })
  // A failed attempt stays on the bind page.
  expect(app.clientCalls.filter(([api]) => api === 'reLaunch')).toEqual([])
})

test('the right details bind this WeChat user to m0300, toast 绑定成功 and relaunch 首页', async () => {
  const toastsBefore = toasts().length
  const details = { staffNo: member.staffNo, name: member.name, phoneLast4: member.phone.slice(-4) }

  await fill(bind, details)
  const answered = await submit(bind)

  expect(answered.data).toEqual({ action: 'bind', payload: details, idempotencyKey: expect.stringMatching(KEY) })
  expect(answered.result).toMatchObject({ ok: true, data: { id: MEMBER_ID, name: member.name, staffNo: member.staffNo } })
  expect(await store.get('bindings', OPENID)).toMatchObject({ _id: OPENID, memberId: MEMBER_ID })
  expect(await bindingsOf()).toHaveLength(1)
  // A success clears the failures counted so far.
  expect(await store.get('bindAttempts', OPENID)).toBeNull()
  await waitUntil(() => (toasts().slice(toastsBefore).includes(`绑定成功，${member.name}`) ? true : undefined), 'the 绑定成功 toast')

  const [, relaunch] = await waitUntil(() => app.clientCalls.find(([api]) => api === 'reLaunch'), 'reLaunch after binding')
  expect(relaunch.url).toBe('/pages/index/index')
  expect(app.pages).toContain('pages/index/index')
  expect(app.clientCalls.filter(([api]) => ['reLaunch', 'navigateTo', 'redirectTo', 'switchTab'].includes(api))).toHaveLength(1)
})

test('now bound, 我的 shows the member profile: name and branch union', async () => {
  const unit = await store.get('units', member.unitId)
  if (!unit) throw new Error(`no unit ${member.unitId}`)

  const mine = app.open('pages/mine/index')

  const [name] = await mine.waitFor('.mine__name')
  expect(textIn(name, 'mine__name')).toBe(member.name)
  const [unitName] = await mine.waitFor('.mine__unit')
  expect(textIn(unitName, 'mine__unit')).toBe(unit.name)
  const me = app.cloudCalls.filter((call) => call.name === 'members' && (call.data as { action: string }).action === 'me')
  expect(me.at(-1)?.result).toMatchObject({ ok: true, data: { id: MEMBER_ID, name: member.name, unitName: unit.name } })
  expect(mine.root.textContent).not.toContain('尚未绑定会员身份')
})

/**
 * The compiled 会员信息 page (admin subpackage) as the union office edits a member on WeChat: WeChat's pickers cover
 * the page and show it again, which reloads the record quietly but keeps what was typed; a save that WeChat reports
 * timed out says it may or may not have been saved, and saving again sends the same idempotency key.
 *
 * The tests share one page, in order (the compiled app runs once per file).
 */
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import type { MemberDoc } from '../../cloudfunctions/core/collections'
import { demoOpenid, seedDemoUnion } from '../../scripts/seed/demoUnion'
import { IDEMPOTENCY_KEY, startWeapp, waitUntil, type PageHandle, type Weapp } from './harness'

const store = new SqliteStore(':memory:')
const MEMBER_ID = 'm0005'
const ROUTE = 'admin/members/detail/index'
const FIRST_PHONE = '13912340001'
const SECOND_PHONE = '13912340002'
let app: Weapp
let page: PageHandle
let member: MemberDoc

beforeAll(async () => {
  await seedDemoUnion(store, new Date())
  const office = await store.get('members', 'm0001')
  if (!office?.roles.includes('unionOffice')) throw new Error('the demo union has no union office member m0001')
  member = (await store.get('members', MEMBER_ID))!
  app = startWeapp({ store, openid: demoOpenid(office.staffNo) })
  page = app.open(ROUTE, { id: MEMBER_ID })
})

afterAll(() => store.close())

const calls = (api: string) => app.clientCalls.filter(([name]) => name === api).map(([, request]) => request)
const memberCalls = (action: string) =>
  app.cloudCalls.filter((call) => call.name === 'members' && (call.data as { action: string }).action === action)
const keyOf = (call: { data: unknown }) => (call.data as { idempotencyKey?: string }).idempotencyKey

/** The phone field (fields in page order: 姓名, 手机号, 出生日期, 入会时间). */
async function phoneInput() {
  const inputs = await page.waitFor('.nut-input-native')
  expect(inputs).toHaveLength(4)
  return inputs[1]
}

/** Types into the phone field as the client does, and waits until the page shows it. */
async function typePhone(value: string) {
  const input = await phoneInput()
  page.fire(input, 'input', { value, cursor: value.length, keyCode: 0 })
  await shows(value)
}

/** Waits until the phone field shows `value` (the node's data, as the simulator's <input> keeps no DOM value). */
async function shows(value: string) {
  await phoneInput()
  await waitUntil(() => {
    const input = page.component.querySelectorAll('.nut-input-native')[1]
    return Object.values(page.dataOf(input)).includes(value) ? true : undefined
  }, `the phone field showing ${value}`)
}

test('the record loads into the form', async () => {
  await shows(member.phone)
  expect(memberCalls('memberRecord')).toHaveLength(1)
})

test('covered by a picker and shown again, the page reloads the record quietly and keeps the edit', async () => {
  await typePhone(FIRST_PHONE)

  page.hideAndShow()
  await waitUntil(() => (memberCalls('memberRecord').length === 2 ? true : undefined), 'the quiet reload on show')
  expect(memberCalls('memberRecord')[1].result).toMatchObject({ ok: true, data: { phone: member.phone } })
  // Let the reloaded record reach the page: the edit stays.
  await new Promise((resolve) => setTimeout(resolve, 200))
  await shows(FIRST_PHONE)
  expect(calls('showToast')).toEqual([])

  page.tap('.member__save')
  const [saved] = await waitUntil(() => (memberCalls('updateMember').length ? memberCalls('updateMember') : undefined), 'members.updateMember')
  expect(saved.data).toMatchObject({ action: 'updateMember', payload: { memberId: MEMBER_ID, member: { phone: FIRST_PHONE } } })
  expect(keyOf(saved)).toMatch(IDEMPOTENCY_KEY)
  expect(saved.result).toMatchObject({ ok: true })
  expect(await store.get('members', MEMBER_ID)).toMatchObject({ phone: FIRST_PHONE })
  await waitUntil(() => (calls('showToast').some((toast) => toast.title === '已保存') ? true : undefined), 'the 已保存 toast')
})

test('a save WeChat reports timed out may or may not have been done; saving again sends the same key', async () => {
  await typePhone(SECOND_PHONE)
  app.failNextCall('members', 'updateMember', {
    errCode: -504003,
    errMsg: 'cloud.callFunction:fail Error: errCode: -504003  | errMsg: Invoking task timed out after 3 seconds',
  })
  const before = memberCalls('updateMember').length

  page.tap('.member__save')
  const dialog = await waitUntil(() => calls('showModal').find((request) => String(request.content).includes('可能已经完成')), 'the timeout dialog')
  expect(dialog).toMatchObject({
    title: '处理超时',
    content: '处理超时：这次操作可能已经完成，也可能没有。请稍后刷新查看；需要时再点一次，不会重复提交。',
    showCancel: false,
  })
  const [timedOut] = memberCalls('updateMember').slice(before)
  expect(await store.get('members', MEMBER_ID)).toMatchObject({ phone: FIRST_PHONE })

  page.tap('.member__save')
  const retried = await waitUntil(() => memberCalls('updateMember')[before + 1], 'the second members.updateMember')
  expect(keyOf(retried)).toBe(keyOf(timedOut))
  expect(retried.result).toMatchObject({ ok: true })
  expect(await store.get('members', MEMBER_ID)).toMatchObject({ phone: SECOND_PHONE })
})

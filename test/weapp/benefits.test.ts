/**
 * The compiled benefit pages on WeChat: a member whose birthday month it is opens the birthday message from 消息,
 * lands in 我的福利 with the claim code, and confirms the gift received (after WeChat's confirm dialog).
 */
import { birthdayPayoutId } from '../../cloudfunctions/benefits/jobs'
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { demoOpenid, seedDemoUnion } from '../../scripts/seed/demoUnion'
import { shanghaiDay } from '../../types/time'
import { IDEMPOTENCY_KEY, startWeapp, textIn, waitUntil, type Weapp } from './harness'

const store = new SqliteStore(':memory:')
let app: Weapp
let payoutId: string
let code: string

beforeAll(async () => {
  const now = new Date()
  await seedDemoUnion(store, now)
  // This month's birthdays were given their gifts as the demo was seeded; the seed marked every third collected.
  const [payout] = await store.find('benefitPayouts', { kind: 'birthday', receivedAt: { $exists: false } }, { sort: { _id: 1 }, limit: 1 })
  payoutId = payout._id
  code = payout.code!
  expect(payoutId).toBe(birthdayPayoutId(Number(shanghaiDay(now).slice(0, 4)), payout.memberId))
  const member = (await store.get('members', payout.memberId))!
  app = startWeapp({ store, openid: demoOpenid(member.staffNo) })
})

afterAll(() => store.close())

test('消息 has the birthday message; opening it goes to 我的福利', async () => {
  const page = app.open('pages/messages/index')
  const [row] = await page.waitFor('.message-row')
  // The code itself only in 我的福利.
  expect(textIn(row, 'message-row__text')).toBe(`生日快乐！您的生日蛋糕卡已发放（在「我的福利」查看领取码，请于 ${(await store.get('benefitPayouts', payoutId))!.deadline} 前领取）`)
  page.tap(row)
  const navigated = await waitUntil(() => app.clientCalls.find(([api]) => api === 'navigateTo'), 'navigateTo')
  expect(navigated[1].url).toBe('/benefits/mine/index')
})

test('我的福利 shows the claim code; 我已领取, confirmed, records the receipt', async () => {
  const page = app.open('benefits/mine/index')
  const [value] = await page.waitFor('.benefit-card__code-value')
  expect(textIn(value, 'benefit-card__code-value')).toBe(code)
  expect(page.root.textContent).toContain('待领取')
  page.tap('.benefit-card__confirm')
  const [, modal] = await waitUntil(() => app.clientCalls.find(([api]) => api === 'showModal'), 'the confirm dialog')
  expect(modal).toMatchObject({ title: '确认已领取', confirmText: '已领取' })
  await waitUntil(() => (page.root.textContent?.includes('已领取') && !page.root.textContent.includes('待领取') ? true : undefined), '已领取')
  const confirm = app.cloudCalls.find((call) => call.name === 'benefits' && (call.data as { action: string }).action === 'confirmReceipt')!
  expect((confirm.data as { idempotencyKey: string }).idempotencyKey).toMatch(IDEMPOTENCY_KEY)
  expect((await store.get('benefitPayouts', payoutId))?.receivedAt).toBeDefined()
})

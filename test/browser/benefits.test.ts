/**
 * Benefits in the browser build: a member whose birthday month it is meets the birthday card on 首页, opens 我的福利
 * and confirms the gift received; the union office changes the birthday gift in 福利政策. The seed gives this month's
 * birthdays their gifts the way the daily job does, and marks every third collected. The tests run in order over one
 * host and store.
 */
import { festivalDate } from '../../cloudfunctions/benefits/festivals'
import { birthdayPayoutId } from '../../cloudfunctions/benefits/jobs'
import { shanghaiDay } from '../../types/time'
import { answerModal, arrived, eventually, expectCount, expectText, goBack, loginAs, screenshot, suiteHarness, tapCell, tapTab, toast, toastGone } from './harness'

const h = suiteHarness()

const HOME = /#\/pages\/index\/index/
const MY_BENEFITS = /#\/benefits\/mine\/index/
const MINE = /#\/pages\/mine\/index/
const POLICIES = /#\/admin\/benefits\/policies\/index/
const POLICY = /#\/admin\/benefits\/policy\/index/
const LEDGER = /#\/admin\/benefits\/ledger\/index/
const BUDGETS = /#\/admin\/benefits\/budgets\/index/

/** A member with a birthday this month whose gift the seed left uncollected. */
async function birthdayMember() {
  const payouts = await h.store.find('benefitPayouts', { kind: 'birthday', receivedAt: { $exists: false } }, { sort: { _id: 1 } })
  const bound = new Set((await h.store.find('bindings')).map((binding) => binding.memberId))
  const payout = payouts.find((candidate) => bound.has(candidate.memberId))!
  return { payout, member: (await h.store.get('members', payout.memberId))! }
}

test('a member in their birthday month meets the card on 首页, sees the claim code and confirms the gift received', async () => {
  const { payout, member } = await birthdayMember()
  expect(payout._id).toBe(birthdayPayoutId(Number(shanghaiDay(new Date()).slice(0, 4)), member._id))
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, member.name)
  const card = page.locator('.home__birthday:visible')
  await expectText(card, `生日快乐，${member.name}老师！`)
  await expectText(card, '校工会为您准备了生日蛋糕卡')
  await screenshot(page, 'benefits-home-birthday')

  await card.click()
  await arrived(page, MY_BENEFITS)
  const gift = page.locator('.benefit-card:visible').first()
  await expectText(gift, '生日蛋糕卡')
  await expectText(gift.locator('.benefit-card__code-value'), payout.code!)
  await expectText(gift, '待领取')
  await expectText(page.locator('.my-benefits__year:visible'), '生日慰问')
  await expectText(page.locator('.my-benefits__year:visible'), '¥200 / 年度限额 ¥300')
  await screenshot(page, 'benefits-mine')

  await gift.locator('taro-button-core.benefit-card__confirm').click()
  expect(await answerModal(page, '已领取')).toContain('确认您已领取「生日蛋糕卡」？')
  await expectText(toast(page), '已确认领取')
  await expectText(gift, '已领取')
  await expectText(gift, `${member.name}确认领取`)
  await screenshot(page, 'benefits-mine-received')
  await eventually(async () => expect((await h.store.get('benefitPayouts', payout._id))?.receivedByName).toBe(member.name))

  await goBack(page, HOME)
  await expectText(page.locator('.home__birthday:visible'), '已领取，校工会祝您生日快乐')
})

test('the union office changes the birthday gift in 福利政策: saved, audited, and no cash offered for festivals', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await tapTab(page, '我的')
  await arrived(page, MINE)
  await tapCell(page, '福利政策')
  await arrived(page, POLICIES)
  await expectText(page.locator('.benefit-policies__list:visible'), '年度限额 ¥300 · 每年一次 · 提货券（蛋糕卡）、实物')
  await expectText(page.locator('.benefit-policies__list:visible'), '未设置：设置前不能发放')
  // 2027's 春节 and 中秋 by the lunar calendar; 元旦 first, whatever day of December this runs.
  await expectText(page.locator('.benefit-policies__festivals:visible'), /春节\s*2027年2月6日/)
  await expectText(page.locator('.benefit-policies__festivals:visible'), /中秋\s*2027年9月15日/)
  await screenshot(page, 'benefits-policies')

  await page.locator('.benefit-policies__row:visible', { hasText: '生日慰问' }).click()
  await arrived(page, POLICY)
  const amount = page.locator('.form-field:visible', { hasText: '金额（元）' }).locator('input')
  await eventually(async () => expect(await amount.inputValue()).toBe('200'))
  await amount.fill('250')
  await amount.blur()
  await screenshot(page, 'benefits-policy-edit')
  await page.locator('.bottom-bar:visible taro-button-core').click()
  await expectText(toast(page), '已保存')
  await arrived(page, POLICIES)
  await expectText(page.locator('.benefit-policies__list:visible'), '生日礼品：生日蛋糕卡 ¥250')
  const [entry] = await h.store.find('auditLog', { action: 'benefits.updatePolicy' })
  expect(entry).toMatchObject({ actorName: '周建华', target: '生日慰问', before: { 生日礼品: '生日蛋糕卡 ¥200（提货券（蛋糕卡））' }, after: { 生日礼品: '生日蛋糕卡 ¥250（提货券（蛋糕卡））' } })

  await page.locator('.benefit-policies__row:visible', { hasText: '节日慰问' }).click()
  await arrived(page, POLICY)
  const forms = page.locator('.form-field:visible', { hasText: '发放形式' })
  await expectText(forms, '按规定只能发实物或提货券，不得发放现金和购物卡。')
  expect(await forms.innerText()).not.toContain('慰问金')
})

test('the union office reads 福利台账: this year’s payouts, who approved each, who has collected, the totals', async () => {
  const year = shanghaiDay(new Date()).slice(0, 4)
  // This month's 24 birthday gifts (the demo gives 25 members a birthday each month; one has dues unpaid); the seed
  // marked 8 collected and the first test here one more.
  const given = await h.store.count('benefitPayouts', { kind: 'birthday' })
  expect(given).toBe(24)
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await tapTab(page, '我的')
  await arrived(page, MINE)
  await tapCell(page, '福利台账')
  await arrived(page, /#\/admin\/benefits\/ledger\/index/)
  const summary = page.locator('.ledger__summary:visible')
  // With the seed's approved application (¥1,000) and hardship aid (¥1,000); and, once this year's 端午 has passed,
  // the seed's round: two gifts each for 288 members, 520 of them collected.
  const withRound = festivalDate('dragonBoat', Number(year)) <= shanghaiDay(new Date())
  await expectText(summary, withRound ? `${year} 年共 602 笔 · ¥64,400` : `${year} 年共 26 笔 · ¥6,800`)
  await expectText(summary, /生日慰问\s*24 笔 · ¥4,800 · 已领取 9\/24/)
  if (withRound) await expectText(summary, /节日慰问\s*576 笔 · ¥57,600 · 已领取 520\/576/)
  await expectText(page.locator('.ledger .card:visible', { hasText: '生日蛋糕卡' }).first(), '批准：周建华')
  await screenshot(page, 'benefits-ledger')
  // One member's year, each kind against its yearly cap: 董丹莹 (文学院分工会), her hardship aid and the 端午 gifts.
  const ledger = page.locator('.ledger:visible')
  await ledger.locator('.unit-chips .choice', { hasText: '文学院分工会' }).click()
  await ledger.locator('.nut-searchbar input').fill('董丹莹')
  await ledger.locator('.member-picker__row', { hasText: '董丹莹' }).click()
  await expectText(summary, withRound ? `董丹莹 ${year} 年共 3 笔 · ¥1,200` : `董丹莹 ${year} 年共 1 笔 · ¥1,000`)
  await expectText(summary, /困难帮扶\s*1 笔 · ¥1,000 \/ 年度上限 ¥2,000 · 已领取 0\/1/)
  if (withRound) await expectText(summary, /节日慰问\s*2 笔 · ¥200 \/ 年度上限 ¥1,800 · 已领取 2\/2/)
  await expectCount(ledger.locator('.card', { hasText: '批准：' }), withRound ? 3 : 1)
  await screenshot(page, 'benefits-ledger-member')
  await page.locator('.ledger__filters .choice:visible', { hasText: '其他' }).click()
  await expectText(ledger, `董丹莹 ${year} 年还没有这类发放记录`)
})

test('the union office sets this year’s budgets in 福利预算, and 福利台账 reads each kind against its budget', async () => {
  const year = shanghaiDay(new Date()).slice(0, 4)
  const withRound = festivalDate('dragonBoat', Number(year)) <= shanghaiDay(new Date())
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await tapTab(page, '我的')
  await arrived(page, MINE)
  await tapCell(page, '福利台账')
  await arrived(page, LEDGER)
  const summary = page.locator('.ledger__summary:visible')
  // The seed's budgets: ¥275,000 in all, 节日慰问 ¥120,000.
  await expectText(summary, withRound ? '预算 ¥275,000 · 已用 23%，余 ¥210,600' : '预算 ¥275,000 · 已用 2%，余 ¥268,200')
  await expectText(summary, withRound ? /节日慰问\s*576 笔 · ¥57,600 · 已领取 520\/576\s*预算 ¥120,000 · 已用 48%，余 ¥62,400/ : /节日慰问[\s\S]*预算 ¥120,000 · 已用 0%/)
  // Budgeted, nothing given yet.
  await expectText(summary, /结婚慰问\s*0 笔 · ¥0 · 已领取 0\/0\s*预算 ¥5,000 · 已用 0%，余 ¥5,000/)

  await page.locator('.ledger__budgets:visible').click()
  await arrived(page, BUDGETS)
  const row = (label: string) => page.locator('.budgets__row:visible', { hasText: label })
  await expectText(row('困难帮扶'), /已发放 ¥1,000（1 笔）\s*预算 ¥30,000 · 已用 3%，余 ¥29,000/)
  await expectText(row('疗休养'), '已发放 ¥0（0 笔）')
  await eventually(async () => expect(await row('困难帮扶').locator('input').inputValue()).toBe('30000'))
  expect(await row('疗休养').locator('input').inputValue()).toBe('')
  // 困难帮扶 cut below what has been given; 疗休养 budgeted; 其他 typed wrong first.
  await row('困难帮扶').locator('input').fill('500')
  await row('疗休养').locator('input').fill('80000')
  await row('其他').locator('input').fill('12.345')
  await page.locator('.bottom-bar:visible taro-button-core').click()
  await expectText(row('其他'), '金额最多精确到分（两位小数）')
  await row('其他').locator('input').fill('')
  await page.locator('.bottom-bar:visible taro-button-core').click()
  await expectText(toast(page), '已保存')
  await expectText(row('困难帮扶').locator('.budget-use__text--over'), '预算 ¥500 · 超出 ¥500')
  await toastGone(page)
  await screenshot(page, 'benefits-budgets')
  const [entry] = await h.store.find('auditLog', { action: 'benefits.setBudgets' })
  expect(entry).toMatchObject({ actorName: '周建华', target: `${year} 年福利预算`, before: { 困难帮扶: '¥30,000', 疗休养: '未设置' }, after: { 困难帮扶: '¥500', 疗休养: '¥80,000' } })

  await goBack(page, LEDGER)
  await expectText(summary, /困难帮扶\s*1 笔 · ¥1,000 · 已领取 0\/1\s*预算 ¥500 · 超出 ¥500/)
  await expectText(summary, /疗休养\s*0 笔 · ¥0 · 已领取 0\/0\s*预算 ¥80,000 · 已用 0%，余 ¥80,000/)
  await expectCount(summary.locator('.budget-use__text--over'), 1)
  await summary.locator('.budget-use__text--over').scrollIntoViewIfNeeded()
  await screenshot(page, 'benefits-ledger-budgets')
})

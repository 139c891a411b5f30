/**
 * 荣休名单 in the browser build: the union office opens this year's list (the demo's four reaching 60 or 55), unticks
 * one staying on, adds an early retiree, and gives the 荣休水晶杯 to the rest: ledger entries, each member
 * told. Then 工会设置's retirement ages move the list. In order, over one host and store.
 */
import type { Page } from 'playwright-core'
import { arrived, eventually, expectCount, expectText, loginAs, screenshot, suiteHarness, tapCell, tapTab, toast, toastGone } from './harness'

const h = suiteHarness()

const MINE = /#\/pages\/mine\/index/
const LIST = /#\/admin\/benefits\/retirements\/index/
const year = new Date().getFullYear()

async function openList(page: Page) {
  await loginAs(page, h.baseUrl, '周建华')
  await tapTab(page, '我的')
  await arrived(page, MINE)
  await tapCell(page, '荣休名单')
  await arrived(page, LIST)
}

const rows = (page: Page) => page.locator('.retirements:visible .retirements__row')

test('the union office gives the keepsake to this year’s retirees, leaving out one staying on and adding one retiring early', async () => {
  const page = await h.newPhone()
  await openList(page)
  const root = page.locator('.retirements:visible')
  await expectText(root, '男 60 周岁、女 55 周岁')
  // Men born 60 years ago, women 55 (in 2026 the demo's 罗鹏帅, 程静艳, 段飞波 and 黄帆), all ticked.
  const expected = (await h.store.find('members', {})).filter(
    (member) => member.status !== 'left' && member.birthDate.startsWith(member.gender === 'male' ? `${year - 60}-` : `${year - 55}-`),
  )
  await expectCount(rows(page), expected.length)
  await expectText(root.locator('.retirements__give'), `发放荣休纪念品（${expected.length} 人）`)
  // One stays on (延迟退休): untick them.
  const stayer = expected[0].name
  await rows(page).filter({ hasText: stayer }).locator('.nut-checkbox').click()
  await expectText(root.locator('.retirements__give'), `发放荣休纪念品（${expected.length - 1} 人）`)
  // 廖月佳 retires early: found and added, ticked.
  await root.locator('.nut-searchbar input').fill('廖月佳')
  await root.locator('.member-picker__row', { hasText: '廖月佳' }).click()
  await expectCount(rows(page), expected.length + 1)
  await expectText(rows(page).filter({ hasText: '廖月佳' }), '校工会加入')
  await root.locator('input[placeholder="如：300"]').fill('300')
  await root.locator('.choice', { hasText: '实物' }).click()
  await screenshot(page, 'retirements-list')
  await root.locator('.retirements__give').click()
  await expectText(toast(page), `已发放 ${expected.length} 人`)
  await expectText(rows(page).filter({ hasText: '廖月佳' }), '已发放 荣休水晶杯')
  await expectText(rows(page).filter({ hasText: stayer }), '未发放')
  await toastGone(page)
  await screenshot(page, 'retirements-given')
  const payouts = await h.store.find('benefitPayouts', { kind: 'retirement' })
  expect(payouts.map((payout) => payout.memberName).sort()).toEqual([...expected.filter((member) => member.name !== stayer).map((member) => member.name), '廖月佳'].sort())
  expect(payouts[0]).toMatchObject({ item: '荣休水晶杯', amountFen: 30_000, form: 'inKind', handout: { kind: 'pickup', place: '荣休仪式现场' }, approverName: '周建华' })
})

test('工会设置 moves the list: men at 63', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await tapTab(page, '我的')
  await arrived(page, MINE)
  await tapCell(page, '工会设置')
  await arrived(page, /#\/admin\/settings\/index/)
  const male = page.locator('.settings:visible .settings__retirement-male input')
  await eventually(async () => expect(await male.inputValue()).toBe('60'))
  await male.fill('63')
  await male.blur()
  await page.locator('.settings:visible taro-button-core.settings__save').click()
  await expectText(toast(page), '已保存')
  await eventually(async () => expect((await h.store.get('settings', 'union'))?.retirementAges).toEqual({ male: 63, female: 55 }))
  const list = await h.callAs<{ rows: { genderLabel: string; birthDate: string; keepsake?: unknown }[] }>('m0001', 'benefits', 'retirements', {})
  // Men born in 1963 now; this year's keepsakes stay listed whoever received them.
  expect(list.rows.filter((row) => row.genderLabel === '男' && !row.keepsake).every((row) => row.birthDate.startsWith(`${year - 63}-`))).toBe(true)
})

/**
 * 我的 → 文字大小 (标准 / 大 / 特大), for older and retired members: every page follows it, NutUI's own controls too,
 * and the choice stays on the device.
 */
import type { Locator, Page } from 'playwright-core'
import { arrived, eventually, expectText, goBack, loginAs, screenshot, suiteHarness, tapCell, tapTab } from './harness'

const h = suiteHarness()

const MINE = /#\/pages\/mine\/index/
const HOME = /#\/pages\/index\/index/
const NOTICES = /#\/pages\/notices\/list\/index/

/** The computed font size of the first element of `locator`, in CSS pixels. */
const fontSize = (locator: Locator) => locator.first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize))

/** The text size class on the root of the page shown. */
const sizeClass = (page: Page, root: string) =>
  page.locator(`${root}:visible`).evaluate((element) => Array.from(element.classList).filter((name) => name.startsWith('text-')))

async function chooseSize(page: Page, label: string) {
  await page.locator('.mine:visible .mine__text-size .nut-radio', { hasText: new RegExp(`^${label}$`) }).click()
}

test('特大 enlarges the text of every page by 1.4, and the choice survives a reload', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '许静')
  await expectText(page.locator('.home__greeting'), '许静老师')
  expect(await sizeClass(page, '.home')).toEqual(['text-standard'])
  const greeting = await fontSize(page.locator('.home:visible .home__greeting'))
  const rowTitle = await fontSize(page.locator('.home:visible .notice-row__title'))

  await tapTab(page, '我的')
  await arrived(page, MINE)
  const mine = page.locator('.mine:visible')
  await expectText(mine.locator('.mine__text-size'), '文字大小')
  await eventually(async () => expect(await mine.locator('.mine__text-size .nut-radio', { hasText: '标准' }).getAttribute('aria-checked')).toBe('true'))
  const unit = await fontSize(mine.locator('.mine__unit'))
  // NutUI's cell titles follow too.
  const cellTitle = await fontSize(mine.locator('.nut-cell-title'))

  await chooseSize(page, '特大')
  await eventually(async () => expect(await sizeClass(page, '.mine')).toEqual(['text-xlarge']))
  expect(await fontSize(mine.locator('.mine__unit'))).toBeCloseTo(unit * 1.4, 1)
  expect(await fontSize(mine.locator('.nut-cell-title'))).toBeGreaterThan(cellTitle * 1.3)
  await screenshot(page, 'text-xlarge-mine')

  // 首页, already open under the tab bar, follows at once.
  await tapTab(page, '首页')
  await arrived(page, HOME)
  expect(await sizeClass(page, '.home')).toEqual(['text-xlarge'])
  expect(await fontSize(page.locator('.home:visible .home__greeting'))).toBeCloseTo(greeting * 1.4, 1)
  expect(await fontSize(page.locator('.home:visible .notice-row__title'))).toBeCloseTo(rowTitle * 1.4, 1)
  await screenshot(page, 'text-xlarge-home')

  // Kept on the device: a reload opens at 特大, here the notice list too.
  await page.reload()
  await arrived(page, HOME)
  await expectText(page.locator('.home__greeting'), '许静老师')
  expect(await sizeClass(page, '.home')).toEqual(['text-xlarge'])
  await page.locator('.home:visible .section__more').first().click()
  await arrived(page, NOTICES)
  await page.locator('.notice-list:visible .notice-row').first().waitFor()
  expect(await sizeClass(page, '.notice-list')).toEqual(['text-xlarge'])
  await screenshot(page, 'text-xlarge-notices')

  // And back to 标准.
  await goBack(page, HOME)
  await tapTab(page, '我的')
  await arrived(page, MINE)
  await chooseSize(page, '标准')
  await eventually(async () => expect(await sizeClass(page, '.mine')).toEqual(['text-standard']))
  expect(await fontSize(page.locator('.mine:visible .mine__unit'))).toBeCloseTo(unit, 1)
})

test('大 sits between the two', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '许静')
  await tapTab(page, '我的')
  await arrived(page, MINE)
  const unit = await fontSize(page.locator('.mine:visible .mine__unit'))
  await chooseSize(page, '大')
  await eventually(async () => expect(await sizeClass(page, '.mine')).toEqual(['text-large']))
  expect(await fontSize(page.locator('.mine:visible .mine__unit'))).toBeCloseTo(unit * 1.2, 1)
  await tapCell(page, '通知公告')
  await arrived(page, NOTICES)
  expect(await sizeClass(page, '.notice-list')).toEqual(['text-large'])
})

/**
 * Festival rounds in the browser build: the union office creates next 中秋's round for 文学院分工会, previews it and
 * applies it; the unit's admin marks two people received; the office follows the unit's progress, finds the round
 * in 福利台账 and exports it to Excel. The tests run in order over one host and store (its seed holds this year's 端午 round).
 */
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { arrived, downloadFrom, expectText, goBack, loginAs, screenshot, suiteHarness, tapCell, tapTab, toast } from './harness'

const h = suiteHarness()

const MINE = /#\/pages\/mine\/index/
const ROUNDS = /#\/admin\/benefits\/rounds\/index/
const ROUND = /#\/admin\/benefits\/round\/index/
const HANDOUT = /#\/admin\/benefits\/handout\/index/

async function openRounds(page: Page, name: string) {
  await loginAs(page, h.baseUrl, name)
  await tapTab(page, '我的')
  await arrived(page, MINE)
  await tapCell(page, '节日慰问发放')
  await arrived(page, ROUNDS)
}

/** Types into the visible input the placeholder names (the nth, for the gift rows). */
async function fill(page: Page, placeholder: string, text: string, nth = 0) {
  const input = page.locator(`.round-form input[placeholder^="${placeholder}"]:visible`).nth(nth)
  await input.fill(text)
  await input.blur()
}

let title = ''

test('the union office picks 中秋, two gifts and one unit, previews the round and applies it', async () => {
  const page = await h.newPhone()
  await openRounds(page, '周建华')
  await expectText(page.locator('.rounds__card:visible').first(), '端午节日慰问')
  await screenshot(page, 'rounds-list')
  await page.locator('.bottom-bar:visible taro-button-core').click()
  await arrived(page, /#\/admin\/benefits\/roundNew\/index/)

  const midAutumn = page.locator('.round-form .choice:visible', { hasText: '中秋' })
  const label = await midAutumn.innerText()
  await midAutumn.click()
  title = `${/(\d{4})年/.exec(label)![1]} 年中秋节日慰问`
  await fill(page, '礼品', '月饼礼盒')
  await fill(page, '金额', '150')
  await page.locator('.round-form__add:visible').click()
  await fill(page, '礼品', '水果券', 1)
  await fill(page, '金额', '50', 1)
  await page.locator('.round-form__item:visible').nth(1).locator('.choice', { hasText: '提货券' }).click()
  await page.locator('.form-switch:visible', { hasText: '全部分工会' }).locator('.nut-switch').click()
  await page.locator('.unit-choices:visible .nut-checkbox', { hasText: '文学院分工会' }).click()
  await fill(page, '例如：600000', '3000')
  await page.locator('.bottom-bar:visible taro-button-core').click()

  // 文学院分工会's 17 members at ¥200 each: ¥3,400, over a budget of ¥3,000.
  const preview = page.locator('.round-form__preview:visible')
  await expectText(preview, `预览：${title}`)
  await expectText(preview, /17\s*发放人数/)
  await expectText(preview, '合计 ¥3,400 超出本次预算 ¥3,000')
  await fill(page, '例如：600000', '5000')
  await page.locator('.bottom-bar:visible taro-button-core').click()
  await expectText(preview, '确认后一次发放给以上 17 人')
  await expectText(page.locator('.round-parts__unit:visible'), /文学院分工会\s*17 人/)
  await screenshot(page, 'rounds-form')
  await preview.scrollIntoViewIfNeeded()
  await screenshot(page, 'rounds-preview')

  await page.locator('.bottom-bar:visible taro-button-core', { hasText: '确认发放' }).click()
  await expectText(toast(page), '已发放')
  await arrived(page, ROUND)
  await expectText(page.locator('.round .card:visible').first(), '已发放')
  await expectText(page.locator('.round .card:visible').first(), '月饼礼盒 ¥150（实物） + 水果券 ¥50（提货券（蛋糕卡））')
  await expectText(page.locator('.round-parts__unit:visible'), /文学院分工会\s*已领 0\/17 人/)
  await screenshot(page, 'rounds-detail')
  expect(await h.store.count('benefitPayouts', { item: '月饼礼盒' })).toBe(17)
  const [entry] = await h.store.find('auditLog', { action: 'benefits.applyRound' })
  expect(entry).toMatchObject({ actorName: '周建华', target: title, after: { 人数: 17, 合计: '¥3,400', 预算: '¥5,000' } })
})

test('the unit admin ticks two people and registers them received', async () => {
  const page = await h.newPhone()
  await openRounds(page, '胡静')
  await page.locator('.rounds__card:visible', { hasText: title }).click()
  await arrived(page, HANDOUT)
  const head = page.locator('.handout .card:visible').first()
  await expectText(head, `${title} · 文学院分工会`)
  await expectText(head, '已领取 0/17 人')
  const rows = page.locator('.handout__row:visible')
  await rows.nth(0).locator('.nut-checkbox').click()
  await rows.nth(1).locator('.nut-checkbox').click()
  await page.locator('.bottom-bar:visible taro-button-core', { hasText: '登记已领取（2 人）' }).click()
  await expectText(toast(page), '已登记 2 人领取')
  await expectText(head, '已领取 2/17 人')
  await expectText(rows.nth(0), '胡静登记')
  await screenshot(page, 'rounds-handout')
})

test('the union office sees the unit’s progress and the round in 福利台账', async () => {
  const page = await h.newPhone()
  await openRounds(page, '周建华')
  await page.locator('.rounds__card:visible', { hasText: title }).click()
  await arrived(page, ROUND)
  await expectText(page.locator('.round-parts__unit:visible'), /文学院分工会\s*已领 2\/17 人/)
  await expectText(page.locator('.round__received:visible'), '2/17')
  await goBack(page, ROUNDS)
  await goBack(page, MINE)
  await tapCell(page, '福利台账')
  await arrived(page, /#\/admin\/benefits\/ledger\/index/)
  await page.locator('.ledger__filters .choice:visible', { hasText: `${title.slice(0, 4)} 年` }).click()
  await page.locator('.ledger__filters .choice:visible', { hasText: '节日慰问' }).click()
  await expectText(page.locator('.ledger__summary:visible'), /节日慰问\s*34 笔 · ¥3,400 · 已领取 4\/34/)
  await expectText(page.locator('.ledger .card:visible', { hasText: '月饼礼盒' }).first(), '批准：周建华')
  await screenshot(page, 'rounds-ledger')

  // The Excel file holds what the page shows: the year's 节日慰问, each with its approval and receipt, and the totals.
  const year = title.slice(0, 4)
  const file = await downloadFrom(page, page.locator('.ledger taro-button-core.ledger__export:visible'))
  expect(file.fileName).toMatch(new RegExp(`^福利台账-${year}-全部分工会-节日慰问-\\d{8}\\.xlsx$`))
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(file.data)
  const detail = workbook.getWorksheet('明细')!
  expect(detail.rowCount).toBe(35)
  const values = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1)
  const mooncakes = detail.getRows(2, 34)!.filter((row) => row.getCell(5).value === '月饼礼盒')
  expect(mooncakes).toHaveLength(17)
  expect(values(mooncakes[0]).slice(2, 7)).toEqual(['文学院分工会', '节日慰问', '月饼礼盒', 150, '实物'])
  expect(values(mooncakes[0])[8]).toMatch(new RegExp(`^${title}（\\d{4}-\\d{2}-\\d{2} 发放）$`))
  expect(values(mooncakes[0])[9]).toBe('周建华')
  expect(mooncakes.filter((row) => row.getCell(11).value === '已领取')).toHaveLength(2)
  const summary = workbook.getWorksheet('汇总')!
  expect(values(summary.getRow(2))).toEqual(['按类别', '节日慰问', 34, 3400, 4])
  expect(values(summary.getRow(3))).toEqual(['按分工会', '文学院分工会', 34, 3400, 4])
  expect(values(summary.getRow(4))).toEqual(['合计', '', 34, 3400, 4])
  const [entry] = await h.store.find('auditLog', { action: 'benefits.exportLedger' })
  expect(entry).toMatchObject({ actorName: '周建华', target: `福利台账（${year} 年 · 节日慰问 · 全部分工会）`, after: { 导出笔数: 34, 合计: '¥3,400' } })
})

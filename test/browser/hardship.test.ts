/**
 * 困难帮扶档案 in the browser build, over the demo's two cases of 分工会 unit05: its admin reports 田博平 with a
 * photo; the union office finds the report waiting, files it graded 特别困难 and records ¥1,500 of aid, which the
 * ledger holds and nobody is told of. In order, over one host and store.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { arrived, chooseFile, expectCount, expectText, loginAs, screenshot, suiteHarness, tapCell, tapTab, toast, toastGone } from './harness'

const h = suiteHarness()

const MINE = /#\/pages\/mine\/index/
const FILE = /#\/admin\/benefits\/hardship\/index/
const CASE = /#\/admin\/benefits\/hardshipCase\/index\?id=/
const PHOTO = readFileSync(join(__dirname, '../../scripts/seed/covers/mixer.jpg'))
const MEMBER = { id: 'm0006', name: '田博平' }
const caseId = () => `${new Date().getFullYear()}-${MEMBER.id}`

async function openFile(page: Page, name: string) {
  await loginAs(page, h.baseUrl, name)
  await tapTab(page, '我的')
  await arrived(page, MINE)
  await tapCell(page, '困难帮扶档案')
  await arrived(page, FILE)
}

const cards = (page: Page) => page.locator('.hardship:visible .hardship-card')
const actions = (page: Page, label: string) => page.locator('.hardship-case__actions:visible taro-button-core', { hasText: label })

test('the unit admin sees their unit’s file and reports a member with a photo of the proof', async () => {
  const page = await h.newPhone()
  await openFile(page, '胡静')
  // A unit admin's file opens on all of their unit's cases: the demo's filed one and the one waiting.
  await expectCount(cards(page), 2)
  await expectText(page.locator('.hardship:visible'), '每次查看都记入操作日志')
  await screenshot(page, 'hardship-unit-file')
  await page.locator('.hardship:visible taro-button-core', { hasText: '上报本分工会困难职工' }).click()
  await arrived(page, /#\/admin\/benefits\/hardshipReport\/index/)
  const form = page.locator('.hardship-report:visible')
  await form.locator('.nut-searchbar input').fill(MEMBER.name)
  await form.locator('.member-picker__row', { hasText: MEMBER.name }).click()
  await expectText(form.locator('.member-picker__member'), `${MEMBER.name}（200006）`)
  await form.locator('.choice', { hasText: '因病' }).click()
  await form.locator('.choice', { hasText: '比较困难' }).click()
  await form.locator('textarea').fill('配偶重病住院，自付医疗费约 6 万元，子女在读')
  await chooseFile(page, form.locator('.proof-images__add'), { name: '诊断证明.jpg', mimeType: 'image/jpeg', buffer: PHOTO })
  await expectCount(form.locator('.proof-images__picture'), 1)
  await screenshot(page, 'hardship-report')
  await form.locator('.hardship-report__submit').click()
  await arrived(page, CASE)
  const root = page.locator('.hardship-case:visible')
  await expectText(root.locator('.hardship-card'), '待校工会确认')
  await expectText(root, '胡静上报')
  // The unit admin cannot file their own report: no steps until it is filed.
  await expectCount(page.locator('.hardship-case__actions:visible'), 0)
  expect(await h.store.get('hardshipCases', caseId())).toMatchObject({ state: 'reported', cause: 'illness', level: 'serious', reportedByName: '胡静' })
  expect((await h.store.get('hardshipCases', caseId()))!.proofFileIds).toHaveLength(1)
})

test('the union office files the report as 特别困难 and records ¥1,500 of aid into the ledger, telling nobody', async () => {
  const page = await h.newPhone()
  await openFile(page, '周建华')
  // The union office's file opens on what waits for it: the demo's 易刚 and the new report.
  await expectCount(cards(page), 2)
  await cards(page).filter({ hasText: MEMBER.name }).click()
  await arrived(page, CASE)
  const root = page.locator('.hardship-case:visible')
  await expectCount(root.locator('.proof-images__picture'), 1)
  await actions(page, '确认建档').click()
  // The form opens on the unit's grading; the office raises it.
  const chosen = root.locator('.choice', { has: page.locator('.nut-radio-button-active') })
  await expectCount(chosen, 2)
  await expectText(chosen.first(), '因病')
  await expectText(chosen.nth(1), '比较困难')
  await root.locator('.choice', { hasText: '特别困难' }).click()
  // The bar now reads 取消 and 确认建档, which sends it.
  await actions(page, '确认建档').click()
  await expectText(toast(page), '已建档')
  await expectText(root.locator('.hardship-card'), '已建档')
  await expectText(root.locator('.hardship-card'), '特别困难')

  const messagesBefore = await h.store.count('messages', { recipientId: MEMBER.id })
  await actions(page, '登记帮扶').click()
  await expectText(root, '困难帮扶每人每年限额 ¥2,000')
  await actions(page, '确认登记帮扶').click()
  await expectText(root.locator('.form-field__error').first(), '请填写金额')
  await root.locator('input[placeholder="如：1000"]').fill('1500')
  await root.locator('.choice', { hasText: '慰问金' }).click()
  await root.locator('input[placeholder="如：校工会〔2026〕12号"]').fill('2026 年第 11 次主席办公会')
  await toastGone(page)
  await screenshot(page, 'hardship-aid')
  await actions(page, '确认登记帮扶').click()
  await expectText(toast(page), '已登记帮扶')
  await expectText(root, '合计 ¥1,500 / 年度限额 ¥2,000')
  await toastGone(page)
  await screenshot(page, 'hardship-case')
  const [payout] = await h.store.find('benefitPayouts', { caseId: caseId() })
  expect(payout).toMatchObject({ kind: 'hardship', amountFen: 150_000, form: 'cash', memberId: MEMBER.id, approverName: '周建华' })
  expect(await h.store.count('messages', { recipientId: MEMBER.id })).toBe(messagesBefore)
})

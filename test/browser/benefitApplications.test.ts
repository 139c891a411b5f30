/**
 * 慰问申请 in the browser build, over the demo's applications (one in every state, from 分工会 unit05): the unit's
 * admin passes the hospital stay to the union office; the office approves it as 慰问金 ¥800 and returns the birth for
 * its certificate; the member sees why in 我的慰问申请, puts it right with a photo and sends it again. In order, over one host and store.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import type { BenefitApplicationDoc } from '../../cloudfunctions/core/collections'
import { arrived, chooseFile, expectCount, expectText, goBack, loginAs, screenshot, suiteHarness, tapCell, tapTab, toast } from './harness'

const h = suiteHarness()

const MINE = /#\/pages\/mine\/index/
const QUEUE = /#\/admin\/benefits\/applications\/index/
const APPLICATION = /#\/admin\/benefits\/application\/index\?id=/
const PHOTO = readFileSync(join(__dirname, '../../scripts/seed/covers/mixer.jpg'))

const seeded = async (kind: BenefitApplicationDoc['kind']) => (await h.store.find('benefitApplications', { kind }))[0]

async function openQueue(page: Page, name: string) {
  await loginAs(page, h.baseUrl, name)
  await tapTab(page, '我的')
  await arrived(page, MINE)
  await tapCell(page, '慰问申请审批')
  await arrived(page, QUEUE)
}

const actions = (page: Page, label: string) => page.locator('.application__actions:visible taro-button-core', { hasText: label })

test('the unit admin sees the hospital stay waiting, opens it and passes it to the union office', async () => {
  const stay = await seeded('hospitalization')
  expect(stay.state).toBe('submitted')
  const admin = (await h.store.find('members', {})).find((member) => member.roles.includes('unitAdmin:unit05'))!
  const page = await h.newPhone()
  await openQueue(page, admin.name)
  // A unit admin's queue opens on what waits for them: 待分工会审核, their unit's only.
  const cards = page.locator('.application-queue:visible .application-card')
  await expectCount(cards, 1)
  await expectText(cards.first(), `住院慰问 ${stay.memberName}`)
  await expectText(cards.first(), '省立医院')
  await screenshot(page, 'applications-unit-queue')
  await cards.first().click()
  await arrived(page, APPLICATION)
  await expectText(page.locator('.application:visible .step-history'), `${stay.memberName}提交申请`)
  const views = await h.store.count('auditLog', { action: 'benefits.viewApplication', targetId: stay._id })
  expect(views).toBeGreaterThanOrEqual(1)
  await actions(page, '通过审核').click()
  await expectText(toast(page), '已通过审核')
  await expectText(page.locator('.application:visible .application-card'), '待校工会审批')
  await expectCount(page.locator('.application__actions:visible'), 0)
  expect(await h.store.get('benefitApplications', stay._id)).toMatchObject({ state: 'checked', checkedById: admin._id })
  await screenshot(page, 'applications-checked')
  await goBack(page, QUEUE)
  await expectCount(cards, 0)
})

test('the union office approves the hospital stay as 慰问金 ¥800 and returns the birth for its certificate', async () => {
  const stay = await seeded('hospitalization')
  const birth = await seeded('childbirth')
  const page = await h.newPhone()
  await openQueue(page, '周建华')
  const cards = page.locator('.application-queue:visible .application-card')
  // 待校工会审批, oldest first: the birth (filed 20 days ago), then the stay.
  await expectCount(cards, 2)
  await expectText(cards.nth(0), '生育慰问')
  await expectText(cards.nth(1), '住院慰问')
  await cards.nth(1).click()
  await arrived(page, APPLICATION)
  const root = page.locator('.application:visible')
  await expectText(root, '住院慰问年度限额 ¥2,000')
  await actions(page, '批准发放').click()
  await expectText(root.locator('.form-field__error').first(), /金额/)
  await root.locator('input[placeholder="如：500"]').fill('800')
  await root.locator('.choice', { hasText: '慰问金' }).click()
  await screenshot(page, 'applications-decide')
  await actions(page, '批准发放').click()
  await expectText(toast(page), '已批准发放')
  await expectText(root.locator('.application-card'), '批准 住院慰问金 ¥800 · 慰问金')
  expect(await h.store.get('benefitPayouts', `application-${stay._id}`)).toMatchObject({ kind: 'hospitalization', amountFen: 80_000, form: 'cash', item: '住院慰问金', approverName: '周建华' })

  await goBack(page, QUEUE)
  await expectCount(cards, 1)
  await cards.first().click()
  await arrived(page, APPLICATION)
  await actions(page, '退回').click()
  await root.locator('textarea').fill('请上传出生医学证明照片')
  await actions(page, '确认退回').click()
  await expectText(toast(page), '已退回')
  await expectText(root.locator('.application-card'), '校工会退回：请上传出生医学证明照片')
  expect(await h.store.get('benefitApplications', birth._id)).toMatchObject({ state: 'returned' })
})

test('the member reads why in 我的慰问申请, adds a photo and applies again; it goes back to the unit admin', async () => {
  const birth = await seeded('childbirth')
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, birth.memberName)
  await tapTab(page, '我的')
  await arrived(page, MINE)
  await tapCell(page, '我的慰问申请')
  await arrived(page, /#\/benefits\/applications\/index/)
  const card = page.locator('.my-applications:visible .application-card', { hasText: '生育慰问' })
  await expectText(card, '校工会退回：请上传出生医学证明照片')
  await screenshot(page, 'applications-mine')
  await card.locator('taro-button-core', { hasText: '修改后重新申请' }).click()
  await arrived(page, /#\/benefits\/apply\/index/)
  const form = page.locator('.apply:visible')
  await expectText(form.locator('.apply__returned'), '退回原因：请上传出生医学证明照片')
  await expectText(form.locator('.date-field'), birth.date)
  await chooseFile(page, form.locator('.proof-images__add'), { name: '出生医学证明.jpg', mimeType: 'image/jpeg', buffer: PHOTO })
  await expectCount(form.locator('.proof-images__picture'), 1)
  await screenshot(page, 'applications-apply')
  await form.locator('.apply__submit').click()
  await arrived(page, /#\/benefits\/applications\/index\?filed=1/)
  await expectText(page.locator('.my-applications:visible .my-applications__filed'), '申请已提交')
  await expectText(page.locator('.my-applications:visible .application-card', { hasText: '生育慰问' }), '待分工会审核')
  const again = (await h.store.get('benefitApplications', birth._id))!
  expect(again).toMatchObject({ state: 'submitted', date: birth.date })
  expect(again.proofFileIds).toHaveLength(1)
  expect(again.returns).toHaveLength(1)
})

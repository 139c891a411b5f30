/**
 * The privacy consent, as a first visit meets it in the browser build (the same steps as WeChat's
 * onNeedPrivacyAuthorization): binding and picking a file ask first; refusing collects nothing; the consent links
 * to the 隐私保护指引 page; agreeing goes on with what was asked and is remembered on the device.
 */
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import type { MemberDoc } from '../../cloudfunctions/core/collections'
import { demoOpenid } from '../../scripts/seed/demoUnion'
import { arrived, bindForm, expectText, fillBindForm, goBack, open, screenshot, suiteHarness, toast } from './harness'

const h = suiteHarness()

const HOME = /#\/pages\/index\/index/
const BIND = /#\/pages\/bind\/index/
const GUIDE = /#\/pages\/privacy\/index/
const IMPORT = /#\/admin\/members\/import\/index/

/** The consent on the page shown (a page under it keeps its own, hidden). */
const consent = (page: Page) => page.locator('.privacy-consent:visible')

/** What the page asked the functions for: function.action, in order. */
function watchCalls(page: Page): string[] {
  const calls: string[] = []
  page.on('request', (request) => {
    const match = /\/api\/(\w+)$/.exec(request.url())
    if (match && request.method() === 'POST') calls.push(`${match[1]}.${(JSON.parse(request.postData() ?? '{}') as { action: string }).action}`)
  })
  return calls
}

/** A member nobody has bound yet. */
async function unboundMember(): Promise<MemberDoc> {
  const bound = new Set((await h.store.find('bindings')).map((binding) => binding.memberId))
  const member = (await h.store.find('members', { status: 'active' }, { sort: { staffNo: -1 } })).find((candidate) => !bound.has(candidate._id))
  if (!member) throw new Error('the demo union has no unbound member')
  return member
}

/** Signs in through the development login as `name`, who may be unbound (首页 then asks them to bind). */
async function signInAs(page: Page, name: string) {
  await open(page, h.baseUrl, '/pages/login/index')
  await page.locator('.login:visible .nut-searchbar input').fill(name)
  await page.locator('.login__person', { hasText: name }).first().click()
  await arrived(page, HOME)
}

test('binding asks for consent first: refusing sends nothing, the guide says what is collected, agreeing binds', async () => {
  const member = await unboundMember()
  const page = await h.newPhone({ privacyAgreed: false })
  const calls = watchCalls(page)
  await signInAs(page, member.name)
  await open(page, h.baseUrl, '/pages/bind/index')
  await arrived(page, BIND)
  // Nothing is asked before personal data is about to be collected.
  expect(await consent(page).count()).toBe(0)

  const form = bindForm(page)
  await fillBindForm(page, { staffNo: member.staffNo, name: member.name, phoneLast4: member.phone.slice(-4) })
  await form.submit.click()

  await expectText(consent(page), '隐私保护提示')
  await expectText(consent(page), '工号、姓名、手机号后四位')
  expect(calls).not.toContain('members.bind')
  await screenshot(page, 'privacy-consent')

  // The guide, from the consent's link: what, why, who sees it, how long.
  await consent(page).locator('.privacy-consent__link').click()
  await arrived(page, GUIDE)
  const guide = page.locator('.privacy:visible')
  expect(await guide.locator('.privacy__heading').allInnerTexts()).toEqual(['我们收集的信息和用途', '谁能看到', '保存多久', '你的权利'])
  for (const text of ['手机号后四位', '出生日期', '你选择上传的文件', '健康信息', '困难情况', '打码显示', '1 小时内删除']) {
    await expectText(guide, text)
  }
  expect(await consent(page).count()).toBe(0)
  await screenshot(page, 'privacy-guide')

  // Back on the form the consent still waits. 不同意: nothing is sent, and the page says why.
  await goBack(page, BIND)
  await expectText(consent(page), '隐私保护提示')
  await consent(page).locator('taro-button-core.privacy-consent__disagree').click()
  await expectText(toast(page), '需要同意隐私保护指引后才能绑定')
  expect(await consent(page).count()).toBe(0)
  expect(calls).not.toContain('members.bind')
  expect(await h.store.get('bindings', demoOpenid(member.staffNo))).toBeNull()

  // 绑定 again asks again; 同意并继续 goes on with the binding, once.
  await form.submit.click()
  await expectText(consent(page), '隐私保护提示')
  await consent(page).locator('taro-button-core.privacy-consent__agree').click()
  await expectText(toast(page), `绑定成功，${member.name}`)
  expect(calls.filter((call) => call === 'members.bind')).toHaveLength(1)
  expect(await h.store.get('bindings', demoOpenid(member.staffNo))).toMatchObject({ memberId: member._id })
  // Remembered on the device.
  expect(await page.evaluate(() => localStorage.getItem('jiaogong.privacyAgreed'))).toBe('{"data":true}')
})

test('picking a roster file asks for consent first, and the file dialog opens from 同意并继续', async () => {
  const sheet = new ExcelJS.Workbook()
  sheet.addWorksheet('名册').addRow(['工号', '名字'])
  const file = { name: '名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await sheet.xlsx.writeBuffer()) }

  const page = await h.newDesk({ privacyAgreed: false })
  await signInAs(page, '周建华')
  await open(page, h.baseUrl, '/admin/members/import/index')
  await arrived(page, IMPORT)
  const pick = page.locator('.import:visible taro-button-core.import__pick')
  let dialogs = 0
  page.on('filechooser', () => dialogs++)
  await pick.click()
  await expectText(consent(page), '隐私保护提示')
  expect(dialogs).toBe(0)
  await screenshot(page, 'privacy-consent-desk')

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), consent(page).locator('taro-button-core.privacy-consent__agree').click()])
  await chooser.setFiles(file)
  await expectText(page.locator('.import:visible .import__file'), '已选择：名册.xlsx')
  await expectText(page.locator('.import:visible .import__problem'), '表头不对')

  // Asked once: the next pick goes straight to the file dialog.
  const [again] = await Promise.all([page.waitForEvent('filechooser'), pick.click()])
  expect(again).toBeTruthy()
  expect(await consent(page).count()).toBe(0)
})

/**
 * A first-time user binds their WeChat (here: their demo login) to their roster entry: signed in as a demo person
 * the seed left unbound, 首页 says 尚未绑定会员身份; 立即绑定 opens the form; a wrong phone number gets the server's
 * mismatch message and binds nothing; the right details bind, and 首页 greets them with their notices.
 */
import type { Page } from 'playwright-core'
import type { MemberDoc } from '../../cloudfunctions/core/collections'
import { demoOpenid } from '../../scripts/seed/demoUnion'
import {
  answerModal,
  arrived,
  eventually,
  expectCount,
  bindForm,
  expectText,
  fillBindForm,
  modal,
  open,
  screenshot,
  suiteHarness,
  toast,
  visibleTo,
} from './harness'

const h = suiteHarness()

const LOGIN = /#\/pages\/login\/index/
const HOME = /#\/pages\/index\/index/
const BIND = /#\/pages\/bind\/index/

/** The first demo person the development login lists as 未绑定, and that person as the store knows them. */
async function firstUnboundOnLogin(page: Page): Promise<MemberDoc> {
  const unboundRows = page.locator('.login__person', { hasText: '未绑定' })
  await expectText(unboundRows.first(), '未绑定')
  const listed = await unboundRows.count()
  expect(listed).toBeGreaterThan(0)
  const boundIds = new Set((await h.store.find('bindings')).map((binding) => binding.memberId))
  const unbound = (await h.store.find('members', { status: { $ne: 'left' } }, { sort: { staffNo: 1 } })).filter(
    (member) => !boundIds.has(member._id),
  )
  const text = await unboundRows.first().innerText()
  const member = unbound.find((candidate) => text.includes(candidate.name))
  if (!member) throw new Error(`the first 未绑定 person on the login page ("${text}") is not an unbound member in the store`)
  return member
}

test('an unbound person binds through 立即绑定 after one wrong try, and 首页 then greets them', async () => {
  const page = await h.newPhone()
  await open(page, h.baseUrl, '/pages/login/index')
  await arrived(page, LOGIN)
  const member = await firstUnboundOnLogin(page)
  const openid = demoOpenid(member.staffNo)
  const unit = (await h.store.get('units', member.unitId))!
  expect(await h.store.get('bindings', openid)).toBeNull()
  expect(await h.store.find('bindings', { memberId: member._id })).toEqual([])

  // Log in as them through the development login: 首页 has nothing to show an unbound person but the way to bind.
  const row = page.locator('.login__person', { hasText: member.name })
  await expectText(row, unit.name)
  await row.first().click()
  await arrived(page, HOME)
  const home = page.locator('.home:visible')
  await expectText(home, '尚未绑定会员身份')
  await expectCount(home.locator('.notice-row'), 0)
  expect(await page.locator('.home__greeting').innerText()).not.toContain('老师')

  await home.locator('taro-button-core', { hasText: '立即绑定' }).click()
  await arrived(page, BIND)
  const form = bindForm(page)
  await expectText(form.root.locator('.bind__title'), '欢迎使用教工之家')
  await expectText(form.submit, '绑定')

  // One wrong try: the right staff number and name, a wrong phone. The server's one mismatch message is longer than
  // a toast's two lines: a dialog shows it whole.
  const rightPhone = member.phone.slice(-4)
  const wrongPhone = rightPhone === '0000' ? '1111' : '0000'
  await fillBindForm(page, { staffNo: member.staffNo, name: member.name, phoneLast4: wrongPhone })
  await form.submit.click()
  await expectText(modal(page), '工号、姓名或手机号后四位不匹配，请核对后重试（还可尝试 4 次）')
  await screenshot(page, 'bind-mismatch')
  expect(await answerModal(page, '知道了')).toContain('工号、姓名或手机号后四位不匹配')
  expect(await h.store.get('bindings', openid)).toBeNull()
  expect(await h.store.find('bindings', { memberId: member._id })).toEqual([])
  expect(await h.store.get('bindAttempts', openid)).toMatchObject({ failures: 1 })
  // Still on the bind page, the form as typed.
  expect(page.url()).toMatch(BIND)
  expect(await form.phoneLast4.inputValue()).toBe(wrongPhone)

  // The right details. The screenshot is the filled form.
  await fillBindForm(page, { staffNo: member.staffNo, name: member.name, phoneLast4: rightPhone })
  await expectCount(form.errors, 0)
  await screenshot(page, 'bind')
  await form.submit.click()
  await expectText(toast(page), `绑定成功，${member.name}`)

  // reLaunch to 首页: greeted by name, with the notices their branch union may see.
  await arrived(page, HOME)
  await expectText(page.locator('.home__greeting'), `${member.name}老师`)
  await expectText(page.locator('.home__date'), unit.name)
  const visible = await visibleTo(h.store, member.unitId)
  expect(visible.length).toBeGreaterThan(0)
  await expectCount(page.locator('.home:visible .notice-row'), visible.length)
  expect(await page.locator('.home:visible').innerText()).not.toContain('尚未绑定会员身份')

  // The store has the binding (the demo login's openid to this member), and the failed try is forgotten.
  await eventually(async () => {
    expect(await h.store.get('bindings', openid)).toMatchObject({ _id: openid, memberId: member._id })
  })
  expect(await h.store.find('bindings', { memberId: member._id })).toHaveLength(1)
  expect(await h.store.get('bindAttempts', openid)).toBeNull()
})

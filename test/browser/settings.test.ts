/**
 * Union office staff set the youth age in 我的 → 工会设置; the roster's 青年教职工 filter follows it. Ordinary
 * members have no such entry. The tests run in order over one host and store.
 */
import { ageOn } from '../../cloudfunctions/core/memberFacts'
import { shanghaiDay } from '../../types/time'
import { arrived, expectText, loginAs, open, screenshot, suiteHarness, tapCell, tapTab, toast, eventually } from './harness'

const h = suiteHarness()

const MINE = /#\/pages\/mine\/index/
const SETTINGS = /#\/admin\/settings\/index/

/** Active members under `age` today, straight from the store: the roster's youth filter must list exactly these. */
async function youthUnder(age: number): Promise<number> {
  const today = shanghaiDay(new Date())
  const active = await h.store.find('members', { status: 'active' })
  return active.filter((member) => ageOn(member.birthDate, today) < age).length
}

test('a member has no 工会设置 entry', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '许静')
  await tapTab(page, '我的')
  await arrived(page, MINE)
  await expectText(page.locator('.mine__name'), '许静')
  expect(await page.locator('.mine:visible').innerText()).not.toContain('工会设置')
})

test('union office changes the youth age from 40 to 35: saved, audited, and the roster filter follows', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await tapTab(page, '我的')
  await arrived(page, MINE)
  await tapCell(page, '工会设置')
  await arrived(page, SETTINGS)
  const input = page.locator('.settings__youth input')
  await eventually(async () => expect(await input.inputValue()).toBe('40'))

  await input.fill('35')
  await input.blur()
  await page.locator('taro-button-core.settings__save').click()
  await expectText(toast(page), '已保存')
  await screenshot(page, 'settings-saved')
  await eventually(async () => expect(await h.store.get('settings', 'union')).toMatchObject({ youthUnderAge: 35 }))
  const [entry] = await h.store.find('auditLog', { action: 'settings.update' })
  expect(entry).toMatchObject({ actorName: '周建华', before: { 青年教职工: '40 周岁以下' }, after: { 青年教职工: '35 周岁以下' } })

  // The roster's youth filter now lists the active members under 35, page by page.
  const expected = await youthUnder(35)
  expect(expected).toBeLessThan(await youthUnder(40))
  await open(page, h.baseUrl, '/admin/members/list/index')
  await page.locator('.roster__groups .choice', { hasText: '青年教职工' }).click()
  const listed = await h.callAs<{ items: unknown[] }>('m0001', 'members', 'roster', { group: 'youth', limit: 50 })
  await eventually(async () => expect(await page.locator('.roster__row').count()).toBe(Math.min(expected, 20)))
  expect(listed.items).toHaveLength(Math.min(expected, 50))
})

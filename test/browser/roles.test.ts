/**
 * 角色管理 in the browser: the union office grants a scoped role by picking what it is for from a list (the club's
 * id is what is stored), and the holder is listed with the club's name.
 */
import { arrived, expectText, loginAs, open, screenshot, suiteHarness, toast, eventually } from './harness'

const h = suiteHarness()

test('grants 俱乐部负责人 of 瑜伽协会 by picking the club; stored as its id, listed by its name', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await open(page, h.baseUrl, '/admin/roles/index')
  await arrived(page, /#\/admin\/roles\/index/)
  await page.locator('.roles__input input').fill('200058')
  await page.locator('.roles .choice', { hasText: '俱乐部负责人' }).click()
  await expectText(page.locator('.roles__scope-label'), '选择俱乐部')
  await page.locator('.roles .choice', { hasText: '瑜伽协会' }).click()
  await screenshot(page, 'roles-grant-club')
  await page.locator('taro-button-core.roles__grant').click()
  await expectText(toast(page), '已授予邵文')
  await eventually(async () => expect((await h.store.get('members', 'm0058'))?.roles).toEqual(['clubAdmin:club-yoga']))
  await expectText(page.locator('.roles__tag', { hasText: '瑜伽协会' }), '俱乐部负责人（瑜伽协会）')
})

/**
 * Who may do what, in the browser: the union office grants a scoped role by picking what it is for from a list (the
 * club's id is what is stored, the holder listed by the club's name), and reopens self-service binding that today's
 * failed guesses paused.
 */
import { shanghaiDay } from '../../types/time'
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

test('a staff number paused by today’s failed guesses: the union office sees it on the record and reopens it', async () => {
  const today = shanghaiDay(new Date())
  // Ten failed guesses today at 郭璐's staff number, from any number of WeChat users.
  await h.store.insert('staffBindFailures', { _id: `200300-${today}`, staffNo: '200300', day: today, failures: 10 })
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await open(page, h.baseUrl, '/admin/members/detail/index?id=m0300')
  await arrived(page, /#\/admin\/members\/detail\/index/)
  await expectText(page.locator('.member__paused-text'), '今日自助绑定已暂停')
  await screenshot(page, 'member-binding-paused')
  await page.locator('taro-button-core.member__reopen').click()
  await expectText(toast(page), '已恢复自助绑定')
  await eventually(async () => expect(await h.store.count('staffBindFailures')).toBe(0))
  const [entry] = await h.store.find('auditLog', { action: 'members.reopenBinding' })
  expect(entry).toMatchObject({ actorName: '周建华', target: '郭璐（200300）' })
})

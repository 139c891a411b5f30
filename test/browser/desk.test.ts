/**
 * The union office at a desk (a 1280 × 800 browser window): every admin list is a dense table, a row per member,
 * notice, audit entry or role holder, with columns, sorting where it helps and 50 rows to a page; admin forms use
 * the width. A phone keeps the cards.
 */
import type { Locator, Page } from 'playwright-core'
import type { MemberDoc } from '../../cloudfunctions/core/collections'
import { arrived, eventually, expectCount, expectText, loginAs, open, screenshot, suiteHarness } from './harness'

const h = suiteHarness()

const ROSTER = '/admin/members/list/index'
const DETAIL = /#\/admin\/members\/detail\/index\?id=/
const collator = new Intl.Collator('zh-Hans-CN')

/** The body rows of the table on the page shown. */
const bodyRows = (root: Locator) => root.locator('.admin-table__row:not(.admin-table__row--head)')

/** The texts of one column, row by row. */
async function column(root: Locator, index: number): Promise<string[]> {
  return bodyRows(root).evaluateAll((rows, at) => rows.map((row) => (row.children[at] as HTMLElement).innerText.trim()), index)
}

/** The column titles as shown, without the sort marks. */
async function headings(root: Locator): Promise<string[]> {
  const texts = await root.locator('.admin-table__head').allInnerTexts()
  return texts.map((text) => text.replace(/[▲▼⇅]/g, '').trim())
}

/** How many body rows are wholly inside the window. */
async function rowsOnScreen(page: Page, root: Locator): Promise<number> {
  const height = page.viewportSize()!.height
  const boxes = await bodyRows(root).evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().toJSON() as DOMRect))
  return boxes.filter((box) => box.top >= 0 && box.bottom <= height).length
}

async function deskAs(name: string, route: string, root: string) {
  const page = await h.newDesk()
  await loginAs(page, h.baseUrl, name)
  await open(page, h.baseUrl, route)
  const shown = page.locator(`${root}:visible`)
  await shown.locator('.admin-table').waitFor()
  return { page, root: shown }
}

/** Every member the roster lists (all but those who left), from the store. */
const onRoster = async (): Promise<MemberDoc[]> => h.store.find('members', { status: { $ne: 'left' } }, { sort: { staffNo: 1 } })

test('the roster is a table at a desk: a row per member, 50 to a page, many to a screen', async () => {
  const { page, root } = await deskAs('周建华', ROSTER, '.roster')
  expect(await headings(root)).toEqual(['姓名', '工号', '性别', '分工会', '状态', '手机号', '生日', '会费', '微信'])
  await expectCount(bodyRows(root), 50)
  expect(await root.locator('.roster__row').count()).toBe(0)
  // In staff-number order, the roster's own, with phones and birth years masked.
  const members = await onRoster()
  expect(await column(root, 1)).toEqual(members.slice(0, 50).map((member) => member.staffNo))
  for (const phone of await column(root, 5)) expect(phone).toMatch(/^1\d{2}\*{4}\d{4}$/)
  for (const birthday of await column(root, 6)) expect(birthday).toMatch(/^\*{4}-\d{2}-\d{2}$/)
  // Stretched phone cards showed five members to this window; the table, under the filters, twice as many or more.
  expect(await rowsOnScreen(page, root)).toBeGreaterThanOrEqual(10)
  await screenshot(page, 'desk-roster')
})

test('sorting a roster column orders every member, not just the page loaded', async () => {
  const { page, root } = await deskAs('周建华', ROSTER, '.roster')
  await expectCount(bodyRows(root), 50)
  const members = await onRoster()
  expect(members.length).toBeGreaterThan(50)

  await root.locator('.admin-table__head', { hasText: '姓名' }).click()
  await expectCount(bodyRows(root), members.length)
  await expectText(root.locator('.list-footer'), '没有更多了')
  const names = await column(root, 0)
  for (let i = 1; i < names.length; i++) expect(collator.compare(names[i - 1], names[i])).toBeLessThanOrEqual(0)
  await expectText(root.locator('.admin-table__head', { hasText: '姓名' }), '▲')
  await screenshot(page, 'desk-roster-by-name')

  // Again: the other way round.
  await root.locator('.admin-table__head', { hasText: '姓名' }).click()
  await eventually(async () => expect(await column(root, 0)).toEqual([...names].reverse()))

  // By branch union.
  await root.locator('.admin-table__head', { hasText: '分工会' }).click()
  const units = await column(root, 3)
  for (let i = 1; i < units.length; i++) expect(collator.compare(units[i - 1], units[i])).toBeLessThanOrEqual(0)
})

test('a member record at a desk lays its fields out in two columns', async () => {
  const { page, root } = await deskAs('周建华', ROSTER, '.roster')
  const first = (await onRoster())[0]
  await bodyRows(root).first().click()
  await arrived(page, DETAIL)
  const form = page.locator('.member:visible .member__form')
  await expectText(page.locator('.member:visible .member__title'), first.name)
  const field = (label: string) => form.locator('.member__field', { has: page.locator('.member__label', { hasText: label }) }).boundingBox()
  const [name, phone, birth] = [(await field('姓名'))!, (await field('手机号'))!, (await field('出生日期'))!]
  // 姓名 and 手机号 side by side; 出生日期 starts the next line under 姓名.
  expect(phone.y).toBeCloseTo(name.y, 0)
  expect(phone.x).toBeGreaterThan(name.x + name.width - 1)
  expect(birth.x).toBeCloseTo(name.x, 0)
  expect(birth.y).toBeGreaterThan(name.y)
  // The save button sits at the foot of the form at a button's width, not across the window.
  const save = (await page.locator('.member:visible taro-button-core.member__save').boundingBox())!
  expect(save.width).toBeLessThan(400)
  await screenshot(page, 'desk-member')
})

test('the notices, audit and role lists are tables at a desk too', async () => {
  // Something in the audit log first: a settings change.
  await h.callAs('m0001', 'members', 'updateSettings', { youthUnderAge: 38 }, 'desk-test-settings-1')
  const notices = await h.store.find('notices', {})

  const admin = await deskAs('周建华', '/admin/notices/list/index', '.admin-notices')
  expect(await headings(admin.root)).toEqual(['状态', '标题', '栏目', '发布时间', '范围', '已读', '操作'])
  await expectCount(bodyRows(admin.root), notices.length)
  await expectText(bodyRows(admin.root).first(), '编辑')
  // 发布时间 sorts oldest first, then newest first.
  await admin.root.locator('.admin-table__head', { hasText: '发布时间' }).click()
  const oldest = [...notices].sort((a, b) => a.publishAt.localeCompare(b.publishAt))[0]
  await expectText(bodyRows(admin.root).first(), oldest.title)
  await screenshot(admin.page, 'desk-notices')

  const audit = await deskAs('周建华', '/admin/audit/index', '.audit')
  expect(await headings(audit.root)).toEqual(['时间', '操作', '对象', '操作人', '改动'])
  await expectText(bodyRows(audit.root).first(), '周建华')
  await expectText(bodyRows(audit.root).first(), '40 周岁以下')
  await expectText(bodyRows(audit.root).first(), '38 周岁以下')
  await screenshot(audit.page, 'desk-audit')

  const roles = await deskAs('周建华', '/admin/roles/index', '.roles')
  expect(await headings(roles.root)).toEqual(['姓名', '工号', '分工会', '角色（点 × 撤销）'])
  const holders = await h.store.find('members', {})
  await expectCount(bodyRows(roles.root), holders.filter((member) => member.roles.length > 0).length)
  await expectText(roles.root.locator('.admin-table'), '校工会管理员')
  await screenshot(roles.page, 'desk-roles')
})

test('a phone keeps the roster cards', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await open(page, h.baseUrl, ROSTER)
  await page.locator('.roster:visible .roster__row').first().waitFor()
  expect(await page.locator('.roster:visible .admin-table').count()).toBe(0)
  await expectCount(page.locator('.roster:visible .roster__row'), 20)
})

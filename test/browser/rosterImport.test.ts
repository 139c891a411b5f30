/**
 * Union office staff import the member roster from an Excel file through 我的 → 会员名册 → 导入名册: they download
 * the template, pick a file, check the preview (who is added, whose fields change), apply it, and a person the file
 * added then binds their WeChat with 工号, 姓名 and the last four digits of the phone the file gave. A file with a
 * bad row is listed row by row and cannot be applied; the roster exports as a file that imports back. The tests
 * run in order over one host and store.
 */
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import type { MemberDoc } from '../../cloudfunctions/core/collections'
import { readRoster, writeRoster, type RosterUnit } from '../../cloudfunctions/exports/roster/rosterFile'
import { pickRoster, type RosterMember } from '../../cloudfunctions/exports/roster/rosterPlan'
import { demoOpenid } from '../../scripts/seed/demoUnion'
import {
  answerModal,
  arrived,
  bindForm,
  chooseFile,
  downloadFrom,
  eventually,
  expectCount,
  expectText,
  fillBindForm,
  isDisabled,
  loginAs,
  modal,
  open,
  screenshot,
  suiteHarness,
  tapCell,
  tapTab,
  toast,
  toastGone,
} from './harness'

const h = suiteHarness()

const LOGIN = /#\/pages\/login\/index/
const HOME = /#\/pages\/index\/index/
const MINE = /#\/pages\/mine\/index/
const BIND = /#\/pages\/bind\/index/
const ROSTER = /#\/admin\/members\/list\/index/
const IMPORT = /#\/admin\/members\/import\/index/

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The unit both newcomers join (seeded as unit05). */
const UNIT = { id: 'unit05', name: '文学院分工会' }

/** Two people new to the roster: compound surnames the seed never uses, so searching by name finds only them. */
const NEWCOMERS: RosterMember[] = [
  {
    staffNo: '20269001',
    name: '欧阳思远',
    gender: 'male',
    birthDate: '1994-06-18',
    unitId: UNIT.id,
    phone: '13912345678',
    status: 'active',
    memberSince: '2025-09-01',
    duesPaid: true,
  },
  {
    staffNo: '20269002',
    name: '司马晓雯',
    gender: 'female',
    birthDate: '1996-11-02',
    unitId: UNIT.id,
    phone: '18655557246',
    status: 'active',
    memberSince: '2025-09-01',
    duesPaid: false,
  },
]

/** The demo member whose phone number the file changes. */
const CHANGED_ID = 'm0042'
const CHANGED_PHONE = '13700001111'

async function units(): Promise<RosterUnit[]> {
  return h.store.find('units', {}, { sort: { order: 1 } })
}

/** An .xlsx roster file holding `members`, as Excel would hand it to the browser's file dialog. */
async function rosterFile(name: string, members: RosterMember[], extraUnits: RosterUnit[] = []) {
  return { name, mimeType: XLSX_TYPE, buffer: await writeRoster(members, [...(await units()), ...extraUnits]) }
}

/** 我的 → 会员名册, as the signed-in union office staff member. */
async function openRoster(page: Page) {
  await tapTab(page, '我的')
  await arrived(page, MINE)
  await tapCell(page, '会员名册')
  await arrived(page, ROSTER)
  await page.locator('.roster:visible .roster__row').first().waitFor()
}

/** The import page's pieces (hidden pages stay in the DOM, so only the visible one). */
function importPage(page: Page) {
  const root = page.locator('.import:visible')
  return {
    root,
    template: root.locator('taro-button-core.import__template'),
    pick: root.locator('taro-button-core.import__pick'),
    mode: (label: string) => root.locator('.nut-radio', { hasText: label }),
    file: root.locator('.import__file'),
    verdict: root.locator('.import__verdict'),
    list: (heading: string) => root.locator('.import__list', { has: page.locator('.import__heading', { hasText: heading }) }),
    apply: root.locator('taro-button-core.import__apply'),
    done: root.locator('.import__done'),
    problem: root.locator('.import__problem'),
  }
}

/** The five count tiles as the screen shows them, by label. */
async function counts(page: Page): Promise<Record<string, number>> {
  const tiles = importPage(page).root.locator('.import__count')
  const shown: Record<string, number> = {}
  for (const tile of await tiles.all()) {
    shown[(await tile.locator('.import__count-label').innerText()).trim()] = Number(await tile.locator('.import__count-number').innerText())
  }
  return shown
}

async function expectCounts(page: Page, expected: Record<string, number>) {
  await eventually(async () => expect(await counts(page)).toEqual(expected))
}

/** Text as a person reads it, whitespace aside (the preview lays its pieces out with margins, not spaces). */
const squeezed = (text: string) => text.replace(/\s+/g, '')

test('union office downloads the template, previews a roster file, and applies it', async () => {
  const changedBefore = (await h.store.get('members', CHANGED_ID))!
  expect(changedBefore.phone).not.toBe(CHANGED_PHONE)
  expect((await h.store.get('units', UNIT.id))?.name).toBe(UNIT.name)
  for (const person of NEWCOMERS) expect(await h.store.find('members', { staffNo: person.staffNo })).toEqual([])
  const membersBefore = await h.store.count('members')
  const auditBefore = await h.store.count('auditLog', { action: 'members.import' })

  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await openRoster(page)
  const tools = page.locator('.roster:visible .roster__tools')
  await expectText(tools, '导入名册')
  await expectText(tools, '导出全部')
  await tools.locator('taro-button-core', { hasText: '导入名册' }).click()
  await arrived(page, IMPORT)
  const im = importPage(page)
  await expectText(im.root, '1. 准备名册文件')
  // Nothing to apply before a file is chosen.
  await expectCount(im.apply, 0)
  await expectCount(im.root.locator('.import__count'), 0)

  // 下载名册模板 saves an .xlsx that is itself an importable roster (the headers and one example row).
  const template = await downloadFrom(page, im.template)
  expect(template.fileName).toMatch(/模板.*\.xlsx$/)
  const read = await readRoster(template.data, await units(), new Date())
  expect(read.errors).toEqual([])
  expect(read.rows).toHaveLength(1)

  // 部分名册 is the default: people missing from the file stay as they are.
  await eventually(async () => expect(await im.mode('部分名册').getAttribute('aria-checked')).toBe('true'))
  await expectText(im.root, '文件里没有的会员保持不变')

  // The file: two newcomers, and one demo member with a new phone number. The browser's file dialog offers .xlsx.
  const changedRow = { ...pickRoster(changedBefore), phone: CHANGED_PHONE }
  const chooser = await chooseFile(page, im.pick, await rosterFile('新学期会员名册.xlsx', [...NEWCOMERS, changedRow]))
  expect(chooser.isMultiple()).toBe(false)
  expect(await chooser.element().getAttribute('accept')).toBe('.xlsx')
  await expectText(im.file, '已选择：新学期会员名册.xlsx')
  await expectText(im.pick, '重新选择文件')

  // The preview: the counts, who is added (with unit), whose field changes and how.
  await expectCounts(page, { 新增: 2, 更新: 1, 无变化: 0, 标为离校: 0, 有错误: 0 })
  await expectText(im.verdict, '请核对下面的变更，确认无误后点“确认导入”。')
  const added = im.list('新增（2）').locator('.import__item')
  await expectCount(added, 2)
  for (const [index, person] of NEWCOMERS.entries()) {
    await expectText(added.nth(index).locator('.import__name'), person.name)
    await expectText(added.nth(index).locator('.import__meta'), `${person.staffNo} · ${UNIT.name}`)
  }
  const updated = im.list('更新（1）').locator('.import__item')
  await expectCount(updated, 1)
  await expectText(updated.locator('.import__name'), changedBefore.name)
  await expectText(updated.locator('.import__meta'), changedBefore.staffNo)
  await expectCount(updated.locator('.field-change'), 1)
  expect(squeezed(await updated.locator('.field-change').innerText())).toBe(`手机号${changedBefore.phone}→${CHANGED_PHONE}`)
  expect(await im.root.locator('.import__list', { hasText: '错误' }).count()).toBe(0)
  expect(await im.root.locator('.import__list', { hasText: '标为离校' }).count()).toBe(0)
  // A preview writes nothing.
  expect(await h.store.count('members')).toBe(membersBefore)
  await expectText(im.apply, '确认导入')
  expect(await isDisabled(im.apply)).toBe(false)
  await toastGone(page)
  await screenshot(page, 'roster-preview')
  await updated.scrollIntoViewIfNeeded()
  await screenshot(page, 'roster-preview-lists')

  // 确认导入 asks first; 导入 applies it and the page says what was done.
  await im.apply.click()
  const asked = await answerModal(page, '导入')
  expect(asked).toContain('确认导入')
  expect(asked).toContain('将新增 2 人、更新 1 人。导入会记入操作日志，确定导入吗？')
  await expectText(im.done, '导入完成')
  await expectText(im.done, '新增 2 人，更新 1 人，标为离校 0 人，0 人无变化。已记入操作日志。')
  await expectCount(im.apply, 0)
  await expectCount(im.root.locator('.import__count'), 0)
  await expectText(im.pick, '选择名册文件')
  // The page returns to its top, where the result is: not left scrolled down where the long preview was.
  await eventually(async () => {
    const bar = (await page.locator('#taro-navigation-bar').boundingBox())!
    const title = (await im.done.locator('.import__done-title').boundingBox())!
    expect(title.y).toBeGreaterThanOrEqual(bar.y + bar.height)
  })
  await toastGone(page)
  await screenshot(page, 'roster-done')

  // The store: the newcomers as the file says (no roles, not bound), the changed phone, one audit entry.
  expect(await h.store.count('members')).toBe(membersBefore + 2)
  for (const person of NEWCOMERS) {
    const [stored] = await h.store.find('members', { staffNo: person.staffNo })
    expect(stored).toMatchObject({ ...person, roles: [] })
    expect(await h.store.find('bindings', { memberId: stored._id })).toEqual([])
  }
  expect(await h.store.get('members', CHANGED_ID)).toMatchObject({ ...changedRow, _id: CHANGED_ID })
  const audits = await h.store.find('auditLog', { action: 'members.import' })
  expect(audits).toHaveLength(auditBefore + 1)
  expect(audits[audits.length - 1]).toMatchObject({ actorId: 'm0001', after: { 新增: 2, 更新: 1, 标为离校: 0 } })

  // 返回会员名册: the roster finds a newcomer by name, 未绑定.
  await im.done.locator('taro-button-core', { hasText: '返回会员名册' }).click()
  await arrived(page, ROSTER)
  await page.locator('.roster:visible .nut-searchbar input').fill(NEWCOMERS[0].name)
  const rows = page.locator('.roster:visible .roster__row')
  await expectCount(rows, 1)
  await expectText(rows, `${NEWCOMERS[0].staffNo} · 男 · ${UNIT.name}`)
  await expectText(rows, '未绑定')
})

test('a person the import added binds with 工号, 姓名 and the last four phone digits, and 我的 shows them', async () => {
  const person = NEWCOMERS[0]
  const [member] = await h.store.find('members', { staffNo: person.staffNo })
  expect(member).toBeDefined()
  const openid = demoOpenid(person.staffNo)
  expect(await h.store.get('bindings', openid)).toBeNull()

  // The development login finds them by name, not yet bound.
  const page = await h.newPhone()
  await open(page, h.baseUrl, '/pages/login/index')
  await arrived(page, LOGIN)
  await page.locator('.login:visible .nut-searchbar input').fill(person.name)
  const row = page.locator('.login__person', { hasText: person.name })
  await expectCount(page.locator('.login__person'), 1)
  await expectText(row, UNIT.name)
  await expectText(row, '未绑定')
  await row.click()
  await arrived(page, HOME)
  const home = page.locator('.home:visible')
  await expectText(home, '尚未绑定会员身份')

  await home.locator('taro-button-core', { hasText: '立即绑定' }).click()
  await arrived(page, BIND)
  const form = bindForm(page)
  await fillBindForm(page, { staffNo: person.staffNo, name: person.name, phoneLast4: person.phone.slice(-4) })
  await form.submit.click()
  await expectText(toast(page), `绑定成功，${person.name}`)

  await arrived(page, HOME)
  await expectText(page.locator('.home__greeting'), `${person.name}老师`)
  await tapTab(page, '我的')
  await arrived(page, MINE)
  const mine = page.locator('.mine:visible')
  await expectText(mine.locator('.mine__name'), person.name)
  await expectText(mine.locator('.mine__unit'), UNIT.name)
  await expectText(mine.locator('.mine__tags'), '在职')
  await expectText(mine.locator('.mine__tags'), '会员')
  // A plain member: no admin tools.
  expect(await mine.innerText()).not.toContain('会员名册')
  await screenshot(page, 'roster-newcomer-mine')

  expect(await h.store.get('bindings', openid)).toMatchObject({ _id: openid, memberId: member._id })
})

test('a file with bad rows lists each row and its reason, and 确认导入 stays disabled', async () => {
  const membersBefore = await h.store.count('members')
  const good: RosterMember = { ...NEWCOMERS[0], staffNo: '20269101', name: '东方明月', phone: '13811112222' }
  const badPhone: RosterMember = { ...NEWCOMERS[1], staffNo: '20269102', name: '皇甫子涵', phone: '1391234' }
  // A unit the file names but the union does not have.
  const badUnit: RosterMember = { ...NEWCOMERS[1], staffNo: '20269103', name: '上官雨桐', unitId: 'unit99' }
  const file = await rosterFile('有错误的名册.xlsx', [good, badPhone, badUnit], [{ _id: 'unit99', name: '天文学院分工会', departments: [] }])

  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await openRoster(page)
  await page.locator('.roster:visible .roster__tools taro-button-core', { hasText: '导入名册' }).click()
  await arrived(page, IMPORT)
  const im = importPage(page)
  await chooseFile(page, im.pick, file)
  await expectText(im.file, '已选择：有错误的名册.xlsx')

  await expectCounts(page, { 新增: 1, 更新: 0, 无变化: 0, 标为离校: 0, 有错误: 2 })
  await expectText(im.verdict, '文件中有 2 处错误，修改后才能导入（导入要么全部成功，要么一条也不写入）。')
  const errors = im.list('错误（2）').locator('.import__item')
  await expectCount(errors, 2)
  // Row 1 is the header: the second and third people are rows 3 and 4.
  await expectText(errors.nth(0).locator('.import__row'), '第 3 行')
  await expectText(errors.nth(0).locator('.import__message'), '手机号“1391234”不对：应为 1 开头的 11 位数字')
  await expectText(errors.nth(1).locator('.import__row'), '第 4 行')
  await expectText(errors.nth(1).locator('.import__message'), '所在单位“天文学院分工会”不存在')
  await expectText(im.list('新增（1）'), good.name)

  // 确认导入 is there but disabled: tapping it asks nothing and writes nothing.
  await expectText(im.apply, '确认导入')
  await eventually(async () => expect(await isDisabled(im.apply)).toBe(true))
  await toastGone(page)
  await screenshot(page, 'roster-errors')
  await errors.nth(1).scrollIntoViewIfNeeded()
  await screenshot(page, 'roster-errors-list')
  await im.apply.click({ force: true })
  await page.waitForTimeout(500)
  expect(await modal(page).count()).toBe(0)
  expect(await im.done.count()).toBe(0)
  expect(await h.store.count('members')).toBe(membersBefore)
  for (const person of [good, badPhone, badUnit]) expect(await h.store.find('members', { staffNo: person.staffNo })).toEqual([])
})

test('a file refused as a whole says why on the page, in full, and shows no preview', async () => {
  const sheet = new ExcelJS.Workbook()
  sheet.addWorksheet('名册').addRow(['工号', '名字', '性别', '出生日期', '所在单位', '手机号', '人员状态', '入会时间', '会费状态'])
  const file = { name: '改了表头的名册.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(await sheet.xlsx.writeBuffer()) }

  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await open(page, h.baseUrl, '/admin/members/import/index')
  await arrived(page, IMPORT)
  const im = importPage(page)
  await chooseFile(page, im.pick, file)
  await expectText(im.problem, '表头不对：缺少列 “姓名”；有无法识别的列 “名字”（B1）')
  await expectText(im.problem, '请不要改动或增加列名（可下载模板对照）')
  expect(await im.verdict.count()).toBe(0)
  expect(await im.apply.count()).toBe(0)
  await screenshot(page, 'roster-file-refused')
})

test('the roster exports as an .xlsx, all of it or one branch union, that reads back as the roster', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await openRoster(page)
  const tools = page.locator('.roster:visible .roster__tools')

  const all = await downloadFrom(page, tools.locator('taro-button-core', { hasText: '导出全部' }))
  expect(all.fileName).toMatch(/^会员名册-全部分工会-\d{8}\.xlsx$/)
  const onRoster: MemberDoc[] = await h.store.find('members', { status: { $ne: 'left' } }, { sort: { staffNo: 1 } })
  const read = await readRoster(all.data, await units(), new Date())
  expect(read.errors).toEqual([])
  expect(read.rows.map(({ member }) => member)).toEqual(onRoster.map(pickRoster))

  // Choosing a branch union turns the button into 导出本分工会, and the file holds that unit only.
  await page.locator('.roster:visible .roster__units .nut-radio', { hasText: UNIT.name }).click()
  const unitExport = tools.locator('taro-button-core', { hasText: '导出本分工会' })
  await unitExport.waitFor()
  await screenshot(page, 'roster-list-unit')
  const one = await downloadFrom(page, unitExport)
  expect(one.fileName).toMatch(new RegExp(`^会员名册-${UNIT.name}-\\d{8}\\.xlsx$`))
  const unitRead = await readRoster(one.data, await units(), new Date())
  expect(unitRead.errors).toEqual([])
  expect(unitRead.rows.map(({ member }) => member)).toEqual(onRoster.filter((member) => member.unitId === UNIT.id).map(pickRoster))
  expect(unitRead.rows.map(({ member }) => member.staffNo)).toEqual(expect.arrayContaining(NEWCOMERS.map((person) => person.staffNo)))
})

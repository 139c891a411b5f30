/**
 * 教代会提案 in the browser build, over the demo's 六届二次 (collecting now): a delegate writes a proposal (the draft
 * saves itself), meets the alike one already filed, invites two delegates; they confirm; the author submits it; the
 * committee accepts it under the session's next number and assigns it; the department replies; the author rates the
 * reply and the committee closes it. In order, over one host and store.
 */
import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { arrived, chooseFile, eventually, expectCount, expectText, loginAs, open, screenshot, suiteHarness, tapCell, tapTab, toast } from './harness'

const h = suiteHarness()

const PROPOSALS = /#\/proposals\/index\/index/
const EDIT = /#\/proposals\/edit\/index/
const DETAIL = /#\/proposals\/detail\/index\?id=/
const DECIDE = /#\/admin\/proposals\/decide\/index\?id=/
const HANDLE = /#\/admin\/proposals\/handle\/index\?id=/
const HANDLING = /#\/admin\/proposals\/handling\/index/
const TITLE = '关于增设教工停车位和充电桩的提案'
const PHOTO = readFileSync(join(__dirname, '../../scripts/seed/covers/mixer.jpg'))

/** The demo's delegates m0039 (the author) and m0032, m0033 (the seconders), and the committee's m0040, by name. */
async function nameOf(id: string) {
  return (await h.store.get('members', id))!.name
}

async function openProposals(page: Page, name: string, shoot = false) {
  await loginAs(page, h.baseUrl, name)
  if (shoot) await screenshot(page, 'home-entries')
  await page.locator('.home__entry:visible', { hasText: '教代会提案' }).click()
  await arrived(page, PROPOSALS)
}

let proposalId = ''

test('a delegate writes a proposal that saves itself, sees the alike one, and invites two delegates', async () => {
  const page = await h.newPhone()
  await openProposals(page, await nameOf('m0039'), true)
  await expectText(page.locator('.proposals__session:visible'), '六届二次教代会')
  await expectText(page.locator('.proposals__session:visible'), '提案征集中')
  await screenshot(page, 'proposals-home')
  await page.locator('.proposals__new:visible').click()
  await arrived(page, EDIT)
  const form = page.locator('.proposal-edit:visible')
  await form.locator('input').first().fill(TITLE)
  await form.locator('.choice', { hasText: '后勤保障' }).click()
  const [reasons, measures] = [form.locator('textarea').nth(0), form.locator('textarea').nth(1)]
  await reasons.fill('教工停车位严重不足，电动汽车充电难。')
  await measures.fill('新建立体停车场，并设置充电桩。')
  // A photo of the car park, uploaded and saved with the draft.
  await chooseFile(page, form.locator('.proof-images__add'), { name: '停车场.jpg', mimeType: 'image/jpeg', buffer: PHOTO })
  await expectCount(form.locator('.proof-images__picture'), 1)
  // Saved by itself a moment after typing stops: the draft is there without a tap.
  await expectText(form.locator('.proposal-edit__saved'), '草稿已自动保存')
  const [draft] = await h.store.find('proposals', { title: TITLE })
  expect(draft).toMatchObject({ state: 'draft', kind: 'proposal', measures: '新建立体停车场，并设置充电桩。' })
  await eventually(async () => expect((await h.store.get('proposals', draft._id))?.imageFileIds).toHaveLength(1))
  proposalId = draft._id
  // The demo's accepted parking proposal reads alike.
  await expectText(form.locator('.proposal-edit__similar'), '六届二次-002 关于增设教工停车位的提案')
  await screenshot(page, 'proposals-edit')

  await page.locator('.proposal-edit__invite:visible').click()
  const picker = page.locator('.delegate-picker:visible')
  for (const id of ['m0032', 'm0033']) await picker.locator('.delegate-picker__row', { hasText: await nameOf(id) }).click()
  await screenshot(page, 'proposals-invite')
  await picker.locator('.delegate-picker__send').click()
  await expectText(toast(page), '已发出附议邀请')
  await arrived(page, DETAIL)
  const detail = page.locator('.proposal-detail:visible')
  await expectText(detail, '征集附议中')
  await expectText(detail, '附议代表（已确认 0/2）')
  await expectCount(detail.locator('.proof-images__picture'), 1)
})

test('the two invited delegates read it and confirm; the author submits it', async () => {
  for (const id of ['m0032', 'm0033']) {
    const page = await h.newPhone()
    await openProposals(page, await nameOf(id))
    await page.locator('.proposals__tabs .choice:visible', { hasText: '附议邀请' }).click()
    await page.locator('.proposals__row:visible', { hasText: TITLE }).click()
    await arrived(page, DETAIL)
    await page.locator('.proposal-detail__second:visible').click()
    await expectText(toast(page), '已确认附议')
    if (id === 'm0033') await screenshot(page, 'proposals-seconded')
  }
  const page = await h.newPhone()
  await openProposals(page, await nameOf('m0039'))
  await page.locator('.proposals__row:visible', { hasText: TITLE }).click()
  await arrived(page, DETAIL)
  await expectText(page.locator('.proposal-detail:visible'), '附议代表（已确认 2/2）')
  await page.locator('.proposal-detail__submit:visible').click()
  await expectText(toast(page), '已提交')
  await expectText(page.locator('.proposal-detail:visible .status-tag').first(), '待审查')
  await screenshot(page, 'proposals-submitted')
  expect(await h.store.get('proposals', proposalId)).toMatchObject({ state: 'submitted' })
})

test('the committee accepts it under the session’s next number, and the author is told', async () => {
  const page = await h.newPhone()
  await openProposals(page, await nameOf('m0040'))
  await page.locator('.proposals__review:visible').click()
  const rows = page.locator('.review__row:visible')
  await expectCount(rows, 2)
  await screenshot(page, 'proposals-review')
  await rows.filter({ hasText: TITLE }).click()
  await arrived(page, DECIDE)
  await expectText(page.locator('.decide:visible'), '本届相似的提案')
  await screenshot(page, 'proposals-decide')
  await page.locator('.decide__confirm:visible').click()
  await expectText(toast(page), '已立案：六届二次-005')
  await eventually(async () => expect(await h.store.get('proposals', proposalId)).toMatchObject({ state: 'accepted', number: '六届二次-005' }))
  expect(await h.store.count('messages', { kind: 'proposalProgress', recipientId: 'm0039', 'data.change': 'accepted' })).toBe(1)
})

test('the committee assigns it to 后勤管理处, whose handler replies; the author rates it and the committee closes it', async () => {
  const committee = await h.newPhone()
  await loginAs(committee, h.baseUrl, await nameOf('m0040'))
  await open(committee, h.baseUrl, `/proposals/detail/index?id=${proposalId}`)
  await arrived(committee, DETAIL)
  await committee.locator('.proposal-detail__handle:visible').click()
  await arrived(committee, HANDLE)
  await committee.locator('.handle:visible .choice', { hasText: '后勤管理处' }).first().click()
  await screenshot(committee, 'proposals-assign')
  await committee.locator('.handle__assign:visible').click()
  await expectText(toast(committee), '已提交')
  await eventually(async () => expect(await h.store.get('proposals', proposalId)).toMatchObject({ state: 'assigned', leadDeptId: 'dept-logistics' }))

  const handler = await h.newPhone()
  await loginAs(handler, h.baseUrl, await nameOf('m0013'))
  await tapTab(handler, '我的')
  await tapCell(handler, '承办事项')
  await arrived(handler, HANDLING)
  await screenshot(handler, 'proposals-handling')
  await handler.locator('.handling__row:visible', { hasText: TITLE }).click()
  await arrived(handler, DETAIL)
  await handler.locator('.proposal-detail__handle:visible').click()
  await arrived(handler, HANDLE)
  await handler.locator('.handle:visible .choice', { hasText: '列入计划' }).click()
  await handler.locator('.handle:visible textarea').fill('已列入明年后勤基建计划，先行增设 20 个充电桩。')
  await handler.locator('.handle__reply:visible').click()
  await expectText(toast(handler), '已提交')
  await eventually(async () => expect(await h.store.get('proposals', proposalId)).toMatchObject({ state: 'replied', reply: { outcome: 'planned' } }))

  const author = await h.newPhone()
  await loginAs(author, h.baseUrl, await nameOf('m0039'))
  await open(author, h.baseUrl, `/proposals/detail/index?id=${proposalId}`)
  await arrived(author, DETAIL)
  await expectText(author.locator('.proposal-detail__reply:visible'), '答复：列入计划')
  await author.locator('.proposal-detail__rate:visible .choice', { hasText: '基本满意' }).click()
  await screenshot(author, 'proposals-rate')
  await author.locator('.proposal-detail__rate-send:visible').click()
  await expectText(toast(author), '感谢您的评价')
  await expectText(author.locator('.proposal-detail__reply:visible'), '提案人评价：基本满意')

  const closer = await h.newPhone()
  await loginAs(closer, h.baseUrl, await nameOf('m0040'))
  await open(closer, h.baseUrl, `/proposals/detail/index?id=${proposalId}`)
  await arrived(closer, DETAIL)
  await closer.locator('.proposal-detail__close:visible').click()
  await expectText(toast(closer), '已办结')
  await expectText(closer.locator('.proposal-detail:visible .status-tag').first(), '已办结')
  await screenshot(closer, 'proposals-closed')
  expect((await h.store.get('proposals', proposalId))!.history.map((entry) => entry.step)).toEqual(['invite', 'submit', 'accept', 'assign', 'reply', 'rate', 'close'])
})

test('a member reads the public record, last session’s too; the union office withholds one from it', async () => {
  const page = await h.newPhone()
  await openProposals(page, await nameOf('m0019'))
  await page.locator('.proposals__tabs .choice:visible', { hasText: '公开提案' }).click()
  const record = page.locator('.proposals__record:visible')
  await expectCount(record.locator('.proposals__row'), 5)
  await expectText(record.locator('.proposals__row').first(), '六届二次-001')
  await expectText(record.locator('.proposals__row', { hasText: TITLE }), '承办：后勤管理处 · 列入计划 · 提案人基本满意')
  await screenshot(page, 'proposals-record')
  await record.locator('.choice', { hasText: '六届一次' }).click()
  // 六届一次-004 is withheld: members see the other four.
  await expectCount(record.locator('.proposals__row'), 4)
  await expectText(record.locator('.proposals__row').nth(3), '六届一次-005')

  const office = await h.newPhone()
  await loginAs(office, h.baseUrl, '周建华')
  await open(office, h.baseUrl, '/proposals/detail/index?id=proposal-heating')
  await arrived(office, DETAIL)
  const publicity = office.locator('.proposal-detail__publicity:visible')
  await publicity.locator('textarea').fill('答复涉及个人信息')
  await screenshot(office, 'proposals-withhold')
  await publicity.locator('.proposal-detail__withhold').click()
  await expectText(toast(office), '已设为不公开')
  await expectText(office.locator('.proposal-detail__head:visible'), '不在公开提案中：答复涉及个人信息')
  await eventually(async () => expect((await h.store.get('proposals', 'proposal-heating'))?.withheld).toMatchObject({ reason: '答复涉及个人信息', byName: '周建华' }))
})

test('the committee reads the session’s figures in 提案统计', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, await nameOf('m0040'))
  await tapTab(page, '我的')
  await tapCell(page, '提案统计')
  await arrived(page, /#\/admin\/proposals\/stats\/index/)
  const totals = page.locator('.stats__total:visible')
  // The demo's eight filed, and this file's own: accepted as 六届二次-005.
  await expectText(totals.nth(0), '9 提交')
  await expectText(totals.nth(2), '5 立案')
  await expectText(page.locator('.stats__dept:visible').first(), '后勤管理处')
  await screenshot(page, 'proposals-stats')
})

test('the union office changes a session’s reply weeks in 教代会届次', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await tapTab(page, '我的')
  await tapCell(page, '教代会届次')
  await arrived(page, /#\/admin\/proposals\/sessions\/index/)
  const cards = page.locator('.sessions__card:visible')
  await expectCount(cards, 2)
  await expectText(cards.first(), '六届二次')
  await expectText(cards.first(), '代表 10 人 · 提案委员会 1 人')
  await screenshot(page, 'proposals-sessions')
  const stored = (await h.store.get('congressSessions', 'session-6-1'))!
  await cards.nth(1).locator('.sessions__edit').click()
  const editor = page.locator('.sessions__editor:visible')
  await editor.locator('input').last().fill('8')
  await screenshot(page, 'proposals-session-edit')
  await editor.locator('.sessions__save').click()
  await expectText(toast(page), '届次已保存')
  await expectText(page.locator('.sessions__card:visible').nth(1), '答复期限 8 周')
  // The window's days were not touched: it opens and closes when it did.
  expect(await h.store.get('congressSessions', 'session-6-1')).toMatchObject({ name: '六届一次', replyWeeks: 8, secondersNeeded: 2, opensAt: stored.opensAt, closesAt: stored.closesAt })
})

test('the union office adds a handling department in 教代会届次', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await open(page, h.baseUrl, '/admin/proposals/sessions/index')
  const depts = page.locator('.sessions__depts:visible')
  await expectText(depts.locator('.sessions__dept', { hasText: '后勤管理处' }), '经办人 1 人')
  await depts.locator('.sessions__dept-form input').fill('保卫处')
  await depts.locator('.sessions__dept-save').click()
  await expectText(toast(page), '已添加承办部门')
  await expectText(depts.locator('.sessions__dept').last(), '保卫处 经办人 0 人')
  await screenshot(page, 'proposals-departments')
  expect(await h.store.count('departments', { name: '保卫处' })).toBe(1)
})

test('the union office imports 六届二次’s delegate list with one more delegate, who holds the session’s delegate role from then on', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await tapTab(page, '我的')
  await tapCell(page, '教代会届次')
  await arrived(page, /#\/admin\/proposals\/sessions\/index/)
  const card = page.locator('.sessions__card:visible').first()
  await expectText(card, '代表名单：人文社科代表团 5 人、理工医代表团 5 人')
  // The list as the demo keeps it, and 廖月佳 (m0019) joining 人文社科代表团.
  const newcomer = (await h.store.get('members', 'm0019'))!
  const entries = await h.store.find('congressDelegates', { sessionId: 'session-6-2' }, { sort: { staffNo: 1 } })
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('代表名单')
  sheet.addRow(['工号', '姓名', '代表团'])
  for (const entry of entries) sheet.addRow([entry.staffNo, entry.memberName, entry.delegation])
  sheet.addRow([newcomer.staffNo, newcomer.name, '人文社科代表团'])
  const buffer = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
  await chooseFile(page, card.locator('.sessions__import'), { name: '代表名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer })
  const preview = card.locator('.sessions__preview')
  await expectText(preview, `新增代表 1 人：${newcomer.name}（${newcomer.staffNo}）`)
  await expectText(preview, '不再是代表 0 人')
  await screenshot(page, 'proposals-delegates-import')
  await preview.locator('.sessions__apply').click()
  await expectText(toast(page), '代表名单已导入')
  await expectText(page.locator('.sessions__card:visible').first(), '代表名单：人文社科代表团 6 人、理工医代表团 5 人')
  expect((await h.store.get('members', 'm0019'))?.roles).toContain('delegate:session-6-2')
})

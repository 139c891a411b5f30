/**
 * The compiled roster import page (admin subpackage), as the union office uses it on the phone: 选择名册文件 picks an
 * Excel file from a WeChat chat, uploads it to cloud storage and shows the real exports.rosterPreview; 确认导入 asks
 * once more and the real exports.rosterApply writes the store. 下载名册模板 opens the template the real
 * exports.rosterTemplate made.
 *
 * The tests share one import page, in order, as one person would use it (the compiled app runs once per file, as
 * union office member m0001): close the picker, pick a file too large, pick the right one, back out of the
 * confirmation, confirm; then download the template.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { MemberDoc } from '../../cloudfunctions/core/collections'
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { readRoster, writeRoster } from '../../cloudfunctions/exports/roster/rosterFile'
import type { RosterMember } from '../../cloudfunctions/exports/roster/rosterPlan'
import { demoOpenid, seedDemoUnion } from '../../scripts/seed/demoUnion'
import { ROSTER_MAX_BYTES, tooLargeMessage, type RosterPreview } from '../../types/roster'
import { IDEMPOTENCY_KEY, startWeapp, textIn, waitUntil, type ChatFile, type PageHandle, type SimNode, type Weapp } from './harness'

const ROUTE = 'admin/members/import/index'
const store = new SqliteStore(':memory:')
/** Where the files the person has in their chats are (the client's temporary copies). */
const chat = mkdtempSync(path.join(tmpdir(), 'jiaogong-chat-'))
/** The demo member whose phone the file changes (bound, 在职, not union office). */
const CHANGED_ID = 'm0003'
const NEW_PHONE = '13900001111'
const NEWCOMER: RosterMember = {
  staffNo: '300001',
  name: '林晓雯',
  gender: 'female',
  birthDate: '1992-05-06',
  unitId: 'unit05',
  phone: '13912345678',
  status: 'active',
  memberSince: '2024-09-01',
  duesPaid: true,
}
let app: Weapp
let page: PageHandle
let changed: MemberDoc

beforeAll(async () => {
  await seedDemoUnion(store, new Date())
  const office = await store.get('members', 'm0001')
  if (!office?.roles.includes('unionOffice')) throw new Error('the demo union has no union office member m0001')
  const found = await store.get('members', CHANGED_ID)
  if (!found) throw new Error(`the demo union has no ${CHANGED_ID}`)
  changed = found
  app = startWeapp({ store, openid: demoOpenid(office.staffNo) })
  page = app.open(ROUTE)
})

afterAll(() => {
  store.close()
  rmSync(chat, { recursive: true, force: true })
})

/** Puts a file named `name` in a chat: the client's temporary copy, under a name of its own, as on the phone. */
function inChat(name: string, data: Buffer): ChatFile {
  const filePath = path.join(chat, `tmp_${Date.now()}${Math.random().toString(36).slice(2, 8)}${path.extname(name)}`)
  writeFileSync(filePath, data)
  return { path: filePath, name }
}

const calls = (api: string) => app.clientCalls.filter(([name]) => name === api).map(([, request]) => request)
const toasts = () => calls('showToast').map((request) => String(request.title))
const rosterCalls = (action?: string) =>
  app.cloudCalls.filter((call) => call.name === 'exports' && (action === undefined || (call.data as { action: string }).action === action))
const text = (node: SimNode | null | undefined) => node?.dom?.textContent?.trim()
/** The text of the first node matching `selector` on the page. */
const shown = (selector: string) => text(page.component.querySelector(selector))
/** Gives the page time to act on what it was answered (Taro renders asynchronously), before checking what it did not do. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200))

/** Taps 选择名册文件 (or 重新选择文件) and waits until the chat file picker was asked; answers that request. */
async function tapPick() {
  const before = calls('chooseMessageFile').length
  page.tap('.import__pick')
  return waitUntil(() => calls('chooseMessageFile')[before], 'the chat file picker after tapping 选择名册文件')
}

/** The count tiles as the page shows them: label → number. */
async function tiles(): Promise<Record<string, number>> {
  const shown = await page.waitFor('.import__count')
  return Object.fromEntries(shown.map((tile) => [textIn(tile, 'import__count-label'), Number(textIn(tile, 'import__count-number'))]))
}

test('the union office opens 导入会员名册 from the admin subpackage', async () => {
  expect(app.pages).toContain(ROUTE)
  const [pick] = await page.waitFor('.import__pick')
  expect(text(pick)).toBe('选择名册文件')
  expect(page.root.textContent).toContain('请先把名册文件发到微信聊天')
  // Opening the page calls nothing yet.
  expect(rosterCalls()).toEqual([])
})

test('closing the chat file picker changes nothing and shows no error', async () => {
  app.chooseFromChat('cancel')

  const request = await tapPick()
  await settle()

  expect(request).toMatchObject({ count: 1, type: 'file', extension: ['xlsx'] })
  expect(calls('cloud.uploadFile')).toEqual([])
  expect(rosterCalls()).toEqual([])
  expect(toasts()).toEqual([])
  expect(shown('.import__pick')).toBe('选择名册文件')
  expect(page.component.querySelectorAll('.import__file')).toHaveLength(0)
  expect(page.component.querySelectorAll('.import__count')).toHaveLength(0)
})

test('a file over 5 MB is refused on the phone, before any upload, with the size in a dialog', async () => {
  const size = 5.5 * 1024 * 1024
  expect(size).toBeGreaterThan(ROSTER_MAX_BYTES)
  app.chooseFromChat(inChat('全校教职工名册.xlsx', Buffer.alloc(size)))

  await tapPick()

  const message = tooLargeMessage(size)
  expect(message).toMatch(/^文件有 5\.5 MB，超过了 5 MB 的上限：/)
  // A file's problem takes more words than a two-line toast holds: a dialog shows all of it.
  const dialog = await waitUntil(() => calls('showModal').find((request) => request.content === message), 'the too-large dialog')
  expect(dialog).toMatchObject({ title: '请检查后重试', showCancel: false, confirmText: '知道了' })
  await settle()
  expect(toasts()).toEqual([])
  expect(calls('cloud.uploadFile')).toEqual([])
  expect(rosterCalls()).toEqual([])
  expect(page.component.querySelectorAll('.import__file')).toHaveLength(0)
  expect(page.component.querySelectorAll('.import__count')).toHaveLength(0)
})

/** What exports.rosterPreview answered, which 确认导入 applies. */
let preview: RosterPreview

test('a roster file from the chat is uploaded and previewed: 新增 1, 更新 1, with the changed phone', async () => {
  const units = await store.find('units', {}, { sort: { order: 1 } })
  const roster = await writeRoster([{ ...changed, phone: NEW_PHONE }, NEWCOMER], units)
  const picked = inChat('教职工名册.xlsx', roster)
  app.chooseFromChat(picked)
  const toastsBefore = toasts().length

  await tapPick()

  // Tiles: counts as the preview answered them, every one shown (zeros too).
  expect(await tiles()).toEqual({ 新增: 1, 更新: 1, 无变化: 0, 标为离校: 0, 有错误: 0 })

  // The upload: the picked temporary file, under uploads/ in cloud storage, kept byte for byte.
  const uploads = calls('cloud.uploadFile')
  expect(uploads).toHaveLength(1)
  expect(uploads[0].filePath).toBe(picked.path)
  expect(String(uploads[0].cloudPath)).toMatch(/^uploads\/\d+-[0-9a-z]+\.xlsx$/)
  const [previewCall] = rosterCalls('rosterPreview')
  expect(rosterCalls()).toHaveLength(1)
  const { fileId } = (previewCall.data as { payload: { fileId: string } }).payload
  expect(previewCall.data).toEqual({ action: 'rosterPreview', payload: { fileId, full: false } })
  expect(await app.files.read(fileId)).toEqual(roster)
  expect(previewCall.result).toMatchObject({ ok: true })
  preview = (previewCall.result as { data: RosterPreview }).data

  // The page: the file's name, the newcomer, and the change of phone (before → after).
  expect(shown('.import__file')).toBe('已选择：教职工名册.xlsx')
  expect(shown('.import__pick')).toBe('重新选择文件')
  const items = page.component.querySelectorAll('.import__item')
  expect(items.map((item) => [textIn(item, 'import__name'), textIn(item, 'import__meta')])).toEqual([
    [NEWCOMER.name, `${NEWCOMER.staffNo} · 文学院分工会`],
    [changed.name, changed.staffNo],
  ])
  const changes = page.component.querySelectorAll('.field-change')
  expect(changes.map((change) => ['field-change__field', 'field-change__before', 'field-change__after'].map((name) => textIn(change, name)))).toEqual([
    ['手机号', changed.phone, NEW_PHONE],
  ])
  expect(shown('.import__verdict')).toBe('请核对下面的变更，确认无误后点“确认导入”。')
  expect(toasts().slice(toastsBefore)).toEqual([])
  // Nothing is written before 确认导入.
  expect(await store.find('members', { staffNo: NEWCOMER.staffNo })).toEqual([])
  expect((await store.get('members', CHANGED_ID))?.phone).toBe(changed.phone)
})

test('backing out of the confirmation applies nothing', async () => {
  app.confirmModals = false
  const modalsBefore = calls('showModal').length

  page.tap('.import__apply')

  const modal = await waitUntil(() => calls('showModal')[modalsBefore], 'the confirmation after tapping 确认导入')
  await settle()
  expect(modal).toMatchObject({ title: '确认导入', content: '将新增 1 人、更新 1 人。导入会记入操作日志，确定导入吗？', confirmText: '导入' })
  expect(rosterCalls('rosterApply')).toEqual([])
  expect(await store.find('members', { staffNo: NEWCOMER.staffNo })).toEqual([])
  // The preview stays, to confirm later.
  expect(await tiles()).toMatchObject({ 新增: 1, 更新: 1 })
})

test('confirming applies the previewed plan: the newcomer is stored, the phone changed, and the page says so', async () => {
  app.confirmModals = true
  const modalsBefore = calls('showModal').length
  const toastsBefore = toasts().length

  page.tap('.import__apply')

  const applied = await waitUntil(() => rosterCalls('rosterApply')[0], 'exports.rosterApply after confirming')
  expect(calls('showModal')).toHaveLength(modalsBefore + 1)
  const { fileId } = (rosterCalls('rosterPreview')[0].data as { payload: { fileId: string } }).payload
  expect(applied.data).toEqual({ action: 'rosterApply', payload: { fileId, full: false, planId: preview.planId }, idempotencyKey: expect.stringMatching(IDEMPOTENCY_KEY) })
  expect(applied.result).toEqual({ ok: true, data: { added: 1, updated: 1, markedLeft: 0, unchanged: 0, done: true, applied: 2, total: 2 } })

  const [stored] = await store.find('members', { staffNo: NEWCOMER.staffNo })
  expect(stored).toMatchObject({ ...NEWCOMER, roles: [] })
  expect(await store.get('members', CHANGED_ID)).toEqual({ ...changed, phone: NEW_PHONE })
  const audit = await store.find('auditLog', { action: 'members.import' })
  expect(audit).toHaveLength(1)
  expect(audit[0]).toMatchObject({ actorId: 'm0001', targetType: 'roster', targetId: fileId, target: '会员名册（部分导入）' })

  const [done] = await page.waitFor('.import__done')
  expect(textIn(done, 'import__done-title')).toBe('导入完成')
  expect(textIn(done, 'import__done-text')).toBe('新增 1 人，更新 1 人，标为离校 0 人，0 人无变化。已记入操作日志。')
  await waitUntil(() => (page.component.querySelectorAll('.import__count').length === 0 ? true : undefined), 'the preview to go')
  expect(shown('.import__pick')).toBe('选择名册文件')
  expect(calls('pageScrollTo').at(-1)).toMatchObject({ scrollTop: 0 })
  expect(toasts().slice(toastsBefore)).toEqual([])
})

test('下载名册模板 opens the template exports.rosterTemplate made, an importable .xlsx with one example row', async () => {
  const toastsBefore = toasts().length

  page.tap('.import__template')

  const opened = await waitUntil(() => calls('openDocument')[0], 'openDocument after tapping 下载名册模板')
  const [templateCall] = rosterCalls('rosterTemplate')
  expect(templateCall.result).toMatchObject({ ok: true, data: { fileName: '会员名册模板.xlsx' } })
  const { url } = (templateCall.result as { data: { url: string } }).data
  expect(calls('downloadFile')).toEqual([expect.objectContaining({ url })])
  expect(opened).toMatchObject({ fileType: 'xlsx', showMenu: true })
  const units = await store.find('units', {}, { sort: { order: 1 } })
  const read = await readRoster(readFileSync(String(opened.filePath)), units, new Date())
  expect(read.errors).toEqual([])
  expect(read.rows.map(({ member }) => [member.staffNo, member.name])).toEqual([['20240001', '张三']])
  await settle()
  expect(toasts().slice(toastsBefore)).toEqual([])
})

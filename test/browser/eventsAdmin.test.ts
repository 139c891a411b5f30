/**
 * Organizers run events through 我的 → 活动管理: the union office creates an event with its own sign-up form and a
 * capacity and publishes it (members then find it), reviews pending sign-ups, removes a participant (the first on
 * the waitlist is offered the place), shows the venue code, exports the list, copies last year's event (and deletes
 * the copy, a draft); a unit admin organizes their own unit's events only; 行事历管理 adds and removes the union's own
 * lines; a cover image picked for a draft shows to members once it is published. The tests run in order over one host
 * and store seeded with the demo events (scripts/seed/demoEvents.ts).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Locator, Page } from 'playwright-core'
import type { EventSummary } from '../../types/events'
import {
  answerModal,
  arrived,
  chooseFile,
  downloadFrom,
  eventually,
  expectCount,
  expectText,
  loginAs,
  open,
  screenshot,
  suiteHarness,
  tapCell,
  tapTab,
  toast,
  toastGone,
} from './harness'

const h = suiteHarness()

const MINE = /#\/pages\/mine\/index/
const LIST = /#\/admin\/events\/list\/index/
const EDIT = /#\/admin\/events\/edit\/index/
const EDIT_SAVED = /#\/admin\/events\/edit\/index\?id=/
const PARTICIPANTS = '/admin/events/participants/index'

const NEW_EVENT = {
  title: '教职工羽毛球混合团体赛',
  place: '体育馆一楼羽毛球馆',
  description: '以分工会为单位组队参赛。\n\n## 比赛安排\n- 小组循环\n- 淘汰赛',
  groups: ['男子组', '女子组', '混合组'],
}

/** The whole table's body rows on the page shown. */
const bodyRows = (root: Locator) => root.locator('.admin-table__row:not(.admin-table__row--head)')

async function headings(root: Locator): Promise<string[]> {
  const texts = await root.locator('.admin-table__head').allInnerTexts()
  return texts.map((text) => text.replace(/[▲▼⇅]/g, '').trim())
}

/** A NutUI button by its class, inside `root`. */
const button = (root: Locator, className: string) => root.locator(`taro-button-core.${className}`)

/** A figure of the participant list's overview (名额, 待审核 …). */
async function figure(page: Page, label: string): Promise<string> {
  const cell = page.locator('.participants:visible .participants__figure', { has: page.locator('.participants__figure-label', { hasText: new RegExp(`^${label}$`) }) })
  return (await cell.locator('.participants__value').innerText()).trim()
}

async function expectFigure(page: Page, label: string, value: string) {
  await eventually(async () => expect(await figure(page, label)).toBe(value))
}

/** The reason dialog: types the reason and confirms with `confirm`. */
async function giveReason(page: Page, reason: string, confirm: string) {
  const dialog = page.locator('.nut-dialog:visible')
  await dialog.waitFor()
  await dialog.locator('.reason-dialog__input textarea').fill(reason)
  await dialog.locator('.nut-dialog-footer-ok', { hasText: confirm }).click()
  await eventually(async () => expect(await page.locator('.nut-dialog:visible').count()).toBe(0))
}

async function choose(root: Locator, chip: string) {
  const radio = root.locator('.nut-radio', { hasText: chip }).first()
  await radio.click()
  await eventually(async () => expect(await radio.getAttribute('aria-checked')).toBe('true'))
}

test('a member has no 活动管理 entry, and the organizer list refuses them', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '许静')
  await tapTab(page, '我的')
  await arrived(page, MINE)
  await expectText(page.locator('.mine__name'), '许静')
  const mine = await page.locator('.mine:visible').innerText()
  expect(mine).not.toContain('活动管理')
  expect(mine).not.toContain('行事历管理')
  await open(page, h.baseUrl, '/admin/events/list/index')
  await expectText(page.locator('.admin-events:visible'), '加载失败')
  await expectCount(page.locator('.admin-event'), 0)
})

test('the union office creates an event with its own sign-up form and a capacity, publishes it, and a member finds it', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await tapTab(page, '我的')
  await arrived(page, MINE)
  await tapCell(page, '活动管理')
  await arrived(page, LIST)
  const list = page.locator('.admin-events:visible')
  // The ten demo events; the full first-aid lecture shows its places and waitlist.
  await expectCount(list.locator('.admin-event'), 10)
  const firstAid = list.locator('.admin-event', { hasText: '应急救护知识讲座' })
  await expectText(firstAid, '报名中')
  await expectText(firstAid, '30 / 30')
  await expectText(firstAid, '候补 5')
  await expectText(list.locator('.admin-event', { hasText: '青年教职工冬日联谊会' }), '6 人待审核')
  await expectText(list.locator('.admin-event', { hasText: '迎新年教职工游园会' }), '草稿')
  await screenshot(page, 'events-admin-list')

  await button(page.locator('.admin-events:visible'), 'admin-events__create').click()
  await arrived(page, EDIT)
  const form = page.locator('.event-form:visible')
  await expectText(form.locator('.event-form__organizer'), '组织：校工会（面向全校会员）')
  await choose(form, '比赛')
  await expectText(form, '乒乓球、羽毛球、气排球')
  await form.locator('.event-form__title input').fill(NEW_EVENT.title)
  await form.locator('.event-form__place input').fill(NEW_EVENT.place)
  await form.locator('.event-form__capacity input').fill('32')
  await form.locator('.event-form__description textarea').fill(NEW_EVENT.description)

  // The sign-up form: a choice question, then a phone question; the phone one moved up to be first.
  const addButton = (type: string) => form.locator('taro-button-core.form-builder__add-button', { hasText: type })
  await addButton('单选').click()
  const questions = form.locator('.form-builder__question')
  await expectCount(questions, 1)
  await questions.nth(0).locator('.form-builder__label input').fill('参赛组别')
  await addButton('手机号').click()
  await expectCount(questions, 2)
  await expectText(questions.nth(1).locator('.form-builder__hint'), '自动填入会员本人号码')
  await questions.nth(1).locator('.form-builder__tool', { hasText: '上移' }).click()
  await eventually(async () => expect(await questions.nth(0).locator('.form-builder__label input').inputValue()).toBe('联系电话'))
  expect(await questions.nth(1).locator('.form-builder__label input').inputValue()).toBe('参赛组别')

  // A choice question without options is refused on the spot, under the question, and nothing is created.
  const before = await h.store.count('events')
  await button(form, 'event-form__publish').click()
  await expectText(questions.nth(1).locator('.event-form__error'), '请至少填写两个选项')
  expect(await h.store.count('events')).toBe(before)

  await questions.nth(1).locator('.form-builder__options textarea').fill(NEW_EVENT.groups.join('\n'))
  await choose(form, '组织者审核')
  await choose(form, '候补递补须确认')
  await form.locator('.event-form__hours input').fill('12')
  await toastGone(page)
  await screenshot(page, 'events-admin-edit')
  await form.locator('.event-form__questions').scrollIntoViewIfNeeded()
  await screenshot(page, 'events-admin-edit-form-builder')
  await form.locator('.event-form__group', { hasText: '基本信息' }).scrollIntoViewIfNeeded()
  await screenshot(page, 'events-admin-edit-top')

  await button(form, 'event-form__publish').click()
  await expectText(toast(page), '已发布')
  await arrived(page, LIST)
  await expectCount(page.locator('.admin-events:visible .admin-event'), 11)
  const created = page.locator('.admin-events:visible .admin-event', { hasText: NEW_EVENT.title })
  await expectText(created, '报名中')
  await expectText(created, '0 / 32')

  const [stored] = await h.store.find('events', { title: NEW_EVENT.title })
  expect(stored).toMatchObject({
    status: 'published',
    kind: 'competition',
    place: NEW_EVENT.place,
    description: NEW_EVENT.description,
    capacity: 32,
    remaining: 32,
    unitQuotas: [],
    eligibility: {},
    review: 'organizer',
    waitlist: { kind: 'offer', acceptHours: 12 },
    checkIn: { kind: 'code', opensMinutesBefore: 30, closesMinutesAfter: 60 },
    form: [
      { key: 'q2', label: '联系电话', type: 'phone', required: true },
      { key: 'q1', label: '参赛组别', type: 'choice', required: true, options: ['男子组', '女子组', '混合组'] },
    ],
    createdBy: 'm0001',
  })
  expect(stored.unitId).toBeUndefined()
  // The form's default times: a fortnight ahead at 14:00–16:00 Shanghai, sign-up open from now.
  expect(Date.parse(stored.signupOpensAt)).toBeLessThanOrEqual(Date.now())
  expect(new Date(stored.startAt).toISOString().slice(11, 16)).toBe('06:00')
  expect(new Date(stored.endAt).toISOString().slice(11, 16)).toBe('08:00')

  // A member finds it open for sign-up, with the form's questions and the review it needs.
  const open_ = await h.callAs<{ items: EventSummary[] }>('m0005', 'events', 'list', { tab: 'open' })
  const listed = open_.items.find((item) => item.title === NEW_EVENT.title)
  expect(listed).toMatchObject({ phase: 'open', organizer: '校工会', capacity: 32, placesLeft: 32, place: NEW_EVENT.place })
  const detail = await h.callAs<{ form: { label: string }[]; verdict: { can: boolean; message: string } }>('m0005', 'events', 'detail', { eventId: stored._id })
  expect(detail.form.map((field) => field.label)).toEqual(['联系电话', '参赛组别'])
  expect(detail.verdict).toEqual({ can: true, outcome: 'review', message: '报名后须经组织者审核' })
})

/** Whether the picture inside `root` has loaded (a broken or missing one has no width). */
async function pictureLoaded(root: Locator): Promise<boolean> {
  return root.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)
}

test('the union office gives the 游园会 draft a cover, sees it previewed, publishes; members see it on the detail and the list', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await open(page, h.baseUrl, '/admin/events/edit/index?id=event-new-year')
  const form = page.locator('.event-form:visible')
  const picker = form.locator('.cover-picker')
  await expectText(picker, '添加封面图')

  const picture = readFileSync(join(__dirname, '../../scripts/seed/covers/mixer.jpg'))
  const chooser = await chooseFile(page, picker.locator('.cover-picker__add'), { name: '游园会.jpg', mimeType: 'image/jpeg', buffer: picture })
  expect(await chooser.element().getAttribute('accept')).toBe('image/jpeg,image/png,image/webp')
  const preview = picker.locator('.cover-picker__frame .cover-image')
  await eventually(async () => expect(await pictureLoaded(preview)).toBe(true))
  const box = (await preview.boundingBox())!
  expect(box.width / box.height).toBeCloseTo(16 / 9, 1)
  await expectText(picker.locator('taro-button-core.cover-picker__replace'), '更换图片')
  await form.locator('.event-form__group', { hasText: '基本信息' }).scrollIntoViewIfNeeded()
  await screenshot(page, 'events-admin-cover')

  await button(form, 'event-form__publish').click()
  await expectText(toast(page), '已发布')
  const stored = (await h.store.get('events', 'event-new-year'))!
  expect([stored.status, stored.coverFileId]).toEqual(['published', expect.stringMatching(/^[0-9a-f]{32}$/)])
  const audit = await h.store.find('auditLog', { targetId: 'event-new-year', action: 'events.update' })
  expect(audit.map((entry) => [entry.before?.封面图, entry.after?.封面图])).toEqual([['无', '已设置']])

  // A member opens it: the picture tops the detail page, 16:9, loaded.
  const member = await h.newPhone()
  await loginAs(member, h.baseUrl, '许静')
  await open(member, h.baseUrl, '/events/detail/index?id=event-new-year')
  const detail = member.locator('.event-detail:visible')
  await expectText(detail.locator('.event-detail__title'), '迎新年教职工游园会')
  const cover = detail.locator('.event-detail__cover')
  await eventually(async () => expect(await pictureLoaded(cover)).toBe(true))
  const shown = (await cover.boundingBox())!
  expect(shown.width / shown.height).toBeCloseTo(16 / 9, 1)
  await screenshot(member, 'event-detail-cover')

  // In the list: the demo's open events show their covers on their cards; of those coming, the 游园会 shows its new
  // one and the 荣休仪式, without one, none.
  await open(member, h.baseUrl, '/pages/events/index')
  const list = member.locator('.events:visible')
  const card = (title: string) => list.locator('.event-card', { hasText: title })
  // Pictures load as their cards scroll into view.
  for (const title of ['青年教职工冬日联谊会', '应急救护知识讲座', '气排球比赛']) {
    await card(title).scrollIntoViewIfNeeded()
    await eventually(async () => expect(await pictureLoaded(card(title).locator('.event-card__cover'))).toBe(true))
  }
  await screenshot(member, 'events-list-covers')
  await list.locator('.events__tab', { hasText: '即将开始' }).click()
  await eventually(async () => expect(await pictureLoaded(card('迎新年教职工游园会').locator('.event-card__cover'))).toBe(true))
  await expectText(card('荣休仪式'), '荣休仪式')
  await expectCount(card('荣休仪式').locator('.cover-image'), 0)
})

test('the union office reviews the pending sign-ups of the youth mixer: one approved, one refused with a reason', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await open(page, h.baseUrl, `${PARTICIPANTS}?id=event-mixer`)
  const root = page.locator('.participants:visible')
  await expectText(root.locator('.event-heading__title'), '青年教职工冬日联谊会')
  // Seeded: 6 pending, 4 confirmed, of 40 places.
  await expectFigure(page, '名额', '10 / 40')
  await expectFigure(page, '待审核', '6')
  await expectFigure(page, '已报名', '4')
  await expectCount(root.locator('.participant'), 10)

  await choose(root.locator('.participants__filters'), '待审核 6')
  await expectCount(root.locator('.participant'), 6)
  const first = root.locator('.participant').nth(0)
  const firstName = (await first.locator('.participant__name').innerText()).trim()
  await expectText(first, '待审核')
  await screenshot(page, 'events-admin-review')

  await button(first, 'participant__approve').click()
  await expectText(toast(page), '已通过')
  await expectCount(root.locator('.participant'), 5)
  await expectFigure(page, '待审核', '5')
  await expectFigure(page, '已报名', '5')

  const next = root.locator('.participant').nth(0)
  const nextName = (await next.locator('.participant__name').innerText()).trim()
  await button(next, 'participant__reject').click()
  await expectText(page.locator('.nut-dialog:visible'), '名额让给候补')
  await giveReason(page, '不符合单身青年教职工条件', '不通过')
  await expectText(toast(page), '已设为不通过')
  await expectFigure(page, '待审核', '4')
  await expectFigure(page, '名额', '9 / 40')

  const [approved] = await h.store.find('eventSignups', { eventId: 'event-mixer', memberName: firstName })
  const [rejected] = await h.store.find('eventSignups', { eventId: 'event-mixer', memberName: nextName })
  expect(approved.state).toBe('confirmed')
  expect(rejected).toMatchObject({ state: 'rejected', reason: '不符合单身青年教职工条件' })
  // Each is told (their inbox), and each decision is in the audit log.
  expect(await h.store.count('messages', { recipientId: rejected.memberId })).toBeGreaterThan(0)
  expect(await h.store.count('auditLog', { action: 'events.decide', targetId: 'event-mixer' })).toBe(2)
})

test('removing a participant of the full first-aid lecture offers the place to the first on the waitlist', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '沈丽萍')
  await open(page, h.baseUrl, `${PARTICIPANTS}?id=event-first-aid`)
  const root = page.locator('.participants:visible')
  // Seeded: 30 confirmed of 30 places, 5 waiting; a freed place is offered for 24 hours.
  await expectFigure(page, '名额', '30 / 30')
  await expectFigure(page, '候补', '5')
  await expectFigure(page, '递补待确认', '0')

  await choose(root.locator('.participants__filters'), '候补 5')
  await expectCount(root.locator('.participant'), 5)
  await expectText(root.locator('.participant').nth(0), '候补第 1 位')
  await expectText(root.locator('.participant').nth(4), '候补第 5 位')
  const firstWaiting = (await root.locator('.participant').nth(0).locator('.participant__name').innerText()).trim()
  const secondWaiting = (await root.locator('.participant').nth(1).locator('.participant__name').innerText()).trim()

  await choose(root.locator('.participants__filters'), '已报名 30')
  await expectCount(root.locator('.participant'), 20)
  const leaving = root.locator('.participant').nth(2)
  const leavingName = (await leaving.locator('.participant__name').innerText()).trim()
  await button(leaving, 'participant__remove').click()
  await expectText(page.locator('.nut-dialog:visible'), '空出的名额按候补顺序让给第一位候补')
  await giveReason(page, '本人因出差无法参加，电话告知', '移出')
  await expectText(toast(page), '已移出')
  await expectFigure(page, '候补', '4')
  await expectFigure(page, '递补待确认', '1')
  await expectFigure(page, '已报名', '29')
  await expectFigure(page, '名额', '30 / 30')

  await choose(root.locator('.participants__filters'), '递补待确认 1')
  await expectCount(root.locator('.participant'), 1)
  await expectText(root.locator('.participant').first(), firstWaiting)
  await choose(root.locator('.participants__filters'), '候补 4')
  await expectText(root.locator('.participant').nth(0), secondWaiting)
  await expectText(root.locator('.participant').nth(0), '候补第 1 位')
  await screenshot(page, 'events-admin-waitlist')

  const [removed] = await h.store.find('eventSignups', { eventId: 'event-first-aid', memberName: leavingName })
  expect(removed).toMatchObject({ state: 'removed', reason: '本人因出差无法参加，电话告知' })
  const [offered] = await h.store.find('eventSignups', { eventId: 'event-first-aid', memberName: firstWaiting })
  expect(offered.state).toBe('offered')
  expect(Date.parse(offered.offerExpiresAt!) - Date.now()).toBeGreaterThan(23 * 3_600_000)
  expect(await h.store.count('eventSignups', { eventId: 'event-first-aid', state: 'waiting' })).toBe(4)
})

test('a capacity below the places held is refused, and the form says why; the form is fixed once people signed up', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await open(page, h.baseUrl, '/admin/events/edit/index?id=event-volleyball')
  const form = page.locator('.event-form:visible')
  await expectText(form.locator('.event-form__group', { hasText: '报名表' }), '已有人报名，报名表已固定')
  await expectText(form.locator('.event-form__group', { hasText: '报名表' }), '参赛组别（单选，必填：男子组 / 女子组 / 混合组）')
  await expectText(form.locator('.event-form__group', { hasText: '报名条件' }), '不限，全体会员均可报名')
  await expectCount(form.locator('.form-builder__question'), 0)
  await expectText(form, '已占名额 24 人')
  await form.locator('.event-form__capacity input').fill('20')
  await button(form, 'event-form__save').click()
  expect(await answerModal(page, '知道了')).toContain('名额不能少于已占名额（24 人，含待审核和待确认）')
  await expectText(form.locator('.event-form__refusal'), '未能完成：名额不能少于已占名额（24 人')
  expect((await h.store.get('events', 'event-volleyball'))!.capacity).toBe(60)

  // 64 is fine: saved, and the places left grow by 4.
  await form.locator('.event-form__capacity input').fill('64')
  await expectCount(form.locator('.event-form__refusal'), 0)
  await button(form, 'event-form__save').click()
  await expectText(toast(page), '已保存')
  await eventually(async () => expect((await h.store.get('events', 'event-volleyball'))!).toMatchObject({ capacity: 64, remaining: 40 }))
})

test('the participant list at a desk is a table with the form answers as columns; the list exports to Excel', async () => {
  const page = await h.newDesk()
  await loginAs(page, h.baseUrl, '周建华')
  await open(page, h.baseUrl, `${PARTICIPANTS}?id=event-volleyball`)
  const root = page.locator('.participants:visible')
  await root.locator('.admin-table').waitFor()
  // The form's columns come with the event's settings, which may arrive after the first rows.
  await eventually(async () => expect(await headings(root)).toEqual(['姓名', '工号', '分工会', '手机号', '状态', '参赛组别', '联系电话', '服装尺码', '报名时间', '操作']))
  await expectCount(bodyRows(root), 24)
  await expectText(bodyRows(root).first(), '已报名')
  await expectText(bodyRows(root).first(), '男子组')
  await expectFigure(page, '名额', '24 / 64')
  await screenshot(page, 'events-admin-participants-desk')

  const file = await downloadFrom(page, button(root, 'participants__export'))
  expect(file.fileName).toMatch(/^报名名单-\d{4}年教职工气排球比赛-\d{8}\.xlsx$/)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(file.data)
  const sheet = workbook.getWorksheet('报名名单')!
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['序号', '姓名', '工号', '分工会', '手机号', '状态', '报名时间', '签到时间', '参赛组别', '联系电话', '服装尺码'])
  expect(sheet.rowCount).toBe(25)
  expect(sheet.getRow(2).getCell(6).value).toBe('已报名')
  expect(sheet.getRow(2).getCell(9).value).toBe('男子组')
})

test('the event list at a desk is a table; the venue code shows big enough to print and saves as a picture', async () => {
  const page = await h.newDesk()
  await loginAs(page, h.baseUrl, '周建华')
  await open(page, h.baseUrl, '/admin/events/list/index')
  const list = page.locator('.admin-events:visible')
  await list.locator('.admin-table').waitFor()
  expect(await headings(list)).toEqual(['状态', '活动', '组织', '时间', '名额', '候补', '待审核', '操作'])
  const flower = bodyRows(list).filter({ hasText: '文学院分工会花艺沙龙' })
  await expectText(flower, '文学院分工会')
  await expectText(flower, '5 / 20')
  await screenshot(page, 'events-admin-list-desk')

  await open(page, h.baseUrl, `${PARTICIPANTS}?id=event-first-aid`)
  const root = page.locator('.participants:visible')
  await button(root, 'participants__code').click()
  const popup = page.locator('.venue-code__body:visible')
  await popup.waitFor()
  const { checkInCode } = (await h.store.get('events', 'event-first-aid'))!
  await expectText(popup.locator('.venue-code__scene'), `签到码编号 e=${checkInCode}`)
  const image = popup.locator('.venue-code__image img')
  expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
  const box = (await popup.locator('.venue-code__image').boundingBox())!
  expect(box.width).toBeGreaterThanOrEqual(300)
  await screenshot(page, 'events-admin-venue-code')
  const saved = await downloadFrom(page, button(popup, 'venue-code__save'))
  expect(saved.fileName).toBe('签到码-应急救护知识讲座（心肺复苏与AED）.png')
  expect(saved.data.subarray(1, 4).toString('ascii')).toBe('PNG')
})

test('at a desk the event form lays its settings two by two; 每个分工会 N 人 gives every unit its places', async () => {
  const page = await h.newDesk()
  await loginAs(page, h.baseUrl, '周建华')
  await open(page, h.baseUrl, '/admin/events/edit/index')
  const form = page.locator('.event-form:visible')
  await form.locator('.event-form__title input').waitFor()
  const box = (title: string) => form.locator('.event-form__group', { has: page.locator('.event-form__group-title', { hasText: title }) }).boundingBox()
  const [time, places, eligibility, rules, basics] = [(await box('时间'))!, (await box('名额'))!, (await box('报名条件'))!, (await box('报名规则'))!, (await box('基本信息'))!]
  // Under 基本信息 (across both columns): 时间 then 名额 on the left, 报名条件 then 报名规则 on the right.
  expect(eligibility.y).toBeCloseTo(time.y, 0)
  expect(eligibility.x).toBeGreaterThan(time.x + time.width - 1)
  expect(basics.width).toBeGreaterThan(time.width * 2)
  expect(places.x).toBeCloseTo(time.x, 0)
  expect(places.y).toBeGreaterThan(time.y + time.height - 1)
  expect(rules.x).toBeCloseTo(eligibility.x, 0)
  expect(rules.y).toBeGreaterThan(eligibility.y + eligibility.height - 1)

  await form.locator('.event-form__title input').fill('第十五届教工健身运动会')
  await form.locator('.event-form__place input').fill('田径运动场')
  await form.locator('.event-form__capacity input').fill('160')
  await form.locator('.event-form__group', { hasText: '按分工会分配名额' }).locator('.nut-switch').click()
  const quotas = form.locator('.quota-table')
  await quotas.locator('.quota-table__each input').fill('8')
  await button(quotas, 'quota-table__apply').click()
  await expectText(quotas.locator('.quota-table__sum'), '合计 160 人，总名额 160 人')
  await expectCount(quotas.locator('.quota-table__row'), 20)
  expect(await quotas.locator('.quota-table__row input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(Array(20).fill('8'))
  // One unit more than the total is flagged at once, and refused by the function's own rule when saved.
  await quotas.locator('.quota-table__row', { hasText: '体育学院分工会' }).locator('input').fill('9')
  await expectText(quotas.locator('.quota-table__sum'), '合计 161 人，总名额 160 人：超出了总名额')
  await quotas.scrollIntoViewIfNeeded()
  await screenshot(page, 'events-admin-edit-desk-quotas')
  await button(form, 'event-form__save').click()
  expect(await answerModal(page, '知道了')).toContain('各分工会名额合计 161 人，超过了总名额 160 人')
  await expectText(form.locator('.event-form__group', { hasText: '按分工会分配名额' }).locator('.event-form__error'), '各分工会名额合计 161 人')

  await quotas.locator('.quota-table__row', { hasText: '体育学院分工会' }).locator('input').fill('8')
  await button(form, 'event-form__save').click()
  await expectText(toast(page), '已保存草稿')
  await arrived(page, EDIT_SAVED)
  const [saved] = await h.store.find('events', { title: '第十五届教工健身运动会' })
  expect(saved.capacity).toBe(160)
  expect(saved.unitQuotas).toHaveLength(20)
  expect(saved.unitQuotas.every((entry) => entry.quota === 8)).toBe(true)
  expect(saved.unitQuotas[0]).toEqual({ unitId: 'unit01', quota: 8 })
  await page.locator('.event-form:visible .event-form__title input').waitFor()
  await screenshot(page, 'events-admin-edit-desk')
})

test('copying last year’s football match opens a new draft a year on', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await open(page, h.baseUrl, '/admin/events/list/index')
  const row = page.locator('.admin-events:visible .admin-event', { hasText: '教职工足球友谊赛' })
  await expectText(row, '已结束')
  await button(row, 'admin-event__copy').click()
  await expectText(toast(page), '已复制为新草稿')
  await arrived(page, EDIT_SAVED)
  const form = page.locator('.event-form:visible')
  await eventually(async () => expect(await form.locator('.event-form__title input').inputValue()).toBe('教职工足球友谊赛'))
  await expectText(form.locator('.event-form__status'), '草稿')

  const football = (await h.store.get('events', 'event-football'))!
  const copies = await h.store.find('events', { title: '教职工足球友谊赛', status: 'draft' })
  expect(copies).toHaveLength(1)
  const yearOn = (iso: string) => {
    const date = new Date(iso)
    date.setUTCFullYear(date.getUTCFullYear() + 1)
    return date.toISOString()
  }
  expect(copies[0]).toMatchObject({ startAt: yearOn(football.startAt), capacity: 30, eligibility: { gender: 'male', statuses: ['active'] } })
  expect(page.url()).toContain(`id=${copies[0]._id}`)

  // Not wanted after all: 删除 asks first; once confirmed the draft is gone and the list shows the original alone.
  await button(form, 'event-form__delete').click()
  expect(await answerModal(page, '取消')).toContain('删除「教职工足球友谊赛」这份草稿？删除后不能恢复。')
  expect(await h.store.get('events', copies[0]._id)).not.toBeNull()
  await screenshot(page, 'events-admin-draft-delete')
  await button(form, 'event-form__delete').click()
  await answerModal(page, '删除')
  await expectText(toast(page), '已删除')
  await arrived(page, LIST)
  expect(await h.store.get('events', copies[0]._id)).toBeNull()
  await expectCount(page.locator('.admin-events:visible .admin-event', { hasText: '教职工足球友谊赛' }), 1)
})

test('a unit admin sees only their unit’s events and creates events for their unit alone', async () => {
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '胡静')
  await tapTab(page, '我的')
  await arrived(page, MINE)
  expect(await page.locator('.mine:visible').innerText()).not.toContain('行事历管理')
  await tapCell(page, '活动管理')
  await arrived(page, LIST)
  const list = page.locator('.admin-events:visible')
  // 文学院分工会's two: the flower salon (open) and the reading club (a draft); no union-wide event.
  await expectCount(list.locator('.admin-event'), 2)
  await expectText(list.locator('.admin-event', { hasText: '文学院分工会花艺沙龙' }), '报名中')
  await expectText(list.locator('.admin-event', { hasText: '文学院分工会读书分享会' }), '草稿')
  expect(await list.innerText()).not.toContain('校工会')

  await button(list, 'admin-events__create').click()
  await arrived(page, /#\/admin\/events\/edit\/index\?unitId=unit05/)
  const form = page.locator('.event-form:visible')
  await expectText(form.locator('.event-form__organizer'), '组织：文学院分工会（仅本分工会会员可报名）')
  expect(await form.innerText()).not.toContain('按分工会分配名额')
  expect(await form.innerText()).not.toContain('仅限部分分工会')
  await choose(form, '讲座培训')
  await form.locator('.event-form__title input').fill('文学院分工会茶艺讲座')
  await form.locator('.event-form__place input').fill('文学院 305 室')
  await choose(form, '不限')
  await button(form, 'event-form__save').click()
  await expectText(toast(page), '已保存草稿')
  await arrived(page, EDIT_SAVED)
  const [draft] = await h.store.find('events', { title: '文学院分工会茶艺讲座' })
  expect(draft).toMatchObject({ unitId: 'unit05', status: 'draft', capacity: null, createdBy: 'm0010' })

  // Their flower salon: sign-up closed early, after a confirmation.
  await open(page, h.baseUrl, '/admin/events/edit/index?id=event-flower')
  const flower = page.locator('.event-form:visible')
  await expectText(flower.locator('.event-form__status'), '报名中')
  await button(flower, 'event-form__close').click()
  expect(await answerModal(page, '截止报名')).toContain('截止后会员不能再报名或候补')
  await expectText(toast(page), '已截止报名')
  await expectText(flower.locator('.event-form__status'), '报名已截止')
  await expectCount(flower.locator('taro-button-core.event-form__close'), 0)
  expect(Date.parse((await h.store.get('events', 'event-flower'))!.signupClosesAt)).toBeLessThanOrEqual(Date.now())
})

test('cancelling an event asks for a reason and ends every sign-up', async () => {
  const [event] = await h.store.find('events', { title: NEW_EVENT.title })
  await h.callAs('m0005', 'events', 'signUp', { eventId: event._id, answers: { q2: '13800001234', q1: '混合组' } }, 'events-admin-signup-1')
  const page = await h.newPhone()
  await loginAs(page, h.baseUrl, '周建华')
  await open(page, h.baseUrl, `/admin/events/edit/index?id=${event._id}`)
  const form = page.locator('.event-form:visible')
  await expectText(form.locator('.event-form__link'), '报名名单（1 人）')
  await button(form, 'event-form__cancel').click()
  await expectText(page.locator('.nut-dialog:visible'), '已报名的 1 人和候补的会员都会收到取消通知和原因')
  await giveReason(page, '场馆维修，比赛改期另行通知', '确定取消活动')
  await expectText(toast(page), '活动已取消')
  await expectText(form.locator('.event-form__notice'), '活动已取消，设置不能再修改')
  await expectCount(form.locator('taro-button-core.event-form__save'), 0)
  expect((await h.store.get('events', event._id))!).toMatchObject({ status: 'cancelled', cancelReason: '场馆维修，比赛改期另行通知' })
  const signups = await h.store.find('eventSignups', { eventId: event._id })
  expect(signups.map((signup) => signup.state)).toEqual(['eventCancelled'])
})

test('行事历管理: the union office adds a line to the year and deletes it', async () => {
  const page = await h.newDesk()
  await loginAs(page, h.baseUrl, '周建华')
  await tapTab(page, '我的')
  await arrived(page, MINE)
  await tapCell(page, '行事历管理')
  await arrived(page, /#\/admin\/events\/calendar\/index/)
  const root = page.locator('.calendar-admin:visible')
  // The seed's twelve lines, and this year's published events.
  await expectText(root.locator('.calendar-admin__month', { hasText: '5 月' }), '组织全校女教职工妇科检查')
  const entries = root.locator('.calendar-admin__item--entry')
  await expectCount(entries, 12)

  // Nothing without a date or a title.
  await button(root, 'calendar-admin__add').click()
  await expectText(root.locator('.calendar-admin__error').first(), /日期/)

  await root.locator('.calendar-admin__field--date').click()
  await page.locator('.nut-datepicker .nut-picker-confirm-btn:visible, .nut-picker-confirm-btn:visible').first().click()
  await eventually(async () => expect(await root.locator('.calendar-admin__date').innerText()).toMatch(/^\d{4}-\d{2}-\d{2}/))
  const date = (await root.locator('.calendar-admin__date').innerText()).slice(0, 10)
  await root.locator('.calendar-admin__entry-title input').fill('教职工书画摄影展布展')
  await root.locator('.calendar-admin__entry-note input').fill('图书馆一楼展厅')
  await button(root, 'calendar-admin__add').click()
  await expectText(toast(page), '已添加')
  await expectCount(entries, 13)
  const added = root.locator('.calendar-admin__item--entry', { hasText: '教职工书画摄影展布展' })
  await expectText(added, '图书馆一楼展厅')
  await expectText(added, `${Number(date.slice(8, 10))}日`)
  const [stored] = await h.store.find('calendarEntries', { title: '教职工书画摄影展布展' })
  expect(stored).toMatchObject({ date, note: '图书馆一楼展厅', createdBy: 'm0001' })
  await screenshot(page, 'events-admin-calendar')

  await added.locator('.calendar-admin__remove').click()
  expect(await answerModal(page, '删除')).toContain('「教职工书画摄影展布展」')
  await expectText(toast(page), '已删除')
  await expectCount(entries, 12)
  expect(await h.store.count('calendarEntries', { title: '教职工书画摄影展布展' })).toBe(0)
})

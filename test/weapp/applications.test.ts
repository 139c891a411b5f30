/**
 * The compiled 慰问申请 pages on WeChat: a member applies for 生育慰问 with a photo of the birth certificate picked
 * from the album (uploaded to cloud storage first), and finds it in 我的慰问申请 waiting for their unit admin.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import type { MemberDoc } from '../../cloudfunctions/core/collections'
import { demoOpenid, seedDemoUnion } from '../../scripts/seed/demoUnion'
import { shanghaiDay } from '../../types/time'
import { IDEMPOTENCY_KEY, startWeapp, textIn, waitUntil, type Weapp } from './harness'

jest.setTimeout(30_000)

const store = new SqliteStore(':memory:')
const album = mkdtempSync(path.join(tmpdir(), 'jiaogong-album-'))
const PHOTO = path.join(album, 'IMG_2041.jpg')
let app: Weapp
let member: MemberDoc

beforeAll(async () => {
  await seedDemoUnion(store, new Date())
  // A member of unit05 with no application yet (the demo's four are its first four such members).
  const members = await store.find('members', { unitId: 'unit05', status: 'active', duesPaid: true }, { sort: { _id: 1 } })
  member = members.filter((candidate) => candidate.roles.length === 0)[4]
  expect(await store.count('benefitApplications', { memberId: member._id })).toBe(0)
  copyFileSync(path.join(__dirname, '../../scripts/seed/covers/first-aid.jpg'), PHOTO)
  app = startWeapp({ store, openid: demoOpenid(member.staffNo) })
})

afterAll(() => {
  store.close()
  rmSync(album, { recursive: true, force: true })
})

const benefitCalls = (action: string) => app.cloudCalls.filter((call) => call.name === 'benefits' && (call.data as { action: string }).action === action)

test('申请慰问: 生育慰问, today, one photo from the album; sent, it waits for the unit admin', async () => {
  const page = app.open('benefits/apply/index')
  const kinds = await page.waitFor('.choice')
  expect(kinds.map((node) => node.dom?.textContent)).toEqual(['结婚慰问', '生育慰问', '住院慰问', '退休（荣休）', '直系亲属亡故慰问'])
  page.tap(kinds[1])
  // The day, from WeChat's own date wheels.
  const today = shanghaiDay(new Date())
  page.fire((await page.waitFor('.date-field__picker'))[0], 'change', { value: today })
  await waitUntil(() => (page.root.textContent?.includes(today) ? true : undefined), 'the date field showing today')

  app.chooseFromAlbum(PHOTO)
  page.tap((await page.waitFor('.proof-images__add'))[0])
  await page.waitFor('.proof-images__picture')
  const [, upload] = app.clientCalls.find(([api]) => api === 'cloud.uploadFile')!
  expect(String(upload.cloudPath)).toMatch(/^uploads\/\d+-[a-z0-9]+\.jpg$/)

  page.tap('.apply__submit')
  const [applied] = await waitUntil(() => (benefitCalls('apply').length ? benefitCalls('apply') : undefined), 'benefits.apply')
  expect((applied.data as { idempotencyKey: string }).idempotencyKey).toMatch(IDEMPOTENCY_KEY)
  expect(applied.result).toMatchObject({ ok: true, data: { kind: 'childbirth', date: today, state: 'submitted', stateLabel: '待分工会审核', proofCount: 1 } })
  const [stored] = await store.find('benefitApplications', { memberId: member._id })
  expect(stored).toMatchObject({ kind: 'childbirth', date: today, state: 'submitted', appliedById: member._id, unitId: 'unit05' })
  expect(stored.proofFileIds).toHaveLength(1)
  expect(await app.files.read(stored.proofFileIds[0])).not.toBeNull()
  const [, redirected] = await waitUntil(() => app.clientCalls.find(([api]) => api === 'redirectTo'), 'redirectTo')
  expect(redirected.url).toBe('/benefits/applications/index?filed=1')
})

test('我的慰问申请 lists it with its photo, waiting for 分工会审核', async () => {
  const page = app.open('benefits/applications/index', { filed: '1' })
  const [card] = await page.waitFor('.application-card')
  expect(textIn(card, 'application-card__kind')).toBe('生育慰问')
  expect(card.dom?.textContent).toContain('待分工会审核')
  expect(page.root.textContent).toContain('申请已提交')
  expect(page.component.querySelectorAll('.proof-images__picture')).toHaveLength(1)
})

/**
 * 教代会提案 in the browser build, over the demo's 六届二次 (collecting now): a delegate writes a proposal (the draft
 * saves itself), meets the alike one already filed, invites two delegates; they confirm; the author submits it; the
 * committee accepts it under the session's next number. In order, over one host and store.
 */
import type { Page } from 'playwright-core'
import { arrived, eventually, expectCount, expectText, loginAs, screenshot, suiteHarness, toast } from './harness'

const h = suiteHarness()

const PROPOSALS = /#\/proposals\/index\/index/
const EDIT = /#\/proposals\/edit\/index/
const DETAIL = /#\/proposals\/detail\/index\?id=/
const DECIDE = /#\/admin\/proposals\/decide\/index\?id=/
const TITLE = '关于增设教工停车位和充电桩的提案'

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
  // Saved by itself a moment after typing stops: the draft is there without a tap.
  await expectText(form.locator('.proposal-edit__saved'), '草稿已自动保存')
  const [draft] = await h.store.find('proposals', { title: TITLE })
  expect(draft).toMatchObject({ state: 'draft', kind: 'proposal', measures: '新建立体停车场，并设置充电桩。' })
  proposalId = draft._id
  // The demo's accepted parking proposal reads alike.
  await expectText(form.locator('.proposal-edit__similar'), '六届二次-001 关于增设教工停车位的提案')
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
  await expectText(toast(page), '已立案：六届二次-003')
  await eventually(async () => expect(await h.store.get('proposals', proposalId)).toMatchObject({ state: 'accepted', number: '六届二次-003' }))
  expect(await h.store.count('messages', { kind: 'proposalProgress', recipientId: 'm0039', 'data.change': 'accepted' })).toBe(1)
})

/**
 * Writes over a weak network, against the real host: every write carries an idempotency key and reads none; a double
 * tap sends once; a save whose request is lost says it may or may not have been saved, and saving again sends the
 * same key; the next write has a new one.
 */
import type { Page } from 'playwright-core'
import { answerModal, arrived, eventually, expectText, loginAs, modal, open, screenshot, suiteHarness, toast, toastGone } from './harness'

const h = suiteHarness()

const SETTINGS = /#\/admin\/settings\/index/
const KEY = /^[A-Za-z0-9_-]{8,64}$/

interface SentEvent {
  fn: string
  action: string
  idempotencyKey?: string
}

/** Every event the page posts to the functions, in order (lost ones too). */
function watchEvents(page: Page): SentEvent[] {
  const events: SentEvent[] = []
  page.on('request', (request) => {
    const match = /\/api\/(\w+)$/.exec(request.url())
    if (!match || request.method() !== 'POST') return
    const { action, idempotencyKey } = JSON.parse(request.postData() ?? '{}') as SentEvent
    events.push({ fn: match[1], action, ...(idempotencyKey === undefined ? {} : { idempotencyKey }) })
  })
  return events
}

async function openSettings(page: Page) {
  await loginAs(page, h.baseUrl, '周建华')
  await open(page, h.baseUrl, '/admin/settings/index')
  await arrived(page, SETTINGS)
  const input = page.locator('.settings:visible .settings__youth input')
  await eventually(async () => expect(await input.inputValue()).toBe(String((await h.store.get('settings', 'union'))?.youthUnderAge ?? 40)))
  const save = page.locator('.settings:visible taro-button-core.settings__save')
  const setAge = async (age: number) => {
    await input.fill(String(age))
    await input.blur()
  }
  return { save, setAge }
}

const saved = async () => (await h.store.get('settings', 'union'))?.youthUnderAge

test('reads carry no key; a double tap on 保存 sends one write, with a key', async () => {
  const page = await h.newPhone()
  const events = watchEvents(page)
  const { save, setAge } = await openSettings(page)
  expect(events.length).toBeGreaterThan(0)
  expect(events.filter((event) => 'idempotencyKey' in event)).toEqual([])

  await setAge(39)
  await save.dblclick()
  await expectText(toast(page), '已保存')
  await eventually(async () => expect(await saved()).toBe(39))
  const writes = events.filter((event) => event.action === 'updateSettings')
  expect(writes).toHaveLength(1)
  expect(writes[0].idempotencyKey).toMatch(KEY)
})

test('a save lost on the network may or may not have been done; saving again sends the same key', async () => {
  const page = await h.newPhone()
  const events = watchEvents(page)
  const { save, setAge } = await openSettings(page)
  const before = await saved()

  // The first save never reaches the host (the connection drops); everything else goes through.
  let dropped = 0
  await page.route('**/api/members', async (route) => {
    const { action } = JSON.parse(route.request().postData() ?? '{}') as SentEvent
    if (action === 'updateSettings' && dropped === 0) {
      dropped += 1
      await route.abort('connectionreset')
      return
    }
    await route.continue()
  })

  await setAge(36)
  await save.click()
  await expectText(modal(page), '网络不太稳定：这次操作可能已经完成，也可能没有。请检查网络后刷新查看；需要时再点一次，不会重复提交。')
  await screenshot(page, 'write-unsure')
  expect(await answerModal(page, '知道了')).toContain('网络不稳定')
  expect(await saved()).toBe(before)

  await save.click()
  await expectText(toast(page), '已保存')
  await eventually(async () => expect(await saved()).toBe(36))
  const [lost, retried] = events.filter((event) => event.action === 'updateSettings')
  expect(lost.idempotencyKey).toMatch(KEY)
  expect(retried.idempotencyKey).toBe(lost.idempotencyKey)

  // The next change is another write.
  await toastGone(page)
  await setAge(37)
  await save.click()
  await expectText(toast(page), '已保存')
  await eventually(async () => expect(await saved()).toBe(37))
  const third = events.filter((event) => event.action === 'updateSettings')[2]
  expect(third.idempotencyKey).toMatch(KEY)
  expect(third.idempotencyKey).not.toBe(lost.idempotencyKey)
})

/**
 * The browser layer's harness: the real local host (SQLite in memory, demo union seeded, H5 build served) on a
 * free port, one headless Debian Chromium, phone-sized pages, the development login, polling assertions and
 * screenshots under test-results/screenshots/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type FileChooser, type Locator, type Page } from 'playwright-core'
import { FUNCTIONS } from '../../cloudfunctions/registry'
import type { Store } from '../../cloudfunctions/core/store/port'
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { createHost } from '../../scripts/host/server'
import { readTimeouts } from '../../scripts/host/timeLimits'
import { seedDemoUnion } from '../../scripts/seed/demoUnion'
import { OutboxWeChatApi } from '../../cloudfunctions/core/wechatApi/outbox'
import { tempFileStore } from '../tempFiles'

const root = resolve(__dirname, '../..')
/** The H5 build the host serves; H5_DIR points elsewhere (say, a copy made while dist/ is being rebuilt). */
export const STATIC_DIR = process.env.H5_DIR ? resolve(process.env.H5_DIR) : join(root, 'dist/h5')
export const SCREENSHOT_DIR = join(root, 'test-results/screenshots')
const LAST_DIR = join(root, 'test-results/browser-last')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** How long a polling assertion keeps trying. */
const WAIT_MS = 10_000

export interface DeviceOptions {
  privacyAgreed?: boolean
}

/** Where the browser build keeps the privacy consent (src/services/privacy.ts), as Taro's storage writes it. */
const PRIVACY_AGREED = { key: 'jiaogong.privacyAgreed', value: JSON.stringify({ data: true }) }

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
const DESK = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false }

export interface Harness {
  store: SqliteStore
  /** WeChat as the host sees it: every subscription message the functions sent. */
  wechat: OutboxWeChatApi
  baseUrl: string
  browser: Browser
  /**
   * A fresh, logged-out browser context with a phone viewport; closed by `endTest` (or `stop`). The person has
   * agreed to the privacy guide already unless `privacyAgreed` is false (a first visit).
   */
  newPhone(options?: DeviceOptions): Promise<Page>
  /** The same at a union office desk: a 1280 × 800 browser window. */
  newDesk(options?: DeviceOptions): Promise<Page>
  /**
   * After each test: saves what every phone of the test shows to test-results/browser-last/ (the picture to look
   * at when a test fails) and closes those phones. Fails if the host's Content-Security-Policy blocked anything.
   */
  endTest(): Promise<void>
  /** What the host's Content-Security-Policy blocked so far in this test; they no longer fail it. */
  takeBlocked(): string[]
  /** Calls a cloud function over HTTP as the demo person `memberId` (the same path the app takes; a write with its key). */
  callAs<T = unknown>(memberId: string, fn: string, action: string, payload?: unknown, idempotencyKey?: string): Promise<T>
  /** Runs one job of a function now, as its timer trigger would when it is due. */
  runJob(fn: string, job: string): Promise<void>
  stop(): Promise<void>
}

/** Fails with a clear message when there is no H5 build to serve (or no Chromium to drive). */
export function assertH5Built(dir = STATIC_DIR) {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${join(dir, 'index.html')} is missing: run \`npm run build:h5\` before the browser tests`)
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`)
}

/**
 * One harness for the calling suite: started before its first test, each test's screens saved after it, stopped
 * after the suite. Its fields are filled in once the suite starts.
 */
export function suiteHarness(): Harness {
  const harness = {} as Harness
  beforeAll(async () => {
    Object.assign(harness, await startHarness())
  })
  afterEach(async () => {
    await harness.endTest?.()
  })
  afterAll(async () => {
    await harness.stop?.()
  })
  return harness
}

/** Starts the host over a freshly seeded in-memory store and launches Chromium. */
export async function startHarness(): Promise<Harness> {
  assertH5Built()
  const store = new SqliteStore(':memory:')
  const files = tempFileStore()
  await seedDemoUnion(store, new Date(), files)
  const wechat = new OutboxWeChatApi()
  const server: Server = createHost({
    store,
    files,
    wechat,
    functions: FUNCTIONS,
    staticDir: STATIC_DIR,
    demo: true,
    secret: 'browser-test-secret',
    timeouts: readTimeouts(join(root, 'cloudfunctions'), Object.keys(FUNCTIONS)),
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  let browser: Browser
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    })
  } catch (error) {
    server.close()
    store.close()
    throw error
  }
  let contexts: BrowserContext[] = []
  /** What the host's Content-Security-Policy blocked in any page of the test (Chromium reports each as a console error). */
  let blocked: string[] = []
  const takeBlocked = () => {
    const taken = blocked
    blocked = []
    return taken
  }

  const newPage = async (device: typeof PHONE, { privacyAgreed = true }: DeviceOptions = {}) => {
    const context = await browser.newContext({ ...device, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    context.setDefaultTimeout(WAIT_MS)
    contexts.push(context)
    if (privacyAgreed) await context.addInitScript(({ key, value }) => localStorage.setItem(key, value), PRIVACY_AGREED)
    const page = await context.newPage()
    page.on('pageerror', (error) => console.warn(`[browser] page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy')) blocked.push(message.text())
    })
    return page
  }

  const post = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    })
    return (await response.json()) as { ok: boolean; data?: unknown; code?: string; message?: string }
  }

  return {
    store,
    wechat,
    baseUrl,
    browser,
    newPhone: (options) => newPage(PHONE, options),
    newDesk: (options) => newPage(DESK, options),
    async endTest() {
      const name = (expect.getState().currentTestName ?? 'test').replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)
      mkdirSync(LAST_DIR, { recursive: true })
      for (const [index, context] of contexts.entries()) {
        for (const page of context.pages()) {
          await page.screenshot({ path: join(LAST_DIR, `${name}-${index + 1}.png`) }).catch(() => undefined)
        }
        await context.close().catch(() => undefined)
      }
      contexts = []
      const violations = takeBlocked()
      // The app must work under the policy the host sends: anything it blocked fails the test.
      if (violations.length > 0) throw new Error(`the Content-Security-Policy blocked:\n${violations.join('\n')}`)
    },
    takeBlocked,
    async callAs<T>(memberId: string, fn: string, action: string, payload?: unknown, idempotencyKey?: string) {
      const login = await post('/dev/login', { memberId })
      if (!login.ok) throw new Error(`dev login as ${memberId} failed: ${login.message}`)
      const { token } = login.data as { token: string }
      const result = await post(`/api/${fn}`, { action, payload, ...(idempotencyKey ? { idempotencyKey } : {}) }, token)
      if (!result.ok) throw new Error(`${fn}.${action} failed: ${result.code} ${result.message}`)
      return result.data as T
    },
    async runJob(fn: string, job: string) {
      const run = await FUNCTIONS[fn].runJob(job, { store, files, wechat, now: new Date() })
      if (run?.outcome === 'failed') throw new Error(`${fn}.${job} failed: ${run.error}`)
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => undefined)
      await browser.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      store.close()
    },
  }
}

/** Opens a hash-router page of the H5 app, e.g. `/pages/index/index`. */
export async function open(page: Page, baseUrl: string, route: string) {
  await page.goto(`${baseUrl}/#${route}`)
}

/**
 * Logs in through the development login page by picking the demo person `name` (searched for: the page lists the
 * first few only), and waits for 首页 to greet them. A fresh context has no session, so the login page is where
 * the app lands anyway.
 */
export async function loginAs(page: Page, baseUrl: string, name: string) {
  await open(page, baseUrl, '/pages/login/index')
  await page.locator('.nut-searchbar input:visible').fill(name)
  // Visible only: a redirect to login still on its way from an earlier page leaves a hidden login page behind.
  const person = page.locator('.login__person:visible', { hasText: name }).first()
  await person.click()
  await arrived(page, /#\/pages\/index\/index/)
  await expectText(page.locator('.home__greeting'), `${name}老师`)
}

/** Polls until `probe` stops throwing (or returns a truthy value) within `timeout`; rethrows the last failure. */
export async function eventually<T>(probe: () => Promise<T> | T, timeout = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeout
  let lastError: unknown
  for (;;) {
    try {
      return await probe()
    } catch (error) {
      lastError = error
    }
    if (Date.now() > deadline) throw lastError
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Waits until the first element of `locator` is visible and its text contains `expected` (string or pattern). */
export async function expectText(locator: Locator, expected: string | RegExp, timeout = WAIT_MS) {
  await eventually(async () => {
    const first = locator.first()
    if (!(await first.isVisible())) throw new Error(`${locator} is not visible (waiting for text ${expected})`)
    const text = (await first.innerText()).replace(/\s+/g, ' ')
    const matches = typeof expected === 'string' ? text.includes(expected) : expected.test(text)
    if (!matches) throw new Error(`${locator} has text "${text}", expected ${expected}`)
  }, timeout)
}

/** Waits until `locator` matches exactly `count` elements. */
export async function expectCount(locator: Locator, count: number, timeout = WAIT_MS) {
  await eventually(async () => {
    const actual = await locator.count()
    if (actual !== count) throw new Error(`${locator} matches ${actual} elements, expected ${count}`)
  }, timeout)
}

/** The number N in 首页's header "您有 N 条未读通知"; 0 when the header is absent. */
export async function unreadCount(page: Page): Promise<number> {
  const header = page.locator('.home__unread')
  if ((await header.count()) === 0) return 0
  const match = /您有\s*(\d+)\s*条未读通知/.exec(await header.innerText())
  if (!match) throw new Error(`unexpected unread header: ${await header.innerText()}`)
  return Number(match[1])
}

/**
 * Saves the phone screen to test-results/screenshots/<name>.png and returns its path. (Taro scrolls inside the
 * page element, so a "full page" shot is the viewport: what the phone shows.)
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  // Let toasts and transitions settle so the picture shows the screen at rest.
  await page.waitForTimeout(300)
  await page.screenshot({ path, fullPage: true, animations: 'disabled' })
  return path
}

/** Taps a tab of the tab bar (首页 / 我的). */
export async function tapTab(page: Page, label: string) {
  await page.locator('.weui-tabbar__item', { hasText: label }).click()
}

/** Taps a NutUI cell by its text (the cell itself: its title text is covered by the clickable cell). */
export async function tapCell(page: Page, text: string) {
  await page.locator('.nut-cell-clickable:visible', { hasText: text }).first().click()
}

/**
 * Waits until the URL matches `url` and the Taro router has finished its page transition: exactly one page is
 * displayed and it is stationed. Going back while the transition still runs leaves the previous page hidden (a
 * Taro H5 router race: its delayed "shade" timer fires after the page was shown again), so every step that
 * navigates waits for this, as a person would see the page come to rest before tapping again.
 */
export async function arrived(page: Page, url: RegExp) {
  await page.waitForURL(url)
  await page.waitForFunction(() => {
    // The URL changes before the new page's element exists: the one page shown must be the URL's page.
    const route = location.hash.slice(1).split('?')[0]
    const shown = Array.from(document.querySelectorAll('.taro_page')).filter((el) => getComputedStyle(el).display !== 'none')
    return shown.length === 1 && shown[0].id.split('?')[0] === route && shown[0].classList.contains('taro_page_stationed')
  })
}

/** Goes back one page the way a user would: the navigation bar's back arrow when drawn, else the browser. */
export async function goBack(page: Page, to: RegExp) {
  const back = page.locator('#taro-navigation-bar:not(.taro-navigation-bar-hide) .taro-navigation-bar-back')
  if (await back.isVisible()) await back.click()
  else await page.goBack()
  await arrived(page, to)
}

/** The notices a member of `unitId` may see now, straight from the store (not through the function under test). */
export async function visibleTo(store: Store, unitId: string, now = new Date()) {
  const notices = await store.find('notices', { withdrawn: false })
  return notices.filter(
    (notice) =>
      Date.parse(notice.publishAt) <= now.getTime() && (notice.audience.kind === 'all' || notice.audience.unitIds.includes(unitId)),
  )
}

/** The Taro toast currently shown (showToast), e.g. 已发布 or a validation message. */
export const toast = (page: Page) => page.locator('.taro__toast p', { hasText: /\S/ })

/** Waits for the toast to go away (before a screenshot that should show the screen itself). */
export async function toastGone(page: Page) {
  await eventually(async () => expect(await toast(page).filter({ visible: true }).count()).toBe(0), 5_000)
}

/** A file the page saved: the name the browser would give it and its bytes. */
export interface Downloaded {
  fileName: string
  data: Buffer
}

/** Taps `trigger` and waits for the download it starts (a link with `download`, an attachment response). */
export async function downloadFrom(page: Page, trigger: Locator): Promise<Downloaded> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger.click()])
  const failure = await download.failure()
  if (failure) throw new Error(`download of ${download.suggestedFilename()} failed: ${failure}`)
  return { fileName: download.suggestedFilename(), data: readFileSync(await download.path()) }
}

/**
 * Taps `trigger`, which opens the browser's file dialog, and picks `file` in it (no real dialog opens). Returns the
 * dialog, so a test can check what it offered (say, its input's `accept`).
 */
export async function chooseFile(page: Page, trigger: Locator, file: { name: string; mimeType: string; buffer: Buffer }): Promise<FileChooser> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), trigger.click()])
  await chooser.setFiles(file)
  return chooser
}

/**
 * The Taro modal (showModal) currently shown: its dialog box. (Its wrapper has no box of its own, the mask and the
 * dialog being fixed, so the wrapper never counts as visible; a hidden modal stays in the DOM with display none.)
 */
export const modal = (page: Page) => page.locator('.taro__modal .taro-modal__content:visible')

/** Waits for a Taro modal, taps its button labelled `button` (confirm or cancel) and returns what the modal said. */
export async function answerModal(page: Page, button: string): Promise<string> {
  const shown = modal(page)
  await shown.waitFor()
  const text = (await shown.innerText()).replace(/\s+/g, ' ')
  await shown.locator('.taro-model__btn:visible', { hasText: button }).click()
  await eventually(async () => expect(await modal(page).count()).toBe(0), 5_000)
  return text
}

/** Whether a NutUI button is disabled (Taro's H5 button does not reflect `disabled` as an attribute). */
export async function isDisabled(button: Locator): Promise<boolean> {
  return ((await button.getAttribute('class')) ?? '').split(/\s+/).includes('nut-button-disabled')
}

export interface BindDetails {
  staffNo: string
  name: string
  phoneLast4: string
}

/** The bind form's pieces, on the bind page (hidden pages stay in the DOM, so only the visible one). */
export function bindForm(page: Page) {
  const root = page.locator('.bind:visible')
  // NutUI's Input renders taro-input-core holding the native input; fields in page order 工号, 姓名, 手机号后四位.
  const input = (label: string) => root.locator('.bind__field', { hasText: label }).locator('taro-input-core input')
  return {
    root,
    staffNo: input('工号'),
    name: input('姓名'),
    phoneLast4: input('手机号后四位'),
    submit: root.locator('taro-button-core.bind__submit'),
    errors: root.locator('.bind__error'),
  }
}

/** Types the details into the bind form, and waits until it shows them. */
export async function fillBindForm(page: Page, details: BindDetails) {
  const form = bindForm(page)
  await form.staffNo.fill(details.staffNo)
  await form.name.fill(details.name)
  await form.phoneLast4.fill(details.phoneLast4)
  // What the user sees is what will be sent (the inputs are controlled by the page's state).
  await eventually(async () => {
    expect(await form.staffNo.inputValue()).toBe(details.staffNo)
    expect(await form.name.inputValue()).toBe(details.name)
    expect(await form.phoneLast4.inputValue()).toBe(details.phoneLast4)
  })
}

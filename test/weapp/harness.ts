/**
 * Runs the REAL compiled mini-program (dist/weapp, from `taro build --type weapp`) inside miniprogram-simulate.
 *
 * What is shimmed, and why (everything else is the compiled app and the real cloud functions):
 * - `Page(options)`: Taro's compiled page calls the global `Page`, but miniprogram-simulate only knows custom
 *   components (`simulate.load` runs the page's .js and waits for `Component(...)`). The shim turns the page
 *   options into component options: every function becomes a method (so `eh`, Taro's event handler, is bound for
 *   the template), `data` stays data, and the page lifecycles are driven from component lifetimes
 *   (attached → onLoad(query) + onShow, ready → onReady, detached → onUnload; page show/hide → onShow/onHide).
 * - `App(options)` / `getApp()` / `getCurrentPages()`: the client globals Taro's runtime reads. `App` keeps the
 *   app object and launches it, which is what lets pages mount (Taro mounts each page into the app's React root).
 * - `wx.cloud`: stands in for the WeChat servers only: `callFunction({ name, data })` runs the real cloud function
 *   `FUNCTIONS[name].run(data, ...)` in-process, as the configured member's openid, over the given store;
 *   `uploadFile({ cloudPath, filePath })` reads the client's temporary file from disk and keeps it in the file store
 *   the functions are given (`files`), answering its id as the `fileID`.
 * - `wx.navigateTo` and friends: stand in for the WeChat client; they record what the app asked for. `showModal`
 *   answers 确定 unless the test says otherwise (`confirmModals`); `requestSubscribeMessage` answers each template
 *   with `consentAnswer`. `chooseMessageFile` (pick a file from a chat) and `chooseMedia` (a photo from the album)
 *   answer the file the test put there (`chooseFromChat`, `chooseFromAlbum`), or the person closing the picker. `downloadFile` fetches
 *   a link the file store signed (`LocalFileStore.opened`; the stored file's path is the temporary path; on WeChat
 *   the link is a CloudBase temporary URL), and `openDocument` opens a file that exists.
 *
 * The compiled bundle keeps its state in globals (wx.webpackJsonp, Taro's document), so load the app once per test
 * file, and each page path once per test file (Jest gives every test file fresh globals).
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { RootComponent } from 'j-component'
import { FUNCTIONS } from '../../cloudfunctions/registry'
import type { LocalFileStore } from '../../cloudfunctions/core/files/local'
import type { Store } from '../../cloudfunctions/core/store/port'
import { OutboxWeChatApi } from '../../cloudfunctions/core/wechatApi/outbox'
import { tempFileStore } from '../tempFiles'

export const DIST = path.resolve(__dirname, '../../dist/weapp')

/** What an idempotency key looks like (types/result.ts): the app sends one with every write. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/

/** A rendered page as miniprogram-simulate (j-component) hands it out. */
export type SimPage = RootComponent<WechatMiniprogram.Component.DataOption, WechatMiniprogram.Component.PropertyOption, WechatMiniprogram.Component.MethodOption>
/** A node of a rendered page (a view, a text, a custom component), as its querySelector answers. */
export type SimNode = NonNullable<ReturnType<SimPage['querySelector']>>
type AnyFunction = (this: PageInstance, ...args: unknown[]) => unknown
type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> }
type PageInstance = Record<string, AnyFunction> & { route?: string; __route__?: string }
type WxCallback = { success?: (result: unknown) => void; fail?: (error: unknown) => void; complete?: (result: unknown) => void }
type WxRequest = Record<string, unknown> & WxCallback
/** How a stubbed client API answers: its result (errMsg `<api>:ok` is added), or why it failed (`<api>:fail …`). */
type ClientAnswer = Record<string, unknown> | { fail: string }

interface Globals {
  wx: Record<string, unknown>
  Component: (options: Record<string, unknown>) => void
  Page: (options: PageOptions) => void
  App: (options: Record<string, AnyFunction>) => void
  getApp: () => unknown
  getCurrentPages: () => PageInstance[]
}

export interface WeappOptions {
  store: Store
  /** The WeChat user the app runs as (what `cloud.getWXContext().OPENID` would say). */
  openid: string
}

export interface PageHandle {
  route: string
  component: SimPage
  /** The rendered DOM (jsdom; the simulator prefixes class names there, e.g. `main--notice-row`). */
  root: HTMLElement
  /** Waits (bounded) until `selector` (WXML class names, unprefixed) matches in the page, and returns the matches. */
  waitFor(selector: string, timeoutMs?: number): Promise<SimNode[]>
  /** Taps a node (or the first match of a selector) the way the client does: a `tap` event through the template. */
  tap(target: string | SimNode): void
  /** Fires another of the client's events on a node, e.g. `input` with `{ value }`, or `agreeprivacyauthorization`. */
  fire(target: string | SimNode, event: string, detail?: Record<string, unknown>): void
  /** The template data Taro's setData gave `node` (found by its data-sid), e.g. `{ p25: '200300', … }`. */
  dataOf(node: SimNode): Record<string, unknown>
  /** The page is covered and shown again, as WeChat's image, scan and chat-file pickers do. */
  hideAndShow(): void
}

export interface Weapp {
  /** The pages the compiled app declares (dist/weapp/app.json), subpackages' too: `pages/index/index`, `admin/…`. */
  pages: string[]
  /** Calls the app made to the client APIs stubbed here, in order: [api name, options]; `cloud.uploadFile` too. */
  clientCalls: Array<[string, Record<string, unknown>]>
  /** Calls the app made to the cloud: function name, the event sent, and the result answered. */
  cloudCalls: Array<{ name: string; data: unknown; result: unknown }>
  /** Loads and renders a compiled page, e.g. `pages/index/index`, as if opened with `query`. */
  open(route: string, query?: Record<string, string>): PageHandle
  /** Cloud storage as the functions see it: what `wx.cloud.uploadFile` kept, what the functions saved. */
  files: LocalFileStore
  /** What the person does in the chat file picker (`wx.chooseMessageFile`) from now on: pick this file, or close it. */
  chooseFromChat(file: ChatFile | 'cancel'): void
  /** What the person picks in the album (`wx.chooseMedia`) from now on: this photo (a path on disk), or nothing. */
  chooseFromAlbum(photoPath: string | 'cancel'): void
  /** Whether the person taps 确定 in the modals (`wx.showModal`) shown from now on; true at first. */
  confirmModals: boolean
  /** What the person answers in WeChat's subscription panel (`wx.requestSubscribeMessage`) for each template; 'accept' at first. */
  consentAnswer: 'accept' | 'reject'
  /**
   * The privacy consent as WeChat keeps it: 'agreed' (at first, a returning user) or 'unanswered', when
   * `wx.requirePrivacyAuthorize` raises the listener the app gave `wx.onNeedPrivacyAuthorization`.
   */
  privacy: 'agreed' | 'unanswered'
  /** What the app answered WeChat's privacy questions (the listener's `resolve`), in order. */
  privacyAnswers: Array<{ event: string; buttonId?: string }>
  /**
   * WeChat's servers fail the next `callFunction` of `name`'s `action` with `error` (its errCode and errMsg),
   * without running the function: a timeout or a dropped connection.
   */
  failNextCall(name: string, action: string, error: { errCode: number; errMsg: string }): void
  /**
   * The WeChat user the cloud calls run as from now on (`OPENID`; `startWeapp`'s `openid` at first): another person
   * picking up their own phone. Nothing of the client is reset: open the pages they use after it.
   */
  actAs(openid: string): void
}

/** A file in a WeChat chat: where it is on disk (the client's temporary copy) and the name the chat shows. */
export interface ChatFile {
  path: string
  name: string
}

let started: { weapp: Weapp; options: WeappOptions } | undefined

/**
 * The text of the first element under `node` carrying WXML class `className`. In the rendered DOM the simulator
 * prefixes classes with the owning component's tag (`main--notice-row__title`), so match either form.
 */
export function textIn(node: SimNode, className: string): string | undefined {
  const elements = [node.dom as HTMLElement, ...Array.from((node.dom as HTMLElement).querySelectorAll<HTMLElement>('[class]'))]
  const match = elements.find((element) => Array.from(element.classList).some((name) => name === className || name.endsWith(`--${className}`)))
  return match?.textContent?.trim()
}

/** Polls until `probe` answers something (rendering and cloud calls are asynchronous); fails after `timeoutMs`. */
export async function waitUntil<T>(probe: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Loads dist/weapp/app.js once per test file, wired to `options`; later calls with the same options reuse it. */
export function startWeapp(options: WeappOptions): Weapp {
  if (started) {
    if (started.options.store !== options.store || started.options.openid !== options.openid) {
      throw new Error('the compiled app is already running in this test file with another store or openid')
    }
    return started.weapp
  }
  if (!existsSync(path.join(DIST, 'app.js'))) {
    throw new Error(`No compiled mini-program at ${DIST}: run \`npx taro build --type weapp\` before these tests.`)
  }
  // Defines the global `Component` and a global `wx` of mocked APIs; must come before the app's code.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as typeof import('miniprogram-simulate')
  const g = globalThis as unknown as Globals
  const clientCalls: Weapp['clientCalls'] = []
  const cloudCalls: Weapp['cloudCalls'] = []

  // ---- The WeChat servers: cloud functions in-process, cloud storage in a temporary folder. ----
  const files = tempFileStore()
  const wechat = new OutboxWeChatApi()
  /** Answers a `wx.cloud` call through its callbacks and its promise, as the cloud SDK does. */
  const cloudAnswer = async <T>(request: WxCallback, work: () => Promise<T>): Promise<T> => {
    try {
      const answer = await work()
      request.success?.(answer)
      request.complete?.(answer)
      return answer
    } catch (error) {
      request.fail?.(error)
      request.complete?.(error)
      throw error
    }
  }
  const failures: Array<{ name: string; action: string; error: { errCode: number; errMsg: string } }> = []
  let openid = options.openid
  g.wx.cloud = {
    init() {},
    callFunction: (request: { name: string; data: unknown } & WxCallback) =>
      cloudAnswer(request, async () => {
        const action = (request.data as { action?: string } | undefined)?.action
        const failing = failures.findIndex((failure) => failure.name === request.name && failure.action === action)
        if (failing >= 0) {
          const [{ error }] = failures.splice(failing, 1)
          cloudCalls.push({ name: request.name, data: request.data, result: error })
          throw Object.assign(new Error(error.errMsg), error)
        }
        const fn = FUNCTIONS[request.name]
        if (!fn) throw { errMsg: `cloud.callFunction:fail function not found: ${request.name}` }
        const result = await fn.run(request.data, { store: options.store, files, wechat, identity: { openid }, now: new Date() })
        cloudCalls.push({ name: request.name, data: request.data, result })
        return { result, errMsg: 'cloud.callFunction:ok', requestID: `test-${cloudCalls.length}` }
      }),
    uploadFile: (request: { cloudPath: string; filePath: string } & WxCallback) => {
      clientCalls.push(['cloud.uploadFile', request])
      return cloudAnswer(request, async () => {
        const data = await readFile(request.filePath).catch(() => {
          throw { errMsg: `cloud.uploadFile:fail no such temporary file: ${request.filePath}` }
        })
        const fileID = await files.save(path.posix.basename(request.cloudPath), data)
        return { fileID, statusCode: 204, errMsg: 'cloud.uploadFile:ok' }
      })
    },
  }

  // ---- The WeChat client: record what the app asks for, answer like the client would. ----
  // Called without success/fail/complete, an API answers with a promise instead (base library 2.10.2+): Taro leaves
  // some APIs to that (e.g. chooseMessageFile, which it does not promisify itself).
  const client =
    (api: string, answer: (request: WxRequest) => ClientAnswer | Promise<ClientAnswer> = () => ({})) =>
    (request: WxRequest = {}) => {
      clientCalls.push([api, request])
      const settled: { resolve?: (result: unknown) => void; reject?: (error: unknown) => void } = {}
      const promise =
        request.success || request.fail || request.complete
          ? undefined
          : new Promise((resolve, reject) => Object.assign(settled, { resolve, reject }))
      const reply = (outcome: ClientAnswer) => {
        if ('fail' in outcome) {
          const error = { errMsg: `${api}:fail ${outcome.fail}` }
          request.fail?.(error)
          request.complete?.(error)
          settled.reject?.(error)
          return
        }
        const result = { errMsg: `${api}:ok`, ...outcome }
        request.success?.(result)
        request.complete?.(result)
        settled.resolve?.(result)
      }
      const outcome = answer(request)
      if (outcome instanceof Promise) void outcome.then(reply, (error: unknown) => reply({ fail: String(error) }))
      else reply(outcome)
      return promise
    }
  for (const api of ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab', 'navigateBack', 'showToast', 'stopPullDownRefresh', 'pageScrollTo']) {
    g.wx[api] = client(api)
  }
  g.wx.showModal = client('showModal', () => ({ confirm: weapp.confirmModals, cancel: !weapp.confirmModals }))
  // WeChat's subscription panel: one answer per template asked for.
  g.wx.requestSubscribeMessage = client('requestSubscribeMessage', (request) =>
    Object.fromEntries((request.tmplIds as string[]).map((id) => [id, weapp.consentAnswer])),
  )
  for (const api of ['setTabBarBadge', 'removeTabBarBadge']) g.wx[api] = client(api)
  let chatFile: ChatFile | 'cancel' | undefined
  g.wx.chooseMessageFile = client('chooseMessageFile', () => {
    if (chatFile === 'cancel') return { fail: 'cancel' }
    if (!chatFile) return { fail: 'the test put no file in the chat (see chooseFromChat)' }
    const { path: filePath, name } = chatFile
    return { tempFiles: [{ path: filePath, size: statSync(filePath).size, name, type: 'file', time: Math.floor(Date.now() / 1000) }] }
  })
  let albumPhoto: string | undefined
  g.wx.chooseMedia = client('chooseMedia', () => {
    if (!albumPhoto || albumPhoto === 'cancel') return { fail: 'cancel' }
    return { type: 'image', tempFiles: [{ tempFilePath: albumPhoto, size: statSync(albumPhoto).size, fileType: 'image' }] }
  })
  g.wx.previewImage = client('previewImage')
  // The functions' links are the file store's own (`/files/<id>?expires=…&sig=…`): this client can fetch only those.
  g.wx.downloadFile = client('downloadFile', async (request) => {
    const url = new URL(String(request.url), 'https://weapp.invalid')
    const [, folder, fileId] = url.pathname.split('/')
    const file = folder === 'files' ? await files.opened(fileId, url.searchParams.get('expires'), url.searchParams.get('sig')) : null
    return file ? { tempFilePath: file.path, statusCode: 200 } : { tempFilePath: '', statusCode: 404 }
  })
  g.wx.openDocument = client('openDocument', (request) => (existsSync(String(request.filePath)) ? {} : { fail: 'file not found' }))
  // The privacy interfaces (base library 2.32.3+): a question raised only while the consent is unanswered.
  let privacyListener: ((resolve: (answer: { event: string; buttonId?: string }) => void, info: { referrer: string }) => void) | undefined
  g.wx.onNeedPrivacyAuthorization = (listener: typeof privacyListener) => {
    privacyListener = listener
  }
  g.wx.requirePrivacyAuthorize = client('requirePrivacyAuthorize', () => {
    if (weapp.privacy === 'agreed' || !privacyListener) return {}
    return new Promise<ClientAnswer>((settle) =>
      privacyListener!(
        (answer) => {
          weapp.privacyAnswers.push(answer)
          if (answer.event === 'agree') {
            weapp.privacy = 'agreed'
            settle({})
          } else if (answer.event === 'disagree') settle({ fail: 'privacy permission is not authorized' })
        },
        { referrer: 'requirePrivacyAuthorize' },
      ),
    )
  })
  const storage = new Map<string, unknown>()
  g.wx.getStorageSync = (key: string) => (storage.has(key) ? storage.get(key) : '')
  g.wx.setStorageSync = (key: string, value: unknown) => void storage.set(key, value)
  g.wx.removeStorageSync = (key: string) => void storage.delete(key)

  // ---- Client globals: App, getApp, getCurrentPages, and the Page → Component shim. ----
  let app: Record<string, AnyFunction> | undefined
  const pages: PageInstance[] = []
  let loadingRoute = ''
  const queries = new Map<string, Record<string, string>>()

  g.App = (appOptions) => {
    app = appOptions
    const launch = { path: 'pages/index/index', query: {}, scene: 1001 }
    appOptions.onLaunch?.call(appOptions as unknown as PageInstance, launch)
    appOptions.onShow?.call(appOptions as unknown as PageInstance, launch)
  }
  g.getApp = () => app
  g.getCurrentPages = () => [...pages]

  g.Page = (pageOptions) => {
    const route = loadingRoute
    const methods: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(pageOptions)) if (typeof value === 'function') methods[key] = value
    const call = (page: PageInstance, name: string, ...args: unknown[]) => page[name]?.call(page, ...args)
    g.Component({
      data: pageOptions.data ?? {},
      methods,
      lifetimes: {
        attached(this: PageInstance) {
          // A page knows its route (`this.route`); Taro's router (useRouter) is built from it and onLoad's query.
          this.route = this.__route__ = route
          pages.push(this)
          call(this, 'onLoad', { ...(queries.get(route) ?? {}) })
          call(this, 'onShow')
        },
        ready(this: PageInstance) {
          call(this, 'onReady')
        },
        detached(this: PageInstance) {
          pages.splice(pages.indexOf(this), 1)
          call(this, 'onUnload')
        },
      },
      pageLifetimes: {
        show(this: PageInstance) {
          call(this, 'onShow')
        },
        hide(this: PageInstance) {
          call(this, 'onHide')
        },
      },
    })
  }

  // The app's entry: requires runtime/taro/vendors/common and calls App(...). Pages push onto the same webpack
  // runtime afterwards, as on the client.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(DIST, 'app.js'))
  if (!app) throw new Error('dist/weapp/app.js did not call App(...)')

  const loaded = new Map<string, string>()
  const appJson = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: { root: string; pages: string[] }[] }
  const weapp: Weapp = {
    pages: [...appJson.pages, ...(appJson.subPackages ?? []).flatMap(({ root, pages }) => pages.map((page) => path.posix.join(root, page)))],
    clientCalls,
    cloudCalls,
    files,
    confirmModals: true,
    consentAnswer: 'accept',
    privacy: 'agreed',
    privacyAnswers: [],
    chooseFromChat(file) {
      chatFile = file
    },
    chooseFromAlbum(photoPath) {
      albumPhoto = photoPath
    },
    failNextCall(name, action, error) {
      failures.push({ name, action, error })
    },
    actAs(next) {
      openid = next
    },
    open(route, query = {}) {
      let id = loaded.get(route)
      if (!id) {
        loadingRoute = route
        // The official WXML compiler (miniprogram-compiler) is needed: Taro's base.wxml uses <import>, <wxs>, templates.
        id = simulate.load(path.join(DIST, route), { rootPath: DIST, compiler: 'official' })
        loadingRoute = ''
        loaded.set(route, id)
      }
      queries.set(route, query)
      const component = simulate.render(id) as SimPage
      const parent = document.createElement('div')
      document.body.appendChild(parent)
      component.attach(parent)
      return {
        route,
        component,
        root: component.dom as HTMLElement,
        async waitFor(selector, timeoutMs) {
          try {
            return await waitUntil(() => {
              const found = component.querySelectorAll(selector)
              return found.length > 0 ? found : undefined
            }, `"${selector}" in ${route}`, timeoutMs)
          } catch (error) {
            const rendered = (component.dom as HTMLElement).innerHTML.slice(0, 1500)
            throw new Error(`${(error as Error).message}; cloud calls: ${JSON.stringify(cloudCalls)}; rendered:\n${rendered}`)
          }
        },
        tap(target) {
          this.fire(target, 'tap')
        },
        fire(target, event, detail) {
          const node = typeof target === 'string' ? component.querySelector(target) : target
          if (!node) throw new Error(`nothing matches "${target}" in ${route}`)
          // The simulator dispatches it through the exparser tree: the template's bind<event>="eh" → Taro's handler.
          node.dispatchEvent(event, detail ? { detail } : undefined)
        },
        dataOf(node) {
          const sid = node.dom?.getAttribute('data-sid')
          if (!sid) throw new Error('a rendered node without data-sid')
          const search = (value: unknown): Record<string, unknown> | undefined => {
            if (!value || typeof value !== 'object') return undefined
            if (!Array.isArray(value) && (value as { sid?: unknown }).sid === sid) return value as Record<string, unknown>
            for (const child of Object.values(value)) {
              const found = search(child)
              if (found) return found
            }
            return undefined
          }
          return search(component.data) ?? {}
        },
        hideAndShow() {
          // j-component has it; its types leave it out.
          const page = component as unknown as { triggerPageLifeTime(name: 'hide' | 'show'): void }
          page.triggerPageLifeTime('hide')
          page.triggerPageLifeTime('show')
        },
      }
    },
  }
  started = { weapp, options }
  return weapp
}

/**
 * The local cloud host: serves the H5 build and runs every cloud function at `POST /api/<function>` with the same
 * event shape as `wx.cloud.callFunction`, over one store, within each function's time limit. Files go up at
 * `POST /files` (as `wx.cloud.uploadFile` does on WeChat; bound members only, within a quota) and come down through
 * the signed links functions hand out (`GET /files/<id>`). In demo mode it also offers a development login. It
 * answers only requests addressed to one of its own names, and every answer carries security headers.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { authorize } from '../../cloudfunctions/core/authorize'
import { resolveCaller } from '../../cloudfunctions/core/context'
import type { CloudFunction } from '../../cloudfunctions/core/defineFunction'
import { AppError } from '../../cloudfunctions/core/errors'
import type { LocalFileStore } from '../../cloudfunctions/core/files/local'
import { keepForAWhile } from '../../cloudfunctions/core/files/retention'
import type { Store } from '../../cloudfunctions/core/store/port'
import type { WeChatApi } from '../../cloudfunctions/core/wechatApi/port'
import { unitNames } from '../../cloudfunctions/core/units'
import { EMPTY_FILE_MESSAGE } from '../../types/common'
import type { ErrorCode } from '../../types/result'
import { DEMO_STAFF, demoOpenid } from '../seed/demoUnion'
import { LOOPBACK_NAMES, addressedHere } from './hostNames'
import { pagePolicy, withSecurityHeaders } from './securityHeaders'
import { sessionReader, signSession } from './session'
import { throttledLog } from './throttledLog'
import { DEFAULT_TIMEOUT_SECONDS, TIMED_OUT, withinTimeLimit } from './timeLimits'
import { UploadQuota } from './uploadQuota'

export interface HostOptions {
  store: Store
  files: LocalFileStore
  /** Where subscription messages go: on the local host, an outbox that records them. */
  wechat: WeChatApi
  functions: Record<string, CloudFunction>
  /** The H5 build to serve; API only when absent. */
  staticDir?: string
  /** Development login: only in demo mode. */
  demo: boolean
  secret: string
  /**
   * The names a request may address the host by, without the port (the Host header must be one of them with the
   * port the request came in on). Default: the loopback names; main.ts adds this machine's own.
   */
  allowedHosts?: string[]
  /** Each function's time limit in seconds (its config.json `timeout`); one not listed gets CloudBase's 3 s. */
  timeouts?: Record<string, number>
}

const BODY_LIMIT = 1024 * 1024
/** The largest file a person may upload (a roster is refused above 5 MB by its own, clearer check). */
export const UPLOAD_LIMIT = 10 * 1024 * 1024

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

/**
 * Shown while there is no H5 build: before the first, and during every rebuild (Taro empties dist/h5 as a build
 * starts and fills it as it ends, 40 s or more later).
 */
const NOT_BUILT_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>教工之家：页面尚未构建</title></head>
<body><h1>页面尚未构建</h1>
<p>本地云已在运行，但还没有可显示的页面：请在项目目录运行 <code>npm run build:h5</code>，完成后刷新本页。</p>
<p>如果正有构建在进行（构建一开始会清空 dist/h5），等它完成后刷新本页即可。</p></body></html>
`

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string) {
  res.writeHead(status, withSecurityHeaders(headers))
  res.end(body)
}

/** A file from disk; one removed mid-answer (a rebuild while serving) ends this answer, not the host. */
async function sendFile(res: ServerResponse, path: string, headers: Record<string, string>) {
  res.writeHead(200, withSecurityHeaders(headers))
  await pipeline(createReadStream(path), res).catch(() => res.destroy())
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  send(res, status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, JSON.stringify(body))
}

const failure = (code: ErrorCode, message: string) => ({ ok: false, code, message })

/** A request the host itself refuses (not a function's answer): its HTTP status, code and Chinese message. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
  }
}

/** The client hung up before its whole request arrived: there is no one to answer. */
class ClientGone extends Error {}

/** The whole body, or a 413 Refusal past `limit` (the rest is read and dropped, so the client gets the answer). */
async function readBody(req: IncomingMessage, limit: number, tooLarge: string): Promise<Buffer> {
  let size = 0
  const chunks: Buffer[] = []
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length
      if (size <= limit) chunks.push(chunk as Buffer)
    }
  } catch {
    throw new ClientGone()
  }
  if (size > limit) throw new Refusal(413, 'INVALID_INPUT', tooLarge)
  return Buffer.concat(chunks)
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req, BODY_LIMIT, '请求内容过大')
  try {
    return JSON.parse(body.toString('utf8') || '{}')
  } catch {
    throw new Refusal(400, 'INVALID_INPUT', '请求格式不正确')
  }
}

/** The file's name as the browser sent it (URL-encoded in `x-file-name`), without any folder part. */
function uploadedName(req: IncomingMessage): string {
  const header = req.headers['x-file-name']
  let name = ''
  try {
    name = decodeURIComponent(typeof header === 'string' ? header : '')
  } catch {
    name = ''
  }
  return name.split(/[/\\]/).pop()!.slice(0, 100) || 'upload'
}

/** `attachment` with the UTF-8 name (RFC 6266) and a plain fallback, so Chinese file names survive every browser. */
function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined
}

function decodedPath(urlPath: string): string {
  try {
    return decodeURIComponent(urlPath)
  } catch {
    return '/'
  }
}

/**
 * A file of the build, or index.html for any other path (the app routes by hash), under the policy its inline
 * scripts need; a page saying what to do when there is no build.
 */
async function serveStatic(res: ServerResponse, root: string, urlPath: string) {
  const index = join(root, 'index.html')
  const relative = normalize(decodedPath(urlPath)).replace(/^(\.\.[/\\])+/, '')
  let file = join(root, relative)
  if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = index
  if (file === index) {
    const html = await readFile(index, 'utf8').catch(() => undefined)
    if (html === undefined) return send(res, 503, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' }, NOT_BUILT_PAGE)
    return send(res, 200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache', 'content-security-policy': pagePolicy(html) }, html)
  }
  await sendFile(res, file, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'public, max-age=3600' })
}

/**
 * Demo people the development login offers: union office staff, a few members and a few not yet bound (who can
 * try binding); or everyone whose name or staff number contains `query`.
 */
async function demoPeople(store: Store, query: string) {
  const staffNos = DEMO_STAFF.map((person) => person.staffNo)
  const members = await store.find('members', { status: { $ne: 'left' } }, { sort: { staffNo: 1 } })
  const boundIds = new Set((await store.find('bindings')).map((binding) => binding.memberId))
  const people = query
    ? members.filter((member) => member.name.includes(query) || member.staffNo.includes(query)).slice(0, 30)
    : [
        ...members.filter((member) => staffNos.includes(member.staffNo)),
        ...members.filter((member) => !staffNos.includes(member.staffNo) && boundIds.has(member._id)).slice(0, 10),
        ...members.filter((member) => !boundIds.has(member._id)).slice(0, 3),
      ]
  const units = await unitNames(store)
  return people.map((member) => ({
    id: member._id,
    name: member.name,
    unitName: units.get(member.unitId) ?? '',
    unionOffice: member.roles.includes('unionOffice'),
    bound: boundIds.has(member._id),
  }))
}

/** The HTTP status of a refusal the caller checks (authorize's answers to an upload). */
const REFUSAL_STATUS: Partial<Record<ErrorCode, number>> = { NOT_SIGNED_IN: 401, NOT_BOUND: 403, FORBIDDEN: 403 }

/** Hang-ups come in crowds (slow clients giving up): one line a minute says how many. */
const HANG_UP_LOG_MS = 60_000

export function createHost(options: HostOptions): Server {
  const { store, files, wechat, functions, staticDir, demo, secret, allowedHosts = LOOPBACK_NAMES, timeouts = {} } = options
  const quota = new UploadQuota()
  const sessionOf = sessionReader(secret)
  /** The people whose upload is under way. */
  const uploading = new Set<string>()
  const logHangUp = throttledLog((line) => console.warn(line), HANG_UP_LOG_MS)

  /** Like wx.cloud.uploadFile, but only for bound members who have not left, within their quota. */
  async function receiveUpload(req: IncomingMessage): Promise<string> {
    const session = sessionOf(bearer(req))
    let person: string
    try {
      person = (await authorize('member', await resolveCaller(store, { openid: session?.openid }), undefined, store)).member!._id
    } catch (error) {
      if (error instanceof AppError) throw new Refusal(REFUSAL_STATUS[error.code] ?? 403, error.code, error.message)
      throw error
    }
    // One upload at a time per person, so a burst in parallel cannot hold many bodies in memory at once.
    if (uploading.has(person)) throw new Refusal(429, 'BUSY', '上一个文件还在上传：请等它传完再上传下一个')
    // Before reading the body (when nothing more fits at all), and once its size is known.
    const refuseOverQuota = (bytes: number) => {
      const until = quota.blockedUntil(person, bytes)
      if (until !== undefined) throw new Refusal(429, 'QUOTA_EXCEEDED', quota.message(until))
    }
    refuseOverQuota(1)
    uploading.add(person)
    try {
      const body = await readBody(req, UPLOAD_LIMIT, `文件超过 ${UPLOAD_LIMIT / 1024 / 1024} MB，无法上传：请删除多余内容后重试`)
      if (body.length === 0) throw new Refusal(400, 'INVALID_INPUT', EMPTY_FILE_MESSAGE)
      refuseOverQuota(body.length)
      quota.record(person, body.length)
      const fileId = await files.save(uploadedName(req), body)
      await keepForAWhile(store, fileId, new Date())
      return fileId
    } finally {
      uploading.delete(person)
    }
  }

  return createServer(async (req, res) => {
    try {
      const port = req.socket.localPort ?? 0
      if (!addressedHere(req.headers.host, allowedHosts, port)) {
        const named = (req.headers.host ?? '').slice(0, 100)
        throw new Refusal(403, 'FORBIDDEN', `请用本机地址打开教工之家（如 http://localhost:${port}/）：这个请求发往「${named}」，不是本机的地址，已拒绝`)
      }
      const url = new URL(req.url ?? '/', 'http://host')
      const apiMatch = /^\/api\/([a-z]+)$/.exec(url.pathname)
      if (apiMatch && req.method === 'POST') {
        const name = apiMatch[1]
        const fn = Object.hasOwn(functions, name) ? functions[name] : undefined
        if (!fn) return sendJson(res, 404, failure('UNKNOWN_ACTION', '没有这个云函数'))
        const event = await readJson(req)
        const session = sessionOf(bearer(req))
        const seconds = timeouts[name] ?? DEFAULT_TIMEOUT_SECONDS
        const result = await withinTimeLimit(fn.run(event, { store, files, wechat, identity: { openid: session?.openid }, now: new Date() }), seconds)
        if (result === TIMED_OUT) console.warn(`[host] ${name} ran past its ${seconds} s limit: answered TIMEOUT, the call runs on`)
        return sendJson(res, 200, result)
      }
      if (url.pathname === '/files' && req.method === 'POST') {
        return sendJson(res, 200, { ok: true, data: { fileId: await receiveUpload(req) } })
      }
      const fileMatch = /^\/files\/([0-9a-f]{32})$/.exec(url.pathname)
      if (fileMatch && req.method === 'GET') {
        const file = await files.opened(fileMatch[1], url.searchParams.get('expires'), url.searchParams.get('sig'))
        if (!file) return sendJson(res, 404, failure('NOT_FOUND', '下载链接已失效（链接十分钟内有效）：请回到页面重新下载'))
        return await sendFile(res, file.path, {
          'content-type': TYPES[extname(file.fileName).toLowerCase()] ?? 'application/octet-stream',
          'content-disposition': attachment(file.fileName),
          'cache-control': 'no-store',
        })
      }
      if (url.pathname.startsWith('/dev/')) {
        if (!demo) return sendJson(res, 404, failure('NOT_FOUND', '开发登录只在演示模式下提供'))
        if (url.pathname === '/dev/people' && req.method === 'GET') {
          return sendJson(res, 200, { ok: true, data: await demoPeople(store, (url.searchParams.get('q') ?? '').trim().slice(0, 20)) })
        }
        if (url.pathname === '/dev/login' && req.method === 'POST') {
          const memberId = ((await readJson(req)) as { memberId?: unknown } | null)?.memberId
          const member = typeof memberId === 'string' ? await store.get('members', memberId) : null
          if (!member) return sendJson(res, 200, failure('NOT_FOUND', '没有这位演示用户'))
          return sendJson(res, 200, { ok: true, data: { token: signSession(secret, demoOpenid(member.staffNo)) } })
        }
      }
      if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/dev/') || url.pathname.startsWith('/files')) {
        return sendJson(res, 405, failure('UNKNOWN_ACTION', '请求方式不正确'))
      }
      if (!staticDir) return sendJson(res, 404, failure('NOT_FOUND', '未构建 H5 页面'))
      await serveStatic(res, staticDir, url.pathname)
    } catch (error) {
      if (error instanceof ClientGone) {
        return logHangUp(`[host] a client hung up before its request arrived whole: ${req.method} ${(req.url ?? '').split('?')[0]}`)
      }
      if (res.headersSent) return res.destroy()
      if (error instanceof Refusal) {
        // A refusal may come before the body is read: drain it, so the client hears the answer.
        req.resume()
        return sendJson(res, error.status, failure(error.code, error.message))
      }
      console.error('[host]', error)
      sendJson(res, 500, failure('INTERNAL', '系统繁忙，请稍后再试'))
    }
  })
}

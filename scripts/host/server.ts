/**
 * The local cloud host: serves the H5 build and runs every cloud function at `POST /api/<function>` with the same
 * event shape as `wx.cloud.callFunction`, over one store. Files go up at `POST /files` (as `wx.cloud.uploadFile`
 * does on WeChat) and come down through the signed links functions hand out (`GET /files/<id>`). In demo mode it
 * also offers a development login.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize } from 'node:path'
import type { CloudFunction } from '../../cloudfunctions/core/defineFunction'
import type { LocalFileStore } from '../../cloudfunctions/core/files/local'
import { keepForAWhile } from '../../cloudfunctions/core/files/retention'
import type { Store } from '../../cloudfunctions/core/store/port'
import type { WeChatApi } from '../../cloudfunctions/core/wechatApi/port'
import { unitNames } from '../../cloudfunctions/core/units'
import { EMPTY_FILE_MESSAGE } from '../../types/common'
import { DEMO_STAFF, demoOpenid } from '../seed/demoUnion'
import { signSession, verifySession } from './session'

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
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

const failure = (code: string, message: string) => ({ ok: false, code, message })

class BodyError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message)
  }
}

/** The whole body, or BodyError past `limit` (the rest is read and dropped, so the client gets the answer). */
async function readBody(req: IncomingMessage, limit: number, tooLarge: string): Promise<Buffer> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size <= limit) chunks.push(chunk as Buffer)
  }
  if (size > limit) throw new BodyError(tooLarge, 413)
  return Buffer.concat(chunks)
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req, BODY_LIMIT, '请求内容过大')
  try {
    return JSON.parse(body.toString('utf8') || '{}')
  } catch {
    throw new BodyError('请求格式不正确')
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

/** A file of the build, or index.html for any other path (the app routes by hash). */
async function serveStatic(res: ServerResponse, root: string, urlPath: string) {
  const relative = normalize(decodedPath(urlPath)).replace(/^(\.\.[/\\])+/, '')
  let file = join(root, relative)
  if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html')
  const type = TYPES[extname(file)] ?? 'application/octet-stream'
  const cache = file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600'
  res.writeHead(200, { 'content-type': type, 'cache-control': cache })
  // A file removed mid-request (a rebuild while serving) ends this response, not the host.
  await pipeline(createReadStream(file), res).catch(() => res.destroy())
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

export function createHost(options: HostOptions): Server {
  const { store, files, wechat, functions, staticDir, demo, secret } = options
  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://host')
      const apiMatch = /^\/api\/([a-z]+)$/.exec(url.pathname)
      if (apiMatch && req.method === 'POST') {
        const fn = Object.hasOwn(functions, apiMatch[1]) ? functions[apiMatch[1]] : undefined
        if (!fn) return sendJson(res, 404, failure('UNKNOWN_ACTION', '没有这个云函数'))
        const event = await readJson(req)
        const session = verifySession(secret, bearer(req))
        const result = await fn.run(event, { store, files, wechat, identity: { openid: session?.openid }, now: new Date() })
        return sendJson(res, 200, result)
      }
      if (url.pathname === '/files' && req.method === 'POST') {
        // Like wx.cloud.uploadFile: any signed-in user may upload; only functions decide what a file is used for.
        if (!verifySession(secret, bearer(req))) {
          req.resume()
          return sendJson(res, 401, failure('NOT_SIGNED_IN', '请先登录'))
        }
        const body = await readBody(req, UPLOAD_LIMIT, `文件超过 ${UPLOAD_LIMIT / 1024 / 1024} MB，无法上传：请删除多余内容后重试`)
        if (body.length === 0) return sendJson(res, 400, failure('INVALID_INPUT', EMPTY_FILE_MESSAGE))
        const fileId = await files.save(uploadedName(req), body)
        await keepForAWhile(store, fileId, new Date())
        return sendJson(res, 200, { ok: true, data: { fileId } })
      }
      const fileMatch = /^\/files\/([0-9a-f]{32})$/.exec(url.pathname)
      if (fileMatch && req.method === 'GET') {
        const file = await files.opened(fileMatch[1], url.searchParams.get('expires'), url.searchParams.get('sig'))
        if (!file) return sendJson(res, 404, failure('NOT_FOUND', '下载链接已失效（链接十分钟内有效）：请回到页面重新下载'))
        res.writeHead(200, {
          'content-type': TYPES[extname(file.fileName)] ?? 'application/octet-stream',
          'content-disposition': attachment(file.fileName),
          'cache-control': 'no-store',
        })
        return await pipeline(createReadStream(file.path), res).catch(() => res.destroy())
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
      if (error instanceof BodyError) return sendJson(res, error.status, failure('INVALID_INPUT', error.message))
      console.error('[host]', error)
      sendJson(res, 500, failure('INTERNAL', '系统繁忙，请稍后再试'))
    }
  })
}

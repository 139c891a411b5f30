/**
 * The local cloud host: serves the H5 build and runs every cloud function at `POST /api/<function>` with the same
 * event shape as `wx.cloud.callFunction`, over one store. In demo mode it also offers a development login.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { extname, join, normalize } from 'node:path'
import type { CloudFunction } from '../../cloudfunctions/core/defineFunction'
import type { Store } from '../../cloudfunctions/core/store/port'
import { unitNames } from '../../cloudfunctions/core/units'
import { DEMO_STAFF, demoOpenid } from '../seed/demoUnion'
import { signSession, verifySession } from './session'

export interface HostOptions {
  store: Store
  functions: Record<string, CloudFunction>
  /** The H5 build to serve; API only when absent. */
  staticDir?: string
  /** Development login: only in demo mode. */
  demo: boolean
  secret: string
}

const BODY_LIMIT = 1024 * 1024

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
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

const failure = (code: string, message: string) => ({ ok: false, code, message })

class BodyError extends Error {}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > BODY_LIMIT) throw new BodyError('请求内容过大')
    chunks.push(chunk as Buffer)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
  } catch {
    throw new BodyError('请求格式不正确')
  }
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
  const { store, functions, staticDir, demo, secret } = options
  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://host')
      const apiMatch = /^\/api\/([a-z]+)$/.exec(url.pathname)
      if (apiMatch && req.method === 'POST') {
        const fn = Object.hasOwn(functions, apiMatch[1]) ? functions[apiMatch[1]] : undefined
        if (!fn) return sendJson(res, 404, failure('UNKNOWN_ACTION', '没有这个云函数'))
        const event = await readJson(req)
        const session = verifySession(secret, bearer(req))
        const result = await fn.run(event, { store, identity: { openid: session?.openid }, now: new Date() })
        return sendJson(res, 200, result)
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
      if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/dev/')) {
        return sendJson(res, 405, failure('UNKNOWN_ACTION', '请求方式不正确'))
      }
      if (!staticDir) return sendJson(res, 404, failure('NOT_FOUND', '未构建 H5 页面'))
      await serveStatic(res, staticDir, url.pathname)
    } catch (error) {
      if (error instanceof BodyError) return sendJson(res, 400, failure('INVALID_INPUT', error.message))
      console.error('[host]', error)
      sendJson(res, 500, failure('INTERNAL', '系统繁忙，请稍后再试'))
    }
  })
}

/**
 * The local cloud host over real HTTP (a seeded in-memory store, port 0), and the build that bundles each function
 * for CloudBase.
 */
import ExcelJS from 'exceljs'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { action, defineFunction } from '../../cloudfunctions/core/defineFunction'
import { LocalFileStore } from '../../cloudfunctions/core/files/local'
import { DOWNLOAD_LINK_SECONDS } from '../../cloudfunctions/core/files/port'
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { FUNCTIONS } from '../../cloudfunctions/registry'
import { writeRoster } from '../../cloudfunctions/exports/roster/rosterFile'
import { buildFunctions, type FunctionBundle } from '../../scripts/build-functions'
import { UPLOAD_LIMIT, createHost, type HostOptions } from '../../scripts/host/server'
import { readTimeouts } from '../../scripts/host/timeLimits'
import { signSession } from '../../scripts/host/session'
import { demoOpenid, seedDemoUnion } from '../../scripts/seed/demoUnion'
import { EmptySchema } from '../../types/common'
import { OutboxWeChatApi } from '../../cloudfunctions/core/wechatApi/outbox'
import { tempFileStore } from '../tempFiles'
import { PEOPLE, noticeInput } from './harness'

const SECRET = 'host-test-secret'
const root = resolve(__dirname, '../..')

interface Running {
  server: Server
  store: SqliteStore
  files: LocalFileStore
  base: string
}

/** The functions' own time limits, as `npm start` reads them. */
const TIMEOUTS = readTimeouts(join(root, 'cloudfunctions'), Object.keys(FUNCTIONS))

type StartOptions = Partial<Omit<HostOptions, 'store' | 'files' | 'secret'>> & { files?: LocalFileStore }

async function start(options: StartOptions): Promise<Running> {
  const store = new SqliteStore(':memory:')
  // The host runs on the real clock, so the demo union is seeded at it.
  await seedDemoUnion(store, new Date())
  const files = options.files ?? tempFileStore(SECRET)
  const server = createHost({ functions: FUNCTIONS, demo: true, timeouts: TIMEOUTS, wechat: new OutboxWeChatApi(), ...options, store, files, secret: SECRET })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  return { server, store, files, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

async function stop({ server, store }: Running) {
  // A test that failed midway may leave a request open: close it rather than wait for it.
  server.closeAllConnections()
  await new Promise((closed) => server.close(closed))
  store.close()
}

interface Reply {
  status: number
  contentType: string | null
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked field by field
  body: any
}

interface RequestOptions {
  method?: string
  body?: string | Buffer
  token?: string
  authorization?: string
  headers?: Record<string, string>
}

async function request(base: string, path: string, init: RequestOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...init.headers }
  if (init.token) headers.authorization = `Bearer ${init.token}`
  if (init.authorization) headers.authorization = init.authorization
  const res = await fetch(base + path, { method: init.method ?? 'POST', headers, body: init.body })
  const text = await res.text()
  return { status: res.status, contentType: res.headers.get('content-type'), body: JSON.parse(text) }
}

const call = (base: string, fn: string, action: string, payload?: unknown, token?: string) =>
  request(base, `/api/${fn}`, { body: JSON.stringify({ action, payload }), token })

/** A session for a demo person, through the development login. */
async function loginAt(base: string, memberId: string): Promise<string> {
  const reply = await request(base, '/dev/login', { body: JSON.stringify({ memberId }) })
  expect(reply).toMatchObject({ status: 200, body: { ok: true, data: { token: expect.any(String) } } })
  return reply.body.data.token
}

/** Sends a file's bytes as the H5 app does: the raw body, its name URL-encoded in `x-file-name`. */
const upload = (base: string, body: string | Buffer, token?: string, fileName = '会员名册.xlsx') =>
  request(base, '/files', { body, token, headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(fileName) } })

describe('host in demo mode', () => {
  let host: Running

  beforeAll(async () => {
    host = await start({ demo: true })
  })

  afterAll(() => stop(host))

  const login = (memberId: string) => loginAt(host.base, memberId)

  it('answers NOT_SIGNED_IN to a call without a token', async () => {
    const reply = await call(host.base, 'notices', 'home')
    expect(reply.status).toBe(200)
    expect(reply.contentType).toMatch(/^application\/json/)
    expect(reply.body).toEqual({ ok: false, code: 'NOT_SIGNED_IN', message: '请先登录' })
  })

  it('logs a demo person in; their token then works for every function', async () => {
    const token = await login(PEOPLE.unit03Member)
    const home = await call(host.base, 'notices', 'home', undefined, token)
    expect(home.body.ok).toBe(true)
    expect(home.body.data.pinned.map((n: { id: string }) => n.id)).toEqual(['notice-volleyball', 'notice-congress'])
    expect(home.body.data.unreadCount).toBe(4)
    const me = await call(host.base, 'members', 'me', {}, token)
    expect(me.body).toMatchObject({ ok: true, data: { id: PEOPLE.unit03Member, unitId: 'unit03' } })
  })

  it('runs union office actions for staff and refuses them to members', async () => {
    const staff = await login(PEOPLE.office)
    const member = await login(PEOPLE.unit03Member)
    const published = await call(host.base, 'notices', 'publish', noticeInput({ title: '经本地云发布的通知' }), staff)
    expect(published.body).toMatchObject({ ok: true, data: { id: expect.any(String) } })
    const refused = await call(host.base, 'notices', 'publish', noticeInput(), member)
    expect(refused.body).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const list = await call(host.base, 'notices', 'list', {}, member)
    expect(list.body.data.items.map((n: { title: string }) => n.title)).toContain('经本地云发布的通知')
  })

  it('lists demo people: union office staff first, and finds people by name', async () => {
    const all = await request(host.base, '/dev/people', { method: 'GET' })
    expect(all.body.ok).toBe(true)
    expect(all.body.data.slice(0, 2)).toEqual([
      { id: 'm0001', name: '周建华', unitName: '机关第一分工会', unionOffice: true, bound: true },
      { id: 'm0002', name: '沈丽萍', unitName: '机关第一分工会', unionOffice: true, bound: true },
    ])
    for (const person of all.body.data) expect(typeof person.bound).toBe('boolean')
    const found = await request(host.base, `/dev/people?q=${encodeURIComponent('沈丽萍')}`, { method: 'GET' })
    expect(found.body.data.map((p: { id: string }) => p.id)).toContain('m0002')
  })

  it('marks the demo people the seed left unbound as not bound', async () => {
    const unbound = await host.store.get('members', PEOPLE.unboundMember)
    const bound = await host.store.get('members', PEOPLE.unit03Member)
    for (const [member, expected] of [
      [unbound, false],
      [bound, true],
    ] as const) {
      const reply = await request(host.base, `/dev/people?q=${encodeURIComponent(member!.staffNo)}`, { method: 'GET' })
      expect(reply.body.data).toContainEqual(expect.objectContaining({ id: member!._id, bound: expected }))
    }
  })

  it('answers NOT_FOUND to a login for nobody, or with no member id at all', async () => {
    for (const body of [JSON.stringify({ memberId: 'm9999' }), JSON.stringify({ memberId: 5 }), '{}', 'null']) {
      const reply = await request(host.base, '/dev/login', { body })
      expect(reply).toMatchObject({ status: 200, body: { ok: false, code: 'NOT_FOUND' } })
      expect(reply.body.data).toBeUndefined()
    }
  })

  describe('treats a token it cannot trust as no token', () => {
    const openid = demoOpenid('100001')

    it.each([
      ['a tampered signature', () => signSession(SECRET, openid).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))],
      [
        'a payload swapped for another person’s',
        () => {
          const [, signature] = signSession(SECRET, demoOpenid('200003')).split('.')
          const payload = Buffer.from(JSON.stringify({ openid, exp: Date.now() + 86_400_000 })).toString('base64url')
          return `${payload}.${signature}`
        },
      ],
      ['an expired token', () => signSession(SECRET, openid, Date.now() - 31 * 86_400_000)],
      ['a token signed with another secret', () => signSession('another-secret', openid)],
      ['garbage', () => 'not-a-token'],
    ])('%s → NOT_SIGNED_IN', async (_what, token) => {
      const reply = await call(host.base, 'notices', 'adminList', {}, token())
      expect(reply.body).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' })
    })

    it('a token without the Bearer scheme → NOT_SIGNED_IN', async () => {
      const reply = await request(host.base, '/api/members', {
        body: JSON.stringify({ action: 'me' }),
        authorization: signSession(SECRET, openid),
      })
      expect(reply.body).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' })
    })
  })

  it('answers 404 JSON for a function that does not exist', async () => {
    for (const name of ['nothing', 'constructor']) {
      const reply = await call(host.base, name, 'home')
      expect(reply.status).toBe(404)
      expect(reply.contentType).toMatch(/^application\/json/)
      expect(reply.body).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    }
  })

  it('refuses a body over 1 MB with 413 INVALID_INPUT', async () => {
    const body = JSON.stringify({ action: 'home', payload: { padding: 'x'.repeat(1024 * 1024) } })
    const reply = await request(host.base, '/api/notices', { body })
    expect(reply.status).toBe(413)
    expect(reply.body).toEqual({ ok: false, code: 'INVALID_INPUT', message: '请求内容过大' })
  })

  it('refuses malformed JSON with 400 INVALID_INPUT', async () => {
    const reply = await request(host.base, '/api/notices', { body: '{"action": "home",' })
    expect(reply.status).toBe(400)
    expect(reply.body).toEqual({ ok: false, code: 'INVALID_INPUT', message: '请求格式不正确' })
  })

  it('answers 405 to any method but POST on the API', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const reply = await request(host.base, '/api/notices', { method })
      expect(reply.status).toBe(405)
      expect(reply.body).toMatchObject({ ok: false })
    }
  })

  it('answers 404 JSON for pages when no H5 build is served', async () => {
    const reply = await request(host.base, '/pages/index/index', { method: 'GET' })
    expect(reply).toMatchObject({ status: 404, body: { ok: false, code: 'NOT_FOUND' } })
  })
})

describe('host files: uploads, and downloads through signed links', () => {
  let host: Running
  /** How far ahead of the real clock the host's file store runs, so a link can be made to expire. */
  let filesClockAhead = 0
  let office: string

  beforeAll(async () => {
    const files = new LocalFileStore(mkdtempSync(join(tmpdir(), 'jiaogong-host-files-')), SECRET, () => Date.now() + filesClockAhead)
    host = await start({ demo: true, files })
    office = await loginAt(host.base, PEOPLE.office)
  })

  afterAll(() => stop(host))

  afterEach(() => {
    filesClockAhead = 0
  })

  /** What the signed link `url` names, opened through the host's own file store. */
  async function linkedFile(url: string) {
    const link = new URL(url, host.base)
    return host.files.opened(link.pathname.replace('/files/', ''), link.searchParams.get('expires'), link.searchParams.get('sig'))
  }

  it('refuses an upload without a session, or with a session it cannot trust: 401 NOT_SIGNED_IN', async () => {
    for (const token of [undefined, 'not-a-token', signSession('another-secret', demoOpenid('100001'))]) {
      const reply = await upload(host.base, 'data', token)
      expect(reply.status).toBe(401)
      expect(reply.body).toEqual({ ok: false, code: 'NOT_SIGNED_IN', message: '请先登录' })
    }
  })

  it('keeps a signed-in user’s upload for an hour under a new file id, with its name and without any folder the name gives', async () => {
    const reply = await upload(host.base, 'a small file', office, '2026年 会员名册.xlsx')
    expect(reply).toMatchObject({ status: 200, body: { ok: true, data: { fileId: expect.stringMatching(/^[0-9a-f]{32}$/) } } })
    const { fileId } = reply.body.data
    expect((await host.files.read(fileId))?.toString()).toBe('a small file')
    expect(await linkedFile(await host.files.downloadUrl(fileId))).toMatchObject({ fileName: '2026年 会员名册.xlsx' })
    // Recorded for deletion within the hour, even if no function ever reads it.
    expect(await host.store.find('files', { fileId })).toEqual([expect.objectContaining({ removeAfter: expect.any(String) })])

    const sneaky = await upload(host.base, 'x', office, '..\\..\\.data/jiaogong.sqlite')
    expect(await linkedFile(await host.files.downloadUrl(sneaky.body.data.fileId))).toMatchObject({ fileName: 'jiaogong.sqlite' })
  })

  it('refuses an empty upload: 400', async () => {
    const reply = await upload(host.base, '', office)
    expect(reply.status).toBe(400)
    expect(reply.body).toEqual({ ok: false, code: 'INVALID_INPUT', message: '文件是空的（0 字节）：请重新选择文件' })
  })

  it('takes a file of exactly 10 MB, refuses one byte more with 413 in Chinese, and goes on answering', async () => {
    expect(UPLOAD_LIMIT).toBe(10 * 1024 * 1024)
    const refused = await upload(host.base, Buffer.alloc(UPLOAD_LIMIT + 1, 1), office)
    expect(refused.status).toBe(413)
    expect(refused.body).toEqual({ ok: false, code: 'INVALID_INPUT', message: '文件超过 10 MB，无法上传：请删除多余内容后重试' })

    const taken = await upload(host.base, Buffer.alloc(UPLOAD_LIMIT, 1), office)
    expect(taken).toMatchObject({ status: 200, body: { ok: true } })
    expect((await host.files.read(taken.body.data.fileId))?.length).toBe(UPLOAD_LIMIT)
    expect((await call(host.base, 'members', 'me', {}, office)).body).toMatchObject({ ok: true, data: { id: PEOPLE.office } })
  })

  it('imports an uploaded roster: upload, preview, apply, then export and download it', async () => {
    const newcomer = {
      staffNo: '300009',
      name: '顾晓岚',
      gender: 'female' as const,
      birthDate: '1994-03-15',
      unitId: 'unit05',
      phone: '13612349876',
      status: 'active' as const,
      memberSince: '2024-09-01',
      duesPaid: true,
    }
    const roster = await writeRoster([newcomer], await host.store.find('units'))
    const { fileId } = (await upload(host.base, roster, office)).body.data

    // Any bound member may upload; only the union office may import.
    const member = await loginAt(host.base, PEOPLE.unit03Member)
    expect((await call(host.base, 'exports', 'rosterPreview', { fileId, full: false }, member)).body).toMatchObject({ ok: false, code: 'FORBIDDEN' })

    const preview = await call(host.base, 'exports', 'rosterPreview', { fileId, full: false }, office)
    expect(preview.body).toMatchObject({ ok: true, data: { counts: { add: 1, update: 0, markLeft: 0, errors: 0 } } })
    const applied = await call(host.base, 'exports', 'rosterApply', { fileId, full: false, planId: preview.body.data.planId }, office)
    expect(applied.body).toEqual({ ok: true, data: { added: 1, updated: 0, markedLeft: 0, unchanged: 0, done: true, applied: 1, total: 1 } })
    expect(await host.store.find('members', { staffNo: '300009' })).toEqual([expect.objectContaining({ name: '顾晓岚', roles: [] })])

    const exported = await call(host.base, 'exports', 'roster', {}, office)
    expect(exported.body).toMatchObject({ ok: true, data: { url: expect.stringMatching(/^\/files\/[0-9a-f]{32}\?/) } })
    const { url, fileName } = exported.body.data
    const res = await fetch(host.base + url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers.get('cache-control')).toBe('no-store')
    const disposition = /^attachment; filename="([\x20-\x7e]+)"; filename\*=UTF-8''(\S+)$/.exec(res.headers.get('content-disposition') ?? '')
    expect(disposition).not.toBeNull()
    expect(decodeURIComponent(disposition![2])).toBe(fileName)
    expect(fileName).toMatch(/^会员名册-全部分工会-\d{8}\.xlsx$/)

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer)
    const staffNos = workbook.worksheets[0].getColumn(1).values
    expect(staffNos).toContain('300009')
    expect(staffNos).toContain('100001')
  })

  it('answers 404 JSON to a link with a tampered signature or expiry, without one, or past its ten minutes', async () => {
    const { url } = (await call(host.base, 'exports', 'rosterTemplate', {}, office)).body.data
    const link = new URL(url, host.base)
    const variant = (name: string, value: string | null) => {
      const changed = new URL(link)
      if (value === null) changed.searchParams.delete(name)
      else changed.searchParams.set(name, value)
      return changed.pathname + changed.search
    }
    const sig = link.searchParams.get('sig')!
    const expires = Number(link.searchParams.get('expires'))
    const gone = { ok: false, code: 'NOT_FOUND', message: '下载链接已失效（链接十分钟内有效）：请回到页面重新下载' }

    expect((await fetch(host.base + url)).status).toBe(200)
    for (const path of [
      variant('sig', sig.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))),
      variant('expires', String(expires + 1000)),
      variant('sig', null),
      variant('expires', null),
    ]) {
      const reply = await request(host.base, path, { method: 'GET' })
      expect(reply).toMatchObject({ status: 404, body: gone })
      expect(reply.contentType).toMatch(/^application\/json/)
    }

    filesClockAhead = DOWNLOAD_LINK_SECONDS * 1000 + 1000
    expect(await request(host.base, url, { method: 'GET' })).toMatchObject({ status: 404, body: gone })
  })

  it('never serves an uploaded file without a signed link', async () => {
    const { fileId } = (await upload(host.base, 'private', office)).body.data
    expect(await request(host.base, `/files/${fileId}`, { method: 'GET' })).toMatchObject({ status: 404, body: { ok: false, code: 'NOT_FOUND' } })
  })
})

describe('host outside demo mode', () => {
  let host: Running

  beforeAll(async () => {
    host = await start({ demo: false })
  })

  afterAll(() => stop(host))

  it('offers no development login: 404 and no token issued', async () => {
    const login = await request(host.base, '/dev/login', { body: JSON.stringify({ memberId: PEOPLE.office }) })
    expect(login.status).toBe(404)
    expect(login.body).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(JSON.stringify(login.body)).not.toMatch(/token/)
    const people = await request(host.base, '/dev/people', { method: 'GET' })
    expect(people.status).toBe(404)
  })

  it('still serves the functions to a signed session', async () => {
    const token = signSession(SECRET, demoOpenid('100001'))
    const reply = await call(host.base, 'members', 'me', {}, token)
    expect(reply.body).toMatchObject({ ok: true, data: { id: 'm0001' } })
  })
})

/** What node:http gives back (fetch cannot set a Host header). */
interface RawReply {
  status: number
  headers: IncomingHttpHeaders
  text: string
}

/** One request over node:http, with any Host header. */
function rawRequest(base: string, path: string, init: { method?: string; host?: string; headers?: Record<string, string>; body?: string } = {}) {
  const { port } = new URL(base)
  const headers = { ...init.headers, ...(init.host ? { host: init.host } : {}) }
  return new Promise<RawReply>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }))
    })
    req.on('error', reject)
    req.end(init.body)
  })
}

const portOf = (base: string) => Number(new URL(base).port)

describe('host answers only to its own names (DNS rebinding)', () => {
  let host: Running
  let port: number

  beforeAll(async () => {
    host = await start({ demo: true })
    port = portOf(host.base)
  })

  afterAll(() => stop(host))

  const refusal = (named: string) => ({
    ok: false,
    code: 'FORBIDDEN',
    message: `请用本机地址打开教工之家（如 http://localhost:${port}/）：这个请求发往「${named}」，不是本机的地址，已拒绝`,
  })

  it.each(['localhost', 'LocalHost', '127.0.0.1', '[::1]'])('serves a request addressed to %s with its port', async (name) => {
    const reply = await rawRequest(host.base, '/dev/people', { host: `${name}:${port}` })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.text)).toMatchObject({ ok: true })
  })

  it.each([
    ['a rebound name', () => `attacker.example:${port}`],
    ['a loopback address at another port', () => `127.0.0.1:${port + 1}`],
    ['localhost without the port', () => 'localhost'],
    ['a name with credentials', () => `user@localhost:${port}`],
    ['a name with a path', () => `localhost:${port}/x`],
  ])('refuses %s: 403 FORBIDDEN, in Chinese', async (_what, host_) => {
    const named = host_()
    const reply = await rawRequest(host.base, '/dev/people', { host: named })
    expect(reply.status).toBe(403)
    expect(JSON.parse(reply.text)).toEqual(refusal(named))
  })

  it('refuses a request with no Host header at all (HTTP/1.0; Node itself answers 400 to HTTP/1.1 without one)', async () => {
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.end('GET /dev/people HTTP/1.0\r\n\r\n'))
      let text = ''
      socket.on('data', (chunk) => (text += chunk))
      socket.on('end', () => resolve(text))
    })
    expect(answer).toMatch(/^HTTP\/1\.1 403 /)
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual(refusal(''))
  })

  it('gives a rebound page no development login, and changes nothing', async () => {
    const before = await host.store.find('bindings')
    const reply = await rawRequest(host.base, '/dev/login', {
      method: 'POST',
      host: `attacker.example:${port}`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ memberId: PEOPLE.office }),
    })
    expect(reply.status).toBe(403)
    expect(JSON.parse(reply.text)).toEqual(refusal(`attacker.example:${port}`))
    expect(reply.text).not.toMatch(/token/)
    expect(await host.store.find('bindings')).toEqual(before)
  })

  it('answers to the names allowedHosts lists, and only those', async () => {
    const named = await start({ demo: true, allowedHosts: ['jiaogong.test'] })
    try {
      const namedPort = portOf(named.base)
      expect((await rawRequest(named.base, '/dev/people', { host: `jiaogong.test:${namedPort}` })).status).toBe(200)
      expect((await rawRequest(named.base, '/dev/people', { host: `localhost:${namedPort}` })).status).toBe(403)
    } finally {
      await stop(named)
    }
  })
})

describe('host uploads: bound members only, one at a time, within a quota', () => {
  let host: Running
  let filesDir: string

  beforeAll(async () => {
    filesDir = mkdtempSync(join(tmpdir(), 'jiaogong-host-quota-'))
    host = await start({ demo: true, files: new LocalFileStore(filesDir, SECRET) })
  })

  afterAll(() => stop(host))

  /** What the refusal left behind: the files on disk and the store's file records. */
  const leftBehind = async () => ({ disk: readdirSync(filesDir).length, records: (await host.store.find('files')).length })

  it('refuses a signed-in user not bound to a member: 403 NOT_BOUND, nothing saved', async () => {
    const before = await leftBehind()
    const reply = await upload(host.base, 'data', await loginAt(host.base, PEOPLE.unboundMember))
    expect(reply.status).toBe(403)
    expect(reply.body).toEqual({ ok: false, code: 'NOT_BOUND', message: '请先绑定会员身份（工号与姓名），绑定后即可使用' })
    expect(await leftBehind()).toEqual(before)
  })

  it('refuses a member who has left: 403 FORBIDDEN, nothing saved', async () => {
    const token = await loginAt(host.base, PEOPLE.unitAdmin)
    await host.store.update('members', { _id: PEOPLE.unitAdmin }, { $set: { status: 'left' } })
    const before = await leftBehind()
    const reply = await upload(host.base, 'data', token)
    expect(reply.status).toBe(403)
    expect(reply.body).toEqual({ ok: false, code: 'FORBIDDEN', message: '您的会员身份已注销（离校），如有疑问请联系校工会' })
    expect(await leftBehind()).toEqual(before)
  })

  it('takes 20 files an hour from one person, refuses the 21st with 429 QUOTA_EXCEEDED saying when, and not others’', async () => {
    const token = await loginAt(host.base, PEOPLE.unit01Member)
    for (let i = 0; i < 20; i += 1) expect((await upload(host.base, `file ${i}`, token)).status).toBe(200)
    const before = await leftBehind()
    const refused = await upload(host.base, 'one more', token)
    expect(refused.status).toBe(429)
    expect(refused.body).toEqual({ ok: false, code: 'QUOTA_EXCEEDED', message: expect.any(String) })
    expect(refused.body.message).toMatch(/^上传太频繁：每人每小时最多上传 20 个文件、共 50 MB。请在 \d\d:\d\d（约 60 分钟后）再上传$/)
    expect(await leftBehind()).toEqual(before)
    expect((await upload(host.base, 'another person’s file', await loginAt(host.base, PEOPLE.unit03Member))).status).toBe(200)
  })

  it('of 30 uploads of 10 MB in a row takes 5 (50 MB) and refuses 25 with 429', async () => {
    const token = await loginAt(host.base, PEOPLE.office2)
    const statuses: number[] = []
    for (let i = 0; i < 30; i += 1) statuses.push((await upload(host.base, Buffer.alloc(UPLOAD_LIMIT, i), token)).status)
    expect(statuses).toEqual([...Array(5).fill(200), ...Array(25).fill(429)])
  }, 60_000)

  it('refuses a second upload while the person’s first is under way: 429 BUSY; the first then completes', async () => {
    const token = await loginAt(host.base, PEOPLE.delegate)
    // The first upload sends its headers and half its body, then waits.
    const first = httpRequest({
      host: '127.0.0.1',
      port: portOf(host.base),
      path: '/files',
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': '8', 'x-file-name': 'a.xlsx' },
    })
    const firstReply = new Promise<RawReply>((resolve) =>
      first.on('response', (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }))
      }),
    )
    first.on('error', () => undefined)
    first.write('half')
    try {
      await new Promise((resolve) => setTimeout(resolve, 200))
      const second = await upload(host.base, 'second', token)
      expect(second.status).toBe(429)
      expect(second.body).toEqual({ ok: false, code: 'BUSY', message: '上一个文件还在上传：请等它传完再上传下一个' })
    } finally {
      first.end('done')
    }
    expect(await firstReply).toMatchObject({ status: 200 })
    expect((await upload(host.base, 'third', token)).status).toBe(200)
  })
})

describe('host security headers', () => {
  let host: Running
  let office: string
  const SECURITY = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' }
  const NOTHING_RUNS = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

  beforeAll(async () => {
    const staticDir = mkdtempSync(join(tmpdir(), 'jiaogong-h5-'))
    writeFileSync(
      join(staticDir, 'index.html'),
      `<!doctype html><html><head><script>document.documentElement.lang = 'zh-CN'</script><script defer="defer" src="/js/app.js"></script></head><body></body></html>`,
    )
    mkdirSync(join(staticDir, 'js'))
    writeFileSync(join(staticDir, 'js/app.js'), 'console.log("app")')
    host = await start({ demo: true, staticDir })
    office = await loginAt(host.base, PEOPLE.office)
  })

  afterAll(() => stop(host))

  it('serves the app’s page under a policy that allows its inline script and the tab bar’s no-op link by hash, nothing from elsewhere', async () => {
    const reply = await rawRequest(host.base, '/')
    expect(reply.status).toBe(200)
    expect(reply.headers).toMatchObject({
      ...SECURITY,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy':
        "default-src 'self'; script-src 'self' 'unsafe-hashes' 'sha256-lfXlPY3+MCPOPb4mrw1Y961+745U3WlDQVcOXdchSQc=' " +
        "'sha256-qM1UvdBF/OR0ogvR4v6RL48kzILD03WSudA4zNXz8Zk='; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'",
    })
  })

  it('serves the build’s other files with nosniff and the policy under which nothing runs', async () => {
    const reply = await rawRequest(host.base, '/js/app.js')
    expect(reply.status).toBe(200)
    expect(reply.headers).toMatchObject({ ...SECURITY, 'content-type': 'text/javascript; charset=utf-8', 'content-security-policy': NOTHING_RUNS })
  })

  it.each([
    ['a function’s answer', '/api/notices', { method: 'POST', body: JSON.stringify({ action: 'home' }) }, 200],
    ['a refusal', '/api/nothing', { method: 'POST', body: '{}' }, 404],
    ['the development login', '/dev/people', {}, 200],
    ['a dead download link', `/files/${'0'.repeat(32)}?expires=1&sig=x`, {}, 404],
  ])('sends them with %s', async (_what, path, init, status) => {
    const reply = await rawRequest(host.base, path, init)
    expect(reply.status).toBe(status)
    expect(reply.headers).toMatchObject({ ...SECURITY, 'content-security-policy': NOTHING_RUNS })
  })

  it('sends them with a downloaded file', async () => {
    const { url } = (await call(host.base, 'exports', 'rosterTemplate', {}, office)).body.data
    const reply = await rawRequest(host.base, url)
    expect(reply.status).toBe(200)
    expect(reply.headers).toMatchObject({ ...SECURITY, 'content-security-policy': NOTHING_RUNS, 'cache-control': 'no-store' })
  })
})

describe('host without an H5 build (before the first, or while a rebuild has emptied dist/h5)', () => {
  let host: Running
  let staticDir: string

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'jiaogong-no-h5-'))
    host = await start({ demo: true, staticDir })
  })

  afterAll(() => stop(host))

  it.each(['/', '/pages/index/index', '/js/app.js'])('answers %s with a whole page saying in Chinese how to build it: 503', async (path) => {
    const reply = await rawRequest(host.base, path)
    expect(reply.status).toBe(503)
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(reply.text).toContain('<h1>页面尚未构建</h1>')
    expect(reply.text).toContain('请在项目目录运行 <code>npm run build:h5</code>，完成后刷新本页')
    expect(reply.text).toContain('如果正有构建在进行（构建一开始会清空 dist/h5），等它完成后刷新本页即可')
    expect(reply.text).toMatch(/<\/html>\n$/)
  })

  it('still runs the functions', async () => {
    expect((await call(host.base, 'notices', 'home')).body).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' })
  })

  it('serves the build as soon as it is there, without a restart', async () => {
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>教工之家</title>')
    const reply = await rawRequest(host.base, '/pages/index/index')
    expect(reply.status).toBe(200)
    expect(reply.text).toBe('<!doctype html><title>教工之家</title>')
  })
})

describe('host with clients that hang up mid-request', () => {
  let host: Running

  beforeAll(async () => {
    host = await start({ demo: true })
  })

  afterAll(() => stop(host))

  /** Opens a connection, sends the headers and part of a body it promises to finish, and hangs up. */
  function hangUp(port: number) {
    return new Promise<void>((done) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`POST /api/notices HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"action":`)
        setTimeout(() => {
          socket.destroy()
          done()
        }, 100)
      })
    })
  }

  it('logs 25 hang-ups as one line without a stack, and goes on answering', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      await Promise.all(Array.from({ length: 25 }, () => hangUp(portOf(host.base))))
      // Every connection is gone once the server counts none.
      for (;;) {
        const open = await new Promise<number>((resolve) => host.server.getConnections((_error, count) => resolve(count)))
        if (open === 0) break
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(warn.mock.calls).toEqual([['[host] a client hung up before its request arrived whole: POST /api/notices']])
      expect(error).not.toHaveBeenCalled()
    } finally {
      warn.mockRestore()
      error.mockRestore()
    }
    expect((await call(host.base, 'notices', 'home')).body).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' })
  })
})

describe('host time limits', () => {
  /** Resolves the slow action's wait. */
  let release: () => void = () => undefined
  let finished = false

  /** A function whose one action waits until the test releases it, then notes that it finished. */
  const slow = defineFunction<{ wait: { request: Record<string, never>; response: { waited: true } } }>('slow', {
    wait: action({
      allow: 'user',
      input: EmptySchema,
      async handle() {
        await new Promise<void>((resolve) => (release = resolve))
        finished = true
        return { waited: true as const }
      },
    }),
  }, { config: { timeout: 0.3 } })

  let host: Running
  let token: string

  beforeAll(async () => {
    host = await start({ demo: true, functions: { ...FUNCTIONS, slow }, timeouts: { ...TIMEOUTS, slow: 0.3 } })
    token = await loginAt(host.base, PEOPLE.office)
  })

  afterAll(() => stop(host))

  beforeEach(() => {
    finished = false
  })

  it('reads each function’s limit from its config.json', () => {
    expect(TIMEOUTS).toEqual({ audit: 10, benefits: 20, events: 20, exports: 60, members: 10, messages: 20, notices: 10, proposals: 10 })
  })

  it('answers TIMEOUT when a call runs past its function’s limit; the call itself runs on', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    // Were there no limit, the call would end here, a second in, and answer as usual.
    const fallback = setTimeout(() => release(), 1000)
    try {
      const started = Date.now()
      const reply = await call(host.base, 'slow', 'wait', {}, token)
      const elapsed = Date.now() - started
      expect(reply).toMatchObject({ status: 200 })
      expect(reply.body).toEqual({
        ok: false,
        code: 'TIMEOUT',
        message: '操作超时：处理时间过长，这次操作可能已经完成，也可能没有完成。请先刷新查看结果，确认没有完成再重试',
      })
      expect(elapsed).toBeGreaterThanOrEqual(290)
      expect(elapsed).toBeLessThan(2000)
      expect(warn.mock.calls).toEqual([['[host] slow ran past its 0.3 s limit: answered TIMEOUT, the call runs on']])
    } finally {
      clearTimeout(fallback)
      warn.mockRestore()
    }
    expect(finished).toBe(false)
    release()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(finished).toBe(true)
  })

  it('answers a call that ends within its limit as usual', async () => {
    const reply = call(host.base, 'slow', 'wait', {}, token)
    await new Promise((resolve) => setTimeout(resolve, 100))
    release()
    expect((await reply).body).toEqual({ ok: true, data: { waited: true } })
  })

  it('gives a function without a limit CloudBase’s 3 s', async () => {
    const unlisted = await start({ demo: true, functions: { slow }, timeouts: {} })
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    const fallback = setTimeout(() => release(), 5000)
    try {
      const started = Date.now()
      const reply = await call(unlisted.base, 'slow', 'wait', {}, await loginAt(unlisted.base, PEOPLE.office))
      const elapsed = Date.now() - started
      expect(reply.body).toMatchObject({ ok: false, code: 'TIMEOUT' })
      expect(elapsed).toBeGreaterThanOrEqual(2990)
      expect(elapsed).toBeLessThan(4500)
      release()
    } finally {
      clearTimeout(fallback)
      warn.mockRestore()
      await stop(unlisted)
    }
  }, 10_000)
})

describe('buildFunctions', () => {
  // Under the repo (gitignored), so Node resolves wx-server-sdk from its node_modules.
  const outDir = join(root, 'test-results', 'functions-build')
  let bundles: Record<string, FunctionBundle>

  beforeAll(async () => {
    bundles = await buildFunctions(outDir)
  }, 60_000)

  it('writes one deployable folder per function and nothing else', () => {
    expect(readdirSync(outDir).sort()).toEqual(Object.keys(FUNCTIONS).sort())
    expect(Object.keys(bundles).sort()).toEqual(Object.keys(FUNCTIONS).sort())
  })

  it.each(Object.keys(FUNCTIONS))('%s: index.js, package.json with wx-server-sdk, config.json; no TypeScript', (name) => {
    const dir = join(outDir, name)
    expect(readdirSync(dir).sort()).toEqual(['config.json', 'index.js', 'package.json'])
    expect(readdirSync(dir).filter((file) => file.endsWith('.ts'))).toEqual([])
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    expect(pkg).toMatchObject({ name, main: 'index.js', dependencies: { 'wx-server-sdk': expect.any(String) } })
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual(
      JSON.parse(readFileSync(join(root, 'cloudfunctions', name, 'config.json'), 'utf8')),
    )
  })

  /** exceljs and docx make the exports function large; every other function stays small, so it starts fast. */
  // exports holds exceljs and docx (the 提案汇编, 340 KiB); benefits the lunar calendar (tyme4ts, 213 KiB) for festival dates.
  const BUNDLE_LIMITS: Record<string, number> = { exports: 2048 * 1024, benefits: 400 * 1024 }

  it.each(['exceljs', 'docx'])('bundles %s once: into the exports function, which holds every Excel and Word file in and out, and no other', (pkg) => {
    const withIt = Object.entries(bundles).filter(([, bundle]) => bundle.packages.includes(pkg))
    expect(withIt.map(([name]) => name)).toEqual(['exports'])
  })

  it.each(Object.keys(FUNCTIONS))('%s: a bundle within its size that needs only wx-server-sdk and Node built-ins', (name) => {
    const file = join(outDir, name, 'index.js')
    const { bytes } = bundles[name]
    console.log(`cloudfunctions bundle ${name}/index.js: ${(bytes / 1024).toFixed(1)} KiB`)
    expect(bytes).toBe(readFileSync(file).length)
    expect(bytes).toBeLessThan(BUNDLE_LIMITS[name] ?? 200 * 1024)
    const required = [...readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1])
    expect(required.filter((module) => module !== 'wx-server-sdk' && !isBuiltin(module))).toEqual([])
    expect(required).toContain('wx-server-sdk')
  })

  it.each(Object.keys(FUNCTIONS))('%s: loads in plain Node and exports main', (name) => {
    const file = join(outDir, name, 'index.js')
    expect(existsSync(file)).toBe(true)
    const script = `const m = require(${JSON.stringify(file)}); process.stdout.write(typeof m.main)`
    expect(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })).toBe('function')
  })
})

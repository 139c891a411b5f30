/**
 * Sign-up rush benchmark (`npm run bench:signup`): N members (default 3,000; `N=…`) sign up over HTTP through the
 * local host, CONCURRENCY (default 200) at a time, for one event of capacity C (default 500; `C=…`) with an
 * automatic waitlist, each with its own idempotency key as the app sends it. The host runs in a child process over a
 * fresh SQLite file (the demo union plus members seeded up to N, all bound to demo OPENIDs), so the clients here do
 * not share its core. Printed: sign-ups per second, p50 and p99 latency, the invariant check, and the same for the
 * host's cheapest signed-in action (`members.me`, the floor) with the ratio of the two.
 * A shared machine's pace drifts by a third from one second to the next, so the two are measured side by side
 * ROUNDS times (default 5; `ROUNDS=…`), each rush on an event of its own, and the medians are what is judged.
 * Targets (2-core machine): ≥ 2,500 sign-ups/s, p99 ≤ 150 ms at 200 concurrent clients, ≥ 0.6 of the floor.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import type { MemberDoc } from '../../cloudfunctions/core/collections'
import { LocalFileStore } from '../../cloudfunctions/core/files/local'
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { OutboxWeChatApi } from '../../cloudfunctions/core/wechatApi/outbox'
import { FUNCTIONS } from '../../cloudfunctions/registry'
import { eventViolations, countsOf, rushSettings } from '../../test/functions/eventsInvariants'
import { postJson } from '../host/postJson'
import { createHost } from '../host/server'
import { signSession } from '../host/session'
import { readTimeouts } from '../host/timeLimits'
import { DEMO_STAFF, demoOpenid, demoUnits, seedDemoUnion } from '../seed/demoUnion'

const N = Number(process.env.N ?? 3000)
const CAPACITY = Number(process.env.C ?? 500)
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 200)
const ROUNDS = Number(process.env.ROUNDS ?? 5)
const SECRET = 'bench-signup-secret'
const TARGETS = { perSecond: 2500, p99Ms: 150, ofFloor: 0.6 }
const root = resolve(__dirname, '../..')

/** The demo union, then members up to `count`, every one bound to its demo OPENID. */
async function seed(store: SqliteStore, count: number, now: Date): Promise<MemberDoc[]> {
  await seedDemoUnion(store, now)
  const units = demoUnits().slice(0, -1)
  const at = now.toISOString()
  const existing = await store.find('members', {}, { sort: { _id: 1 } })
  for (let i = existing.length; i < count; i++) {
    await store.insert('members', {
      _id: `b${String(i + 1).padStart(5, '0')}`,
      staffNo: String(3000001 + i),
      name: `会员${i + 1}`,
      gender: i % 2 ? 'female' : 'male',
      birthDate: '1980-05-01',
      unitId: units[i % units.length]._id,
      phone: `139${String(i).padStart(8, '0')}`,
      status: 'active',
      memberSince: '2010-09-01',
      duesPaid: true,
      roles: [],
      createdAt: at,
    })
  }
  const members = await store.find('members', {}, { sort: { _id: 1 } })
  const bound = new Set((await store.find('bindings')).map((binding) => binding.memberId))
  for (const member of members) {
    if (!bound.has(member._id)) await store.insert('bindings', { _id: demoOpenid(member.staffNo), memberId: member._id, boundAt: at })
  }
  return members.slice(0, count)
}

/** The child: the host over the bench's SQLite file; prints its port. */
async function serve(dbPath: string, filesDir: string) {
  const store = new SqliteStore(dbPath)
  const server = createHost({
    functions: FUNCTIONS,
    demo: true,
    timeouts: readTimeouts(join(root, 'cloudfunctions'), Object.keys(FUNCTIONS)),
    wechat: new OutboxWeChatApi(),
    store,
    files: new LocalFileStore(filesDir, SECRET),
    secret: SECRET,
  })
  server.keepAliveTimeout = 60_000
  server.listen(0, '127.0.0.1', () => {
    const address = server.address()
    console.log(`port ${typeof address === 'object' && address ? address.port : 0}`)
  })
  // The parent asks for the host's CPU time around each round: `cpu` on stdin answers `cpu <microseconds>`.
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() === 'cpu') {
      const used = process.cpuUsage()
      console.log(`cpu ${used.user + used.system}`)
    }
  })
  process.on('SIGTERM', () => {
    server.closeAllConnections()
    server.close(() => {
      store.close()
      process.exit(0)
    })
  })
}

interface Host {
  child: ChildProcess
  port: number
  /** The host process's CPU time so far, in microseconds. */
  cpu(): Promise<number>
}

async function startChild(dbPath: string, filesDir: string): Promise<Host> {
  // BENCH_PROFILE=<folder>: the host writes a CPU profile there (node --cpu-prof) as it exits.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []
  const child = spawn(process.execPath, [...profile, ...process.execArgv, __filename, '--serve', dbPath, filesDir], { stdio: ['pipe', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout! })
  const waiting: ((micros: number) => void)[] = []
  const port = await new Promise<number>((ready, fail) => {
    lines.on('line', (line) => {
      const match = /^port (\d+)$/.exec(line)
      const cpu = /^cpu (\d+)$/.exec(line)
      if (match) ready(Number(match[1]))
      else if (cpu) waiting.shift()?.(Number(cpu[1]))
      else console.log(`[host] ${line}`)
    })
    child.on('exit', (code) => fail(new Error(`host exited with ${code}`)))
  })
  const cpu = () =>
    new Promise<number>((answer) => {
      waiting.push(answer)
      child.stdin!.write('cpu\n')
    })
  return { child, port, cpu }
}

interface Client {
  port: number
  agent: Agent
}

const post = (client: Client, path: string, body: unknown, token?: string) =>
  postJson<{ ok: boolean; data?: unknown; code?: string; message?: string }>(client.agent, `http://127.0.0.1:${client.port}${path}`, body, token)

interface Round {
  /** The host's CPU time per request, ms. */
  hostCpuMs?: number
  perSecond: number
  p50: number
  p99: number
  failures: Map<string, number>
}

/** `count` requests, `CONCURRENCY` in flight at a time; each request's latency from send to answer. */
async function round(count: number, send: (i: number) => Promise<{ ok: boolean; code?: string }>): Promise<Round> {
  const latencies: number[] = []
  const failures = new Map<string, number>()
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, count) }, async () => {
      while (next < count) {
        const i = next++
        const sent = performance.now()
        const answer = await send(i)
        latencies.push(performance.now() - sent)
        if (!answer.ok) failures.set(answer.code ?? '?', (failures.get(answer.code ?? '?') ?? 0) + 1)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10
  return { perSecond: Math.round(count / seconds), p50: at(0.5), p99: at(0.99), failures }
}

/** A round, with the host's CPU time per request measured around it. */
async function measured(host: Host, count: number, send: (i: number) => Promise<{ ok: boolean; code?: string }>): Promise<Round> {
  const before = await host.cpu()
  const result = await round(count, send)
  return { ...result, hostCpuMs: Math.round(((await host.cpu()) - before) / count) / 1000 }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Each figure's median over the rounds; the failures of all of them, added up. */
const medianRound = (rounds: Round[]): Round => ({
  perSecond: Math.round(median(rounds.map((round) => round.perSecond))),
  p50: median(rounds.map((round) => round.p50)),
  p99: median(rounds.map((round) => round.p99)),
  hostCpuMs: median(rounds.map((round) => round.hostCpuMs ?? 0)),
  failures: rounds.reduce((all, round) => {
    for (const [code, count] of round.failures) all.set(code, (all.get(code) ?? 0) + count)
    return all
  }, new Map<string, number>()),
})

const describeRound = (round: Round) =>
  `${round.perSecond}/s, p50 ${round.p50} ms, p99 ${round.p99} ms, host CPU ${round.hostCpuMs} ms a request${round.failures.size ? `, failures ${JSON.stringify(Object.fromEntries(round.failures))}` : ''}`

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'jiaogong-bench-signup-'))
  const dbPath = join(dir, 'bench.sqlite')
  let child: ChildProcess | undefined
  try {
    const now = new Date()
    const seeding = new SqliteStore(dbPath)
    const members = await seed(seeding, N, now)
    seeding.close()
    const host = await startChild(dbPath, join(dir, 'files'))
    child = host.child
    const client: Client = { port: host.port, agent: new Agent({ keepAlive: true, maxSockets: CONCURRENCY }) }
    const tokens = members.map((member) => signSession(SECRET, demoOpenid(member.staffNo)))
    const office = signSession(SECRET, demoOpenid(DEMO_STAFF[0].staffNo))

    /** An event of capacity C with a waitlist, created and published as the union office. */
    const openEvent = async (title: string, key: string) => {
      const created = await post(client, '/api/events', { action: 'create', payload: { settings: rushSettings(now, { capacity: CAPACITY, title }) }, idempotencyKey: key }, office)
      if (!created.ok) throw new Error(`create: ${created.message}`)
      const id = (created.data as { id: string }).id
      const published = await post(client, '/api/events', { action: 'publish', payload: { eventId: id } }, office)
      if (!published.ok) throw new Error(`publish: ${published.message}`)
      return id
    }
    const signUps = (id: string, keys: string) => (i: number) => post(client, '/api/events', { action: 'signUp', payload: { eventId: id, answers: {} }, idempotencyKey: `${keys}-${i}` }, tokens[i])

    // Warm-up, as a host under a rush is warm: both paths once through (a sign-up rush on an event of its own).
    // Then the floor and a rush side by side, ROUNDS times.
    const warmUp = await openEvent('教职工迎新春联欢会', 'bench-create-warm')
    await round(N, (i) => post(client, '/api/members', { action: 'me', payload: {} }, tokens[i]))
    await round(N, signUps(warmUp, 'bench-warm'))
    const pairs: { floor: Round; rush: Round; eventId: string }[] = []
    for (let r = 1; r <= ROUNDS; r++) {
      const eventId = await openEvent(`教职工新年音乐会（第 ${r} 场）`, `bench-create-${String(r).padStart(4, '0')}`)
      const floor = await measured(host, N, (i) => post(client, '/api/members', { action: 'me', payload: {} }, tokens[i]))
      const rush = await measured(host, N, signUps(eventId, `bench-signup-${r}`))
      pairs.push({ floor, rush, eventId })
      if (process.env.BENCH_VERBOSE) console.log(`  round ${r}: floor ${describeRound(floor)}; rush ${describeRound(rush)}`)
    }

    child.kill('SIGTERM')
    await new Promise((exited) => child!.once('exit', exited))
    child = undefined
    const store = new SqliteStore(dbPath)
    const checked = []
    for (const { eventId } of pairs) checked.push({ violations: await eventViolations(store, eventId, { quiet: true }), counts: await countsOf(store, eventId) })
    store.close()

    const floor = medianRound(pairs.map((pair) => pair.floor))
    const rush = medianRound(pairs.map((pair) => pair.rush))
    const ratio = median(pairs.map((pair) => pair.rush.perSecond / pair.floor.perSecond))
    const violations = checked.flatMap((check) => check.violations)
    const met = rush.perSecond >= TARGETS.perSecond && rush.p99 <= TARGETS.p99Ms && ratio >= TARGETS.ofFloor
    console.log(`sign-up rush: ${N} members, capacity ${CAPACITY}, waitlist on, ${CONCURRENCY} concurrent clients over HTTP; medians of ${ROUNDS} rounds`)
    console.log(`  members.me (floor)  ${describeRound(floor)}`)
    console.log(`  events.signUp       ${describeRound(rush)}`)
    console.log(`  ratio to the floor  ${Math.round(ratio * 100) / 100}  (rounds: ${pairs.map((pair) => (pair.rush.perSecond / pair.floor.perSecond).toFixed(2)).join(', ')})`)
    const expected = { held: Math.min(CAPACITY, N), waiting: Math.max(0, N - CAPACITY) }
    const wrong = checked.some((check) => check.counts.held !== expected.held || check.counts.waiting !== expected.waiting)
    const held = wrong
      ? checked.map(({ counts }, i) => `rush ${i + 1}: held ${counts.held}, waiting ${counts.waiting}, remaining ${counts.remaining}`).join('; ')
      : `every rush: held ${expected.held} of ${CAPACITY}, waiting ${expected.waiting}`
    console.log(`  ${held}; violations: ${violations.length}${violations.length ? ` (${violations.join('; ')})` : ''}`)
    console.log(`  targets: ≥ ${TARGETS.perSecond}/s, p99 ≤ ${TARGETS.p99Ms} ms, ≥ ${TARGETS.ofFloor} of the floor: ${met ? 'met' : 'MISSED'}`)
    if (violations.length || wrong || pairs.some((pair) => pair.rush.failures.size)) process.exitCode = 1
  } finally {
    if (child) child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  const serving = process.argv.indexOf('--serve')
  const run = serving >= 0 ? serve(process.argv[serving + 1], process.argv[serving + 2]) : main()
  run.catch((error) => {
    console.error(error)
    process.exitCode = 1
  })
}

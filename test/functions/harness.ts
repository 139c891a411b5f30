/**
 * The functions layer's harness: a real in-memory SQLite store seeded with the demo union, a fixed clock, and
 * `callAs` to run any action as any kind of caller exactly as the entry points do (`fn.run(event, environment)`).
 */
import { mkdtempSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { COLLECTIONS, type BenefitPayoutDoc, type CollectionName, type DocOf, type MemberDoc } from '../../cloudfunctions/core/collections'
import type { CloudFunction } from '../../cloudfunctions/core/defineFunction'
import type { Identity } from '../../cloudfunctions/core/context'
import type { Store } from '../../cloudfunctions/core/store/port'
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { InterleavingStore } from '../interleavingStore'
import { LocalFileStore } from '../../cloudfunctions/core/files/local'
import { keepForAWhile } from '../../cloudfunctions/core/files/retention'
import type { FileStore } from '../../cloudfunctions/core/files/port'
import { OutboxWeChatApi } from '../../cloudfunctions/core/wechatApi/outbox'
import type { WeChatApi } from '../../cloudfunctions/core/wechatApi/port'
import { FUNCTIONS } from '../../cloudfunctions/registry'
import { planIdOf } from '../../cloudfunctions/exports/roster/preview'
import { writeRoster } from '../../cloudfunctions/exports/roster/rosterFile'
import { delegatesWorkbook } from '../../cloudfunctions/exports/delegatesFile'
import { planDelegates } from '../../cloudfunctions/exports/delegatesPlan'
import { DEMO_DELEGATIONS } from '../../scripts/seed/demoProposals'
import { planImport, type RosterMember } from '../../cloudfunctions/exports/roster/rosterPlan'
import { demoMembers, demoOpenid, demoUnits, seedDemoUnion } from '../../scripts/seed/demoUnion'
import { demoEventList } from '../../scripts/seed/demoEvents'
import { signupId } from '../../cloudfunctions/events/seats'
import type { ActionName, FunctionName, ResponseOf } from '../../types/contracts'
import type { DownloadLink } from '../../types/exports'
import type { ApiFailure, ApiResult, ApiSuccess } from '../../types/result'

/** The fixed "now" every test runs at; the demo union is seeded at this moment. */
export const NOW = new Date('2026-11-20T02:00:00.000Z')

export const HOUR = 3_600_000
export const DAY = 24 * HOUR

/** The Shanghai calendar day of NOW (10:00 there): "today" for every date rule and member fact. */
export const TODAY = '2026-11-20'

/** `now` shifted by `ms` (negative: earlier). */
export const later = (ms: number, from: Date = NOW) => new Date(from.getTime() + ms)
export const iso = (ms: number, from: Date = NOW) => later(ms, from).toISOString()

/** Well-known demo people. */
export const PEOPLE = {
  /** Union office staff, unit01. */
  office: 'm0001',
  office2: 'm0002',
  /** An ordinary active member of unit01, a unit the retirement notice targets. */
  unit01Member: 'm0019',
  /** An active member of unit03, a unit neither targeted notice names. */
  unit03Member: 'm0058',
  /** A retired member of unit20 (离退休分工会). */
  retired: 'm0016',
  /** A demo member the seed leaves unbound. */
  unboundMember: 'm0300',
  /** Another unbound demo member (the seed leaves m0291..m0300 unbound). */
  unboundMember2: 'm0299',
  /** Holds unitAdmin:unit05 (文学院分工会) and delegate:session-6-2 (六届二次); a member of unit12. */
  unitAdmin: 'm0010',
  /** Holds delegate:session-6-2 (六届二次) only. */
  delegate: 'm0011',
  /** Holds committee:session-6-2 (六届二次's 提案工作委员会) only. */
  committee: 'm0040',
  /** Holds clubAdmin:club-badminton (羽毛球俱乐部) only. */
  clubAdmin: 'm0012',
  /** Holds handlingDept:dept-logistics (后勤管理处) only. */
  handlingDept: 'm0013',
  /** Holds unitAdmin:unit08 (化学与材料工程学院分工会) only. */
  otherUnitAdmin: 'm0014',
  /** An OPENID no binding points to. */
  strangerOpenid: 'openid-of-a-stranger',
} as const

/** The demo member `memberId` as the seed writes it at NOW. */
export function demoMember(memberId: string): MemberDoc {
  const member = demoMembers(NOW).find((candidate) => candidate._id === memberId)
  if (!member) throw new Error(`no demo member ${memberId}`)
  return member
}

/**
 * Completed years from `birthDate` to `day` (both 'YYYY-MM-DD'), worked out here from the numbers, so tests check the
 * functions' ages against an arithmetic of their own: the year is complete once the month and day are reached.
 */
export function completedYears(birthDate: string, day: string): number {
  const [birthYear, birthMonth, birthDay] = birthDate.split('-').map(Number)
  const [year, month, date] = day.split('-').map(Number)
  const reached = month > birthMonth || (month === birthMonth && date >= birthDay)
  return year - birthYear - (reached ? 0 : 1)
}

/** What a person types to bind as a demo member: their staff number, name and the last four digits of their phone. */
export function bindDetailsOf(memberId: string): { staffNo: string; name: string; phoneLast4: string } {
  const member = demoMember(memberId)
  return { staffNo: member.staffNo, name: member.name, phoneLast4: member.phone.slice(-4) }
}

/** The fields `members.updateMember` edits, as the demo seeds them for `memberId`, with `overrides` applied. */
export function memberEdit(memberId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { name, gender, birthDate, unitId, phone, status, memberSince, duesPaid } = demoMember(memberId)
  const fields: Record<string, unknown> = { name, gender, birthDate, unitId, phone, status, memberSince, duesPaid, ...overrides }
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined))
}

/** Seeded demo notices by id. */
export const NOTICES = {
  volleyball: 'notice-volleyball', // pinned, everyone, 1 day ago
  congress: 'notice-congress', // pinned, everyone, 3 days ago
  winterCare: 'notice-winter-care', // everyone, 5 days ago
  retirement: 'notice-retirement', // units 20, 01, 02; 8 days ago
  funds: 'notice-funds', // everyone, 12 days ago
  yoga: 'notice-yoga', // units 14, 05, 06; 20 days ago
} as const

/**
 * Who calls:
 *   a member id      → that member's OPENID (their binding, else the demo OPENID, which is then unbound)
 *   'anonymous'      → no OPENID
 *   any other string → used as a raw OPENID (e.g. one with no binding)
 *   { openid }       → that OPENID
 *   { trigger }      → a timer trigger of that name (a function's own is 'jobs')
 */
export type Who = string | { openid: string } | { trigger: string }

export interface CallOptions {
  /** The clock for this call; default NOW. */
  now?: Date
  /** The file store; default `testFiles`. */
  files?: FileStore
  /** Where subscription messages go; default `testWeChat`. */
  wechat?: WeChatApi
}

/** WeChat as the tests' functions see it: an outbox recording every subscription message sent. */
export const testWeChat = new OutboxWeChatApi()

/** Where `testFiles` keeps its files: a fresh folder under the system's tmp. */
const testFilesDir = mkdtempSync(join(tmpdir(), 'jiaogong-files-'))

/** The file store every call of this test file uses unless told otherwise. */
export const testFiles = new LocalFileStore(testFilesDir, 'test-file-secret')

/** The smallest PNG there is: a picture every image check accepts. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')

/** A picture as the app uploads it (a proof photo): in `testFiles`, and kept a while for the call that uses it. */
export async function uploadPicture(store: Store, data: Buffer = PNG, name = 'proof.png'): Promise<string> {
  const fileId = await testFiles.save(name, data)
  await keepForAWhile(store, fileId, NOW)
  return fileId
}

/** Someone the demo union does not have: the roster file of VALID_PAYLOADS adds them to unit05. */
const ROSTER_NEWCOMER: RosterMember = {
  staffNo: '300001',
  name: '林晓雨',
  gender: 'female',
  birthDate: '1992-04-18',
  unitId: 'unit05',
  phone: '13712345678',
  status: 'active',
  memberSince: '2024-09-01',
  duesPaid: true,
}

/**
 * A roster file in `testFiles` that adds ROSTER_NEWCOMER, under a fixed id so payloads can name it before it is
 * written, and the planId a partial import of it has over the freshly seeded union: applying it really writes, so a
 * refused caller's "nothing changed" means something.
 */
export const VALID_ROSTER = {
  fileId: 'feedface'.repeat(4),
  planId: planIdOf(planImport({ rows: [{ row: 2, member: ROSTER_NEWCOMER }], errors: [] }, demoMembers(NOW), { full: false }), false),
} as const

/** Opens a download link the way the host does, by its id, expiry and signature: the file, or null. */
export async function download(link: DownloadLink, files: LocalFileStore = testFiles): Promise<{ fileName: string; data: Buffer } | null> {
  const url = new URL(link.url, 'http://host')
  const fileId = /^\/files\/([0-9a-f]{32})$/.exec(url.pathname)?.[1] ?? ''
  const file = await files.opened(fileId, url.searchParams.get('expires'), url.searchParams.get('sig'))
  return file && { fileName: file.fileName, data: await readFile(file.path) }
}

/** A local file's id is its name in the store's folder; `send` waits for this before any call. */
const validRosterWritten = writeRoster([ROSTER_NEWCOMER], demoUnits()).then((data) => writeFile(join(testFilesDir, VALID_ROSTER.fileId), data))

/**
 * 六届二次's delegate list in `testFiles`, under a fixed id: the demo's ten in their 代表团, and m0019 (廖月佳, no
 * delegate yet) joining 人文社科代表团, so importing it really writes.
 */
export const delegateRows = (lists: [string, string[]][]) => {
  const byId = new Map(demoMembers(NOW).map((member) => [member._id, member]))
  return lists.flatMap(([delegation, ids]) => ids.map((id) => ({ staffNo: byId.get(id)!.staffNo, name: byId.get(id)!.name, delegation })))
}
const validDelegateRows = delegateRows([...DEMO_DELEGATIONS, ['人文社科代表团', [PEOPLE.unit01Member]]])
const demoDelegates = DEMO_DELEGATIONS.flatMap(([delegation, memberIds]) => memberIds.map((memberId) => ({ memberId, delegation })))
export const VALID_DELEGATES = { sessionId: 'session-6-2', fileId: 'deadbeef'.repeat(4) } as const
/** Its plan over the freshly seeded union, as its preview answers it. */
export const VALID_DELEGATES_PLAN = planDelegates('session-6-2', '六届二次', { rows: validDelegateRows.map((row, i) => ({ row: i + 2, ...row })), errors: [] }, demoMembers(NOW), demoDelegates).preview.planId
const validDelegatesWritten = delegatesWorkbook(validDelegateRows).then((data) => writeFile(join(testFilesDir, VALID_DELEGATES.fileId), data))

/**
 * The store every function test runs over: SQLite in memory behind the interleaving store, so concurrent calls
 * interleave around every read and write as they do on CloudBase (a race a test sets up can really happen).
 */
export type TestStore = InterleavingStore

export async function seededStore(now: Date = NOW, seed = 20261120): Promise<TestStore> {
  // Seeded straight into SQLite: the interleaving matters to the calls a test makes, not to the seed's inserts.
  const inner = new SqliteStore(':memory:')
  await seedDemoUnion(inner, now)
  return new InterleavingStore(inner, { seed })
}

export async function identityOf(store: Store, who: Who): Promise<Identity> {
  if (typeof who !== 'string') return 'trigger' in who ? { trigger: who.trigger } : { openid: who.openid }
  if (who === 'anonymous') return {}
  const member = await store.get('members', who)
  if (!member) return { openid: who }
  const [binding] = await store.find('bindings', { memberId: member._id })
  return { openid: binding?._id ?? demoOpenid(member.staffNo) }
}

export function functionOf(fn: FunctionName | CloudFunction): CloudFunction {
  if (typeof fn !== 'string') return fn
  const found = FUNCTIONS[fn]
  if (!found) throw new Error(`no function "${fn}" in FUNCTIONS`)
  return found
}

/** Runs a raw event (any shape at all) as `who`. */
export async function send(
  store: Store,
  fn: FunctionName | CloudFunction,
  who: Who,
  event: unknown,
  options: CallOptions = {},
): Promise<ApiResult<unknown>> {
  await validRosterWritten
  await validDelegatesWritten
  const identity = await identityOf(store, who)
  // A timer trigger sends CloudBase's timer event, not `{ action, payload }`.
  const body = identity.trigger ? { Type: 'Timer', TriggerName: identity.trigger } : event
  return functionOf(fn).run(body, { ...servicesOf(store, options), identity, now: options.now ?? NOW })
}

function servicesOf(store: Store, options: CallOptions) {
  return { store, files: options.files ?? testFiles, wechat: options.wechat ?? testWeChat }
}

/** Runs one job of a function now, due or not, as its trigger would. */
export function runJob(store: Store, fn: FunctionName, job: string, options: CallOptions = {}) {
  return functionOf(fn).runJob(job, { ...servicesOf(store, options), now: options.now ?? NOW })
}

/** What `fn.action` answers: its contract's response, or unknown for a name outside the contract. */
export type Answer<F extends FunctionName, A extends string> = A extends ActionName<F> ? ResponseOf<F, A> : unknown

/** Calls `fn.action(payload)` as `who`. The payload is not type-checked, so tests may send bad input. */
export async function callAs<F extends FunctionName, A extends string>(
  store: Store,
  fn: F,
  who: Who,
  action: A,
  payload?: unknown,
  options: CallOptions = {},
): Promise<ApiResult<Answer<F, A>>> {
  const event = payload === undefined ? { action } : { action, payload }
  return (await send(store, fn, who, event, options)) as ApiResult<Answer<F, A>>
}

/** The data of a successful result; fails the test (showing the error) otherwise. */
export function expectOk<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`)
  return (result as ApiSuccess<T>).data
}

/** The failure of a result; fails the test when it succeeded. */
export function expectFailure(result: ApiResult<unknown>, code?: ApiFailure['code']): ApiFailure {
  if (result.ok) throw new Error(`expected a failure${code ? ` ${code}` : ''}, got ok: ${JSON.stringify(result.data)}`)
  if (code) expect(result.code).toBe(code)
  return result
}

export type Snapshot = { [C in CollectionName]: DocOf<C>[] }

/** Every document of every collection, in id order: compare two to assert a call changed nothing. */
export async function snapshot(store: Store): Promise<Snapshot> {
  const entries = await Promise.all(
    (Object.keys(COLLECTIONS) as CollectionName[]).map(async (name) => [name, await store.find(name, {}, { sort: { _id: 1 } })]),
  )
  return Object.fromEntries(entries) as Snapshot
}

/** A hospital stay's 慰问金 for the unit01 member (a ledger entry), as an approval would write it. */
export function hospitalStay(id: string, amountFen: number): BenefitPayoutDoc {
  return {
    _id: id,
    memberId: PEOPLE.unit01Member,
    memberName: '测试',
    staffNo: '200019',
    unitId: 'unit01',
    kind: 'hospitalization',
    year: 2026,
    item: '住院慰问金',
    amountFen,
    form: 'cash',
    issuedAt: NOW.toISOString(),
    source: { type: 'birthday', policyAt: NOW.toISOString() },
    approvalRef: '测试',
    approverId: PEOPLE.office,
    approverName: '周建华',
    handout: { kind: 'pickup', place: '校工会' },
  }
}

/** A valid birthday policy input (yuan, as people type them), with `overrides`; an override of `undefined` leaves the field out. */
export function birthdayPolicyInput(overrides: Record<string, unknown> = {}) {
  const input = {
    kind: 'birthday',
    yearlyCap: 300,
    frequency: 'oncePerYear',
    forms: ['voucher', 'inKind'],
    eligibility: { statuses: ['active', 'retired'], duesPaid: true, minMonths: 0 },
    source: '皖工发〔2025〕18号',
    gift: { item: '生日蛋糕卡', amount: 200, form: 'voucher', handout: { kind: 'code' }, claimDays: 30, lead: { kind: 'monthStart' } },
    ...overrides,
  }
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as typeof input
}

/**
 * A valid notice input: published now to everyone, unpinned. An override of `undefined` leaves the field out, as
 * JSON would.
 */
/** 2026's 中秋 (25 September) for 文学院分工会 (unit05): 月饼礼盒 ¥150 + 水果券 ¥50, handed out by the unit. */
export function midAutumnRound(overrides: Record<string, unknown> = {}) {
  const round = {
    festival: 'midAutumn',
    year: 2026,
    items: [
      { item: '月饼礼盒', amount: 150, form: 'inKind' },
      { item: '水果券', amount: 50, form: 'voucher' },
    ],
    audience: { statuses: ['active', 'retired'], unitIds: ['unit05'], duesPaidOnly: true },
    handout: { kind: 'unit' },
    claimDays: 14,
    budget: 5000,
    ...overrides,
  }
  return Object.fromEntries(Object.entries(round).filter(([, value]) => value !== undefined)) as typeof round
}

export function noticeInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const input: Record<string, unknown> = {
    title: '关于开展春季健步走活动的通知',
    body: '各分工会：\n校工会定于下周六举办春季健步走活动，请**踊跃报名**。',
    category: 'event',
    pinned: false,
    audience: { kind: 'all' },
    ...overrides,
  }
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined))
}

/** `days` from NOW's Shanghai day (2026-11-20) at `time` there, as an ISO instant. */
export const shanghaiAt = (days: number, time: string) => new Date(`${new Date(NOW.getTime() + days * DAY + 8 * HOUR).toISOString().slice(0, 10)}T${time}:00+08:00`).toISOString()

/**
 * Valid event settings: a talk ten days on (2026-11-30 14:00–16:00), sign-up open from now to 11-28 17:00, 50 places,
 * no quotas, no conditions, no form, cancellable until 11-29 12:00, automatic, no waitlist, a venue code from an hour
 * before to two after. An override of `undefined` leaves the field out.
 */
export function eventSettings(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const settings: Record<string, unknown> = {
    kind: 'lecture',
    title: '冬季养生保健讲座',
    description: '邀请校医院专家讲授冬季养生知识。',
    place: '图书馆报告厅',
    startAt: shanghaiAt(10, '14:00'),
    endAt: shanghaiAt(10, '16:00'),
    signupOpensAt: NOW.toISOString(),
    signupClosesAt: shanghaiAt(8, '17:00'),
    capacity: 50,
    unitQuotas: [],
    eligibility: {},
    form: [],
    cancelPolicy: { kind: 'until', until: shanghaiAt(9, '12:00') },
    review: 'auto',
    waitlist: { kind: 'off' },
    checkIn: { kind: 'code', opensMinutesBefore: 60, closesMinutesAfter: 120 },
    ...overrides,
  }
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined))
}

/** The seeded demo events by id, as the seed writes them at NOW. */
export const DEMO_EVENTS = Object.fromEntries(demoEventList(NOW, demoMembers(NOW)).map((event) => [event.id, event]))

/** The sign-up id of the `index`-th seeded seat of `eventId` in `state`. */
export function seededSignup(eventId: string, state: string, index = 0): string {
  const seat = DEMO_EVENTS[eventId].seats.filter((candidate) => candidate.state === state)[index]
  if (!seat) throw new Error(`no seeded ${state} sign-up ${index} of ${eventId}`)
  return signupId(eventId, seat.memberId)
}

/** The seeded seat of `eventId` that asked to cancel. */
export const cancelRequestOf = (eventId: string) => signupId(eventId, DEMO_EVENTS[eventId].seats.find((seat) => seat.cancelRequested)!.memberId)

/**
 * A payload each action accepts, by function and action, for tests that need the call to get past validation.
 * Tests iterate FUNCTIONS and fail on an action missing here.
 */
export const VALID_PAYLOADS: Record<string, Record<string, unknown>> = {
  audit: {
    list: { action: 'notices.publish', from: '2026-11-01', to: '2026-11-30', offset: 0, limit: 10 },
    jobRuns: {},
  },
  benefits: {
    policies: {},
    festivals: {},
    updatePolicy: birthdayPolicyInput(),
    mine: { year: 2026 },
    // unit05's: its admin reads them too.
    ledger: { year: 2026, kind: 'birthday', unitId: 'unit05', offset: 0, limit: 20 },
    ledgerSummary: { year: 2026, unitId: 'unit05' },
    home: {},
    // A payout of nobody the matrix calls as: each caller is answered NOT_FOUND.
    confirmReceipt: { payoutId: 'birthday-2026-nobody' },
    previewRound: midAutumnRound(),
    // unit05's 17 members, ¥200 each, as the seed leaves them.
    applyRound: { round: midAutumnRound(), expected: { count: 17, totalFen: 340_000 } },
    // The seed's 端午 round, already applied: answered as it is.
    resumeRound: { roundId: '2026-dragonBoat' },
    rounds: {},
    round: { roundId: '2026-dragonBoat' },
    roundHandout: { roundId: '2026-dragonBoat', unitId: 'unit05' },
    markReceived: { roundId: '2026-dragonBoat', unitId: 'unit05', memberIds: ['m0006'] },
    // Every member the matrix calls as qualifies for 住院慰问 (a stay of theirs at this hospital from 10 to 16 November).
    apply: { kind: 'hospitalization', date: '2026-11-10', hospital: '湖州市中心医院', dischargedOn: '2026-11-16', note: '急性阑尾炎手术' },
    // m0006 (田博平) is of unit05: its admin applies for him.
    applyFor: { memberId: 'm0006', application: { kind: 'bereavement', date: '2026-11-15', note: '家属已告知分工会' } },
    myApplications: { offset: 0, limit: 10 },
    applicationQueue: { unitId: 'unit05', state: 'submitted', offset: 0, limit: 10 },
    // The seed has no applications yet: an application that is not there (the union office is told so).
    application: { applicationId: 'no-such-application' },
    checkApplication: { applicationId: 'no-such-application', approve: true },
    decideApplication: { applicationId: 'no-such-application', approve: false, reason: '材料不全，请补充住院证明' },
    // The seed's hardship cases are of unit05: 董丹莹's (2026-m0066) filed, 易刚's (2026-m0138) reported by its admin.
    reportHardship: { memberId: 'm0006', cause: 'illness', level: 'general', situation: '配偶重病住院，自付医疗费约 6 万元' },
    hardshipCases: { unitId: 'unit05', offset: 0, limit: 10 },
    hardshipCase: { caseId: '2026-m0066' },
    fileHardship: { caseId: '2026-m0138', approve: true, cause: 'singleParent', level: 'general' },
    recordHardshipAid: { caseId: '2026-m0066', amount: 500, form: 'cash', day: '2026-11-19', approvalRef: '2026 年第 9 次主席办公会' },
    recordHardshipVisit: { caseId: '2026-m0066', visitKind: 'mustVisit', day: '2026-11-19', visitors: '胡静', note: '' },
    closeHardship: { caseId: '2026-m0066', reason: '已脱困' },
    retirements: { year: 2026 },
    // 罗鹏帅 (200134) turns 60 this year.
    giveKeepsakes: { memberIds: ['m0134'], item: '荣休水晶杯', amount: 300, form: 'inKind', pickupPlace: '荣休仪式现场' },
    budgets: { year: 2026 },
    setBudgets: { year: 2026, budgets: { retreat: 50_000, other: null } },
  },
  events: {
    list: { tab: 'open', offset: 0, limit: 10 },
    detail: { eventId: 'event-volleyball' },
    home: {},
    signUp: { eventId: 'event-volleyball', answers: { group: '男子组', phone: '13800001111' } },
    mySignups: { offset: 0, limit: 10 },
    // No such sign-up: every member is told so, exactly as for someone else's.
    cancelSignup: { signupId: 'no-such-signup' },
    acceptOffer: { signupId: 'no-such-signup' },
    checkIn: { scene: 'e=nosuchcode00' },
    calendar: { year: 2026 },
    adminList: { offset: 0, limit: 10 },
    // Unit05's event (文学院分工会花艺沙龙): its unit admin and the union office organize it.
    adminGet: { eventId: 'event-flower' },
    create: { unitId: 'unit05', settings: eventSettings({ title: '文学院分工会茶艺体验' }) },
    update: { eventId: 'event-flower', settings: { ...DEMO_EVENTS['event-flower'].settings, title: '文学院分工会冬季花艺沙龙', capacity: 25 } },
    copy: { eventId: 'event-flower' },
    publish: { eventId: 'event-reading' },
    closeSignup: { eventId: 'event-flower' },
    cancel: { eventId: 'event-flower', reason: '场地临时有变' },
    deleteDraft: { eventId: 'event-reading' },
    participants: { eventId: 'event-flower', offset: 0, limit: 10 },
    // Union-wide events: the union office only.
    decide: { signupId: seededSignup('event-mixer', 'pending'), approve: true },
    decideCancel: { signupId: cancelRequestOf('event-mixer'), approve: true },
    remove: { signupId: seededSignup('event-flower', 'confirmed'), reason: '本人已调离' },
    markAttendance: { signupId: seededSignup('event-football', 'confirmed', 20), present: true },
    venueCode: { eventId: 'event-flower' },
    addCalendarEntry: { date: '2026-12-20', title: '冬季送温暖走访' },
    removeCalendarEntry: { entryId: 'calendar-01' },
  },
  exports: {
    eventParticipants: { eventId: 'event-flower' },
    // unit05's: its admin exports them too.
    ledger: { year: 2026, kind: 'birthday', unitId: 'unit05' },
    // 六届二次's: its committee exports them too.
    proposalBook: { sessionId: 'session-6-2' },
    proposalHandling: { sessionId: 'session-6-2' },
    rosterTemplate: {},
    roster: { unitId: 'unit05' },
    rosterPreview: { fileId: VALID_ROSTER.fileId, full: false },
    rosterApply: { fileId: VALID_ROSTER.fileId, full: false, planId: VALID_ROSTER.planId },
    delegatesFile: { sessionId: 'session-6-2' },
    delegatesPreview: VALID_DELEGATES,
    delegatesApply: { ...VALID_DELEGATES, planId: VALID_DELEGATES_PLAN },
  },
  members: {
    me: {},
    units: {},
    // The unbound demo member m0300 (200300 郭璐, phone ending 7782).
    bind: { staffNo: '200300', name: '郭璐', phoneLast4: '7782' },
    unbind: { memberId: PEOPLE.unit03Member },
    reopenBinding: { memberId: PEOPLE.unboundMember },
    roleHolders: {},
    scopeOptions: {},
    grantRole: { staffNo: '200058', role: 'delegate', scope: 'session-6-2' },
    revokeRole: { memberId: PEOPLE.delegate, role: 'delegate', scope: 'session-6-2' },
    // Unit05's: only that unit's admin (and the union office) may list it.
    roster: { unitId: 'unit05', offset: 0, limit: 10 },
    memberRecord: { memberId: PEOPLE.unit03Member },
    // m0058 邵文 gets a new phone number.
    updateMember: { memberId: PEOPLE.unit03Member, member: memberEdit(PEOPLE.unit03Member, { phone: '13900001111' }) },
    settings: {},
    // A real change from the default 40, so a refused caller's "nothing changed" means something.
    updateSettings: { youthUnderAge: 35 },
  },
  messages: {
    inbox: { offset: 0, limit: 10 },
    unreadCount: {},
    // No such message: every member is told so, exactly as for someone else's.
    read: { id: 'no-such-message' },
    readAll: {},
    subscriptions: {},
    // The seed sets no template: every member is told there is no such template.
    recordConsent: { choices: { 'tmpl-notice-0001': 'accept' } },
    sends: { state: 'sent', offset: 0, limit: 10 },
  },
  notices: {
    home: {},
    list: { category: 'event', offset: 0, limit: 10 },
    detail: { id: NOTICES.volleyball },
    adminList: { state: 'published', offset: 0, limit: 10 },
    adminGet: { id: NOTICES.retirement },
    publish: noticeInput(),
    update: { id: NOTICES.funds, notice: noticeInput({ title: '更新后的标题' }) },
    withdraw: { id: NOTICES.funds },
  },
  proposals: {
    session: {},
    delegates: { sessionId: 'session-6-2', q: '' },
    saveDraft: { title: '关于增设教工休息室的提案', category: 'logistics', reasons: '教学楼没有教工休息的地方', measures: '每栋教学楼设一间教工休息室' },
    // m0034's and its seconders' (m0039, m0037): nobody the matrix calls as.
    invite: { id: 'proposal-daycare', memberIds: ['m0032'] },
    answerInvitation: { id: 'proposal-daycare', confirm: true },
    recall: { id: 'proposal-daycare' },
    submit: { id: 'proposal-daycare' },
    mine: {},
    invitations: {},
    // Accepted: every member reads it.
    detail: { id: 'proposal-parking' },
    similar: { sessionId: 'session-6-2', title: '停车', text: '增设教工停车位' },
    reviewQueue: { sessionId: 'session-6-2' },
    decide: { id: 'proposal-canteen', step: 'reject', reason: '测试' },
    assign: { id: 'proposal-wifi', leadDeptId: 'dept-academic' },
    // 托管班: 后勤管理处 assists it; 停车位: 后勤管理处 leads it, its assisting 基建处 has given its input.
    assistInput: { id: 'proposal-daycare', deptId: 'dept-logistics', text: '可提供场地' },
    reply: { id: 'proposal-parking', outcome: 'planned', text: '列入明年基建计划' },
    answer: { id: 'suggestion-library', text: '已安排' },
    rate: { id: 'proposal-daycare', satisfaction: 'satisfied' },
    // 供暖: rated by its author.
    close: { id: 'proposal-heating' },
    handlingQueue: { deptId: 'dept-logistics' },
    sessions: {},
    // 六届一次 as it is: saved again, it changes nothing but the time.
    saveSession: { id: 'session-6-1', sessionName: '六届一次', meetingStart: '2025-12-02', meetingEnd: '2025-12-03', opensAt: '2025-10-26T02:00:00.000Z', closesAt: '2025-11-25T02:00:00.000Z', secondersNeeded: 2, replyWeeks: 6 },
    departments: {},
    // 基建处 as it is: saved again, it changes nothing.
    saveDepartment: { id: 'dept-construction', deptName: '基建处' },
    record: { sessionId: 'session-6-2' },
    withhold: { id: 'proposal-wifi', withhold: true, reason: '测试' },
    statistics: { sessionId: 'session-6-2' },
  },
}

/** Every [function, action] pair in FUNCTIONS. */
export function allActions(): [string, string][] {
  return Object.entries(FUNCTIONS).flatMap(([name, fn]) => Object.keys(fn.actions).map((action): [string, string] => [name, action]))
}

/**
 * Binding a WeChat user to a member (staff number + name + last four phone digits), its lock-out after repeated
 * failures, and the union office freeing a binding.
 */
import { BIND_LOCK_MINUTES, BIND_MAX_FAILURES } from '../../types/members'
import { demoOpenid } from '../../scripts/seed/demoUnion'
import { HOUR, NOW, PEOPLE, VALID_PAYLOADS, bindDetailsOf, callAs, expectFailure, expectOk, later, seededStore, snapshot, type TestStore, runJob } from './harness'

const MINUTE = 60_000

let store: TestStore

beforeEach(async () => {
  store = await seededStore()
})

afterEach(() => store.close())

/** The unbound demo member m0300's real details. */
const DETAILS = bindDetailsOf(PEOPLE.unboundMember)
/** A WeChat user no binding points to yet. */
const NEWCOMER = 'openid-of-a-newcomer'

const WRONG_NAME = { ...DETAILS, name: '王小明' }
const WRONG_PHONE = { ...DETAILS, phoneLast4: DETAILS.phoneLast4 === '0000' ? '1111' : '0000' }
const UNKNOWN_STAFF_NO = { ...DETAILS, staffNo: '999999' }

const bind = (who: string, details: unknown, now: Date = NOW) => callAs(store, 'members', who, 'bind', details, { now })

/** What the tries-left message says for `failures` failures so far. */
const triesLeft = (failures: number) => `还可尝试 ${BIND_MAX_FAILURES - failures} 次`

/** Fails `count` times (short of a lock), one minute apart starting at `from`; answers the last failure's time. */
async function failTimes(who: string, count: number, from: Date = NOW): Promise<Date> {
  let at = from
  for (let i = 0; i < count; i++) {
    at = later(i * MINUTE, from)
    expectFailure(await bind(who, WRONG_NAME, at), 'INVALID_INPUT')
  }
  return at
}

/** Fails until locked out: four failures a minute apart from `from`, the locking fifth a minute later; answers its time. */
async function lockOut(who: string, from: Date = NOW): Promise<Date> {
  const lockedAt = later(MINUTE, await failTimes(who, BIND_MAX_FAILURES - 1, from))
  expectFailure(await bind(who, WRONG_PHONE, lockedAt), 'TOO_MANY_ATTEMPTS')
  return lockedAt
}

it('binds with the seed’s real details, the ones the harness uses as bind’s valid payload', () => {
  expect(DETAILS).toEqual({ staffNo: '200300', name: '郭璐', phoneLast4: '7782' })
  expect(VALID_PAYLOADS.members.bind).toEqual(DETAILS)
})

describe('a successful bind', () => {
  it('writes the binding, answers the profile, and me then works', async () => {
    expectFailure(await callAs(store, 'members', NEWCOMER, 'me'), 'NOT_BOUND')
    const profile = expectOk(await bind(NEWCOMER, DETAILS))
    expect(profile).toMatchObject({ id: PEOPLE.unboundMember, name: '郭璐', staffNo: '200300', unitId: 'unit17', unitName: '工学院分工会', roles: [] })
    expect(await store.get('bindings', NEWCOMER)).toEqual({ _id: NEWCOMER, memberId: PEOPLE.unboundMember, boundAt: NOW.toISOString() })
    expect(expectOk(await callAs(store, 'members', NEWCOMER, 'me'))).toEqual(profile)
    expect(expectOk(await callAs(store, 'notices', NEWCOMER, 'home')).pinned.length).toBeGreaterThan(0)
  })

  it('trims spaces around the staff number and name', async () => {
    expectOk(await bind(NEWCOMER, { ...DETAILS, staffNo: ` ${DETAILS.staffNo} `, name: ` ${DETAILS.name}\t` }))
    expect((await store.get('bindings', NEWCOMER))?.memberId).toBe(PEOPLE.unboundMember)
  })

  it('removes the attempts record left by earlier failures', async () => {
    await failTimes(NEWCOMER, 3)
    expect(await store.get('bindAttempts', NEWCOMER)).toMatchObject({ failures: 3 })
    expectOk(await bind(NEWCOMER, DETAILS, later(5 * MINUTE)))
    expect(await store.get('bindAttempts', NEWCOMER)).toBeNull()
    expect(await store.count('bindAttempts')).toBe(0)
  })
})

describe('a mismatch', () => {
  it('answers the identical failure for a wrong name, a wrong phone and an unknown staff number', async () => {
    const byName = expectFailure(await bind('openid-a', WRONG_NAME), 'INVALID_INPUT')
    const byPhone = expectFailure(await bind('openid-b', WRONG_PHONE), 'INVALID_INPUT')
    const byStaffNo = expectFailure(await bind('openid-c', UNKNOWN_STAFF_NO), 'INVALID_INPUT')
    expect(byName.message).toBe(byPhone.message)
    expect(byName.message).toBe(byStaffNo.message)
    expect(byName).toEqual(byPhone)
    expect(byName).toEqual(byStaffNo)
    expect(byName.message).toBe(`工号、姓名或手机号后四位不匹配，请核对后重试（${triesLeft(1)}）`)
    expect(await store.count('bindings', { memberId: PEOPLE.unboundMember })).toBe(0)
  })

  it('does not tell a member who has left apart from an unknown staff number when the details are wrong', async () => {
    await store.update('members', { _id: PEOPLE.unboundMember }, { $set: { status: 'left' } })
    const left = expectFailure(await bind('openid-a', WRONG_PHONE), 'INVALID_INPUT')
    const unknown = expectFailure(await bind('openid-b', UNKNOWN_STAFF_NO), 'INVALID_INPUT')
    expect(left).toEqual(unknown)
  })

  it('counts down the tries left by failures only, whatever kind of mismatch they were', async () => {
    const kinds = [WRONG_NAME, UNKNOWN_STAFF_NO, WRONG_PHONE, WRONG_NAME]
    const mixed: string[] = []
    const same: string[] = []
    for (const [i, details] of kinds.entries()) {
      mixed.push(expectFailure(await bind('openid-mixed', details, later(i * MINUTE)), 'INVALID_INPUT').message)
      same.push(expectFailure(await bind('openid-same', WRONG_PHONE, later(i * MINUTE)), 'INVALID_INPUT').message)
    }
    expect(mixed).toEqual(same)
    expect(mixed.map((message) => /还可尝试 (\d) 次/.exec(message)?.[1])).toEqual(['4', '3', '2', '1'])
    // Apart from the count, every message is the same text.
    expect(new Set(mixed.map((message) => message.replace(/\d 次/, 'N 次'))).size).toBe(1)
    // The window began with the first failure.
    expect(await store.get('bindAttempts', 'openid-mixed')).toEqual({ _id: 'openid-mixed', failures: 4, windowStart: NOW.toISOString() })
  })
})

describe('the lock-out', () => {
  it(`locks on the ${BIND_MAX_FAILURES}th failure within the hour, for ${BIND_LOCK_MINUTES} minutes`, async () => {
    const last = await failTimes(NEWCOMER, BIND_MAX_FAILURES - 1)
    const fifthAt = later(MINUTE, last)
    const fifth = expectFailure(await bind(NEWCOMER, UNKNOWN_STAFF_NO, fifthAt), 'TOO_MANY_ATTEMPTS')
    expect(fifth.message).toBe(`信息不匹配，尝试次数过多，请 ${BIND_LOCK_MINUTES} 分钟后再试`)
    expect(await store.get('bindAttempts', NEWCOMER)).toEqual({
      _id: NEWCOMER,
      failures: BIND_MAX_FAILURES,
      windowStart: NOW.toISOString(),
      lockedUntil: later(BIND_LOCK_MINUTES * MINUTE, fifthAt).toISOString(),
    })
  })

  it('refuses even the correct details while locked, telling until when, and binds nothing', async () => {
    expect(await lockOut(NEWCOMER)).toEqual(later(4 * MINUTE))
    const before = await snapshot(store)
    const locked = expectFailure(await bind(NEWCOMER, DETAILS, later(10 * MINUTE)), 'TOO_MANY_ATTEMPTS')
    // Locked at NOW + 4 min (10:04 in Shanghai) until 15 minutes later.
    expect(locked.message).toBe('尝试次数过多，请于 11月20日 10:19 后再试')
    expect(await snapshot(store)).toEqual(before)
    expect(await store.count('bindings', { memberId: PEOPLE.unboundMember })).toBe(0)
  })

  it(`unlocks ${BIND_LOCK_MINUTES} minutes after the locking failure`, async () => {
    const lockedAt = await lockOut(NEWCOMER)
    const until = later(BIND_LOCK_MINUTES * MINUTE, lockedAt)
    expectFailure(await bind(NEWCOMER, DETAILS, later(-1000, until)), 'TOO_MANY_ATTEMPTS')
    expect(expectOk(await bind(NEWCOMER, DETAILS, until)).id).toBe(PEOPLE.unboundMember)
    expect(await store.get('bindAttempts', NEWCOMER)).toBeNull()
  })

  it('counts afresh after a lock ends: the next failure leaves four tries', async () => {
    const lockedAt = await lockOut(NEWCOMER)
    const after = later(BIND_LOCK_MINUTES * MINUTE, lockedAt)
    const failure = expectFailure(await bind(NEWCOMER, WRONG_NAME, after), 'INVALID_INPUT')
    expect(failure.message).toContain(triesLeft(1))
    expect(await store.get('bindAttempts', NEWCOMER)).toEqual({ _id: NEWCOMER, failures: 1, windowStart: after.toISOString() })
  })

  it('starts over when failures are an hour apart', async () => {
    const last = await failTimes(NEWCOMER, BIND_MAX_FAILURES - 1)
    const anHourLater = later(HOUR, last)
    const failure = expectFailure(await bind(NEWCOMER, WRONG_PHONE, anHourLater), 'INVALID_INPUT')
    expect(failure.message).toContain(triesLeft(1))
    expect(await store.get('bindAttempts', NEWCOMER)).toMatchObject({ failures: 1 })
    // The fresh count runs to the lock as before: four more failures, the last of them locks.
    await failTimes(NEWCOMER, BIND_MAX_FAILURES - 2, later(MINUTE, anHourLater))
    expectFailure(await bind(NEWCOMER, WRONG_NAME, later(10 * MINUTE, anHourLater)), 'TOO_MANY_ATTEMPTS')
  })

  it('is per WeChat user: another OPENID may still bind', async () => {
    await lockOut(NEWCOMER)
    expectOk(await bind('openid-of-someone-else', DETAILS, later(5 * MINUTE)))
  })
})

describe('guesses sent at once (the interleaving store runs them as CloudBase would)', () => {
  const LOCKED_NOW = `信息不匹配，尝试次数过多，请 ${BIND_LOCK_MINUTES} 分钟后再试`
  /** What each answer says: a checked mismatch, the locking one, refused unchecked, or bound. */
  const kinds = (results: Awaited<ReturnType<typeof bind>>[]) =>
    results.map((result) => {
      if (result.ok) return 'bound'
      if (result.code === 'INVALID_INPUT') return 'mismatch'
      if (result.message === LOCKED_NOW) return 'locking'
      return result.message.startsWith('尝试次数过多，请于') ? 'refused' : `${result.code} ${result.message}`
    })
  const tally = (list: string[]) => Object.fromEntries([...new Set(list)].sort().map((kind) => [kind, list.filter((k) => k === kind).length]))

  it('50 wrong guesses from one WeChat user: exactly 5 are checked, the fifth locks, 45 are refused unchecked', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => bind(NEWCOMER, WRONG_NAME)))
    expect(tally(kinds(results))).toEqual({ locking: 1, mismatch: 4, refused: 45 })
    expect(await store.get('bindAttempts', NEWCOMER)).toEqual({
      _id: NEWCOMER,
      failures: 5,
      windowStart: NOW.toISOString(),
      lockedUntil: later(BIND_LOCK_MINUTES * MINUTE).toISOString(),
    })
  })

  it('50 guesses at once, one of them right: still only 5 are checked, so the right one binds only if among them', async () => {
    const guesses = Array.from({ length: 50 }, (_, i) => (i === 25 ? DETAILS : { ...WRONG_PHONE, phoneLast4: String(1000 + i) }))
    const results = kinds(await Promise.all(guesses.map((details) => bind(NEWCOMER, details))))
    const checked = results.filter((kind) => kind !== 'refused')
    expect(checked).toHaveLength(5)
    expect(await store.count('bindings', { memberId: PEOPLE.unboundMember })).toBe(results[25] === 'bound' ? 1 : 0)
  })

  it('50 WeChat users guessing one staff number at once, one of them right: 10 are checked, every wrong answer alike', async () => {
    const guesses = Array.from({ length: 50 }, (_, i) => (i === 30 ? DETAILS : WRONG_NAME))
    const results = await Promise.all(guesses.map((details, i) => bind(`openid-guesser-${i}`, details)))
    const wrong = results.filter((_, i) => i !== 30)
    expect(new Set(wrong.map((result) => JSON.stringify(result)))).toEqual(new Set([JSON.stringify(expectFailure(wrong[0], 'INVALID_INPUT'))]))
    // The right guess binds only if it was among the ten checked, and then gives its place back: to a wrong guess
    // still on its way (10 failures), or to nobody when every other guess was already answered (9).
    const bound = results[30].ok
    const counter = await store.get('staffBindFailures', `${DETAILS.staffNo}-2026-11-20`)
    expect(bound ? [9, 10] : [10]).toContain(counter?.failures)
    expect(await store.count('bindings', { memberId: PEOPLE.unboundMember })).toBe(bound ? 1 : 0)
  })
})

describe('the daily limit per staff number', () => {
  /** Ten different WeChat users each fail once at the staff number of `details`. */
  async function closeToday(details: { staffNo: string; name: string; phoneLast4: string }) {
    for (let i = 0; i < 10; i++) expectFailure(await bind(`openid-guesser-${i}`, { ...details, name: '王小明' }, later(i * MINUTE)), 'INVALID_INPUT')
  }

  it('after 10 failures today across WeChat users, even the right details get the mismatch answer', async () => {
    await closeToday(DETAILS)
    const right = expectFailure(await bind(NEWCOMER, DETAILS, later(20 * MINUTE)), 'INVALID_INPUT')
    // Exactly what a first wrong guess at an unknown staff number answers.
    const unknown = expectFailure(await bind('openid-fresh', UNKNOWN_STAFF_NO, later(20 * MINUTE)), 'INVALID_INPUT')
    expect(right).toEqual(unknown)
    expect(await store.count('bindings', { memberId: PEOPLE.unboundMember })).toBe(0)
  })

  it('a staff number nobody has answers the same: nothing tells whether it exists', async () => {
    await closeToday(UNKNOWN_STAFF_NO)
    const closedUnknown = expectFailure(await bind(NEWCOMER, UNKNOWN_STAFF_NO, later(20 * MINUTE)), 'INVALID_INPUT')
    await closeToday(DETAILS)
    const closedReal = expectFailure(await bind('openid-fresh', DETAILS, later(20 * MINUTE)), 'INVALID_INPUT')
    expect(closedUnknown).toEqual(closedReal)
  })

  it('opens again the next day (Shanghai), and the daily job forgets the old counters', async () => {
    await closeToday(DETAILS)
    const tomorrow = new Date('2026-11-20T16:00:00.000Z') // 00:00 on 11-21 in Shanghai
    expect(expectOk(await bind(NEWCOMER, DETAILS, tomorrow)).id).toBe(PEOPLE.unboundMember)
    const forget = await runJob(store, 'members', 'forgetBindFailures', { now: tomorrow })
    expect(forget).toMatchObject({ outcome: 'ok' })
    expect(await store.count('staffBindFailures')).toBe(0)
  })

  it('the union office sees it paused on the member’s record and reopens it (audited); the member then binds', async () => {
    await closeToday(DETAILS)
    const record = expectOk(await callAs(store, 'members', PEOPLE.office, 'memberRecord', { memberId: PEOPLE.unboundMember }, { now: later(HOUR) }))
    expect(record.bindingPaused).toBe(true)
    const reopened = expectOk(await callAs(store, 'members', PEOPLE.office, 'reopenBinding', { memberId: PEOPLE.unboundMember }, { now: later(HOUR) }))
    expect(reopened.bindingPaused).toBe(false)
    const [entry] = await store.find('auditLog', { action: 'members.reopenBinding' })
    expect(entry).toMatchObject({
      actorId: PEOPLE.office,
      targetId: PEOPLE.unboundMember,
      target: '郭璐（200300）',
      before: { 自助绑定: '今日已失败 10 次，已暂停' },
      after: { 自助绑定: '已恢复' },
    })
    expect(expectOk(await bind(NEWCOMER, DETAILS, later(HOUR))).id).toBe(PEOPLE.unboundMember)
  })

  it('a right bind gives its place back: it never counts toward the ten', async () => {
    expectOk(await bind(NEWCOMER, DETAILS))
    expect(await store.count('staffBindFailures')).toBe(0)
  })
})

describe('binding refused', () => {
  it('a caller already bound → CONFLICT, no attempt counted', async () => {
    const before = await snapshot(store)
    const failure = expectFailure(await bind(PEOPLE.unit01Member, DETAILS), 'CONFLICT')
    expect(failure.message).toContain('已绑定会员身份')
    expectFailure(await bind(PEOPLE.unit01Member, WRONG_NAME), 'CONFLICT')
    expect(await snapshot(store)).toEqual(before)
  })

  it('a member bound to another WeChat user → CONFLICT, no attempt counted', async () => {
    const before = await snapshot(store)
    const failure = expectFailure(await bind(NEWCOMER, bindDetailsOf(PEOPLE.unit01Member)), 'CONFLICT')
    expect(failure.message).toBe('该会员已绑定其他微信；如需更换，请联系所在分工会或校工会解除绑定')
    expect(await snapshot(store)).toEqual(before)
  })

  it('a member who has left → FORBIDDEN, nothing bound', async () => {
    await store.update('members', { _id: PEOPLE.unboundMember }, { $set: { status: 'left' } })
    const before = await snapshot(store)
    const failure = expectFailure(await bind(NEWCOMER, DETAILS), 'FORBIDDEN')
    expect(failure.message).toContain('离校')
    expect(await snapshot(store)).toEqual(before)
  })

  it('an anonymous caller → NOT_SIGNED_IN', async () => {
    expectFailure(await callAs(store, 'members', 'anonymous', 'bind', DETAILS), 'NOT_SIGNED_IN')
  })
})

describe('unbind', () => {
  const target = PEOPLE.unit01Member
  const oldOpenid = demoOpenid('200019')

  it('lets the union office free a member, who can then be bound by another WeChat user', async () => {
    expect(await store.get('bindings', oldOpenid)).toMatchObject({ memberId: target })
    expect(expectOk(await callAs(store, 'members', PEOPLE.office, 'unbind', { memberId: target }))).toEqual({ unbound: true })
    expect(await store.count('bindings', { memberId: target })).toBe(0)
    expectFailure(await callAs(store, 'members', { openid: oldOpenid }, 'me'), 'NOT_BOUND')
    const profile = expectOk(await bind(NEWCOMER, bindDetailsOf(target), later(HOUR)))
    expect(profile.id).toBe(target)
    expect(await store.get('bindings', NEWCOMER)).toEqual({ _id: NEWCOMER, memberId: target, boundAt: later(HOUR).toISOString() })
  })

  it('writes one audit entry with before and after', async () => {
    expectOk(await callAs(store, 'members', PEOPLE.office, 'unbind', { memberId: target }))
    const entries = await store.find('auditLog')
    expect(entries).toHaveLength(1)
    expect(entries[0]).toEqual({
      _id: expect.any(String),
      at: NOW.toISOString(),
      actorId: PEOPLE.office,
      actorName: '周建华',
      action: 'members.unbind',
      targetType: 'member',
      targetId: target,
      target: '廖月佳（200019）',
      // Bound by the seed at NOW, 10:00 in Shanghai.
      before: { 微信绑定: '已绑定（11月20日 10:00）' },
      after: { 微信绑定: '未绑定' },
    })
  })

  it('answers unbound: false for a member with no binding, and audits nothing', async () => {
    const before = await snapshot(store)
    expect(expectOk(await callAs(store, 'members', PEOPLE.office, 'unbind', { memberId: PEOPLE.unboundMember }))).toEqual({ unbound: false })
    expect(await snapshot(store)).toEqual(before)
  })

  it('answers NOT_FOUND for a member that does not exist', async () => {
    expectFailure(await callAs(store, 'members', PEOPLE.office, 'unbind', { memberId: 'm9999' }), 'NOT_FOUND')
  })

  it('is refused to a member (even of their own binding), nothing changed', async () => {
    const before = await snapshot(store)
    for (const memberId of [target, PEOPLE.unit03Member]) {
      const failure = expectFailure(await callAs(store, 'members', target, 'unbind', { memberId }), 'FORBIDDEN')
      expect(failure.message).toBe('仅校工会管理员可以进行此操作')
    }
    expect(await snapshot(store)).toEqual(before)
  })
})

/** Who may call what: every action's declared policy, enforced for every kind of caller, with nothing changed on a refusal. */
import * as v from 'valibot'
import type { Policy } from '../../cloudfunctions/core/authorize'
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { FUNCTIONS } from '../../cloudfunctions/registry'
import { demoOpenid } from '../../scripts/seed/demoUnion'
import type { ErrorCode } from '../../types/result'
import {
  DAY,
  NOTICES,
  PEOPLE,
  VALID_PAYLOADS,
  allActions,
  callAs,
  expectFailure,
  expectOk,
  iso,
  later,
  noticeInput,
  seededStore,
  send,
  snapshot,
  type Who,
} from './harness'

let store: SqliteStore

beforeEach(async () => {
  store = await seededStore()
})

afterEach(() => store.close())

const ids = (items: { id: string }[]) => items.map((item) => item.id)

describe('union office actions refuse ordinary members', () => {
  const attempts: [string, unknown][] = [
    ['publish', noticeInput()],
    ['update', { id: NOTICES.funds, notice: noticeInput() }],
    ['withdraw', { id: NOTICES.funds }],
    ['adminList', {}],
    ['adminGet', { id: NOTICES.funds }],
  ]

  it.each(attempts)('%s → FORBIDDEN, nothing changed', async (action, payload) => {
    const before = await snapshot(store)
    const failure = expectFailure(await send(store, 'notices', PEOPLE.unit01Member, { action, payload }), 'FORBIDDEN')
    expect(failure.message).toBe('仅校工会管理员可以进行此操作')
    expect(await snapshot(store)).toEqual(before)
  })
})

describe('notices targeted at units', () => {
  const outsider = PEOPLE.unit03Member

  it('are invisible to a member of another unit: not in home, not in list', async () => {
    const home = expectOk(await callAs(store, 'notices', outsider, 'home'))
    expect(ids([...home.pinned, ...home.recent])).not.toContain(NOTICES.retirement)
    const list = expectOk(await callAs(store, 'notices', outsider, 'list', { limit: 50 }))
    expect(ids(list.items)).not.toContain(NOTICES.retirement)
    expect(ids(list.items)).not.toContain(NOTICES.yoga)
    const insider = expectOk(await callAs(store, 'notices', PEOPLE.unit01Member, 'list', { limit: 50 }))
    expect(ids(insider.items)).toContain(NOTICES.retirement)
  })

  it('answer their detail exactly like a missing id, and record no read', async () => {
    const hidden = expectFailure(await callAs(store, 'notices', outsider, 'detail', { id: NOTICES.retirement }), 'NOT_FOUND')
    const missing = expectFailure(await callAs(store, 'notices', outsider, 'detail', { id: 'no-such-notice' }), 'NOT_FOUND')
    expect(hidden).toEqual(missing)
    expect(await store.count('noticeReads')).toBe(0)
  })

  it('are visible to a retired member of a targeted unit', async () => {
    const detail = expectOk(await callAs(store, 'notices', PEOPLE.retired, 'detail', { id: NOTICES.retirement }))
    expect(detail.audienceUnitNames).toContain('离退休分工会')
  })
})

describe('callers who are not (or no longer) members', () => {
  it('anonymous → NOT_SIGNED_IN', async () => {
    const failure = expectFailure(await callAs(store, 'notices', 'anonymous', 'home'), 'NOT_SIGNED_IN')
    expect(failure.message).toBe('请先登录')
  })

  it('an OPENID with no binding → NOT_BOUND', async () => {
    const failure = expectFailure(await callAs(store, 'notices', PEOPLE.strangerOpenid, 'home'), 'NOT_BOUND')
    expect(failure.message).toMatch(/绑定/)
    // A demo member the seed left unbound is no different.
    expectFailure(await callAs(store, 'members', PEOPLE.unboundMember, 'me'), 'NOT_BOUND')
  })

  it('a bound member who has left → FORBIDDEN, told why', async () => {
    await store.update('members', { _id: PEOPLE.unit01Member }, { $set: { status: 'left' } })
    const home = await callAs(store, 'notices', PEOPLE.unit01Member, 'home')
    expectFailure(home, 'FORBIDDEN')
    expect(home).toMatchObject({ message: expect.stringContaining('离校') })
    expectFailure(await callAs(store, 'members', PEOPLE.unit01Member, 'me'), 'FORBIDDEN')
  })

  it('a union office member who has left loses the office’s actions too', async () => {
    await store.update('members', { _id: PEOPLE.office2 }, { $set: { status: 'left' } })
    const before = await snapshot(store)
    expectFailure(await callAs(store, 'notices', PEOPLE.office2, 'publish', noticeInput()), 'FORBIDDEN')
    expect(await snapshot(store)).toEqual(before)
  })

  it('identity comes from the environment, never from the event', async () => {
    const event = { action: 'home', payload: {}, openid: demoOpenid('100001'), OPENID: demoOpenid('100001') }
    expectFailure(await send(store, 'notices', 'anonymous', event), 'NOT_SIGNED_IN')
  })
})

describe('the user policy (binding)', () => {
  it('is declared by bind only', () => {
    const userActions = allActions().filter(([fn, action]) => FUNCTIONS[fn].actions[action].allow === 'user')
    expect(userActions).toEqual([['members', 'bind']])
  })

  it('lets an unbound WeChat user bind, but not an anonymous caller', async () => {
    const before = await snapshot(store)
    expectFailure(await callAs(store, 'members', 'anonymous', 'bind', VALID_PAYLOADS.members.bind), 'NOT_SIGNED_IN')
    expect(await snapshot(store)).toEqual(before)
    const profile = expectOk(await callAs(store, 'members', PEOPLE.strangerOpenid, 'bind', VALID_PAYLOADS.members.bind))
    expect(profile.id).toBe(PEOPLE.unboundMember)
  })

  it('lets a bound member through to the action, which answers CONFLICT and changes nothing', async () => {
    for (const who of [PEOPLE.unit01Member, PEOPLE.office]) {
      const before = await snapshot(store)
      const failure = expectFailure(await callAs(store, 'members', who, 'bind', VALID_PAYLOADS.members.bind), 'CONFLICT')
      expect(failure.message).toMatch(/已绑定会员身份/)
      expect(await snapshot(store)).toEqual(before)
    }
  })

  it('tells a bound member who has left that they have left, from bind as from every other action', async () => {
    await store.update('members', { _id: PEOPLE.unit01Member }, { $set: { status: 'left' } })
    const before = await snapshot(store)
    const answer = expectFailure(await callAs(store, 'members', PEOPLE.unit01Member, 'bind', VALID_PAYLOADS.members.bind), 'FORBIDDEN')
    expect(answer.message).toContain('离校')
    expect(await snapshot(store)).toEqual(before)
  })
})

describe('the timer action and timer identities', () => {
  it('a user calling the timer action → FORBIDDEN, nothing unpinned', async () => {
    const id = expectOk(await callAs(store, 'notices', PEOPLE.office, 'publish', noticeInput({ pinned: true, pinnedUntil: iso(DAY) }))).id
    const before = await snapshot(store)
    const failure = expectFailure(
      await callAs(store, 'notices', PEOPLE.office, 'unpinExpired', undefined, { now: later(2 * DAY) }),
      'FORBIDDEN',
    )
    expect(failure.message).toBe('此操作由系统定时执行')
    expect(await snapshot(store)).toEqual(before)
    expect((await store.get('notices', id))?.pinned).toBe(true)
  })

  it('a signed-in user sending a timer-shaped event is not a timer', async () => {
    const before = await snapshot(store)
    expectFailure(await send(store, 'notices', PEOPLE.office, { Type: 'Timer', TriggerName: 'unpinExpired' }), 'UNKNOWN_ACTION')
    expect(await snapshot(store)).toEqual(before)
  })

  it('a timer identity calling a user action → FORBIDDEN', async () => {
    const failure = expectFailure(await callAs(store, 'notices', { trigger: 'home' }, 'home'), 'FORBIDDEN')
    expect(failure.message).toBe('定时任务不能调用此操作')
    expectFailure(await callAs(store, 'members', { trigger: 'me' }, 'me'), 'FORBIDDEN')
  })

  it('a trigger with a name no action has → UNKNOWN_ACTION', async () => {
    expectFailure(await callAs(store, 'notices', { trigger: 'cleanup' }, 'home'), 'UNKNOWN_ACTION')
  })
})

describe('the matrix: every action × every kind of caller, per its declared policy', () => {
  type CallerKind = 'anonymous' | 'unbound' | 'member' | 'memberOfAnotherUnit' | 'unitAdmin' | 'unionOffice' | 'timer'
  const CALLERS: CallerKind[] = ['anonymous', 'unbound', 'member', 'memberOfAnotherUnit', 'unitAdmin', 'unionOffice', 'timer']

  function who(kind: CallerKind, action: string): Who {
    switch (kind) {
      case 'anonymous':
        return 'anonymous'
      case 'unbound':
        return PEOPLE.strangerOpenid
      case 'member':
        return PEOPLE.unit01Member
      case 'memberOfAnotherUnit':
        return PEOPLE.unit03Member
      case 'unitAdmin':
        // An admin of unit05 only: the valid payloads name no unit, so a unitAdmin action answers for unit05.
        return PEOPLE.unitAdmin
      case 'unionOffice':
        return PEOPLE.office
      case 'timer':
        // A timer trigger selects its action by name.
        return { trigger: action }
    }
  }

  /** The codes by which authorization refuses a caller. */
  const REFUSALS: ErrorCode[] = ['NOT_SIGNED_IN', 'NOT_BOUND', 'FORBIDDEN']

  /**
   * What `kind` gets from an action with this policy: 'ok', the error code, or 'allowed': the policy lets the caller
   * through and the action itself may still answer something other than a refusal (`bind` answers CONFLICT to a
   * caller who is bound already).
   */
  function expected(policy: Policy, kind: CallerKind, acceptsNoPayload: boolean): 'ok' | 'allowed' | ErrorCode {
    if (policy === 'timer') return kind === 'timer' ? 'ok' : 'FORBIDDEN'
    if (kind === 'timer') {
      // A trigger carries no payload, and validation comes before authorization: an action that needs a payload
      // refuses the trigger as invalid input before its policy is even asked.
      return acceptsNoPayload ? 'FORBIDDEN' : 'INVALID_INPUT'
    }
    if (kind === 'anonymous') return 'NOT_SIGNED_IN'
    if (policy === 'user') return kind === 'unbound' ? 'ok' : 'allowed'
    if (kind === 'unbound') return 'NOT_BOUND'
    if (policy === 'unionOffice' && kind !== 'unionOffice') return 'FORBIDDEN'
    if (policy === 'unitAdmin' && kind !== 'unitAdmin' && kind !== 'unionOffice') return 'FORBIDDEN'
    return 'ok'
  }

  it('has a valid payload for every action of every function', () => {
    const missing = allActions().filter(([fn, action]) => !Object.hasOwn(VALID_PAYLOADS[fn] ?? {}, action))
    expect(missing).toEqual([])
  })

  it('sends roster payloads that really write for the union office, so an unchanged store after a refusal means something', async () => {
    expect(expectOk(await callAs(store, 'roster', PEOPLE.office, 'apply', VALID_PAYLOADS.roster.apply))).toMatchObject({ added: 1 })
    expectOk(await callAs(store, 'roster', PEOPLE.office, 'export', VALID_PAYLOADS.roster.export))
    expect(await store.count('auditLog', { action: { $in: ['members.import', 'members.export'] } })).toBe(2)
  })

  const cases = allActions().flatMap(([fn, action]) => CALLERS.map((kind) => [fn, action, kind] as const))

  it.each(cases)('%s.%s as %s', async (fn, action, kind) => {
    const spec = FUNCTIONS[fn].actions[action]
    const payload = VALID_PAYLOADS[fn][action]
    const outcome = expected(spec.allow, kind, v.safeParse(spec.input, undefined).success)
    const before = await snapshot(store)
    const result = await send(store, FUNCTIONS[fn], who(kind, action), { action, payload })
    if (outcome === 'ok') {
      expect(result).toMatchObject({ ok: true })
    } else if (outcome === 'allowed') {
      if (!result.ok) expect(REFUSALS).not.toContain(result.code)
    } else {
      expect(result).toMatchObject({ ok: false, code: outcome })
      expect(await snapshot(store)).toEqual(before)
    }
  })
})

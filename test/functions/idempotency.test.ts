/**
 * Writes the app sends with an idempotency key are applied once: a retry (a timeout on a weak network, a double tap)
 * gets the first answer. Keys are per caller and action, and forgotten after a day.
 */
import { requestKeyId } from '../../cloudfunctions/core/requestKeys'
import type { Store, Transaction } from '../../cloudfunctions/core/store/port'
import { DAY, HOUR, NOTICES, NOW, PEOPLE, expectFailure, expectOk, later, noticeInput, seededStore, send, snapshot, runJob, type TestStore } from './harness'

let store: TestStore

beforeEach(async () => {
  store = await seededStore()
})

afterEach(() => store.close())

const KEY = 'k-2026-11-20-publish-01'
const publish = (key: unknown, who: string = PEOPLE.office, now = NOW) =>
  send(store, 'notices', who, { action: 'publish', payload: noticeInput({ title: '重复提交测试' }), idempotencyKey: key }, { now })
const notices = () => store.count('notices', { title: '重复提交测试' })

it('a retry with the same key answers the first result and writes nothing more', async () => {
  const first = expectOk(await publish(KEY))
  const again = expectOk(await publish(KEY, PEOPLE.office, later(1000)))
  expect(again).toEqual(first)
  expect(await notices()).toBe(1)
  expect(await store.count('auditLog', { action: 'notices.publish' })).toBe(1)
})

it('a new key is a new write', async () => {
  expectOk(await publish(KEY))
  expectOk(await publish(`${KEY}-2`))
  expect(await notices()).toBe(2)
})

it('keys are per caller: another person’s same key is their own write', async () => {
  expectOk(await publish(KEY, PEOPLE.office))
  expectOk(await publish(KEY, PEOPLE.office2))
  expect(await notices()).toBe(2)
})

it('a refusal from the action itself is the first answer too: the retry does not meet a changed world', async () => {
  const withdraw = (key: string) => send(store, 'notices', PEOPLE.office, { action: 'withdraw', payload: { id: NOTICES.funds }, idempotencyKey: key })
  expect(expectOk(await withdraw('withdraw-key-1'))).toEqual({ id: NOTICES.funds })
  // Without the key the second withdrawal is a conflict; with it, the retry is told it worked.
  expect(expectOk(await withdraw('withdraw-key-1'))).toEqual({ id: NOTICES.funds })
  expectFailure(await withdraw('withdraw-key-2'), 'CONFLICT')
})

it('two calls with one key at once: the write happens once, the other is told it is still being handled', async () => {
  // The first call holds its key and waits, before its write, until the second has been answered.
  let answered!: () => void
  const secondAnswered = new Promise<void>((resolve) => (answered = resolve))
  const held: Store = Object.create(store, {
    transaction: {
      value: async <R>(work: (tx: Transaction) => Promise<R>) => {
        await secondAnswered
        return store.transaction(work)
      },
    },
  })
  const id = requestKeyId('notices', 'publish', 'demo-openid-100001', KEY)
  const first = send(held, 'notices', PEOPLE.office, { action: 'publish', payload: noticeInput({ title: '重复提交测试' }), idempotencyKey: KEY }, { now: NOW })
  while (!(await store.get('requestKeys', id))) await new Promise((turn) => setImmediate(turn))
  const second = await publish(KEY)
  answered()
  expect(second).toMatchObject({ ok: false, code: 'CONFLICT', message: '上一次提交还在处理中，请稍候刷新查看结果，不必重复提交' })
  const done = expectOk(await first)
  expect(await notices()).toBe(1)
  // Once the first is done, the key answers what it answered.
  expect(expectOk(await publish(KEY))).toEqual(done)
})

it('a key left pending by a call that was cut off stops blocking once the function’s time limit has passed', async () => {
  const id = requestKeyId('notices', 'publish', 'demo-openid-100001', KEY)
  await store.insert('requestKeys', { _id: id, at: NOW.toISOString(), state: 'pending' })
  expectFailure(await publish(KEY, PEOPLE.office, later(5000)), 'CONFLICT')
  expect(await notices()).toBe(0)
  // notices may run 10 s.
  expectOk(await publish(KEY, PEOPLE.office, later(10_001)))
  expect(await notices()).toBe(1)
})

it('a retry that runs again after the first answer was lost (its key left pending) finds the notice there: one notice', async () => {
  const first = expectOk(await publish(KEY))
  // The change committed, but the "done" mark never landed (a cut-off call): the key is pending, its time passed.
  const id = requestKeyId('notices', 'publish', 'demo-openid-100001', KEY)
  await store.update('requestKeys', { _id: id }, { $set: { state: 'pending' }, $unset: { result: true } })
  const again = expectOk(await publish(KEY, PEOPLE.office, later(10_001)))
  expect(again).toEqual(first)
  expect(await notices()).toBe(1)
  expect(await store.count('auditLog', { action: 'notices.publish' })).toBe(1)
})

it.each([
  ['too short', 'abc'],
  ['with a space', 'key with space'],
  ['Chinese', '重复提交的请求标识'],
  ['a number', 12345678],
  ['too long', 'k'.repeat(65)],
])('a key %s → INVALID_INPUT, nothing written', async (_what, key) => {
  const before = await snapshot(store)
  const failure = expectFailure(await publish(key), 'INVALID_INPUT')
  expect(failure.message).toBe('请求标识格式不正确，请将小程序更新到最新版本后重试')
  expect(await snapshot(store)).toEqual(before)
})

it('a refused caller’s key is not remembered', async () => {
  expectFailure(await publish(KEY, PEOPLE.unit01Member), 'FORBIDDEN')
  expect(await store.count('requestKeys')).toBe(0)
})

it('the audit function’s job forgets keys a day old, and only those', async () => {
  expectOk(await publish(KEY, PEOPLE.office, NOW))
  expectOk(await publish(`${KEY}-later`, PEOPLE.office, later(2 * HOUR)))
  const purge = (at: Date) => runJob(store, 'audit', 'purgeRequestKeys', { now: at })
  expect(await purge(later(DAY - 1000))).toMatchObject({ count: 0 })
  expect(await purge(later(DAY))).toMatchObject({ outcome: 'ok', count: 1 })
  expect(await store.count('requestKeys')).toBe(1)
  // Forgotten, the key runs the action again, which finds the notice the key names: still one for it.
  expectOk(await publish(KEY, PEOPLE.office, later(DAY)))
  expect(await notices()).toBe(2)
  expect(await store.count('requestKeys')).toBe(2)
})

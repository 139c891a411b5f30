/**
 * Bad input to every action: each answers INVALID_INPUT (or UNKNOWN_ACTION) with a Chinese message saying what to
 * fix, and the store is exactly as it was. Callers are union office staff, so only the input can be refused.
 */
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { FUNCTIONS } from '../../cloudfunctions/registry'
import { AUDIENCE_UNITS_MAX, BODY_MAX, TITLE_MAX } from '../../types/notices'
import type { ErrorCode } from '../../types/result'
import { DAY, HOUR, NOTICES, PEOPLE, VALID_PAYLOADS, allActions, iso, noticeInput, seededStore, send, snapshot } from './harness'

const CHINESE = /[\u4e00-\u9fa5]/

/** [what is wrong, payload, the message (or part of it) the caller must see]. */
type Case = [string, unknown, (string | RegExp)?]

const idCases: Case[] = [
  ['no id', {}, '请填写编号'],
  ['id of the wrong type', { id: 123 }, '编号须为文字'],
  ['empty id', { id: '' }, '编号格式不正确'],
  ['id too long', { id: 'a'.repeat(65) }, '编号格式不正确'],
  ['id with a path in it', { id: '../notices' }, '编号格式不正确'],
  ['id with a query operator', { id: { $ne: null } }, '编号须为文字'],
  ['an extra field that has a Chinese label', { id: NOTICES.funds, title: '标题' }, '不支持的字段「标题」'],
]

const pageCases: Case[] = [
  ['limit 51', { limit: 51 }, '每页最多 50 条'],
  ['limit 0', { limit: 0 }, '每页至少 1 条'],
  ['limit as text', { limit: '10' }, '每页条数须为数字'],
  ['fractional limit', { limit: 1.5 }, '每页条数须为整数'],
  ['offset -1', { offset: -1 }, '分页位置不能为负'],
  ['huge offset', { offset: 100_001 }, '分页位置过大'],
]

const noPayloadCases: Case[] = [
  ['a field from another action', { offset: 0 }, '不支持的字段「分页位置」'],
  ['an id', { id: NOTICES.funds }, '不支持的字段「编号」'],
]

const tooManyUnits = Array.from({ length: AUDIENCE_UNITS_MAX + 1 }, (_, i) => `unit${i + 1}`)

/** Bad notice inputs, for publish and (wrapped) for update. */
const noticeCases: Case[] = [
  ['no title', noticeInput({ title: undefined }), '请填写标题'],
  ['a blank title', noticeInput({ title: '   ' }), '请填写标题'],
  [`title over ${TITLE_MAX}`, noticeInput({ title: '长'.repeat(TITLE_MAX + 1) }), `标题不能超过 ${TITLE_MAX} 个字`],
  ['title of the wrong type', noticeInput({ title: 42 }), '标题须为文字'],
  ['no body', noticeInput({ body: undefined }), '请填写正文'],
  [`body over ${BODY_MAX}`, noticeInput({ body: '字'.repeat(BODY_MAX + 1) }), `正文不能超过 ${BODY_MAX} 个字`],
  ['an unknown category', noticeInput({ category: 'sports' }), '请选择栏目'],
  ['no category', noticeInput({ category: undefined }), '请填写栏目'],
  ['pinned as text', noticeInput({ pinned: 'yes' }), '置顶须为是或否'],
  ['no audience', noticeInput({ audience: undefined }), '请填写发布范围'],
  ['an unknown audience kind', noticeInput({ audience: { kind: 'some' } }), '请选择发布范围'],
  ['audience as text', noticeInput({ audience: 'all' }), '请选择发布范围'],
  ['units without ids', noticeInput({ audience: { kind: 'units' } }), '请填写分工会'],
  ['no units chosen', noticeInput({ audience: { kind: 'units', unitIds: [] } }), '请至少选择一个分工会'],
  [`${AUDIENCE_UNITS_MAX + 1} units`, noticeInput({ audience: { kind: 'units', unitIds: tooManyUnits } }), `最多选择 ${AUDIENCE_UNITS_MAX} 个分工会`],
  ['a unit id of the wrong type', noticeInput({ audience: { kind: 'units', unitIds: ['unit01', 5] } }), '编号须为文字'],
  ['unknown unit ids', noticeInput({ audience: { kind: 'units', unitIds: ['unit01', 'unit99'] } }), '所选分工会有的已不存在'],
  ['ids on an everyone audience', noticeInput({ audience: { kind: 'all', unitIds: ['unit01'] } }), '不支持的字段「分工会」'],
  ['a publish time that is not a time', noticeInput({ publishAt: '明天上午' }), '发布时间格式不正确'],
  ['a publish time with an hour-only offset', noticeInput({ publishAt: '2026-11-21T10:30:00+08' }), '发布时间格式不正确'],
  ['a publish time in the past', noticeInput({ publishAt: iso(-HOUR) }), '发布时间不能早于现在'],
  ['a publish time more than 90 days ahead', noticeInput({ publishAt: iso(91 * DAY) }), '定时发布最多提前 90 天'],
  ['pinnedUntil without pinned', noticeInput({ pinned: false, pinnedUntil: iso(DAY) }), '未置顶的通知不需要置顶期限'],
  ['pinnedUntil before the publish time', noticeInput({ pinned: true, publishAt: iso(2 * DAY), pinnedUntil: iso(DAY) }), '置顶期限须晚于发布时间'],
  ['pinnedUntil that is not a time', noticeInput({ pinned: true, pinnedUntil: 'forever' }), '置顶期限格式不正确'],
  ['an unknown field', noticeInput({ createdBy: 'm0003' }), '不支持的字段「createdBy」'],
  ['a labelled field from another action', noticeInput({ state: 'published' }), '不支持的字段「状态」'],
]

const CASES: Record<string, Record<string, Case[]>> = {
  members: {
    me: noPayloadCases,
    units: noPayloadCases,
  },
  notices: {
    home: noPayloadCases,
    list: [...pageCases, ['an unknown category', { category: 'sports' }, '请选择栏目'], ['category of the wrong type', { category: 1 }, '请选择栏目']],
    detail: idCases,
    adminList: [...pageCases, ['an unknown state', { state: 'draft' }, '状态不正确']],
    adminGet: idCases,
    publish: noticeCases,
    update: [
      ['no id', { notice: noticeInput() }, '请填写编号'],
      ['no notice', { id: NOTICES.funds }, '请填写通知内容'],
      ['notice as text', { id: NOTICES.funds, notice: 'x' }, '请求参数格式不正确'],
      ['a bad id', { id: 'a b', notice: noticeInput() }, '编号格式不正确'],
      ...noticeCases.map(([what, notice, message]): Case => [what, { id: NOTICES.funds, notice }, message]),
    ],
    withdraw: idCases,
    unpinExpired: [
      ['an empty payload', {}, '此操作不接收参数'],
      ['a payload', { now: iso(DAY) }, '此操作不接收参数'],
    ],
  },
}

/** Payloads that are not objects at all: wrong for every action. */
const NOT_OBJECTS: [string, unknown][] = [
  ['a string', 'x'],
  ['null', null],
  ['an empty array', []],
  ['an array of an object', [{ id: NOTICES.funds }]],
  ['a number', 42],
  ['true', true],
]

// One seeded store for the file: every test refuses a call and checks the store is still exactly as it was.
let store: SqliteStore

beforeAll(async () => {
  store = await seededStore()
})

afterAll(() => store.close())

/** Sends `event` to `fn` as union office staff and checks the refusal and that nothing changed. */
async function expectRefused(fn: string, event: unknown, code: ErrorCode, message?: string | RegExp) {
  const before = await snapshot(store)
  const result = await send(store, FUNCTIONS[fn], PEOPLE.office, event)
  expect(result).toMatchObject({ ok: false, code })
  if (result.ok) return
  expect(result.message).toMatch(CHINESE)
  if (message !== undefined) expect(result.message).toMatch(message)
  expect(await snapshot(store)).toEqual(before)
}

it('has bad-input cases for every action of every function', () => {
  const uncovered = allActions().filter(([fn, action]) => !(CASES[fn]?.[action]?.length))
  expect(uncovered).toEqual([])
  // And no cases for actions that no longer exist.
  const stale = Object.entries(CASES).flatMap(([fn, actions]) =>
    Object.keys(actions).filter((action) => !FUNCTIONS[fn] || !Object.hasOwn(FUNCTIONS[fn].actions, action)).map((a) => `${fn}.${a}`),
  )
  expect(stale).toEqual([])
})

describe.each(allActions())('%s.%s', (fn, action) => {
  it.each(CASES[fn]?.[action] ?? [])('%s → INVALID_INPUT', async (_what, payload, message) => {
    await expectRefused(fn, { action, payload }, 'INVALID_INPUT', message)
  })

  it.each(NOT_OBJECTS)('a payload that is %s → INVALID_INPUT', async (_what, payload) => {
    await expectRefused(fn, { action, payload }, 'INVALID_INPUT')
  })

  it('an unknown extra field → INVALID_INPUT naming it', async () => {
    const valid = VALID_PAYLOADS[fn][action]
    const payload = { ...(typeof valid === 'object' ? valid : {}), zzz: 1 }
    await expectRefused(fn, { action, payload }, 'INVALID_INPUT', action === 'unpinExpired' ? undefined : '不支持的字段「zzz」')
  })
})

describe.each(Object.keys(FUNCTIONS))('%s: events that name no action', (fn) => {
  const events: [string, unknown][] = [
    ['an unknown action', { action: 'dropTables', payload: {} }],
    ['an empty action', { action: '' }],
    ['no action', { payload: {} }],
    ['an action of the wrong type', { action: 1 }],
    ['an inherited property', { action: 'toString' }],
    ['the prototype', { action: '__proto__' }],
    ['a constructor', { action: 'constructor' }],
    ['an action of another function', { action: fn === 'notices' ? 'me' : 'home' }],
    ['a null event', null],
    ['a string event', 'home'],
    ['an array event', ['home']],
  ]

  it.each(events)('%s → UNKNOWN_ACTION', async (_what, event) => {
    await expectRefused(fn, event, 'UNKNOWN_ACTION', '不支持的操作')
  })
})

describe('field messages', () => {
  it('lists every bad field by its path', async () => {
    const result = await send(store, 'notices', PEOPLE.office, {
      action: 'publish',
      payload: noticeInput({ title: '', category: 'sports', audience: { kind: 'units', unitIds: [] } }),
    })
    expect(result).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '请填写标题',
      fields: { title: '请填写标题', category: '请选择栏目', 'audience.unitIds': '请至少选择一个分工会' },
    })
  })

  it('names the field a rule refuses', async () => {
    const result = await send(store, 'notices', PEOPLE.office, { action: 'publish', payload: noticeInput({ publishAt: iso(-DAY) }) })
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { publishAt: expect.stringMatching(CHINESE) } })
  })
})

/**
 * Bad input to every action: each answers INVALID_INPUT (or UNKNOWN_ACTION) with a Chinese message saying what to
 * fix, and the store is exactly as it was. Callers are union office staff, so only the input can be refused.
 */
import { FUNCTIONS } from '../../cloudfunctions/registry'
import { AUDIENCE_UNITS_MAX, BODY_MAX, TITLE_MAX } from '../../types/notices'
import type { ErrorCode } from '../../types/result'
import { DAY, DEMO_EVENTS, birthdayPolicyInput, HOUR, midAutumnRound, NOTICES, PEOPLE, PNG, VALID_DELEGATES, VALID_DELEGATES_PLAN, VALID_PAYLOADS, VALID_ROSTER, allActions, callAs, eventSettings, expectOk, iso, memberEdit, noticeInput, seededSignup, seededStore, send, shanghaiAt, snapshot, testFiles, type TestStore } from './harness'

const CHINESE = /[\u4e00-\u9fa5]/

/** A draft proposal (the caller's own, new): each case spoils one field. */
const draft = (overrides: Record<string, unknown>) => ({ title: '关于增设教工休息室的提案', category: 'logistics', reasons: '教学楼没有教工休息的地方', measures: '每栋教学楼设一间教工休息室', ...overrides })

/** A congress session as the union office sets it up: each case spoils one field (undefined: leaves it out, as JSON does). */
const session = (overrides: Record<string, unknown>) =>
  JSON.parse(JSON.stringify({ sessionName: '六届三次', meetingStart: '2027-12-06', meetingEnd: '2027-12-07', opensAt: '2027-10-20T00:00:00.000Z', closesAt: '2027-11-20T00:00:00.000Z', secondersNeeded: 2, replyWeeks: 6, ...overrides }))

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

/** Valid binding details (the unbound demo member m0300): each case spoils one field. */
const bind = (overrides: Record<string, unknown>) => ({ staffNo: '200300', name: '郭璐', phoneLast4: '7782', ...overrides })

const bindCases: Case[] = [
  ['no staff number', { name: '郭璐', phoneLast4: '7782' }, '请填写工号'],
  ['no name', { staffNo: '200300', phoneLast4: '7782' }, '请填写姓名'],
  ['no phone digits', { staffNo: '200300', name: '郭璐' }, '请填写手机号后四位'],
  ['staff number as a number', bind({ staffNo: 200300 }), '工号须为文字'],
  ['staff number with symbols', bind({ staffNo: '2003-00' }), '工号为 4 到 20 位字母或数字'],
  ['staff number with a query operator', bind({ staffNo: { $ne: null } }), '工号须为文字'],
  ['staff number too short', bind({ staffNo: '123' }), '工号为 4 到 20 位字母或数字'],
  ['staff number too long', bind({ staffNo: '1'.repeat(21) }), '工号为 4 到 20 位字母或数字'],
  ['a blank name', bind({ name: '   ' }), '请填写姓名'],
  ['name too long', bind({ name: '长'.repeat(21) }), '姓名不能超过 20 个字'],
  ['name as a number', bind({ name: 1 }), '姓名须为文字'],
  ['phone digits with a letter', bind({ phoneLast4: '12a4' }), '请填写手机号后四位数字'],
  ['five phone digits', bind({ phoneLast4: '12345' }), '请填写手机号后四位数字'],
  ['phone digits as a number', bind({ phoneLast4: 7782 }), '手机号后四位须为文字'],
  ['an extra field with a label', bind({ memberId: 'm0300' }), '不支持的字段「会员」'],
]

const memberIdCases: Case[] = [
  ['no member id', {}, '请填写会员'],
  ['member id as a number', { memberId: 19 }, '编号须为文字'],
  ['an empty member id', { memberId: '' }, '编号格式不正确'],
  ['member id too long', { memberId: 'm'.repeat(65) }, '编号格式不正确'],
  ['member id with a query operator', { memberId: { $ne: null } }, '编号须为文字'],
  ['an extra field with a label', { memberId: PEOPLE.unit03Member, staffNo: '200058' }, '不支持的字段「工号」'],
]

const grant = (overrides: Record<string, unknown>) => ({ staffNo: '200058', role: 'delegate', scope: 'session-6-2', ...overrides })

const grantCases: Case[] = [
  ['no staff number', { role: 'delegate', scope: 'session-6-2' }, '请填写工号'],
  ['no role', { staffNo: '200058', scope: 'session-6-2' }, '请填写角色'],
  ['an unknown role', grant({ role: 'admin' }), '请选择角色'],
  ['the retired member role name', grant({ role: 'member' }), '请选择角色'],
  ['role as a number', grant({ role: 1 }), '请选择角色'],
  ['staff number with symbols', grant({ staffNo: '200058;' }), '工号为 4 到 20 位字母或数字'],
  ['a blank scope', grant({ scope: '  ' }), '请从列表中选择范围'],
  ['a scope by name rather than id', grant({ scope: '六届二次' }), '请从列表中选择范围'],
  ['scope too long', grant({ scope: 'a'.repeat(65) }), '请从列表中选择范围'],
  ['scope as a number', grant({ scope: 6 }), '范围须为文字'],
  ['unionOffice with a scope', grant({ role: 'unionOffice', scope: 'unit01' }), '校工会管理员不分范围'],
  ['a scoped role without a scope', grant({ scope: undefined }), '请选择教代会代表的届次'],
  ['unitAdmin without a scope', { staffNo: '200058', role: 'unitAdmin' }, '请选择分工会管理员的分工会'],
  ['unitAdmin with an unknown unit', grant({ role: 'unitAdmin', scope: 'unit99' }), '所选分工会不存在'],
  ['delegate of an unknown session', grant({ scope: 'session-9-9' }), '所选届次不存在'],
  ['clubAdmin of an unknown club', grant({ role: 'clubAdmin', scope: 'club-chess' }), '所选俱乐部不存在'],
  ['handlingDept of an unknown department', grant({ role: 'handlingDept', scope: 'dept-none' }), '所选部门不存在'],
  ['a unit id as a club', grant({ role: 'clubAdmin', scope: 'unit05' }), '所选俱乐部不存在'],
  ['an extra field with a label', grant({ memberId: PEOPLE.unit03Member }), '不支持的字段「会员」'],
]

const revokeCases: Case[] = [
  ['no member id', { role: 'delegate', scope: 'session-6-2' }, '请填写会员'],
  ['no role', { memberId: PEOPLE.delegate }, '请填写角色'],
  ['an unknown role', { memberId: PEOPLE.delegate, role: 'superuser' }, '请选择角色'],
  ['a bad member id', { memberId: '../members', role: 'delegate', scope: 'session-6-2' }, '编号格式不正确'],
  ['an empty scope', { memberId: PEOPLE.delegate, role: 'delegate', scope: '' }, '请填写范围'],
  ['scope too long', { memberId: PEOPLE.delegate, role: 'delegate', scope: '届'.repeat(65) }, '范围不能超过 64 个字'],
  ['a staff number instead of a member id', { staffNo: '200011', role: 'delegate', scope: 'session-6-2' }, '请填写会员'],
  ['a staff number besides the member id', { memberId: PEOPLE.delegate, staffNo: '200011', role: 'delegate', scope: 'session-6-2' }, '不支持的字段「工号」'],
]

const rosterCases: Case[] = [
  ...pageCases,
  ['a search over 20 characters', { q: '长'.repeat(21) }, '搜索内容不能超过 20 个字'],
  ['a search of 21 digits', { q: '2'.repeat(21) }, '搜索内容不能超过 20 个字'],
  ['a search as a number', { q: 200058 }, '搜索内容须为文字'],
  ['a search with a query operator', { q: { $regex: '.*' } }, '搜索内容须为文字'],
  ['an unknown status', { status: 'deleted' }, '人员状态不正确'],
  ['a status label instead of its value', { status: '离校' }, '人员状态不正确'],
  ['status as a number', { status: 1 }, '人员状态不正确'],
  ['a list of statuses', { status: ['active', 'left'] }, '人员状态不正确'],
  ['a unit id of the wrong type', { unitId: 5 }, '编号须为文字'],
  ['a unit id with a query operator', { unitId: { $in: ['unit01', 'unit02'] } }, '编号须为文字'],
  ['a unit name instead of its id', { unitId: '文学院分工会' }, '编号格式不正确'],
  ['a unit id with a path in it', { unitId: '../units' }, '编号格式不正确'],
  ['an extra field with a label', { memberId: PEOPLE.unit03Member }, '不支持的字段「会员」'],
  ['a sort field', { sort: { phone: 1 } }, '不支持的字段「sort」'],
  ['an unknown group', { group: 'elderly' }, '人群不正确'],
  ['a group label instead of its value', { group: '青年教职工' }, '人群不正确'],
  ['a group in capitals', { group: 'Youth' }, '人群不正确'],
  ['an empty group', { group: '' }, '人群不正确'],
  ['group as a number', { group: 1 }, '人群不正确'],
  ['group as null', { group: null }, '人群不正确'],
  ['a list of groups', { group: ['youth', 'women'] }, '人群不正确'],
  ['a group with a query operator', { group: { $ne: null } }, '人群不正确'],
  ['a group with an age in it', { group: 'youth', youthUnderAge: 35 }, '不支持的字段「青年年龄上限」'],
]

/** The settings the union office saves: each case spoils the youth age. */
const updateSettingsCases: Case[] = [
  ['no youth age', {}, '请填写青年年龄上限'],
  ['a template id too short', { youthUnderAge: 40, templateIds: { notice: 'abc' } }, '模板编号应为微信公众平台「订阅消息」中显示的模板 ID（字母、数字、-、_）'],
  ['a template id with Chinese', { youthUnderAge: 40, templateIds: { notice: '通知公告模板编号一二三' } }, '模板编号应为微信公众平台「订阅消息」中显示的模板 ID（字母、数字、-、_）'],
  ['a template for a kind there is not', { youthUnderAge: 40, templateIds: { party: 'tmpl-party-0001' } }, '不支持的字段「party」'],
  ['template ids as text', { youthUnderAge: 40, templateIds: 'tmpl-notice-0001' }, '请求参数格式不正确'],
  ['the youth age as text', { youthUnderAge: '35' }, '青年年龄上限须为数字'],
  ['the youth age as words', { youthUnderAge: '三十五' }, '青年年龄上限须为数字'],
  ['the youth age as null', { youthUnderAge: null }, '青年年龄上限须为数字'],
  ['the youth age as a boolean', { youthUnderAge: true }, '青年年龄上限须为数字'],
  ['the youth age as NaN', { youthUnderAge: Number.NaN }, '青年年龄上限须为数字'],
  ['the youth age with a query operator', { youthUnderAge: { $gt: 0 } }, '青年年龄上限须为数字'],
  ['a list of youth ages', { youthUnderAge: [35] }, '青年年龄上限须为数字'],
  ['a fractional youth age', { youthUnderAge: 35.5 }, '青年年龄上限须为整数'],
  ['an infinite youth age', { youthUnderAge: Number.POSITIVE_INFINITY }, '青年年龄上限须为整数'],
  ['youth age 24', { youthUnderAge: 24 }, '青年年龄上限不能小于 25 岁'],
  ['youth age 0', { youthUnderAge: 0 }, '青年年龄上限不能小于 25 岁'],
  ['a negative youth age', { youthUnderAge: -40 }, '青年年龄上限不能小于 25 岁'],
  ['youth age 61', { youthUnderAge: 61 }, '青年年龄上限不能大于 60 岁'],
  ['youth age 100', { youthUnderAge: 100 }, '青年年龄上限不能大于 60 岁'],
  ['who saved it among the fields', { youthUnderAge: 35, updatedBy: PEOPLE.office }, '不支持的字段「updatedBy」'],
  ['a retirement age as text', { youthUnderAge: 40, retirementAges: { male: '60', female: 55 } }, '男职工退休年龄须为数字'],
  ['a fractional retirement age', { youthUnderAge: 40, retirementAges: { male: 60, female: 55.5 } }, '女职工退休年龄须为整数'],
  ['retirement age 44', { youthUnderAge: 40, retirementAges: { male: 60, female: 44 } }, '女职工退休年龄不能小于 45 岁'],
  ['retirement age 71', { youthUnderAge: 40, retirementAges: { male: 71, female: 55 } }, '男职工退休年龄不能大于 70 岁'],
  ['one retirement age only', { youthUnderAge: 40, retirementAges: { male: 63 } }, '请填写女职工退休年龄'],
  ['a third retirement age', { youthUnderAge: 40, retirementAges: { male: 60, female: 55, cadre: 58 } }, '不支持的字段「cadre」'],
  ['the document id among the fields', { youthUnderAge: 35, _id: 'union' }, '不支持的字段「_id」'],
  ['a field with a label from another action', { youthUnderAge: 35, group: 'youth' }, '不支持的字段「人群」'],
  // Both are wrong; the missing age is named first.
  ['another field instead of the youth age', { status: 'active' }, '请填写青年年龄上限'],
]

/** A valid edit of m0058 (unit03, 邵文) with `overrides` in its member fields (`undefined` leaves one out). */
const edit = (overrides: Record<string, unknown>) => ({ memberId: PEOPLE.unit03Member, member: memberEdit(PEOPLE.unit03Member, overrides) })

const updateMemberCases: Case[] = [
  ['no member id', { member: memberEdit(PEOPLE.unit03Member) }, '请填写会员'],
  ['a bad member id', { ...edit({}), memberId: '../members' }, '编号格式不正确'],
  ['member id with a query operator', { ...edit({}), memberId: { $ne: null } }, '编号须为文字'],
  ['no member fields', { memberId: PEOPLE.unit03Member }, '请填写会员信息'],
  ['member fields as text', { memberId: PEOPLE.unit03Member, member: '邵文' }, '请求参数格式不正确'],
  ["the form's base as text", { ...edit({}), base: '邵文' }, '请求参数格式不正确'],
  ["a form's base with a bad phone", { ...edit({}), base: memberEdit(PEOPLE.unit03Member, { phone: '12345' }) }, '手机号应为 1 开头的 11 位数字'],
  ['member fields as null', { memberId: PEOPLE.unit03Member, member: null }, '请求参数格式不正确'],
  ['no name', edit({ name: undefined }), '请填写姓名'],
  ['a blank name', edit({ name: '   ' }), '请填写姓名'],
  ['name too long', edit({ name: '长'.repeat(21) }), '姓名不能超过 20 个字'],
  ['name as a number', edit({ name: 1 }), '姓名须为文字'],
  ['no gender', edit({ gender: undefined }), '请填写性别'],
  ['an unknown gender', edit({ gender: 'other' }), '请选择性别'],
  ['gender as its label', edit({ gender: '男' }), '请选择性别'],
  ['no birth date', edit({ birthDate: undefined }), '请填写出生日期'],
  ['a birth date that does not exist', edit({ birthDate: '1980-02-30' }), '出生日期不是有效日期'],
  ['a birth date in month 13', edit({ birthDate: '1980-13-01' }), '出生日期不是有效日期'],
  ['a birth date on 29 February of a common year', edit({ birthDate: '1981-02-29' }), '出生日期不是有效日期'],
  ['a birth date tomorrow (Shanghai)', edit({ birthDate: '2026-11-21' }), '出生日期不能晚于今天'],
  ['a birth date in another format', edit({ birthDate: '1980/01/31' }), '日期格式应为 1980-01-31'],
  ['a birth date with a time', edit({ birthDate: '1980-01-31 00:00' }), '日期格式应为 1980-01-31'],
  ['a masked birth date', edit({ birthDate: '****-10-09' }), '日期格式应为 1980-01-31'],
  ['a birth date as a number', edit({ birthDate: 19800131 }), '日期须为文字'],
  ['no member-since date', edit({ memberSince: undefined }), '请填写入会时间'],
  ['a member-since date in the future', edit({ memberSince: '2027-09-01' }), '入会时间不能晚于今天'],
  ['a member-since date tomorrow (Shanghai)', edit({ memberSince: '2026-11-21' }), '入会时间不能晚于今天'],
  ['a member-since date that does not exist', edit({ memberSince: '2025-09-31' }), '入会时间不是有效日期'],
  ['a member-since date in another format', edit({ memberSince: '2025-9-1' }), '日期格式应为 1980-01-31'],
  ['no unit', edit({ unitId: undefined }), '请填写分工会'],
  ['an unknown unit', edit({ unitId: 'unit99' }), '所选分工会不存在'],
  ['a unit name instead of its id', edit({ unitId: '后勤保障分工会' }), '编号格式不正确'],
  ['a unit id with a query operator', edit({ unitId: { $ne: null } }), '编号须为文字'],
  ['no phone', edit({ phone: undefined }), '请填写手机号'],
  ['a four-digit phone', edit({ phone: '2123' }), '手机号应为 1 开头的 11 位数字'],
  ['an 11-digit phone not starting with 1', edit({ phone: '21234567890' }), '手机号应为 1 开头的 11 位数字'],
  ['a 12-digit phone', edit({ phone: '139000011112' }), '手机号应为 1 开头的 11 位数字'],
  ['a masked phone', edit({ phone: '155****9151' }), '手机号应为 1 开头的 11 位数字'],
  ['a phone with spaces', edit({ phone: '139 0000 1111' }), '手机号应为 1 开头的 11 位数字'],
  ['phone as a number', edit({ phone: 13900001111 }), '手机号须为文字'],
  ['no status', edit({ status: undefined }), '请填写人员状态'],
  ['an unknown status', edit({ status: 'deleted' }), '请选择人员状态'],
  ['status as its label', edit({ status: '离校' }), '请选择人员状态'],
  ['no dues state', edit({ duesPaid: undefined }), '请填写会费状态'],
  ['dues state as text', edit({ duesPaid: 'yes' }), '会费状态须为是或否'],
  ['dues state as a number', edit({ duesPaid: 1 }), '会费状态须为是或否'],
  ['roles among the fields', edit({ roles: ['unionOffice'] }), '不支持的字段「roles」'],
  ['a staff number among the fields', edit({ staffNo: '100003' }), '不支持的字段「工号」'],
  ['an _id among the fields', edit({ _id: 'm0001' }), '不支持的字段「_id」'],
  ['a creation time among the fields', edit({ createdAt: iso(-DAY) }), '不支持的字段「createdAt」'],
  ['an extra top-level field', { ...edit({}), staffNo: '200058' }, '不支持的字段「工号」'],
]

const auditListCases: Case[] = [
  ...pageCases,
  ['an unknown action', { action: 'members.delete' }, '操作类型不正确'],
  ['action of the wrong type', { action: 1 }, '操作类型不正确'],
  ['a date that does not exist', { from: '2026-02-30' }, '日期不存在'],
  ['an end date that does not exist', { to: '2026-13-01' }, '日期不存在'],
  ['a date in another format', { from: '2026/11/20' }, '日期格式应为 2026-11-22'],
  ['a date with a time', { to: '2026-11-20 10:00' }, '日期格式应为 2026-11-22'],
  ['a date as a number', { from: 20261120 }, '日期须为文字'],
  ['from after to', { from: '2026-11-21', to: '2026-11-20' }, '开始日期不能晚于结束日期'],
  ['an extra field with a label', { state: 'published' }, '不支持的字段「状态」'],
]

const exportCases: Case[] = [
  ['a unit id of the wrong type', { unitId: 5 }, '编号须为文字'],
  ['a unit id with a query operator', { unitId: { $ne: null } }, '编号须为文字'],
  ['an empty unit id', { unitId: '' }, '编号格式不正确'],
  ['a unit id over 64 characters', { unitId: 'u'.repeat(65) }, '编号格式不正确'],
  ['a unit name instead of its id', { unitId: '文学院分工会' }, '编号格式不正确'],
  ['a unit id with a path in it', { unitId: '../units' }, '编号格式不正确'],
  ['a unit that does not exist', { unitId: 'unit99' }, '所选分工会不存在，请重新选择'],
  ['a list of unit ids', { unitId: ['unit01', 'unit02'] }, '编号须为文字'],
  ['an import mode', { full: true }, '不支持的字段「导入方式」'],
  ['a status filter', { status: 'left' }, '不支持的字段「人员状态」'],
]

/** Bad requests for a congress session's 提案汇编 or 提案办理情况表: the session, and nothing else. */
const delegatesFileCases: Case[] = [
  ['no file', { sessionId: 'session-6-2' }, '请填写名册文件'],
  ['an empty file id', { sessionId: 'session-6-2', fileId: '' }, '请先选择名册文件'],
  ['a file id as a number', { sessionId: 'session-6-2', fileId: 7 }, '文件标识须为文字'],
  ['no session', { fileId: VALID_DELEGATES.fileId }, '请填写届次'],
  ['a full import flag', { ...VALID_DELEGATES, full: true }, '不支持的字段「导入方式」'],
]

const sessionExportCases: Case[] = [
  ['no session', {}, '请填写届次'],
  ['a session id as a number', { sessionId: 62 }, '编号须为文字'],
  ['a session id with a query operator', { sessionId: { $ne: null } }, '编号须为文字'],
  ['a session id with a path in it', { sessionId: '../congressSessions' }, '编号格式不正确'],
  ['an empty session id', { sessionId: '' }, '编号格式不正确'],
  ['a state filter', { sessionId: 'session-6-2', state: 'accepted' }, '不支持的字段「状态」'],
  ['a year', { sessionId: 'session-6-2', year: 2026 }, '不支持的字段「年份」'],
]

/** Bad filters of the ledger's export: its year (which it needs), its kind and unit, and no paging. */
const ledgerExportCases: Case[] = [
  ['no year', {}, '请填写年份'],
  ['a kind without a year', { kind: 'birthday' }, '请填写年份'],
  ['year as text', { year: '2026' }, '年份须为数字'],
  ['a fractional year', { year: 2026.5 }, '年份须为整数'],
  ['year 1999', { year: 1999 }, '年份不正确'],
  ['year 2101', { year: 2101 }, '年份不正确'],
  ['an unknown kind', { year: 2026, kind: 'gift' }, '请选择福利类别'],
  ['a kind as a number', { year: 2026, kind: 1 }, '请选择福利类别'],
  ['a unit id with a query operator', { year: 2026, unitId: { $ne: null } }, '编号须为文字'],
  ['a unit id with a path in it', { year: 2026, unitId: '../units' }, '编号格式不正确'],
  ['a member id with a query operator', { year: 2026, memberId: { $ne: null } }, '编号须为文字'],
  ['a member id as a number', { year: 2026, memberId: 66 }, '编号须为文字'],
  ['a unit that does not exist', { year: 2026, unitId: 'unit99' }, '所选分工会不存在，请重新选择'],
  ['a page', { year: 2026, offset: 0 }, '不支持的字段「分页位置」'],
  ['a page size', { year: 2026, limit: 50 }, '不支持的字段「每页条数」'],
]

/** A valid preview payload with `overrides` (`undefined` leaves a field out). */
const rosterFile = (overrides: Record<string, unknown>) =>
  Object.fromEntries(Object.entries({ fileId: VALID_ROSTER.fileId, full: false, ...overrides }).filter(([, value]) => value !== undefined))

/** Bad file and mode fields, the same for preview and (with a plan id) for apply. */
const fileCases: Case[] = [
  ['no file id', rosterFile({ fileId: undefined }), '请填写名册文件'],
  ['no import mode', rosterFile({ full: undefined }), '请填写导入方式'],
  ['nothing at all', {}, '请填写名册文件'],
  ['file id as a number', rosterFile({ fileId: 123 }), '文件标识须为文字'],
  ['file id with a query operator', rosterFile({ fileId: { $ne: null } }), '文件标识须为文字'],
  ['file id as null', rosterFile({ fileId: null }), '文件标识须为文字'],
  ['an empty file id', rosterFile({ fileId: '' }), '请先选择名册文件'],
  ['a file id over 512 characters', rosterFile({ fileId: 'f'.repeat(513) }), '文件标识不正确，请重新选择文件'],
  ['import mode as text', rosterFile({ full: 'true' }), '请选择导入方式'],
  ['import mode as a number', rosterFile({ full: 1 }), '请选择导入方式'],
  ['import mode as null', rosterFile({ full: null }), '请选择导入方式'],
  ['a unit id', rosterFile({ unitId: 'unit01' }), '不支持的字段「分工会」'],
]

const previewCases: Case[] = [...fileCases, ['a plan id', rosterFile({ planId: VALID_ROSTER.planId }), '不支持的字段「预览标识」']]

const apply = (overrides: Record<string, unknown>) => rosterFile({ planId: VALID_ROSTER.planId, ...overrides })

const applyCases: Case[] = [
  ...fileCases.map(([what, payload, message]): Case => [what, { ...(payload as object), planId: VALID_ROSTER.planId }, message]),
  ['no plan id', apply({ planId: undefined }), '请填写预览标识'],
  ['plan id as a number', apply({ planId: 1234567890123456 }), '预览标识须为文字'],
  ['plan id with a query operator', apply({ planId: { $ne: null } }), '预览标识须为文字'],
  ['an empty plan id', apply({ planId: '' }), '预览标识不正确，请重新预览'],
  ['a plan id one character short', apply({ planId: VALID_ROSTER.planId.slice(1) }), '预览标识不正确，请重新预览'],
  ['a plan id one character long', apply({ planId: `${VALID_ROSTER.planId}0` }), '预览标识不正确，请重新预览'],
  ['a plan id in capitals', apply({ planId: 'ABCDEF0123456789' }), '预览标识不正确，请重新预览'],
  ['a plan id that is not hex', apply({ planId: 'g'.repeat(16) }), '预览标识不正确，请重新预览'],
  ['a plan id with a line break after it', apply({ planId: `${VALID_ROSTER.planId}\n` }), '预览标识不正确，请重新预览'],
]

const eventIdCases: Case[] = [
  ['no event id', {}, '请填写活动'],
  ['event id as a number', { eventId: 7 }, '编号须为文字'],
  ['event id with a path', { eventId: '../events' }, '编号格式不正确'],
  ['event id with a query operator', { eventId: { $ne: null } }, '编号须为文字'],
]

const signupIdCases: Case[] = [
  ['no sign-up id', {}, '请填写报名记录'],
  ['sign-up id as a number', { signupId: 1 }, '编号须为文字'],
  ['sign-up id with a query operator', { signupId: { $gt: '' } }, '编号须为文字'],
]

const choice = (key: string, label: string, options: unknown) => ({ key, label, type: 'choice', required: true, options })

/** Bad event settings, for create and (wrapped) for update of the unit05 draft. */
const settingsCases: Case[] = [
  ['no kind', eventSettings({ kind: undefined }), '请填写活动类型'],
  ['an unknown kind', eventSettings({ kind: 'party' }), '请选择活动类型'],
  ['no title', eventSettings({ title: undefined }), '请填写活动名称'],
  ['a blank title', eventSettings({ title: '  ' }), '请填写活动名称'],
  ['a title over 60', eventSettings({ title: '长'.repeat(61) }), '活动名称不能超过 60 个字'],
  ['a description over 10,000', eventSettings({ description: '字'.repeat(10_001) }), '活动介绍不能超过 10000 个字'],
  ['no place', eventSettings({ place: undefined }), '请填写活动地点'],
  ['a start that is not a time', eventSettings({ startAt: '下周一下午' }), '开始时间格式不正确'],
  ['a start with an hour-only offset', eventSettings({ startAt: '2026-11-30T14:00:00+08' }), '开始时间格式不正确'],
  ['a start on 31 November', eventSettings({ startAt: '2026-11-31T14:00:00+08:00' }), '开始时间格式不正确'],
  ['an end before the start', eventSettings({ endAt: shanghaiAt(10, '13:00') }), '结束时间须晚于开始时间'],
  ['sign-up closing before it opens', eventSettings({ signupOpensAt: shanghaiAt(5, '09:00'), signupClosesAt: shanghaiAt(4, '09:00') }), '报名截止时间须晚于报名开始时间'],
  ['sign-up closing after the end', eventSettings({ signupClosesAt: shanghaiAt(11, '09:00') }), '报名截止时间不能晚于活动结束时间'],
  ['an event already over', eventSettings({ startAt: iso(-3 * DAY), endAt: iso(-2 * DAY), signupOpensAt: iso(-5 * DAY), signupClosesAt: iso(-4 * DAY), cancelPolicy: { kind: 'never' } }), '活动结束时间已过'],
  ['a start more than 400 days ahead', eventSettings({ startAt: iso(401 * DAY), endAt: iso(402 * DAY) }), '活动最多提前 400 天安排'],
  ['capacity -1', eventSettings({ capacity: -1 }), '名额不能小于 1'],
  ['capacity 0', eventSettings({ capacity: 0 }), '名额不能小于 1'],
  ['capacity 1e9', eventSettings({ capacity: 1e9 }), '名额不能大于 10000'],
  ['a fractional capacity', eventSettings({ capacity: 2.5 }), '名额须为整数'],
  ['capacity as text', eventSettings({ capacity: '50' }), '名额须为数字'],
  ['quotas summing above capacity', eventSettings({ capacity: 10, unitQuotas: [{ unitId: 'unit01', quota: 6 }, { unitId: 'unit02', quota: 6 }] }), '各分工会名额合计 12 人，超过了总名额 10 人'],
  ['one unit twice in the quotas', eventSettings({ unitQuotas: [{ unitId: 'unit01', quota: 5 }, { unitId: 'unit01', quota: 5 }] }), '同一分工会的名额只能填写一次'],
  ['a quota of 0', eventSettings({ unitQuotas: [{ unitId: 'unit01', quota: 0 }] }), '分工会名额不能小于 1'],
  ['a quota for an unknown unit', eventSettings({ unitQuotas: [{ unitId: 'unit99', quota: 5 }] }), '所选分工会有的已不存在'],
  ['a waitlist without any limit', eventSettings({ capacity: null, waitlist: { kind: 'auto' } }), '不限名额的活动不需要候补'],
  ['an offer with 0 hours to accept', eventSettings({ waitlist: { kind: 'offer', acceptHours: 0 } }), '确认时限不能小于 1'],
  ['an unknown waitlist kind', eventSettings({ waitlist: { kind: 'lottery' } }), '请选择候补方式'],
  ['cancelling allowed after the start', eventSettings({ cancelPolicy: { kind: 'until', until: shanghaiAt(10, '15:00') } }), '取消截止时间不能晚于活动开始时间'],
  ['a cancel deadline that is not a time', eventSettings({ cancelPolicy: { kind: 'until', until: 'soon' } }), '取消截止时间格式不正确'],
  ['an unknown review', eventSettings({ review: 'manual' }), '请选择审核方式'],
  ['a check-in window of a week', eventSettings({ checkIn: { kind: 'code', opensMinutesBefore: 7 * 24 * 60, closesMinutesAfter: 60 } }), '签到提前开放分钟数不能大于 1440'],
  ['a minimum age above the maximum', eventSettings({ eligibility: { minAge: 50, maxAge: 40 } }), '最小年龄不能大于最大年龄'],
  ['an age of 200', eventSettings({ eligibility: { maxAge: 200 } }), '最大年龄不能大于 100'],
  ['an unknown status', eventSettings({ eligibility: { statuses: ['left'] } }), '人员状态不正确'],
  ['an unknown group', eventSettings({ eligibility: { groups: ['elders'] } }), '人群不正确'],
  ['delegates of an unknown session', eventSettings({ eligibility: { delegatesOf: 'session-9-9' } }), '所选教代会届次不存在'],
  ['women staff limited to men', eventSettings({ eligibility: { groups: ['women'], gender: 'male' } }), '女教职工活动不能限男性报名'],
  ['an unknown condition', eventSettings({ eligibility: { height: 170 } }), '不支持的字段「height」'],
  ['a choice question without options', eventSettings({ form: [{ key: 'group', label: '组别', type: 'choice', required: true }] }), '「组别」是选择题，请填写选项'],
  ['a choice question with one option', eventSettings({ form: [choice('group', '组别', ['男子组'])] }), '请至少填写两个选项'],
  ['a choice offered twice', eventSettings({ form: [choice('group', '组别', ['男子组', '男子组'])] }), '「组别」有重复的选项'],
  ['two questions with one key', eventSettings({ form: [choice('group', '组别', ['甲', '乙']), choice('group', '项目', ['丙', '丁'])] }), '报名表有两道题的标识相同'],
  ['an unknown question type', eventSettings({ form: [{ key: 'photo', label: '照片', type: 'image', required: false }] }), '题目类型不正确'],
  ['a question key with Chinese', eventSettings({ form: [{ key: '组别', label: '组别', type: 'text', required: false }] }), '题目标识格式不正确'],
  ['a range on a text question', eventSettings({ form: [{ key: 'note', label: '备注', type: 'text', required: false, min: 1 }] }), '「备注」不是数字题，不需要取值范围'],
  ['a number range upside down', eventSettings({ form: [{ key: 'kids', label: '孩子人数', type: 'number', required: true, min: 5, max: 1 }] }), '「孩子人数」的最小值大于最大值'],
  ['21 questions', eventSettings({ form: Array.from({ length: 21 }, (_, i) => ({ key: `q${i}`, label: `问题${i}`, type: 'text', required: false })) }), '报名表最多 20 题'],
  ['an unknown settings field', eventSettings({ zzz: 1 }), '不支持的字段「zzz」'],
  ['a cover id as a number', eventSettings({ coverFileId: 5 }), '封面图须为文字'],
  ['an empty cover id', eventSettings({ coverFileId: '' }), '封面图不正确，请重新选择图片'],
  ['a cover id of 301 characters', eventSettings({ coverFileId: 'a'.repeat(301) }), '封面图不正确，请重新选择图片'],
  ['a cover id with a query operator', eventSettings({ coverFileId: { $ne: null } }), '封面图须为文字'],
  ['a cover from another file store', eventSettings({ coverFileId: 'cloud://other-env.7a6b/uploads/cover.jpg' }), '封面图不是在本小程序上传的图片'],
  ['a cover whose file is gone', eventSettings({ coverFileId: 'feedbeef'.repeat(4) }), '封面图已失效'],
  ['settings as text', '讲座', '请求参数格式不正确'],
]

const policy = (overrides: Record<string, unknown>) => birthdayPolicyInput(overrides)
const gift = (overrides: Record<string, unknown>) => policy({ gift: { ...birthdayPolicyInput().gift, ...overrides } })

const policyCases: Case[] = [
  ['no kind', policy({ kind: undefined }), '请填写福利类别'],
  ['an unknown kind', policy({ kind: 'shoppingCard' }), '请选择福利类别'],
  ['no yearly cap', policy({ yearlyCap: undefined }), '请填写年度限额'],
  ['a negative cap', policy({ yearlyCap: -1 }), '金额不能为负'],
  ['a cap in fractions of a fen', policy({ yearlyCap: 300.005 }), '金额最多精确到分（两位小数）'],
  ['a cap as text', policy({ yearlyCap: '300' }), '金额须为数字'],
  ['a cap of 1e9', policy({ yearlyCap: 1e9 }), '金额不能超过 100,000 元'],
  ['an infinite cap', policy({ yearlyCap: Infinity }), '金额须为数字'],
  ['an unknown frequency', policy({ frequency: 'daily' }), '请选择发放频次'],
  ['no forms', policy({ forms: [] }), '请至少选择一种发放形式'],
  ['a shopping card', policy({ forms: ['shoppingCard'] }), '发放形式只能是实物、提货券或慰问金'],
  ['a form twice', policy({ forms: ['voucher', 'voucher'] }), '发放形式重复了'],
  ['cash for birthdays', policy({ forms: ['voucher', 'cash'] }), '生日慰问只能发实物或提货券，不能发慰问金（现金）'],
  ['cash for festivals', policy({ kind: 'festival', frequency: 'withinCap', forms: ['cash'], gift: undefined }), '节日慰问只能发实物或提货券，不能发慰问金（现金）'],
  ['birthdays more than once a year', policy({ frequency: 'withinCap' }), '生日慰问每人每年一次'],
  ['no statuses', policy({ eligibility: { statuses: [], duesPaid: true, minMonths: 0 } }), '请至少选择在职或退休中的一项'],
  ['members who left', policy({ eligibility: { statuses: ['left'], duesPaid: true, minMonths: 0 } }), '人员状态只能是在职或退休'],
  ['months as text', policy({ eligibility: { statuses: ['active'], duesPaid: true, minMonths: '6' } }), '入会月数须为数字'],
  ['negative months', policy({ eligibility: { statuses: ['active'], duesPaid: true, minMonths: -1 } }), '入会月数不能为负'],
  ['dues as text', policy({ eligibility: { statuses: ['active'], duesPaid: '是', minMonths: 0 } }), '是否要求按时缴纳会费须为是或否'],
  ['a source of 81 characters', policy({ source: '文'.repeat(81) }), '政策依据不能超过 80 个字'],
  ['a gift above the cap', gift({ amount: 300.01 }), '生日礼品金额 ¥300.01 超过了年度限额 ¥300'],
  ['a negative gift', gift({ amount: -200 }), '金额不能为负'],
  ['a gift of nothing', gift({ amount: 0 }), '生日礼品金额须大于 0'],
  ['a gift in cash', gift({ form: 'cash' }), '生日礼品只能是实物或提货券'],
  ['a gift form the policy does not allow', policy({ forms: ['voucher'], gift: { ...birthdayPolicyInput().gift, form: 'inKind' } }), '生日礼品的形式「实物」不在允许的发放形式中'],
  ['a gift for festivals', policy({ kind: 'festival', frequency: 'withinCap', forms: ['voucher'] }), '只有生日慰问设置生日礼品'],
  ['a blank gift item', gift({ item: '  ' }), '请填写生日礼品名称'],
  ['a gift item of 21 characters', gift({ item: '蛋'.repeat(21) }), '生日礼品名称不能超过 20 个字'],
  ['a pickup without its place', gift({ handout: { kind: 'pickup' } }), '请填写领取地点'],
  ['an unknown handout', gift({ handout: { kind: 'mail' } }), '请选择领取方式'],
  ['0 days to collect', gift({ claimDays: 0 }), '领取期限至少 1 天'],
  ['91 days to collect', gift({ claimDays: 91 }), '领取期限最多 90 天'],
  ['half a day to collect', gift({ claimDays: 0.5 }), '领取期限须为整数天'],
  ['31 days before the birthday', gift({ lead: { kind: 'daysBefore', days: 31 } }), '提前天数最多 30 天'],
  ['days before without the days', gift({ lead: { kind: 'daysBefore' } }), '请填写提前天数'],
  ['an unknown lead', gift({ lead: { kind: 'weekStart' } }), '请选择发放时间'],
  ['a policy as text', '生日慰问', '请求参数格式不正确'],
]

const round = (overrides: Record<string, unknown>) => midAutumnRound(overrides)
const roundItem = (overrides: Record<string, unknown>) => round({ items: [{ item: '月饼礼盒', amount: 150, form: 'inKind', ...overrides }] })
const audience = (overrides: Record<string, unknown>) => round({ audience: { statuses: ['active'], duesPaidOnly: true, ...overrides } })

const roundCases: Case[] = [
  ['no festival', round({ festival: undefined }), '请填写节日'],
  ['an unknown festival', round({ festival: 'christmas' }), '请选择节日'],
  ['a fractional year', round({ year: 2026.5 }), '年份须为整数'],
  ['a festival long past', round({ festival: 'dragonBoat' }), '已过去 60 天以上'],
  ['a festival more than a year ahead', round({ year: 2028 }), '还在一年以后'],
  ['no gifts', round({ items: [] }), '请至少填写一项礼品'],
  ['gifts as text', round({ items: '月饼' }), '请填写礼品'],
  ['six gifts', round({ items: Array.from({ length: 6 }, () => ({ item: '月饼', amount: 10, form: 'inKind' })) }), '礼品最多 5 项'],
  ['a negative amount', roundItem({ amount: -150 }), '金额不能为负'],
  ['an amount in fractions of a fen', roundItem({ amount: 150.555 }), '金额最多精确到分'],
  ['an amount of nothing', roundItem({ amount: 0 }), '礼品金额须大于 0'],
  ['an amount as text', roundItem({ amount: '150' }), '金额须为数字'],
  ['an amount of a million', roundItem({ amount: 1_000_000 }), '金额不能超过 100,000 元'],
  ['cash', roundItem({ form: 'cash' }), '节日慰问只能发实物或提货券，不能发现金'],
  ['a shopping card', roundItem({ form: 'shoppingCard' }), '节日慰问只能发实物或提货券，不能发现金'],
  ['a gift name of 21 characters', roundItem({ item: '月'.repeat(21) }), '礼品名称不能超过 20 个字'],
  ['no audience statuses', audience({ statuses: [] }), '请至少选择在职或退休中的一项'],
  ['those who left', audience({ statuses: ['left'] }), '发放对象只能是在职或退休'],
  ['no units named', audience({ unitIds: [] }), '请至少选择一个分工会'],
  ['a unit id with a query operator', audience({ unitIds: [{ $ne: null }] }), '编号须为文字'],
  ['dues as text', audience({ duesPaidOnly: 'yes' }), '是否仅限已缴会费须为是或否'],
  ['a pickup without its place', round({ handout: { kind: 'pickup' } }), '请填写领取地点'],
  ['a claim code handout', round({ handout: { kind: 'code' } }), '请选择发放方式'],
  ['no days to collect', round({ claimDays: 0 }), '领取期限至少 1 天'],
  ['no budget', round({ budget: undefined }), '请填写预算'],
  ['a negative budget', round({ budget: -1 }), '金额不能为负'],
]

const roundIdCases: Case[] = [
  ['no round id', {}, '请填写节日慰问'],
  ['round id as a number', { roundId: 2026 }, '编号须为文字'],
  ['round id with a query operator', { roundId: { $ne: null } }, '编号须为文字'],
  ['round id with a path', { roundId: '../benefitRounds' }, '编号格式不正确'],
]

const mark = (overrides: Record<string, unknown>) => ({ roundId: '2026-dragonBoat', unitId: 'unit05', memberIds: ['m0006'], ...overrides })

/** A valid hospital stay to apply for, as union office staff (who qualify): each case spoils one field. */
const stay = (overrides: Record<string, unknown> = {}) => ({ kind: 'hospitalization', date: '2026-11-10', hospital: '湖州市中心医院', ...overrides })

const applicationCases: Case[] = [
  ['no kind', { date: '2026-11-10' }, '请选择慰问类别（结婚、生育、住院、退休、会员亡故、直系亲属亡故）'],
  ['a kind no one applies for', { kind: 'birthday', date: '2026-11-10' }, '请选择慰问类别'],
  ['a kind as a number', { kind: 3, date: '2026-11-10' }, '请选择慰问类别'],
  ['no date', { kind: 'marriage' }, '请填写日期'],
  ['a date as a number', { kind: 'marriage', date: 20261001 }, '结婚登记日期须为文字'],
  ['a date in another format', { kind: 'marriage', date: '2026/10/01' }, '结婚登记日期格式应为 2026-05-20'],
  ['a date that does not exist', { kind: 'marriage', date: '2026-02-30' }, '结婚登记日期不是有效的日期'],
  ['a birth to come', { kind: 'childbirth', date: '2026-12-01' }, '子女出生日期不能晚于今天：事情发生后再申请'],
  ['a stay over a year ago', stay({ date: '2025-10-01' }), '入院日期已超过 12 个月（早于 2025-11-20），不能再申请慰问'],
  ['a discharge before admission', stay({ dischargedOn: '2026-11-01' }), '出院日期不能早于入院日期'],
  ['no hospital', { kind: 'hospitalization', date: '2026-11-10' }, '请填写医院名称'],
  ['a blank hospital', stay({ hospital: '   ' }), '请填写医院名称'],
  ['a hospital over 40', stay({ hospital: '院'.repeat(41) }), '医院名称不能超过 40 个字'],
  ['a hospital as a query operator', stay({ hospital: { $ne: null } }), '医院名称须为文字'],
  ['a relative’s death without the relation', { kind: 'relativeBereavement', date: '2026-11-01' }, '请填写与会员的关系'],
  ['a relation not a direct one', { kind: 'relativeBereavement', date: '2026-11-01', relation: 'cousin' }, '请选择亲属与会员的关系'],
  ['a hospital on a marriage', { kind: 'marriage', date: '2026-10-01', hospital: '湖州市中心医院' }, '不支持的字段「医院名称」'],
  ['a note over 200', stay({ note: '长'.repeat(201) }), '说明不能超过 200 个字'],
  ['proofs as text', stay({ proofFileIds: 'cloud://a.png' }), '证明材料须为上传的图片'],
  ['a proof as an object', stay({ proofFileIds: [{ $ne: null }] }), '证明材料须为上传的图片'],
  ['a proof id over 300', stay({ proofFileIds: ['x'.repeat(301)] }), '证明材料不正确，请重新选择图片'],
  ['7 proofs', stay({ proofFileIds: Array.from({ length: 7 }, (_, i) => `proof-${i}`) }), '证明材料最多 6 张图片'],
  ['the same proof twice', stay({ proofFileIds: ['proof-1', 'proof-1'] }), '证明材料中有重复的图片'],
  ['a proof not uploaded here', stay({ proofFileIds: ['cloud://env-1234.7463/proofs/a.png'] }), '第 1 张证明材料不是在本小程序上传的图片，请重新选择图片'],
  ['a proof that is not there', stay({ proofFileIds: ['0123456789abcdef0123456789abcdef'] }), '第 1 张证明材料已失效'],
]

const applicationIdCases: Case[] = [
  ['no application id', {}, '请填写慰问申请'],
  ['an application id as a number', { applicationId: 7 }, '编号须为文字'],
  ['an application id with a query operator', { applicationId: { $ne: null } }, '编号须为文字'],
  ['an application id with a path', { applicationId: '../benefitApplications' }, '编号格式不正确'],
]

const returnCases = (approve: string): Case[] => [
  ['no decision', { applicationId: 'no-such-application' }, approve],
  ['a decision as text', { applicationId: 'no-such-application', approve: '通过' }, approve],
  ['a return without a reason', { applicationId: 'no-such-application', approve: false }, '请填写原因'],
  ['a blank reason', { applicationId: 'no-such-application', approve: false, reason: '  ' }, '请填写退回原因'],
  ['a reason over 100', { applicationId: 'no-such-application', approve: false, reason: '长'.repeat(101) }, '退回原因不能超过 100 个字'],
  ...applicationIdCases.map(([what, payload, message]): Case => [what, { ...(payload as object), approve: false, reason: '材料不全' }, message]),
]

/** An approval of an application (not there: the input is refused first); an override of `undefined` leaves the field out. */
const approval = (overrides: Record<string, unknown>) =>
  Object.fromEntries(Object.entries({ applicationId: 'no-such-application', approve: true, amount: 800, form: 'cash', ...overrides }).filter(([, value]) => value !== undefined))

const caseIdCases: Case[] = [
  ['no case id', {}, '请填写困难帮扶档案'],
  ['a case id as a number', { caseId: 7 }, '编号须为文字'],
  ['a case id with a query operator', { caseId: { $ne: null } }, '编号须为文字'],
  ['a case id with a path', { caseId: '../hardshipCases' }, '编号格式不正确'],
]

/** A valid payload of a hardship action with `overrides` (`undefined` leaves a field out). */
const hardship = (valid: Record<string, unknown>) => (overrides: Record<string, unknown>) =>
  Object.fromEntries(Object.entries({ ...valid, ...overrides }).filter(([, value]) => value !== undefined))
const hardshipReport = hardship({ memberId: 'm0006', cause: 'illness', level: 'general', situation: '配偶重病住院' })
const keepsakes = hardship({ memberIds: ['m0134'], item: '荣休水晶杯', amount: 300, form: 'inKind', pickupPlace: '荣休仪式现场' })
const hardshipAid = hardship({ caseId: 'no-such-case', amount: 500, form: 'cash', day: '2026-11-19', approvalRef: '主席办公会' })
const hardshipVisit = hardship({ caseId: 'no-such-case', visitKind: 'warmth', day: '2026-11-19', visitors: '胡静' })

const CASES: Record<string, Record<string, Case[]>> = {
  benefits: {
    policies: noPayloadCases,
    festivals: noPayloadCases,
    updatePolicy: policyCases,
    mine: [['year 1999', { year: 1999 }, '年份不正确'], ['year as text', { year: '2026' }, '年份须为数字'], ['a fractional year', { year: 2026.5 }, '年份须为整数']],
    ledger: [
      ...pageCases,
      ['an unknown kind', { kind: 'gift' }, '请选择福利类别'],
      ['a unit id with a query operator', { unitId: { $ne: null } }, '编号须为文字'],
      ['a member id with a query operator', { memberId: { $ne: null } }, '编号须为文字'],
      ['year as text', { year: '2026' }, '年份须为数字'],
    ],
    ledgerSummary: [
      ['an unknown kind', { kind: 'gift' }, '请选择福利类别'],
      ['a page', { offset: 0 }, '不支持的字段「分页位置」'],
      ['year 1999', { year: 1999 }, '年份不正确'],
      ['a member id as a number', { memberId: 66 }, '编号须为文字'],
    ],
    home: noPayloadCases,
    confirmReceipt: [
      ['no payout id', {}, '请填写福利记录'],
      ['payout id as a number', { payoutId: 1 }, '编号须为文字'],
      ['payout id with a query operator', { payoutId: { $ne: null } }, '编号须为文字'],
      ['payout id with a path', { payoutId: '../benefitPayouts' }, '编号格式不正确'],
    ],
    previewRound: roundCases,
    applyRound: [
      ['no round', { expected: { count: 17, totalFen: 340_000 } }, '请填写节日慰问内容'],
      ['no preview named', { round: midAutumnRound() }, '请填写预览结果'],
      ['a negative count', { round: midAutumnRound(), expected: { count: -1, totalFen: 0 } }, '预览人数不正确'],
      ['a total in fractions of a fen', { round: midAutumnRound(), expected: { count: 17, totalFen: 340_000.5 } }, '预览金额须为整数（分）'],
      ['a negative amount in the round', { round: roundItem({ amount: -150 }), expected: { count: 17, totalFen: 340_000 } }, '金额不能为负'],
    ],
    resumeRound: roundIdCases,
    rounds: [['year 1999', { year: 1999 }, '年份不正确'], ['year as text', { year: '2026' }, '年份须为数字']],
    round: roundIdCases,
    roundHandout: [...roundIdCases.map(([what, payload, message]): Case => [what, { ...(payload as object), unitId: 'unit05' }, message]), ['no unit', { roundId: '2026-dragonBoat' }, '请填写分工会'], ['a unit id with a query operator', { roundId: '2026-dragonBoat', unitId: { $ne: null } }, '编号须为文字']],
    markReceived: [
      ['nobody', mark({ memberIds: [] }), '请选择已领取的人'],
      ['members as text', mark({ memberIds: 'm0006' }), '请选择已领取的人'],
      ['501 members', mark({ memberIds: Array.from({ length: 501 }, (_, i) => `m${i}`) }), '一次最多标记 500 人'],
      ['a member id with a query operator', mark({ memberIds: [{ $ne: null }] }), '编号须为文字'],
      ['someone of another unit', mark({ memberIds: ['m0006', 'm0019'] }), '有 1 人不在本分工会的2026 年端午节日慰问发放名单中'],
    ],
    apply: [...applicationCases, ['a member’s own death', { kind: 'bereavement', date: '2026-11-01' }, '会员亡故慰问由所在分工会代为申请']],
    applyFor: [
      ['no member', { application: stay() }, '请填写会员'],
      ['a member id with a query operator', { memberId: { $ne: null }, application: stay() }, '编号须为文字'],
      ['no application', { memberId: 'm0006' }, '请填写慰问申请'],
      ...applicationCases.map(([what, application, message]): Case => [what, { memberId: 'm0006', application }, message]),
    ],
    myApplications: pageCases,
    applicationQueue: [...pageCases, ['an unknown state', { state: 'approving' }, '申请状态只能是待分工会审核、待校工会审批、已审批发放或已退回'], ['a unit id with a query operator', { unitId: { $ne: null } }, '编号须为文字']],
    application: applicationIdCases,
    checkApplication: [...returnCases('请选择审核结果：通过或退回'), ['an amount on a check', { applicationId: 'no-such-application', approve: true, amount: 800 }, '不支持的字段「金额」']],
    decideApplication: [
      ...returnCases('请选择审批结果：批准或退回'),
      ['no amount', approval({ amount: undefined }), '请填写金额'],
      ['an amount as text', approval({ amount: '800' }), '金额须为数字'],
      ['a negative amount', approval({ amount: -800 }), '金额不能为负'],
      ['an amount of nothing', approval({ amount: 0 }), '慰问金额须大于 0'],
      ['an amount in fractions of a fen', approval({ amount: 800.005 }), '金额最多精确到分（两位小数）'],
      ['an amount over any cap', approval({ amount: 100_000.01 }), '金额不能超过 100,000 元'],
      ['no form', approval({ form: undefined }), '请填写发放形式'],
      ['a shopping card', approval({ form: 'shoppingCard' }), '发放形式只能是实物、提货券或慰问金'],
      ['an item over 20', approval({ item: '品'.repeat(21) }), '慰问品名称不能超过 20 个字'],
      ['a reason on an approval', approval({ reason: '材料齐全' }), '不支持的字段「原因」'],
      ['an amount on a return', { applicationId: 'no-such-application', approve: false, reason: '材料不全', amount: 800 }, '不支持的字段「金额」'],
    ],
    reportHardship: [
      ['no member', hardshipReport({ memberId: undefined }), '请填写会员'],
      ['a member id with a query operator', hardshipReport({ memberId: { $ne: null } }), '编号须为文字'],
      ['no cause', hardshipReport({ cause: undefined }), '请填写困难类别'],
      ['an unknown cause', hardshipReport({ cause: 'debt' }), '请选择困难类别（因病、因灾、单亲、子女教育、其他）'],
      ['an unknown level', hardshipReport({ level: 1 }), '请选择困难等级（特别困难、比较困难、一般困难）'],
      ['a blank situation', hardshipReport({ situation: '   ' }), '请填写困难情况'],
      ['a situation over 500', hardshipReport({ situation: '困'.repeat(501) }), '困难情况不能超过 500 个字'],
      ['seven proofs', hardshipReport({ proofFileIds: Array.from({ length: 7 }, (_, i) => `proof-${i}`) }), '证明材料最多 6 张图片'],
      ['the same proof twice', hardshipReport({ proofFileIds: ['proof-1', 'proof-1'] }), '证明材料中有重复的图片'],
      ['a proof that is not text', hardshipReport({ proofFileIds: [{ $ne: null }] }), '证明材料须为上传的图片'],
      ['a state of its own', hardshipReport({ state: 'filed' }), '不支持的字段「状态」'],
    ],
    hardshipCases: [...pageCases, ['an unknown state', { state: 'open' }, '档案状态只能是待校工会确认、已建档、已退回或已结档'], ['a unit id with a query operator', { unitId: { $ne: null } }, '编号须为文字'], ['year 1999', { year: 1999 }, '年份不正确']],
    hardshipCase: caseIdCases,
    fileHardship: [
      ['no decision', { caseId: 'no-such-case' }, '请选择：确认建档或退回'],
      ['filing without a level', { caseId: 'no-such-case', approve: true, cause: 'illness' }, '请填写困难等级'],
      ['a return without a reason', { caseId: 'no-such-case', approve: false }, '请填写原因'],
      ['a reason over 100', { caseId: 'no-such-case', approve: false, reason: '长'.repeat(101) }, '退回原因不能超过 100 个字'],
      ['a level on a return', { caseId: 'no-such-case', approve: false, reason: '情况不属实', level: 'general' }, '不支持的字段「困难等级」'],
      ...caseIdCases.map(([what, payload, message]): Case => [what, { ...(payload as object), approve: false, reason: '情况不属实' }, message]),
    ],
    recordHardshipAid: [
      ...caseIdCases.map(([what, payload, message]): Case => [what, hardshipAid({ caseId: undefined, ...(payload as object) }), message]),
      ['no amount', hardshipAid({ amount: undefined }), '请填写金额'],
      ['a negative amount', hardshipAid({ amount: -500 }), '金额不能为负'],
      ['an amount of nothing', hardshipAid({ amount: 0 }), '帮扶金额须大于 0'],
      ['an amount in fractions of a fen', hardshipAid({ amount: 500.001 }), '金额最多精确到分（两位小数）'],
      ['an amount over any cap', hardshipAid({ amount: 100_000.01 }), '金额不能超过 100,000 元'],
      ['a shopping card', hardshipAid({ form: 'shoppingCard' }), '发放形式只能是实物、提货券或慰问金'],
      ['no day', hardshipAid({ day: undefined }), '请填写日期'],
      ['a day that does not exist', hardshipAid({ day: '2026-02-30' }), '帮扶日期不是有效的日期'],
      ['a day in another format', hardshipAid({ day: '2026/11/19' }), '帮扶日期格式应为 2026-05-20'],
      ['no approval', hardshipAid({ approvalRef: undefined }), '请填写审批依据'],
      ['an approval over 60', hardshipAid({ approvalRef: '批'.repeat(61) }), '审批依据不能超过 60 个字'],
      ['an item over 20', hardshipAid({ item: '品'.repeat(21) }), '帮扶物品名称不能超过 20 个字'],
    ],
    recordHardshipVisit: [
      ...caseIdCases.map(([what, payload, message]): Case => [what, hardshipVisit({ caseId: undefined, ...(payload as object) }), message]),
      ['no kind', hardshipVisit({ visitKind: undefined }), '请填写走访类别'],
      ['an unknown kind', hardshipVisit({ visitKind: 'phone' }), '请选择走访类别（送温暖、五必访、日常走访）'],
      ['a day as a number', hardshipVisit({ day: 20261119 }), '走访日期须为文字'],
      ['no visitors', hardshipVisit({ visitors: '' }), '请填写走访人'],
      ['visitors over 40', hardshipVisit({ visitors: '人'.repeat(41) }), '走访人不能超过 40 个字'],
      ['a note over 200', hardshipVisit({ note: '记'.repeat(201) }), '走访情况不能超过 200 个字'],
    ],
    closeHardship: [
      ...caseIdCases.map(([what, payload, message]): Case => [what, { ...(payload as object), reason: '已脱困' }, message]),
      ['no reason', { caseId: 'no-such-case' }, '请填写原因'],
      ['a reason over 100', { caseId: 'no-such-case', reason: '长'.repeat(101) }, '结档原因不能超过 100 个字'],
    ],
    retirements: [['year 1999', { year: 1999 }, '年份不正确'], ['year as text', { year: '2026' }, '年份须为数字'], ['a unit to list by', { unitId: 'unit05' }, '不支持的字段「分工会」']],
    giveKeepsakes: [
      ['nobody', keepsakes({ memberIds: [] }), '请至少选择一位会员'],
      ['no members', keepsakes({ memberIds: undefined }), '请填写人员'],
      ['members as text', keepsakes({ memberIds: 'm0134' }), '请选择会员'],
      ['a member id with a query operator', keepsakes({ memberIds: [{ $ne: null }] }), '编号须为文字'],
      ['the same member twice', keepsakes({ memberIds: ['m0134', 'm0134'] }), '同一位会员选了两次'],
      ['101 members', keepsakes({ memberIds: Array.from({ length: 101 }, (_, i) => `m${String(i + 1).padStart(4, '0')}`) }), '一次最多发放给 100 位会员'],
      ['no item', keepsakes({ item: '  ' }), '请填写纪念品名称'],
      ['an item over 20', keepsakes({ item: '杯'.repeat(21) }), '纪念品名称不能超过 20 个字'],
      ['no amount', keepsakes({ amount: undefined }), '请填写金额'],
      ['an amount of nothing', keepsakes({ amount: 0 }), '纪念品金额须大于 0'],
      ['a negative amount', keepsakes({ amount: -300 }), '金额不能为负'],
      ['an amount in fractions of a fen', keepsakes({ amount: 300.001 }), '金额最多精确到分（两位小数）'],
      ['a shopping card', keepsakes({ form: 'shoppingCard' }), '发放形式只能是实物、提货券或慰问金'],
      ['no place', keepsakes({ pickupPlace: undefined }), '请填写领取地点'],
      ['a place over 30', keepsakes({ pickupPlace: '地'.repeat(31) }), '领取地点不能超过 30 个字'],
      ['a year of its own', keepsakes({ year: 2025 }), '不支持的字段「年份」'],
    ],
    budgets: [['year 1999', { year: 1999 }, '年份不正确'], ['year as text', { year: '2026' }, '年份须为数字'], ['a unit', { unitId: 'unit05' }, '不支持的字段「分工会」']],
    setBudgets: [
      ['no year', { budgets: { birthday: 60_000 } }, '请填写年份'],
      ['year 2101', { year: 2101, budgets: { birthday: 60_000 } }, '年份不正确'],
      ['no budgets', { year: 2026 }, '请填写各类预算'],
      ['budgets naming no kind', { year: 2026, budgets: {} }, '请至少填写一类福利的预算'],
      ['budgets as a list', { year: 2026, budgets: [60_000] }, '不支持的字段「0」'],
      ['an unknown kind', { year: 2026, budgets: { shoppingCard: 1000 } }, '不支持的字段「shoppingCard」'],
      ['a negative budget', { year: 2026, budgets: { festival: -1 } }, '金额不能为负'],
      ['a budget in fractions of a fen', { year: 2026, budgets: { festival: 120_000.001 } }, '金额最多精确到分（两位小数）'],
      ['a budget of 1e9 yuan', { year: 2026, budgets: { festival: 1e9 } }, '金额不能超过 100,000,000 元'],
      ['a budget as text', { year: 2026, budgets: { festival: '120000' } }, '金额须为数字'],
      ['a budget with a query operator', { year: 2026, budgets: { festival: { $inc: 1 } } }, '金额须为数字'],
      ['a unit', { year: 2026, unitId: 'unit05', budgets: { festival: 120_000 } }, '不支持的字段「分工会」'],
    ],
  },
  events: {
    list: [...pageCases, ['an unknown tab', { tab: 'all' }, '列表不正确'], ['an unknown kind', { kind: 'party' }, '活动类型不正确']],
    detail: eventIdCases,
    home: noPayloadCases,
    signUp: [
      ['no event id', { answers: {} }, '请填写活动'],
      ['no answers', { eventId: 'event-volleyball' }, '请填写报名表'],
      ['answers as a list', { eventId: 'event-volleyball', answers: ['男子组'] }, '题目标识格式不正确'],
      ['a required answer missing', { eventId: 'event-volleyball', answers: { phone: '13800001111' } }, '请填写「参赛组别」'],
      ['a choice not offered', { eventId: 'event-volleyball', answers: { group: '老年组', phone: '13800001111' } }, '「参赛组别」请从选项中选择'],
      ['a number for a choice', { eventId: 'event-volleyball', answers: { group: 3, phone: '13800001111' } }, '「参赛组别」请从选项中选择'],
      ['a bad phone', { eventId: 'event-volleyball', answers: { group: '男子组', phone: '123' } }, '「联系电话」应为 1 开头的 11 位手机号'],
      ['an answer to a question the form lacks', { eventId: 'event-volleyball', answers: { group: '男子组', phone: '13800001111', age: 30 } }, '报名表没有这道题'],
      ['10,000 characters', { eventId: 'event-volleyball', answers: { group: '男子组', phone: '13800001111', size: '长'.repeat(10_000) } }, '回答不能超过 500 个字'],
      ['an answer that is an object', { eventId: 'event-volleyball', answers: { group: { $ne: null }, phone: '13800001111' } }, '回答格式不正确'],
    ],
    mySignups: pageCases,
    cancelSignup: signupIdCases,
    acceptOffer: signupIdCases,
    checkIn: [
      ['no scene', {}, '请填写签到码'],
      ['a scene as a number', { scene: 12 }, '签到码须为文字'],
      ['a scene over 32 characters', { scene: 'e='.padEnd(33, 'x') }, '签到码无效'],
    ],
    calendar: [['year 1999', { year: 1999 }, '年份不能小于 2000'], ['year as text', { year: '2026' }, '年份须为数字']],
    adminList: [...pageCases, ['an unknown phase', { phase: 'running' }, '状态不正确']],
    adminGet: eventIdCases,
    create: [
      ['no settings', {}, '请填写活动设置'],
      ['an unknown unit', { unitId: 'unit99', settings: eventSettings() }, '所选分工会不存在'],
      ['a unit event with quotas', { unitId: 'unit05', settings: eventSettings({ unitQuotas: [{ unitId: 'unit05', quota: 5 }] }) }, '分工会自己的活动不设各分工会名额'],
      ["a unit event open to another unit", { unitId: 'unit05', settings: eventSettings({ eligibility: { unitIds: ['unit06'] } }) }, '分工会自己的活动只面向本分工会会员'],
      ...settingsCases.map(([what, settings, message]): Case => [what, { settings }, message]),
    ],
    update: [
      ['no event id', { settings: eventSettings() }, '请填写活动'],
      ["a changed form once people have signed up", { eventId: 'event-flower', settings: { ...DEMO_EVENTS['event-flower'].settings, form: [{ key: 'note', label: '备注', type: 'text', required: false }] } }, '已有人报名，报名表不能再修改'],
      ["changed conditions once people have signed up", { eventId: 'event-flower', settings: { ...DEMO_EVENTS['event-flower'].settings, eligibility: { gender: 'female' } } }, '已有人报名，报名条件不能再修改'],
      ...settingsCases.map(([what, settings, message]): Case => [what, { eventId: 'event-reading', settings }, message]),
    ],
    copy: eventIdCases,
    publish: eventIdCases,
    deleteDraft: eventIdCases,
    closeSignup: eventIdCases,
    cancel: [...eventIdCases.map(([what, payload, message]): Case => [what, { ...(payload as object), reason: '场地有变' }, message]), ['no reason', { eventId: 'event-flower' }, '请填写原因'], ['a reason over 200', { eventId: 'event-flower', reason: '长'.repeat(201) }, '取消原因不能超过 200 个字']],
    participants: [
      ...pageCases.map(([what, payload, message]): Case => [what, { eventId: 'event-flower', ...(payload as object) }, message]),
      ['no event id', {}, '请填写活动'],
      ['an unknown state', { eventId: 'event-flower', state: 'gone' }, '状态不正确'],
      ['checked-in as text', { eventId: 'event-flower', checkedIn: 'yes' }, '签到筛选须为是或否'],
    ],
    decide: [
      ['no decision', { signupId: seededSignup('event-mixer', 'pending') }, '请填写审核结果'],
      ['a decision as text', { signupId: seededSignup('event-mixer', 'pending'), approve: '通过' }, '审核结果须为是或否'],
      ['a refusal without a reason', { signupId: seededSignup('event-mixer', 'pending'), approve: false }, '请填写未通过的原因'],
      ['a reason over 200', { signupId: seededSignup('event-mixer', 'pending'), approve: false, reason: '长'.repeat(201) }, '原因不能超过 200 个字'],
    ],
    decideCancel: [['no decision', { signupId: seededSignup('event-mixer', 'confirmed') }, '请填写审核结果']],
    remove: [['no reason', { signupId: seededSignup('event-flower', 'confirmed') }, '请填写原因'], ['no sign-up', { reason: '重复' }, '请填写报名记录']],
    markAttendance: [['attendance as text', { signupId: seededSignup('event-football', 'confirmed'), present: '出席' }, '出勤须为是或否']],
    venueCode: eventIdCases,
    addCalendarEntry: [
      ['no date', { title: '送温暖' }, '请填写日期'],
      ['a date in another format', { date: '2026/12/20', title: '送温暖' }, '日期格式应为 2026-05-20'],
      ['30 February', { date: '2026-02-30', title: '送温暖' }, '日期不是有效日期'],
      ['no title', { date: '2026-12-20' }, '请填写标题'],
      ['a title over 40', { date: '2026-12-20', title: '长'.repeat(41) }, '事项不能超过 40 个字'],
    ],
    removeCalendarEntry: [['no entry id', {}, '请填写行事历事项'], ['an entry id with a path', { entryId: '../x' }, '编号格式不正确']],
  },
  exports: {
    eventParticipants: eventIdCases,
    ledger: ledgerExportCases,
    proposalBook: sessionExportCases,
    proposalHandling: sessionExportCases,
    rosterTemplate: [...noPayloadCases, ['a file id', { fileId: VALID_ROSTER.fileId }, '不支持的字段「名册文件」']],
    roster: exportCases,
    rosterPreview: previewCases,
    rosterApply: applyCases,
    delegatesFile: sessionExportCases,
    delegatesPreview: delegatesFileCases,
    delegatesApply: [
      ...delegatesFileCases.map(([what, payload, message]): Case => [what, { planId: VALID_DELEGATES_PLAN, ...(payload as object) }, message]),
      ['no plan', VALID_DELEGATES, '请填写预览标识'],
      ['a plan that is not one', { ...VALID_DELEGATES, planId: 'xyz' }, '导入计划不正确，请重新预览'],
    ],
  },
  audit: {
    list: auditListCases,
    jobRuns: noPayloadCases,
  },
  members: {
    me: noPayloadCases,
    units: noPayloadCases,
    bind: bindCases,
    unbind: memberIdCases,
    reopenBinding: memberIdCases,
    roleHolders: noPayloadCases,
    scopeOptions: noPayloadCases,
    grantRole: grantCases,
    revokeRole: revokeCases,
    roster: rosterCases,
    memberRecord: memberIdCases,
    updateMember: updateMemberCases,
    settings: [...noPayloadCases, ['the youth age to save', { youthUnderAge: 35 }, '不支持的字段「青年年龄上限」']],
    updateSettings: updateSettingsCases,
  },
  messages: {
    inbox: pageCases,
    unreadCount: noPayloadCases,
    read: idCases,
    readAll: noPayloadCases,
    subscriptions: noPayloadCases,
    recordConsent: [
      ['no choices', {}, '请填写订阅结果'],
      ['choices as a list', { choices: ['accept'] }, '模板编号格式不正确'],
      ['no template at all', { choices: {} }, '请至少订阅一种消息'],
      ['four templates at once', { choices: { 'tmpl-a-0001': 'accept', 'tmpl-b-0001': 'accept', 'tmpl-c-0001': 'accept', 'tmpl-d-0001': 'accept' } }, '一次最多订阅 3 种消息'],
      ['an unknown choice', { choices: { 'tmpl-notice-0001': 'maybe' } }, '订阅结果不正确'],
      ['a template id with a space', { choices: { 'tmpl notice': 'accept' } }, '模板编号格式不正确'],
    ],
    sends: [...pageCases, ['an unknown state', { state: 'lost' }, '发送状态不正确'], ['the inbox-only state', { state: 'none' }, '发送状态不正确']],
  },
  notices: {
    home: noPayloadCases,
    list: [...pageCases, ['an unknown category', { category: 'sports' }, '请选择栏目'], ['category of the wrong type', { category: 1 }, '请选择栏目']],
    detail: idCases,
    adminList: [...pageCases, ['an unknown state', { state: 'draft' }, '状态不正确']],
    adminGet: idCases,
    publish: [...noticeCases, ['消息提醒 as text', noticeInput({ notify: 'yes' }), '消息提醒须为是或否']],
    update: [
      ['no id', { notice: noticeInput() }, '请填写编号'],
      ['no notice', { id: NOTICES.funds }, '请填写通知内容'],
      ['notice as text', { id: NOTICES.funds, notice: 'x' }, '请求参数格式不正确'],
      ['a bad id', { id: 'a b', notice: noticeInput() }, '编号格式不正确'],
      ['消息提醒 on an edit (only publishing tells people)', { id: NOTICES.funds, notice: noticeInput({ notify: true }) }, '不支持的字段「消息提醒」'],
      ...noticeCases.map(([what, notice, message]): Case => [what, { id: NOTICES.funds, notice }, message]),
    ],
    withdraw: idCases,
  },
  proposals: {
    session: [['a session id with a query operator', { sessionId: { $ne: null } }, '编号须为文字'], ['a search', { q: '停车' }, '不支持的字段「搜索内容」']],
    delegates: [
      ['only my 代表团 as a number', { sessionId: 'session-6-2', sameDelegation: 1 }, '请选择是否只看本代表团'],
      ['no session', {}, '请填写届次'],
      ['a search over 20', { sessionId: 'session-6-2', q: '长'.repeat(21) }, '搜索内容不能超过 20 个字'],
      ['a search as a number', { sessionId: 'session-6-2', q: 1 }, '搜索内容须为文字'],
    ],
    saveDraft: [
      ['seven pictures', draft({ imageFileIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }), '图片最多 6 张图片'],
      ['a picture twice', draft({ imageFileIds: ['a', 'a'] }), '图片中有重复的图片'],
      ['a picture as a number', draft({ imageFileIds: [5] }), '图片须为上传的图片'],
      ['joint as text', draft({ joint: 'yes' }), '请选择是否联名'],
      ['a title over 40', draft({ title: '题'.repeat(41) }), '标题不能超过 40 个字'],
      ['a title as a number', draft({ title: 5 }), '标题须为文字'],
      ['reasons over 2,000', draft({ reasons: '因'.repeat(2001) }), '案由不能超过 2000 个字'],
      ['10,000 characters of measures', draft({ measures: '措'.repeat(10_000) }), '建议不能超过 2000 个字'],
      ['an unknown category', draft({ category: 'sports' }), '请选择提案类别'],
      ['an id with a path', draft({ id: '../proposals' }), '编号格式不正确'],
      ['an author of its own', draft({ authorId: PEOPLE.office }), '不支持的字段「authorId」'],
      ['a state of its own', draft({ state: 'submitted' }), '不支持的字段「状态」'],
    ],
    invite: [
      ['no id', { memberIds: ['m0039'] }, '请填写编号'],
      ['no members', { id: 'proposal-water' }, '请填写人员'],
      ['nobody', { id: 'proposal-water', memberIds: [] }, '请至少选择一位附议代表'],
      ['members as text', { id: 'proposal-water', memberIds: 'm0039' }, '请选择附议代表'],
      ['the same delegate twice', { id: 'proposal-water', memberIds: ['m0039', 'm0039'] }, '同一位代表选了两次'],
      ['11 delegates', { id: 'proposal-water', memberIds: Array.from({ length: 11 }, (_, i) => `m00${31 + i}`) }, '一次最多邀请 10 位代表'],
      ['a member id with a query operator', { id: 'proposal-water', memberIds: [{ $ne: null }] }, '编号须为文字'],
    ],
    answerInvitation: [
      ['no answer', { id: 'proposal-gym' }, '请填写是否附议'],
      ['an answer as text', { id: 'proposal-gym', confirm: 'yes' }, '请选择是否附议'],
      ['no id', { confirm: true }, '请填写编号'],
    ],
    recall: idCases,
    submit: idCases,
    mine: pageCases,
    invitations: pageCases,
    detail: idCases,
    similar: [
      ['no session', { title: '停车', text: '' }, '请填写届次'],
      ['text over 4,000', { sessionId: 'session-6-2', title: '', text: '字'.repeat(4001) }, '内容不能超过 4000 个字'],
      ['an excluded id with a query operator', { sessionId: 'session-6-2', excludeId: { $ne: null } }, '编号须为文字'],
    ],
    reviewQueue: [
      ['no session', {}, '请填写届次'],
      ['an unknown state', { sessionId: 'session-6-2', state: 'pending' }, '状态不正确'],
      ...pageCases.map(([what, payload, message]): Case => [what, { sessionId: 'session-6-2', ...(payload as object) }, message]),
    ],
    decide: [
      ['no step', { id: 'proposal-canteen' }, '请选择审查结果'],
      ['a step that is not a decision', { id: 'proposal-canteen', step: 'assign' }, '请选择审查结果'],
      ['a rejection without a reason', { id: 'proposal-canteen', step: 'reject' }, '请填写原因'],
      ['a reason over 200', { id: 'proposal-canteen', step: 'reject', reason: '因'.repeat(201) }, '不予立案的理由不能超过 200 个字'],
      ['a conversion with a blank reason', { id: 'proposal-canteen', step: 'convert', reason: '   ' }, '请填写转为意见建议的理由'],
      ['a merge into nothing', { id: 'proposal-canteen', step: 'merge' }, '请填写并入的提案'],
      ['an acceptance with its own number', { id: 'proposal-canteen', step: 'accept', number: '六届二次-099' }, '不支持的字段「number」'],
      ['no id', { step: 'accept' }, '请填写编号'],
    ],
    assign: [
      ['no lead department', { id: 'proposal-wifi' }, '请填写主办部门'],
      ['assisting departments as text', { id: 'proposal-wifi', leadDeptId: 'dept-hr', assistDeptIds: 'dept-finance' }, '请选择协办部门'],
      ['six assisting departments', { id: 'proposal-wifi', leadDeptId: 'dept-hr', assistDeptIds: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'] }, '协办部门最多 5 个'],
      ['the same assisting department twice', { id: 'proposal-wifi', leadDeptId: 'dept-hr', assistDeptIds: ['dept-finance', 'dept-finance'] }, '同一个协办部门选了两次'],
      ['a reply day that is no day', { id: 'proposal-wifi', leadDeptId: 'dept-hr', replyDue: '2027-02-30' }, '答复期限不是有效的日期'],
      ['a lead department with a query operator', { id: 'proposal-wifi', leadDeptId: { $ne: null } }, '编号须为文字'],
    ],
    assistInput: [
      ['no input', { id: 'proposal-daycare', deptId: 'dept-logistics' }, '请填写内容'],
      ['a blank input', { id: 'proposal-daycare', deptId: 'dept-logistics', text: '  ' }, '请填写协办意见'],
      ['10,000 characters', { id: 'proposal-daycare', deptId: 'dept-logistics', text: '意'.repeat(10_000) }, '协办意见不能超过 2000 个字'],
      ['no department', { id: 'proposal-daycare', text: '可以' }, '请填写部门'],
    ],
    reply: [
      ['no outcome', { id: 'proposal-parking', text: '已办' }, '请选择办理结果'],
      ['an unknown outcome', { id: 'proposal-parking', outcome: 'done', text: '已办' }, '请选择办理结果'],
      ['adopted without a completion date', { id: 'proposal-parking', outcome: 'adopted', text: '已办' }, '请填写完成时间'],
      ['a completion date that is not a date', { id: 'proposal-parking', outcome: 'adopted', text: '已办', completionDate: '明年' }, '完成时间格式应为 2026-05-20'],
      ['no text', { id: 'proposal-parking', outcome: 'planned' }, '请填写内容'],
      ['a text over 2,000', { id: 'proposal-parking', outcome: 'notAdopted', text: '因'.repeat(2001) }, '答复内容不能超过 2000 个字'],
    ],
    answer: [
      ['no text', { id: 'suggestion-library' }, '请填写内容'],
      ['a blank text', { id: 'suggestion-library', text: ' ' }, '请填写答复内容'],
      ['no id', { text: '已安排' }, '请填写编号'],
    ],
    rate: [
      ['no satisfaction', { id: 'proposal-heating' }, '请填写满意度'],
      ['an unknown satisfaction', { id: 'proposal-heating', satisfaction: 'great' }, '请选择满意度'],
      ['a comment over 200', { id: 'proposal-heating', satisfaction: 'satisfied', comment: '好'.repeat(201) }, '评价意见不能超过 200 个字'],
      ['a comment as a number', { id: 'proposal-heating', satisfaction: 'satisfied', comment: 5 }, '评价意见须为文字'],
    ],
    close: idCases,
    handlingQueue: [['no department', {}, '请填写部门'], ['a department with a query operator', { deptId: { $ne: null } }, '编号须为文字'], ...pageCases.map(([what, payload, message]): Case => [what, { deptId: 'dept-logistics', ...(payload as object) }, message])],
    sessions: noPayloadCases,
    saveSession: [
      ['no name', session({ sessionName: undefined }), '请填写届次名称'],
      ['a blank name', session({ sessionName: ' ' }), '请填写届次名称'],
      ['a name over 20', session({ sessionName: '届'.repeat(21) }), '届次名称不能超过 20 个字'],
      ['a meeting day that is not a day', session({ meetingStart: '2027-02-30' }), '会议开始日期不是有效的日期'],
      ['a meeting ending before it starts', session({ meetingEnd: '2027-12-01' }), '会议结束日期不能早于开始日期'],
      ['a window opening as text', session({ opensAt: '十月' }), '提案征集开始时间格式不正确'],
      ['a window closing before it opens', session({ closesAt: '2027-10-01T00:00:00.000Z' }), '提案征集截止时间须晚于开始时间'],
      ['0 seconders', session({ secondersNeeded: 0 }), '附议人数至少 1 人'],
      ['11 seconders', session({ secondersNeeded: 11 }), '附议人数最多 10 人'],
      ['seconders as text', session({ secondersNeeded: '2' }), '附议人数须为数字'],
      ['1.5 weeks to reply', session({ replyWeeks: 1.5 }), '答复期限须为整周数'],
      ['27 weeks to reply', session({ replyWeeks: 27 }), '答复期限最多 26 周'],
      ['an unknown field', session({ delegates: [] }), '不支持的字段「delegates」'],
    ],
    departments: noPayloadCases,
    saveDepartment: [
      ['no name', {}, '请填写部门名称'],
      ['a name over 20', { deptName: '处'.repeat(21) }, '部门名称不能超过 20 个字'],
      ['a name as a number', { deptName: 3 }, '部门名称须为文字'],
      ['an id with a path', { id: '../members', deptName: '保卫处' }, '编号格式不正确'],
    ],
    record: [
      ['no session', {}, '请填写届次'],
      ['an unknown category', { sessionId: 'session-6-2', category: 'sports' }, '请选择提案类别'],
      ...pageCases.map(([what, payload, message]): Case => [what, { sessionId: 'session-6-2', ...(payload as object) }, message]),
    ],
    withhold: [
      ['no choice', { id: 'proposal-wifi' }, '请选择是否公开'],
      ['withheld without a reason', { id: 'proposal-wifi', withhold: true }, '请填写原因'],
      ['a reason over 200', { id: 'proposal-wifi', withhold: true, reason: '因'.repeat(201) }, '不公开的理由不能超过 200 个字'],
      ['withhold as text', { id: 'proposal-wifi', withhold: 'yes', reason: '测试' }, '请选择是否公开'],
      ['a reason to show it again', { id: 'proposal-wifi', withhold: false, reason: '测试' }, '不支持的字段「原因」'],
    ],
    statistics: [
      ['no session', {}, '请填写届次'],
      ['a session with a query operator', { sessionId: { $ne: null } }, '编号须为文字'],
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

/** Field names that are also Object.prototype's members: each is an unknown field like any other. */
const PROTOTYPE_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty']

/** `{ [key]: 1 }` parsed from JSON, as a payload arrives: an object literal's `__proto__` would set the prototype instead. */
const wireField = (key: string): Record<string, unknown> => JSON.parse(`{"${key}": 1}`)

// One seeded store for the file: every test refuses a call and checks the store is still exactly as it was.
let store: TestStore

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
    await expectRefused(fn, { action, payload }, 'INVALID_INPUT', '不支持的字段「zzz」')
  })

  it.each(PROTOTYPE_KEYS)('a field named %s → INVALID_INPUT naming it', async (key) => {
    const valid = VALID_PAYLOADS[fn][action]
    const payload = { ...(typeof valid === 'object' ? valid : {}), ...wireField(key) }
    await expectRefused(fn, { action, payload }, 'INVALID_INPUT', `不支持的字段「${key}」`)
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
    ['an action of another function', { action: ['notices', 'events', 'benefits'].includes(fn) ? 'me' : 'home' }],
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

  it.each(PROTOTYPE_KEYS)('names an unknown field %s, at the top and nested, in the message and in the fields', async (key) => {
    const unknown = `不支持的字段「${key}」，请将小程序更新到最新版本后重试`
    const top = await send(store, 'members', PEOPLE.office, { action: 'bind', payload: { ...bind({}), ...wireField(key) } })
    expect(top).toEqual({ ok: false, code: 'INVALID_INPUT', message: unknown, fields: { [key]: unknown } })
    const nested = await send(store, 'members', PEOPLE.office, {
      action: 'updateMember',
      payload: { memberId: PEOPLE.unit03Member, member: { ...memberEdit(PEOPLE.unit03Member), ...wireField(key) } },
    })
    expect(nested).toEqual({ ok: false, code: 'INVALID_INPUT', message: unknown, fields: { [`member.${key}`]: unknown } })
  })

  it('names the field of a scope the grant rules refuse', async () => {
    const result = await send(store, 'members', PEOPLE.office, {
      action: 'grantRole',
      payload: { staffNo: '200058', role: 'unitAdmin', scope: 'unit99' },
    })
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { scope: '所选分工会不存在' } })
  })

  it('names the member fields updateMember refuses', async () => {
    const payload = edit({ name: '', phone: '2123', gender: 'x' })
    const result = await send(store, 'members', PEOPLE.office, { action: 'updateMember', payload })
    expect(result).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '请填写姓名',
      fields: { 'member.name': '请填写姓名', 'member.phone': '手机号应为 1 开头的 11 位数字', 'member.gender': '请选择性别' },
    })
  })

  it.each([
    ['member.birthDate', edit({ birthDate: '1980-02-30' }), '出生日期不是有效日期'],
    ['member.birthDate', edit({ birthDate: '2030-01-01' }), '出生日期不能晚于今天'],
    ['member.memberSince', edit({ memberSince: '2027-09-01' }), '入会时间不能晚于今天'],
    ['member.memberSince', edit({ memberSince: '2025-02-29' }), '入会时间不是有效日期'],
    ['member.unitId', edit({ unitId: 'unit99' }), '所选分工会不存在'],
  ])('names %s when updateMember’s rules refuse it', async (field, payload, message) => {
    const before = await snapshot(store)
    const result = await send(store, 'members', PEOPLE.office, { action: 'updateMember', payload })
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { [field]: expect.stringContaining(message) } })
    expect(await snapshot(store)).toEqual(before)
  })

  it('names the date field audit.list refuses', async () => {
    const bad = await send(store, 'audit', PEOPLE.office, { action: 'list', payload: { from: '2026-11-01', to: '2026-02-30' } })
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { to: '日期不存在' } })
    const reversed = await send(store, 'audit', PEOPLE.office, { action: 'list', payload: { from: '2026-11-21', to: '2026-11-20' } })
    expect(reversed).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { from: '开始日期不能晚于结束日期' } })
  })

  it('names every roster field apply refuses', async () => {
    const result = await send(store, 'exports', PEOPLE.office, { action: 'rosterApply', payload: { fileId: '', full: 'yes', planId: 'x' } })
    expect(result).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '请先选择名册文件',
      fields: { fileId: '请先选择名册文件', full: '请选择导入方式', planId: '预览标识不正确，请重新预览' },
    })
  })

  it.each([
    ['roster', { unitId: 'unit99' }],
    ['ledger', { year: 2026, unitId: 'unit99' }],
  ])('names the unit the %s export refuses', async (action, payload) => {
    const result = await send(store, 'exports', PEOPLE.office, { action, payload })
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { unitId: '所选分工会不存在' } })
  })

  it('names the field a rule refuses', async () => {
    const result = await send(store, 'notices', PEOPLE.office, { action: 'publish', payload: noticeInput({ publishAt: iso(-DAY) }) })
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { publishAt: expect.stringMatching(CHINESE) } })
  })
})

/**
 * Life-event applications refused past their input's shape: by the file, the event, who asks, or the cap. Each says
 * why in Chinese with a stable code and changes nothing. An application of m0019 (unit01) is filed for a stay and
 * passed by the union office; one of m0012 (unit05, made its admin too) waits for a check.
 */
describe('benefit applications: refusals past the input’s shape', () => {
  let checked = ''
  let own = ''
  const proofs: Record<string, string> = {}

  beforeAll(async () => {
    proofs.gif = await testFiles.save('proof.gif', Buffer.from('GIF89a\u0001\u0000\u0000\u0000', 'latin1'))
    proofs.pdf = await testFiles.save('proof.png', Buffer.from('%PDF-1.7\n', 'latin1'))
    proofs.large = await testFiles.save('proof.png', Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]))
    await store.update('members', { _id: 'm0012' }, { $push: { roles: 'unitAdmin:unit05' } })
    checked = expectOk(await callAs(store, 'benefits', PEOPLE.unit01Member, 'apply', stay())).id
    expectOk(await callAs(store, 'benefits', PEOPLE.office, 'checkApplication', { applicationId: checked, approve: true }))
    own = expectOk(await callAs(store, 'benefits', 'm0012', 'apply', { kind: 'marriage', date: '2026-10-01' })).id
  })

  const cases: [string, () => [string, string, unknown], ErrorCode, string][] = [
    ['a second claim for the same stay', () => [PEOPLE.unit01Member, 'apply', stay({ note: '再次提交' })], 'CONFLICT', '这件事已申请过住院慰问（2026年11月20日提交，待校工会审批），同一件事只能申请一次'],
    ['a unit admin applying for someone outside their unit', () => [PEOPLE.unitAdmin, 'applyFor', { memberId: PEOPLE.unit01Member, application: stay({ date: '2026-11-12' }) }], 'FORBIDDEN', '您只能处理本人所负责分工会的事务'],
    ['a unit admin checking their own application', () => ['m0012', 'checkApplication', { applicationId: own, approve: true }], 'FORBIDDEN', '不能审核自己的慰问申请，请由其他管理员审核'],
    ['an admin of another unit checking it', () => [PEOPLE.otherUnitAdmin, 'checkApplication', { applicationId: own, approve: false, reason: '材料不全' }], 'FORBIDDEN', '您只能处理本人所负责分工会的事务'],
    ['an amount over the kind’s cap', () => [PEOPLE.office2, 'decideApplication', { applicationId: checked, approve: true, amount: 2000.01, form: 'cash' }], 'CONFLICT', '超出住院慰问年度限额 ¥2,000：今年已发放 ¥0，还可发放 ¥2,000'],
    ['a form the policy does not allow', () => [PEOPLE.office2, 'decideApplication', { applicationId: checked, approve: true, amount: 800, form: 'voucher' }], 'INVALID_INPUT', '住院慰问只能以慰问金、实物形式发放'],
    ['the office approving what it checked', () => [PEOPLE.office, 'decideApplication', { applicationId: checked, approve: true, amount: 800, form: 'cash' }], 'FORBIDDEN', '审核与审批须由不同的人进行：您已审核过这份申请，请由校工会其他管理员审批'],
    ['a proof that is a GIF', () => [PEOPLE.office, 'apply', stay({ proofFileIds: [proofs.gif] })], 'INVALID_INPUT', '第 1 张证明材料只能是 JPG、PNG 或 WebP 格式的图片，请换一张'],
    ['a proof that is a PDF named .png', () => [PEOPLE.office, 'apply', stay({ proofFileIds: [proofs.pdf] })], 'INVALID_INPUT', '第 1 张证明材料只能是 JPG、PNG 或 WebP 格式的图片，请换一张'],
    ['a proof over 5 MB', () => [PEOPLE.office, 'apply', stay({ proofFileIds: [proofs.large] })], 'INVALID_INPUT', '第 1 张证明材料不能超过 5 MB，请换一张小一些的图片'],
  ]

  it.each(cases)('%s', async (_what, call, code, message) => {
    const [who, action, payload] = call()
    const before = await snapshot(store)
    expect(await send(store, 'benefits', who, { action, payload })).toMatchObject({ ok: false, code, message })
    expect(await snapshot(store)).toEqual(before)
  })
})

import * as v from 'valibot'
import { IdSchema, PageSchema, type Page } from './common'
import { MESSAGE_KIND_LIST, TEMPLATE_ID, type MessageKind } from './messages'
import { ROLES, type Role, type ScopedRole } from './roles'

export type MemberStatus = 'active' | 'retired' | 'left'

export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  active: '在职',
  retired: '退休',
  left: '离校',
}

/** A role as a person reads it: "分工会管理员（文学院分工会）". */
export interface GrantView {
  role: Role
  scope?: string
  label: string
}

export interface MyProfile {
  id: string
  name: string
  staffNo: string
  unitId: string
  unitName: string
  status: MemberStatus
  /** The caller's own full phone number: it is theirs. */
  phone: string
  roles: GrantView[]
}

export interface UnitOption {
  id: string
  name: string
}

/** Failed binding attempts allowed before a lock-out, and how long it lasts. */
export const BIND_MAX_FAILURES = 5
export const BIND_LOCK_MINUTES = 15
/** Failed attempts at one staff number in a day, across every WeChat user, before it binds only with the union office's help. */
export const STAFF_NUMBER_DAILY_FAILURES = 10

export const BindSchema = v.strictObject({
  staffNo: v.pipe(v.string('工号须为文字'), v.trim(), v.regex(/^[A-Za-z0-9]{4,20}$/, '工号为 4 到 20 位字母或数字')),
  name: v.pipe(v.string('姓名须为文字'), v.trim(), v.minLength(1, '请填写姓名'), v.maxLength(20, '姓名不能超过 20 个字')),
  phoneLast4: v.pipe(v.string('手机号后四位须为文字'), v.regex(/^\d{4}$/, '请填写手机号后四位数字')),
})

export const MemberIdSchema = v.strictObject({ memberId: IdSchema })

/** A scope is granted by id (a unit, a club, a department, a congress session), checked against its collection. */
export const GrantSchema = v.strictObject({
  staffNo: BindSchema.entries.staffNo,
  role: v.picklist(ROLES, '请选择角色'),
  scope: v.optional(v.pipe(v.string('范围须为文字'), v.regex(/^[A-Za-z0-9_-]{1,64}$/, '请从列表中选择范围'))),
})

/** Any stored grant can be revoked, whatever its scope looks like. */
export const RevokeSchema = v.strictObject({
  memberId: IdSchema,
  role: v.picklist(ROLES, '请选择角色'),
  scope: v.optional(v.pipe(v.string('范围须为文字'), v.minLength(1, '请填写范围'), v.maxLength(64, '范围不能超过 64 个字'))),
})

/** One unit, club, department or congress session a scoped role can be granted for. */
export interface ScopeOption {
  id: string
  name: string
}

export type Gender = 'male' | 'female'

export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' }

/** A member in a roster list: phone and birth year masked. */
export interface RosterRow {
  id: string
  staffNo: string
  name: string
  gender: Gender
  unitName: string
  status: MemberStatus
  phone: string
  birthDate: string
  duesPaid: boolean
  bound: boolean
}

/** A member's record as the union office edits it: full values, and the facts later rules use. */
export interface MemberRecord extends RosterRow {
  unitId: string
  memberSince: string
  roles: GrantView[]
  /** Completed years today (Shanghai). */
  age: number
  /** 青年教职工: active and under the configured age. */
  youth: boolean
  /** 女教职工: an active woman on the staff. */
  womanStaff: boolean
  /** Today's failed attempts at this staff number closed self-service binding; the union office can reopen it. */
  bindingPaused: boolean
}

/** Groups of members that events and benefits address; the roster can be filtered by them. */
export const MEMBER_GROUPS = ['youth', 'women'] as const
export type MemberGroup = (typeof MEMBER_GROUPS)[number]
export const MEMBER_GROUP_LABELS: Record<MemberGroup, string> = { youth: '青年教职工', women: '女教职工' }

/** Union-wide settings the union office edits (every figure a rule uses is data, not code). */
export interface UnionSettings {
  /** Active staff younger than this (in completed years) count as youth (青年教职工). */
  youthUnderAge: number
  /**
   * The WeChat subscription template (订阅消息模板 id, from the WeChat console) of each message kind; a kind without
   * one reaches the inbox only.
   */
  templateIds: Partial<Record<MessageKind, string>>
  /** The age (in completed years) men and women retire at: who reaches it this year is on the 荣休 list. */
  retirementAges: RetirementAges
}

export interface RetirementAges {
  male: number
  female: number
}

export const DEFAULT_SETTINGS: UnionSettings = { youthUnderAge: 40, templateIds: {}, retirementAges: { male: 60, female: 55 } }

const retirementAge = (label: string) =>
  v.pipe(v.number(`${label}退休年龄须为数字`), v.integer(`${label}退休年龄须为整数`), v.minValue(45, `${label}退休年龄不能小于 45 岁`), v.maxValue(70, `${label}退休年龄不能大于 70 岁`))

/** A template id as the WeChat console shows it, or empty for none. */
const TemplateIdSchema = v.pipe(
  v.string('模板编号须为文字'),
  v.trim(),
  v.check((id) => id === '' || TEMPLATE_ID.test(id), '模板编号应为微信公众平台「订阅消息」中显示的模板 ID（字母、数字、-、_）'),
)

export const SettingsSchema = v.strictObject({
  youthUnderAge: v.pipe(
    v.number('青年年龄上限须为数字'),
    v.integer('青年年龄上限须为整数'),
    v.minValue(25, '青年年龄上限不能小于 25 岁'),
    v.maxValue(60, '青年年龄上限不能大于 60 岁'),
  ),
  /** Omitted: the template ids stay as they are; an empty id removes a kind's. */
  templateIds: v.optional(
    v.strictObject(Object.fromEntries(MESSAGE_KIND_LIST.map((kind) => [kind, v.optional(TemplateIdSchema)])) as Record<MessageKind, v.OptionalSchema<typeof TemplateIdSchema, undefined>>),
  ),
  /** Omitted: the retirement ages stay as they are. */
  retirementAges: v.optional(v.strictObject({ male: retirementAge('男职工'), female: retirementAge('女职工') })),
})

const SearchSchema = v.pipe(v.string('搜索内容须为文字'), v.trim(), v.maxLength(20, '搜索内容不能超过 20 个字'))

export const RosterQuerySchema = v.optional(
  v.strictObject({
    q: v.optional(SearchSchema),
    unitId: v.optional(IdSchema),
    status: v.optional(v.picklist(['active', 'retired', 'left'], '人员状态不正确')),
    group: v.optional(v.picklist(MEMBER_GROUPS, '人群不正确')),
    ...PageSchema,
  }),
  {},
)

const DateSchema = v.pipe(v.string('日期须为文字'), v.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 1980-01-31'))

const MemberFieldsSchema = v.strictObject({
  name: BindSchema.entries.name,
  gender: v.picklist(['male', 'female'], '请选择性别'),
  birthDate: DateSchema,
  unitId: IdSchema,
  phone: v.pipe(v.string('手机号须为文字'), v.regex(/^1\d{10}$/, '手机号应为 1 开头的 11 位数字')),
  status: v.picklist(['active', 'retired', 'left'], '请选择人员状态'),
  memberSince: DateSchema,
  duesPaid: v.boolean('会费状态须为是或否'),
})

export const MemberEditSchema = v.strictObject({
  memberId: IdSchema,
  member: MemberFieldsSchema,
  /**
   * The record as the form was filled from it: a save refuses when the stored record no longer says this (someone
   * else, or an import, changed it meanwhile), rather than silently undoing their change.
   */
  base: v.optional(MemberFieldsSchema),
})

/** Someone holding at least one role, as the role management screen lists them. */
export interface RoleHolder {
  memberId: string
  name: string
  staffNo: string
  unitName: string
  roles: GrantView[]
}

/** The contract of the `members` function. */
export interface MembersApi {
  me: { request: void; response: MyProfile }
  units: { request: void; response: UnitOption[] }
  /** A signed-in WeChat user who is not bound yet proves who they are. */
  bind: { request: v.InferInput<typeof BindSchema>; response: MyProfile }
  /** Union office: frees a member's WeChat binding (a changed phone, a wrong bind). */
  unbind: { request: v.InferInput<typeof MemberIdSchema>; response: { unbound: boolean } }
  /** Union office: lets a member whose staff number today's failed guesses closed bind by themself again. */
  reopenBinding: { request: v.InferInput<typeof MemberIdSchema>; response: MemberRecord }
  roleHolders: { request: void; response: RoleHolder[] }
  /** Union office: what each scoped role can be granted for. */
  scopeOptions: { request: void; response: Record<ScopedRole, ScopeOption[]> }
  grantRole: { request: v.InferInput<typeof GrantSchema>; response: RoleHolder }
  revokeRole: { request: v.InferInput<typeof RevokeSchema>; response: RoleHolder }
  /** Union office: every member; a unit admin: their own unit's. Phone and birth year masked. */
  roster: { request: v.InferInput<typeof RosterQuerySchema>; response: Page<RosterRow> }
  /** Union office: one member's full record, to edit. */
  memberRecord: { request: v.InferInput<typeof MemberIdSchema>; response: MemberRecord }
  updateMember: { request: v.InferInput<typeof MemberEditSchema>; response: MemberRecord }
  /** Admins: the union-wide settings (a unit admin filters by youth too, so may read them). */
  settings: { request: void; response: UnionSettings }
  /** Union office: changes them (audited). */
  updateSettings: { request: v.InferInput<typeof SettingsSchema>; response: UnionSettings }
}

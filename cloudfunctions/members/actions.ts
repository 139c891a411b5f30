import { EmptySchema } from '../../types/common'
import {
  BindSchema,
  GrantSchema,
  MemberEditSchema,
  MemberIdSchema,
  RevokeSchema,
  RosterQuerySchema,
  SettingsSchema,
  type MembersApi,
  type RoleHolder,
  BIND_MAX_FAILURES,
} from '../../types/members'
import { JOB_CATALOGUE } from '../../types/jobs'
import { encodeGrant, ROLE_SCOPE_LABELS } from '../../types/roles'
import { formatDateTime, shanghaiDay } from '../../types/time'
import { memberTarget, recordAudit } from '../core/audit'
import type { MemberDoc } from '../core/collections'
import { anyScope, holdsRole, scopesOf, unionOffice, unitAdmin } from '../core/authorize'
import { keepUnionOffice } from '../core/officeGuard'
import { inGroup } from '../core/memberFacts'
import { readSettings, settingsOf, SETTINGS_ID } from '../core/settings'
import { action, defineFunction, jobsOf } from '../core/defineFunction'
import { scopeExists, scopeNames, scopeNamesOf, scopeOptions, type ScopeNames } from '../core/roleScopes'
import config from './config.json'
import {
  clearUserAttempts,
  forgetOldFailures,
  lockUser,
  returnStaffNumberAttempt,
  returnUserAttempt,
  staffNumberClosed,
  staffNumberCounterId,
  takeStaffNumberAttempt,
  takeUserAttempt,
} from './bindLimits'
import { migrateRoleScopes } from './migrateRoleScopes'
import { mustGet, pageOf } from '../core/queries'
import { allUnits } from '../core/units'
import { AppError, forbidden, memberLeft, notFound } from '../core/errors'
import { DuplicateKeyError, type Store } from '../core/store/port'
import {
  detailsMatch,
  grantViews,
  matchesSearch,
  memberAuditFields,
  memberDatesProblem,
  mismatchMessage,
  scopeProblem,
  settingsAuditFields,
  templateIdsOf,
  toMemberRecord,
  toProfile,
  toRosterRow,
} from './rules'

async function profileOf(store: Store, member: MemberDoc) {
  return toProfile(member, await store.get('units', member.unitId), await scopeNamesOf(store, member.roles))
}

function holderOf(member: MemberDoc, names: ScopeNames): RoleHolder {
  return {
    memberId: member._id,
    name: member.name,
    staffNo: member.staffNo,
    unitName: names.units.get(member.unitId) ?? '',
    roles: grantViews(member, names),
  }
}

/**
 * Grants or revokes a role: the member's roles are changed and the change audited in one transaction, which reads
 * them afresh (two admins changing one member's roles at once each see the other's result).
 */
async function changeRoles(
  store: Store,
  actor: MemberDoc,
  now: Date,
  memberId: string,
  action: 'members.grantRole' | 'members.revokeRole',
  change: (roles: string[]) => string[],
  takesUnionOffice = false,
): Promise<RoleHolder> {
  const names = await scopeNames(store)
  const labels = (roles: string[]) => grantViews({ roles }, names).map((view) => view.label)
  const after = await store.transaction(async (tx) => {
    const target = await tx.get('members', memberId)
    if (!target || (action === 'members.grantRole' && target.status === 'left')) throw notFound('该工号的在册会员')
    const roles = change(target.roles)
    if (roles.join('\n') === target.roles.join('\n')) return target
    if (takesUnionOffice) await keepUnionOffice(tx, actor)
    await tx.updateById('members', memberId, { $set: { roles } })
    await recordAudit(tx, actor, now, {
      action,
      targetType: 'member',
      targetId: memberId,
      target: memberTarget(target),
      before: { 角色: labels(target.roles) },
      after: { 角色: labels(roles) },
    })
    return { ...target, roles }
  })
  return holderOf(after, names)
}

async function isBound(store: Store, memberId: string) {
  return (await store.count('bindings', { memberId })) > 0
}

async function recordOf(store: Store, member: MemberDoc, now: Date) {
  const binding = { bound: await isBound(store, member._id), paused: await staffNumberClosed(store, member.staffNo, now) }
  return toMemberRecord(member, await scopeNames(store), binding, shanghaiDay(now), await readSettings(store))
}

/** Old failure records removed per batch of the daily job. */
const FORGET_BATCH = 200

const boundElsewhere = () => new AppError('CONFLICT', '该会员已绑定其他微信；如需更换，请联系所在分工会或校工会解除绑定')

export const membersFunction = defineFunction<MembersApi>('members', {
  me: action({
    allow: 'member',
    input: EmptySchema,
    async handle(_input, { store, member }) {
      return profileOf(store, member)
    },
  }),

  units: action({
    allow: 'member',
    input: EmptySchema,
    async handle(_input, { store }) {
      const units = await allUnits(store)
      return units.map((unit) => ({ id: unit._id, name: unit.name }))
    },
  }),

  bind: action({
    allow: 'user',
    input: BindSchema,
    async handle({ staffNo, name, phoneLast4 }, { store, now, openid, member: bound }) {
      if (bound?.status === 'left') throw memberLeft()
      if (bound) throw new AppError('CONFLICT', `您的微信已绑定会员身份（${bound.name}），无需再次绑定`)
      // A place is taken before the details are checked, so guesses sent at once are checked no more than the limits allow.
      const attempt = await takeUserAttempt(store, openid, now)
      if (!attempt.taken) throw new AppError('TOO_MANY_ATTEMPTS', `尝试次数过多，请于 ${formatDateTime(attempt.lockedUntil, now)} 后再试`)
      const numberOpen = await takeStaffNumberAttempt(store, staffNo, now)
      const [candidate] = await store.find('members', { staffNo }, { limit: 1 })
      if (!numberOpen || !detailsMatch(candidate ?? null, name, phoneLast4)) {
        if (attempt.failures >= BIND_MAX_FAILURES) await lockUser(store, openid, now)
        throw new AppError(attempt.failures >= BIND_MAX_FAILURES ? 'TOO_MANY_ATTEMPTS' : 'INVALID_INPUT', mismatchMessage(attempt.failures))
      }
      // The details were right: whatever happens next, this was no failed guess.
      await returnStaffNumberAttempt(store, staffNo, now)
      try {
        if (candidate.status === 'left') throw forbidden('该会员已离校，无法绑定；如有疑问请联系校工会')
        if ((await store.count('bindings', { memberId: candidate._id })) > 0) throw boundElsewhere()
        await store.insert('bindings', { _id: openid, memberId: candidate._id, boundAt: now.toISOString() })
      } catch (error) {
        await returnUserAttempt(store, openid)
        throw error instanceof DuplicateKeyError ? boundElsewhere() : error
      }
      await clearUserAttempts(store, openid)
      return profileOf(store, candidate)
    },
  }),

  unbind: action({
    allow: [unionOffice],
    input: MemberIdSchema,
    async handle({ memberId }, { store, now, member: actor }) {
      const target = await mustGet(store, 'members', memberId, '会员')
      const [found] = await store.find('bindings', { memberId })
      if (!found) return { unbound: false }
      return store.transaction(async (tx) => {
        // Freed meanwhile by another admin: nothing to undo, nothing to audit.
        const binding = await tx.get('bindings', found._id)
        if (!binding) return { unbound: false }
        await tx.removeById('bindings', binding._id)
        await recordAudit(tx, actor, now, {
          action: 'members.unbind',
          targetType: 'member',
          targetId: memberId,
          target: memberTarget(target),
          before: { 微信绑定: `已绑定（${formatDateTime(binding.boundAt, now)}）` },
          after: { 微信绑定: '未绑定' },
        })
        return { unbound: true }
      })
    },
  }),

  reopenBinding: action({
    allow: [unionOffice],
    input: MemberIdSchema,
    async handle({ memberId }, { store, now, member: actor }) {
      const target = await mustGet(store, 'members', memberId, '会员')
      const counterId = staffNumberCounterId(target.staffNo, now)
      await store.transaction(async (tx) => {
        const counter = await tx.get('staffBindFailures', counterId)
        if (!counter) return
        await tx.removeById('staffBindFailures', counterId)
        await recordAudit(tx, actor, now, {
          action: 'members.reopenBinding',
          targetType: 'member',
          targetId: memberId,
          target: memberTarget(target),
          before: { 自助绑定: `今日已失败 ${counter.failures} 次，已暂停` },
          after: { 自助绑定: '已恢复' },
        })
      })
      return recordOf(store, target, now)
    },
  }),

  roleHolders: action({
    allow: [unionOffice],
    input: EmptySchema,
    async handle(_input, { store }) {
      const names = await scopeNames(store)
      const members = await store.find('members', { status: { $ne: 'left' } }, { sort: { staffNo: 1 } })
      return members.filter((member) => member.roles.length > 0).map((member) => holderOf(member, names))
    },
  }),

  scopeOptions: action({
    allow: [unionOffice],
    input: EmptySchema,
    async handle(_input, { store }) {
      return scopeOptions(store)
    },
  }),

  grantRole: action({
    allow: [unionOffice],
    input: GrantSchema,
    async handle({ staffNo, role, scope }, { store, now, member: actor }) {
      const problem = scopeProblem({ role, scope })
      if (problem) throw new AppError('INVALID_INPUT', problem, { scope: problem })
      if (role !== 'unionOffice' && !(await scopeExists(store, role, scope!))) {
        const missing = `所选${ROLE_SCOPE_LABELS[role]}不存在`
        throw new AppError('INVALID_INPUT', `${missing}，请重新选择`, { scope: missing })
      }
      const [target] = await store.find('members', { staffNo }, { limit: 1 })
      if (!target || target.status === 'left') throw notFound('该工号的在册会员')
      const grant = encodeGrant({ role, scope })
      return changeRoles(store, actor, now, target._id, 'members.grantRole', (roles) => (roles.includes(grant) ? roles : [...roles, grant]))
    },
  }),

  revokeRole: action({
    allow: [unionOffice],
    input: RevokeSchema,
    async handle({ memberId, role, scope }, { store, now, member: actor }) {
      if (memberId === actor._id && role === 'unionOffice') {
        throw forbidden('不能撤销自己的校工会管理员角色，请由其他管理员操作')
      }
      await mustGet(store, 'members', memberId, '会员')
      const grant = encodeGrant({ role, scope })
      return changeRoles(store, actor, now, memberId, 'members.revokeRole', (roles) => roles.filter((stored) => stored !== grant), role === 'unionOffice')
    },
  }),

  roster: action({
    allow: [unionOffice, unitAdmin(({ unitId }) => unitId ?? anyScope)],
    input: RosterQuerySchema,
    async handle({ q, unitId, status, group, offset, limit }, { store, now, grants }) {
      const units = scopesOf(grants, 'unitAdmin')
      const scope = unitId ? { unitId } : units === 'all' ? {} : { unitId: { $in: units } }
      const today = shanghaiDay(now)
      const settings = await readSettings(store)
      // A campus roster is a few thousand people: the search and the group run over the scope's members here.
      const members = (await store.find('members', { ...scope, status: status ?? { $ne: 'left' } }, { sort: { staffNo: 1 } })).filter(
        (member) => matchesSearch(member, q) && (!group || inGroup(member, group, today, settings)),
      )
      const { items, hasMore } = pageOf(members.slice(offset, offset + limit + 1), limit)
      const bound = new Set(
        (await store.find('bindings', { memberId: { $in: items.map((member) => member._id) } })).map((binding) => binding.memberId),
      )
      const { units: names } = await scopeNames(store)
      return { items: items.map((member) => toRosterRow(member, names, bound.has(member._id))), hasMore }
    },
  }),

  memberRecord: action({
    allow: [unionOffice],
    input: MemberIdSchema,
    async handle({ memberId }, { store, now }) {
      return recordOf(store, await mustGet(store, 'members', memberId, '会员'), now)
    },
  }),

  updateMember: action({
    allow: [unionOffice],
    input: MemberEditSchema,
    async handle({ memberId, member: fields, base }, { store, now, member: actor }) {
      await mustGet(store, 'members', memberId, '会员')
      if (memberId === actor._id && fields.status === 'left') {
        throw forbidden('不能将自己设为离校，请由其他校工会管理员操作')
      }
      const dates = memberDatesProblem(fields, now)
      if (dates) throw new AppError('INVALID_INPUT', dates.message, { [dates.field]: dates.message })
      if (!(await store.get('units', fields.unitId))) {
        throw new AppError('INVALID_INPUT', '所选分工会不存在，请重新选择', { 'member.unitId': '所选分工会不存在' })
      }
      const { units: names } = await scopeNames(store)
      const after = await store.transaction(async (tx) => {
        const current = (await tx.get('members', memberId))!
        if (base && Object.entries(base).some(([field, value]) => current[field as keyof typeof base] !== value)) {
          throw new AppError('CONFLICT', '您打开之后，这位会员的信息已被修改（其他管理员或导入名册）：请返回刷新后再修改，以免覆盖别人的改动')
        }
        const next = { ...current, ...fields }
        if (!Object.entries(fields).some(([field, value]) => current[field as keyof typeof fields] !== value)) return current
        if (fields.status === 'left' && current.status !== 'left' && holdsRole(current, 'unionOffice')) await keepUnionOffice(tx, actor)
        await tx.updateById('members', memberId, { $set: fields })
        await recordAudit(tx, actor, now, {
          action: 'members.update',
          targetType: 'member',
          targetId: memberId,
          target: memberTarget(current),
          before: memberAuditFields(current, names),
          after: memberAuditFields(next, names),
        })
        return next
      })
      return recordOf(store, after, now)
    },
  }),

  settings: action({
    allow: [unionOffice, unitAdmin(() => anyScope)],
    input: EmptySchema,
    async handle(_input, { store }) {
      return readSettings(store)
    },
  }),

  updateSettings: action({
    allow: [unionOffice],
    input: SettingsSchema,
    async handle(next, { store, now, member: actor }) {
      return store.transaction(async (tx) => {
        const stored = await tx.get('settings', SETTINGS_ID)
        const before = settingsOf(stored)
        const templateIds = next.templateIds === undefined ? before.templateIds : templateIdsOf(next.templateIds)
        const after = settingsOf({ youthUnderAge: next.youthUnderAge, templateIds, retirementAges: next.retirementAges ?? before.retirementAges })
        if (JSON.stringify(settingsAuditFields(before)) === JSON.stringify(settingsAuditFields(after))) return before
        const fields = { ...after, updatedAt: now.toISOString(), updatedBy: actor._id }
        if (stored) await tx.updateById('settings', SETTINGS_ID, { $set: fields })
        else await tx.insert('settings', { _id: SETTINGS_ID, ...fields })
        await recordAudit(tx, actor, now, {
          action: 'settings.update',
          targetType: 'settings',
          targetId: SETTINGS_ID,
          target: '工会设置',
          before: settingsAuditFields(before),
          after: settingsAuditFields(after),
        })
        return after
      })
    },
  }),
}, {
  config,
  jobs: jobsOf(JOB_CATALOGUE.members, {
    migrateRoleScopes: { runBatch: migrateRoleScopes },
    forgetBindFailures: {
      async runBatch({ store, now }) {
        const count = await forgetOldFailures(store, now, FORGET_BATCH)
        return { count, ...(count > 0 ? { cursor: 'more' } : {}) }
      },
    },
  }),
})

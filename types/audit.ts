import * as v from 'valibot'
import { PageSchema, type Page } from './common'
import type { JobRunView } from './jobs'

/** Every admin action that changes data is one of these; the log can be filtered by them. */
export const AUDIT_ACTIONS = [
  'notices.publish',
  'notices.update',
  'notices.withdraw',
  'members.unbind',
  'members.reopenBinding',
  'members.update',
  'members.grantRole',
  'members.revokeRole',
  'members.migrateRoles',
  'members.import',
  'members.export',
  'settings.update',
  'events.create',
  'events.update',
  'events.publish',
  'events.close',
  'events.cancel',
  'events.deleteDraft',
  'events.decide',
  'events.decideCancel',
  'events.remove',
  'events.attendance',
  'events.export',
  'events.reconcile',
  'calendar.add',
  'calendar.remove',
  'benefits.updatePolicy',
  'benefits.applyRound',
  'benefits.markReceived',
  'benefits.applyFor',
  'benefits.viewApplication',
  'benefits.checkApplication',
  'benefits.decideApplication',
  'benefits.exportLedger',
  'benefits.reportHardship',
  'benefits.viewHardship',
  'benefits.fileHardship',
  'benefits.recordHardshipAid',
  'benefits.recordHardshipVisit',
  'benefits.closeHardship',
  'benefits.giveKeepsakes',
  'benefits.setBudgets',
  'proposals.decide',
  'proposals.assign',
  'proposals.close',
  'proposals.withhold',
  'proposals.saveSession',
  'proposals.importDelegates',
  'proposals.saveDepartment',
  'proposals.exportBook',
  'proposals.exportHandling',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'notices.publish': '发布通知',
  'notices.update': '修改通知',
  'notices.withdraw': '撤回通知',
  'members.unbind': '解除微信绑定',
  'members.reopenBinding': '恢复自助绑定',
  'members.update': '修改会员信息',
  'members.grantRole': '授予角色',
  'members.revokeRole': '撤销角色',
  'members.migrateRoles': '角色范围改为编号',
  'members.import': '导入会员名册',
  'members.export': '导出会员名册',
  'settings.update': '修改工会设置',
  'events.create': '创建活动',
  'events.update': '修改活动',
  'events.publish': '发布活动',
  'events.close': '提前截止报名',
  'events.cancel': '取消活动',
  'events.deleteDraft': '删除活动草稿',
  'events.decide': '审核报名',
  'events.decideCancel': '处理取消申请',
  'events.remove': '移出报名',
  'events.attendance': '标记出勤',
  'events.export': '导出报名名单',
  'events.reconcile': '校正活动名额',
  'calendar.add': '添加行事历事项',
  'calendar.remove': '删除行事历事项',
  'benefits.updatePolicy': '修改福利政策',
  'benefits.applyRound': '发放节日慰问',
  'benefits.markReceived': '登记节日慰问领取',
  'benefits.applyFor': '代为申请慰问',
  'benefits.viewApplication': '查看慰问申请材料',
  'benefits.checkApplication': '审核慰问申请',
  'benefits.decideApplication': '审批慰问申请',
  'benefits.exportLedger': '导出福利台账',
  'benefits.reportHardship': '上报困难帮扶',
  'benefits.viewHardship': '查看困难帮扶档案',
  'benefits.fileHardship': '困难帮扶建档',
  'benefits.recordHardshipAid': '登记困难帮扶',
  'benefits.recordHardshipVisit': '登记走访慰问',
  'benefits.closeHardship': '困难帮扶结档',
  'benefits.giveKeepsakes': '发放荣休纪念品',
  'benefits.setBudgets': '设置福利预算',
  'proposals.decide': '提案审查',
  'proposals.assign': '提案交办',
  'proposals.close': '提案办结',
  'proposals.withhold': '提案公开设置',
  'proposals.saveSession': '设置教代会届次',
  'proposals.importDelegates': '导入代表名单',
  'proposals.saveDepartment': '设置承办部门',
  'proposals.exportBook': '导出提案汇编',
  'proposals.exportHandling': '导出提案办理情况表',
}

export interface AuditEntryView {
  id: string
  at: string
  actorId: string
  actorName: string
  action: AuditAction
  /** What was acted on, in words: a notice title, a member's name and staff number. */
  target: string
  /** Field → value, before and after; absent when there was no before (a creation) or after. */
  before?: Record<string, unknown>
  after?: Record<string, unknown>
}

const DateSchema = v.pipe(v.string('日期须为文字'), v.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-11-22'))

export const AuditListSchema = v.optional(
  v.strictObject({
    action: v.optional(v.picklist(AUDIT_ACTIONS, '操作类型不正确')),
    /** Shanghai calendar days, inclusive. */
    from: v.optional(DateSchema),
    to: v.optional(DateSchema),
    ...PageSchema,
  }),
  {},
)

/** The contract of the `audit` function. */
export interface AuditApi {
  list: { request: v.InferInput<typeof AuditListSchema>; response: Page<AuditEntryView> }
  /** 任务运行记录: every periodic job of every function, with its last run. */
  jobRuns: { request: void; response: JobRunView[] }
}

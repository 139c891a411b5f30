import * as v from 'valibot'

/** Chinese names of payload fields, for messages about a missing or unknown field. */
const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  title: '标题',
  body: '正文',
  category: '栏目',
  pinned: '置顶',
  pinnedUntil: '置顶期限',
  audience: '发布范围',
  kind: '发布范围',
  unitIds: '分工会',
  publishAt: '发布时间',
  notice: '通知内容',
  state: '状态',
  offset: '分页位置',
  limit: '每页条数',
  staffNo: '工号',
  name: '姓名',
  phoneLast4: '手机号后四位',
  memberId: '会员',
  role: '角色',
  scope: '范围',
  action: '操作类型',
  from: '开始日期',
  to: '结束日期',
  q: '搜索内容',
  unitId: '分工会',
  status: '人员状态',
  member: '会员信息',
  gender: '性别',
  birthDate: '出生日期',
  phone: '手机号',
  memberSince: '入会时间',
  duesPaid: '会费状态',
  fileId: '名册文件',
  full: '导入方式',
  planId: '预览标识',
  group: '人群',
  youthUnderAge: '青年年龄上限',
  templateIds: '订阅消息模板',
  notify: '消息提醒',
  base: '原有信息',
  choices: '订阅结果',
  eventId: '活动',
  settings: '活动设置',
  answers: '报名表',
  signupId: '报名记录',
  scene: '签到码',
  reason: '原因',
  approve: '审核结果',
  present: '出勤',
  year: '年份',
  date: '日期',
  note: '说明',
  entryId: '行事历事项',
  tab: '列表',
  place: '活动地点',
  description: '活动介绍',
  startAt: '开始时间',
  endAt: '结束时间',
  signupOpensAt: '报名开始时间',
  signupClosesAt: '报名截止时间',
  capacity: '名额',
  unitQuotas: '分工会名额',
  eligibility: '报名条件',
  form: '报名表',
  cancelPolicy: '取消规则',
  review: '审核方式',
  waitlist: '候补方式',
  checkIn: '签到方式',
  checkedIn: '签到筛选',
  phase: '状态',
  coverFileId: '封面图',
  yearlyCap: '年度限额',
  frequency: '发放频次',
  forms: '发放形式',
  statuses: '适用人员',
  minMonths: '入会月数',
  source: '政策依据',
  gift: '生日礼品',
  item: '礼品名称',
  amount: '金额',
  handout: '领取方式',
  claimDays: '领取期限',
  lead: '发放时间',
  days: '提前天数',
  payoutId: '福利记录',
  festival: '节日',
  items: '礼品',
  budget: '预算',
  budgets: '各类预算',
  reasons: '案由',
  measures: '建议',
  confirm: '是否附议',
  mainId: '并入的提案',
  step: '审查结果',
  excludeId: '排除的提案',
  text: '内容',
  sessionId: '届次',
  leadDeptId: '主办部门',
  assistDeptIds: '协办部门',
  replyDue: '答复期限',
  deptId: '部门',
  outcome: '办理结果',
  completionDate: '完成时间',
  satisfaction: '满意度',
  comment: '评价意见',
  withhold: '是否公开',
  joint: '代表团联名',
  imageFileIds: '图片',
  sameDelegation: '只看本代表团',
  sessionName: '届次名称',
  deptName: '部门名称',
  meetingStart: '会议开始日期',
  meetingEnd: '会议结束日期',
  opensAt: '提案征集开始时间',
  closesAt: '提案征集截止时间',
  secondersNeeded: '附议人数',
  replyWeeks: '答复期限',
  duesPaidOnly: '仅限已缴会费',
  round: '节日慰问内容',
  expected: '预览结果',
  count: '人数',
  totalFen: '合计金额',
  roundId: '节日慰问',
  memberIds: '人员',
  pickupPlace: '领取地点',
  retirementAges: '退休年龄',
  male: '男职工退休年龄',
  female: '女职工退休年龄',
  application: '慰问申请',
  applicationId: '慰问申请',
  hospital: '医院名称',
  dischargedOn: '出院日期',
  relation: '与会员的关系',
  proofFileIds: '证明材料',
  caseId: '困难帮扶档案',
  cause: '困难类别',
  level: '困难等级',
  situation: '困难情况',
  day: '日期',
  approvalRef: '审批依据',
  visitKind: '走访类别',
  visitors: '走访人',
}

/** Labels of a field by its whole path, where its last key means something else elsewhere (`kind`). */
const PATH_LABELS: Record<string, string> = {
  'settings.kind': '活动类型',
  'settings.title': '活动名称',
  kind: '福利类别',
  'gift.form': '礼品形式',
  'gift.handout.kind': '领取方式',
  'gift.handout.place': '领取地点',
  'gift.lead.kind': '发放时间',
  'handout.kind': '发放方式',
  'handout.place': '领取地点',
  'audience.statuses': '发放对象',
  'round.handout.kind': '发放方式',
  'round.handout.place': '领取地点',
  'round.audience.statuses': '发放对象',
  form: '发放形式',
  'application.kind': '慰问类别',
}

type Issue = v.BaseIssue<unknown>

/**
 * The field's Chinese name, or the key itself. Own labels only: a field named `constructor` or `toString` must not
 * find Object.prototype's. (Not Object.hasOwn: this file ships to phones whose engines predate it.)
 */
function fieldLabel(key: string): string {
  return Object.prototype.hasOwnProperty.call(FIELD_LABELS, key) ? FIELD_LABELS[key] : key
}

/** One Chinese message for one issue: the schema's own message, or one about the shape of the payload. */
export function issueMessage(issue: Issue): string {
  const key = issue.path?.[issue.path.length - 1]?.key
  const path = v.getDotPath(issue) ?? ''
  const label = Object.prototype.hasOwnProperty.call(PATH_LABELS, path) ? PATH_LABELS[path] : typeof key === 'string' ? fieldLabel(key) : ''
  if (issue.type === 'strict_object' || issue.type === 'object') {
    if (issue.expected === 'never') return `不支持的字段「${label}」，请将小程序更新到最新版本后重试`
    if (issue.received === 'undefined' && label) return `请填写${label}`
    if (issue.expected === 'Object') return '请求参数格式不正确，请将小程序更新到最新版本后重试'
  }
  // A number left blank in a form (JSON drops undefined: only a form's own check meets it).
  if (issue.type === 'number' && issue.received === 'undefined' && label) return `请填写${label}`
  return issue.message
}

export interface ValidationFailure {
  message: string
  /** Field path → its first message. */
  fields: Record<string, string>
}

export function describeIssues(issues: Issue[]): ValidationFailure {
  // Without a prototype, so a field named `constructor` or `__proto__` gets its entry like any other.
  const fields: Record<string, string> = Object.create(null)
  for (const issue of issues) fields[v.getDotPath(issue) ?? ''] ??= issueMessage(issue)
  return { message: issueMessage(issues[0]), fields }
}

/** A form's verdict before sending: the input to send, or what is wrong (the first message and each field's). */
export type FormCheck<T> = { ok: true; input: T } | ({ ok: false } & ValidationFailure)

/** Checks a form with the very schema its cloud function validates with, so both say the same thing. */
export function schemaCheck<S extends v.GenericSchema>(schema: S, value: unknown): FormCheck<v.InferOutput<S>> {
  const parsed = v.safeParse(schema, value)
  return parsed.success ? { ok: true, input: parsed.output } : { ok: false, ...describeIssues(parsed.issues) }
}

/**
 * The request itself, once the schema accepts it: a form sends what the person typed (yuan), and the function
 * transforms it (to fen) as it validates; sending the schema's output would transform it twice.
 */
export function requestCheck<S extends v.GenericSchema>(schema: S, request: unknown): FormCheck<v.InferInput<S>> {
  const check = schemaCheck(schema, request)
  return check.ok ? { ok: true, input: request as v.InferInput<S> } : check
}

/**
 * The demo union's congress: 六届二次 collecting proposals now (opened 20 days ago, closing in 10, meeting a week
 * after), and its proposals in the states filing, review and handling reach: assigned to departments (one with its
 * assisting department's input given, one waiting for it), accepted and numbered, merged into one of those,
 * converted, rejected, waiting for the committee, with its seconders, and a draft; and a member's suggestion. Last
 * year's 六届一次 has its proposals closed (one handled twice, one withheld from the public record).
 */
import { delegateId, proposalNumber, secondId } from '../../cloudfunctions/proposals/rules'
import type { MemberDoc, ProposalDoc, ProposalSecondDoc, ProposalStepRecord } from '../../cloudfunctions/core/collections'
import type { Store } from '../../cloudfunctions/core/store/port'
import { REPLY_OUTCOME_LABELS, SATISFACTION_LABELS, type ProposalCategory, type ProposalKind, type ProposalState, type ProposalStep, type ReplyOutcome, type Satisfaction } from '../../types/proposals'
import { shanghaiDay } from '../../types/time'

const DAY_MS = 86_400_000
export const DEMO_SESSION = 'session-6-2'
export const LAST_SESSION = 'session-6-1'

interface DemoProposal {
  id: string
  kind?: ProposalKind
  title: string
  category: ProposalCategory
  reasons: string
  measures: string
  author: string
  seconders: [string, ProposalSecondDoc['state']][]
  /** Days ago it was submitted (none: not yet). */
  submitted?: number
  /** The committee's decision, days ago. */
  decision?: { step: Extract<ProposalStep, 'accept' | 'merge' | 'convert' | 'reject'>; days: number; reason?: string; mainId?: string }
  /** Assigned, days ago: its departments, and the assisting one's input if given. */
  assigned?: { days: number; lead: string; assists: string[]; input?: { deptId: string; text: string; byName: string } }
  /** The lead department's reply and the author's rating, days ago. */
  replied?: { days: number; outcome: ReplyOutcome; text: string; completionDate?: string; byName: string }
  rated?: { days: number; satisfaction: Satisfaction; comment: string }
  /** A first reply its author was not satisfied with (so it was handled again), before `replied`. */
  sentBack?: { days: number; outcome: ReplyOutcome; text: string; ratedDays: number; comment: string }
  /** Seconders' ratings of the reply. */
  secondRated?: [string, Satisfaction, string][]
  /** Closed (办结), days ago. */
  closed?: number
  /** Withheld from the public record, and why. */
  withheld?: string
  state: ProposalState
}

const DEMOS: DemoProposal[] = [
  {
    id: 'proposal-heating',
    title: '关于改善冬季教室供暖的提案',
    category: 'logistics',
    reasons: '老教学楼冬季供暖不足，部分教室室温低于 14℃，师生反映强烈。',
    measures: '对老教学楼供暖管网进行检修改造，延长每日供暖时间。',
    author: 'm0035',
    seconders: [['m0036', 'confirmed'], ['m0038', 'confirmed']],
    submitted: 19,
    decision: { step: 'accept', days: 18 },
    assigned: { days: 17, lead: 'dept-logistics', assists: [] },
    replied: { days: 6, outcome: 'adopted', text: '已完成老教学楼供暖管网检修，每日供暖时间延长至 22:00。', completionDate: '2026-11-15', byName: '段鹏' },
    rated: { days: 4, satisfaction: 'satisfied', comment: '教室暖和多了，感谢后勤处。' },
    secondRated: [['m0036', 'basicallySatisfied', '个别教室仍偏冷。']],
    state: 'rated',
  },
  {
    id: 'proposal-parking',
    title: '关于增设教工停车位的提案',
    category: 'logistics',
    reasons: '近年来教职工私家车数量逐年增加，校内停车位严重不足，早高峰时段教工常因找不到车位而迟到，车辆乱停乱放也影响校园交通安全。',
    measures: '一、在北区操场西侧空地新建立体停车场；二、对现有停车位实行教工优先、错峰共享；三、设置电动汽车充电桩。',
    author: 'm0011',
    seconders: [['m0039', 'confirmed'], ['m0032', 'confirmed']],
    submitted: 12,
    decision: { step: 'accept', days: 10 },
    assigned: { days: 9, lead: 'dept-logistics', assists: ['dept-construction'], input: { deptId: 'dept-construction', text: '北区操场西侧空地已列入明年基建计划，可配合建设立体停车场。', byName: '基建处 王工' } },
    state: 'assigned',
  },
  {
    id: 'proposal-daycare',
    title: '关于设立教职工子女暑期托管班的提案',
    category: 'welfare',
    reasons: '双职工家庭暑期子女无人照看的问题突出，不少青年教职工因此难以安心工作。',
    measures: '由校工会牵头，联合附属小学开设暑期托管班，费用由工会经费适当补贴。',
    author: 'm0034',
    seconders: [['m0039', 'confirmed'], ['m0037', 'confirmed']],
    submitted: 9,
    decision: { step: 'accept', days: 8 },
    assigned: { days: 7, lead: 'dept-hr', assists: ['dept-logistics'] },
    state: 'assigned',
  },
  {
    id: 'proposal-wifi',
    title: '关于提升校园无线网络覆盖的提案',
    category: 'campus',
    reasons: '教学楼、图书馆部分区域无线网络信号弱，影响教学和科研。',
    measures: '对教学楼和图书馆进行无线网络扩容，增设接入点。',
    author: 'm0037',
    seconders: [['m0038', 'confirmed'], ['m0039', 'confirmed']],
    submitted: 6,
    decision: { step: 'accept', days: 5 },
    state: 'accepted',
  },
  {
    id: 'proposal-parking-2',
    title: '关于增加教工车辆停放区域的提案',
    category: 'logistics',
    reasons: '教工停车位不足，车辆停放混乱，建议增加停车区域。',
    measures: '利用校园边角空地增设教工停车位，并规范停车管理。',
    author: 'm0033',
    seconders: [['m0035', 'confirmed'], ['m0036', 'confirmed']],
    submitted: 11,
    decision: { step: 'merge', days: 9, mainId: 'proposal-parking', reason: '与增设教工停车位的提案内容相同' },
    state: 'merged',
  },
  {
    id: 'proposal-lab-safety',
    title: '关于实验室安全培训常态化的提案',
    category: 'teachingResearch',
    reasons: '部分新进教师和研究生对实验室安全规范不熟悉，存在安全隐患。',
    measures: '每学期开学前组织一次实验室安全培训，考核合格后方可进入实验室。',
    author: 'm0035',
    seconders: [['m0033', 'confirmed'], ['m0038', 'confirmed']],
    submitted: 10,
    decision: { step: 'convert', days: 7, reason: '属于日常管理事项，转为意见建议，由相关部门研究落实' },
    state: 'converted',
  },
  {
    id: 'proposal-salary',
    title: '关于大幅提高全体教职工基本工资的提案',
    category: 'personnelPay',
    reasons: '物价上涨，教职工生活压力较大。',
    measures: '将全体教职工基本工资提高百分之三十。',
    author: 'm0036',
    seconders: [['m0032', 'confirmed'], ['m0034', 'confirmed']],
    submitted: 8,
    decision: { step: 'reject', days: 6, reason: '基本工资标准由国家和省统一规定，不属于学校职权范围' },
    state: 'rejected',
  },
  {
    id: 'proposal-canteen',
    title: '关于教工食堂延长晚餐供应时间的提案',
    category: 'logistics',
    reasons: '不少教师晚上有课或在实验室工作，教工食堂晚餐 18:30 即停止供应，加班教职工就餐不便。',
    measures: '将教工食堂晚餐供应时间延长至 20:00，并提供简餐窗口。',
    author: 'm0010',
    seconders: [['m0011', 'confirmed'], ['m0036', 'confirmed']],
    submitted: 3,
    state: 'submitted',
  },
  {
    id: 'proposal-gym',
    title: '关于延长体育馆对教职工开放时间的提案',
    category: 'campus',
    reasons: '体育馆工作日晚间对教职工开放时间较短，教职工锻炼时间难以保证。',
    measures: '工作日晚间开放至 21:30，周末全天向教职工开放。',
    author: 'm0010',
    seconders: [['m0011', 'confirmed'], ['m0032', 'invited']],
    state: 'seconding',
  },
  {
    id: 'proposal-water',
    title: '关于改善教学楼饮水设施的提案',
    category: 'logistics',
    reasons: '部分教学楼饮水机老旧，',
    measures: '',
    author: 'm0011',
    seconders: [],
    state: 'draft',
  },
  {
    id: 'suggestion-library',
    kind: 'suggestion',
    title: '关于在图书馆增设教工研修室的建议',
    category: 'teachingResearch',
    reasons: '图书馆缺少可供教师安静备课、研讨的空间。',
    measures: '在图书馆三楼改造两间教工研修室，可网上预约使用。',
    author: 'm0019',
    seconders: [],
    submitted: 4,
    state: 'submitted',
  },
]

/** The state each decision leaves a proposal in. */
const DECIDED = { accept: 'accepted', merge: 'merged', convert: 'converted', reject: 'rejected' } as const

/** 六届一次, a year ago: every accepted proposal handled and closed. */
const LAST_DEMOS: DemoProposal[] = [
  {
    id: 'proposal-6-1-bus',
    title: '关于开通教职工通勤班车的提案',
    category: 'logistics',
    reasons: '新校区距主城区较远，公共交通不便，教职工通勤时间长。',
    measures: '开通主城区至新校区的教职工通勤班车，早晚各两班。',
    author: 'm0035',
    seconders: [['m0036', 'confirmed'], ['m0037', 'confirmed']],
    submitted: 372,
    decision: { step: 'accept', days: 366 },
    assigned: { days: 364, lead: 'dept-logistics', assists: [] },
    replied: { days: 330, outcome: 'adopted', text: '已开通两条通勤班车线路，工作日早晚各两班。', completionDate: '2026-03-02', byName: '段鹏' },
    rated: { days: 326, satisfaction: 'satisfied', comment: '班车准时，方便多了。' },
    secondRated: [['m0036', 'satisfied', '']],
    closed: 320,
    state: 'closed',
  },
  {
    id: 'proposal-6-1-checkup',
    title: '关于增加退休教职工体检项目的提案',
    category: 'welfare',
    reasons: '退休教职工年龄偏大，现有体检项目较少，难以及早发现常见疾病。',
    measures: '为退休教职工增加心脑血管和骨密度检查项目。',
    author: 'm0010',
    seconders: [['m0011', 'confirmed'], ['m0032', 'confirmed']],
    submitted: 371,
    decision: { step: 'accept', days: 366 },
    assigned: { days: 364, lead: 'dept-hr', assists: ['dept-finance'], input: { deptId: 'dept-finance', text: '所需经费可在明年预算中安排。', byName: '财务处 李会计' } },
    replied: { days: 335, outcome: 'planned', text: '已列入明年体检方案，增加心脑血管和骨密度检查。', byName: '人事处 张老师' },
    rated: { days: 333, satisfaction: 'basicallySatisfied', comment: '希望尽快落实。' },
    closed: 320,
    state: 'closed',
  },
  {
    id: 'proposal-6-1-title',
    title: '关于完善职称评审公示制度的提案',
    category: 'personnelPay',
    reasons: '职称评审结果公示内容较少，教职工对评审过程了解不够。',
    measures: '公示评审委员会组成、评分细则和每位申报人的得分。',
    author: 'm0033',
    seconders: [['m0034', 'confirmed'], ['m0038', 'confirmed']],
    submitted: 370,
    decision: { step: 'accept', days: 365 },
    assigned: { days: 364, lead: 'dept-hr', assists: [] },
    sentBack: { days: 340, outcome: 'notAdopted', text: '评审细则涉及专家个人信息，暂不公开。', ratedDays: 338, comment: '评分细则不涉及个人信息，应当公开。' },
    replied: { days: 325, outcome: 'adopted', text: '自下一轮评审起公示评审委员会组成和评分细则。', completionDate: '2026-06-30', byName: '人事处 张老师' },
    rated: { days: 322, satisfaction: 'basicallySatisfied', comment: '' },
    closed: 320,
    state: 'closed',
  },
  {
    id: 'proposal-6-1-lab',
    title: '关于加快实验楼改造进度的提案',
    category: 'campus',
    reasons: '实验楼改造工期一再推迟，多个课题组的实验无法按计划开展。',
    measures: '公布改造时间表，分区施工，优先完成通风和供电改造。',
    author: 'm0037',
    seconders: [['m0038', 'confirmed'], ['m0039', 'confirmed']],
    submitted: 369,
    decision: { step: 'accept', days: 365 },
    assigned: { days: 363, lead: 'dept-construction', assists: [] },
    replied: { days: 316, outcome: 'adopted', text: '已分区施工，通风和供电改造于三月完成。', completionDate: '2026-03-31', byName: '基建处 王工' },
    rated: { days: 312, satisfaction: 'satisfied', comment: '' },
    closed: 305,
    withheld: '答复涉及尚未公开的招标安排，暂不公开',
    state: 'closed',
  },
  {
    id: 'proposal-6-1-library',
    title: '关于延长图书馆开放时间的提案',
    category: 'teachingResearch',
    reasons: '图书馆晚间 21:00 闭馆，教师晚间查阅资料不便。',
    measures: '工作日晚间开放至 22:30，考试周通宵开放自习区。',
    author: 'm0039',
    seconders: [['m0032', 'confirmed'], ['m0035', 'confirmed']],
    submitted: 368,
    decision: { step: 'accept', days: 364 },
    assigned: { days: 362, lead: 'dept-academic', assists: [] },
    replied: { days: 345, outcome: 'adopted', text: '自春季学期起工作日开放至 22:30。', completionDate: '2026-02-24', byName: '教务处 刘老师' },
    rated: { days: 340, satisfaction: 'satisfied', comment: '谢谢！' },
    closed: 320,
    state: 'closed',
  },
]

/** Each demo session: its window and meeting (days from now), and its proposals. */
const SESSION_DEMOS = [
  { id: LAST_SESSION, opens: -390, closes: -360, meets: -353, updated: -391, demos: LAST_DEMOS },
  { id: DEMO_SESSION, opens: -20, closes: 10, meets: 17, updated: -21, demos: DEMOS },
]

/** 六届二次's delegates by 代表团, as the union office's imported list names them. */
export const DEMO_DELEGATIONS: [string, string[]][] = [
  ['人文社科代表团', ['m0010', 'm0011', 'm0032', 'm0033', 'm0034']],
  ['理工医代表团', ['m0035', 'm0036', 'm0037', 'm0038', 'm0039']],
]

export async function seedDemoProposals(store: Store, now: Date, members: MemberDoc[]): Promise<void> {
  for (const session of SESSION_DEMOS) await seedSession(store, now, members, session)
  const byId = new Map(members.map((member) => [member._id, member]))
  for (const [delegation, memberIds] of DEMO_DELEGATIONS) {
    for (const memberId of memberIds) {
      const { name, staffNo } = byId.get(memberId)!
      await store.insert('congressDelegates', { _id: delegateId(DEMO_SESSION, memberId), sessionId: DEMO_SESSION, memberId, memberName: name, staffNo, delegation, importedAt: new Date(now.getTime() - 21 * DAY_MS).toISOString() })
    }
  }
}

async function seedSession(store: Store, now: Date, members: MemberDoc[], plan: (typeof SESSION_DEMOS)[number]): Promise<void> {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString()
  const dayFrom = (days: number) => shanghaiDay(new Date(now.getTime() + days * DAY_MS))
  const sessionId = plan.id
  const session = (await store.get('congressSessions', sessionId))!
  await store.update('congressSessions', { _id: sessionId }, {
    $set: {
      opensAt: ago(-plan.opens),
      closesAt: ago(-plan.closes),
      meetingStart: dayFrom(plan.meets),
      meetingEnd: dayFrom(plan.meets + 1),
      secondersNeeded: 2,
      replyWeeks: 6,
      updatedAt: ago(-plan.updated),
    },
  })
  const byId = new Map(members.map((member) => [member._id, member]))
  const deptName = new Map((await store.find('departments')).map((dept) => [dept._id, dept.name]))
  const office = members.find((member) => member.roles.includes('unionOffice'))!
  let accepted = 0
  const numbers = new Map<string, string>()
  for (const demo of plan.demos) {
    const author = byId.get(demo.author)!
    const created = ago((demo.submitted ?? 1) + 2)
    const history: ProposalStepRecord[] = []
    if (demo.seconders.length) history.push({ step: 'invite', state: 'seconding', at: ago((demo.submitted ?? 1) + 1), byName: author.name, note: demo.seconders.map(([id]) => byId.get(id)!.name).join('、') })
    if (demo.submitted !== undefined) history.push({ step: 'submit', state: 'submitted', at: ago(demo.submitted), byName: author.name })
    const decision = demo.decision
    let number: string | undefined
    if (decision) {
      if (decision.step === 'accept') number = proposalNumber(session.name, ++accepted)
      if (number) numbers.set(demo.id, number)
      const note = number ?? (decision.mainId ? `并入${numbers.get(decision.mainId)}：${decision.reason}` : decision.reason)
      history.push({ step: decision.step, state: DECIDED[decision.step], at: ago(decision.days), byName: office.name, ...(note ? { note } : {}) })
    }
    const assigned = demo.assigned
    const replyDue = assigned ? dayFrom(42 - assigned.days) : undefined
    if (assigned) {
      const note = `主办：${deptName.get(assigned.lead)}${assigned.assists.length ? `；协办：${assigned.assists.map((deptId) => deptName.get(deptId)).join('、')}` : ''}；${replyDue} 前答复`
      history.push({ step: 'assign', state: 'assigned', at: ago(assigned.days), byName: office.name, note })
    }
    const { replied, rated, sentBack } = demo
    const replyNote = (outcome: ReplyOutcome) => `${deptName.get(assigned!.lead)}：${REPLY_OUTCOME_LABELS[outcome]}`
    if (sentBack) {
      history.push({ step: 'reply', state: 'replied', at: ago(sentBack.days), byName: replied!.byName, note: replyNote(sentBack.outcome) })
      history.push({ step: 'rate', state: 'rehandling', at: ago(sentBack.ratedDays), byName: author.name, note: `${SATISFACTION_LABELS.unsatisfied}：${sentBack.comment}；重新办理，${dayFrom(42 - sentBack.ratedDays)} 前答复` })
    }
    if (replied) history.push({ step: 'reply', state: 'replied', at: ago(replied.days), byName: replied.byName, note: replyNote(replied.outcome) })
    if (rated) history.push({ step: 'rate', state: 'rated', at: ago(rated.days), byName: author.name, note: `${SATISFACTION_LABELS[rated.satisfaction]}${rated.comment ? `：${rated.comment}` : ''}` })
    if (demo.closed !== undefined) history.push({ step: 'close', state: 'closed', at: ago(demo.closed), byName: office.name })
    const kind = decision?.step === 'convert' ? 'suggestion' : (demo.kind ?? 'proposal')
    const doc: ProposalDoc = {
      _id: demo.id,
      kind,
      ...(demo.kind === 'suggestion' ? {} : { sessionId }),
      state: demo.state,
      title: demo.title,
      category: demo.category,
      reasons: demo.reasons,
      measures: demo.measures,
      authorId: author._id,
      authorName: author.name,
      authorUnitId: author.unitId,
      round: 1,
      ...(number ? { number } : {}),
      ...(decision?.mainId ? { mainId: decision.mainId } : {}),
      ...(decision?.reason ? { reason: decision.reason } : {}),
      createdAt: created,
      updatedAt: history.at(-1)?.at ?? created,
      ...(demo.submitted !== undefined ? { submittedAt: ago(demo.submitted) } : {}),
      ...(decision ? { decidedAt: ago(decision.days), decidedByName: office.name } : {}),
      ...(assigned
        ? {
            leadDeptId: assigned.lead,
            assistDeptIds: assigned.assists,
            // Sent back, it was due the session's six weeks from then.
            replyDue: sentBack ? dayFrom(42 - sentBack.ratedDays) : replyDue,
            assistInputs: assigned.input ? { [assigned.input.deptId]: { text: assigned.input.text, byName: assigned.input.byName, at: ago(assigned.days - 3) } } : {},
          }
        : {}),
      ...(replied ? { reply: { outcome: replied.outcome, text: replied.text, ...(replied.completionDate ? { completionDate: replied.completionDate } : {}), byName: replied.byName, deptName: deptName.get(assigned!.lead)!, at: ago(replied.days) } } : {}),
      ...(rated ? { rating: { satisfaction: rated.satisfaction, comment: rated.comment, at: ago(rated.days) } } : {}),
      ...(sentBack ? { rehandled: 1 } : {}),
      ...(demo.withheld ? { withheld: { reason: demo.withheld, byName: office.name, at: ago(demo.closed ?? 0) } } : {}),
      history,
    }
    await store.insert('proposals', doc)
    for (const [memberId, state] of demo.seconders) {
      const seconder = byId.get(memberId)!
      const invitedAt = ago((demo.submitted ?? 1) + 1)
      const secondRating = demo.secondRated?.find(([id]) => id === memberId)
      await store.insert('proposalSeconds', {
        _id: secondId(demo.id, memberId),
        proposalId: demo.id,
        sessionId,
        memberId,
        memberName: seconder.name,
        state,
        round: 1,
        invitedAt,
        ...(state === 'invited' ? {} : { answeredAt: ago(demo.submitted ?? 0.5) }),
        ...(secondRating ? { rating: { satisfaction: secondRating[1], comment: secondRating[2], at: ago(rated!.days), replyAt: ago(replied!.days) } } : {}),
      })
    }
  }
  await store.update('congressSessions', { _id: sessionId }, { $set: { lastNumber: accepted } })
}

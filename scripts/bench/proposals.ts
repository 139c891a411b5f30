/**
 * Proposals benchmark (`npm run bench:proposals`). Over a SQLite file holding the demo union and a congress session
 * of its own (六届三次) seeded by `seedSession`:
 *   book   提案汇编 of 200 accepted proposals (`BOOK_N=…`), each 300–600 characters of Chinese text with 2–3
 *          confirmed seconders, most of them replied: the `exports.proposalBook` call end to end as the session's
 *          committee makes it (reading the proposals, their seconders and names, writing the .docx, storing the file
 *          and its audit entry), the median of RUNS (default 3; `RUNS=…`) calls (target ≤ 3,000 ms).
 *   stats  提案统计 of a session of 500 proposals (`STATS_N=…`) in every state a session's proposals reach: the
 *          `proposals.statistics` call as the committee makes it, the median of RUNS calls (target ≤ 200 ms).
 * Each measurement is one function over a store `seedSession` filled.
 */
import JSZip from 'jszip'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MemberDoc, ProposalDoc, ProposalSecondDoc, ProposalStepRecord } from '../../cloudfunctions/core/collections'
import { LocalFileStore } from '../../cloudfunctions/core/files/local'
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { OutboxWeChatApi } from '../../cloudfunctions/core/wechatApi/outbox'
import { exportsFunction } from '../../cloudfunctions/exports/actions'
import { proposalsFunction } from '../../cloudfunctions/proposals/actions'
import { proposalNumber, secondId } from '../../cloudfunctions/proposals/rules'
import type { DownloadLink } from '../../types/exports'
import type { ProposalStatistics } from '../../types/proposals'
import { PROPOSAL_STATES, type ProposalCategory, type ProposalState, type ReplyOutcome, type Satisfaction } from '../../types/proposals'
import { addDays, shanghaiDay } from '../../types/time'
import { seedDemoUnion } from '../seed/demoUnion'

const BOOK_N = Number(process.env.BOOK_N ?? 200)
const STATS_N = Number(process.env.STATS_N ?? 500)
const RUNS = Number(process.env.RUNS ?? 3)
const TARGETS = { bookMs: 3000, statsMs: 200 }
/** A month after the session's proposals were filed: most are answered, some still with their departments. */
const NOW = new Date('2027-05-20T02:00:00.000Z')
const DAY_MS = 86_400_000

const BENCH_SESSION = { _id: 'session-bench', name: '六届三次' }
/** The session's committee member who exports (bound to WeChat by the demo seed). */
const COMMITTEE_ID = 'm0040'

/** A small seeded generator (mulberry32): the same session every run. */
function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]
  const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return { next, pick, between }
}

/** What proposals are about: a subject for the title, its category and the department that would lead it. */
const SUBJECTS: [string, ProposalCategory, string][] = [
  ['改善教工食堂伙食质量', 'logistics', 'dept-logistics'],
  ['增设教工停车位', 'logistics', 'dept-logistics'],
  ['加快老旧宿舍楼电梯加装', 'logistics', 'dept-construction'],
  ['完善青年教师职称评审办法', 'personnelPay', 'dept-hr'],
  ['提高教职工体检标准', 'welfare', 'dept-hr'],
  ['设立教职工子女暑期托管班', 'welfare', 'dept-hr'],
  ['优化科研经费报销流程', 'teachingResearch', 'dept-finance'],
  ['提升校园无线网络覆盖', 'campus', 'dept-academic'],
  ['延长图书馆开放时间', 'campus', 'dept-academic'],
  ['规范课程考核与成绩管理', 'teachingResearch', 'dept-academic'],
  ['加强实验室安全管理', 'teachingResearch', 'dept-research'],
  ['建设教工健身活动中心', 'campus', 'dept-construction'],
  ['完善绩效工资分配办法', 'personnelPay', 'dept-finance'],
  ['改善教学楼饮水设施', 'logistics', 'dept-logistics'],
  ['加大横向科研项目支持力度', 'teachingResearch', 'dept-research'],
  ['关心退休教职工生活', 'welfare', 'dept-hr'],
  ['增加校园绿化与休憩空间', 'campus', 'dept-construction'],
  ['减轻青年教师非教学事务负担', 'other', 'dept-academic'],
]
const DEPTS = ['dept-academic', 'dept-construction', 'dept-finance', 'dept-hr', 'dept-logistics', 'dept-research']

const SITUATIONS = [
  '近年来学校办学规模持续扩大，教职工人数较五年前增加了三成以上，但相应的保障条件没有同步跟上，教职工对此反映较为集中。',
  '在本次提案征集过程中，多个分工会的代表都提到了这一问题，部分学院的教职工还专门召开座谈会进行了讨论，意见比较一致。',
  '据不完全统计，仅上学期就有一百余名教职工通过校长信箱、教代会代表等渠道反映过相关情况，问题的普遍性和紧迫性可见一斑。',
  '兄弟院校在这方面已有较为成熟的做法，例如实行分时段管理、引入第三方专业服务、建立定期评估机制等，效果良好，值得借鉴。',
  '现行制度制定于二〇一五年，其中部分条款已与上级最新文件精神不相适应，执行中也出现了标准不统一、程序不透明等情况。',
  '青年教师普遍承担着较重的教学和科研任务，同时面临住房、子女教育等现实压力，如果后勤保障跟不上，势必影响其工作积极性。',
  '这一问题看似是小事，却关系到每一位教职工的切身利益，也直接影响学校的办学形象和师生的获得感、幸福感。',
  '去年学校虽已采取了一些临时性措施，但未从根本上解决问题，高峰时段依然矛盾突出，教职工意见仍然较大。',
  '从长远看，这项工作需要学校统筹规划、分步实施，在预算安排上给予适当倾斜，并明确牵头部门和完成时限。',
  '部分离退休老同志和身体不便的教职工受影响尤为明显，他们希望学校在制定相关政策时能够更多地考虑这一群体的实际困难。',
  '相关职能部门之间职责交叉，遇到具体问题时往往互相推诿，教职工办一件事需要跑多个部门、填多张表格，耗时费力。',
  '随着新校区的启用，师生往返于两个校区之间的频次明显增加，原有的安排已难以满足实际需要，亟需作出相应调整。',
]
const MEASURES = [
  '由学校统筹安排专项经费，制定三年建设规划，分年度组织实施，并将实施情况向教代会报告',
  '成立由分管校领导牵头、相关职能部门和教职工代表参加的工作小组，定期研究解决推进中的困难和问题',
  '广泛听取一线教职工意见，在充分调研的基础上修订完善现行办法，做到程序公开、标准统一、结果公示',
  '借鉴兄弟院校的成功经验，引入专业化的管理和服务团队，建立服务质量评价和考核机制',
  '充分利用信息化手段，推行网上办理、一次办结，减少教职工往返奔波',
  '对离退休教职工、身体不便的教职工和有特殊困难的青年教师给予适当照顾',
  '将该项工作纳入相关部门年度考核内容，明确完成时限，并由校工会会同教代会代表进行监督检查',
  '先在条件成熟的学院或楼宇开展试点，总结经验后再在全校推广',
]
const NUMERALS = ['一', '二', '三', '四', '五']
const REPLIES = [
  '收到提案后，我处高度重视，组织专人进行了实地调研，并与相关学院和教职工代表进行了座谈。经研究，已将提案所提建议纳入本年度工作计划，目前第一阶段工作已经完成，后续工作将按计划推进，并及时向提案人通报进展情况。',
  '感谢代表对学校工作的关心和支持。提案所反映的问题确实存在，我处已会同有关部门制定了整改方案，计划分两期实施，所需经费已报学校审批，预计下学期开学前完成主要建设内容。',
  '经认真研究，提案中的部分建议涉及上级政策规定，学校暂无调整权限；对于学校层面能够解决的问题，我处已着手改进，并将在下一轮制度修订时充分吸收代表的意见。',
]
const OUTCOMES: ReplyOutcome[] = ['adopted', 'adopted', 'planned', 'notAdopted']
const SATISFACTIONS: Satisfaction[] = ['satisfied', 'satisfied', 'basicallySatisfied', 'unsatisfied']

/** 案由 and 建议 of 300–600 characters between them, the length spread evenly over that range. */
function proposalText(rng: ReturnType<typeof random>): { reasons: string; measures: string } {
  for (;;) {
    const target = rng.between(300, 600)
    const situations = [...SITUATIONS].sort(() => rng.next() - 0.5)
    const measures = [...MEASURES].sort(() => rng.next() - 0.5)
    let reasons = ''
    while (situations.length && reasons.length < target * 0.6) reasons += situations.pop()!
    const steps: string[] = []
    const measuresText = () => steps.map((text, i) => `${NUMERALS[i]}、${text}。`).join('\n')
    while (measures.length && steps.length < NUMERALS.length && reasons.length + measuresText().length < target) steps.push(measures.pop()!)
    const length = reasons.length + measuresText().length
    if (length >= 300 && length <= 600) return { reasons, measures: measuresText() }
  }
}

/** States a seeded session's proposals are given in turn: every one accepted (立案), most handled and answered. */
const HANDLED_MIX: readonly ProposalState[] = ['closed', 'rated', 'replied', 'closed', 'rated', 'assigned', 'replied', 'rehandling', 'closed', 'accepted']

const ACCEPTED_ON: readonly ProposalState[] = ['accepted', 'assigned', 'replied', 'rated', 'rehandling', 'closed']
const ASSIGNED_ON: readonly ProposalState[] = ['assigned', 'replied', 'rated', 'rehandling', 'closed']
const REPLIED_ON: readonly ProposalState[] = ['replied', 'rated', 'rehandling', 'closed']
const RATED_ON: readonly ProposalState[] = ['rated', 'rehandling', 'closed']

export interface SeededSession {
  sessionId: string
  /** How many proposals there are in each state. */
  states: Partial<Record<ProposalState, number>>
  /** The characters of 案由 and 建议, on average. */
  averageChars: number
}

/**
 * Seeds the session 六届三次 (its delegates the demo's first 200 members, its committee m0040) with `n` proposals whose
 * states cycle through `mix` (any of PROPOSAL_STATES): each with its history, 2–3 seconders confirmed (and now and
 * then one who declined), and, as its state has them, its number, departments, reply and rating.
 */
async function seedSession(store: SqliteStore, n: number, mix: readonly ProposalState[] = HANDLED_MIX): Promise<SeededSession> {
  const rng = random(20270520)
  const ago = (days: number) => new Date(NOW.getTime() - days * DAY_MS).toISOString()
  const members: MemberDoc[] = await store.find('members', { status: 'active' }, { sort: { _id: 1 }, limit: 200 })
  const committee = (await store.get('members', COMMITTEE_ID))!
  await store.insert('congressSessions', {
    ...BENCH_SESSION,
    // After the demo's 六届一次 and 六届二次.
    order: 3,
    opensAt: ago(60),
    closesAt: ago(30),
    meetingStart: shanghaiDay(ago(25)),
    meetingEnd: shanghaiDay(ago(24)),
    secondersNeeded: 2,
    replyWeeks: 6,
  })
  await store.update('members', { _id: COMMITTEE_ID }, { $set: { roles: [`committee:${BENCH_SESSION._id}`] } })
  const deptNames = new Map((await store.find('departments')).map((dept) => [dept._id, dept.name]))
  const states: Partial<Record<ProposalState, number>> = {}
  let accepted = 0
  let chars = 0
  const acceptedIds: string[] = []
  for (let i = 0; i < n; i++) {
    const state = mix[i % mix.length]
    if (!PROPOSAL_STATES.includes(state)) throw new Error(`no state ${state}`)
    states[state] = (states[state] ?? 0) + 1
    const author = members[i % members.length]
    const [subject, category, lead] = rng.pick(SUBJECTS)
    const { reasons, measures } = proposalText(rng)
    chars += reasons.length + measures.length
    const id = `bench-proposal-${String(i + 1).padStart(4, '0')}`
    const seconders = [...members.filter((member) => member._id !== author._id)].sort(() => rng.next() - 0.5).slice(0, rng.between(2, 3))
    const filed = state !== 'draft'
    const submitted = filed && state !== 'seconding'
    const history: ProposalStepRecord[] = []
    const at = (days: number) => ago(days - (i % 24) / 24)
    if (filed) history.push({ step: 'invite', state: 'seconding', at: at(45), byName: author.name, note: seconders.map((member) => member.name).join('、') })
    if (submitted) history.push({ step: 'submit', state: 'submitted', at: at(44), byName: author.name })
    const isAccepted = ACCEPTED_ON.includes(state)
    const number = isAccepted ? proposalNumber(BENCH_SESSION.name, ++accepted) : undefined
    if (number) history.push({ step: 'accept', state: 'accepted', at: at(35), byName: committee.name, note: number })
    const decision = !isAccepted && ['merged', 'converted', 'rejected'].includes(state)
    const mainId = state === 'merged' ? acceptedIds[i % Math.max(acceptedIds.length, 1)] : undefined
    const reason = state === 'converted' ? '属于日常管理事项，转为意见建议' : state === 'rejected' ? '不属于学校职权范围' : state === 'merged' ? '与已立案提案内容相同' : undefined
    if (decision) history.push({ step: state === 'merged' ? 'merge' : state === 'converted' ? 'convert' : 'reject', state, at: at(35), byName: committee.name, ...(reason ? { note: reason } : {}) })
    const assigned = ASSIGNED_ON.includes(state)
    const assists = assigned ? DEPTS.filter((dept) => dept !== lead).sort(() => rng.next() - 0.5).slice(0, rng.between(0, 2)) : []
    const replyDue = assigned ? addDays(shanghaiDay(at(34)), 42) : undefined
    if (assigned) history.push({ step: 'assign', state: 'assigned', at: at(34), byName: committee.name, note: `主办：${deptNames.get(lead)}；${replyDue} 前答复` })
    const replied = REPLIED_ON.includes(state)
    const outcome = rng.pick(OUTCOMES)
    // A tenth answered a little late.
    const replyAt = at(i % 10 === 0 ? -14 : 12)
    if (replied) history.push({ step: 'reply', state: 'replied', at: replyAt, byName: `${deptNames.get(lead)} 经办人` })
    const rated = RATED_ON.includes(state)
    const satisfaction = state === 'rehandling' ? 'unsatisfied' : rng.pick(SATISFACTIONS.filter((value) => value !== 'unsatisfied'))
    if (rated) history.push({ step: 'rate', state: state === 'rehandling' ? 'rehandling' : 'rated', at: at(8), byName: author.name })
    if (state === 'closed') history.push({ step: 'close', state: 'closed', at: at(4), byName: committee.name })
    const doc: ProposalDoc = {
      _id: id,
      kind: state === 'converted' ? 'suggestion' : 'proposal',
      sessionId: BENCH_SESSION._id,
      state,
      title: `关于${subject}的提案`,
      category,
      reasons,
      measures,
      authorId: author._id,
      authorName: author.name,
      authorUnitId: author.unitId,
      round: 1,
      ...(number ? { number } : {}),
      ...(mainId ? { mainId } : {}),
      ...(reason ? { reason } : {}),
      createdAt: at(46),
      updatedAt: history.at(-1)?.at ?? at(46),
      ...(submitted ? { submittedAt: at(44) } : {}),
      ...(number || decision ? { decidedAt: at(35), decidedByName: committee.name } : {}),
      ...(assigned ? { leadDeptId: lead, assistDeptIds: assists, replyDue, assistInputs: Object.fromEntries(assists.map((dept) => [dept, { text: '同意主办部门意见，将积极配合落实。', byName: `${deptNames.get(dept)} 经办人`, at: at(20) }])) } : {}),
      ...(replied
        ? { reply: { outcome, text: rng.pick(REPLIES), ...(outcome === 'adopted' ? { completionDate: shanghaiDay(at(-30)) } : {}), byName: `${deptNames.get(lead)} 经办人`, deptName: deptNames.get(lead)!, at: replyAt } }
        : {}),
      ...(rated ? { rating: { satisfaction, comment: satisfaction === 'unsatisfied' ? '答复过于笼统，没有具体措施' : '', at: at(8) } } : {}),
      ...(state === 'rehandling' ? { rehandled: 1 } : {}),
      history,
    }
    await store.insert('proposals', doc)
    if (number) acceptedIds.push(id)
    // Every tenth had one more invitee, who declined.
    const answers: [MemberDoc, ProposalSecondDoc['state']][] = filed ? seconders.map((member) => [member, submitted ? 'confirmed' : 'invited']) : []
    const decliner = members.find((member, k) => k >= (i + 7) % members.length && member._id !== author._id && !seconders.includes(member))
    if (filed && i % 10 === 3 && decliner) answers.push([decliner, 'declined'])
    for (const [member, answer] of answers) {
      await store.insert('proposalSeconds', {
        _id: secondId(id, member._id),
        proposalId: id,
        sessionId: BENCH_SESSION._id,
        memberId: member._id,
        memberName: member.name,
        state: answer,
        round: 1,
        invitedAt: at(45),
        ...(answer === 'invited' ? {} : { answeredAt: at(44.5) }),
      })
    }
  }
  await store.update('congressSessions', { _id: BENCH_SESSION._id }, { $set: { lastNumber: accepted } })
  return { sessionId: BENCH_SESSION._id, states, averageChars: Math.round(chars / Math.max(n, 1)) }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** What a function runs in, called by the session's committee member over `store`. */
async function committeeCalls(store: SqliteStore, dir: string, name: string) {
  const files = new LocalFileStore(join(dir, `${name}-files`), 'bench-proposals')
  const [binding] = await store.find('bindings', { memberId: COMMITTEE_ID })
  if (!binding) throw new Error(`the demo seed left ${COMMITTEE_ID} unbound`)
  return { files, environment: { store, files, wechat: new OutboxWeChatApi(), identity: { openid: binding._id }, now: NOW } }
}

/** 提案汇编 of the session's accepted proposals, RUNS times as the committee asks for it: the median call. */
async function benchBook(dir: string) {
  const store = new SqliteStore(join(dir, 'book.sqlite'))
  try {
    await seedDemoUnion(store, NOW)
    const seeded = await seedSession(store, BOOK_N)
    const { files, environment } = await committeeCalls(store, dir, 'book')
    const times: number[] = []
    let link: DownloadLink | undefined
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now()
      const result = await exportsFunction.run({ action: 'proposalBook', payload: { sessionId: seeded.sessionId } }, environment)
      times.push(Math.round(performance.now() - started))
      if (!result.ok) throw new Error(`proposalBook: ${result.code} ${result.message}`)
      link = result.data as DownloadLink
    }
    const fileId = /\/files\/([0-9a-f]+)/.exec(link!.url)![1]
    const data = (await files.read(fileId))!
    const document = await (await JSZip.loadAsync(data)).file('word/document.xml')!.async('string')
    const pages = document.match(/<w:pageBreakBefore\/>/g)?.length ?? 0
    const ms = median(times)
    const replied = REPLIED_ON.reduce((sum, state) => sum + (seeded.states[state] ?? 0), 0)
    console.log(`proposals: ${BOOK_N.toLocaleString('en-US')} accepted proposals of ${BENCH_SESSION.name} (${seeded.averageChars} characters each on average, ${replied} replied)`)
    console.log(`  book       ${ms} ms (median of ${times.join(', ')} ms), target ≤ ${TARGETS.bookMs.toLocaleString('en-US')} ms: ${ms <= TARGETS.bookMs ? 'met' : 'MISSED'}`)
    console.log(`             ${link!.fileName}: ${Math.round(data.length / 1024).toLocaleString('en-US')} KiB, ${pages} proposal pages; expected ${BOOK_N}`)
    if (pages !== BOOK_N) process.exitCode = 1
  } finally {
    store.close()
  }
}

/** Every state a session's proposals are in a month after its window, in about the shares a session has them. */
const SESSION_MIX: readonly ProposalState[] = ['closed', 'rated', 'replied', 'assigned', 'rehandling', 'accepted', 'merged', 'converted', 'rejected', 'submitted', 'closed', 'replied', 'seconding', 'draft']

/** 提案统计 of a session of STATS_N proposals, RUNS times as the committee asks for it: the median call. */
async function benchStats(dir: string) {
  const store = new SqliteStore(join(dir, 'stats.sqlite'))
  try {
    await seedDemoUnion(store, NOW)
    const seeded = await seedSession(store, STATS_N, SESSION_MIX)
    const { environment } = await committeeCalls(store, dir, 'stats')
    const times: number[] = []
    let figures: ProposalStatistics | undefined
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now()
      const result = await proposalsFunction.run({ action: 'statistics', payload: { sessionId: seeded.sessionId } }, environment)
      times.push(Math.round(performance.now() - started))
      if (!result.ok) throw new Error(`statistics: ${result.code} ${result.message}`)
      figures = result.data as ProposalStatistics
    }
    const ms = median(times)
    // Every proposal but the drafts and those with their seconders was submitted.
    const filed = STATS_N - (seeded.states.draft ?? 0) - (seeded.states.seconding ?? 0)
    console.log(`proposals: ${STATS_N.toLocaleString('en-US')} proposals of ${BENCH_SESSION.name} in ${Object.keys(seeded.states).length} states`)
    console.log(`  stats      ${ms} ms (median of ${times.join(', ')} ms), target ≤ ${TARGETS.statsMs.toLocaleString('en-US')} ms: ${ms <= TARGETS.statsMs ? 'met' : 'MISSED'}`)
    console.log(`             filed ${figures!.totals.filed} (expected ${filed}), accepted ${figures!.totals.accepted}, ${figures!.byDept.length} departments, ${figures!.progress.length} weeks`)
    if (figures!.totals.filed !== filed) process.exitCode = 1
  } finally {
    store.close()
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'jiaogong-bench-proposals-'))
  try {
    await benchBook(dir)
    await benchStats(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})

/**
 * A believable demo union for the local host: 20 branch unions, 300 members with Chinese names and birthdays
 * spread over the year, union office staff, and a few notices. Deterministic, so screenshots and tests are stable.
 */
import type { MemberDoc, NoticeDoc, ScopeDoc, UnitDoc } from '../../cloudfunctions/core/collections'
import type { FileStore } from '../../cloudfunctions/core/files/port'
import type { Store } from '../../cloudfunctions/core/store/port'
import { seedDemoBenefits } from './demoBenefits'
import { seedDemoEvents } from './demoEvents'
import { seedDemoProposals } from './demoProposals'

const UNITS: [string, string[]][] = [
  ['机关第一分工会', ['党委办公室', '校长办公室', '组织部', '宣传部']],
  ['机关第二分工会', ['人事处', '财务处', '教务处', '科研处']],
  ['后勤保障分工会', ['后勤管理处', '基建处', '保卫处']],
  ['图书馆分工会', ['图书馆', '档案馆']],
  ['文学院分工会', ['文学院']],
  ['外国语学院分工会', ['外国语学院']],
  ['理学院分工会', ['理学院']],
  ['化学与材料工程学院分工会', ['化学与材料工程学院']],
  ['生命科学学院分工会', ['生命科学学院']],
  ['信息工程学院分工会', ['信息工程学院']],
  ['经济管理学院分工会', ['经济管理学院']],
  ['教师教育学院分工会', ['教师教育学院']],
  ['艺术学院分工会', ['艺术学院']],
  ['体育学院分工会', ['体育学院']],
  ['医学院分工会', ['医学院', '校医院']],
  ['马克思主义学院分工会', ['马克思主义学院']],
  ['工学院分工会', ['工学院']],
  ['继续教育学院分工会', ['继续教育学院', '国际交流处']],
  ['图文信息中心分工会', ['现代教育技术中心', '网络中心']],
  ['离退休分工会', ['离退休工作处']],
]

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文'
const GIVEN_MALE = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欢阳建国志文博晨'
const GIVEN_FEMALE = '芳娜敏静丽艳娟霞燕玲婷雪慧莹倩琳晶颖洁佳琪璐丹萍红梅兰蓉月怡欣悦菲'

/** A small seeded PRNG (mulberry32): the same union every time. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = seed
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

export const DEMO_MEMBER_COUNT = 300

/** The union office staff every demo starts with (staff numbers are stable for tests and the login page). */
export const DEMO_STAFF = [
  { staffNo: '100001', name: '周建华', gender: 'male' as const },
  { staffNo: '100002', name: '沈丽萍', gender: 'female' as const },
]

/** The congress sessions, clubs and handling departments roles can be held for (their modules add the rest). */
const SESSIONS: [string, string][] = [
  ['session-6-1', '六届一次'],
  ['session-6-2', '六届二次'],
]
const CLUBS: [string, string][] = [
  ['club-pingpong', '乒乓球俱乐部'],
  ['club-badminton', '羽毛球俱乐部'],
  ['club-volleyball', '气排球俱乐部'],
  ['club-football', '足球俱乐部'],
  ['club-yoga', '瑜伽协会'],
  ['club-photo', '摄影协会'],
]
const DEPARTMENTS: [string, string][] = [
  ['dept-logistics', '后勤管理处'],
  ['dept-hr', '人事处'],
  ['dept-academic', '教务处'],
  ['dept-finance', '财务处'],
  ['dept-research', '科研处'],
  ['dept-construction', '基建处'],
]

const scopeDocs = (list: [string, string][]): ScopeDoc[] => list.map(([_id, name], index) => ({ _id, name, order: index + 1 }))
export const demoSessions = () => scopeDocs(SESSIONS)
export const demoClubs = () => scopeDocs(CLUBS)
export const demoDepartments = () => scopeDocs(DEPARTMENTS)

/** A few demo members hold scoped roles, so role labels, the role screen and scoped actions have someone to show. */
function roleOf(index: number): string[] {
  if (index === 9) return ['unitAdmin:unit05', 'delegate:session-6-2']
  // More of 六届二次's delegates (m0032…m0039), and a member of its proposal committee (m0040).
  if (index >= 31 && index <= 38) return ['delegate:session-6-2']
  if (index === 39) return ['committee:session-6-2']
  if (index === 10) return ['delegate:session-6-2']
  if (index === 11) return ['clubAdmin:club-badminton']
  if (index === 12) return ['handlingDept:dept-logistics']
  if (index === 13) return ['unitAdmin:unit08']
  return []
}

export function demoUnits(): UnitDoc[] {
  return UNITS.map(([name, departments], index) => ({ _id: `unit${pad(index + 1)}`, name, departments, order: index + 1 }))
}

export function demoMembers(now: Date): MemberDoc[] {
  const next = random(20260301)
  const pick = (text: string) => text[Math.floor(next() * text.length)]
  const units = demoUnits()
  const createdAt = now.toISOString()
  const members: MemberDoc[] = []
  for (let i = 0; i < DEMO_MEMBER_COUNT; i++) {
    const staff = DEMO_STAFF[i]
    const gender = staff?.gender ?? (next() < 0.48 ? 'female' : 'male')
    const given = gender === 'female' ? GIVEN_FEMALE : GIVEN_MALE
    const name = staff?.name ?? pick(SURNAMES) + pick(given) + (next() < 0.55 ? pick(given) : '')
    const retiredUnit = units[units.length - 1]
    const unit = staff ? units[0] : i % 15 === 0 ? retiredUnit : units[Math.floor(next() * (units.length - 1))]
    const retired = unit === retiredUnit
    const birthYear = retired ? 1948 + Math.floor(next() * 16) : 1965 + Math.floor(next() * 35)
    // Birthdays walk through every month of the year so birthday rounds always have someone.
    const month = (i % 12) + 1
    const day = 1 + Math.floor(next() * 28)
    members.push({
      _id: `m${pad(i + 1, 4)}`,
      staffNo: staff?.staffNo ?? String(200001 + i),
      name,
      gender,
      birthDate: `${birthYear}-${pad(month)}-${pad(day)}`,
      unitId: unit._id,
      phone: `1${pick('3578')}${pad(Math.floor(next() * 1e9), 9)}`,
      status: retired ? 'retired' : 'active',
      // Derived without the random stream, so every other demo fact stays as it was.
      memberSince: `${Math.min(Math.max(birthYear + 23, 1985) + (i % 10), now.getUTCFullYear() - 1)}-09-01`,
      duesPaid: i % 25 !== 7,
      roles: staff ? ['unionOffice'] : roleOf(i),
      createdAt,
    })
  }
  return members
}

const DAY = 86_400_000

export function demoNotices(now: Date): NoticeDoc[] {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString()
  const base = (id: string, daysAgo: number) => ({
    _id: id,
    withdrawn: false,
    createdBy: 'm0001',
    createdAt: at(daysAgo),
    updatedBy: 'm0001',
    updatedAt: at(daysAgo),
    publishAt: at(daysAgo),
  })
  return [
    {
      ...base('notice-volleyball', 1),
      title: '关于举办2026年教职工气排球比赛的通知',
      category: 'event',
      pinned: true,
      audience: { kind: 'all' },
      body: [
        '各分工会：',
        '为丰富教职工业余文化生活，增强体质、增进交流，校工会定于12月上旬举办2026年教职工气排球比赛。',
        '## 一、比赛时间与地点',
        '- 时间：12月6日（周六）至12月7日（周日）',
        '- 地点：体育馆二楼气排球场',
        '## 二、参赛办法',
        '1. 以分工会为单位组队，每队报名10人，其中女队员不少于4人。',
        '2. 请各分工会于**11月30日前**将报名表报送校工会办公室。',
        '校工会将为各参赛队提供比赛用球和饮用水。欢迎全校教职工踊跃参加、到场加油！',
      ].join('\n'),
    },
    {
      ...base('notice-congress', 3),
      title: '关于征集六届二次教代会提案的通知',
      category: 'congress',
      pinned: true,
      audience: { kind: 'all' },
      body: [
        '各位代表：',
        '六届二次教职工代表大会拟于明年3月召开，现开始征集提案。',
        '## 提案要求',
        '- 一事一案，内容应围绕学校改革发展和教职工切身利益；',
        '- 提案须有**2名以上代表附议**；',
        '- 截止时间后提交的，作为意见建议处理。',
        '提案征集截止时间为1月10日。',
      ].join('\n'),
    },
    {
      ...base('notice-winter-care', 5),
      title: '2026年“送温暖”慰问对象摸底工作的通知',
      category: 'benefit',
      pinned: false,
      audience: { kind: 'all' },
      body: [
        '各分工会：',
        '春节将至，为做好困难教职工帮扶和“送温暖”慰问工作，请各分工会认真开展摸底，重点关注患重病、家庭遭遇变故及生活困难的教职工。',
        '请于12月20日前将慰问对象名单及情况说明报校工会，名单经教代会福利委员会审核后确定。涉及个人隐私的信息仅限经办人员知悉。',
      ].join('\n'),
    },
    {
      ...base('notice-retirement', 8),
      title: '2026年度荣休仪式安排',
      category: 'notice',
      pinned: false,
      audience: { kind: 'units', unitIds: ['unit20', 'unit01', 'unit02'] },
      body: [
        '今年荣休仪式定于12月18日下午3点在学术交流中心报告厅举行，届时将为今年退休的教职工颁发荣休纪念品（水晶杯）。',
        '请相关分工会通知本单位退休教职工准时参加。',
      ].join('\n'),
    },
    {
      ...base('notice-funds', 12),
      title: '2026年上半年工会经费使用情况公示',
      category: 'publicity',
      pinned: false,
      audience: { kind: 'all' },
      body: [
        '根据《基层工会经费收支管理办法》，现将2026年上半年工会经费使用情况予以公示，公示期7天。',
        '- 节日慰问：端午节慰问品发放，覆盖在职及退休会员；',
        '- 文体活动：春季健身运动会、亲子微马；',
        '- 困难帮扶：住院慰问及困难补助。',
        '如有疑问，请于公示期内向校工会办公室反映。',
      ].join('\n'),
    },
    {
      ...base('notice-yoga', 20),
      title: '瑜伽俱乐部冬季课程开始报名',
      category: 'event',
      pinned: false,
      audience: { kind: 'units', unitIds: ['unit14', 'unit05', 'unit06'] },
      body: '瑜伽俱乐部冬季课程每周二、周四晚7点在体育馆形体房开课，共12次课，名额30人，先到先得。',
    },
  ]
}

/**
 * Fills an empty store with the demo union; a store that already holds units is left as it is. With `files`, some
 * events get their cover images.
 */
export async function seedDemoUnion(store: Store, now: Date = new Date(), files?: FileStore): Promise<boolean> {
  if ((await store.count('units')) > 0) return false
  for (const unit of demoUnits()) await store.insert('units', unit)
  for (const session of demoSessions()) await store.insert('congressSessions', session)
  for (const club of demoClubs()) await store.insert('clubs', club)
  for (const department of demoDepartments()) await store.insert('departments', department)
  const members = demoMembers(now)
  for (const member of members) await store.insert('members', member)
  // Every demo member but the last ten is bound to a demo WeChat user; those ten show the not-bound state.
  for (const member of members.slice(0, -10)) {
    await store.insert('bindings', { _id: demoOpenid(member.staffNo), memberId: member._id, boundAt: now.toISOString() })
  }
  for (const notice of demoNotices(now)) await store.insert('notices', notice)
  await seedDemoEvents(store, now, members, files)
  await seedDemoBenefits(store, now, members)
  await seedDemoProposals(store, now, members)
  return true
}

export function demoOpenid(staffNo: string): string {
  return `demo-openid-${staffNo}`
}

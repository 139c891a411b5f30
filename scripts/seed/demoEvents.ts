/**
 * The demo union's events across the year, in every state (open now, full with a waitlist, under review, not yet
 * open, finished with check-ins, a draft, a cancelled one), and its 行事历 from the seed work plan moved to this year.
 * Times are relative to `now`, so the demo always has an event open; the sign-ups and their counts agree, as the
 * seats module keeps them. Three have a cover image: small illustrations drawn for the demo, in covers/.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { EventDoc, EventSignupDoc, MemberDoc } from '../../cloudfunctions/core/collections'
import type { FileStore } from '../../cloudfunctions/core/files/port'
import type { Store } from '../../cloudfunctions/core/store/port'
import { quotaId, signupId } from '../../cloudfunctions/events/seats'
import { HELD_STATES, type EventSettings, type SignupState } from '../../types/events'
import { shanghaiDay } from '../../types/time'

const DAY = 86_400_000

/** `days` from now's Shanghai day, at `time` there. */
function on(now: Date, days: number, time: string): string {
  return new Date(`${shanghaiDay(now.getTime() + days * DAY)}T${time}:00+08:00`).toISOString()
}

const baseSettings = (now: Date): Omit<EventSettings, 'kind' | 'title' | 'description' | 'place' | 'startAt' | 'endAt' | 'signupOpensAt' | 'signupClosesAt'> => ({
  capacity: null,
  unitQuotas: [],
  eligibility: {},
  form: [],
  cancelPolicy: { kind: 'until', until: on(now, 9, '18:00') },
  review: 'auto',
  waitlist: { kind: 'off' },
  checkIn: { kind: 'code', opensMinutesBefore: 60, closesMinutesAfter: 120 },
})

type Seat = { memberId: string; state: SignupState; checkedIn?: boolean; cancelRequested?: boolean; answers?: EventSignupDoc['answers'] }

export interface DemoEvent {
  id: string
  unitId?: string
  status: EventDoc['status']
  settings: EventSettings
  seats: Seat[]
  cancelReason?: string
  /** Its cover image's file name in covers/. */
  cover?: string
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i)

/** The demo's events; `members` picks who signs up (eligible ones, by id order). */
export function demoEventList(now: Date, members: MemberDoc[]): DemoEvent[] {
  const active = members.filter((member) => member.status === 'active' && Number(member._id.slice(1)) >= 100 && Number(member._id.slice(1)) <= 290)
  const youth = active.filter((member) => Number(member.birthDate.slice(0, 4)) >= 1987)
  const base = baseSettings(now)
  const confirmed = (list: MemberDoc[], state: SignupState = 'confirmed'): Seat[] => list.map((member) => ({ memberId: member._id, state }))
  const phoneOf = (member: MemberDoc) => member.phone
  return [
    {
      id: 'event-volleyball',
      status: 'published',
      cover: 'volleyball.jpg',
      settings: {
        ...base,
        kind: 'competition',
        title: `${new Date(now).getUTCFullYear()}年教职工气排球比赛`,
        description: '为丰富教职工业余生活，校工会定于下月举办教职工气排球比赛。\n\n## 比赛安排\n- 以分工会为单位组队，也可个人报名由工会统一编队\n- 比赛采用小组循环加淘汰赛\n\n请**穿运动鞋**参赛。',
        place: '体育馆二楼气排球场',
        startAt: on(now, 10, '14:00'),
        endAt: on(now, 10, '17:30'),
        signupOpensAt: on(now, -2, '09:00'),
        signupClosesAt: on(now, 7, '17:00'),
        capacity: 60,
        form: [
          { key: 'group', label: '参赛组别', type: 'choice', required: true, options: ['男子组', '女子组', '混合组'] },
          { key: 'phone', label: '联系电话', type: 'phone', required: true },
          { key: 'size', label: '服装尺码', type: 'choice', required: false, options: ['S', 'M', 'L', 'XL', 'XXL'] },
        ],
        waitlist: { kind: 'auto' },
      },
      seats: active.slice(0, 24).map((member, i) => ({ memberId: member._id, state: 'confirmed' as const, answers: { group: ['男子组', '女子组', '混合组'][i % 3], phone: phoneOf(member) } })),
    },
    {
      id: 'event-first-aid',
      status: 'published',
      cover: 'first-aid.jpg',
      settings: {
        ...base,
        kind: 'lecture',
        title: '应急救护知识讲座（心肺复苏与AED）',
        description: '邀请市红十字会专家讲授心肺复苏和 AED 使用，现场实操练习。名额有限，额满可候补。',
        place: '图书馆报告厅',
        startAt: on(now, 6, '15:00'),
        endAt: on(now, 6, '17:00'),
        signupOpensAt: on(now, -5, '09:00'),
        signupClosesAt: on(now, 5, '17:00'),
        capacity: 30,
        waitlist: { kind: 'offer', acceptHours: 24 },
        cancelPolicy: { kind: 'until', until: on(now, 5, '12:00') },
      },
      seats: [...confirmed(active.slice(30, 60)), ...confirmed(active.slice(60, 65), 'waiting')],
    },
    {
      id: 'event-mixer',
      status: 'published',
      cover: 'mixer.jpg',
      settings: {
        ...base,
        kind: 'mixer',
        title: '青年教职工冬日联谊会',
        description: '配合市教育工会，面向单身青年教职工举办联谊活动。报名后由校工会审核。',
        place: '学术交流中心三楼',
        startAt: on(now, 15, '18:30'),
        endAt: on(now, 15, '21:00'),
        signupOpensAt: on(now, -1, '09:00'),
        signupClosesAt: on(now, 12, '17:00'),
        capacity: 40,
        eligibility: { groups: ['youth'] },
        review: 'organizer',
        cancelPolicy: { kind: 'approval' },
        form: [{ key: 'hobby', label: '兴趣爱好', type: 'text', required: false, maxLength: 100 }],
      },
      // One of those with a place has asked to cancel (the event's cancellations need the organizer's approval).
      seats: [...confirmed(youth.slice(0, 6), 'pending'), { memberId: youth[6]._id, state: 'confirmed', cancelRequested: true }, ...confirmed(youth.slice(7, 10))],
    },
    {
      id: 'event-retirement',
      status: 'published',
      settings: {
        ...base,
        kind: 'ceremony',
        title: `${new Date(now).getUTCFullYear()}年退休教职工荣休仪式`,
        description: '为今年退休的教职工举行荣休仪式，赠送荣休纪念品（水晶杯）。',
        place: '行政楼一楼会议室',
        startAt: on(now, 25, '09:30'),
        endAt: on(now, 25, '11:30'),
        signupOpensAt: on(now, 3, '09:00'),
        signupClosesAt: on(now, 20, '17:00'),
        eligibility: { statuses: ['retired'] },
        cancelPolicy: { kind: 'until', until: on(now, 24, '12:00') },
        checkIn: { kind: 'organizer' },
      },
      seats: [],
    },
    {
      id: 'event-flower',
      unitId: 'unit05',
      status: 'published',
      settings: {
        ...base,
        kind: 'lecture',
        title: '文学院分工会花艺沙龙',
        description: '文学院分工会组织的冬季花艺沙龙，材料由分工会准备。',
        place: '文学院 305 室',
        startAt: on(now, 8, '14:30'),
        endAt: on(now, 8, '16:30'),
        signupOpensAt: on(now, -3, '09:00'),
        signupClosesAt: on(now, 7, '12:00'),
        capacity: 20,
        cancelPolicy: { kind: 'until', until: on(now, 7, '12:00') },
      },
      seats: confirmed(members.filter((member) => member.unitId === 'unit05' && member.status !== 'left' && Number(member._id.slice(1)) >= 100).slice(0, 5)),
    },
    {
      id: 'event-football',
      status: 'published',
      settings: {
        ...base,
        kind: 'competition',
        title: '教职工足球友谊赛',
        description: '教职工足球友谊赛，以分工会联队形式参赛。',
        place: '东区足球场',
        startAt: on(now, -30, '15:00'),
        endAt: on(now, -30, '17:30'),
        signupOpensAt: on(now, -50, '09:00'),
        signupClosesAt: on(now, -35, '17:00'),
        capacity: 30,
        eligibility: { gender: 'male', statuses: ['active'] },
        cancelPolicy: { kind: 'until', until: on(now, -35, '17:00') },
      },
      seats: active
        .filter((member) => member.gender === 'male')
        .slice(0, 22)
        .map((member, i) => ({ memberId: member._id, state: 'confirmed' as const, checkedIn: i < 18 })),
    },
    {
      id: 'event-sports-meeting',
      status: 'published',
      settings: {
        ...base,
        kind: 'sportsMeeting',
        title: '第十四届教工健身运动会',
        description: '以分工会为单位参赛，每个分工会限报 8 人。',
        place: '田径运动场',
        startAt: on(now, -190, '08:30'),
        endAt: on(now, -190, '16:30'),
        signupOpensAt: on(now, -215, '09:00'),
        signupClosesAt: on(now, -198, '17:00'),
        capacity: 160,
        unitQuotas: range(1, 20).map((n) => ({ unitId: `unit${String(n).padStart(2, '0')}`, quota: 8 })),
        cancelPolicy: { kind: 'never' },
      },
      seats: active.slice(100, 140).map((member, i) => ({ memberId: member._id, state: 'confirmed' as const, checkedIn: i % 5 !== 0 })),
    },
    {
      id: 'event-reading',
      unitId: 'unit05',
      status: 'draft',
      settings: {
        ...base,
        kind: 'culture',
        title: '文学院分工会读书分享会',
        description: '每人推荐一本书，分享读书心得。',
        place: '文学院资料室',
        startAt: on(now, 30, '15:00'),
        endAt: on(now, 30, '17:00'),
        signupOpensAt: on(now, 10, '09:00'),
        signupClosesAt: on(now, 28, '17:00'),
        capacity: 25,
        cancelPolicy: { kind: 'until', until: on(now, 29, '12:00') },
      },
      seats: [],
    },
    {
      id: 'event-new-year',
      status: 'draft',
      settings: {
        ...base,
        kind: 'culture',
        title: '迎新年教职工游园会',
        description: '游园会设猜灯谜、套圈、书法写春联等项目。',
        place: '学生活动中心',
        startAt: on(now, 40, '14:00'),
        endAt: on(now, 40, '17:00'),
        signupOpensAt: on(now, 20, '09:00'),
        signupClosesAt: on(now, 38, '17:00'),
        cancelPolicy: { kind: 'until', until: on(now, 39, '12:00') },
      },
      seats: [],
    },
    {
      id: 'event-hiking',
      status: 'cancelled',
      cancelReason: '天气预报有大风降温，为安全起见取消',
      settings: {
        ...base,
        kind: 'other',
        title: '秋季登山健步走',
        description: '沿环湖绿道健步走，全程约 8 公里。',
        place: '学校南门集合',
        startAt: on(now, 2, '08:00'),
        endAt: on(now, 2, '11:30'),
        signupOpensAt: on(now, -12, '09:00'),
        signupClosesAt: on(now, 1, '17:00'),
        capacity: 80,
        cancelPolicy: { kind: 'until', until: on(now, 1, '17:00') },
      },
      seats: confirmed(active.slice(70, 82), 'eventCancelled'),
    },
  ]
}

/** The seed 行事历's lines that are not sign-ups (湖州师范学院工会 2020 年行事历), in this year. */
const CALENDAR: [string, string][] = [
  ['01-15', '病困教职工慰问、春节慰问'],
  ['04-10', '组织全校教职工体格检查'],
  ['05-20', '组织全校女教职工妇科检查'],
  ['06-05', '筹备召开六届二次“双代会”'],
  ['07-10', '组织教职工疗休养工作'],
  ['07-15', '组织工会干部培训'],
  ['07-20', '暑期“送清凉”活动'],
  ['08-28', '新教职工报到及入职教育'],
  ['09-10', '庆祝教师节活动'],
  ['10-15', '参加市教育工会教职工体育节'],
  ['10-25', '配合校体委举办“校运会”'],
  ['12-28', '年终工作总结、考核'],
]

/** Seeds the events; with `files`, those with a cover get it (saved there, kept like any cover an event shows). */
export async function seedDemoEvents(store: Store, now: Date, members: MemberDoc[], files?: FileStore): Promise<void> {
  const at = now.toISOString()
  for (const demo of demoEventList(now, members)) {
    const { settings } = demo
    const coverFileId = files && demo.cover ? await files.save(demo.cover, await readFile(join(__dirname, 'covers', demo.cover))) : undefined
    const held = demo.seats.filter((seat) => (HELD_STATES as readonly string[]).includes(seat.state))
    const byId = new Map(members.map((member) => [member._id, member]))
    await store.insert('events', {
      _id: demo.id,
      ...settings,
      ...(coverFileId ? { coverFileId } : {}),
      ...(demo.unitId ? { unitId: demo.unitId } : {}),
      status: demo.status,
      remaining: settings.capacity === null ? null : settings.capacity - held.length,
      seatVersion: 0,
      seatChangedAt: at,
      checkInCode: `demo${demo.id.replace(/[^a-z]/g, '').slice(0, 8).padEnd(8, 'x')}`,
      everSignedUp: demo.seats.length > 0,
      ...(demo.cancelReason ? { cancelReason: demo.cancelReason } : {}),
      createdBy: 'm0001',
      createdAt: at,
      updatedBy: 'm0001',
      updatedAt: at,
      ...(demo.status !== 'draft' ? { publishedAt: settings.signupOpensAt < at ? settings.signupOpensAt : at } : {}),
    })
    for (const { unitId, quota } of settings.unitQuotas) {
      const taken = held.filter((seat) => byId.get(seat.memberId)!.unitId === unitId).length
      await store.insert('eventQuotas', { _id: quotaId(demo.id, unitId), eventId: demo.id, unitId, quota, remaining: quota - taken })
    }
    for (const [index, seat] of demo.seats.entries()) {
      const member = byId.get(seat.memberId)!
      // Each signed up a minute after the one before, from when sign-up opened.
      const signedUpAt = new Date(Date.parse(settings.signupOpensAt) + (index + 1) * 60_000).toISOString()
      await store.insert('eventSignups', {
        _id: signupId(demo.id, member._id),
        eventId: demo.id,
        memberId: member._id,
        unitId: member.unitId,
        memberName: member.name,
        staffNo: member.staffNo,
        state: seat.state,
        answers: seat.answers ?? {},
        signedUpAt,
        ...(seat.state === 'waiting' ? { waitingSince: signedUpAt } : {}),
        ...(seat.checkedIn ? { checkedInAt: new Date(Date.parse(settings.startAt) - 10 * 60_000).toISOString() } : {}),
        ...(seat.state === 'eventCancelled' ? { toldAt: at } : {}),
        ...(seat.cancelRequested ? { cancelRequestedAt: at } : {}),
        updatedAt: signedUpAt,
      })
    }
  }
  const year = shanghaiDay(now).slice(0, 4)
  for (const [index, [day, title]] of CALENDAR.entries()) {
    await store.insert('calendarEntries', { _id: `calendar-${String(index + 1).padStart(2, '0')}`, date: `${year}-${day}`, title, createdBy: 'm0001', createdAt: at })
  }
}

/**
 * Roster import/export benchmark (`npm run bench:roster`): a deterministic 3,000-member roster over 20 branch unions,
 * timed step by step: write the .xlsx, read it back (parse + validate), plan the import against 3,000 stored members
 * of whom about 10% differ. Each step is an entry of STEPS working on one shared state, so a step (the store apply,
 * say) is added by appending to the list; the output is one line: each step's milliseconds and the total.
 */
import { resolve } from 'node:path'
import { readRoster, writeRoster, type RosterUnit } from '../../cloudfunctions/members/rosterFile'
import { planImport, type ExistingMember, type ImportPlan, type RosterMember, type RosterRead } from '../../cloudfunctions/members/rosterPlan'

export const BENCH_ROWS = 3000
const NOW = new Date('2026-03-10T02:00:00.000Z')

const UNIT_NAMES = [
  '文学院', '外国语学院', '理学院', '化学与材料工程学院', '生命科学学院', '信息工程学院', '经济管理学院', '教师教育学院', '艺术学院', '体育学院',
  '医学院', '马克思主义学院', '工学院', '继续教育学院', '图书馆', '后勤保障', '机关第一', '机关第二', '图文信息中心', '离退休',
]
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜'
const GIVEN = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩芳娜敏静丽艳娟霞燕玲婷雪慧莹倩琳晶颖洁佳琪璐丹萍红梅兰蓉'

export interface BenchState {
  units: RosterUnit[]
  members: RosterMember[]
  existing: ExistingMember[]
  file?: Buffer
  read?: RosterRead
  plan?: ImportPlan
}

export interface BenchStep {
  name: string
  run(state: BenchState): Promise<void> | void
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

export function benchUnits(): RosterUnit[] {
  return UNIT_NAMES.map((name, index) => ({ _id: `unit${pad(index + 1)}`, name: `${name}分工会`, departments: [name] }))
}

/** The roster in the file: person i is the same every run. */
export function benchMembers(count = BENCH_ROWS): RosterMember[] {
  return Array.from({ length: count }, (_, i) => {
    const retired = i % 9 === 0
    return {
      staffNo: String(20000001 + i),
      name: SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + (i % 3 === 0 ? '' : GIVEN[(i * 13) % GIVEN.length]),
      gender: i % 2 === 0 ? 'male' : 'female',
      birthDate: `${retired ? 1950 + (i % 12) : 1965 + (i % 35)}-${pad((i % 12) + 1)}-${pad((i % 28) + 1)}`,
      unitId: `unit${pad((i % 20) + 1)}`,
      phone: `13${pad(i % 100)}${pad(i, 7)}`,
      status: retired ? 'retired' : i % 50 === 1 ? 'left' : 'active',
      memberSince: `${2000 + (i % 25)}-09-01`,
      duesPaid: i % 17 !== 0,
    }
  })
}

/** The stored members: the same people, of whom every tenth differs (its phone, and for some the unit or the dues). */
export function benchExisting(members: RosterMember[]): ExistingMember[] {
  return members.map((member, i) => {
    const stored: ExistingMember = { _id: `m${pad(i + 1, 5)}`, ...member }
    if (i % 10 === 3) stored.phone = `15${stored.phone.slice(2)}`
    if (i % 20 === 3) stored.unitId = `unit${pad(((i + 5) % 20) + 1)}`
    if (i % 30 === 3) stored.duesPaid = !stored.duesPaid
    return stored
  })
}

export const STEPS: BenchStep[] = [
  {
    name: 'write',
    async run(state) {
      state.file = await writeRoster(state.members, state.units)
    },
  },
  {
    name: 'read',
    async run(state) {
      state.read = await readRoster(state.file!, state.units, NOW)
      if (state.read.errors.length > 0 || state.read.rows.length !== state.members.length) {
        throw new Error(`read: ${state.read.rows.length} rows, ${state.read.errors.length} errors (first: ${state.read.errors[0]?.message})`)
      }
    },
  },
  {
    name: 'plan',
    run(state) {
      state.plan = planImport(state.read!, state.existing, { full: true })
    },
  },
]

export async function runBench(steps: BenchStep[] = STEPS, count = BENCH_ROWS): Promise<{ times: Record<string, number>; state: BenchState }> {
  const members = benchMembers(count)
  const state: BenchState = { units: benchUnits(), members, existing: benchExisting(members) }
  const times: Record<string, number> = {}
  for (const step of steps) {
    const started = performance.now()
    await step.run(state)
    times[step.name] = Math.round(performance.now() - started)
  }
  return { times, state }
}

/** Run as `npm run bench:roster`; importable, so a later step can reuse the state builders. */
if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  runBench().then(
    ({ times, state }) => {
      const total = Object.values(times).reduce((sum, ms) => sum + ms, 0)
      const steps = Object.entries(times).map(([name, ms]) => `${name} ${ms} ms`)
      console.log(`roster ${state.members.length} rows: ${steps.join(', ')}, total ${total} ms`)
      const { plan, file } = state
      if (plan && file) {
        console.log(
          `  file ${(file.length / 1024).toFixed(0)} KiB; plan: add ${plan.add.length}, update ${plan.update.length}, ` +
            `unchanged ${plan.unchanged}, markLeft ${plan.markLeft.length}, errors ${plan.errors.length}`,
        )
      }
    },
    (error) => {
      console.error(error)
      process.exitCode = 1
    },
  )
}

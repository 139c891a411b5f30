/**
 * Roster import/export benchmark (`npm run bench:roster`): a deterministic 3,000-member roster over 20 branch unions.
 * Each step is an entry of STEPS working on one shared state, timed on its own:
 *   write    the .xlsx the union office would upload (exceljs), put in the file store;
 *   read     parse + validate it; plan: compare it with 3,000 stored members of whom about 10% differ (pure code);
 *   seed     the stored roster into a SQLite file (setup, not part of an import);
 *   preview  `exports.rosterPreview` as union office staff call it: file store → read → plan → preview, over SQLite;
 *   apply    `exports.rosterApply`: the same, then the writes in transactions of IMPORT_CHUNK members (the last with
 *            the audit entry), called again while it answers it is not done, as the app does.
 * The acceptance target is preview + apply under 5 seconds.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { LocalFileStore } from '../../cloudfunctions/core/files/local'
import { OutboxWeChatApi } from '../../cloudfunctions/core/wechatApi/outbox'
import type { Environment } from '../../cloudfunctions/core/context'
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { exportsFunction } from '../../cloudfunctions/exports/actions'
import { IMPORT_CHUNK } from '../../cloudfunctions/exports/roster/applyImport'
import { readRoster, writeRoster, type RosterUnit } from '../../cloudfunctions/exports/roster/rosterFile'
import { planImport, type ExistingMember, type ImportPlan, type RosterMember, type RosterRead } from '../../cloudfunctions/exports/roster/rosterPlan'
import type { ApiResult } from '../../types/result'
import type { RosterApplied, RosterPreview } from '../../types/roster'

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
  /** A temporary folder holding the SQLite file and the file store; removed at the end. */
  dir: string
  file?: Buffer
  read?: RosterRead
  plan?: ImportPlan
  environment?: Environment
  fileId?: string
  preview?: RosterPreview
  applied?: RosterApplied
  /** How many apply calls the import took. */
  calls?: number
}

/** The union office member who imports (the first stored member), and their WeChat OPENID. */
const OFFICE_OPENID = 'bench-office-openid'

function dataOf<T>(result: ApiResult<unknown>, step: string): T {
  if (!result.ok) throw new Error(`${step}: ${result.code} ${result.message}`)
  return result.data as T
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

/**
 * The stored members: the same people except every tenth (new in the file: added), of whom every tenth differs (its
 * phone, and for some the unit or the dues), plus 60 people who are no longer in the file (a full import marks them 离校).
 */
export function benchExisting(members: RosterMember[]): ExistingMember[] {
  const stored: ExistingMember[] = []
  members.forEach((member, i) => {
    if (i % 10 === 9) return
    const copy: ExistingMember = { _id: `m${pad(i + 1, 5)}`, ...member }
    if (i % 10 === 3) copy.phone = `15${copy.phone.slice(2)}`
    if (i % 20 === 3) copy.unitId = `unit${pad(((i + 5) % 20) + 1)}`
    if (i % 30 === 3) copy.duesPaid = !copy.duesPaid
    stored.push(copy)
  })
  for (let i = 0; i < 60; i++) {
    stored.push({ ...members[i], _id: `gone${pad(i + 1, 3)}`, staffNo: String(10000001 + i), status: i % 2 ? 'active' : 'retired' })
  }
  return stored
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
  {
    name: 'seed',
    async run(state) {
      const store = new SqliteStore(join(state.dir, 'bench.sqlite'))
      const files = new LocalFileStore(join(state.dir, 'files'), 'bench-secret')
      const createdAt = new Date(NOW.getTime() - 86_400_000).toISOString()
      await store.transaction(async (tx) => {
        for (const [order, unit] of state.units.entries()) await tx.insert('units', { ...unit, departments: [...unit.departments], order })
        for (const [i, member] of state.existing.entries()) {
          await tx.insert('members', { ...member, roles: i === 0 ? ['unionOffice'] : [], createdAt })
        }
        await tx.insert('bindings', { _id: OFFICE_OPENID, memberId: state.existing[0]._id, boundAt: createdAt })
      })
      state.fileId = await files.save('会员名册.xlsx', state.file!)
      state.environment = { store, files, wechat: new OutboxWeChatApi(), identity: { openid: OFFICE_OPENID }, now: NOW }
    },
  },
  {
    name: 'preview',
    async run(state) {
      const result = await exportsFunction.run({ action: 'rosterPreview', payload: { fileId: state.fileId, full: true } }, state.environment!)
      state.preview = dataOf<RosterPreview>(result, 'preview')
    },
  },
  {
    name: 'apply',
    async run(state) {
      const payload = { fileId: state.fileId, full: true, planId: state.preview!.planId }
      // As the app does: call again while the import answers it is not done (each call writes for half its time limit).
      state.calls = 0
      do {
        state.applied = dataOf<RosterApplied>(await exportsFunction.run({ action: 'rosterApply', payload }, state.environment!), 'apply')
        state.calls += 1
      } while (!state.applied.done)
    },
  },
]

export async function runBench(steps: BenchStep[] = STEPS, count = BENCH_ROWS): Promise<{ times: Record<string, number>; state: BenchState }> {
  const members = benchMembers(count)
  const dir = mkdtempSync(join(tmpdir(), 'jiaogong-bench-'))
  const state: BenchState = { units: benchUnits(), members, existing: benchExisting(members), dir }
  const times: Record<string, number> = {}
  try {
    for (const step of steps) {
      const started = performance.now()
      await step.run(state)
      times[step.name] = Math.round(performance.now() - started)
    }
  } finally {
    ;(state.environment?.store as SqliteStore | undefined)?.close()
    rmSync(dir, { recursive: true, force: true })
  }
  return { times, state }
}

/** Run as `npm run bench:roster`; importable, so a later step can reuse the state builders. */
if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  runBench().then(
    ({ times, state }) => {
      const steps = Object.entries(times).map(([name, ms]) => `${name} ${ms} ms`)
      console.log(`roster ${state.members.length} rows: ${steps.join(', ')}`)
      const { plan, file, applied } = state
      if (plan && file) {
        console.log(
          `  file ${(file.length / 1024).toFixed(0)} KiB; plan: add ${plan.add.length}, update ${plan.update.length}, ` +
            `unchanged ${plan.unchanged}, markLeft ${plan.markLeft.length}, errors ${plan.errors.length}`,
        )
      }
      if (applied && times.preview !== undefined && times.apply !== undefined) {
        const total = times.preview + times.apply
        console.log(
          `  import (preview + apply): ${total} ms, target < 5000 ms: ${total < 5000 ? 'met' : 'MISSED'}; ` +
            `applied in ${state.calls} call(s), ${Math.ceil(applied.total / IMPORT_CHUNK)} transactions: added ${applied.added}, updated ${applied.updated}, ` +
            `markedLeft ${applied.markedLeft}, unchanged ${applied.unchanged}`,
        )
        if (total >= 5000) process.exitCode = 1
      }
    },
    (error) => {
      console.error(error)
      process.exitCode = 1
    },
  )
}

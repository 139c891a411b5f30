/**
 * Benefits benchmark (`npm run bench:benefits`). Over a SQLite file:
 *   birthdays  the birthday job over 100,000 members (a province-wide deployment; `N=…`), on the first day of a
 *              month: a twelfth of them get their gift, each a ledger entry with its tally and its message, batch
 *              after batch as the function's trigger would run it (target ≤ 2 s).
 *   round      a festival round for 3,000 members (`ROUND_N=…`) across 20 units: its preview, then applying it, every
 *              member's two gifts written with their tally and message (target ≤ 2 s for both).
 *   export     福利台账's Excel file of 10,000 entries (`EXPORT_N=…`) for the union office: `exports.ledger` reading
 *              every payout of the year, writing 明细 and 汇总, storing the file and its audit entry (target ≤ 2 s).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { benefitsFunction } from '../../cloudfunctions/benefits/actions'
import type { BenefitPayoutDoc, MemberDoc } from '../../cloudfunctions/core/collections'
import { LocalFileStore } from '../../cloudfunctions/core/files/local'
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { OutboxWeChatApi } from '../../cloudfunctions/core/wechatApi/outbox'
import { planRound } from '../../cloudfunctions/benefits/roundPlan'
import { giveRound } from '../../cloudfunctions/benefits/rounds'
import { exportsFunction } from '../../cloudfunctions/exports/actions'
import { BENEFIT_KINDS, type BenefitKind } from '../../types/benefits'
import type { DownloadLink } from '../../types/exports'
import type { RoundInput } from '../../types/festivalRounds'
import { demoPolicies } from '../seed/demoBenefits'

const N = Number(process.env.N ?? 100_000)
const ROUND_N = Number(process.env.ROUND_N ?? 3000)
const EXPORT_N = Number(process.env.EXPORT_N ?? 10_000)
const UNITS = 20
/** 1 December, 08:00 in Shanghai: the job's daily run as December's birthdays begin. */
const NOW = new Date('2026-12-01T00:00:00.000Z')
const TARGETS = { birthdaysMs: 2000, roundMs: 2000, exportMs: 2000 }
/** Members written at a time while seeding (one group commit each). */
const SEED_CHUNK = 1000

function member(i: number, at: string): MemberDoc {
  return {
    _id: `m${String(i + 1).padStart(6, '0')}`,
    staffNo: String(10_000_001 + i),
    name: `会员${i + 1}`,
    gender: i % 2 ? 'female' : 'male',
    // Birthdays walk through the months, so a twelfth of the members have theirs in December.
    birthDate: `1980-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    unitId: `unit${String((i % UNITS) + 1).padStart(2, '0')}`,
    phone: `139${String(i).padStart(8, '0')}`,
    status: i % 10 === 0 ? 'retired' : 'active',
    memberSince: '2010-09-01',
    duesPaid: true,
    roles: [],
    createdAt: at,
  }
}

async function seed(store: SqliteStore, count: number) {
  const at = NOW.toISOString()
  for (let unit = 1; unit <= UNITS; unit++) {
    const id = `unit${String(unit).padStart(2, '0')}`
    await store.insert('units', { _id: id, name: `第${unit}分工会`, departments: [], order: unit })
  }
  for (const policy of demoPolicies()) await store.insert('benefitPolicies', { _id: policy.kind, ...policy, updatedAt: at, updatedById: 'm000001', updatedByName: '周建华' })
  for (let from = 0; from < count; from += SEED_CHUNK) {
    await Promise.all(Array.from({ length: Math.min(SEED_CHUNK, count - from) }, (_, k) => store.insert('members', member(from + k, at))))
  }
}

/** 2027's 元旦 for everyone: 水果礼盒 ¥150 (实物) + 年货券 ¥100 (提货券), by the units. */
const NEW_YEAR: RoundInput = {
  festival: 'newYear',
  year: 2027,
  items: [
    { item: '水果礼盒', amount: 15_000, form: 'inKind' },
    { item: '年货券', amount: 10_000, form: 'voucher' },
  ],
  audience: { statuses: ['active', 'retired'], duesPaidOnly: true },
  handout: { kind: 'unit' },
  claimDays: 14,
  budget: 100_000_000,
}

async function benchRound(dir: string) {
  const store = new SqliteStore(join(dir, 'round.sqlite'))
  try {
    await seed(store, ROUND_N)
    const started = performance.now()
    const plan = await planRound(store, NEW_YEAR, NOW)
    const previewed = performance.now()
    await giveRound(store, NEW_YEAR, { count: plan.recipients.length, totalFen: plan.totalFen }, { _id: 'm000001', name: '周建华' }, NOW, () => Number.POSITIVE_INFINITY)
    const ms = Math.round(performance.now() - started)
    const payouts = await store.count('benefitPayouts', { roundId: '2027-newYear' })
    const messages = await store.count('messages', { kind: 'benefitIssued' })
    console.log(
      `  round      ${ms} ms for ${ROUND_N.toLocaleString('en-US')} members (preview ${Math.round(previewed - started)} ms, apply ${Math.round(performance.now() - previewed)} ms), target ≤ ${TARGETS.roundMs} ms: ${ms <= TARGETS.roundMs ? 'met' : 'MISSED'}`,
    )
    console.log(`             ${payouts.toLocaleString('en-US')} entries, ${messages.toLocaleString('en-US')} messages; expected ${(ROUND_N * 2).toLocaleString('en-US')} and ${ROUND_N.toLocaleString('en-US')}`)
    if (payouts !== ROUND_N * 2 || messages !== ROUND_N) process.exitCode = 1
  } finally {
    store.close()
  }
}

/** The union office member who exports the ledger, and their WeChat OPENID. */
const OFFICE = { _id: 'm000001', openid: 'bench-office-openid' }

/** The `i`-th payout of 2026: every kind in turn, across the units, a third of them collected. */
function payout(i: number): BenefitPayoutDoc {
  const kind: BenefitKind = BENEFIT_KINDS[i % BENEFIT_KINDS.length]
  const issuedAt = new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000 + i * 1000).toISOString()
  return {
    _id: `bench-${String(i).padStart(6, '0')}`,
    memberId: `m${String((i % ROUND_N) + 1).padStart(6, '0')}`,
    memberName: `会员${(i % ROUND_N) + 1}`,
    staffNo: String(10_000_001 + (i % ROUND_N)),
    unitId: `unit${String((i % UNITS) + 1).padStart(2, '0')}`,
    kind,
    year: 2026,
    item: `${kind}慰问品`,
    amountFen: 5000 + (i % 97) * 101,
    form: kind === 'birthday' || kind === 'festival' ? 'inKind' : 'cash',
    issuedAt,
    source: { type: 'birthday', policyAt: NOW.toISOString() },
    approvalRef: `校工会〔2026〕${(i % 50) + 1}号`,
    approverId: OFFICE._id,
    approverName: '周建华',
    handout: { kind: 'unit' },
    ...(i % 3 === 0 ? { receivedAt: issuedAt, receivedById: OFFICE._id, receivedByName: '周建华' } : {}),
  }
}

async function benchExport(dir: string) {
  const store = new SqliteStore(join(dir, 'export.sqlite'))
  try {
    await seed(store, ROUND_N)
    await store.update('members', { _id: OFFICE._id }, { $set: { roles: ['unionOffice'] } })
    await store.insert('bindings', { _id: OFFICE.openid, memberId: OFFICE._id, boundAt: NOW.toISOString() })
    for (let from = 0; from < EXPORT_N; from += SEED_CHUNK) {
      await Promise.all(Array.from({ length: Math.min(SEED_CHUNK, EXPORT_N - from) }, (_, k) => store.insert('benefitPayouts', payout(from + k))))
    }
    const files = new LocalFileStore(join(dir, 'export-files'), 'bench-benefits')
    const environment = { store, files, wechat: new OutboxWeChatApi(), identity: { openid: OFFICE.openid }, now: NOW }
    const started = performance.now()
    const result = await exportsFunction.run({ action: 'ledger', payload: { year: 2026 } }, environment)
    const ms = Math.round(performance.now() - started)
    if (!result.ok) throw new Error(`export: ${result.code} ${result.message}`)
    const link = result.data as DownloadLink
    const fileId = /\/files\/([0-9a-f]+)/.exec(link.url)![1]
    const workbook = new ExcelJS.Workbook()
    const data = (await files.read(fileId))!
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer)
    const rows = workbook.getWorksheet('明细')!.rowCount - 1
    console.log(`  export     ${ms} ms for ${EXPORT_N.toLocaleString('en-US')} entries (${Math.round(data.length / 1024).toLocaleString('en-US')} KiB), target ≤ ${TARGETS.exportMs} ms: ${ms <= TARGETS.exportMs ? 'met' : 'MISSED'}`)
    console.log(`             ${link.fileName}: ${rows.toLocaleString('en-US')} rows in 明细; expected ${EXPORT_N.toLocaleString('en-US')}`)
    if (rows !== EXPORT_N) process.exitCode = 1
  } finally {
    store.close()
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'jiaogong-bench-benefits-'))
  const store = new SqliteStore(join(dir, 'bench.sqlite'))
  try {
    await seed(store, N)
    const services = { store, files: new LocalFileStore(join(dir, 'files'), 'bench-benefits'), wechat: new OutboxWeChatApi() }
    const started = performance.now()
    let runs = 0
    let given = 0
    for (;;) {
      const summary = await benefitsFunction.runJob('issueBirthdays', { ...services, now: NOW })
      runs += 1
      given += summary?.count ?? 0
      if (summary?.outcome === 'failed') throw new Error(summary.error)
      if (summary?.outcome === 'ok') break
    }
    const ms = Math.round(performance.now() - started)
    const expected = Math.ceil((N - 11) / 12)
    const payouts = await store.count('benefitPayouts')
    const messages = await store.count('messages', { kind: 'benefitIssued' })
    console.log(`benefits: ${N.toLocaleString('en-US')} members`)
    console.log(`  birthdays  ${ms} ms for ${given.toLocaleString('en-US')} gifts (${runs} run${runs === 1 ? '' : 's'} of the job), target ≤ ${TARGETS.birthdaysMs} ms: ${ms <= TARGETS.birthdaysMs ? 'met' : 'MISSED'}`)
    console.log(`  ledger     ${payouts.toLocaleString('en-US')} entries, ${messages.toLocaleString('en-US')} messages; expected ${expected.toLocaleString('en-US')} each`)
    if (payouts !== expected || messages !== expected || given !== expected) process.exitCode = 1
    await benchRound(dir)
    await benchExport(dir)
  } finally {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})

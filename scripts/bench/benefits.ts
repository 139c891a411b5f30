/**
 * Benefits benchmark (`npm run bench:benefits`). Over a SQLite file:
 *   birthdays  the birthday job over 100,000 members (a province-wide deployment; `N=…`), on the first day of a
 *              month: a twelfth of them get their gift, each a ledger entry with its tally and its message, batch
 *              after batch as the function's trigger would run it (target ≤ 2 s).
 * Festival rounds and the ledger export join it as they are built.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { benefitsFunction } from '../../cloudfunctions/benefits/actions'
import type { MemberDoc } from '../../cloudfunctions/core/collections'
import { LocalFileStore } from '../../cloudfunctions/core/files/local'
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { OutboxWeChatApi } from '../../cloudfunctions/core/wechatApi/outbox'
import { demoPolicies } from '../seed/demoBenefits'

const N = Number(process.env.N ?? 100_000)
/** 1 December, 08:00 in Shanghai: the job's daily run as December's birthdays begin. */
const NOW = new Date('2026-12-01T00:00:00.000Z')
const TARGETS = { birthdaysMs: 2000 }
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
    unitId: 'unit01',
    phone: `139${String(i).padStart(8, '0')}`,
    status: i % 10 === 0 ? 'retired' : 'active',
    memberSince: '2010-09-01',
    duesPaid: true,
    roles: [],
    createdAt: at,
  }
}

async function seed(store: SqliteStore) {
  const at = NOW.toISOString()
  await store.insert('units', { _id: 'unit01', name: '机关分工会', departments: ['机关'], order: 1 })
  for (const policy of demoPolicies()) await store.insert('benefitPolicies', { _id: policy.kind, ...policy, updatedAt: at, updatedById: 'm000001', updatedByName: '周建华' })
  for (let from = 0; from < N; from += SEED_CHUNK) {
    await Promise.all(Array.from({ length: Math.min(SEED_CHUNK, N - from) }, (_, k) => store.insert('members', member(from + k, at))))
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'jiaogong-bench-benefits-'))
  const store = new SqliteStore(join(dir, 'bench.sqlite'))
  try {
    await seed(store)
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
  } finally {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})

/**
 * Messages benchmark (`npm run bench:messages`): one festival round's worth of messages. Over a SQLite file holding
 * 3,000 bound members, each with a consent for the template:
 *   notify    `notify` writes 3,000 inbox entries, each queued for WeChat (target ≤ 1 s);
 *   dispatch  the messages function's dispatch job sends all 3,000 through the recording WeChat adapter, batch after
 *             batch as its trigger would run it (target ≤ 3 s).
 * Both are over the real store; only WeChat's servers are the outbox.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { LocalFileStore } from '../../cloudfunctions/core/files/local'
import { consentId, notify } from '../../cloudfunctions/core/notify'
import { SETTINGS_ID } from '../../cloudfunctions/core/settings'
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { OutboxWeChatApi } from '../../cloudfunctions/core/wechatApi/outbox'
import { messagesFunction } from '../../cloudfunctions/messages/actions'

const RECIPIENTS = 3000
const NOW = new Date('2027-01-20T01:00:00.000Z')
const TEMPLATE = 'bench-festival-template'
const TARGETS = { notify: 1000, dispatch: 3000 }

async function seed(store: SqliteStore): Promise<string[]> {
  const at = NOW.toISOString()
  await store.insert('units', { _id: 'unit01', name: '机关分工会', departments: ['机关'], order: 1 })
  await store.insert('settings', { _id: SETTINGS_ID, youthUnderAge: 40, templateIds: { notice: TEMPLATE }, updatedAt: at, updatedBy: 'bench' })
  const ids: string[] = []
  for (let i = 0; i < RECIPIENTS; i++) {
    const _id = `m${String(i + 1).padStart(5, '0')}`
    ids.push(_id)
    await store.insert('members', {
      _id,
      staffNo: String(20000001 + i),
      name: `会员${i + 1}`,
      gender: i % 2 ? 'female' : 'male',
      birthDate: '1980-01-01',
      unitId: 'unit01',
      phone: `139${String(i).padStart(8, '0')}`,
      status: 'active',
      memberSince: '2010-09-01',
      duesPaid: true,
      roles: [],
      createdAt: at,
    })
    await store.insert('bindings', { _id: `bench-openid-${i}`, memberId: _id, boundAt: at })
    await store.insert('consents', { _id: consentId(_id, TEMPLATE), memberId: _id, templateId: TEMPLATE, remaining: 1, lastChoice: 'accept', updatedAt: at })
  }
  return ids
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now()
  await work()
  return Math.round(performance.now() - started)
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'jiaogong-bench-messages-'))
  const store = new SqliteStore(join(dir, 'bench.sqlite'))
  const wechat = new OutboxWeChatApi()
  const files = new LocalFileStore(join(dir, 'files'), 'bench')
  try {
    const recipients = await seed(store)
    const data = { noticeId: 'festival-2027', title: '2027年春节慰问品发放通知', category: 'benefit' as const, publishAt: NOW.toISOString() }
    const notifyMs = await timed(() => notify(store, NOW, recipients, { kind: 'notice', subject: 'festival:2027-spring', data }))
    let runs = 0
    const dispatchMs = await timed(async () => {
      // As the trigger would: a run while messages are due (each run stops starting batches at half its time limit).
      while ((await store.count('messages', { pushState: 'queued' })) > 0) {
        await messagesFunction.runJob('dispatch', { store, files, wechat, now: NOW })
        runs += 1
      }
    })
    const queued = await store.count('messages', { pushState: 'sent' })
    const met = (ms: number, target: number) => `${ms} ms, target ≤ ${target} ms: ${ms <= target ? 'met' : 'MISSED'}`
    console.log(`messages ${RECIPIENTS} recipients:`)
    console.log(`  notify   ${met(notifyMs, TARGETS.notify)} (${await store.count('messages')} inbox entries, queued for WeChat)`)
    console.log(`  dispatch ${met(dispatchMs, TARGETS.dispatch)} (${wechat.sent.length} sent through the outbox in ${runs} job run(s); ${queued} marked sent)`)
    if (notifyMs > TARGETS.notify || dispatchMs > TARGETS.dispatch || wechat.sent.length !== RECIPIENTS) process.exitCode = 1
  } finally {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  main().catch((error) => {
    console.error(error)
    process.exitCode = 1
  })
}

/**
 * Files hold personal data, so none stays long: every roster upload the `exports` function reads and every file it
 * makes is recorded with a time to delete it (an hour after its last use), and the `exports.purgeFiles` job deletes it then.
 */
import { resolve } from 'node:path'
import { KEEP_FILES_MINUTES } from '../../cloudfunctions/core/files/retention'
import { writeRoster } from '../../cloudfunctions/exports/roster/rosterFile'
import { readTimerTriggers } from '../../scripts/host/timers'
import { demoMembers, demoUnits } from '../../scripts/seed/demoUnion'
import { NOW, PEOPLE, callAs, expectFailure, expectOk, later, seededStore, send, testFiles, type TestStore, runJob } from './harness'

const MINUTE = 60_000
const KEEP = KEEP_FILES_MINUTES * MINUTE

let store: TestStore

beforeEach(async () => {
  store = await seededStore()
})

afterEach(() => store.close())

/** Runs the purge job at `at` (due or not) and answers how many files it removed. */
const purge = async (at: Date) => (await runJob(store, 'exports', 'purgeFiles', { now: at }))?.count
const exported = async (at = NOW) => expectOk(await callAs(store, 'exports', PEOPLE.office, 'roster', {}, { now: at }))
const fileIdOf = (url: string) => /\/files\/([0-9a-f]{32})\?/.exec(url)![1]

it('the exports function’s trigger runs purgeFiles every ten minutes', async () => {
  const triggers = readTimerTriggers(resolve(__dirname, '../../cloudfunctions'), ['exports'])
  expect(triggers).toEqual([{ functionName: 'exports', name: 'jobs', cron: '0 */10 * * * *' }])
  const fileId = fileIdOf((await exported()).url)
  expect(expectOk(await send(store, 'exports', { trigger: 'jobs' }, undefined, { now: later(KEEP) }))).toEqual([{ job: 'purgeFiles', outcome: 'ok', count: 1 }])
  expect(await testFiles.read(fileId)).toBeNull()
})

it('an export is recorded and deleted once its hour is up, not before', async () => {
  const fileId = fileIdOf((await exported()).url)
  expect(await store.find('files')).toEqual([{ _id: expect.any(String), fileId, removeAfter: later(KEEP).toISOString() }])

  expect(await purge(later(KEEP - MINUTE))).toBe(0)
  expect(await testFiles.read(fileId)).not.toBeNull()

  expect(await purge(later(KEEP))).toBe(1)
  expect(await testFiles.read(fileId)).toBeNull()
  expect(await store.find('files')).toEqual([])
  expect(await purge(later(2 * KEEP))).toBe(0)
})

it('an upload is kept an hour from its last preview, then deleted; a later preview finds it gone', async () => {
  const member = demoMembers(NOW).find((candidate) => candidate._id === PEOPLE.unit03Member)!
  const fileId = await testFiles.save('会员名册.xlsx', await writeRoster([member], demoUnits()))
  const preview = (at: Date) => callAs(store, 'exports', PEOPLE.office, 'rosterPreview', { fileId, full: false }, { now: at })

  expectOk(await preview(NOW))
  expectOk(await preview(later(30 * MINUTE)))
  expect(await purge(later(KEEP))).toBe(0)
  expect(await purge(later(30 * MINUTE + KEEP))).toBe(1)

  const failure = expectFailure(await preview(later(31 * MINUTE + KEEP)), 'NOT_FOUND')
  expect(failure.message).toBe('没有找到上传的名册文件（上传一小时后会被删除）：请重新选择文件')
})

it('deletes every expired file at once and keeps the rest', async () => {
  const early = [fileIdOf((await exported()).url), fileIdOf((await exported()).url)]
  const late = fileIdOf((await exported(later(30 * MINUTE))).url)
  expect(await purge(later(KEEP))).toBe(2)
  for (const fileId of early) expect(await testFiles.read(fileId)).toBeNull()
  expect(await testFiles.read(late)).not.toBeNull()
  expect((await store.find('files')).map((doc) => doc.fileId)).toEqual([late])
})

it('is no action: a union office member cannot call purgeFiles, nothing deleted', async () => {
  const fileId = fileIdOf((await exported()).url)
  expectFailure(await callAs(store, 'exports', PEOPLE.office, 'purgeFiles', undefined, { now: later(2 * KEEP) }), 'UNKNOWN_ACTION')
  expect(await testFiles.read(fileId)).not.toBeNull()
})

/**
 * 代表名单: the union office downloads a session's delegate list, edits it in Excel and imports it back; the import
 * grants the session's delegate role to those it lists, revokes it from the rest and keeps each one's 代表团, which
 * joint proposals go by. Over SQLite through the interleaving store, on the demo's 六届二次 (ten delegates in two
 * 代表团: m0010, m0011, m0032…m0034 人文社科代表团; m0035…m0039 理工医代表团).
 */
import ExcelJS from 'exceljs'
import { DEMO_DELEGATIONS } from '../../scripts/seed/demoProposals'
import { PEOPLE, VALID_DELEGATES, VALID_DELEGATES_PLAN, callAs, delegateRows, download, expectFailure, expectOk, seededStore, snapshot, testFiles, type TestStore } from './harness'

let store: TestStore

beforeEach(async () => {
  store = await seededStore()
})

afterEach(() => store.close())

const SESSION = 'session-6-2'
const OFFICE = PEOPLE.office

async function listFile(rows: (string | number)[][], header = ['工号', '姓名', '代表团']): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('代表名单')
  sheet.addRow(header)
  for (const row of rows) sheet.addRow(row)
  return testFiles.save('代表名单.xlsx', Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer))
}

const rowsOf = (lists: [string, string[]][]) => delegateRows(lists).map((row) => [row.staffNo, row.name, row.delegation])

const holders = async () => (await store.find('members', { roles: `delegate:${SESSION}` }, { sort: { _id: 1 } })).map((member) => member._id)
const listed = async () => (await store.find('congressDelegates', { sessionId: SESSION }, { sort: { memberId: 1 } })).map((entry) => [entry.memberId, entry.delegation])

describe('the delegate list', () => {
  it('downloads as it stands: 工号, 姓名, 代表团, by 代表团 in pinyin order (理工医 before 人文社科)', async () => {
    const link = expectOk(await callAs(store, 'exports', OFFICE, 'delegatesFile', { sessionId: SESSION }))
    expect(link.fileName).toBe('代表名单-六届二次.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await download(link))!.data as unknown as ExcelJS.Buffer)
    const rows = workbook.worksheets[0].getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1))
    expect(rows[0]).toEqual(['工号', '姓名', '代表团'])
    expect(rows.slice(1).map((row) => [row[0], row[2]])).toEqual([
      ['200035', '理工医代表团'],
      ['200036', '理工医代表团'],
      ['200037', '理工医代表团'],
      ['200038', '理工医代表团'],
      ['200039', '理工医代表团'],
      ['200010', '人文社科代表团'],
      ['200011', '人文社科代表团'],
      ['200032', '人文社科代表团'],
      ['200033', '人文社科代表团'],
      ['200034', '人文社科代表团'],
    ])
  })

  it('previews an edited list, then imports it: new delegates get the role, those left out lose it, each keeps their 代表团', async () => {
    // m0039 leaves the list; m0019 joins 人文社科代表团; m0038 moves to it.
    const fileId = await listFile(
      rowsOf([
        ['人文社科代表团', ['m0010', 'm0011', 'm0032', 'm0033', 'm0034', PEOPLE.unit01Member, 'm0038']],
        ['理工医代表团', ['m0035', 'm0036', 'm0037']],
      ]),
    )
    const before = await snapshot(store)
    const preview = expectOk(await callAs(store, 'exports', OFFICE, 'delegatesPreview', { sessionId: SESSION, fileId }))
    expect(preview).toEqual({
      planId: expect.stringMatching(/^[0-9a-f]{16}$/),
      sessionName: '六届二次',
      total: 10,
      delegations: [
        { name: '人文社科代表团', count: 7 },
        { name: '理工医代表团', count: 3 },
      ],
      added: [expect.stringMatching(/^.+（200019）$/)],
      addedCount: 1,
      removed: [expect.stringMatching(/^.+（200039）$/)],
      removedCount: 1,
      regrouped: 1,
      errors: [],
    })
    // A preview changes nothing but the upload's time to be deleted.
    expect((await snapshot(store)).members).toEqual(before.members)

    expect(expectOk(await callAs(store, 'exports', OFFICE, 'delegatesApply', { sessionId: SESSION, fileId, planId: preview.planId }))).toEqual(preview)
    expect(await holders()).toEqual(['m0010', 'm0011', PEOPLE.unit01Member, 'm0032', 'm0033', 'm0034', 'm0035', 'm0036', 'm0037', 'm0038'])
    expect(await listed()).toEqual([
      ['m0010', '人文社科代表团'],
      ['m0011', '人文社科代表团'],
      [PEOPLE.unit01Member, '人文社科代表团'],
      ['m0032', '人文社科代表团'],
      ['m0033', '人文社科代表团'],
      ['m0034', '人文社科代表团'],
      ['m0035', '理工医代表团'],
      ['m0036', '理工医代表团'],
      ['m0037', '理工医代表团'],
      ['m0038', '人文社科代表团'],
    ])
    // Her other roles stay: m0010 still administers unit05.
    expect((await store.get('members', 'm0010'))?.roles).toEqual(['unitAdmin:unit05', `delegate:${SESSION}`])
    const [entry] = await store.find('auditLog', { action: 'proposals.importDelegates' })
    expect(entry).toMatchObject({ targetType: 'congressSession', targetId: SESSION, target: '六届二次', after: { 代表人数: '10', 代表团: '人文社科代表团 7 人、理工医代表团 3 人' } })

    // Imported again: nothing more changes.
    const again = expectOk(await callAs(store, 'exports', OFFICE, 'delegatesApply', { sessionId: SESSION, fileId, planId: preview.planId }))
    expect(again).toMatchObject({ addedCount: 0, removedCount: 0, regrouped: 0 })
    expect(await holders()).toHaveLength(10)
  })

  it('lists every row it cannot take, and imports nothing while there is one', async () => {
    const [first] = delegateRows([['人文社科代表团', ['m0010']]])
    const fileId = await listFile([
      [first.staffNo, first.name, '人文社科代表团'],
      ['999999', '查无此人', '人文社科代表团'],
      [first.staffNo, first.name, '理工医代表团'],
      ['200011', '王五', '人文社科代表团'],
      ['200032', '', '人文社科代表团'],
      ['200033', delegateRows([['x', ['m0033']]])[0].name, '代'.repeat(21)],
    ])
    const preview = expectOk(await callAs(store, 'exports', OFFICE, 'delegatesPreview', { sessionId: SESSION, fileId }))
    expect(preview.errors.map((error) => [error.row, error.message.replace(/是.+，表中/, '是…，表中')])).toEqual([
      [3, '工号“999999”不在会员名册中'],
      [4, '工号“200010”与第 2 行重复：每位代表只能有一行'],
      [5, '工号“200011”是…，表中写的是“王五”'],
      [6, '缺少姓名'],
      [7, '代表团名称不能超过 20 个字'],
    ])
    const before = await snapshot(store)
    expect(expectFailure(await callAs(store, 'exports', OFFICE, 'delegatesApply', { sessionId: SESSION, fileId, planId: preview.planId }), 'INVALID_INPUT').message).toBe('名单中有 5 处错误，没有导入任何代表：请按预览中的提示修改后重新导入')
    expect((await snapshot(store)).members).toEqual(before.members)
    expect((await snapshot(store)).congressDelegates).toEqual(before.congressDelegates)
  })

  it('applies only what was previewed: a delegate granted meanwhile makes it ask for a new preview', async () => {
    const fileId = await listFile(rowsOf(DEMO_DELEGATIONS))
    const preview = expectOk(await callAs(store, 'exports', OFFICE, 'delegatesPreview', { sessionId: SESSION, fileId }))
    expect(preview).toMatchObject({ addedCount: 0, removedCount: 0 })
    // Meanwhile 角色管理 makes m0019 a delegate: the list would now remove her, which the preview did not say.
    await store.update('members', { _id: PEOPLE.unit01Member }, { $set: { roles: [`delegate:${SESSION}`] } })
    const before = await snapshot(store)
    expect(expectFailure(await callAs(store, 'exports', OFFICE, 'delegatesApply', { sessionId: SESSION, fileId, planId: preview.planId }), 'CONFLICT').message).toBe('预览之后代表名单或角色有了变化：请查看新的预览后再确认导入')
    expect((await snapshot(store)).members).toEqual(before.members)
    const fresh = expectOk(await callAs(store, 'exports', OFFICE, 'delegatesPreview', { sessionId: SESSION, fileId }))
    expect(fresh).toMatchObject({ removedCount: 1 })
    expect(expectOk(await callAs(store, 'exports', OFFICE, 'delegatesApply', { sessionId: SESSION, fileId, planId: fresh.planId }))).toMatchObject({ removedCount: 1 })
    expect(await holders()).not.toContain(PEOPLE.unit01Member)
  })

  it('refuses a file without the list’s columns, a file that is gone, a session that is not there, and anyone but the union office', async () => {
    expect(expectFailure(await callAs(store, 'exports', OFFICE, 'delegatesPreview', { sessionId: SESSION, fileId: await listFile([['200010', '胡静']], ['工号', '姓名']) }), 'INVALID_INPUT').message).toBe(
      '表头缺少 “代表团”：第一行应为 工号、姓名、代表团，请使用下载的代表名单填写',
    )
    expectFailure(await callAs(store, 'exports', OFFICE, 'delegatesPreview', { sessionId: SESSION, fileId: '0'.repeat(32) }), 'NOT_FOUND')
    expectFailure(await callAs(store, 'exports', OFFICE, 'delegatesPreview', { ...VALID_DELEGATES, sessionId: 'session-none' }), 'NOT_FOUND')
    const before = await snapshot(store)
    for (const who of [PEOPLE.committee, PEOPLE.delegate, PEOPLE.unitAdmin]) expectFailure(await callAs(store, 'exports', who, 'delegatesApply', { ...VALID_DELEGATES, planId: VALID_DELEGATES_PLAN }), 'FORBIDDEN')
    expect(await snapshot(store)).toEqual(before)
  })

  it('imports the list the demo keeps in its 代表团, and a joint proposal then goes by it', async () => {
    expectOk(await callAs(store, 'exports', OFFICE, 'delegatesApply', { ...VALID_DELEGATES, planId: VALID_DELEGATES_PLAN }))
    expect(await listed()).toContainEqual([PEOPLE.unit01Member, '人文社科代表团'])
    expect(DEMO_DELEGATIONS.map(([name]) => name)).toEqual(['人文社科代表团', '理工医代表团'])
    const draft = expectOk(await callAs(store, 'proposals', PEOPLE.unit01Member, 'saveDraft', { title: '关于增设教工书屋的提案', reasons: '缺少阅读空间', measures: '在图书馆设教工书屋', joint: true }))
    expect(draft).toMatchObject({ kind: 'proposal', delegation: '人文社科代表团' })
  })
})

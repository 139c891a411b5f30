/**
 * A congress session's 提案汇编 (`exports.proposalBook`, a .docx) and 提案办理情况表 (`exports.proposalHandling`, an
 * .xlsx) over the seeded demo union: 六届二次 has four accepted proposals (六届二次-001 rated, -002 and -003 assigned,
 * -004 accepted), one merged into -002, and others converted, rejected, submitted, seconding and a draft, which
 * neither file lists. The .docx is opened as the zip it is and its paragraphs read in order; the .xlsx cell by cell;
 * what they must say is written here by hand from the seed. Only the session's committee and the union office get
 * them; each export is audited and its file recorded to go within the hour.
 */
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LocalFileStore } from '../../cloudfunctions/core/files/local'
import type { DownloadLink } from '../../types/exports'
import { DAY, NOW, PEOPLE, callAs, download, expectFailure, expectOk, iso, later, seededStore, snapshot, type TestStore } from './harness'

const SESSION = 'session-6-2'

let store: TestStore
let files: LocalFileStore
let filesDir: string

beforeEach(async () => {
  store = await seededStore()
  filesDir = mkdtempSync(join(tmpdir(), 'jiaogong-proposal-exports-'))
  files = new LocalFileStore(filesDir, 'proposal-exports-secret')
})

afterEach(() => store.close())

const exportAs = (who: string, action: 'proposalBook' | 'proposalHandling', payload: unknown = { sessionId: SESSION }, now: Date = NOW) =>
  callAs(store, 'exports', who, action, payload, { files, now })

const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/** The .docx a link opens: its parts, and the text of each paragraph of its body in order (table cells' included). */
async function openedBook(link: DownloadLink) {
  const file = await download(link, files)
  if (!file) throw new Error(`no file behind ${link.url}`)
  const zip = await JSZip.loadAsync(file.data)
  const part = (name: string) => zip.file(name)!.async('string')
  const document = await part('word/document.xml')
  const paragraphs = (document.match(/<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g) ?? []).map((paragraph) =>
    unescapeXml([...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('')),
  )
  return { fileName: file.fileName, zip, document, paragraphs, styles: await part('word/styles.xml'), footer: await part('word/footer1.xml') }
}

/** The paragraphs from the first proposal's heading on: each proposal's form. */
const formsOf = (paragraphs: string[]) => paragraphs.slice(paragraphs.findIndex((text) => /^六届二次-\d{3}　/.test(text)))

const TITLE_PAGE = ['六届二次教职工代表大会', '提案汇编', '共立案 4 件', '会议时间：2026年12月7日至2026年12月8日', '教代会提案工作委员会　编', '2026年11月']

const CONTENTS = [
  '目　　录',
  ...['编号', '标题', '提案人'],
  ...['六届二次-001', '关于改善冬季教室供暖的提案', '卢芳'],
  ...['六届二次-002', '关于增设教工停车位的提案', '程欣'],
  ...['六届二次-003', '关于设立教职工子女暑期托管班的提案', '贾霞'],
  ...['六届二次-004', '关于提升校园无线网络覆盖的提案', '杨菲'],
]

/** 供暖 (卢芳, 图书馆分工会): handled by 后勤管理处 alone, replied 已采纳 six days ago, rated. */
const HEATING = [
  '六届二次-001　关于改善冬季教室供暖的提案',
  ...['提案编号', '六届二次-001', '类　　别', '后勤保障'],
  ...['标　　题', '关于改善冬季教室供暖的提案'],
  ...['提 案 人', '卢芳', '所在单位', '图书馆分工会'],
  ...['附 议 人', '向斌、高俊勇'],
  ...['案　　由', '老教学楼冬季供暖不足，部分教室室温低于 14℃，师生反映强烈。'],
  ...['建　　议', '对老教学楼供暖管网进行检修改造，延长每日供暖时间。'],
  ...['主办部门', '后勤管理处', '协办部门', '—'],
  ...['办理结果', '已采纳', '完成时间', '2026年11月15日'],
  ...['答复内容', '已完成老教学楼供暖管网检修，每日供暖时间延长至 22:00。'],
  ...['答复部门', '后勤管理处', '答复时间', '2026年11月14日'],
]

/** 停车位 (程欣, 马克思主义学院分工会): 宋佳菲's alike proposal merged into it; 后勤管理处 leads, 基建处 assists. */
const PARKING = [
  '六届二次-002　关于增设教工停车位的提案',
  ...['提案编号', '六届二次-002', '类　　别', '后勤保障'],
  ...['标　　题', '关于增设教工停车位的提案'],
  ...['提 案 人', '程欣', '所在单位', '马克思主义学院分工会'],
  ...['附 议 人', '叶杰龙、毛军'],
  ...['并案提案', '《关于增加教工车辆停放区域的提案》（提案人：宋佳菲）'],
  ...['案　　由', '近年来教职工私家车数量逐年增加，校内停车位严重不足，早高峰时段教工常因找不到车位而迟到，车辆乱停乱放也影响校园交通安全。'],
  ...['建　　议', '一、在北区操场西侧空地新建立体停车场；二、对现有停车位实行教工优先、错峰共享；三、设置电动汽车充电桩。'],
  ...['主办部门', '后勤管理处', '协办部门', '基建处'],
  ...['办理情况', '办理中（答复期限：2026年12月23日）'],
]

/** 托管班 (贾霞, 工学院分工会): 人事处 leads, 后勤管理处 assists. */
const DAYCARE = [
  '六届二次-003　关于设立教职工子女暑期托管班的提案',
  ...['提案编号', '六届二次-003', '类　　别', '福利待遇'],
  ...['标　　题', '关于设立教职工子女暑期托管班的提案'],
  ...['提 案 人', '贾霞', '所在单位', '工学院分工会'],
  ...['附 议 人', '杨菲、毛军'],
  ...['案　　由', '双职工家庭暑期子女无人照看的问题突出，不少青年教职工因此难以安心工作。'],
  ...['建　　议', '由校工会牵头，联合附属小学开设暑期托管班，费用由工会经费适当补贴。'],
  ...['主办部门', '人事处', '协办部门', '后勤管理处'],
  ...['办理情况', '办理中（答复期限：2026年12月25日）'],
]

/** 无线网络 (杨菲, 图书馆分工会): accepted, not yet assigned. */
const WIFI = [
  '六届二次-004　关于提升校园无线网络覆盖的提案',
  ...['提案编号', '六届二次-004', '类　　别', '校园建设'],
  ...['标　　题', '关于提升校园无线网络覆盖的提案'],
  ...['提 案 人', '杨菲', '所在单位', '图书馆分工会'],
  ...['附 议 人', '高俊勇、毛军'],
  ...['案　　由', '教学楼、图书馆部分区域无线网络信号弱，影响教学和科研。'],
  ...['建　　议', '对教学楼和图书馆进行无线网络扩容，增设接入点。'],
  ...['承办部门', '尚未交办'],
  ...['办理情况', '已立案'],
]

describe('提案汇编 (.docx)', () => {
  it('is the committee’s: a title page, 目录, then each accepted proposal’s form in number order', async () => {
    const link = expectOk(await exportAs(PEOPLE.committee, 'proposalBook'))
    expect(link.fileName).toBe('提案汇编-六届二次-20261120.docx')
    const { fileName, paragraphs } = await openedBook(link)
    expect(fileName).toBe('提案汇编-六届二次-20261120.docx')
    // The title page ends with its section break (an empty paragraph).
    expect(paragraphs).toEqual([...TITLE_PAGE, '', ...CONTENTS, ...HEATING, ...PARKING, ...DAYCARE, ...WIFI])
  })

  it('puts each proposal on a page of its own, with page numbers after the title page', async () => {
    const { document, footer } = await openedBook(expectOk(await exportAs(PEOPLE.office, 'proposalBook')))
    expect(document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(4)
    // Two sections: the title page, then the rest numbered from 1.
    expect(document.match(/<w:sectPr[\s>]/g)).toHaveLength(2)
    expect(document).toMatch(/<w:pgNumType w:start="1"\/>/)
    expect(footer).toContain('PAGE')
  })

  it('sets Chinese in 宋体 (headings in 黑体) in the document’s styles', async () => {
    const { styles } = await openedBook(expectOk(await exportAs(PEOPLE.office, 'proposalBook')))
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0]
    expect(defaults).toMatch(/<w:rFonts [^>]*w:eastAsia="宋体"/)
    expect(defaults).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/)
    const heading = /<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?<\/w:style>/.exec(styles)![0]
    expect(heading).toMatch(/<w:rFonts [^>]*w:eastAsia="黑体"/)
  })

  it('lists by number, not by the order the store keeps them: 六届二次-010 after -004 and -009', async () => {
    const wifi = (await store.get('proposals', 'proposal-wifi'))!
    // Ids that sort before every seeded one.
    await store.insert('proposals', { ...wifi, _id: 'a-proposal-10', number: '六届二次-010', title: '关于第十件提案' })
    await store.insert('proposals', { ...wifi, _id: 'a-proposal-9', number: '六届二次-009', title: '关于第九件提案' })
    const { paragraphs } = await openedBook(expectOk(await exportAs(PEOPLE.committee, 'proposalBook')))
    const headings = paragraphs.filter((text) => /^六届二次-\d{3}　/.test(text))
    expect(headings).toEqual([
      '六届二次-001　关于改善冬季教室供暖的提案',
      '六届二次-002　关于增设教工停车位的提案',
      '六届二次-003　关于设立教职工子女暑期托管班的提案',
      '六届二次-004　关于提升校园无线网络覆盖的提案',
      '六届二次-009　关于第九件提案',
      '六届二次-010　关于第十件提案',
    ])
    expect(paragraphs).toContain('共立案 6 件')
  })

  it('names the confirmed seconders of the current round only', async () => {
    const wifi = (await store.get('proposals', 'proposal-wifi'))!
    // A second round (recalled and seconded again): 毛军 confirmed again, 高俊勇 did not; 叶杰龙 declined, 宋佳菲 was invited.
    await store.update('proposals', { _id: wifi._id }, { $set: { round: 2 } })
    await store.update('proposalSeconds', { proposalId: wifi._id, memberId: 'm0039' }, { $set: { round: 2 } })
    const second = (memberId: string, memberName: string, state: 'invited' | 'confirmed' | 'declined') =>
      store.insert('proposalSeconds', { _id: `second-${memberId}`, proposalId: wifi._id, sessionId: SESSION, memberId, memberName, state, round: 2, invitedAt: iso(-2 * DAY) })
    await second('m0032', '叶杰龙', 'declined')
    await second('m0033', '宋佳菲', 'invited')
    const { paragraphs } = await openedBook(expectOk(await exportAs(PEOPLE.committee, 'proposalBook')))
    expect(formsOf(paragraphs).slice(HEATING.length + PARKING.length + DAYCARE.length)).toEqual(WIFI.map((text) => (text === '高俊勇、毛军' ? '毛军' : text)))
  })

  it('names a joint proposal’s 代表团, its author leading, and its seconders as co-signers', async () => {
    await store.update('proposals', { _id: 'proposal-wifi' }, { $set: { delegation: '理工医代表团' } })
    const { paragraphs } = await openedBook(expectOk(await exportAs(PEOPLE.committee, 'proposalBook')))
    const wifi = formsOf(paragraphs).slice(HEATING.length + PARKING.length + DAYCARE.length)
    expect(wifi.slice(7, 13)).toEqual(['提 案 人', '理工医代表团（杨菲领衔）', '所在单位', '图书馆分工会', '联 名 人', '高俊勇、毛军'])
  })

  it('keeps a proposal the union office withholds from the public record: the book is the congress’s own', async () => {
    await store.update('proposals', { _id: 'proposal-daycare' }, { $set: { withheld: { reason: '涉及个人隐私', byName: '周建华', at: iso(-DAY) } } })
    const { paragraphs } = await openedBook(expectOk(await exportAs(PEOPLE.committee, 'proposalBook')))
    expect(formsOf(paragraphs)).toEqual([...HEATING, ...PARKING, ...DAYCARE, ...WIFI])
  })

  it('writes what was typed as text: lines as paragraphs, markup escaped, control characters dropped', async () => {
    await store.update('proposals', { _id: 'proposal-wifi' }, { $set: { reasons: '第一段<b>加粗</b> & "引号"\n\n第二段\u0007响铃', measures: '' } })
    const { paragraphs, document } = await openedBook(expectOk(await exportAs(PEOPLE.committee, 'proposalBook')))
    const reasons = WIFI.indexOf('案　　由')
    // The blank line between the two is no paragraph; an empty 建议 is an empty one.
    expect(formsOf(paragraphs).slice(HEATING.length + PARKING.length + DAYCARE.length)).toEqual([
      ...WIFI.slice(0, reasons + 1),
      '第一段<b>加粗</b> & "引号"',
      '第二段响铃',
      '建　　议',
      '',
      ...WIFI.slice(reasons + 4),
    ])
    expect(document).toContain('第一段&lt;b&gt;加粗&lt;/b&gt; &amp;')
    expect(document).not.toContain('\u0007')
  })

  it('of a session with nothing accepted yet says so', async () => {
    await store.insert('congressSessions', { _id: 'session-6-3', name: '六届三次', order: 3 })
    const { paragraphs } = await openedBook(expectOk(await exportAs(PEOPLE.office, 'proposalBook', { sessionId: 'session-6-3' })))
    expect(paragraphs).toEqual(['六届三次教职工代表大会', '提案汇编', '共立案 0 件', '教代会提案工作委员会　编', '2026年11月', '', '目　　录', '本届次尚无立案的提案'])
  })

  it('is audited: who, which session’s book, how many proposals; the file goes within the hour', async () => {
    expectOk(await exportAs(PEOPLE.committee, 'proposalBook'))
    const entries = await store.find('auditLog', { action: 'proposals.exportBook' })
    expect(entries.map(({ _id: _, ...entry }) => entry)).toEqual([
      {
        at: NOW.toISOString(),
        actorId: PEOPLE.committee,
        actorName: '徐琪',
        action: 'proposals.exportBook',
        targetType: 'congressSession',
        targetId: SESSION,
        target: '六届二次教职工代表大会提案汇编',
        after: { 提案件数: 4 },
      },
    ])
    expect(await store.find('files')).toEqual([expect.objectContaining({ removeAfter: later(60 * 60_000).toISOString() })])
  })
})

const HEADER = ['编号', '标题', '类别', '提案人', '主办部门', '协办部门', '交办日期', '答复期限', '答复日期', '办理结果', '是否超期', '满意度', '重新办理次数', '状态']

type Cell = ExcelJS.CellValue

/** The workbook a link opens, and its one sheet's rows as their cell values. */
async function openedSheet(link: DownloadLink) {
  const file = await download(link, files)
  if (!file) throw new Error(`no file behind ${link.url}`)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(file.data as unknown as ExcelJS.Buffer)
  const rows: Cell[][] = []
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as Cell[]).slice(1)))
  return { fileName: file.fileName, workbook, rows }
}

describe('提案办理情况表 (.xlsx)', () => {
  it('has one row per accepted proposal in number order: its departments, days, reply, rating and state', async () => {
    const link = expectOk(await exportAs(PEOPLE.committee, 'proposalHandling'))
    expect(link.fileName).toBe('提案办理情况表-六届二次-20261120.xlsx')
    const { fileName, workbook, rows } = await openedSheet(link)
    expect(fileName).toBe('提案办理情况表-六届二次-20261120.xlsx')
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['提案办理情况'])
    expect(rows).toEqual([
      HEADER,
      ['六届二次-001', '关于改善冬季教室供暖的提案', '后勤保障', '卢芳', '后勤管理处', '', '2026-11-03', '2026-12-15', '2026-11-14', '已采纳', '否', '满意', 0, '已评价'],
      ['六届二次-002', '关于增设教工停车位的提案', '后勤保障', '程欣', '后勤管理处', '基建处', '2026-11-11', '2026-12-23', '', '', '否', '', 0, '办理中'],
      ['六届二次-003', '关于设立教职工子女暑期托管班的提案', '福利待遇', '贾霞', '人事处', '后勤管理处', '2026-11-13', '2026-12-25', '', '', '否', '', 0, '办理中'],
      ['六届二次-004', '关于提升校园无线网络覆盖的提案', '校园建设', '杨菲', '', '', '', '', '', '', '', '', 0, '已立案'],
    ])
  })

  it('has a bold header kept in view', async () => {
    const { workbook } = await openedSheet(expectOk(await exportAs(PEOPLE.office, 'proposalHandling')))
    const sheet = workbook.worksheets[0]
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.getRow(1).font).toMatchObject({ bold: true })
  })

  it('marks overdue what is unanswered past its day in Shanghai, and what was answered late', async () => {
    // 供暖 was answered after its day; 停车位 sent back by an unsatisfied rating, twice.
    await store.update('proposals', { _id: 'proposal-heating' }, { $set: { replyDue: '2026-11-13' } })
    await store.update('proposals', { _id: 'proposal-parking' }, { $set: { state: 'rehandling', rehandled: 2, rating: { satisfaction: 'unsatisfied', comment: '没有落实', at: iso(-DAY) } } })
    // 2026-12-24 00:30 in Shanghai (still the 23rd in UTC): 停车位's day (12-23) has passed, 托管班's (12-25) not.
    const { rows } = await openedSheet(expectOk(await exportAs(PEOPLE.committee, 'proposalHandling', { sessionId: SESSION }, new Date('2026-12-23T16:30:00.000Z'))))
    expect(rows.map((row) => [row[0], row[10], row[11], row[12], row[13]])).toEqual([
      ['编号', '是否超期', '满意度', '重新办理次数', '状态'],
      ['六届二次-001', '是', '满意', 0, '已评价'],
      ['六届二次-002', '是', '不满意', 2, '重新办理中'],
      ['六届二次-003', '否', '', 0, '办理中'],
      ['六届二次-004', '', '', 0, '已立案'],
    ])
    // A minute before midnight in Shanghai on the 23rd: not yet past it.
    const before = await openedSheet(expectOk(await exportAs(PEOPLE.committee, 'proposalHandling', { sessionId: SESSION }, new Date('2026-12-23T15:59:00.000Z'))))
    expect(before.rows[2][10]).toBe('否')
  })

  it('lists a withheld proposal too', async () => {
    await store.update('proposals', { _id: 'proposal-daycare' }, { $set: { withheld: { reason: '涉及个人隐私', byName: '周建华', at: iso(-DAY) } } })
    const { rows } = await openedSheet(expectOk(await exportAs(PEOPLE.office, 'proposalHandling')))
    expect(rows.map((row) => row[0])).toEqual(['编号', '六届二次-001', '六届二次-002', '六届二次-003', '六届二次-004'])
  })

  it('is audited: who, which session’s table, how many proposals', async () => {
    expectOk(await exportAs(PEOPLE.office, 'proposalHandling'))
    const entries = await store.find('auditLog', { action: 'proposals.exportHandling' })
    expect(entries.map(({ _id: _, ...entry }) => entry)).toEqual([
      {
        at: NOW.toISOString(),
        actorId: PEOPLE.office,
        actorName: '周建华',
        action: 'proposals.exportHandling',
        targetType: 'congressSession',
        targetId: SESSION,
        target: '六届二次提案办理情况表',
        after: { 提案件数: 4 },
      },
    ])
    expect(await store.count('files')).toBe(1)
  })
})

describe('who may export a session’s proposals', () => {
  const ACTIONS = ['proposalBook', 'proposalHandling'] as const

  it.each(ACTIONS)('%s: the session’s committee and the union office', async (action) => {
    for (const who of [PEOPLE.committee, PEOPLE.office]) expect(expectOk(await exportAs(who, action)).url).toMatch(/^\/files\//)
    expect(await store.count('auditLog', { action: { $in: ['proposals.exportBook', 'proposals.exportHandling'] } })).toBe(2)
  })

  it.each(ACTIONS)('%s: refused to a member, a delegate of the session, a unit admin and a department’s handler: FORBIDDEN, no file, no audit entry', async (action) => {
    const before = await snapshot(store)
    for (const who of [PEOPLE.unit01Member, PEOPLE.delegate, PEOPLE.unitAdmin, PEOPLE.handlingDept]) {
      expect(expectFailure(await exportAs(who, action), 'FORBIDDEN').message).toBe('仅校工会管理员或提案工作委员会委员可以进行此操作')
    }
    expect(await snapshot(store)).toEqual(before)
    expect(readdirSync(filesDir)).toEqual([])
  })

  it.each(ACTIONS)('%s: refused to the committee of another session, which gets its own', async (action) => {
    await store.insert('congressSessions', { _id: 'session-6-3', name: '六届三次', order: 3 })
    await store.update('members', { _id: 'm0041' }, { $set: { roles: ['committee:session-6-3'] } })
    const before = await snapshot(store)
    expect(expectFailure(await exportAs('m0041', action), 'FORBIDDEN').message).toBe('您不是本届次提案工作委员会的委员')
    expect(await snapshot(store)).toEqual(before)
    expect(readdirSync(filesDir)).toEqual([])
    expect(expectOk(await exportAs('m0041', action, { sessionId: 'session-6-3' })).fileName).toContain('六届三次')
  })

  it.each(ACTIONS)('%s: a session that is not there is NOT_FOUND, said in Chinese', async (action) => {
    const before = await snapshot(store)
    expect(expectFailure(await exportAs(PEOPLE.office, action, { sessionId: 'session-9-9' }), 'NOT_FOUND').message).toBe('届次不存在或已被删除，请返回刷新后重试')
    // The committee of 六届二次 holds no role for it: refused before anything is read.
    expectFailure(await exportAs(PEOPLE.committee, action, { sessionId: 'session-9-9' }), 'FORBIDDEN')
    expect(await snapshot(store)).toEqual(before)
  })

  it.each(ACTIONS)('%s: bad input is INVALID_INPUT, nothing written', async (action) => {
    const before = await snapshot(store)
    expect(expectFailure(await exportAs(PEOPLE.office, action, {}), 'INVALID_INPUT').message).toBe('请填写届次')
    expect(expectFailure(await exportAs(PEOPLE.office, action, { sessionId: SESSION, unitId: 'unit05' }), 'INVALID_INPUT').message).toContain('不支持的字段')
    expect(expectFailure(await exportAs(PEOPLE.committee, action, { sessionId: { $ne: null } }), 'INVALID_INPUT').message).toBe('编号须为文字')
    expect(await snapshot(store)).toEqual(before)
    expect(readdirSync(filesDir)).toEqual([])
  })
})

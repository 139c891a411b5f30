/**
 * The compiled 教代会提案 pages on WeChat: a delegate of 六届二次 writes a proposal on 写提案 (the draft saves itself as
 * it is typed), invites two other delegates of the session as seconders from the picker, each of them opens it on
 * their own phone and taps 确认附议, and the author then submits it: 已提交, waiting for the committee (待审查).
 */
import { secondId } from '../../cloudfunctions/proposals/rules'
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { demoOpenid, seedDemoUnion } from '../../scripts/seed/demoUnion'
import { startWeapp, textIn, waitUntil, type PageHandle, type SimNode, type Weapp } from './harness'

jest.setTimeout(30_000)

const store = new SqliteStore(':memory:')
/** 宋佳菲 (化学与材料工程学院分工会), a delegate of 六届二次 (scripts/seed/demoUnion.ts gives m0032…m0039 the role). */
const AUTHOR = { id: 'm0033', staffNo: '200033', name: '宋佳菲' }
/** Two more of its delegates: 贾霞 (工学院分工会) and 杨菲 (图书馆分工会). */
const JIA = { id: 'm0034', staffNo: '200034', name: '贾霞' }
const YANG = { id: 'm0037', staffNo: '200037', name: '杨菲' }
const SESSION = 'session-6-2'
const TITLE = '关于在各教学楼设立母婴室的提案'
const REASONS = '学校青年女教职工逐年增多，教学楼内没有可供哺乳、休息的私密空间，哺乳期教职工多有不便。'
const MEASURES = '在每栋教学楼选一间空闲房间改造为母婴室，配备沙发、冰箱和洗手池，由后勤处负责日常管理。'
let app: Weapp
/** The id the first save gave the draft. */
let proposalId: string

beforeAll(async () => {
  // The demo union as of now: 六届二次 collects proposals from 20 days ago until 10 days from now.
  await seedDemoUnion(store, new Date())
  // 宋佳菲 has written no proposal with this title yet (the demo gives her others).
  expect(await store.count('proposals', { title: TITLE })).toBe(0)
  app = startWeapp({ store, openid: demoOpenid(AUTHOR.staffNo) })
})

afterAll(() => store.close())

const proposalCalls = (action: string) => app.cloudCalls.filter((call) => call.name === 'proposals' && (call.data as { action: string }).action === action)
const toasts = () => app.clientCalls.filter(([api]) => api === 'showToast').map(([, request]) => request.title)
const text = (node: SimNode | null | undefined) => (node?.dom as HTMLElement | undefined)?.textContent?.trim()

/** Waits until the page's text contains `wanted`. */
const shows = (page: PageHandle, wanted: string, timeoutMs?: number) =>
  waitUntil(() => (page.root.textContent?.includes(wanted) ? true : undefined), `"${wanted}" in ${page.route}`, timeoutMs)

/** The first node matching `selector` whose text contains `wanted`. */
const nodeWithText = (page: PageHandle, selector: string, wanted: string) =>
  waitUntil(() => page.component.querySelectorAll(selector).find((node) => text(node)?.includes(wanted)), `${selector} "${wanted}" in ${page.route}`)

/** The seconders as the detail page lists them: name and the tag beside it. */
const seconderRows = (page: PageHandle) => page.component.querySelectorAll('.proposal-detail__seconder').map((row) => text(row))

/** The proposal's 办理过程 as the detail page lists it, without the times. */
const historyTexts = (page: PageHandle) => page.component.querySelectorAll('.step-history__text').map((row) => text(row))

/** Leaves a page as WeChat does on redirectTo: the page unloads. */
const leave = (page: PageHandle) => page.component.detach()

/** Lets the render after a change land before the next tap, as a person's taps are that far apart. */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let edit: PageHandle

test('写提案: a delegate’s draft saves itself a moment after typing, as a proposal of 六届二次', async () => {
  edit = app.open('proposals/edit/index')
  const [invite] = await edit.waitFor('.proposal-edit__invite')
  expect(text(invite)).toBe('邀请代表附议')
  // A delegate while the window is open writes a proposal: no 意见建议 notice, no 提交意见建议.
  expect(edit.root.textContent).not.toContain('将作为意见建议提交')
  expect(edit.component.querySelectorAll('.proposal-edit__submit')).toHaveLength(0)
  expect(textIn(edit.component.querySelector('.proposal-edit__saved')!, 'proposal-edit__saved')).toBe('输入后自动保存草稿，关闭小程序也不会丢失')
  const chips = edit.component.querySelectorAll('.choice')
  // The six categories, then 提案方式 (she is of 人文社科代表团 in the imported list; she files her own).
  expect(chips.map(text)).toEqual(['教学科研', '人事分配', '后勤保障', '校园建设', '福利待遇', '其他', '个人提案', '人文社科代表团联名'])

  // Typed as the client types: `input` events on the native input and the two textareas.
  const [title] = await edit.waitFor('.nut-input-native')
  edit.fire(title, 'input', { value: TITLE, cursor: TITLE.length, keyCode: 0 })
  edit.tap(chips[4])
  const [reasons, measures] = await edit.waitFor('.nut-textarea-textarea')
  edit.fire(reasons, 'input', { value: REASONS, cursor: REASONS.length, keyCode: 0 })
  edit.fire(measures, 'input', { value: MEASURES, cursor: MEASURES.length, keyCode: 0 })
  await waitUntil(() => (Object.values(edit.dataOf(title)).includes(TITLE) ? true : undefined), 'the title in the field')
  await shows(edit, `${REASONS.length}/2000`)
  await shows(edit, `${MEASURES.length}/2000`)
  expect(edit.component.querySelector('.nut-radio-button-active')?.dom?.textContent).toBe('福利待遇')

  // Nobody taps 保存草稿: the draft saves itself once typing pauses (1.5 s).
  const [save] = await waitUntil(() => (proposalCalls('saveDraft').length ? proposalCalls('saveDraft') : undefined), 'the autosave', 5000)
  expect((save.data as { payload: unknown }).payload).toEqual({ title: TITLE, category: 'welfare', reasons: REASONS, measures: MEASURES, joint: false, imageFileIds: [] })
  expect(save.result).toMatchObject({ ok: true, data: { kind: 'proposal', state: 'draft', stateLabel: '草稿', sessionId: SESSION, sessionName: '六届二次', confirmed: 0, needed: 2 } })
  await waitUntil(() => (text(edit.component.querySelector('.proposal-edit__saved'))?.startsWith('草稿已自动保存') ? true : undefined), '草稿已自动保存')
  expect(text(edit.component.querySelector('.proposal-edit__saved'))).toMatch(/^草稿已自动保存 (\d{4}年)?\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)

  // One draft, created by the first save.
  const drafts = await store.find('proposals', { title: TITLE })
  expect(drafts).toHaveLength(1)
  const [draft] = drafts
  proposalId = draft._id
  expect(draft).toMatchObject({
    kind: 'proposal',
    sessionId: SESSION,
    state: 'draft',
    title: TITLE,
    category: 'welfare',
    reasons: REASONS,
    measures: MEASURES,
    authorId: AUTHOR.id,
    authorName: '宋佳菲',
    authorUnitId: 'unit08',
    round: 1,
    history: [],
  })
  expect(await store.count('proposalSeconds', { proposalId })).toBe(0)
  // Typing nothing more saves nothing more.
  await pause(1700)
  expect(proposalCalls('saveDraft')).toHaveLength(1)
})

test('邀请代表附议: the picker lists the session’s other delegates; two ticked are invited and it waits for them', async () => {
  edit.tap('.proposal-edit__invite')
  const [heading] = await edit.waitFor('.delegate-picker__title')
  expect(text(heading)).toBe('邀请代表附议（至少 2 位）')
  // Every delegate of 六届二次 but the author, by staff number.
  await waitUntil(() => (edit.component.querySelectorAll('.delegate-picker__row').length === 9 ? true : undefined), 'nine delegates in the picker')
  expect(edit.component.querySelectorAll('.delegate-picker__row').map(text)).toEqual([
    '胡静（教师教育学院分工会）',
    '程欣（马克思主义学院分工会）',
    '叶杰龙（化学与材料工程学院分工会）',
    '贾霞（工学院分工会）',
    '卢芳（图书馆分工会）',
    '向斌（图文信息中心分工会）',
    '杨菲（图书馆分工会）',
    '高俊勇（继续教育学院分工会）',
    '毛军（教师教育学院分工会）',
  ])
  expect(text(edit.component.querySelector('.delegate-picker__send'))).toBe('发出邀请')

  edit.tap(await nodeWithText(edit, '.delegate-picker__row', '贾霞'))
  await waitUntil(() => (text(edit.component.querySelector('.delegate-picker__send')) === '发出邀请（1 位）' ? true : undefined), '发出邀请（1 位）')
  await pause(100)
  edit.tap(await nodeWithText(edit, '.delegate-picker__row', '杨菲'))
  await waitUntil(() => (text(edit.component.querySelector('.delegate-picker__send')) === '发出邀请（2 位）' ? true : undefined), '发出邀请（2 位）')
  expect(edit.component.querySelectorAll('.nut-checkbox-active').map(text)).toEqual(['贾霞（工学院分工会）', '杨菲（图书馆分工会）'])
  await pause(100)
  edit.tap('.delegate-picker__send')

  const [invited] = await waitUntil(() => (proposalCalls('invite').length ? proposalCalls('invite') : undefined), 'proposals.invite')
  expect((invited.data as { payload: unknown }).payload).toEqual({ id: proposalId, memberIds: [JIA.id, YANG.id] })
  expect(invited.result).toMatchObject({ ok: true, data: { state: 'seconding', stateLabel: '征集附议中' } })
  const [, redirected] = await waitUntil(() => app.clientCalls.find(([api]) => api === 'redirectTo'), 'redirectTo')
  expect(redirected.url).toBe(`/proposals/detail/index?id=${proposalId}`)
  expect(toasts()).toContain('已发出附议邀请')
  // Nothing changed since the autosave: the invitation went out without saving again.
  expect(proposalCalls('saveDraft')).toHaveLength(1)
  // Unloaded with nothing typed since, the page saves nothing (a save now would be refused: it is with its seconders).
  leave(edit)
  await pause(50)
  expect(proposalCalls('saveDraft')).toHaveLength(1)

  expect(await store.get('proposals', proposalId)).toMatchObject({ state: 'seconding', round: 1, history: [{ step: 'invite', state: 'seconding', byName: '宋佳菲', note: '贾霞、杨菲' }] })
  const seconds = await store.find('proposalSeconds', { proposalId }, { sort: { memberId: 1 } })
  expect(seconds.map(({ _id, memberId, memberName, state, round, sessionId }) => ({ _id, memberId, memberName, state, round, sessionId }))).toEqual([
    { _id: secondId(proposalId, JIA.id), memberId: JIA.id, memberName: '贾霞', state: 'invited', round: 1, sessionId: SESSION },
    { _id: secondId(proposalId, YANG.id), memberId: YANG.id, memberName: '杨菲', state: 'invited', round: 1, sessionId: SESSION },
  ])
  // Each of them has the invitation in 消息.
  const invitations = await store.find('messages', { kind: 'proposalInvitation', 'data.proposalId': proposalId }, { sort: { recipientId: 1 } })
  expect(invitations.map(({ recipientId, text: said, page }) => ({ recipientId, said, page }))).toEqual(
    [JIA.id, YANG.id].map((recipientId) => ({ recipientId, said: '宋佳菲邀请您附议提案「关于在各教学楼设立母婴室的提案」，请阅读后确认是否附议', page: `proposals/detail/index?id=${proposalId}` })),
  )
})

test('提案详情 for the author while it waits: 待回复 twice, and 提交提案 refused until two have confirmed', async () => {
  const detail = app.open('proposals/detail/index', { id: proposalId })
  const [title] = await detail.waitFor('.proposal-detail__title')
  expect(text(title)).toBe(TITLE)
  expect(text(detail.component.querySelector('.proposal-detail__number'))).toBe('六届二次提案')
  expect(text(detail.component.querySelector('.status-tag'))).toBe('征集附议中')
  expect(detail.root.textContent).toContain('宋佳菲（化学与材料工程学院分工会） · 福利待遇')
  expect(detail.root.textContent).toContain(REASONS)
  expect(detail.root.textContent).toContain(MEASURES)
  await shows(detail, '附议代表（已确认 0/2）')
  expect(seconderRows(detail)).toEqual(['贾霞待回复', '杨菲待回复'])
  expect(historyTexts(detail)).toEqual(['宋佳菲 邀请附议：贾霞、杨菲'])
  expect(text(detail.component.querySelector('.proposal-detail__recall'))).toBe('撤回修改')
  const [submit] = await detail.waitFor('.proposal-detail__submit')
  expect(text(submit)).toBe('提交提案')

  detail.tap(submit)
  const [refused] = await waitUntil(() => (proposalCalls('submit').length ? proposalCalls('submit') : undefined), 'proposals.submit')
  expect(refused.result).toMatchObject({ ok: false, code: 'CONFLICT', message: '还需 2 位代表确认附议才能提交（至少 2 位）' })
  // Too long for a toast: a dialog says it.
  const [, dialog] = await waitUntil(() => app.clientCalls.find(([api]) => api === 'showModal'), 'the dialog')
  expect(dialog).toMatchObject({ title: '请再次确认', content: '还需 2 位代表确认附议才能提交（至少 2 位）', showCancel: false, confirmText: '知道了' })
  expect((await store.get('proposals', proposalId))?.state).toBe('seconding')
  expect(text(detail.component.querySelector('.status-tag'))).toBe('征集附议中')
  leave(detail)
})

/** `who` opens the proposal from their invitation and taps 确认附议; the page then shows `confirmed` of 2. */
async function confirmAs(who: { id: string; staffNo: string; name: string }, confirmed: number, rows: string[]) {
  app.actAs(demoOpenid(who.staffNo))
  const before = proposalCalls('answerInvitation').length
  const detail = app.open('proposals/detail/index', { id: proposalId })
  const [title] = await detail.waitFor('.proposal-detail__title')
  expect(text(title)).toBe(TITLE)
  expect(text(detail.component.querySelector('.status-tag'))).toBe('征集附议中')
  await shows(detail, `附议代表（已确认 ${confirmed - 1}/2）`)
  // An invited delegate may answer; they may neither submit nor recall someone else's proposal.
  expect(text((await detail.waitFor('.proposal-detail__decline'))[0])).toBe('谢绝附议')
  const [second] = await detail.waitFor('.proposal-detail__second')
  expect(text(second)).toBe('确认附议')
  expect(detail.component.querySelectorAll('.proposal-detail__submit')).toHaveLength(0)
  expect(detail.component.querySelectorAll('.proposal-detail__recall')).toHaveLength(0)

  detail.tap(second)
  const answered = await waitUntil(() => proposalCalls('answerInvitation')[before], `proposals.answerInvitation by ${who.name}`)
  expect((answered.data as { payload: unknown }).payload).toEqual({ id: proposalId, confirm: true })
  expect(answered.result).toMatchObject({ ok: true, data: { invitation: 'confirmed', confirmed, needed: 2 } })
  await shows(detail, `附议代表（已确认 ${confirmed}/2）`)
  expect(seconderRows(detail)).toEqual(rows)
  expect(toasts().filter((title) => title === '已确认附议')).toHaveLength(confirmed)
  // Answered: no buttons are left for them.
  expect(detail.component.querySelectorAll('.proposal-detail__second')).toHaveLength(0)
  expect(detail.component.querySelectorAll('.proposal-detail__decline')).toHaveLength(0)
  expect(await store.get('proposalSeconds', secondId(proposalId, who.id))).toMatchObject({ state: 'confirmed', round: 1, answeredAt: expect.any(String) })
  leave(detail)
}

test('贾霞 and then 杨菲 each open it on their own phone and tap 确认附议', async () => {
  await confirmAs(JIA, 1, ['贾霞已附议', '杨菲待回复'])
  await confirmAs(YANG, 2, ['贾霞已附议', '杨菲已附议'])

  expect((await store.get('proposals', proposalId))?.state).toBe('seconding')
  const seconds = await store.find('proposalSeconds', { proposalId }, { sort: { memberId: 1 } })
  expect(seconds.map(({ memberId, state }) => [memberId, state])).toEqual([
    [JIA.id, 'confirmed'],
    [YANG.id, 'confirmed'],
  ])
  // The author is told of each confirmation.
  const told = await store.find('messages', { recipientId: AUTHOR.id, kind: 'proposalProgress', 'data.proposalId': proposalId }, { sort: { createdAt: 1, _id: 1 } })
  expect(told.map((message) => message.text).sort()).toEqual([
    '「关于在各教学楼设立母婴室的提案」代表确认附议：杨菲',
    '「关于在各教学楼设立母婴室的提案」代表确认附议：贾霞',
  ])
})

test('with both confirmed, the author taps 提交提案: 已提交, and it waits for the committee (待审查)', async () => {
  app.actAs(demoOpenid(AUTHOR.staffNo))
  const before = proposalCalls('submit').length
  const detail = app.open('proposals/detail/index', { id: proposalId })
  await detail.waitFor('.proposal-detail__title')
  await shows(detail, '附议代表（已确认 2/2）')
  expect(seconderRows(detail)).toEqual(['贾霞已附议', '杨菲已附议'])
  const [submit] = await detail.waitFor('.proposal-detail__submit')
  expect(text(submit)).toBe('提交提案')

  detail.tap(submit)
  const submitted = await waitUntil(() => proposalCalls('submit')[before], 'proposals.submit')
  expect((submitted.data as { payload: unknown }).payload).toEqual({ id: proposalId })
  expect(submitted.result).toMatchObject({ ok: true, data: { state: 'submitted', stateLabel: '待审查', confirmed: 2, needed: 2, steps: [] } })
  await waitUntil(() => (toasts().includes('已提交') ? true : undefined), 'the 已提交 toast')
  await waitUntil(() => (text(detail.component.querySelector('.status-tag')) === '待审查' ? true : undefined), '待审查 on the page')
  // Submitted: its seconders are listed without the count, and the author has nothing more to do here.
  expect(detail.root.textContent).not.toContain('已确认 2/2')
  expect(seconderRows(detail)).toEqual(['贾霞已附议', '杨菲已附议'])
  expect(historyTexts(detail)).toEqual(['宋佳菲 邀请附议：贾霞、杨菲', '宋佳菲 提交'])
  expect(detail.component.querySelectorAll('.proposal-detail__submit')).toHaveLength(0)
  expect(detail.component.querySelectorAll('.proposal-detail__recall')).toHaveLength(0)
  leave(detail)

  const stored = await store.get('proposals', proposalId)
  expect(stored).toMatchObject({
    kind: 'proposal',
    sessionId: SESSION,
    state: 'submitted',
    title: TITLE,
    category: 'welfare',
    reasons: REASONS,
    measures: MEASURES,
    authorId: AUTHOR.id,
    round: 1,
    submittedAt: expect.any(String),
    history: [
      { step: 'invite', state: 'seconding', byName: '宋佳菲', note: '贾霞、杨菲' },
      { step: 'submit', state: 'submitted', byName: '宋佳菲' },
    ],
  })
  expect(stored?.number).toBeUndefined()
  expect(await store.count('proposalSeconds', { proposalId, state: 'confirmed', round: 1 })).toBe(2)
  // Still the one proposal the first save created: no second copy on the way.
  expect((await store.find('proposals', { title: TITLE })).map((doc) => doc._id)).toEqual([proposalId])
})

/** The compiled notice detail page: opened with ?id=…, it shows the notice and the cloud marks it read. */
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { demoOpenid, seedDemoUnion } from '../../scripts/seed/demoUnion'
import { startWeapp, textIn, waitUntil, type Weapp } from './harness'

const store = new SqliteStore(':memory:')
const MEMBER_ID = 'm0003'
let app: Weapp

beforeAll(async () => {
  await seedDemoUnion(store, new Date())
  const member = await store.get('members', MEMBER_ID)
  if (!member) throw new Error(`the demo union has no ${MEMBER_ID}`)
  app = startWeapp({ store, openid: demoOpenid(member.staffNo) })
})

afterAll(() => store.close())

test('shows the notice named by ?id and records that the member read it', async () => {
  const notice = await store.get('notices', 'notice-volleyball')
  expect(await store.find('noticeReads', { noticeId: notice!._id, memberId: MEMBER_ID })).toHaveLength(0)

  const detail = app.open('pages/notices/detail/index', { id: notice!._id })

  const [title] = await detail.waitFor('.notice-detail__title')
  expect(textIn(title, 'notice-detail__title')).toBe(notice!.title)
  expect(detail.root.textContent).toContain(notice!.title)
  const reads = await store.find('noticeReads', { noticeId: notice!._id, memberId: MEMBER_ID })
  expect(reads).toHaveLength(1)
  expect(app.cloudCalls).toContainEqual(
    expect.objectContaining({ name: 'notices', data: { action: 'detail', payload: { id: notice!._id } } }),
  )
})

test('an unknown id shows the error the cloud answered and marks nothing read', async () => {
  const readsBefore = await store.count('noticeReads', { memberId: MEMBER_ID })

  const detail = app.open('pages/notices/detail/index', { id: 'notice-nope' })

  const answered = await waitUntil(
    () => app.cloudCalls.find((call) => (call.data as { payload?: { id?: string } }).payload?.id === 'notice-nope'),
    'the notices.detail call for notice-nope',
  )
  expect(answered.result).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  const { message } = answered.result as { message: string }
  await waitUntil(() => detail.root.textContent?.includes(message) || undefined, 'the error message on the page')
  expect(detail.component.querySelectorAll('.notice-detail__title')).toHaveLength(0)
  // Said once, on the page: no toast repeats it.
  expect(app.clientCalls.filter(([api]) => api === 'showToast')).toEqual([])
  expect(await store.count('noticeReads', { memberId: MEMBER_ID })).toBe(readsBefore)
})

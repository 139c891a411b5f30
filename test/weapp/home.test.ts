/** The compiled home page: it lists the member's notices from the real cloud function, and a tap opens one. */
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite'
import { demoOpenid, seedDemoUnion } from '../../scripts/seed/demoUnion'
import { startWeapp, textIn, waitUntil, type PageHandle, type SimNode, type Weapp } from './harness'

const store = new SqliteStore(':memory:')
const MEMBER_ID = 'm0003'
let app: Weapp
let home: PageHandle

beforeAll(async () => {
  await seedDemoUnion(store, new Date())
  const member = await store.get('members', MEMBER_ID)
  if (!member) throw new Error(`the demo union has no ${MEMBER_ID}`)
  app = startWeapp({ store, openid: demoOpenid(member.staffNo) })
  home = app.open('pages/index/index')
})

afterAll(() => store.close())

const NAVIGATION_APIS = ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab']
const titleOf = (row: SimNode) => textIn(row, 'notice-row__title')

test('lists the notices notices.home answers, as notice rows', async () => {
  const rows = await home.waitFor('.notice-row')
  const answered = app.cloudCalls.find((call) => call.name === 'notices' && (call.data as { action: string }).action === 'home')
  expect(answered?.result).toMatchObject({ ok: true })
  const { pinned, recent } = (answered!.result as { data: { pinned: Array<{ title: string }>; recent: Array<{ title: string }> } }).data
  expect(rows.map(titleOf)).toEqual([...pinned, ...recent].map((notice) => notice.title))
  expect(rows.length).toBeGreaterThan(1)
})

test.each(['notice-congress', 'notice-volleyball'])('tapping %s opens its detail page with its id', async (noticeId) => {
  const notice = await store.get('notices', noticeId)
  const rows = await home.waitFor('.notice-row')
  const row = rows.find((candidate) => titleOf(candidate) === notice!.title)
  if (!row) throw new Error(`no row titled "${notice!.title}" on the home page`)
  const before = app.clientCalls.length

  home.tap(row)

  const navigations = () => app.clientCalls.slice(before).filter(([api]) => NAVIGATION_APIS.includes(api))
  await waitUntil(() => navigations()[0], 'a navigation after the tap')
  expect(navigations()).toHaveLength(1)
  const [api, request] = navigations()[0]
  expect(api).toBe('navigateTo')
  const url = new URL(String(request.url), 'https://weapp.invalid')
  expect(url.pathname).toBe('/pages/notices/detail/index')
  expect(Object.fromEntries(url.searchParams)).toEqual({ id: noticeId })
  // …and that is a page the compiled app really has.
  expect(app.pages).toContain(url.pathname.slice(1))
})

/**
 * Messages end to end over the interleaving store: notify (idempotent, part of the change), the inbox, consents, the
 * dispatch job sending WeChat subscription messages through the outbox (once each, consents used up, WeChat's errors
 * handled), scheduled and cancelled messages, a notice told to its audience through the fanOut job, and 发送记录.
 */
import { consentId, messageId, notify, cancelMessages } from '../../cloudfunctions/core/notify'
import { OutboxWeChatApi } from '../../cloudfunctions/core/wechatApi/outbox'
import { dispatch as dispatchBatch } from '../../cloudfunctions/messages/dispatch'
import { fanOut as fanOutBatch } from '../../cloudfunctions/messages/fanOut'
import type { NoticeMessageData } from '../../types/messages'
import {
  DAY,
  NOTICES,
  NOW,
  PEOPLE,
  callAs,
  expectFailure,
  expectOk,
  later,
  noticeInput,
  runJob,
  seededStore,
  snapshot,
  testFiles,
  type TestStore,
} from './harness'

const MINUTE = 60_000
const TEMPLATE = 'tmpl-notice-0001'

let store: TestStore

/** Messages but the birthday gifts the demo union gives this month's birthdays as it is seeded. */
const countMessages = () => store.count('messages', { kind: { $ne: 'benefitIssued' } })
let wechat: OutboxWeChatApi

beforeEach(async () => {
  store = await seededStore()
  wechat = new OutboxWeChatApi()
})

afterEach(() => store.close())

const NOTICE: NoticeMessageData = { noticeId: NOTICES.volleyball, title: '关于举办2026年教职工气排球比赛的通知', category: 'event', publishAt: NOW.toISOString() }
const about = (subject = `notice:${NOTICES.volleyball}`, sendAt?: Date) => ({ kind: 'notice' as const, subject, data: NOTICE, ...(sendAt ? { sendAt } : {}) })

/** The union office sets the notice template, as in 工会设置. */
const setTemplate = () => callAs(store, 'members', PEOPLE.office, 'updateSettings', { youthUnderAge: 40, templateIds: { notice: TEMPLATE } })
/** `who` answers 允许 in WeChat's panel `times` times. */
async function allow(who: string, times = 1) {
  for (let i = 0; i < times; i++) expectOk(await callAs(store, 'messages', who, 'recordConsent', { choices: { [TEMPLATE]: 'accept' } }))
}
const dispatch = (now = NOW) => runJob(store, 'messages', 'dispatch', { now, wechat })
const inbox = (who: string, now = NOW) => callAs(store, 'messages', who, 'inbox', { limit: 50 }, { now })
const message = (recipientId: string, subject = `notice:${NOTICES.volleyball}`) => store.get('messages', messageId('notice', subject, recipientId))

describe('notify', () => {
  it('writes one inbox entry per recipient, once however often it is called', async () => {
    await notify(store, NOW, [PEOPLE.unit01Member, PEOPLE.unit03Member, PEOPLE.unit01Member], about())
    await notify(store, later(MINUTE), [PEOPLE.unit01Member, PEOPLE.unit03Member], about())
    expect(await countMessages()).toBe(2)
    expect(await message(PEOPLE.unit01Member)).toEqual({
      _id: messageId('notice', `notice:${NOTICES.volleyball}`, PEOPLE.unit01Member),
      recipientId: PEOPLE.unit01Member,
      kind: 'notice',
      subject: `notice:${NOTICES.volleyball}`,
      data: NOTICE,
      title: '通知公告',
      text: '活动：关于举办2026年教职工气排球比赛的通知',
      page: `pages/notices/detail/index?id=${NOTICES.volleyball}`,
      createdAt: NOW.toISOString(),
      sendAt: NOW.toISOString(),
      read: false,
      pushState: 'none',
      pushAttempts: 0,
    })
  })

  it('queues a WeChat message only for a recipient who holds a consent for the kind’s template', async () => {
    expectOk(await setTemplate())
    await allow(PEOPLE.unit01Member)
    await notify(store, NOW, [PEOPLE.unit01Member, PEOPLE.unit03Member], about())
    expect(await message(PEOPLE.unit01Member)).toMatchObject({ pushState: 'queued', templateId: TEMPLATE, pushNextAt: NOW.toISOString() })
    expect(await message(PEOPLE.unit03Member)).toMatchObject({ pushState: 'none' })
    expect((await message(PEOPLE.unit03Member))!.templateId).toBeUndefined()
  })

  it('commits with the change: a transaction that fails writes no message', async () => {
    const boom = new Error('the change failed')
    await expect(
      store.transaction(async (tx) => {
        await notify(tx, NOW, [PEOPLE.unit01Member], about())
        throw boom
      }),
    ).rejects.toBe(boom)
    expect(await countMessages()).toBe(0)
  })
})

describe('the inbox', () => {
  beforeEach(async () => {
    await notify(store, later(-2 * DAY), [PEOPLE.unit01Member], about('notice:a'))
    await notify(store, later(-DAY), [PEOPLE.unit01Member, PEOPLE.unit03Member], about('notice:b'))
    await notify(store, NOW, [PEOPLE.unit01Member], about('notice:c', later(DAY)))
  })

  it('lists my delivered messages, newest first, and nobody else’s', async () => {
    const page = expectOk(await inbox(PEOPLE.unit01Member))
    expect(page.items.map((entry) => entry.id)).toEqual([messageId('notice', 'notice:b', PEOPLE.unit01Member), messageId('notice', 'notice:a', PEOPLE.unit01Member)])
    expect(page.items[0]).toEqual({
      id: messageId('notice', 'notice:b', PEOPLE.unit01Member),
      kind: 'notice',
      title: '通知公告',
      text: '活动：关于举办2026年教职工气排球比赛的通知',
      page: `/pages/notices/detail/index?id=${NOTICES.volleyball}`,
      at: later(-DAY).toISOString(),
      read: false,
    })
    expect(expectOk(await inbox(PEOPLE.unit03Member)).items).toHaveLength(1)
    // The scheduled one arrives at its time.
    expect(expectOk(await inbox(PEOPLE.unit01Member, later(DAY))).items).toHaveLength(3)
  })

  it('counts what is unread; reading one, then all, brings it to 0', async () => {
    const unread = async () => expectOk(await callAs(store, 'messages', PEOPLE.unit01Member, 'unreadCount')).unread
    expect(await unread()).toBe(2)
    expect(expectOk(await callAs(store, 'messages', PEOPLE.unit01Member, 'read', { id: messageId('notice', 'notice:a', PEOPLE.unit01Member) }))).toEqual({ read: true })
    expect(await unread()).toBe(1)
    expect(expectOk(await callAs(store, 'messages', PEOPLE.unit01Member, 'readAll'))).toEqual({ read: 1 })
    expect(await unread()).toBe(0)
    // The scheduled message is not read before it arrives.
    expect(await message(PEOPLE.unit01Member, 'notice:c')).toMatchObject({ read: false })
  })

  it('answers someone else’s message, and one not delivered yet, exactly like a missing one, changing nothing', async () => {
    const before = await snapshot(store)
    const others = expectFailure(await callAs(store, 'messages', PEOPLE.unit01Member, 'read', { id: messageId('notice', 'notice:b', PEOPLE.unit03Member) }), 'NOT_FOUND')
    const early = expectFailure(await callAs(store, 'messages', PEOPLE.unit01Member, 'read', { id: messageId('notice', 'notice:c', PEOPLE.unit01Member) }), 'NOT_FOUND')
    const missing = expectFailure(await callAs(store, 'messages', PEOPLE.unit01Member, 'read', { id: 'no-such-message' }), 'NOT_FOUND')
    expect(others).toEqual(missing)
    expect(early).toEqual(missing)
    expect(await snapshot(store)).toEqual(before)
  })

  it('forgets entries a year old (the purgeInbox job)', async () => {
    await notify(store, later(-366 * DAY), [PEOPLE.unit01Member], about('notice:old'))
    expect(await runJob(store, 'messages', 'purgeInbox')).toMatchObject({ outcome: 'ok', count: 1 })
    expect(await message(PEOPLE.unit01Member, 'notice:old')).toBeNull()
    expect(await countMessages()).toBe(4)
  })
})

describe('消息订阅: consents', () => {
  const subscriptions = async (who: string = PEOPLE.unit01Member) => expectOk(await callAs(store, 'messages', who, 'subscriptions'))

  it('lists each kind, inbox-only until the union office sets a template', async () => {
    const eventKinds = [
      { kind: 'eventReminder', title: '活动提醒', description: '您报名的活动前一天和开始前一小时', remaining: 0 },
      { kind: 'eventSignup', title: '报名结果', description: '候补获得名额、审核结果、被移出等报名变化时', remaining: 0 },
      { kind: 'eventCancelled', title: '活动取消', description: '您报名的活动取消时', remaining: 0 },
      { kind: 'benefitIssued', title: '福利发放', description: '生日慰问等福利发放给您时', remaining: 0 },
      { kind: 'benefitReminder', title: '福利领取提醒', description: '您的福利临近领取期限仍未领取时（只提醒一次）', remaining: 0 },
      { kind: 'benefitApplication', title: '慰问申请进度', description: '您的慰问申请通过分工会审核或被退回时（批准后以「福利发放」告知）', remaining: 0 },
      { kind: 'proposalInvitation', title: '提案附议邀请', description: '有代表邀请您附议其提案时', remaining: 0 },
      { kind: 'proposalProgress', title: '提案进度', description: '您的提案有代表附议、有审查结果、交办、答复或办结时；您承办的提案超过答复期限时', remaining: 0 },
    ]
    expect(await subscriptions()).toEqual([{ kind: 'notice', title: '通知公告', description: '校工会发布与您有关的通知公告时', remaining: 0 }, ...eventKinds])
    expectOk(await setTemplate())
    expect(await subscriptions()).toEqual([{ kind: 'notice', title: '通知公告', description: '校工会发布与您有关的通知公告时', templateId: TEMPLATE, remaining: 0 }, ...eventKinds])
  })

  it('counts each 允许 as one send, and remembers 拒绝 without taking those back', async () => {
    expectOk(await setTemplate())
    await allow(PEOPLE.unit01Member, 2)
    expect((await subscriptions())[0]).toMatchObject({ remaining: 2, lastChoice: 'accept' })
    const rejected = expectOk(await callAs(store, 'messages', PEOPLE.unit01Member, 'recordConsent', { choices: { [TEMPLATE]: 'reject' } }))
    expect(rejected[0]).toMatchObject({ remaining: 2, lastChoice: 'reject' })
    // Another member's consents are their own.
    expect((await subscriptions(PEOPLE.unit03Member))[0]).toMatchObject({ remaining: 0 })
  })

  it('refuses a template the union office has not set, changing nothing', async () => {
    expectOk(await setTemplate())
    const before = await snapshot(store)
    const failure = expectFailure(await callAs(store, 'messages', PEOPLE.unit01Member, 'recordConsent', { choices: { 'tmpl-unknown-9999': 'accept' } }), 'INVALID_INPUT')
    expect(failure.message).toBe('没有这个订阅消息模板，请刷新页面后重试')
    expect(await snapshot(store)).toEqual(before)
  })
})

describe('dispatch: WeChat subscription messages', () => {
  beforeEach(async () => {
    expectOk(await setTemplate())
  })

  it('sends a due message once, with every field fitted to WeChat’s rules, using up one consent', async () => {
    await allow(PEOPLE.unit01Member)
    await notify(store, NOW, [PEOPLE.unit01Member], about())
    expect(await dispatch()).toEqual({ job: 'dispatch', outcome: 'ok', count: 1 })
    expect(wechat.sent).toEqual([
      {
        touser: 'demo-openid-200019',
        templateId: TEMPLATE,
        page: `pages/notices/detail/index?id=${NOTICES.volleyball}`,
        data: {
          thing1: { value: '关于举办2026年教职工气排球比赛的通知' },
          phrase2: { value: '活动' },
          time3: { value: '2026年11月20日 10:00' },
          thing4: { value: '校工会' },
        },
      },
    ])
    expect(await message(PEOPLE.unit01Member)).toMatchObject({ pushState: 'sent', pushedAt: NOW.toISOString(), pushAttempts: 1 })
    expect(await store.get('consents', consentId(PEOPLE.unit01Member, TEMPLATE))).toMatchObject({ remaining: 0 })
    expect(await dispatch(later(MINUTE))).toMatchObject({ count: 0 })
    expect(wechat.sent).toHaveLength(1)
  })

  it('two overlapping runs send each message once', async () => {
    const members = ['m0017', 'm0018', 'm0019', 'm0020', 'm0021', 'm0022']
    // Consents to spare, so only claiming the message keeps a run from sending it again.
    for (const member of members) await allow(member, 3)
    await notify(store, NOW, members, about())
    // The job's lease keeps its own runs apart; these run the batch itself at once, as runs past a lease would.
    const context = { store, files: testFiles, wechat, now: NOW, timeLeft: () => 60_000 }
    const runs = await Promise.all([dispatchBatch(context), dispatchBatch(context), dispatchBatch(context)])
    expect(runs.reduce((sum, run) => sum + run.count, 0)).toBe(6)
    expect(wechat.sent.map((sent) => sent.touser).sort()).toEqual(['demo-openid-200017', 'demo-openid-200018', 'demo-openid-200019', 'demo-openid-200020', 'demo-openid-200021', 'demo-openid-200022'])
  })

  it('43101 (refused, or no consent left at WeChat): marked, the consent used up, never retried', async () => {
    await allow(PEOPLE.unit01Member, 3)
    await notify(store, NOW, [PEOPLE.unit01Member], about())
    wechat.failNext(43101)
    await dispatch()
    expect(await message(PEOPLE.unit01Member)).toMatchObject({ pushState: 'noConsent', pushError: '会员拒绝接收，或订阅次数已用完' })
    expect(await store.get('consents', consentId(PEOPLE.unit01Member, TEMPLATE))).toMatchObject({ remaining: 0 })
    await dispatch(later(DAY))
    expect(wechat.sent).toEqual([])
  })

  it('47003 (a field WeChat refuses): failed with the reason, the consent given back', async () => {
    await allow(PEOPLE.unit01Member)
    await notify(store, NOW, [PEOPLE.unit01Member], about())
    wechat.failNext(47003)
    await dispatch()
    expect(await message(PEOPLE.unit01Member)).toMatchObject({ pushState: 'failed', pushError: '模板字段内容不符合微信要求（47003）' })
    expect(await store.get('consents', consentId(PEOPLE.unit01Member, TEMPLATE))).toMatchObject({ remaining: 1 })
  })

  it('other errors are tried again after 1, 5 and 30 minutes, then marked failed', async () => {
    await allow(PEOPLE.unit01Member)
    await notify(store, NOW, [PEOPLE.unit01Member], about())
    wechat.failNext(-1, -1, -1, -1)
    const tries = [NOW, later(MINUTE), later(6 * MINUTE), later(36 * MINUTE)]
    await dispatch(tries[0])
    expect(await message(PEOPLE.unit01Member)).toMatchObject({ pushState: 'queued', pushAttempts: 1, pushNextAt: later(MINUTE).toISOString(), pushError: '微信接口暂时出错（-1）' })
    // Not due before its time.
    await dispatch(later(30_000))
    expect(await message(PEOPLE.unit01Member)).toMatchObject({ pushAttempts: 1 })
    await dispatch(tries[1])
    expect(await message(PEOPLE.unit01Member)).toMatchObject({ pushState: 'queued', pushAttempts: 2, pushNextAt: later(6 * MINUTE).toISOString() })
    await dispatch(tries[2])
    expect(await message(PEOPLE.unit01Member)).toMatchObject({ pushState: 'queued', pushAttempts: 3, pushNextAt: later(36 * MINUTE).toISOString() })
    await dispatch(tries[3])
    expect(await message(PEOPLE.unit01Member)).toMatchObject({ pushState: 'failed', pushAttempts: 4, pushError: '微信接口暂时出错（-1），已重试 3 次' })
    // Each failed try gave its consent back.
    expect(await store.get('consents', consentId(PEOPLE.unit01Member, TEMPLATE))).toMatchObject({ remaining: 1 })
  })

  it('no answer from WeChat (it may have delivered): failed, never sent again, the consent stays used', async () => {
    await allow(PEOPLE.unit01Member, 2)
    await notify(store, NOW, [PEOPLE.unit01Member], about())
    wechat.failNext('unanswered')
    await dispatch()
    expect(await message(PEOPLE.unit01Member)).toMatchObject({ pushState: 'failed', pushError: '微信没有回应，是否送达未知，未再重发' })
    expect(await store.get('consents', consentId(PEOPLE.unit01Member, TEMPLATE))).toMatchObject({ remaining: 1 })
    await dispatch(later(DAY))
    expect(wechat.sent).toEqual([])
  })

  it('a second try succeeds after a passing error', async () => {
    await allow(PEOPLE.unit01Member)
    await notify(store, NOW, [PEOPLE.unit01Member], about())
    wechat.failNext(-501001)
    await dispatch()
    await dispatch(later(MINUTE))
    expect(await message(PEOPLE.unit01Member)).toMatchObject({ pushState: 'sent', pushAttempts: 2 })
    expect(wechat.sent).toHaveLength(1)
  })

  it('a consent used up between notify and dispatch: not sent, marked so', async () => {
    await allow(PEOPLE.unit01Member)
    await notify(store, NOW, [PEOPLE.unit01Member], about('notice:one'))
    await notify(store, NOW, [PEOPLE.unit01Member], about('notice:two'))
    await dispatch()
    expect(wechat.sent).toHaveLength(1)
    const states = [(await message(PEOPLE.unit01Member, 'notice:one'))!.pushState, (await message(PEOPLE.unit01Member, 'notice:two'))!.pushState].sort()
    expect(states).toEqual(['noConsent', 'sent'])
  })

  it('a message claimed by a run that was cut off is marked failed, never sent twice', async () => {
    await allow(PEOPLE.unit01Member)
    await notify(store, NOW, [PEOPLE.unit01Member], about())
    const id = messageId('notice', `notice:${NOTICES.volleyball}`, PEOPLE.unit01Member)
    await store.update('messages', { _id: id }, { $set: { pushState: 'sending', pushLeaseUntil: later(MINUTE).toISOString() } })
    await dispatch(later(30_000))
    expect(await message(PEOPLE.unit01Member)).toMatchObject({ pushState: 'sending' })
    await dispatch(later(MINUTE))
    expect(await message(PEOPLE.unit01Member)).toMatchObject({ pushState: 'failed', pushError: '发送途中中断，微信是否送达未知，未再重发' })
    expect(wechat.sent).toEqual([])
  })

  it('a scheduled message waits for its time; cancelled through its subject, it is neither sent nor shown', async () => {
    await allow(PEOPLE.unit01Member, 2)
    await notify(store, NOW, [PEOPLE.unit01Member, PEOPLE.unit03Member], about('event:7:reminder', later(DAY)))
    await dispatch(later(DAY - MINUTE))
    expect(wechat.sent).toEqual([])
    expect(await cancelMessages(store, NOW, 'event:7:reminder', { recipientIds: [PEOPLE.unit01Member] })).toBe(1)
    await dispatch(later(DAY))
    expect(wechat.sent).toEqual([])
    expect(expectOk(await inbox(PEOPLE.unit01Member, later(DAY))).items).toEqual([])
    expect(expectOk(await inbox(PEOPLE.unit03Member, later(DAY))).items).toHaveLength(1)
  })
})

describe('a notice told to its audience (同时发送消息提醒)', () => {
  const publish = (overrides: Record<string, unknown>, now = NOW) => callAs(store, 'notices', PEOPLE.office, 'publish', noticeInput(overrides), { now })
  const fanOut = (now = NOW) => runJob(store, 'messages', 'fanOut', { now })

  it('writes one batch with the notice; the fanOut job gives every current member an entry, 200 at a time', async () => {
    await store.update('members', { _id: PEOPLE.unit03Member }, { $set: { status: 'left' } })
    const { id } = expectOk(await publish({ notify: true }))
    expect(await store.count('messageBatches', { state: 'pending' })).toBe(1)
    expect(await countMessages()).toBe(0)
    const run = await fanOut()
    expect(run).toEqual({ job: 'fanOut', outcome: 'ok', count: 299 })
    expect(await store.count('messages', { subject: `notice:${id}` })).toBe(299)
    expect(await message(PEOPLE.unit03Member, `notice:${id}`)).toBeNull()
    expect(await store.count('messageBatches', { state: 'done' })).toBe(1)
    // Run again: nothing more.
    expect(await fanOut(later(MINUTE))).toMatchObject({ count: 0 })
    expect(await countMessages()).toBe(299)
  })

  it('tells only the units a notice is for', async () => {
    const { id } = expectOk(await publish({ notify: true, audience: { kind: 'units', unitIds: ['unit03'] } }))
    await fanOut()
    const recipients = await store.find('messages', { subject: `notice:${id}` })
    const unit03 = await store.count('members', { unitId: 'unit03' })
    expect(recipients).toHaveLength(unit03)
    expect(recipients.map((entry) => entry.recipientId)).toContain(PEOPLE.unit03Member)
  })

  it('without 同时发送消息提醒 tells nobody', async () => {
    expectOk(await publish({}))
    expect(await store.count('messageBatches')).toBe(0)
  })

  it('a scheduled notice’s batch waits for its time; edited, it says what the notice now says, to whom, when', async () => {
    const publishAt = later(2 * DAY)
    const { id } = expectOk(await publish({ notify: true, publishAt: publishAt.toISOString() }))
    expect(await fanOut(later(DAY))).toMatchObject({ count: 0 })
    expect(await countMessages()).toBe(0)
    // Narrowed to unit03, renamed and moved a day later.
    const moved = later(3 * DAY)
    const notice = noticeInput({ title: '改期后的通知', publishAt: moved.toISOString(), audience: { kind: 'units', unitIds: ['unit03'] } })
    expectOk(await callAs(store, 'notices', PEOPLE.office, 'update', { id, notice }))
    expect(await fanOut(publishAt)).toMatchObject({ count: 0 })
    expect(await fanOut(moved)).toMatchObject({ outcome: 'ok' })
    const entries = await store.find('messages', { subject: `notice:${id}` })
    expect(entries.length).toBe(await store.count('members', { unitId: 'unit03' }))
    expect(new Set(entries.map((entry) => entry.text))).toEqual(new Set(['活动：改期后的通知']))
    expect(new Set(entries.map((entry) => entry.sendAt))).toEqual(new Set([moved.toISOString()]))
    expect(await message(PEOPLE.unit01Member, `notice:${id}`)).toBeNull()
  })

  it('withdrawn before its time, nobody is told', async () => {
    const { id } = expectOk(await publish({ notify: true, publishAt: later(2 * DAY).toISOString() }))
    expectOk(await callAs(store, 'notices', PEOPLE.office, 'withdraw', { id }))
    await fanOut(later(3 * DAY))
    expect(await countMessages()).toBe(0)
  })

  it('withdrawn after it was told, even midway through writing the inboxes, it leaves every inbox', async () => {
    const { id } = expectOk(await publish({ notify: true }))
    // The first 200 are written; then the withdrawal lands before the rest.
    expect(await fanOutBatch({ store, files: testFiles, wechat, now: NOW, timeLeft: () => 60_000 })).toMatchObject({ count: 200 })
    expectOk(await callAs(store, 'notices', PEOPLE.office, 'withdraw', { id }))
    await fanOut(later(MINUTE))
    expect(expectOk(await inbox(PEOPLE.unit01Member, later(MINUTE))).items).toEqual([])
    expect(await store.count('messages', { subject: `notice:${id}`, cancelled: { $ne: true } })).toBe(0)
    expect(await store.count('messageBatches', { state: 'cancelled' })).toBe(1)
  })

  it('audits that it was sent', async () => {
    const { id } = expectOk(await publish({ notify: true }))
    const [entry] = await store.find('auditLog', { targetId: id })
    expect(entry.after).toMatchObject({ 消息提醒: '同时发送' })
  })
})

describe('发送记录 (messages.sends)', () => {
  it('lists the WeChat messages with where each is, and the counts, for the union office only', async () => {
    expectOk(await setTemplate())
    await allow(PEOPLE.unit01Member)
    await notify(store, NOW, [PEOPLE.unit01Member, PEOPLE.unit03Member], about())
    await dispatch()
    const sends = expectOk(await callAs(store, 'messages', PEOPLE.office, 'sends', {}))
    expect(sends.items).toEqual([
      {
        id: messageId('notice', `notice:${NOTICES.volleyball}`, PEOPLE.unit01Member),
        kind: 'notice',
        kindTitle: '通知公告',
        recipientName: '廖月佳',
        text: '活动：关于举办2026年教职工气排球比赛的通知',
        state: 'sent',
        attempts: 1,
        sendAt: NOW.toISOString(),
        sentAt: NOW.toISOString(),
      },
    ])
    expect(sends.counts).toEqual({ queued: 0, sending: 0, sent: 1, noConsent: 0, failed: 0, cancelled: 0 })
    expectFailure(await callAs(store, 'messages', PEOPLE.unit01Member, 'sends', {}), 'FORBIDDEN')
  })
})

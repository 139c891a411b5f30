/**
 * Life-event 慰问 applications over SQLite through the interleaving store: applying (the event's days, the policy,
 * eligibility, the cap, one application per event even when sent at once, proof images), a unit admin applying for
 * a member of their unit, the unit admin's check, the union office's decision (the payout in the ledger under the
 * cap), who may take which step, who sees the proofs (every look audited), the messages, and how long proofs are kept.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { recordPayout, tallyId } from '../../cloudfunctions/benefits/ledger'
import type { Store } from '../../cloudfunctions/core/store/port'
import { InterleavingStore } from '../interleavingStore'
import { CloudBaseStandIn } from '../store/cloudbaseStandIn'
import { NOW, DAY, HOUR, PEOPLE, PNG, callAs, expectFailure, expectOk, hospitalStay, later, runJob, seededStore, snapshot, testFiles, uploadPicture, type TestStore } from './harness'
import { cloudBaseDemo } from './cloudbaseDemo'

let store: Store

/** The demo's own applications (one in every state: the browser test's) go: these tests start from none. */
const withoutDemoApplications = (seeded: Store) => seeded.remove('benefitApplications', { state: { $in: ['submitted', 'checked', 'returned', 'approved'] } })

beforeEach(async () => {
  store = await seededStore()
  await withoutDemoApplications(store)
})

afterEach(() => {
  if (store instanceof InterleavingStore) store.close()
})

/** A fresh store whose calls interleave in the order `seed` gives. */
async function reseed(seed: number) {
  ;(store as TestStore).close()
  store = await seededStore(NOW, seed)
  await withoutDemoApplications(store)
}

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1])

/** A member of unit01 (no unit admin of its own: the union office checks its applications). */
const MEMBER = PEOPLE.unit01Member
/** Members of unit05, whose admin is PEOPLE.unitAdmin (胡静, herself of unit12). */
const UNIT05_MEMBER = 'm0006'
const UNIT05_MEMBER2 = 'm0015'

/** An image uploaded as the phone would (the local host records each upload for an hour). */
const upload = (data?: Buffer, name?: string) => uploadPicture(store, data, name)

const fileRecord = (fileId: string) => store.get('files', createHash('sha256').update(fileId).digest('hex').slice(0, 32))

/** A hospital stay at 湖州市中心医院 from 10 to 16 November. */
const stay = (overrides: Record<string, unknown> = {}) => ({ kind: 'hospitalization', date: '2026-11-10', hospital: '湖州市中心医院', dischargedOn: '2026-11-16', note: '急性阑尾炎手术', ...overrides })

const apply = (who: string, input: Record<string, unknown>, now = NOW) => callAs(store, 'benefits', who, 'apply', input, { now })
const applyFor = (who: string, memberId: string, application: Record<string, unknown>) => callAs(store, 'benefits', who, 'applyFor', { memberId, application })
const check = (who: string, applicationId: string, approve: boolean, reason?: string) =>
  callAs(store, 'benefits', who, 'checkApplication', { applicationId, approve, ...(reason ? { reason } : {}) })
const approve = (who: string, applicationId: string, amount: number, form = 'cash', now = NOW) =>
  callAs(store, 'benefits', who, 'decideApplication', { applicationId, approve: true, amount, form }, { now })
const giveBack = (who: string, applicationId: string, reason: string, now = NOW) => callAs(store, 'benefits', who, 'decideApplication', { applicationId, approve: false, reason }, { now })

/** An application of `who`'s, passed by the union office (unit01 has no admin of its own). */
async function checkedStay(who = MEMBER, overrides: Record<string, unknown> = {}): Promise<string> {
  const { id } = expectOk(await apply(who, stay(overrides)))
  expectOk(await check(PEOPLE.office, id, true))
  return id
}

/** Makes `memberId` union office staff as well: a third pair of hands, so the office's own rules can be shown. */
const makeOffice = (memberId: string) => store.update('members', { _id: memberId }, { $push: { roles: 'unionOffice' } })

const messagesOf = (memberId: string, kind: string) => store.find('messages', { recipientId: memberId, kind }, { sort: { createdAt: 1, _id: 1 } })

describe('applying', () => {
  it('files a hospital stay with its proofs, held until the decision, and lists it as mine with links to them', async () => {
    const proofs = [await upload(PNG), await upload(JPEG, 'discharge.jpg')]
    const view = expectOk(await apply(MEMBER, stay({ proofFileIds: proofs })))
    expect(view).toMatchObject({
      kind: 'hospitalization',
      kindLabel: '住院慰问',
      memberName: '廖月佳',
      unitName: '机关第一分工会',
      date: '2026-11-10',
      dateLabel: '入院日期',
      hospital: '湖州市中心医院',
      dischargedOn: '2026-11-16',
      note: '急性阑尾炎手术',
      proofCount: 2,
      state: 'submitted',
      stateLabel: '待分工会审核',
      appliedByName: '廖月佳',
      returns: [],
    })
    // The upload's hour no longer applies: the proofs wait with the application.
    expect(await fileRecord(proofs[0])).toBeNull()
    expect(await fileRecord(proofs[1])).toBeNull()
    // A member's own application is no admin change.
    expect(await store.count('auditLog', { targetType: 'benefitApplication' })).toBe(0)

    const mine = expectOk(await callAs(store, 'benefits', MEMBER, 'myApplications', {}))
    expect(mine.items.map((item) => [item.id, item.proofUrls.length])).toEqual([[view.id, 2]])
    const [link] = mine.items[0].proofUrls
    const url = new URL(link, 'http://host')
    const opened = await testFiles.opened(url.pathname.split('/')[2], url.searchParams.get('expires'), url.searchParams.get('sig'))
    expect(readFileSync(opened!.path)).toEqual(PNG)
    // Nobody else's.
    expect(expectOk(await callAs(store, 'benefits', PEOPLE.unit03Member, 'myApplications', {})).items).toEqual([])
  })

  it.each([
    ['an event to come', stay({ date: '2026-11-21', dischargedOn: undefined }), 'date', '入院日期不能晚于今天：事情发生后再申请'],
    ['an event over 12 months ago', stay({ date: '2025-11-19', dischargedOn: undefined }), 'date', '入院日期已超过 12 个月（早于 2025-11-20），不能再申请慰问'],
    ['a discharge to come', stay({ dischargedOn: '2026-11-21' }), 'dischargedOn', '出院日期不能晚于今天：尚未出院的，出院日期不填'],
    ['a discharge before admission', stay({ dischargedOn: '2026-11-09' }), 'dischargedOn', '出院日期不能早于入院日期'],
    ['a birth to come', { kind: 'childbirth', date: '2026-12-01' }, 'date', '子女出生日期不能晚于今天：事情发生后再申请'],
  ])('refuses %s, changing nothing', async (_case, input, field, message) => {
    const before = await snapshot(store)
    const failure = expectFailure(await apply(MEMBER, Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined))), 'INVALID_INPUT')
    expect(failure).toMatchObject({ message, fields: { [field]: message } })
    expect(await snapshot(store)).toEqual(before)
  })

  it('takes an event exactly 12 months ago, and a stay not ended yet', async () => {
    expectOk(await apply(MEMBER, stay({ date: '2025-11-20', dischargedOn: undefined, hospital: '湖州市第一人民医院' })))
    expect(expectOk(await apply(MEMBER, stay({ dischargedOn: undefined }))).dischargedOn).toBeUndefined()
  })

  it('refuses a kind without a policy, a member who does not qualify, and a cap already used up, saying why', async () => {
    await store.remove('benefitPolicies', { _id: 'marriage' })
    // m0058's dues are not paid; 结婚慰问 is for active staff only; ¥2,000 of 住院慰问 given already.
    await store.update('members', { _id: PEOPLE.unit03Member }, { $set: { duesPaid: false } })
    expect(await recordPayout(store, (await store.get('benefitPolicies', 'hospitalization'))!, hospitalStay('stay-earlier', 200_000), NOW)).toBe(true)
    const before = await snapshot(store)
    expect(expectFailure(await apply(MEMBER, { kind: 'marriage', date: '2026-10-01' }), 'CONFLICT').message).toBe('校工会尚未设置结婚慰问的福利政策，暂不能申请，请联系校工会')
    expect(expectFailure(await apply(PEOPLE.unit03Member, stay()), 'FORBIDDEN').message).toBe('您不符合住院慰问的条件：会费未按时缴纳')
    expect(expectFailure(await apply(PEOPLE.retired, { kind: 'childbirth', date: '2026-10-01' }), 'FORBIDDEN').message).toBe('您不符合生育慰问的条件：仅限在职会员')
    expect(expectFailure(await apply(MEMBER, stay()), 'CONFLICT').message).toBe('超出住院慰问年度限额 ¥2,000：今年已发放 ¥2,000，还可发放 ¥0，暂不能申请')
    expect(await snapshot(store)).toEqual(before)
  })

  it('refuses the same event twice while the first waits or was approved, but not another event', async () => {
    const { id } = expectOk(await apply(MEMBER, stay()))
    // The same hospital however it is typed, admitted the same day: the same stay.
    const again = expectFailure(await apply(MEMBER, stay({ hospital: ' 湖州市 中心医院 ', dischargedOn: '2026-11-18', note: '再次提交' })), 'CONFLICT')
    expect(again.message).toBe('这件事已申请过住院慰问（2026年11月20日提交，待分工会审核），同一件事只能申请一次')
    expectOk(await apply(MEMBER, stay({ date: '2026-11-17', dischargedOn: undefined })))
    expectOk(await check(PEOPLE.office, id, true))
    expectOk(await approve(PEOPLE.office2, id, 800))
    expect(expectFailure(await apply(MEMBER, stay()), 'CONFLICT').message).toBe('这件事已申请过住院慰问（2026年11月20日提交，已审批发放），同一件事只能申请一次')
    // One marriage, one retirement; a relative's death by relation and day.
    expectOk(await apply(MEMBER, { kind: 'marriage', date: '2026-10-01' }))
    expectFailure(await apply(MEMBER, { kind: 'marriage', date: '2026-10-01', note: '补交材料' }), 'CONFLICT')
    expectOk(await apply(MEMBER, { kind: 'retirement', date: '2026-09-30' }))
    expectFailure(await apply(MEMBER, { kind: 'retirement', date: '2026-10-31' }), 'CONFLICT')
    expectOk(await apply(MEMBER, { kind: 'relativeBereavement', date: '2026-08-02', relation: 'parent' }))
    expectOk(await apply(MEMBER, { kind: 'relativeBereavement', date: '2026-08-02', relation: 'spouseParent' }))
    expect(await store.count('benefitApplications', { memberId: MEMBER })).toBe(6)
  })

  it('lets two spouses who are both members each apply for their marriage', async () => {
    expectOk(await apply(MEMBER, { kind: 'marriage', date: '2026-10-01' }))
    expectOk(await apply(PEOPLE.office2, { kind: 'marriage', date: '2026-10-01' }))
    expect(await store.count('benefitApplications', { kind: 'marriage' })).toBe(2)
  })

  it.each([1, 2, 3, 4, 5])('sent five times at once, files one application for the event (seed %i)', async (seed) => {
    await reseed(seed)
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => apply(MEMBER, stay({ note: `第 ${i + 1} 次` }))))
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    for (const failure of results.filter((result) => !result.ok)) expect(expectFailure(failure, 'CONFLICT').message).toMatch(/^这件事已申请过住院慰问/)
    expect(await store.count('benefitApplications')).toBe(1)
  })

  it('refuses a member’s own death: their unit admin applies for it', async () => {
    const failure = expectFailure(await apply(MEMBER, { kind: 'bereavement', date: '2026-11-01' }), 'INVALID_INPUT')
    expect(failure.message).toBe('会员亡故慰问由所在分工会代为申请')
  })

  describe('proofs', () => {
    it.each([
      ['a GIF', async () => upload(Buffer.from('GIF89a\u0001\u0000\u0000\u0000', 'latin1'), 'proof.gif'), '第 2 张证明材料只能是 JPG、PNG 或 WebP 格式的图片，请换一张'],
      ['a spreadsheet', async () => upload(Buffer.from('PK\u0003\u0004rest', 'latin1'), 'proof.png'), '第 2 张证明材料只能是 JPG、PNG 或 WebP 格式的图片，请换一张'],
      ['an image over 5 MB', async () => upload(Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)])), '第 2 张证明材料不能超过 5 MB，请换一张小一些的图片'],
      ['a file of another store', async () => 'cloud://env-1234.7463-env-1234/proofs/a.png', '第 2 张证明材料不是在本小程序上传的图片，请重新选择图片'],
      ['a file already deleted', async () => {
        const fileId = await upload()
        await testFiles.remove([fileId])
        return fileId
      }, '第 2 张证明材料已失效（上传后一小时内未保存会被删除），请重新选择图片'],
    ])('refuses %s, changing nothing', async (_case, second, message) => {
      const proofFileIds = [await upload(), await second()]
      const before = await snapshot(store)
      const failure = expectFailure(await apply(MEMBER, stay({ proofFileIds })), 'INVALID_INPUT')
      expect(failure).toMatchObject({ message, fields: { 'proofFileIds.1': message } })
      expect(await snapshot(store)).toEqual(before)
    })

    it('takes an image of exactly 5 MB', async () => {
      const fileId = await upload(Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024 - PNG.length)]))
      expect(expectOk(await apply(MEMBER, stay({ proofFileIds: [fileId] }))).proofCount).toBe(1)
    })
  })
})

describe('a unit admin applying for a member of their unit', () => {
  it('applies (after a death, say), audited, and sees it in their unit’s queue', async () => {
    const view = expectOk(await applyFor(PEOPLE.unitAdmin, UNIT05_MEMBER, { kind: 'bereavement', date: '2026-11-15', note: '家属已告知分工会' }))
    expect(view).toMatchObject({ memberName: '田博平', unitName: '文学院分工会', kindLabel: '会员亡故慰问', dateLabel: '亡故日期', appliedByName: '胡静', state: 'submitted' })
    const [entry] = await store.find('auditLog', { action: 'benefits.applyFor' })
    expect(entry).toMatchObject({ actorName: '胡静', targetId: view.id, target: '会员亡故慰问：田博平（200006）', after: { 类别: '会员亡故慰问', 亡故日期: '2026-11-15', 证明材料: '0 张', 状态: '待分工会审核' } })
    const queue = expectOk(await callAs(store, 'benefits', PEOPLE.unitAdmin, 'applicationQueue', { unitId: 'unit05' }))
    expect(queue.items.map((item) => item.id)).toEqual([view.id])
  })

  it('may not apply for someone outside their unit, nor for someone who does not exist: nothing changes', async () => {
    const before = await snapshot(store)
    // m0032 is of unit08.
    expect(expectFailure(await applyFor(PEOPLE.unitAdmin, 'm0032', stay()), 'FORBIDDEN').message).toBe('您只能处理本人所负责分工会的事务')
    expectFailure(await applyFor(PEOPLE.unitAdmin, 'm9999', stay()), 'FORBIDDEN')
    expect(expectFailure(await applyFor(PEOPLE.office, 'm9999', stay()), 'NOT_FOUND').message).toBe('会员不存在或已被删除，请返回刷新后重试')
    expect(expectFailure(await applyFor(PEOPLE.unitAdmin, UNIT05_MEMBER, stay({ date: '2026-12-01', dischargedOn: undefined })), 'INVALID_INPUT').fields).toEqual({ 'application.date': '入院日期不能晚于今天：事情发生后再申请' })
    expect(expectFailure(await applyFor(PEOPLE.unitAdmin, PEOPLE.unit03Member, stay()), 'FORBIDDEN').message).toBe('您只能处理本人所负责分工会的事务')
    expect(await snapshot(store)).toEqual(before)
  })

  it('says the member (not “you”) does not qualify', async () => {
    await store.update('members', { _id: UNIT05_MEMBER }, { $set: { duesPaid: false } })
    expect(expectFailure(await applyFor(PEOPLE.unitAdmin, UNIT05_MEMBER, stay()), 'FORBIDDEN').message).toBe('田博平不符合住院慰问的条件：会费未按时缴纳')
  })
})

describe('the unit admin’s check', () => {
  it('passes it to the union office, audited, telling the member', async () => {
    const { id } = expectOk(await apply(UNIT05_MEMBER, stay()))
    const view = expectOk(await check(PEOPLE.unitAdmin, id, true))
    expect(view).toMatchObject({ state: 'checked', stateLabel: '待校工会审批', checkedByName: '胡静' })
    const [message] = await messagesOf(UNIT05_MEMBER, 'benefitApplication')
    expect(message).toMatchObject({ title: '慰问申请进度', text: '住院慰问申请已通过分工会审核，等待校工会审批', page: 'benefits/applications/index' })
    const [entry] = await store.find('auditLog', { action: 'benefits.checkApplication' })
    expect(entry).toMatchObject({ actorName: '胡静', before: { 状态: '待分工会审核', 医院: '湖州市中心医院' }, after: { 状态: '待校工会审批' } })
    // Now it waits for the union office, not the unit.
    expect(expectOk(await callAs(store, 'benefits', PEOPLE.unitAdmin, 'applicationQueue', { unitId: 'unit05' })).items).toEqual([])
    expect(expectOk(await callAs(store, 'benefits', PEOPLE.office, 'applicationQueue', {})).items.map((item) => item.id)).toEqual([id])
  })

  it('returns it with the reason, which the member sees and is told; applying again for the event takes it up again', async () => {
    const proof = await upload()
    const { id } = expectOk(await apply(UNIT05_MEMBER, stay({ proofFileIds: [proof] })))
    const returned = expectOk(await check(PEOPLE.unitAdmin, id, false, '请补充出院小结'))
    expect(returned).toMatchObject({ state: 'returned', stateLabel: '已退回', returns: [{ step: 'unit', stepLabel: '分工会', byName: '胡静', at: NOW.toISOString(), reason: '请补充出院小结' }] })
    const [message] = await messagesOf(UNIT05_MEMBER, 'benefitApplication')
    expect(message.text).toBe('住院慰问申请被分工会退回：请补充出院小结')
    // Its proofs now go 30 days after the return, unless applied for again.
    expect(await fileRecord(proof)).toMatchObject({ removeAfter: later(30 * DAY).toISOString() })

    const second = await upload(JPEG, 'discharge.jpg')
    const again = expectOk(await apply(UNIT05_MEMBER, stay({ proofFileIds: [proof, second], note: '已补充出院小结' }), later(HOUR)))
    expect(again).toMatchObject({ id, state: 'submitted', note: '已补充出院小结', proofCount: 2, returns: [{ reason: '请补充出院小结' }] })
    expect(await fileRecord(proof)).toBeNull()
    expect(await fileRecord(second)).toBeNull()
    // Passed this time: a new message, not the first one again.
    expectOk(await check(PEOPLE.unitAdmin, id, true))
    expect((await messagesOf(UNIT05_MEMBER, 'benefitApplication')).map((entry) => entry.data.change)).toEqual(['returned', 'checked'])
  })

  it('is not for another unit’s admin, nor for an admin on their own application or one they filed', async () => {
    const { id } = expectOk(await apply(UNIT05_MEMBER, stay()))
    // 吕丽颖 (m0012) is of unit05: made its admin too, she applies and may not check her own.
    await store.update('members', { _id: 'm0012' }, { $push: { roles: 'unitAdmin:unit05' } })
    const own = expectOk(await apply('m0012', stay())).id
    const filed = expectOk(await applyFor(PEOPLE.unitAdmin, UNIT05_MEMBER2, stay())).id
    const before = await snapshot(store)
    expect(expectFailure(await check(PEOPLE.otherUnitAdmin, id, true), 'FORBIDDEN').message).toBe('您只能处理本人所负责分工会的事务')
    expect(expectFailure(await check('m0012', own, true), 'FORBIDDEN').message).toBe('不能审核自己的慰问申请，请由其他管理员审核')
    expect(expectFailure(await check(PEOPLE.unitAdmin, filed, false, '重复'), 'FORBIDDEN').message).toBe('不能审核自己代为提交的慰问申请，请由其他管理员审核')
    expect(expectFailure(await check(PEOPLE.unitAdmin, 'no-such-application', true), 'FORBIDDEN').message).toBe('您只能处理本人所负责分工会的事务')
    expect(expectFailure(await check(PEOPLE.office, 'no-such-application', true), 'NOT_FOUND').message).toBe('慰问申请不存在或已被删除，请返回刷新后重试')
    expect(await snapshot(store)).toEqual(before)
    // Someone else checks them.
    expectOk(await check(PEOPLE.unitAdmin, own, true))
    expectOk(await check('m0012', filed, true))
  })

  it('once taken, cannot be taken again', async () => {
    const { id } = expectOk(await apply(UNIT05_MEMBER, stay()))
    expectOk(await check(PEOPLE.unitAdmin, id, true))
    const before = await snapshot(store)
    expect(expectFailure(await check(PEOPLE.office, id, false, '材料不全'), 'CONFLICT').message).toBe('这份申请待校工会审批，不能再审核，请刷新后查看')
    expect(await snapshot(store)).toEqual(before)
  })

  it.each([1, 2, 3, 4, 5])('taken by two at once (a pass and a return, seed %i): one wins, the other is refused', async (seed) => {
    await reseed(seed)
    const { id } = expectOk(await apply(UNIT05_MEMBER, stay()))
    const results = await Promise.all([check(PEOPLE.unitAdmin, id, true), check(PEOPLE.office, id, false, '材料不全')])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expectFailure(results.find((result) => !result.ok)!, 'CONFLICT')
    expect(await store.count('auditLog', { action: 'benefits.checkApplication' })).toBe(1)
    expect(await store.count('messages', { kind: 'benefitApplication' })).toBe(1)
  })
})

describe('the union office’s decision', () => {
  it('approves an amount in a form of the policy: the payout goes to the ledger, the member is told, it is audited', async () => {
    const proof = await upload()
    const { id } = expectOk(await apply(MEMBER, stay({ proofFileIds: [proof] })))
    expectOk(await check(PEOPLE.office, id, true))
    const view = expectOk(await approve(PEOPLE.office2, id, 800.5))
    expect(view).toMatchObject({ state: 'approved', stateLabel: '已审批发放', decidedByName: '沈丽萍', amountFen: 80_050, form: 'cash', item: '住院慰问金', payoutId: `application-${id}` })
    const ref = id.slice(0, 8).toUpperCase()
    expect(await store.get('benefitPayouts', `application-${id}`)).toMatchObject({
      memberId: MEMBER,
      kind: 'hospitalization',
      year: 2026,
      item: '住院慰问金',
      amountFen: 80_050,
      form: 'cash',
      source: { type: 'application', applicationId: id },
      approvalRef: `慰问申请 ${ref}（沈丽萍审批）`,
      approverName: '沈丽萍',
      handout: { kind: 'unit' },
    })
    expect(await store.get('benefitTallies', tallyId(2026, MEMBER, 'hospitalization'))).toMatchObject({ totalFen: 80_050, count: 1 })
    const [issued] = await messagesOf(MEMBER, 'benefitIssued')
    expect(issued.text).toBe('住院慰问：您的住院慰问金已发放（由所在分工会发放）')
    const [entry] = await store.find('auditLog', { action: 'benefits.decideApplication' })
    expect(entry).toMatchObject({ actorName: '沈丽萍', before: { 状态: '待校工会审批' }, after: { 状态: '已审批发放', 慰问品: '住院慰问金', 金额: '¥800.50', 发放形式: '慰问金', 审批依据: `慰问申请 ${ref}（沈丽萍审批）` } })
    expect(await fileRecord(proof)).toMatchObject({ removeAfter: later(30 * DAY).toISOString() })
    // In the ledger with the rest.
    const ledger = expectOk(await callAs(store, 'benefits', PEOPLE.office, 'ledger', { kind: 'hospitalization' }))
    expect(ledger.items.map((row) => [row.memberName, row.amountFen, row.approvalRef])).toEqual([['廖月佳', 80_050, `慰问申请 ${ref}（沈丽萍审批）`]])
  })

  it('refuses an amount over what is left of the cap, saying how much is left, and the application waits again', async () => {
    expect(await recordPayout(store, (await store.get('benefitPolicies', 'hospitalization'))!, hospitalStay('stay-earlier', 150_000), NOW)).toBe(true)
    const id = await checkedStay()
    const before = await snapshot(store)
    expect(expectFailure(await approve(PEOPLE.office2, id, 800), 'CONFLICT').message).toBe('超出住院慰问年度限额 ¥2,000：今年已发放 ¥1,500，还可发放 ¥500')
    expect(await snapshot(store)).toEqual(before)
    expect(expectOk(await approve(PEOPLE.office2, id, 500)).amountFen).toBe(50_000)
  })

  it('takes only a form the policy allows, and names what it gives when told', async () => {
    const { id } = expectOk(await apply(MEMBER, { kind: 'retirement', date: '2026-09-30' }))
    expectOk(await check(PEOPLE.office, id, true))
    const before = await snapshot(store)
    const failure = expectFailure(await approve(PEOPLE.office2, id, 500, 'cash'), 'INVALID_INPUT')
    expect(failure).toMatchObject({ message: '退休（荣休）只能以实物形式发放', fields: { form: '退休（荣休）只能以实物形式发放' } })
    expect(await snapshot(store)).toEqual(before)
    const view = expectOk(await callAs(store, 'benefits', PEOPLE.office2, 'decideApplication', { applicationId: id, approve: true, amount: 680, form: 'inKind', item: '荣休水晶杯' }))
    expect(view).toMatchObject({ item: '荣休水晶杯', form: 'inKind', amountFen: 68_000 })
  })

  it('returns it with the reason, telling the member', async () => {
    const id = await checkedStay()
    const view = expectOk(await giveBack(PEOPLE.office2, id, '非本年度住院，请核实', later(HOUR)))
    expect(view).toMatchObject({ state: 'returned', returns: [{ step: 'office', stepLabel: '校工会', byName: '沈丽萍', reason: '非本年度住院，请核实' }] })
    const texts = (await messagesOf(MEMBER, 'benefitApplication')).map((message) => message.text)
    expect(texts).toEqual(['住院慰问申请已通过分工会审核，等待校工会审批', '住院慰问申请被校工会退回：非本年度住院，请核实'])
    expect(await store.find('auditLog', { action: 'benefits.decideApplication' })).toMatchObject([{ after: { 状态: '已退回（校工会）', 退回原因: '非本年度住院，请核实' } }])
  })

  it('is not the office’s own to take: not on their own application, nor one they checked; someone else must', async () => {
    // 周建华 (office) applies; 沈丽萍 (office) checks it, so neither may decide it.
    const { id } = expectOk(await apply(PEOPLE.office, stay()))
    expectOk(await check(PEOPLE.office2, id, true))
    const before = await snapshot(store)
    expect(expectFailure(await approve(PEOPLE.office, id, 800), 'FORBIDDEN').message).toBe('不能审批自己的慰问申请，请由其他管理员审批')
    expect(expectFailure(await giveBack(PEOPLE.office, id, '撤回'), 'FORBIDDEN').message).toBe('不能审批自己的慰问申请，请由其他管理员审批')
    expect(expectFailure(await approve(PEOPLE.office2, id, 800), 'FORBIDDEN').message).toBe('审核与审批须由不同的人进行：您已审核过这份申请，请由校工会其他管理员审批')
    expect(expectFailure(await approve(PEOPLE.unitAdmin, id, 800), 'FORBIDDEN').message).toBe('仅校工会管理员可以进行此操作')
    expect(await snapshot(store)).toEqual(before)
    await makeOffice('m0025')
    expectOk(await approve('m0025', id, 800))
  })

  it('refuses a decision on what is not waiting for one, changing nothing', async () => {
    const { id } = expectOk(await apply(MEMBER, stay()))
    const before = await snapshot(store)
    expect(expectFailure(await approve(PEOPLE.office2, id, 800), 'CONFLICT').message).toBe('这份申请待分工会审核，不能再审批，请刷新后查看')
    expect(await snapshot(store)).toEqual(before)
    expectOk(await check(PEOPLE.office, id, true))
    expectOk(await approve(PEOPLE.office2, id, 800))
    expect(expectFailure(await giveBack(PEOPLE.office2, id, '重复'), 'CONFLICT').message).toBe('这份申请已审批发放，不能再审批，请刷新后查看')
  })

  it('refuses a member who no longer qualifies on the day of the decision', async () => {
    const id = await checkedStay()
    await store.update('members', { _id: MEMBER }, { $set: { duesPaid: false } })
    expect(expectFailure(await approve(PEOPLE.office2, id, 800), 'FORBIDDEN').message).toBe('廖月佳现在不符合住院慰问的条件：会费未按时缴纳。不能批准，可退回并说明原因')
  })

  it.each([1, 2, 3, 4, 5])('taken by two of the office at once (seed %i): one decision, one payout', async (seed) => {
    await reseed(seed)
    await makeOffice('m0025')
    const id = await checkedStay()
    const results = await Promise.all([approve(PEOPLE.office2, id, 800), approve('m0025', id, 600), giveBack('m0025', id, '材料不全')])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    for (const failure of results.filter((result) => !result.ok)) expectFailure(failure, 'CONFLICT')
    const application = (await store.get('benefitApplications', id))!
    const payouts = await store.find('benefitPayouts', { kind: 'hospitalization' })
    if (application.state === 'approved') {
      expect(payouts).toHaveLength(1)
      expect(await store.get('benefitTallies', tallyId(2026, MEMBER, 'hospitalization'))).toMatchObject({ totalFen: payouts[0].amountFen, count: 1 })
    } else {
      expect(application.state).toBe('returned')
      expect(payouts).toHaveLength(0)
    }
    expect(await store.count('auditLog', { action: 'benefits.decideApplication' })).toBe(1)
  })

  it('finishes an approval cut off after its payout once its lease has run out, from the payout written', async () => {
    const id = await checkedStay()
    // An approval by 沈丽萍 that wrote its payout, then stopped.
    await store.update('benefitApplications', { _id: id }, { $set: { state: 'approving', approvingToken: 'cut-off', approvingUntil: later(40_000).toISOString() } })
    const policy = (await store.get('benefitPolicies', 'hospitalization'))!
    await recordPayout(store, policy, { ...hospitalStay(`application-${id}`, 70_000), approverId: PEOPLE.office2, approverName: '沈丽萍' }, NOW)
    await makeOffice('m0025')
    expect(expectFailure(await approve('m0025', id, 900, 'cash', later(30_000)), 'CONFLICT').message).toBe('这份申请正在由其他管理员审批，请稍后刷新查看')
    const view = expectOk(await approve('m0025', id, 900, 'cash', later(60_000)))
    expect(view).toMatchObject({ state: 'approved', amountFen: 70_000, decidedByName: '沈丽萍' })
    expect(await store.count('benefitPayouts', { kind: 'hospitalization' })).toBe(1)
    expect(await store.get('benefitTallies', tallyId(2026, MEMBER, 'hospitalization'))).toMatchObject({ totalFen: 70_000, count: 1 })
  })
})

describe('who sees an application and its proofs', () => {
  it('gives its unit admin and the union office links to the proofs, each look audited; nobody else', async () => {
    const proof = await upload()
    const { id } = expectOk(await apply(UNIT05_MEMBER, stay({ proofFileIds: [proof] })))
    for (const who of [PEOPLE.unitAdmin, PEOPLE.office]) {
      const detail = expectOk(await callAs(store, 'benefits', who, 'application', { applicationId: id }))
      expect(detail).toMatchObject({ id, memberName: '田博平', proofCount: 1 })
      expect(detail.proofUrls).toHaveLength(1)
    }
    expect((await store.find('auditLog', { action: 'benefits.viewApplication' }, { sort: { actorName: 1 } })).map((entry) => [entry.actorName, entry.target, entry.after])).toEqual([
      ['周建华', '住院慰问：田博平（200006）', { 证明材料: '1 张' }],
      ['胡静', '住院慰问：田博平（200006）', { 证明材料: '1 张' }],
    ])
    const before = await snapshot(store)
    for (const who of [PEOPLE.otherUnitAdmin, UNIT05_MEMBER, PEOPLE.unit01Member]) {
      expectFailure(await callAs(store, 'benefits', who, 'application', { applicationId: id }), 'FORBIDDEN')
    }
    expect(await snapshot(store)).toEqual(before)
  })

  it('keeps proofs while the application waits, and deletes them 30 days after its decision', async () => {
    const proof = await upload()
    const id = await checkedStay(MEMBER, { proofFileIds: [proof] })
    const purge = (at: Date) => runJob(store, 'exports', 'purgeFiles', { now: at })
    // The upload's hour has long passed: the proof is still there.
    await purge(later(2 * DAY))
    expect(await testFiles.read(proof)).toEqual(PNG)
    expectOk(await approve(PEOPLE.office2, id, 800, 'cash', later(3 * DAY)))
    await purge(later(32 * DAY))
    expect(await testFiles.read(proof)).toEqual(PNG)
    await purge(later(33 * DAY))
    expect(await testFiles.read(proof)).toBeNull()
    // The application answers without links to what is gone.
    expect(expectOk(await callAs(store, 'benefits', PEOPLE.office, 'application', { applicationId: id })).proofUrls).toEqual([])
  })
})

describe('queues', () => {
  it('show the union office what awaits its decision, a unit admin their unit’s awaiting a check, and any state asked for', async () => {
    const first = expectOk(await apply(UNIT05_MEMBER, stay())).id
    const second = expectOk(await apply(UNIT05_MEMBER2, stay(), later(HOUR))).id
    const other = expectOk(await apply(MEMBER, stay())).id
    expectOk(await check(PEOPLE.unitAdmin, first, true))
    expectOk(await check(PEOPLE.office, other, false, '请上传住院证明'))
    const ids = async (who: string, input: Record<string, unknown>) => expectOk(await callAs(store, 'benefits', who, 'applicationQueue', input)).items.map((item) => item.id)
    expect(await ids(PEOPLE.office, {})).toEqual([first])
    expect(await ids(PEOPLE.unitAdmin, { unitId: 'unit05' })).toEqual([second])
    expect(await ids(PEOPLE.office, { state: 'returned' })).toEqual([other])
    expect(await ids(PEOPLE.office, { state: 'submitted', unitId: 'unit05' })).toEqual([second])
    expect(await ids(PEOPLE.unitAdmin, { unitId: 'unit05', state: 'checked' })).toEqual([first])
    expectFailure(await callAs(store, 'benefits', PEOPLE.unitAdmin, 'applicationQueue', {}), 'FORBIDDEN')
    expectFailure(await callAs(store, 'benefits', PEOPLE.otherUnitAdmin, 'applicationQueue', { unitId: 'unit05' }), 'FORBIDDEN')
  })
})

/**
 * The same races on the CloudBase adapter, whose transactions run side by side under snapshot isolation (SQLite runs
 * them one after another): one application per event, one decision per application.
 */
describe('on CloudBase', () => {
  let standIn: CloudBaseStandIn

  beforeEach(async () => {
    ;({ store, standIn } = await cloudBaseDemo())
    await withoutDemoApplications(store)
  })

  afterEach(() => standIn.close())

  it.each([1, 2, 3])('the same event applied for three times at once (round %i): one application', async () => {
    const results = await Promise.all([apply(MEMBER, stay()), apply(MEMBER, stay({ note: '再次提交' })), apply(MEMBER, stay({ note: '第三次' }))])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    for (const failure of results.filter((result) => !result.ok)) expect(expectFailure(failure, 'CONFLICT').message).toMatch(/^这件事已申请过住院慰问/)
    expect(await store.count('benefitApplications')).toBe(1)
  })

  it.each([1, 2, 3])('two approvals and a return at once (round %i): one decision, at most one payout', async () => {
    await makeOffice('m0025')
    const id = await checkedStay()
    const results = await Promise.all([approve(PEOPLE.office2, id, 800), approve('m0025', id, 600), giveBack('m0025', id, '材料不全')])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    const { state } = (await store.get('benefitApplications', id))!
    expect(await store.count('benefitPayouts', { kind: 'hospitalization' })).toBe(state === 'approved' ? 1 : 0)
    expect(await store.count('auditLog', { action: 'benefits.decideApplication' })).toBe(1)
  })
})

/** Granting and revoking roles by the union office, and authorization following the stored grants. */
import { NOW, PEOPLE, callAs, expectFailure, expectOk, later, memberEdit, noticeInput, seededStore, snapshot, type TestStore } from './harness'

let store: TestStore

beforeEach(async () => {
  store = await seededStore()
})

afterEach(() => store.close())

/** m0058, 邵文, staff number 200058, of unit03 (后勤保障分工会); holds no role in the seed. */
const GRANTEE = PEOPLE.unit03Member
const GRANTEE_STAFF_NO = '200058'
const UNIT05_ADMIN = { role: 'unitAdmin', scope: 'unit05', label: '分工会管理员（文学院分工会）' }

const grant = (payload: Record<string, unknown>, who: string = PEOPLE.office) => callAs(store, 'members', who, 'grantRole', payload)
const revoke = (payload: Record<string, unknown>, who: string = PEOPLE.office) => callAs(store, 'members', who, 'revokeRole', payload)
const holders = async () => expectOk(await callAs(store, 'members', PEOPLE.office, 'roleHolders'))
const DELEGATE = { role: 'delegate', scope: 'session-6-2', label: '教代会代表（六届二次）' }

const auditEntries = (action: string) => store.find('auditLog', { action }, { sort: { at: 1 } })

describe('roleHolders', () => {
  it('lists the seed’s role holders by staff number, with labels', async () => {
    expect(await holders()).toEqual([
      { memberId: 'm0001', name: '周建华', staffNo: '100001', unitName: '机关第一分工会', roles: [{ role: 'unionOffice', label: '校工会管理员' }] },
      { memberId: 'm0002', name: '沈丽萍', staffNo: '100002', unitName: '机关第一分工会', roles: [{ role: 'unionOffice', label: '校工会管理员' }] },
      {
        memberId: 'm0010',
        name: '胡静',
        staffNo: '200010',
        unitName: '教师教育学院分工会',
        roles: [UNIT05_ADMIN, { role: 'delegate', scope: 'session-6-2', label: '教代会代表（六届二次）' }],
      },
      { memberId: 'm0011', name: '程欣', staffNo: '200011', unitName: '马克思主义学院分工会', roles: [{ role: 'delegate', scope: 'session-6-2', label: '教代会代表（六届二次）' }] },
      { memberId: 'm0012', name: '吕丽颖', staffNo: '200012', unitName: '文学院分工会', roles: [{ role: 'clubAdmin', scope: 'club-badminton', label: '俱乐部负责人（羽毛球俱乐部）' }] },
      { memberId: 'm0013', name: '段鹏', staffNo: '200013', unitName: '机关第二分工会', roles: [{ role: 'handlingDept', scope: 'dept-logistics', label: '承办部门（后勤管理处）' }] },
      {
        memberId: 'm0014',
        name: '许晶洁',
        staffNo: '200014',
        unitName: '经济管理学院分工会',
        roles: [{ role: 'unitAdmin', scope: 'unit08', label: '分工会管理员（化学与材料工程学院分工会）' }],
      },
      // 六届二次's other delegates, and a member of its proposal committee.
      { memberId: 'm0032', name: '叶杰龙', staffNo: '200032', unitName: '化学与材料工程学院分工会', roles: [DELEGATE] },
      { memberId: 'm0033', name: '宋佳菲', staffNo: '200033', unitName: '化学与材料工程学院分工会', roles: [DELEGATE] },
      { memberId: 'm0034', name: '贾霞', staffNo: '200034', unitName: '工学院分工会', roles: [DELEGATE] },
      { memberId: 'm0035', name: '卢芳', staffNo: '200035', unitName: '图书馆分工会', roles: [DELEGATE] },
      { memberId: 'm0036', name: '向斌', staffNo: '200036', unitName: '图文信息中心分工会', roles: [DELEGATE] },
      { memberId: 'm0037', name: '杨菲', staffNo: '200037', unitName: '图书馆分工会', roles: [DELEGATE] },
      { memberId: 'm0038', name: '高俊勇', staffNo: '200038', unitName: '继续教育学院分工会', roles: [DELEGATE] },
      { memberId: 'm0039', name: '毛军', staffNo: '200039', unitName: '教师教育学院分工会', roles: [DELEGATE] },
      { memberId: 'm0040', name: '徐琪', staffNo: '200040', unitName: '化学与材料工程学院分工会', roles: [{ role: 'committee', scope: 'session-6-2', label: '提案工作委员会委员（六届二次）' }] },
    ])
  })

  it('leaves out a role holder who has left', async () => {
    await store.update('members', { _id: PEOPLE.delegate }, { $set: { status: 'left' } })
    expect((await holders()).map((holder) => holder.memberId)).toEqual(['m0001', 'm0002', 'm0010', 'm0012', 'm0013', 'm0014', 'm0032', 'm0033', 'm0034', 'm0035', 'm0036', 'm0037', 'm0038', 'm0039', 'm0040'])
  })

  it('is refused to a member, even one holding a scoped role', async () => {
    expectFailure(await callAs(store, 'members', PEOPLE.unitAdmin, 'roleHolders'), 'FORBIDDEN')
  })
})

describe('grantRole', () => {
  it('grants unitAdmin by staff number: answered, listed with its label, and shown in the member’s me', async () => {
    const holder = expectOk(await grant({ staffNo: GRANTEE_STAFF_NO, role: 'unitAdmin', scope: 'unit05' }))
    expect(holder).toEqual({ memberId: GRANTEE, name: '邵文', staffNo: GRANTEE_STAFF_NO, unitName: '后勤保障分工会', roles: [UNIT05_ADMIN] })
    expect(await holders()).toContainEqual(holder)
    expect(expectOk(await callAs(store, 'members', GRANTEE, 'me')).roles).toEqual([UNIT05_ADMIN])
    expect((await store.get('members', GRANTEE))?.roles).toEqual(['unitAdmin:unit05'])
  })

  it('is idempotent: granting twice stores the grant once and writes one audit entry', async () => {
    const first = expectOk(await grant({ staffNo: GRANTEE_STAFF_NO, role: 'unitAdmin', scope: 'unit05' }))
    const second = expectOk(await grant({ staffNo: GRANTEE_STAFF_NO, role: 'unitAdmin', scope: 'unit05' }))
    expect(second).toEqual(first)
    expect((await store.get('members', GRANTEE))?.roles).toEqual(['unitAdmin:unit05'])
    const entries = await auditEntries('members.grantRole')
    expect(entries).toHaveLength(1)
    expect(entries[0]).toEqual({
      _id: expect.any(String),
      at: expect.any(String),
      actorId: PEOPLE.office,
      actorName: '周建华',
      action: 'members.grantRole',
      targetType: 'member',
      targetId: GRANTEE,
      target: '邵文（200058）',
      before: { 角色: [] },
      after: { 角色: ['分工会管理员（文学院分工会）'] },
    })
  })

  it('adds to the roles a member holds, with the same role in another scope as another grant', async () => {
    const holder = expectOk(await grant({ staffNo: '200010', role: 'unitAdmin', scope: 'unit06' }))
    expect(holder.roles.map((view) => view.label)).toEqual([
      '分工会管理员（文学院分工会）',
      '教代会代表（六届二次）',
      '分工会管理员（外国语学院分工会）',
    ])
    const [entry] = await auditEntries('members.grantRole')
    expect(entry.before).toEqual({ 角色: ['分工会管理员（文学院分工会）', '教代会代表（六届二次）'] })
    expect(entry.after).toEqual({ 角色: ['分工会管理员（文学院分工会）', '教代会代表（六届二次）', '分工会管理员（外国语学院分工会）'] })
  })

  it('grants each scoped role for a document of its own collection, labelled by its name', async () => {
    const grants = [
      { role: 'delegate', scope: 'session-6-2', label: '教代会代表（六届二次）' },
      { role: 'clubAdmin', scope: 'club-yoga', label: '俱乐部负责人（瑜伽协会）' },
      { role: 'handlingDept', scope: 'dept-hr', label: '承办部门（人事处）' },
    ]
    for (const { role, scope } of grants) expectOk(await grant({ staffNo: GRANTEE_STAFF_NO, role, scope }))
    expect(expectOk(await callAs(store, 'members', GRANTEE, 'me')).roles).toEqual(grants)
    expect((await store.get('members', GRANTEE))?.roles).toEqual(['delegate:session-6-2', 'clubAdmin:club-yoga', 'handlingDept:dept-hr'])
  })

  it('refuses a scope that names nothing in the role’s collection, changing nothing', async () => {
    const before = await snapshot(store)
    const failure = expectFailure(await grant({ staffNo: GRANTEE_STAFF_NO, role: 'clubAdmin', scope: 'dept-hr' }), 'INVALID_INPUT')
    expect(failure).toMatchObject({ message: '所选俱乐部不存在，请重新选择', fields: { scope: '所选俱乐部不存在' } })
    expect(await snapshot(store)).toEqual(before)
  })

  it('answers NOT_FOUND for an unknown staff number or a member who has left, changing nothing', async () => {
    await store.update('members', { _id: GRANTEE }, { $set: { status: 'left' } })
    const before = await snapshot(store)
    expectFailure(await grant({ staffNo: '999999', role: 'delegate', scope: 'session-6-2' }), 'NOT_FOUND')
    expectFailure(await grant({ staffNo: GRANTEE_STAFF_NO, role: 'delegate', scope: 'session-6-2' }), 'NOT_FOUND')
    expect(await snapshot(store)).toEqual(before)
  })

  it('is refused to a unit admin and to a member, changing nothing', async () => {
    const before = await snapshot(store)
    for (const who of [PEOPLE.unitAdmin, PEOPLE.unit01Member]) {
      expectFailure(await grant({ staffNo: GRANTEE_STAFF_NO, role: 'unionOffice' }, who), 'FORBIDDEN')
    }
    expect(await snapshot(store)).toEqual(before)
  })
})

describe('revokeRole', () => {
  it('removes the grant, answers the holder without it, and audits before and after', async () => {
    const holder = expectOk(await revoke({ memberId: PEOPLE.unitAdmin, role: 'unitAdmin', scope: 'unit05' }))
    expect(holder).toMatchObject({ memberId: PEOPLE.unitAdmin, roles: [{ role: 'delegate', scope: 'session-6-2', label: '教代会代表（六届二次）' }] })
    expect((await store.get('members', PEOPLE.unitAdmin))?.roles).toEqual(['delegate:session-6-2'])
    expect(expectOk(await callAs(store, 'members', PEOPLE.unitAdmin, 'me')).roles).toEqual([
      { role: 'delegate', scope: 'session-6-2', label: '教代会代表（六届二次）' },
    ])
    const entries = await auditEntries('members.revokeRole')
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      actorId: PEOPLE.office,
      targetType: 'member',
      targetId: PEOPLE.unitAdmin,
      target: '胡静（200010）',
      before: { 角色: ['分工会管理员（文学院分工会）', '教代会代表（六届二次）'] },
      after: { 角色: ['教代会代表（六届二次）'] },
    })
  })

  it('drops a member with no roles left from roleHolders', async () => {
    expectOk(await revoke({ memberId: PEOPLE.delegate, role: 'delegate', scope: 'session-6-2' }))
    expect((await holders()).map((holder) => holder.memberId)).not.toContain(PEOPLE.delegate)
  })

  it('revokes only the exact grant: another scope of the same role is a no-op, audited by nothing', async () => {
    const before = await snapshot(store)
    const holder = expectOk(await revoke({ memberId: PEOPLE.unitAdmin, role: 'unitAdmin', scope: 'unit06' }))
    expect(holder.roles.map((view) => view.label)).toEqual(['分工会管理员（文学院分工会）', '教代会代表（六届二次）'])
    expectOk(await revoke({ memberId: PEOPLE.unitAdmin, role: 'unitAdmin' }))
    expect(await snapshot(store)).toEqual(before)
  })

  it('cannot revoke one’s own union office role', async () => {
    const before = await snapshot(store)
    const failure = expectFailure(await revoke({ memberId: PEOPLE.office, role: 'unionOffice' }), 'FORBIDDEN')
    expect(failure.message).toContain('不能撤销自己的校工会管理员角色')
    expect(await snapshot(store)).toEqual(before)
  })

  it('answers NOT_FOUND for a member id that does not exist', async () => {
    expectFailure(await revoke({ memberId: 'm9999', role: 'delegate', scope: 'session-6-2' }), 'NOT_FOUND')
  })
})

describe('authorization follows the stored grants', () => {
  it('a member granted unionOffice can then publish a notice and grant roles', async () => {
    expectFailure(await callAs(store, 'notices', GRANTEE, 'publish', noticeInput()), 'FORBIDDEN')
    const holder = expectOk(await grant({ staffNo: GRANTEE_STAFF_NO, role: 'unionOffice' }))
    expect(holder.roles).toEqual([{ role: 'unionOffice', label: '校工会管理员' }])
    const { id } = expectOk(await callAs(store, 'notices', GRANTEE, 'publish', noticeInput({ title: '新管理员发布的通知' }), { now: later(1000) }))
    expect(await store.get('notices', id)).toMatchObject({ title: '新管理员发布的通知', createdBy: GRANTEE })
    expectOk(await grant({ staffNo: '200019', role: 'delegate', scope: 'session-6-2' }, GRANTEE))
  })

  it('revoking unionOffice from m0002 makes their publish FORBIDDEN', async () => {
    expectOk(await callAs(store, 'notices', PEOPLE.office2, 'publish', noticeInput()))
    const holder = expectOk(await revoke({ memberId: PEOPLE.office2, role: 'unionOffice' }))
    expect(holder.roles).toEqual([])
    const before = await snapshot(store)
    const failure = expectFailure(await callAs(store, 'notices', PEOPLE.office2, 'publish', noticeInput()), 'FORBIDDEN')
    expect(failure.message).toBe('仅校工会管理员可以进行此操作')
    expect(await snapshot(store)).toEqual(before)
    // Still a member: their own profile works, with no roles.
    expect(expectOk(await callAs(store, 'members', PEOPLE.office2, 'me')).roles).toEqual([])
  })

  it('a unit admin scope grants no union office powers', async () => {
    expectFailure(await callAs(store, 'notices', PEOPLE.unitAdmin, 'publish', noticeInput()), 'FORBIDDEN')
    expectFailure(await callAs(store, 'audit', PEOPLE.unitAdmin, 'list', {}), 'FORBIDDEN')
  })
})

describe('the union keeps a union office admin, however changes interleave', () => {
  /** Current union office admins (not 离校). */
  const admins = async (on: TestStore) =>
    (await on.find('members', { roles: 'unionOffice', status: { $ne: 'left' } }, { sort: { _id: 1 } })).map((member) => member._id)

  const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8]

  it.each(SEEDS)('two admins revoking each other at once (seed %i): one succeeds, the other is refused, one admin remains', async (seed) => {
    const racing = await seededStore(NOW, seed)
    try {
      const results = await Promise.all([
        callAs(racing, 'members', PEOPLE.office, 'revokeRole', { memberId: PEOPLE.office2, role: 'unionOffice' }),
        callAs(racing, 'members', PEOPLE.office2, 'revokeRole', { memberId: PEOPLE.office, role: 'unionOffice' }),
      ])
      expect(results.filter((result) => result.ok)).toHaveLength(1)
      const refused = expectFailure(results.find((result) => !result.ok)!, 'FORBIDDEN')
      expect(refused.message).toBe('您的校工会管理员角色已被撤销（可能有其他管理员同时操作），这次操作没有执行')
      expect(await admins(racing)).toHaveLength(1)
      expect(await racing.count('auditLog', { action: 'members.revokeRole' })).toBe(1)
    } finally {
      racing.close()
    }
  })

  it.each(SEEDS)('two admins marking each other 离校 at once (seed %i): one admin remains', async (seed) => {
    const racing = await seededStore(NOW, seed)
    try {
      const leave = (who: string, target: string) =>
        callAs(racing, 'members', who, 'updateMember', { memberId: target, member: memberEdit(target, { status: 'left' }) })
      const results = await Promise.all([leave(PEOPLE.office, PEOPLE.office2), leave(PEOPLE.office2, PEOPLE.office)])
      expect(results.filter((result) => result.ok)).toHaveLength(1)
      expect(await admins(racing)).toHaveLength(1)
    } finally {
      racing.close()
    }
  })
})

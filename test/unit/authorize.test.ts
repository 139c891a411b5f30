/** The one policy check: plain policies, rules with scopes from the input or the store, and which grants matched. */
import { anyScope, authorize, clubAdmin, delegate, handlingDept, scopesOf, unionOffice, unitAdmin, type Policy } from '../../cloudfunctions/core/authorize'
import type { MemberDoc } from '../../cloudfunctions/core/collections'
import type { Caller } from '../../cloudfunctions/core/context'
import { AppError } from '../../cloudfunctions/core/errors'
import type { Store } from '../../cloudfunctions/core/store/port'

function member(roles: string[], status: MemberDoc['status'] = 'active'): MemberDoc {
  return {
    _id: 'm1',
    staffNo: '200001',
    name: '李静',
    gender: 'female',
    birthDate: '1985-03-02',
    unitId: 'unit01',
    phone: '13812345678',
    status,
    memberSince: '2010-09-01',
    duesPaid: true,
    roles,
    createdAt: '2026-01-01T00:00:00.000Z',
  }
}

const as = (roles: string[], status?: MemberDoc['status']): Caller => ({ kind: 'user', openid: 'o1', member: member(roles, status) })

/** Only what the scope resolvers below read: one event document and its club. */
const store = {
  async get(collection: string, id: string) {
    return collection === 'events' && id === 'e1' ? { _id: 'e1', clubId: 'club-yoga' } : null
  },
} as unknown as Store

async function refusal(policy: Policy<never>, caller: Caller, input: unknown = {}) {
  try {
    await authorize(policy as Policy<unknown>, caller, input, store)
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message }
    throw error
  }
  throw new Error('expected a refusal')
}

describe('plain policies', () => {
  it('user: any signed-in WeChat user, bound or not', async () => {
    expect(await authorize('user', { kind: 'user', openid: 'o9', member: null }, {}, store)).toEqual({ openid: 'o9', grants: [] })
    expect(await refusal('user', { kind: 'anonymous' })).toEqual({ code: 'NOT_SIGNED_IN', message: '请先登录' })
  })

  it('member: a bound member who has not left', async () => {
    expect(await authorize('member', as([]), {}, store)).toMatchObject({ openid: 'o1', grants: [] })
    expect(await refusal('member', { kind: 'user', openid: 'o9', member: null })).toMatchObject({ code: 'NOT_BOUND' })
    expect(await refusal('member', as([], 'left'))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('离校') })
  })

  it('a member who has left is refused even holding the union office role', async () => {
    expect(await refusal([unionOffice], as(['unionOffice'], 'left'))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('离校') })
  })
})

describe('rules', () => {
  const ofUnit = [unionOffice, unitAdmin(({ unitId }: { unitId?: string }) => unitId ?? anyScope)]

  it('the union office matches every rule list naming it, with its own grant', async () => {
    expect((await authorize(ofUnit, as(['unionOffice']), { unitId: 'unit07' }, store)).grants).toEqual([{ role: 'unionOffice' }])
  })

  it('a unit admin matches for the unit the input names, and only with that grant', async () => {
    const { grants } = await authorize(ofUnit, as(['unitAdmin:unit05', 'unitAdmin:unit06', 'delegate:s1']), { unitId: 'unit06' }, store)
    expect(grants).toEqual([{ role: 'unitAdmin', scope: 'unit06' }])
  })

  it('a unit admin of another unit is told it is not theirs', async () => {
    expect(await refusal(ofUnit, as(['unitAdmin:unit05']), { unitId: 'unit06' })).toEqual({ code: 'FORBIDDEN', message: '您只能处理本人所负责分工会的事务' })
  })

  it('anyScope: every grant of the role matches (a list over the caller’s own units)', async () => {
    const { grants } = await authorize(ofUnit, as(['unitAdmin:unit05', 'unitAdmin:unit06']), {}, store)
    expect(grants).toEqual([
      { role: 'unitAdmin', scope: 'unit05' },
      { role: 'unitAdmin', scope: 'unit06' },
    ])
    expect(scopesOf(grants, 'unitAdmin')).toEqual(['unit05', 'unit06'])
  })

  it('a member with none of the roles is told who may', async () => {
    expect(await refusal(ofUnit, as(['delegate:s1']), { unitId: 'unit05' })).toEqual({ code: 'FORBIDDEN', message: '仅校工会管理员或分工会管理员可以进行此操作' })
    expect(await refusal([unionOffice], as([]))).toEqual({ code: 'FORBIDDEN', message: '仅校工会管理员可以进行此操作' })
  })

  it('a scope worked out from the store: the club admin of the club an event belongs to', async () => {
    const eventsClub = clubAdmin(async ({ eventId }: { eventId: string }, reader: Store) => {
      const event = (await reader.get('events' as never, eventId)) as { clubId: string } | null
      return event?.clubId
    })
    const policy = [unionOffice, eventsClub]
    expect((await authorize(policy, as(['clubAdmin:club-yoga']), { eventId: 'e1' }, store)).grants).toEqual([{ role: 'clubAdmin', scope: 'club-yoga' }])
    expect(await refusal(policy, as(['clubAdmin:club-photo']), { eventId: 'e1' })).toEqual({ code: 'FORBIDDEN', message: '您只能管理本人负责的俱乐部' })
    // A missing event belongs to no club: no club admin matches (the union office is told it is missing by the action).
    expect(await refusal(policy, as(['clubAdmin:club-yoga']), { eventId: 'e404' })).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('resolves a scope only for a caller holding the role', async () => {
    const resolver = jest.fn(() => 's1')
    await refusal([delegate(resolver)], as(['unitAdmin:unit05']))
    expect(resolver).not.toHaveBeenCalled()
    await authorize([delegate(resolver)], as(['delegate:s1']), {}, store)
    expect(resolver).toHaveBeenCalledTimes(1)
  })

  it('a delegate of another session and a handler of another department are told so', async () => {
    expect(await refusal([delegate(() => 's2')], as(['delegate:s1']))).toEqual({ code: 'FORBIDDEN', message: '您不是本届次的教代会代表，不能进行此操作' })
    expect(await refusal([handlingDept(() => 'dept-hr')], as(['handlingDept:dept-logistics']))).toEqual({
      code: 'FORBIDDEN',
      message: '此事项没有交由您所在的部门办理',
    })
  })

  it('several rules: every matching grant is handed over', async () => {
    const policy = [unionOffice, delegate(() => 's1'), unitAdmin(() => 'unit05')]
    const { grants } = await authorize(policy, as(['unionOffice', 'delegate:s1', 'unitAdmin:unit06']), {}, store)
    expect(grants).toEqual([{ role: 'unionOffice' }, { role: 'delegate', scope: 's1' }])
    expect(scopesOf(grants, 'unitAdmin')).toBe('all')
  })

  it('ignores stored grants that name no known role', async () => {
    expect(await refusal([unionOffice], as(['admin', 'unionoffice']))).toMatchObject({ code: 'FORBIDDEN' })
  })
})

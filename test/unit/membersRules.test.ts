/** The pure rules of members: binding attempts and the lock-out, matching details, role scopes and labels, profiles. */
import type { MemberDoc, UnitDoc } from '../../cloudfunctions/core/collections'
import type { ScopeNames } from '../../cloudfunctions/core/roleScopes'
import {
  detailsMatch,
  grantView,
  grantViews,
  mismatchMessage,
  scopeProblem,
  toProfile,
} from '../../cloudfunctions/members/rules'
import { ROLES } from '../../types/roles'

const NOW = new Date('2026-11-20T02:00:00.000Z')

/** What each scope id is called, as the store would answer it. */
const NAMES: ScopeNames = {
  units: new Map([
    ['unit01', '机关第一分工会'],
    ['unit05', '文学院分工会'],
  ]),
  congressSessions: new Map([['session-6-2', '六届二次']]),
  clubs: new Map([['club-badminton', '羽毛球俱乐部']]),
  departments: new Map([['dept-hr', '人事处']]),
}

function member(overrides: Partial<MemberDoc> = {}): MemberDoc {
  return {
    _id: 'm0100',
    staffNo: '200100',
    name: '李静',
    gender: 'female',
    birthDate: '1980-05-12',
    unitId: 'unit01',
    phone: '13812345678',
    status: 'active',
    memberSince: '2005-09-01',
    duesPaid: true,
    roles: [],
    createdAt: NOW.toISOString(),
    ...overrides,
  }
}

describe('detailsMatch', () => {
  it('matches the name and the last four digits of the phone', () => {
    expect(detailsMatch(member(), '李静', '5678')).toBe(true)
  })

  it.each([
    ['no member (unknown staff number)', null, '李静', '5678'],
    ['a wrong name', member(), '李敬', '5678'],
    ['a name with a space', member(), '李 静', '5678'],
    ['a partial name', member(), '李', '5678'],
    ['wrong phone digits', member(), '李静', '5679'],
    ['the first four phone digits', member(), '李静', '1381'],
    ['empty phone digits', member(), '李静', ''],
  ])('refuses %s', (_what, candidate, name, phoneLast4) => {
    expect(detailsMatch(candidate, name, phoneLast4)).toBe(false)
  })
})

describe('mismatchMessage', () => {
  it('says how many tries are left', () => {
    expect([1, 2, 3, 4].map(mismatchMessage)).toEqual([
      '工号、姓名或手机号后四位不匹配，请核对后重试（还可尝试 4 次）',
      '工号、姓名或手机号后四位不匹配，请核对后重试（还可尝试 3 次）',
      '工号、姓名或手机号后四位不匹配，请核对后重试（还可尝试 2 次）',
      '工号、姓名或手机号后四位不匹配，请核对后重试（还可尝试 1 次）',
    ])
  })

  it('says to wait once the failure fills the window (or others overtook it)', () => {
    expect(mismatchMessage(5)).toBe('信息不匹配，尝试次数过多，请 15 分钟后再试')
    expect(mismatchMessage(6)).toBe('信息不匹配，尝试次数过多，请 15 分钟后再试')
  })
})

describe('scopeProblem', () => {
  it('takes unionOffice without a scope only', () => {
    expect(scopeProblem({ role: 'unionOffice' })).toBeUndefined()
    expect(scopeProblem({ role: 'unionOffice', scope: 'unit01' })).toBe('校工会管理员不分范围，请不要填写范围')
  })

  it.each(ROLES.filter((role) => role !== 'unionOffice'))('needs a scope for %s', (role) => {
    expect(scopeProblem({ role, scope: 'x' })).toBeUndefined()
    expect(scopeProblem({ role })).toMatch(/^请选择.+的.+$/)
  })

  it('names the role in the message', () => {
    expect(scopeProblem({ role: 'unitAdmin' })).toBe('请选择分工会管理员的分工会')
    expect(scopeProblem({ role: 'delegate' })).toBe('请选择教代会代表的届次')
    expect(scopeProblem({ role: 'clubAdmin' })).toBe('请选择俱乐部负责人的俱乐部')
    expect(scopeProblem({ role: 'handlingDept' })).toBe('请选择承办部门的部门')
  })
})

describe('grantView and grantViews', () => {
  it('labels unionOffice without a scope', () => {
    expect(grantView('unionOffice', NAMES)).toEqual({ role: 'unionOffice', label: '校工会管理员' })
  })

  it('labels a unit admin by the unit’s name, keeping the unit id as scope', () => {
    expect(grantView('unitAdmin:unit05', NAMES)).toEqual({ role: 'unitAdmin', scope: 'unit05', label: '分工会管理员（文学院分工会）' })
  })

  it('falls back to the unit id for a unit that no longer exists', () => {
    expect(grantView('unitAdmin:unit99', NAMES)).toEqual({ role: 'unitAdmin', scope: 'unit99', label: '分工会管理员（unit99）' })
  })

  it('labels every scoped role by its scope’s name, from that role’s own collection', () => {
    expect(grantView('delegate:session-6-2', NAMES)).toEqual({ role: 'delegate', scope: 'session-6-2', label: '教代会代表（六届二次）' })
    expect(grantView('clubAdmin:club-badminton', NAMES)?.label).toBe('俱乐部负责人（羽毛球俱乐部）')
    expect(grantView('handlingDept:dept-hr', NAMES)?.label).toBe('承办部门（人事处）')
    // A unit's id names no department.
    expect(grantView('handlingDept:unit05', NAMES)?.label).toBe('承办部门（unit05）')
  })

  it('labels a grant not migrated yet by its scope as written', () => {
    expect(grantView('delegate:六届二次', NAMES)?.label).toBe('教代会代表（六届二次）')
  })

  it('is undefined for an unknown role', () => {
    expect(grantView('member', NAMES)).toBeUndefined()
    expect(grantView('admin:unit01', NAMES)).toBeUndefined()
  })

  it('grantViews keeps the stored order and skips unknown roles', () => {
    expect(grantViews({ roles: ['delegate:session-6-2', 'member', 'unitAdmin:unit01'] }, NAMES)).toEqual([
      { role: 'delegate', scope: 'session-6-2', label: '教代会代表（六届二次）' },
      { role: 'unitAdmin', scope: 'unit01', label: '分工会管理员（机关第一分工会）' },
    ])
    expect(grantViews({ roles: [] }, NAMES)).toEqual([])
  })
})

describe('toProfile', () => {
  const unit: UnitDoc = { _id: 'unit01', name: '机关第一分工会', departments: ['党委办公室'], order: 1 }

  it('answers the member’s own details, full phone and labelled roles, and nothing else', () => {
    expect(toProfile(member({ roles: ['unitAdmin:unit05'] }), unit, NAMES)).toEqual({
      id: 'm0100',
      name: '李静',
      staffNo: '200100',
      unitId: 'unit01',
      unitName: '机关第一分工会',
      status: 'active',
      phone: '13812345678',
      roles: [{ role: 'unitAdmin', scope: 'unit05', label: '分工会管理员（文学院分工会）' }],
    })
  })

  it('answers an empty unit name when the unit is missing', () => {
    expect(toProfile(member({ unitId: 'unit99' }), null, NAMES)).toMatchObject({ unitId: 'unit99', unitName: '' })
  })
})

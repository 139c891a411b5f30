/** The roster import plan: what a file would add, change, leave alone and mark as 离校. */
import {
  diffMember,
  formatRosterValue,
  planImport,
  type ExistingMember,
  type ImportPlan,
  type RosterMember,
} from '../../cloudfunctions/exports/roster/rosterPlan'
import { fileOf, person, stored } from './rosterFixtures'

/** What the store will do with a plan, done in memory: add, update the changed fields, set 离校. */
function apply(existing: ExistingMember[], plan: ImportPlan): ExistingMember[] {
  expect(plan.errors).toEqual([])
  const next = existing.map((member) => ({ ...member }))
  for (const update of plan.update) {
    const target = next.find((member) => member._id === update.id)!
    for (const change of update.changes) Object.assign(target, { [change.field]: change.after })
  }
  for (const left of plan.markLeft) next.find((member) => member._id === left.id)!.status = 'left'
  plan.add.forEach((member, index) => next.push({ _id: `new${index}`, ...member }))
  return next
}

const EXISTING: ExistingMember[] = [
  stored('m1', person('1001')),
  stored('m2', person('1002', { name: '李娜' })),
  stored('m3', person('1003', { name: '王伟', gender: 'male' })),
  stored('m4', person('1004', { name: '赵敏', status: 'left' })),
  stored('m5', person('1005', { name: '孙丽' })),
]

describe('planImport', () => {
  const file = fileOf([
    person('1001'),
    person('1002', { name: '李娜', phone: '13912345678', unitId: 'unit03', duesPaid: false }),
    person('2001', { name: '新同事' }),
  ])

  it('adds unknown 工号, lists changed fields with Chinese labels, and counts the unchanged', () => {
    const plan = planImport(file, EXISTING, { full: false })
    expect(plan.add).toEqual([person('2001', { name: '新同事' })])
    expect(plan.update).toEqual([
      {
        id: 'm2',
        staffNo: '1002',
        name: '李娜',
        changes: [
          { field: 'unitId', label: '所在单位', before: 'unit01', after: 'unit03' },
          { field: 'phone', label: '手机号', before: '13800138000', after: '13912345678' },
          { field: 'duesPaid', label: '会费状态', before: true, after: false },
        ],
      },
    ])
    expect(plan.unchanged).toBe(1)
    expect(plan.errors).toEqual([])
  })

  it('marks nobody left on a partial import', () => {
    expect(planImport(file, EXISTING, { full: false }).markLeft).toEqual([])
  })

  it('on a full import marks members missing from the file as left, skipping those already left', () => {
    expect(planImport(file, EXISTING, { full: true }).markLeft).toEqual([
      { id: 'm3', staffNo: '1003', name: '王伟' },
      { id: 'm5', staffNo: '1005', name: '孙丽' },
    ])
  })

  it('brings a left member back when the file lists them again', () => {
    const plan = planImport(fileOf([person('1004', { name: '赵敏' })]), EXISTING, { full: false })
    expect(plan.update).toEqual([{ id: 'm4', staffNo: '1004', name: '赵敏', changes: [{ field: 'status', label: '人员状态', before: 'left', after: 'active' }] }])
  })

  it('names the person in an update by the name in the file', () => {
    const plan = planImport(fileOf([person('1003', { name: '王 伟', gender: 'male' })]), EXISTING, { full: false })
    expect(plan.update[0]).toMatchObject({ id: 'm3', name: '王 伟', changes: [{ field: 'name', label: '姓名', before: '王伟', after: '王 伟' }] })
  })

  it('is idempotent: after applying a plan, the same file plans nothing', () => {
    for (const full of [false, true]) {
      const first = planImport(file, EXISTING, { full })
      expect(first.add.length + first.update.length + first.markLeft.length).toBeGreaterThan(0)
      const after = apply(EXISTING, first)
      const second = planImport(file, after, { full })
      expect(second).toEqual({ add: [], update: [], unchanged: 3, markLeft: [], errors: [] })
    }
  })

  it('passes the read errors through, and never counts a person with a bad row as missing', () => {
    const errors = [
      { row: 5, staffNo: '1003', message: '手机号“123”不对：应为 1 开头的 11 位数字' },
      { row: 6, message: '工号未填写' },
    ]
    const plan = planImport(fileOf([person('1001'), person('1002', { name: '李娜' })], errors), EXISTING, { full: true })
    expect(plan.errors).toEqual(errors)
    expect(plan.markLeft).toEqual([{ id: 'm5', staffNo: '1005', name: '孙丽' }])
    expect(plan.unchanged).toBe(2)
  })

  it('stores only the roster fields of a row, whatever else the object carries', () => {
    const extra = { ...person('3001'), _id: 'injected', roles: ['unionOffice'] } as RosterMember
    expect(planImport(fileOf([extra]), [], { full: false }).add).toEqual([person('3001')])
  })

  it('plans every stored member as left when a full file holds only unknown people (the preview shows it)', () => {
    const plan = planImport(fileOf([person('9001')]), EXISTING, { full: true })
    expect(plan.add).toHaveLength(1)
    expect(plan.markLeft.map((member) => member.id)).toEqual(['m1', 'm2', 'm3', 'm5'])
  })

  it('does not change its inputs', () => {
    const before = JSON.stringify([file, EXISTING])
    planImport(file, EXISTING, { full: true })
    expect(JSON.stringify([file, EXISTING])).toBe(before)
  })
})

describe('diffMember', () => {
  it('compares every roster field but 工号, in column order', () => {
    const changed = person('1001', {
      name: '甲',
      gender: 'male',
      birthDate: '1970-01-01',
      unitId: 'unit02',
      phone: '13900000000',
      status: 'retired',
      memberSince: '1990-01-01',
      duesPaid: false,
    })
    expect(diffMember(person('1001'), changed).map((change) => change.label)).toEqual([
      '姓名',
      '性别',
      '出生日期',
      '所在单位',
      '手机号',
      '人员状态',
      '入会时间',
      '会费状态',
    ])
    expect(diffMember(person('1001'), person('1001'))).toEqual([])
  })
})

describe('formatRosterValue', () => {
  it('reads values as the roster file writes them', () => {
    const units = new Map([['unit01', '文学院分工会']])
    expect(formatRosterValue('gender', 'male')).toBe('男')
    expect(formatRosterValue('status', 'left')).toBe('离校')
    expect(formatRosterValue('duesPaid', false)).toBe('未缴')
    expect(formatRosterValue('duesPaid', true)).toBe('已缴')
    expect(formatRosterValue('unitId', 'unit01', units)).toBe('文学院分工会')
    expect(formatRosterValue('unitId', 'gone', units)).toBe('gone')
    expect(formatRosterValue('birthDate', '1980-05-20')).toBe('1980-05-20')
    expect(formatRosterValue('phone', undefined)).toBe('')
  })
})

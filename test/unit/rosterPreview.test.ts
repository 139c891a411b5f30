/** How an import plan reads to people: its id, the preview before applying, and the audit entry's summary. */
import { AUDIT_DETAIL_MAX, changesAnything, importSummary, planIdOf, toPreview } from '../../cloudfunctions/exports/roster/preview'
import { planImport, type ExistingMember, type ImportPlan } from '../../cloudfunctions/exports/roster/rosterPlan'
import { PREVIEW_LIST_MAX } from '../../types/roster'
import { fileOf, person, stored } from './rosterFixtures'

const UNITS = new Map([
  ['unit01', '文学院分工会'],
  ['unit02', '理学院分工会'],
])

const EXISTING: ExistingMember[] = [
  stored('m1', person('1001', { name: '张三' })),
  stored('m2', person('1002', { name: '李娜', gender: 'male', status: 'left', duesPaid: false })),
  stored('m3', person('1003', { name: '王伟', unitId: 'unit02' })),
  stored('m4', person('1004', { name: '赵敏' })),
]

/** A file touching every kind of change: one add, two updates, one unchanged, one error; 王伟 is missing from it. */
const FILE = fileOf(
  [
    person('1001', { name: '张三', gender: 'male', unitId: 'unit02', status: 'retired', duesPaid: false }),
    person('1002', { name: '李娜', gender: 'female', status: 'active', duesPaid: true }),
    person('1004', { name: '赵敏' }),
    person('2001', { name: '新同事', unitId: 'unit02' }),
  ],
  [{ row: 7, message: '工号未填写' }],
)

const planOf = (full: boolean) => planImport(FILE, EXISTING, { full })

/** A hand-built plan with `size` items in every list (and as many rows unchanged). */
function planOfSize(size: number): ImportPlan {
  const staffNos = Array.from({ length: size }, (_, index) => String(3000 + index))
  return {
    add: staffNos.map((staffNo) => person(staffNo)),
    update: staffNos.map((staffNo) => ({
      id: `u${staffNo}`,
      staffNo,
      name: `会员${staffNo}`,
      changes: [{ field: 'phone', label: '手机号', before: '13800138000', after: '13900139000' }],
    })),
    unchanged: size,
    markLeft: staffNos.map((staffNo) => ({ id: `l${staffNo}`, staffNo, name: `会员${staffNo}` })),
    errors: staffNos.map((_, index) => ({ row: index + 2, message: '手机号未填写' })),
  }
}

const EMPTY_PLAN: ImportPlan = { add: [], update: [], unchanged: 0, markLeft: [], errors: [] }

describe('planIdOf', () => {
  it('is 16 hex characters, the same for the same plan and mode', () => {
    const id = planIdOf(planOf(true), true)
    expect(id).toMatch(/^[0-9a-f]{16}$/)
    // Planned again from scratch: equal content gives an equal id, not just the same object.
    expect(planIdOf(planOf(true), true)).toBe(id)
  })

  it('differs when the mode differs, even for a plan that is the same either way', () => {
    expect(planIdOf(EMPTY_PLAN, true)).not.toBe(planIdOf(EMPTY_PLAN, false))
  })

  it('differs when the stored roster changed since the preview', () => {
    const changed = EXISTING.map((member) => (member._id === 'm4' ? { ...member, phone: '13700137000' } : member))
    expect(planIdOf(planImport(FILE, changed, { full: true }), true)).not.toBe(planIdOf(planOf(true), true))
  })
})

describe('changesAnything', () => {
  const only = (part: Partial<ImportPlan>): ImportPlan => ({ ...EMPTY_PLAN, ...part })
  const one = planOfSize(1)

  it.each<[string, boolean, ImportPlan]>([
    ['an empty plan', false, EMPTY_PLAN],
    ['unchanged rows and errors only', false, only({ unchanged: 5, errors: one.errors })],
    ['an add', true, only({ add: one.add })],
    ['an update', true, only({ update: one.update })],
    ['a mark as 离校', true, only({ markLeft: one.markLeft })],
  ])('%s → %s', (_, expected, plan) => {
    expect(changesAnything(plan)).toBe(expected)
  })
})

describe('toPreview', () => {
  it('counts and lists every kind of change, in the words of the roster file', () => {
    const plan = planOf(true)
    expect(toPreview(plan, true, EXISTING, UNITS)).toEqual({
      planId: planIdOf(plan, true),
      full: true,
      counts: { add: 1, update: 2, unchanged: 1, markLeft: 1, errors: 1 },
      add: [{ staffNo: '2001', name: '新同事', unitName: '理学院分工会' }],
      update: [
        {
          staffNo: '1001',
          name: '张三',
          changes: [
            { label: '性别', before: '女', after: '男' },
            { label: '所在单位', before: '文学院分工会', after: '理学院分工会' },
            { label: '人员状态', before: '在职', after: '退休' },
            { label: '会费状态', before: '已缴', after: '未缴' },
          ],
        },
        {
          staffNo: '1002',
          name: '李娜',
          changes: [
            { label: '性别', before: '男', after: '女' },
            { label: '人员状态', before: '离校', after: '在职' },
            { label: '会费状态', before: '未缴', after: '已缴' },
          ],
        },
      ],
      // The plan's markLeft carries no unit: it comes from the stored member.
      markLeft: [{ staffNo: '1003', name: '王伟', unitName: '理学院分工会' }],
      errors: [{ row: 7, message: '工号未填写' }],
    })
  })

  it('shows a unit id when the unit is unknown, and no unit for a member not among the stored', () => {
    const plan: ImportPlan = {
      ...EMPTY_PLAN,
      add: [person('2001', { unitId: 'unit99' })],
      markLeft: [
        { id: 'm3', staffNo: '1003', name: '王伟' },
        { id: 'gone', staffNo: '1009', name: '周杰' },
      ],
    }
    const preview = toPreview(plan, true, EXISTING, UNITS)
    expect(preview.add.map((item) => item.unitName)).toEqual(['unit99'])
    expect(preview.markLeft.map((item) => item.unitName)).toEqual(['理学院分工会', ''])
  })

  it(`lists at most ${PREVIEW_LIST_MAX} of each kind, in plan order, while the counts stay whole`, () => {
    const size = PREVIEW_LIST_MAX + 5
    const plan = planOfSize(size)
    const preview = toPreview(plan, false, [], UNITS)
    expect(preview.counts).toEqual({ add: size, update: size, unchanged: size, markLeft: size, errors: size })
    for (const list of [preview.add, preview.update, preview.markLeft]) {
      expect(list).toHaveLength(PREVIEW_LIST_MAX)
      expect(list[0].staffNo).toBe(plan.add[0].staffNo)
      expect(list[PREVIEW_LIST_MAX - 1].staffNo).toBe(plan.add[PREVIEW_LIST_MAX - 1].staffNo)
    }
    expect(preview.errors).toEqual(plan.errors.slice(0, PREVIEW_LIST_MAX))
  })

  it('keeps the whole lists when they fit', () => {
    const preview = toPreview(planOfSize(PREVIEW_LIST_MAX), false, [], UNITS)
    expect([preview.add, preview.update, preview.markLeft, preview.errors].map((list) => list.length)).toEqual(Array(4).fill(PREVIEW_LIST_MAX))
  })
})

describe('importSummary', () => {
  it.each([
    [true, '整体名册（未列出的会员标为离校）'],
    [false, '部分名册（只新增和更新）'],
  ])('full = %s reads as 导入方式 %s', (full, text) => {
    expect(importSummary(EMPTY_PLAN, full, UNITS).导入方式).toBe(text)
  })

  it('counts each kind and lists a line per person: added, then updated with every change, then marked 离校', () => {
    expect(importSummary(planOf(true), true, UNITS)).toEqual({
      导入方式: '整体名册（未列出的会员标为离校）',
      新增: 1,
      更新: 2,
      标为离校: 1,
      无变化: 1,
      明细: [
        '新增 新同事（2001）',
        '更新 张三（1001）：性别 女 → 男；所在单位 文学院分工会 → 理学院分工会；人员状态 在职 → 退休；会费状态 已缴 → 未缴',
        '更新 李娜（1002）：性别 男 → 女；人员状态 离校 → 在职；会费状态 未缴 → 已缴',
        '离校 王伟（1003）',
      ].join('\n'),
    })
  })

  it('gives an empty 明细 for a plan that changes nothing', () => {
    expect(importSummary({ ...EMPTY_PLAN, unchanged: 4 }, false, UNITS)).toMatchObject({ 新增: 0, 更新: 0, 标为离校: 0, 无变化: 4, 明细: '' })
  })

  it(`lists at most ${AUDIT_DETAIL_MAX} lines and says how many more there are`, () => {
    // Three lines per size: an add, an update and a mark as 离校.
    const size = Math.ceil(AUDIT_DETAIL_MAX / 3) + 10
    const summary = importSummary(planOfSize(size), true, UNITS)
    const lines = String(summary.明细).split('\n')
    expect(lines).toHaveLength(AUDIT_DETAIL_MAX + 1)
    expect(lines[0]).toBe('新增 会员3000（3000）')
    expect(lines[AUDIT_DETAIL_MAX]).toBe(`另有 ${size * 3 - AUDIT_DETAIL_MAX} 条未列出`)
    expect(summary).toMatchObject({ 新增: size, 更新: size, 标为离校: size, 无变化: size })
  })

  it(`lists exactly ${AUDIT_DETAIL_MAX} lines without a note when that is all there is`, () => {
    const plan: ImportPlan = { ...EMPTY_PLAN, add: planOfSize(AUDIT_DETAIL_MAX).add }
    const lines = String(importSummary(plan, false, UNITS).明细).split('\n')
    expect(lines).toHaveLength(AUDIT_DETAIL_MAX)
    expect(lines.at(-1)).toBe(`新增 会员${3000 + AUDIT_DETAIL_MAX - 1}（${3000 + AUDIT_DETAIL_MAX - 1}）`)
  })
})

/**
 * What an audit entry shows as changed. A pure function, tested here rather than in test/unit because its module also
 * holds the page's hook, which loads Taro (ES modules that only this layer transforms).
 */
import { changedFields } from '../../src/admin/audit/useAudit'

describe('changedFields', () => {
  it('lists the fields that differ with their values before and after, dropping the unchanged', () => {
    expect(changedFields({ 标题: '迎新春游园会', 状态: '已发布', 置顶: '否' }, { 标题: '迎新春游园会（延期）', 状态: '已发布', 置顶: '是' })).toStrictEqual([
      { field: '标题', before: '迎新春游园会', after: '迎新春游园会（延期）' },
      { field: '置顶', before: '否', after: '是' },
    ])
  })

  it('shows "—" for a field missing on one side, in the order the fields first appear', () => {
    expect(changedFields({ 有效期: '2026-12-31', 标题: '甲' }, { 标题: '甲', 附件: '2 个' })).toStrictEqual([
      { field: '有效期', before: '2026-12-31', after: '—' },
      { field: '附件', before: '—', after: '2 个' },
    ])
  })

  it('joins lists with 、, shows an empty list as 无, and compares lists by content', () => {
    expect(
      changedFields({ 角色: ['分工会管理员（文学院分工会）', '工会办公室'], 范围: ['文学院分工会'] }, { 角色: [], 范围: ['文学院分工会'] }),
    ).toStrictEqual([{ field: '角色', before: '分工会管理员（文学院分工会）、工会办公室', after: '无' }])
  })

  it('shows the values alone, with no before at all, for an entry without a before (an import summary)', () => {
    expect(changedFields(undefined, { 导入方式: '部分名册（只新增和更新）', 新增: 2, 标签: [], 明细: '新增 李娜（2001）\n新增 王伟（2002）' })).toStrictEqual([
      { field: '导入方式', after: '部分名册（只新增和更新）' },
      { field: '新增', after: '2' },
      { field: '标签', after: '无' },
      { field: '明细', after: '新增 李娜（2001）\n新增 王伟（2002）' },
    ])
  })

  it('keeps "before" for an entry whose before is present but empty', () => {
    expect(changedFields({}, { 标题: '甲' })).toStrictEqual([{ field: '标题', before: '—', after: '甲' }])
  })

  it('shows "—" after for an entry without an after', () => {
    expect(changedFields({ 微信绑定: '已绑定' })).toStrictEqual([{ field: '微信绑定', before: '已绑定', after: '—' }])
  })

  it('lists nothing when nothing changed or there is nothing at all', () => {
    expect(changedFields({ 标题: '甲', 角色: ['a'] }, { 角色: ['a'], 标题: '甲' })).toStrictEqual([])
    expect(changedFields(undefined, undefined)).toStrictEqual([])
  })
})

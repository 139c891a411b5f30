import { AuditListSchema, type AuditApi, type AuditEntryView } from '../../types/audit'
import { fromShanghaiInput } from '../../types/time'
import type { AuditDoc } from '../core/collections'
import { action, defineFunction } from '../core/defineFunction'
import { pageOf } from '../core/queries'
import { AppError } from '../core/errors'
import type { Filter } from '../core/store/port'

const DAY_MS = 86_400_000

/** The instant a Shanghai calendar day starts. */
function dayStart(date: string, field: 'from' | 'to'): string {
  const start = fromShanghaiInput(`${date} 00:00`)
  if (!start) throw new AppError('INVALID_INPUT', '日期不存在，请重新选择', { [field]: '日期不存在' })
  return start
}

function toView(entry: AuditDoc): AuditEntryView {
  return {
    id: entry._id,
    at: entry.at,
    actorId: entry.actorId,
    actorName: entry.actorName,
    action: entry.action,
    target: entry.target,
    ...(entry.before ? { before: entry.before } : {}),
    ...(entry.after ? { after: entry.after } : {}),
  }
}

export const auditFunction = defineFunction<AuditApi>('audit', {
  list: action({
    allow: 'unionOffice',
    input: AuditListSchema,
    async handle({ action: kind, from, to, offset, limit }, { store }) {
      const at: Record<string, string> = {}
      if (from) at.$gte = dayStart(from, 'from')
      if (to) at.$lt = new Date(Date.parse(dayStart(to, 'to')) + DAY_MS).toISOString()
      if (at.$gte && at.$lt && at.$gte >= at.$lt) throw new AppError('INVALID_INPUT', '开始日期不能晚于结束日期', { from: '开始日期不能晚于结束日期' })
      const filter: Filter = { ...(kind ? { action: kind } : {}), ...(Object.keys(at).length ? { at } : {}) }
      const found = await store.find('auditLog', filter, { sort: { at: -1 }, skip: offset, limit: limit + 1 })
      return pageOf(found.map(toView), limit)
    },
  }),
})

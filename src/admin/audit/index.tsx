import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AdminList, type Column } from '../../components/AdminList'
import { ChoiceChips, choicesOf, type Choice } from '../../components/ChoiceChips'
import { FieldChange } from '../../components/FieldChange'
import { Screen } from '../../components/Screen'
import { AUDIT_ACTION_LABELS, type AuditAction, type AuditEntryView } from '../../../types/audit'
import { formatDateTime } from '../../../types/time'
import { changedFields, useAudit, type Period } from './useAudit'
import './index.scss'

const PERIODS: Choice<Period>[] = [
  { value: '7', label: '近 7 天' },
  { value: '30', label: '近 30 天' },
  { value: 'all', label: '全部' },
]

const changes = (entry: AuditEntryView) =>
  changedFields(entry.before, entry.after).map((change) => <FieldChange key={change.field} {...change} />)

// Newest first, as the log is kept: no column needs sorting.
const COLUMNS: Column<AuditEntryView>[] = [
  { title: '时间', width: '9em', render: (entry) => formatDateTime(entry.at) },
  { title: '操作', width: '8em', render: (entry) => <Text className="admin-table__strong">{AUDIT_ACTION_LABELS[entry.action]}</Text> },
  { title: '对象', width: 'minmax(8em, 1fr)', render: (entry) => entry.target },
  { title: '操作人', width: '6em', render: (entry) => entry.actorName },
  { title: '改动', width: 'minmax(16em, 2fr)', render: changes },
]

/** 操作日志 (union office): every admin change, who made it and when, with what it changed. */
export default function Audit() {
  const [action, setAction] = useState<AuditAction | 'all'>('all')
  const [period, setPeriod] = useState<Period>('30')
  const list = useAudit(action, period)
  return (
    <Screen className="audit">
      <View className="audit__filters">
        <ChoiceChips value={period} options={PERIODS} onChange={setPeriod} />
        <ChoiceChips value={action} options={[{ value: 'all', label: '全部操作' }, ...choicesOf(AUDIT_ACTION_LABELS)]} onChange={setAction} />
      </View>
      <AdminList
        list={list}
        rowKey={(entry) => entry.id}
        columns={COLUMNS}
        emptyText="这段时间没有操作记录"
        card={(entry) => (
          <View className="card">
            <View className="card-head">
              <Text className="audit__action">{AUDIT_ACTION_LABELS[entry.action]}</Text>
              <Text className="audit__time">{formatDateTime(entry.at)}</Text>
            </View>
            <Text className="audit__target">{entry.target}</Text>
            <Text className="audit__actor">操作人：{entry.actorName}</Text>
            {changes(entry)}
          </View>
        )}
      />
    </Screen>
  )
}

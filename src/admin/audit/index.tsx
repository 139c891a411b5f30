import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ChoiceChips, choicesOf, type Choice } from '../../components/ChoiceChips'
import { FieldChange } from '../../components/FieldChange'
import { ListFooter } from '../../components/ListFooter'
import { StateView } from '../../components/StateView'
import { AUDIT_ACTION_LABELS, type AuditAction } from '../../../types/audit'
import { formatDateTime } from '../../../types/time'
import { changedFields, useAudit, type Period } from './useAudit'
import './index.scss'

const PERIODS: Choice<Period>[] = [
  { value: '7', label: '近 7 天' },
  { value: '30', label: '近 30 天' },
  { value: 'all', label: '全部' },
]

/** 操作日志 (union office): every admin change, who made it and when, with what it changed. */
export default function Audit() {
  const [action, setAction] = useState<AuditAction | 'all'>('all')
  const [period, setPeriod] = useState<Period>('30')
  const list = useAudit(action, period)
  return (
    <View className="page audit">
      <View className="audit__filters">
        <ChoiceChips value={period} options={PERIODS} onChange={setPeriod} />
        <ChoiceChips value={action} options={[{ value: 'all', label: '全部操作' }, ...choicesOf(AUDIT_ACTION_LABELS)]} onChange={setAction} />
      </View>
      <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText="这段时间没有操作记录" onRetry={list.reload}>
        {list.items.map((entry) => (
          <View key={entry.id} className="card">
            <View className="audit__head">
              <Text className="audit__action">{AUDIT_ACTION_LABELS[entry.action]}</Text>
              <Text className="audit__time">{formatDateTime(entry.at)}</Text>
            </View>
            <Text className="audit__target">{entry.target}</Text>
            <Text className="audit__actor">操作人：{entry.actorName}</Text>
            {changedFields(entry.before, entry.after).map((change) => (
              <FieldChange key={change.field} {...change} />
            ))}
          </View>
        ))}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
      </StateView>
    </View>
  )
}

import { Radio } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ListFooter } from '../../components/ListFooter'
import { StateView } from '../../components/StateView'
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, type AuditAction } from '../../../types/audit'
import { formatDateTime } from '../../../types/time'
import { changedFields, useAudit, type Period } from './useAudit'
import './index.scss'

const PERIODS: { value: Period; label: string }[] = [
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
        <Radio.Group value={period} direction="horizontal" className="choices" onChange={(value) => setPeriod(value as Period)}>
          {PERIODS.map((item) => (
            <Radio key={item.value} value={item.value} shape="button" className="choice audit__chip">
              {item.label}
            </Radio>
          ))}
        </Radio.Group>
        <Radio.Group value={action} direction="horizontal" className="choices" onChange={(value) => setAction(value as AuditAction | 'all')}>
          <Radio value="all" shape="button" className="choice audit__chip">
            全部操作
          </Radio>
          {AUDIT_ACTIONS.map((kind) => (
            <Radio key={kind} value={kind} shape="button" className="choice audit__chip">
              {AUDIT_ACTION_LABELS[kind]}
            </Radio>
          ))}
        </Radio.Group>
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
              <View key={change.field} className="audit__change">
                <Text className="audit__field">{change.field}</Text>
                <Text className="audit__before">{change.before}</Text>
                <Text className="audit__arrow">→</Text>
                <Text className="audit__after">{change.after}</Text>
              </View>
            ))}
          </View>
        ))}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
      </StateView>
    </View>
  )
}

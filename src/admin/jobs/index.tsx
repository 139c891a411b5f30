import { Text, View } from '@tarojs/components'
import { AdminList, byText, type Column } from '../../components/AdminList'
import { Screen } from '../../components/Screen'
import { StatusTag, type Tone } from '../../components/StatusTag'
import { useRemote } from '../../hooks/useRemote'
import { call } from '../../services/api'
import { JOB_OUTCOME_LABELS, type JobOutcome, type JobRunView } from '../../../types/jobs'
import { formatDateTime } from '../../../types/time'
import './index.scss'

const TONES: Record<JobOutcome, Tone> = { ok: 'good', continuing: 'pending', failed: 'bad' }

function Outcome({ run }: { run: JobRunView }) {
  if (!run.outcome) return <Text className="jobs__never">尚未运行</Text>
  return <StatusTag tone={TONES[run.outcome]}>{JOB_OUTCOME_LABELS[run.outcome]}</StatusTag>
}

const lastRun = (run: JobRunView) => (run.lastRunAt ? formatDateTime(run.lastRunAt) : '—')
const handled = (run: JobRunView) => (run.count === undefined ? '—' : `${run.count} 项 · ${((run.durationMs ?? 0) / 1000).toFixed(1)} 秒`)

const COLUMNS: Column<JobRunView>[] = [
  { title: '任务', width: 'minmax(12em, 2fr)', render: (run) => <Text className="admin-table__strong">{run.title}</Text>, compare: (a, b) => byText(a.title, b.title) },
  { title: '云函数', width: '7em', render: (run) => run.functionName, compare: (a, b) => byText(a.functionName, b.functionName) },
  { title: '频率', width: '7em', render: (run) => run.schedule },
  { title: '最近运行', width: '9em', render: lastRun },
  { title: '结果', width: '9em', render: (run) => <Outcome run={run} /> },
  { title: '处理', width: '8em', render: handled },
  { title: '出错原因', width: 'minmax(10em, 1fr)', render: (run) => run.error ?? '' },
]

/** 任务运行记录 (union office): each periodic job, when it last ran, and how it went. */
export default function Jobs() {
  const runs = useRemote(() => call('audit', 'jobRuns'))
  return (
    <Screen className="jobs">
      <Text className="jobs__intro">每个云函数有一个定时触发器，按频率运行到期的任务；一次没做完的任务下次接着做。</Text>
      <AdminList
        list={{ ...runs, items: runs.data ?? [] }}
        rowKey={(run) => `${run.functionName}.${run.job}`}
        columns={COLUMNS}
        emptyText="没有定时任务"
        card={(run) => (
          <View className="card">
            <View className="card-head">
              <Text className="jobs__title">{run.title}</Text>
              <Outcome run={run} />
            </View>
            <Text className="card-meta">
              {run.functionName} · {run.schedule} · 最近运行 {lastRun(run)}
            </Text>
            {run.count !== undefined && <Text className="card-meta">处理 {handled(run)}</Text>}
            {run.error && <Text className="jobs__error">{run.error}</Text>}
          </View>
        )}
      />
    </Screen>
  )
}

import { Progress } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ChoiceChips } from '../../../components/ChoiceChips'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { useRemote } from '../../../hooks/useRemote'
import { useProposalSession, useSessions } from '../../../hooks/useProposals'
import { call } from '../../../services/api'
import type { ProposalStatistics } from '../../../../types/proposals'
import { formatDay } from '../../../../types/time'
import './index.scss'

const TOTALS: { key: keyof ProposalStatistics['totals']; label: string }[] = [
  { key: 'filed', label: '提交' },
  { key: 'pending', label: '待审查' },
  { key: 'accepted', label: '立案' },
  { key: 'merged', label: '并案' },
  { key: 'converted', label: '转为建议' },
  { key: 'rejected', label: '不予立案' },
]

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100))

function Figures({ figures }: { figures: ProposalStatistics }) {
  const { totals, byCategory, byDept, progress } = figures
  const weekMax = Math.max(1, ...progress.map((week) => week.submitted))
  return (
    <>
      <View className="card">
        <Text className="stats__heading">{figures.sessionName}提案总览</Text>
        <View className="stats__totals">
          {TOTALS.map((total) => (
            <View key={total.key} className="stats__total">
              <Text className="stats__count">{totals[total.key]}</Text>
              <Text className="stats__label">{total.label}</Text>
            </View>
          ))}
        </View>
        <Text className="card-meta">立案率 {percent(totals.accepted + totals.merged, totals.filed - totals.pending)}%（已审查的提案中，并案的计入）</Text>
      </View>

      <View className="card">
        <Text className="stats__heading">按类别</Text>
        {byCategory.map((row) => (
          <View key={row.category} className="stats__bar-row">
            <Text className="stats__bar-label">{row.label}</Text>
            <View className="stats__bar">
              <Progress percent={percent(row.filed, totals.filed)} color="#c8161d" strokeWidth="8" />
            </View>
            <Text className="stats__bar-value">
              {row.filed} 件 · 立案 {row.accepted}
            </Text>
          </View>
        ))}
      </View>

      <View className="card">
        <Text className="stats__heading">承办部门</Text>
        {byDept.length === 0 && <Text className="card-meta">还没有交办的提案</Text>}
        {byDept.map((row) => (
          <View key={row.deptId} className="stats__dept">
            <View className="card-head">
              <Text className="stats__dept-name">{row.deptName}</Text>
              <Text className="card-meta">主办 {row.assigned} 件</Text>
            </View>
            <Text className="card-meta">
              按期答复 {row.onTime} · 逾期答复 {row.late} · <Text className={row.overdue ? 'stats__overdue' : ''}>超期未答复 {row.overdue}</Text>
            </Text>
            <Text className="card-meta">
              满意 {row.satisfied} · 基本满意 {row.basicallySatisfied} · 不满意 {row.unsatisfied}
            </Text>
          </View>
        ))}
      </View>

      <View className="card">
        <Text className="stats__heading">进度（按周）</Text>
        {progress.length === 0 && <Text className="card-meta">还没有提交的提案</Text>}
        {progress.map((week) => (
          <View key={week.week} className="stats__bar-row">
            <Text className="stats__bar-label">{formatDay(week.week)}起</Text>
            <View className="stats__bar">
              <Progress percent={percent(week.submitted, weekMax)} color="#d9a23a" strokeWidth="8" />
            </View>
            <Text className="stats__bar-value">
              提交 {week.submitted} · 立案 {week.accepted} · 答复 {week.replied}
            </Text>
          </View>
        ))}
        {progress.length > 0 && (
          <Text className="card-meta">
            累计：提交 {progress[progress.length - 1].submittedSoFar}，立案 {progress[progress.length - 1].acceptedSoFar}，答复 {progress[progress.length - 1].repliedSoFar}
          </Text>
        )}
      </View>
    </>
  )
}

/** 提案统计 (the committee, the union office): what became of a session's proposals. */
export default function ProposalStats() {
  const current = useProposalSession()
  const sessions = useSessions()
  const [chosen, setChosen] = useState<string>()
  const sessionId = chosen ?? current.data?.id
  const figures = useRemote(() => (sessionId ? call('proposals', 'statistics', { sessionId }) : Promise.resolve(null)), [sessionId])
  const set = sessions.data?.filter((session) => session.opensAt) ?? []
  return (
    <Screen className="stats">
      {set.length > 1 && sessionId && (
        <View className="stats__filters">
          <ChoiceChips value={sessionId} options={set.map((session) => ({ value: session.id, label: session.name }))} onChange={setChosen} />
        </View>
      )}
      <StateView loading={figures.loading || current.loading} error={figures.error ?? current.error} empty={!figures.data} emptyText="暂无教代会届次" onRetry={figures.reload}>
        {figures.data && <Figures figures={figures.data} />}
      </StateView>
    </Screen>
  )
}

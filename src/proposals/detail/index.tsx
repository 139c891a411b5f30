import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { StatusTag } from '../../components/StatusTag'
import { StepHistory } from '../../components/StepHistory'
import { editProposalUrl, useProposalDetail } from '../../hooks/useProposals'
import { decodedParam } from '../../services/checkIn'
import { PROPOSAL_CATEGORY_LABELS, PROPOSAL_KIND_LABELS, type ProposalDetail } from '../../../types/proposals'
import { stateTone } from '../stateTone'
import './index.scss'

const DECIDE_URL = '/admin/proposals/decide/index'
const SECONDER_LABELS = { invited: '待回复', confirmed: '已附议', declined: '已谢绝' } as const
const DECISIONS = ['accept', 'merge', 'convert', 'reject'] as const

/** What the caller may do with it here, as buttons. */
function Actions({ detail, answer, recall, submit, busy }: { detail: ProposalDetail; answer: (confirm: boolean) => void; recall: () => void; submit: () => void; busy: boolean }) {
  if (detail.invitation === 'invited' && detail.state === 'seconding') {
    return (
      <View className="bottom-bar proposal-detail__bar">
        <Button fill="outline" loading={busy} className="proposal-detail__decline" onClick={() => answer(false)}>
          谢绝附议
        </Button>
        <Button type="primary" loading={busy} className="proposal-detail__second" onClick={() => answer(true)}>
          确认附议
        </Button>
      </View>
    )
  }
  if (detail.mine && detail.state === 'draft') {
    return (
      <View className="bottom-bar">
        <Button type="primary" block onClick={() => void Taro.redirectTo({ url: editProposalUrl(detail.id) })}>
          继续编辑
        </Button>
      </View>
    )
  }
  if (detail.steps.includes('submit') || detail.steps.includes('recall')) {
    return (
      <View className="bottom-bar proposal-detail__bar">
        {detail.steps.includes('recall') && (
          <Button fill="outline" loading={busy} className="proposal-detail__recall" onClick={recall}>
            撤回修改
          </Button>
        )}
        {detail.steps.includes('submit') && (
          <Button type="primary" loading={busy} className="proposal-detail__submit" onClick={submit}>
            提交{PROPOSAL_KIND_LABELS[detail.kind]}
          </Button>
        )}
      </View>
    )
  }
  if (DECISIONS.some((step) => detail.steps.includes(step))) {
    return (
      <View className="bottom-bar">
        <Button type="primary" block className="proposal-detail__review" onClick={() => void Taro.navigateTo({ url: `${DECIDE_URL}?id=${encodeURIComponent(detail.id)}` })}>
          立案审查
        </Button>
      </View>
    )
  }
  return null
}

/** 提案详情: its text, its seconders, what became of it; and the steps I may take on it. */
export default function ProposalDetailPage() {
  const id = decodedParam(useRouter().params.id)
  const { data: detail, error, loading, reload, answer, recall, submit, busy } = useProposalDetail(id)
  const seconding = detail?.kind === 'proposal' && (detail.state === 'draft' || detail.state === 'seconding')
  return (
    <Screen className="proposal-detail">
      <StateView loading={loading} error={error} empty={!detail} emptyText="提案不存在" onRetry={reload}>
        {detail && (
          <>
            <View className="card proposal-detail__head">
              <View className="card-head">
                <Text className="proposal-detail__number">{detail.number ?? `${detail.sessionName ?? ''}${PROPOSAL_KIND_LABELS[detail.kind]}`}</Text>
                <StatusTag tone={stateTone(detail.state)}>{detail.stateLabel}</StatusTag>
              </View>
              <Text className="proposal-detail__title">{detail.title}</Text>
              <Text className="card-meta">
                {detail.authorName}（{detail.authorUnitName}） · {PROPOSAL_CATEGORY_LABELS[detail.category]}
              </Text>
              {detail.reason && <Text className="proposal-detail__reason">审查意见：{detail.reason}</Text>}
              {detail.mainId && (
                <Text className="proposal-detail__reason">
                  已并入 {detail.mainNumber ?? '另一份提案'} 一并办理
                </Text>
              )}
            </View>
            <View className="card">
              <Text className="proposal-detail__heading">案由</Text>
              <Text className="proposal-detail__text">{detail.reasons}</Text>
              <Text className="proposal-detail__heading">建议</Text>
              <Text className="proposal-detail__text">{detail.measures}</Text>
            </View>
            {detail.kind === 'proposal' && detail.seconders.length > 0 && (
              <View className="card">
                <Text className="proposal-detail__heading">
                  附议代表{seconding ? `（已确认 ${detail.confirmed}/${detail.needed}）` : ''}
                </Text>
                {detail.seconders.map((seconder) => (
                  <View key={seconder.memberId} className="proposal-detail__seconder">
                    <Text>{seconder.name}</Text>
                    <StatusTag tone={seconder.state === 'confirmed' ? 'good' : seconder.state === 'invited' ? 'pending' : 'neutral'}>{SECONDER_LABELS[seconder.state]}</StatusTag>
                  </View>
                ))}
              </View>
            )}
            {detail.history.length > 0 && (
              <View className="card">
                <Text className="proposal-detail__heading">办理过程</Text>
                <StepHistory steps={detail.history.map((entry) => ({ at: entry.at, text: `${entry.byName} ${entry.stepLabel}${entry.note ? `：${entry.note}` : ''}` }))} />
              </View>
            )}
            <Actions detail={detail} answer={(confirm) => void answer(confirm)} recall={() => void recall()} submit={() => void submit()} busy={busy} />
          </>
        )}
      </StateView>
    </Screen>
  )
}

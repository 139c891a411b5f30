import { Button, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceChips, choicesOf } from '../../components/ChoiceChips'
import { ProofImages } from '../../components/ProofImages'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { StatusTag } from '../../components/StatusTag'
import { StepHistory } from '../../components/StepHistory'
import { editProposalUrl, useProposalDetail } from '../../hooks/useProposals'
import { decodedParam } from '../../services/checkIn'
import { PROPOSAL_CATEGORY_LABELS, PROPOSAL_KIND_LABELS, RATING_COMMENT_MAX, SATISFACTION_LABELS, WITHHOLD_REASON_MAX, type ProposalDetail, type Satisfaction } from '../../../types/proposals'
import { formatDateTime, formatDay } from '../../../types/time'
import { stateTone } from '../stateTone'
import './index.scss'

const DECIDE_URL = '/admin/proposals/decide/index'
const HANDLE_URL = '/admin/proposals/handle/index'
/** Steps taken on the handling page: assigning, answering, replying. */
const HANDLING_STEPS = ['assign', 'forward', 'answer', 'reply'] as const

/** Who handles it, by when, and what the assisting departments said. */
function Handling({ detail }: { detail: ProposalDetail }) {
  const handling = detail.handling
  if (!handling) return null
  return (
    <View className="card">
      <Text className="proposal-detail__heading">承办</Text>
      <Text className="proposal-detail__line">主办：{handling.leadDeptName}</Text>
      {handling.assists.map((assist) => (
        <Text key={assist.deptId} className="proposal-detail__line">
          协办：{assist.deptName}
          {assist.text ? `：${assist.text}` : '（意见待提交）'}
        </Text>
      ))}
      <Text className={`proposal-detail__line${handling.overdue ? ' proposal-detail__overdue' : ''}`}>
        答复期限：{formatDay(handling.replyDue, true)}
        {handling.overdue ? '（已逾期）' : ''}
      </Text>
      {handling.rehandled > 0 && <Text className="proposal-detail__line">因不满意重新办理 {handling.rehandled} 次</Text>}
    </View>
  )
}

/** The department's (or the union office's) reply, and the author's rating of it. */
function Answered({ detail }: { detail: ProposalDetail }) {
  if (!detail.reply) return null
  const { reply, rating } = detail
  return (
    <View className="card proposal-detail__reply">
      <Text className="proposal-detail__heading">答复{reply.outcomeLabel ? `：${reply.outcomeLabel}` : ''}</Text>
      <Text className="proposal-detail__text">{reply.text}</Text>
      {reply.completionDate && <Text className="proposal-detail__line">完成时间：{formatDay(reply.completionDate, true)}</Text>}
      <Text className="card-meta">
        {reply.deptName} {reply.byName} · {formatDateTime(reply.at)}
      </Text>
      {rating && (
        <Text className="proposal-detail__rating">
          提案人评价：{rating.satisfactionLabel}
          {rating.comment ? `：${rating.comment}` : ''}
        </Text>
      )}
      {detail.seconderRatings.map((seconder) => (
        <Text key={seconder.memberId} className="proposal-detail__rating">
          附议代表{seconder.name}评价：{seconder.satisfactionLabel}
          {seconder.comment ? `：${seconder.comment}` : ''}
        </Text>
      ))}
    </View>
  )
}

/** The author rates the reply (不满意 sends it back to the department); a seconder rates it too, moving nothing. */
function RateForm({ onRate, busy, author }: { onRate: (satisfaction: Satisfaction, comment: string) => void; busy: boolean; author: boolean }) {
  const [satisfaction, setSatisfaction] = useState<Satisfaction>('satisfied')
  const [comment, setComment] = useState('')
  return (
    <View className="card proposal-detail__rate">
      <Text className="proposal-detail__heading">评价答复</Text>
      <ChoiceChips value={satisfaction} options={choicesOf(SATISFACTION_LABELS)} onChange={setSatisfaction} />
      <TextArea className="proposal-detail__comment" placeholder={satisfaction === 'unsatisfied' && author ? '请写明不满意的原因，提案将退回承办部门重新办理' : '评价意见（选填）'} value={comment} maxLength={RATING_COMMENT_MAX} autoSize onChange={setComment} />
      <Button type="primary" block loading={busy} className="proposal-detail__rate-send" onClick={() => onRate(satisfaction, comment)}>
        提交评价
      </Button>
    </View>
  )
}
/** The union office keeps it off the public record (with the reason members' list does not show), or puts it back. */
function Publicity({ detail, withhold, busy }: { detail: ProposalDetail; withhold: (reason: string | null) => void; busy: boolean }) {
  const [reason, setReason] = useState('')
  if (detail.withheldReason) {
    return (
      <View className="card proposal-detail__publicity">
        <Text className="proposal-detail__heading">公开设置</Text>
        <Text className="proposal-detail__line">会员在公开提案中看不到这份提案。</Text>
        <Button fill="outline" block loading={busy} className="proposal-detail__show" onClick={() => withhold(null)}>
          恢复公开
        </Button>
      </View>
    )
  }
  return (
    <View className="card proposal-detail__publicity">
      <Text className="proposal-detail__heading">公开设置</Text>
      <TextArea className="proposal-detail__comment" placeholder="如需不公开，请写明理由（提案人和承办部门仍可查看）" value={reason} maxLength={WITHHOLD_REASON_MAX} autoSize onChange={setReason} />
      <Button fill="outline" block loading={busy} disabled={!reason.trim()} className="proposal-detail__withhold" onClick={() => withhold(reason)}>
        不在公开提案中显示
      </Button>
    </View>
  )
}

const SECONDER_LABELS = { invited: '待回复', confirmed: '已附议', declined: '已谢绝' } as const
const DECISIONS = ['accept', 'merge', 'convert', 'reject'] as const

/** What the caller may do with it here, as buttons. */
function Actions({ detail, answer, recall, submit, close, busy }: { detail: ProposalDetail; answer: (confirm: boolean) => void; recall: () => void; submit: () => void; close: () => void; busy: boolean }) {
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
  if (HANDLING_STEPS.some((step) => detail.steps.includes(step)) || (detail.myDepts.length > 0 && detail.steps.length === 0 && (detail.state === 'assigned' || detail.state === 'rehandling'))) {
    return (
      <View className="bottom-bar">
        <Button type="primary" block className="proposal-detail__handle" onClick={() => void Taro.navigateTo({ url: `${HANDLE_URL}?id=${encodeURIComponent(detail.id)}` })}>
          {detail.steps.includes('assign') ? '交办承办部门' : detail.steps.includes('forward') ? '答复或转交部门' : '办理答复'}
        </Button>
      </View>
    )
  }
  if (detail.steps.includes('close')) {
    return (
      <View className="bottom-bar">
        <Button type="primary" block loading={busy} className="proposal-detail__close" onClick={close}>
          办结
        </Button>
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
  const { data: detail, error, loading, reload, answer, recall, submit, rate, close, withhold, busy } = useProposalDetail(id)
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
                {detail.delegation ? `${detail.delegation}联名 · ` : ''}
                {detail.authorName}（{detail.authorUnitName}） · {PROPOSAL_CATEGORY_LABELS[detail.category]}
              </Text>
              {detail.reason && <Text className="proposal-detail__reason">审查意见：{detail.reason}</Text>}
              {detail.withheldReason && <Text className="proposal-detail__reason">不在公开提案中：{detail.withheldReason}</Text>}
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
              {detail.images.length > 0 && <ProofImages urls={detail.images.map((image) => image.url)} />}
            </View>
            {detail.kind === 'proposal' && detail.seconders.length > 0 && (
              <View className="card">
                <Text className="proposal-detail__heading">
                  {detail.delegation ? '联名代表' : '附议代表'}
                  {seconding ? `（已确认 ${detail.confirmed}/${detail.needed}）` : ''}
                </Text>
                {detail.seconders.map((seconder) => (
                  <View key={seconder.memberId} className="proposal-detail__seconder">
                    <Text>{seconder.name}</Text>
                    <StatusTag tone={seconder.state === 'confirmed' ? 'good' : seconder.state === 'invited' ? 'pending' : 'neutral'}>{SECONDER_LABELS[seconder.state]}</StatusTag>
                  </View>
                ))}
              </View>
            )}
            <Handling detail={detail} />
            <Answered detail={detail} />
            {(detail.steps.includes('rate') || detail.seconderMayRate) && <RateForm author={detail.mine} onRate={(satisfaction, comment) => void rate(satisfaction, comment)} busy={busy} />}
            {detail.mayWithhold && <Publicity detail={detail} withhold={(reason) => void withhold(reason)} busy={busy} />}
            {detail.history.length > 0 && (
              <View className="card">
                <Text className="proposal-detail__heading">办理过程</Text>
                <StepHistory steps={detail.history.map((entry) => ({ at: entry.at, text: `${entry.byName} ${entry.stepLabel}${entry.note ? `：${entry.note}` : ''}` }))} />
              </View>
            )}
            <Actions detail={detail} answer={(confirm) => void answer(confirm)} recall={() => void recall()} submit={() => void submit()} close={() => void close()} busy={busy} />
          </>
        )}
      </StateView>
    </Screen>
  )
}

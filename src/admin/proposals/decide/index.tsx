import { Button, Radio, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { ChoiceChips } from '../../../components/ChoiceChips'
import { FormField } from '../../../components/FormField'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { decodedParam } from '../../../services/checkIn'
import { PROPOSAL_CATEGORY_LABELS, REVIEW_REASON_MAX } from '../../../../types/proposals'
import { useDecision, type Decision } from '../useReview'
import '../proposalText.scss'
import './index.scss'

const DECISIONS: { value: Decision; label: string }[] = [
  { value: 'accept', label: '立案' },
  { value: 'merge', label: '并案' },
  { value: 'convert', label: '转为意见建议' },
  { value: 'reject', label: '不予立案' },
]

const REASON_HINTS: Record<Exclude<Decision, 'accept'>, string> = {
  merge: '并案说明（选填）：例如与哪份提案内容相同',
  convert: '转为意见建议的理由（会告知提案人）',
  reject: '不予立案的理由（会告知提案人）',
}

/** 立案审查: a submitted proposal, the session's alike ones, and the decision (立案 gives it the session's next number). */
export default function Decide() {
  const id = decodedParam(useRouter().params.id)
  const { detail, mains, similar, form, errors, change, decide, busy } = useDecision(id)
  const proposal = detail.data
  return (
    <Screen className="decide">
      <StateView loading={detail.loading} error={detail.error} empty={!proposal} emptyText="提案不存在" onRetry={detail.reload}>
        {proposal && (
          <>
            <View className="card">
              <Text className="proposal-text__title">{proposal.title}</Text>
              <Text className="card-meta">
                {proposal.authorName}（{proposal.authorUnitName}） · {PROPOSAL_CATEGORY_LABELS[proposal.category]} · 附议 {proposal.confirmed} 人：{proposal.seconders.filter((seconder) => seconder.state === 'confirmed').map((seconder) => seconder.name).join('、')}
              </Text>
              <Text className="proposal-text__heading">案由</Text>
              <Text className="proposal-text__body">{proposal.reasons}</Text>
              <Text className="proposal-text__heading">建议</Text>
              <Text className="proposal-text__body">{proposal.measures}</Text>
            </View>
            {similar.length > 0 && (
              <View className="card">
                <Text className="proposal-text__heading">本届相似的提案</Text>
                {similar.map((row) => (
                  <Text key={row.id} className="decide__similar">
                    {row.number ? `${row.number} ` : ''}{row.title}（{row.stateLabel}，相似度 {Math.round(row.score * 100)}%）
                  </Text>
                ))}
              </View>
            )}
            <View className="card">
              <FormField label="审查结果">
                <ChoiceChips value={form.step} options={DECISIONS} onChange={(step) => change({ step })} />
              </FormField>
              {form.step === 'merge' && (
                <FormField label="并入的提案" error={errors.mainId}>
                  {mains.length === 0 ? (
                    <Text className="decide__hint">本届还没有已立案的提案可以并入</Text>
                  ) : (
                    <Radio.Group value={form.mainId} onChange={(mainId) => change({ mainId: String(mainId) })} className="decide__mains">
                      {mains.map((main) => (
                        <Radio key={main.id} value={main.id} className="decide__main">
                          {main.number} {main.title}
                        </Radio>
                      ))}
                    </Radio.Group>
                  )}
                </FormField>
              )}
              {form.step !== 'accept' && (
                <FormField label="说明" error={errors.reason}>
                  <TextArea className="decide__reason" placeholder={REASON_HINTS[form.step]} value={form.reason} maxLength={REVIEW_REASON_MAX} showCount autoSize onChange={(reason) => change({ reason })} />
                </FormField>
              )}
              {form.step === 'accept' && <Text className="decide__hint">立案后按本届顺序编号，提案人会收到通知；随后交办承办部门。</Text>}
            </View>
            <View className="bottom-bar">
              <Button type="primary" block loading={busy} className="decide__confirm" onClick={decide}>
                确认{DECISIONS.find((decision) => decision.value === form.step)!.label}
              </Button>
            </View>
          </>
        )}
      </StateView>
    </Screen>
  )
}

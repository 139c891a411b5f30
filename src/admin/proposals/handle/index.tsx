import { Button, Checkbox, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { ChoiceChips, choicesOf } from '../../../components/ChoiceChips'
import { DateField } from '../../../components/DateField'
import { FormField } from '../../../components/FormField'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { decodedParam } from '../../../services/checkIn'
import { HANDLING_TEXT_MAX, REPLY_OUTCOME_LABELS, type ProposalDetail } from '../../../../types/proposals'
import { addDays, shanghaiDay } from '../../../../types/time'
import { useHandling } from '../useReview'
import '../proposalText.scss'
import './index.scss'

type Handling = ReturnType<typeof useHandling>

/** 交办 (the committee) or 转交 (the union office, a suggestion): the lead department, assisting ones, the reply day. */
function AssignForm({ handling }: { handling: Handling }) {
  const { departments, form, errors, change, assign, busy } = handling
  const today = shanghaiDay(new Date())
  const options = departments.map((dept) => ({ value: dept.id, label: dept.name }))
  return (
    <View className="card">
      <FormField label="主办部门" error={errors.leadDeptId}>
        <ChoiceChips value={form.leadDeptId} options={options} onChange={(leadDeptId) => change({ leadDeptId, assistDeptIds: form.assistDeptIds.filter((id) => id !== leadDeptId) })} />
      </FormField>
      <FormField label="协办部门（可多选）" error={errors.assistDeptIds}>
        <Checkbox.Group direction="horizontal" className="form-checks" value={form.assistDeptIds} onChange={(value) => change({ assistDeptIds: value as string[] })}>
          {options
            .filter((option) => option.value !== form.leadDeptId)
            .map((option) => (
              <Checkbox key={option.value} value={option.value} label={option.label} />
            ))}
        </Checkbox.Group>
      </FormField>
      <FormField label="答复期限" error={errors.replyDue} help="不选则按本届设置（默认 6 周）计算。">
        <DateField value={form.replyDue} title="答复期限" from={addDays(today, 1)} to={addDays(today, 365)} onChange={(replyDue) => change({ replyDue })} />
      </FormField>
      <Button type="primary" block loading={busy} className="handle__assign" onClick={assign}>
        确认交办
      </Button>
    </View>
  )
}

/** The reply's words, and for the lead department its outcome and, when adopted, the day it will be done. */
function ReplyForm({ handling, lead }: { handling: Handling; lead: boolean }) {
  const { form, errors, change, busy } = handling
  const today = shanghaiDay(new Date())
  return (
    <View className="card">
      {lead && (
        <FormField label="办理结果" error={errors.outcome}>
          <ChoiceChips value={form.outcome} options={choicesOf(REPLY_OUTCOME_LABELS)} onChange={(outcome) => change({ outcome })} />
        </FormField>
      )}
      <FormField label="答复内容" error={errors.text}>
        <TextArea className="handle__text" placeholder={lead ? (form.outcome === 'notAdopted' ? '请说明暂不采纳的原因' : form.outcome === 'planned' ? '请说明计划安排' : '请写明落实的措施') : '请写明答复内容'} value={form.text} maxLength={HANDLING_TEXT_MAX} showCount autoSize onChange={(text) => change({ text })} />
      </FormField>
      {lead && form.outcome === 'adopted' && (
        <FormField label="完成时间" error={errors.completionDate}>
          <DateField value={form.completionDate} title="完成时间" from={addDays(today, -365)} to={addDays(today, 3 * 365)} onChange={(completionDate) => change({ completionDate })} />
        </FormField>
      )}
      <Button type="primary" block loading={busy} className="handle__reply" onClick={lead ? handling.reply : handling.answer}>
        提交答复
      </Button>
    </View>
  )
}

function AssistForm({ handling, deptId }: { handling: Handling; deptId: string }) {
  const { form, errors, change, busy } = handling
  return (
    <View className="card">
      <FormField label="协办意见" error={errors.text} help="主办部门汇总各协办部门的意见后答复提案人。">
        <TextArea className="handle__text" placeholder="请写明本部门的办理意见" value={form.text} maxLength={HANDLING_TEXT_MAX} showCount autoSize onChange={(text) => change({ text })} />
      </FormField>
      <Button type="primary" block loading={busy} className="handle__assist" onClick={() => handling.assistInput(deptId)}>
        提交协办意见
      </Button>
    </View>
  )
}

/** What the caller does with it here: the first step open to them. */
function Forms({ detail, handling }: { detail: ProposalDetail; handling: Handling }) {
  if (detail.steps.includes('assign') || detail.steps.includes('forward')) {
    return (
      <>
        <AssignForm handling={handling} />
        {detail.steps.includes('answer') && (
          <>
            <Text className="page-note">或由校工会直接答复：</Text>
            <ReplyForm handling={handling} lead={false} />
          </>
        )}
      </>
    )
  }
  if (detail.steps.includes('answer')) return <ReplyForm handling={handling} lead={false} />
  if (detail.steps.includes('reply')) return <ReplyForm handling={handling} lead />
  const assisting = detail.handling?.assists.find((assist) => detail.myDepts.includes(assist.deptId))
  if (assisting) return <AssistForm handling={handling} deptId={assisting.deptId} />
  return <Text className="page-note">这份提案当前没有需要您办理的事项</Text>
}

/** 提案办理: 交办, 协办意见 or 答复, as the caller is to the proposal. */
export default function Handle() {
  const id = decodedParam(useRouter().params.id)
  const handling = useHandling(id)
  const proposal = handling.detail.data
  return (
    <Screen className="handle">
      <StateView loading={handling.detail.loading} error={handling.detail.error} empty={!proposal} emptyText="提案不存在" onRetry={handling.detail.reload}>
        {proposal && (
          <>
            <View className="card">
              <Text className="proposal-text__title">
                {proposal.number ? `${proposal.number} ` : ''}
                {proposal.title}
              </Text>
              <Text className="card-meta">
                {proposal.authorName}（{proposal.authorUnitName}） · {proposal.stateLabel}
              </Text>
              <Text className="proposal-text__heading">案由</Text>
              <Text className="proposal-text__body">{proposal.reasons}</Text>
              <Text className="proposal-text__heading">建议</Text>
              <Text className="proposal-text__body">{proposal.measures}</Text>
              {proposal.handling?.assists
                .filter((assist) => assist.text)
                .map((assist) => (
                  <Text key={assist.deptId} className="handle__assist-text">
                    {assist.deptName}（协办）：{assist.text}
                  </Text>
                ))}
              {proposal.rating?.satisfaction === 'unsatisfied' && <Text className="handle__assist-text">提案人不满意：{proposal.rating.comment || '未说明原因'}</Text>}
            </View>
            <Forms detail={proposal} handling={handling} />
          </>
        )}
      </StateView>
    </Screen>
  )
}

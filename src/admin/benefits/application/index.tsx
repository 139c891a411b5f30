import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ApplicationCard } from '../../../components/ApplicationCard'
import { ChoiceChips } from '../../../components/ChoiceChips'
import { FormField } from '../../../components/FormField'
import { ProofImages } from '../../../components/ProofImages'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { StepHistory } from '../../../components/StepHistory'
import { REASON_MAX, defaultItem, type ApplicationDetail } from '../../../../types/benefitApplications'
import { BENEFIT_FORM_LABELS, formatYuan } from '../../../../types/benefits'
import { useApplicationReview } from '../useApplicationQueue'
import './index.scss'

/** Who did what with the application. */
const historyOf = (application: ApplicationDetail) => [
  { at: application.appliedAt, text: `${application.appliedByName}提交申请` },
  ...(application.checkedAt ? [{ at: application.checkedAt, text: `${application.checkedByName}（分工会）审核通过` }] : []),
  ...application.returns.map((step) => ({ at: step.at, text: `${step.byName}（${step.stepLabel}）退回：${step.reason}` })),
  ...(application.decidedAt ? [{ at: application.decidedAt, text: `${application.decidedByName}（校工会）批准发放` }] : []),
]

/** One 慰问 application for its unit admin or the union office: its proofs, its history, and the step it waits for. */
export default function Application() {
  const { id = '' } = useRouter().params
  const { application, office, policy, approval, approve, check, giveBack, busy } = useApplicationReview(id)
  const [returning, setReturning] = useState(false)
  const [reason, setReason] = useState('')
  const data = application.data
  const step = data?.state === 'submitted' ? 'check' : data?.state === 'checked' && office ? 'decide' : undefined
  return (
    <Screen className="application">
      <StateView loading={application.loading} error={application.error} empty={!data} emptyText="没有这份申请" onRetry={application.reload}>
        {data && (
          <>
            <ApplicationCard application={data} who />
            <View className="card">
              <FormField label="说明">
                <Text className="application__note">{data.note || '（无）'}</Text>
              </FormField>
              <FormField label={`证明材料（${data.proofCount} 张）`} help={data.proofUrls.length < data.proofCount ? '部分证明材料已按规定在审批结束后删除' : undefined}>
                <ProofImages urls={data.proofUrls} />
              </FormField>
              <FormField label="经办记录">
                <StepHistory steps={historyOf(data)} />
              </FormField>
            </View>
            {step === 'decide' && (
              <View className="card">
                <Text className="form-title">审批发放</Text>
                <FormField
                  label="慰问金额（元）"
                  error={approval.errors.amount}
                  help={policy ? `${data.kindLabel}年度限额 ${formatYuan(policy.yearlyCapFen)}${policy.source ? `（${policy.source}）` : ''}` : undefined}
                >
                  <Input className="field-input" type="digit" value={approval.form.amount} placeholder="如：500" onChange={(amount) => approval.change({ amount })} />
                </FormField>
                <FormField label="发放形式" error={approval.errors.form}>
                  <ChoiceChips
                    value={approval.form.form}
                    options={(policy?.forms ?? []).map((form) => ({ value: form, label: BENEFIT_FORM_LABELS[form] }))}
                    onChange={(form) => approval.change({ form })}
                  />
                </FormField>
                <FormField label="慰问品名称（选填）" error={approval.errors.item}>
                  <Input
                    className="field-input"
                    value={approval.form.item}
                    placeholder={defaultItem(data.kind, approval.form.form || 'cash')}
                    onChange={(item) => approval.change({ item })}
                  />
                </FormField>
              </View>
            )}
            {step && returning && (
              <View className="card">
                <FormField label="退回原因" help="会员会在「消息」中看到，修改后可以重新申请">
                  <TextArea className="field-input" value={reason} maxLength={REASON_MAX} showCount autoSize placeholder="如：请补充出院小结照片" onChange={setReason} />
                </FormField>
              </View>
            )}
          </>
        )}
      </StateView>
      {step && (
        <View className="bottom-bar application__actions">
          {returning ? (
            <>
              <Button fill="outline" disabled={busy} onClick={() => setReturning(false)}>
                取消
              </Button>
              <Button type="primary" loading={busy} onClick={() => giveBack(reason)}>
                确认退回
              </Button>
            </>
          ) : (
            <>
              <Button type="primary" fill="outline" disabled={busy} onClick={() => setReturning(true)}>
                退回
              </Button>
              <Button type="primary" loading={busy} onClick={step === 'check' ? check : approve}>
                {step === 'check' ? '通过审核' : '批准发放'}
              </Button>
            </>
          )}
        </View>
      )}
    </Screen>
  )
}

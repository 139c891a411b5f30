import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { ChoiceChips, choicesOf } from '../../../components/ChoiceChips'
import { DateField } from '../../../components/DateField'
import { FormField } from '../../../components/FormField'
import { HardshipCard } from '../../../components/HardshipCard'
import { ProofImages } from '../../../components/ProofImages'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { StepHistory } from '../../../components/StepHistory'
import { NOTE_MAX, REASON_MAX } from '../../../../types/benefitApplications'
import { BENEFIT_FORM_LABELS, ITEM_MAX, formatYuan } from '../../../../types/benefits'
import {
  APPROVAL_REF_MAX,
  HARDSHIP_CAUSE_LABELS,
  HARDSHIP_LEVEL_LABELS,
  VISITORS_MAX,
  VISIT_KIND_LABELS,
  type HardshipCaseDetail,
} from '../../../../types/hardship'
import { shanghaiDay } from '../../../../types/time'
import { useHardshipCase, type CaseStep } from '../useHardship'
import './index.scss'

/** Who did what with the case. */
const historyOf = (detail: HardshipCaseDetail) => [
  { at: detail.reportedAt, text: `${detail.reportedByName}上报` },
  ...detail.returns.map((step) => ({ at: step.at, text: `${step.byName}（校工会）退回：${step.reason}` })),
  ...(detail.filedAt ? [{ at: detail.filedAt, text: `${detail.filedByName}（校工会）确认建档` }] : []),
  ...(detail.closedAt ? [{ at: detail.closedAt, text: `${detail.closedByName}（校工会）结档：${detail.closeReason}` }] : []),
]

/** The aid given this year, newest last, with what it adds up to. */
function Aids({ detail, capFen }: { detail: HardshipCaseDetail; capFen?: number }) {
  return (
    <View className="card">
      <View className="hardship-case__heading">
        <Text className="form-title">帮扶记录</Text>
        <Text className="hardship-case__total">
          合计 {formatYuan(detail.aidTotalFen)}
          {capFen !== undefined ? ` / 年度限额 ${formatYuan(capFen)}` : ''}
        </Text>
      </View>
      {detail.aids.length === 0 && <Text className="card-meta">还没有登记帮扶</Text>}
      {detail.aids.map((aid) => (
        <View key={aid.payoutId} className="hardship-case__entry">
          <View className="hardship-case__entry-top">
            <Text className="hardship-case__entry-title">
              {aid.item}（{BENEFIT_FORM_LABELS[aid.form]}）
            </Text>
            <Text className="hardship-case__amount">{formatYuan(aid.amountFen)}</Text>
          </View>
          <Text className="card-meta">
            {aid.day} · 审批依据：{aid.approvalRef} · {aid.recordedByName}登记{aid.receivedAt ? ' · 已签收' : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}

function Visits({ detail }: { detail: HardshipCaseDetail }) {
  return (
    <View className="card">
      <Text className="form-title">走访记录</Text>
      {detail.visits.length === 0 && <Text className="card-meta">还没有登记走访</Text>}
      {detail.visits.map((visit) => (
        <View key={visit.day + visit.visitors + visit.kind} className="hardship-case__entry">
          <View className="hardship-case__entry-top">
            <Text className="hardship-case__entry-title">{visit.kindLabel}</Text>
            <Text className="card-meta">{visit.day}</Text>
          </View>
          <Text className="card-meta">走访人：{visit.visitors}</Text>
          {visit.note && <Text className="hardship-case__note">{visit.note}</Text>}
        </View>
      ))}
    </View>
  )
}

/** Each step's button in the bar, its form's title, and the button that sends it. */
const STEPS: Record<CaseStep, { start: string; title: string; confirm: string }> = {
  file: { start: '确认建档', title: '确认建档', confirm: '确认建档' },
  return: { start: '退回', title: '退回分工会', confirm: '确认退回' },
  aid: { start: '登记帮扶', title: '登记帮扶', confirm: '确认登记帮扶' },
  visit: { start: '登记走访', title: '登记走访', confirm: '确认登记走访' },
  close: { start: '结档', title: '结档', confirm: '确认结档' },
}

/** The form of the step being done. */
function StepForm({ hardship, detail }: { hardship: ReturnType<typeof useHardshipCase>; detail: HardshipCaseDetail }) {
  const { step, fields, policy } = hardship
  const { form, errors, change } = fields
  if (!step) return null
  const today = shanghaiDay(new Date())
  const yearEnd = `${detail.year}-12-31`
  const dayField = (label: string) => (
    <FormField label={label} error={errors.day}>
      <DateField value={form.day} title={label} from={`${detail.year}-01-01`} to={today < yearEnd ? today : yearEnd} onChange={(day) => change({ day })} />
    </FormField>
  )
  return (
    <View className="card">
      <Text className="form-title">{STEPS[step].title}</Text>
      {step === 'file' && (
        <>
          <FormField label="困难类别" error={errors.cause}>
            <ChoiceChips value={form.cause} options={choicesOf(HARDSHIP_CAUSE_LABELS)} onChange={(cause) => change({ cause })} />
          </FormField>
          <FormField label="困难等级" error={errors.level}>
            <ChoiceChips value={form.level} options={choicesOf(HARDSHIP_LEVEL_LABELS)} onChange={(level) => change({ level })} />
          </FormField>
        </>
      )}
      {(step === 'return' || step === 'close') && (
        <FormField label={step === 'return' ? '退回原因' : '结档原因'} error={errors.reason} help={step === 'return' ? '分工会补充后可以重新上报' : undefined}>
          <TextArea
            className="field-input"
            value={form.reason}
            maxLength={REASON_MAX}
            showCount
            autoSize
            placeholder={step === 'return' ? '如：请补充医疗费用清单' : '如：配偶已康复返岗，家庭收入恢复'}
            onChange={(reason) => change({ reason })}
          />
        </FormField>
      )}
      {step === 'aid' && (
        <>
          <FormField
            label="帮扶金额（元）"
            error={errors.amount}
            help={policy ? `困难帮扶每人每年限额 ${formatYuan(policy.yearlyCapFen)}${policy.source ? `（${policy.source}）` : ''}，已帮扶 ${formatYuan(detail.aidTotalFen)}` : undefined}
          >
            <Input className="field-input" type="digit" value={form.amount} placeholder="如：1000" onChange={(amount) => change({ amount })} />
          </FormField>
          <FormField label="发放形式" error={errors.form}>
            <ChoiceChips
              value={form.form}
              options={(policy?.forms ?? []).map((allowed) => ({ value: allowed, label: BENEFIT_FORM_LABELS[allowed] }))}
              onChange={(chosen) => change({ form: chosen })}
            />
          </FormField>
          <FormField label="帮扶物品名称（选填）" error={errors.item}>
            <Input className="field-input" value={form.item} maxLength={ITEM_MAX} placeholder="困难帮扶" onChange={(item) => change({ item })} />
          </FormField>
          {dayField('帮扶日期')}
          <FormField label="审批依据" error={errors.approvalRef} help="校工会会议纪要或审批单的编号">
            <Input className="field-input" value={form.approvalRef} maxLength={APPROVAL_REF_MAX} placeholder="如：校工会〔2026〕12号" onChange={(approvalRef) => change({ approvalRef })} />
          </FormField>
        </>
      )}
      {step === 'visit' && (
        <>
          <FormField label="走访类别" error={errors.visitKind}>
            <ChoiceChips value={form.visitKind} options={choicesOf(VISIT_KIND_LABELS)} onChange={(visitKind) => change({ visitKind })} />
          </FormField>
          {dayField('走访日期')}
          <FormField label="走访人" error={errors.visitors}>
            <Input className="field-input" value={form.visitors} maxLength={VISITORS_MAX} placeholder="如：胡静、分工会主席" onChange={(visitors) => change({ visitors })} />
          </FormField>
          <FormField label="走访情况（选填）" error={errors.note}>
            <TextArea
              className="field-input"
              value={form.note}
              maxLength={NOTE_MAX}
              showCount
              autoSize
              placeholder="如：送去慰问品，了解治疗进展"
              onChange={(note) => change({ note })}
            />
          </FormField>
        </>
      )}
    </View>
  )
}

/** One hardship case for the union office or its unit admin: the situation, its history, aid and visits, and the next step. */
export default function HardshipCase() {
  const { id = '' } = useRouter().params
  const hardship = useHardshipCase(id)
  const { detail, steps, step, begin, cancel, confirm, busy, policy } = hardship
  const data = detail.data
  return (
    <Screen className="hardship-case">
      <StateView loading={detail.loading} error={detail.error} empty={!data} emptyText="没有这份档案" onRetry={detail.reload}>
        {data && (
          <>
            <HardshipCard row={data} />
            <View className="card">
              <FormField label="困难情况">
                <Text className="hardship-case__note">{data.situation}</Text>
              </FormField>
              <FormField label={`证明材料（${data.proofUrls.length} 张）`}>
                {data.proofUrls.length ? <ProofImages urls={data.proofUrls} /> : <Text className="card-meta">没有证明材料，或已按规定在结档、退回后删除</Text>}
              </FormField>
              <FormField label="经办记录">
                <StepHistory steps={historyOf(data)} />
              </FormField>
            </View>
            {data.state !== 'reported' && data.state !== 'returned' && (
              <>
                <Aids detail={data} capFen={policy?.yearlyCapFen} />
                <Visits detail={data} />
              </>
            )}
            <StepForm hardship={hardship} detail={data} />
          </>
        )}
      </StateView>
      {steps.length > 0 && (
        <View className="bottom-bar hardship-case__actions">
          {step ? (
            <>
              <Button fill="outline" disabled={busy} onClick={cancel}>
                取消
              </Button>
              <Button type="primary" loading={busy} onClick={confirm}>
                {STEPS[step].confirm}
              </Button>
            </>
          ) : (
            steps.map((next, at) => (
              <Button key={next} type="primary" fill={at === steps.length - 1 ? 'solid' : 'outline'} onClick={() => begin(next)}>
                {STEPS[next].start}
              </Button>
            ))
          )}
        </View>
      )}
    </Screen>
  )
}

import { Input, TextArea } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { EVENT_DATE_LABELS, HOSPITAL_MAX, NOTE_MAX, PROOFS_KEPT_DAYS, PROOFS_MAX, RELATION_LABELS, type ApplicationKind } from '../../types/benefitApplications'
import { BENEFIT_KIND_LABELS } from '../../types/benefits'
import type { ApplicationForm as Form } from '../services/applicationForm'
import { applicationDays } from '../services/applicationForm'
import { ChoiceChips, choicesOf } from './ChoiceChips'
import { DateField } from './DateField'
import { FormField } from './FormField'
import { ProofImages } from './ProofImages'

/** What each kind's proof is, in the words a member knows. */
const PROOF_HELP: Record<ApplicationKind, string> = {
  marriage: '结婚证照片',
  childbirth: '出生医学证明或住院记录照片',
  hospitalization: '住院发票、出院小结或诊断证明照片',
  retirement: '退休审批表或退休证照片',
  bereavement: '死亡证明或火化证明照片',
  relativeBereavement: '死亡证明及能说明亲属关系的材料照片',
}

/**
 * 申请慰问's fields: the kind (those in `kinds`), its day, a hospital stay's hospital and discharge, a relative's
 * relation, a note, and the proof images (picked and uploaded one at a time with `onAddProof`).
 */
export function ApplicationForm({
  form,
  errors,
  change,
  kinds,
  onAddProof,
  addingProof,
}: {
  form: Form
  errors: Record<string, string>
  change: (fields: Partial<Form>) => void
  kinds: readonly ApplicationKind[]
  onAddProof: () => void
  addingProof: boolean
}) {
  const days = applicationDays(new Date())
  const kindChoices = choicesOf(BENEFIT_KIND_LABELS).filter((choice) => (kinds as readonly string[]).includes(choice.value))
  const proofError = errors.proofFileIds ?? Object.entries(errors).find(([field]) => field.startsWith('proofFileIds.'))?.[1]
  return (
    <View className="card application-form">
      <FormField label="慰问类别" error={errors.kind}>
        <ChoiceChips value={form.kind} options={kindChoices} onChange={(kind) => change({ kind: kind as ApplicationKind })} className="choices" />
      </FormField>
      {form.kind && (
        <>
          <FormField label={EVENT_DATE_LABELS[form.kind]} error={errors.date} help={`${days.from} 以后发生的可以申请`}>
            <DateField value={form.date} title={EVENT_DATE_LABELS[form.kind]} from={days.from} to={days.to} onChange={(date) => change({ date })} />
          </FormField>
          {form.kind === 'hospitalization' && (
            <>
              <FormField label="医院名称" error={errors.hospital}>
                <Input className="field-input" value={form.hospital} maxLength={HOSPITAL_MAX} placeholder="如：省立医院" onChange={(hospital) => change({ hospital })} />
              </FormField>
              <FormField label="出院日期（选填）" error={errors.dischargedOn} help="尚未出院的可以不填">
                <DateField value={form.dischargedOn} title="出院日期" from={form.date || days.from} to={days.to} onChange={(dischargedOn) => change({ dischargedOn })} />
              </FormField>
            </>
          )}
          {form.kind === 'relativeBereavement' && (
            <FormField label="亲属与会员的关系" error={errors.relation}>
              <ChoiceChips value={form.relation} options={choicesOf(RELATION_LABELS)} onChange={(relation) => change({ relation })} className="choices" />
            </FormField>
          )}
          <FormField label="证明材料" error={proofError} help={`${PROOF_HELP[form.kind]}，最多 ${PROOFS_MAX} 张。只有您、所在分工会和校工会能看到，审批结束 ${PROOFS_KEPT_DAYS} 天后删除。`}>
            <ProofImages
              urls={form.proofs.map((proof) => proof.url)}
              max={PROOFS_MAX}
              adding={addingProof}
              onAdd={onAddProof}
              onRemove={(index) => change({ proofs: form.proofs.filter((_, at) => at !== index) })}
            />
          </FormField>
          <FormField label="说明（选填）" error={errors.note}>
            <TextArea className="field-input" value={form.note} maxLength={NOTE_MAX} showCount autoSize placeholder="需要分工会和校工会了解的情况" onChange={(note) => change({ note })} />
          </FormField>
        </>
      )}
    </View>
  )
}

import { Button, TextArea } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { ChoiceChips, choicesOf } from '../../../components/ChoiceChips'
import { FormField } from '../../../components/FormField'
import { MemberPicker } from '../../../components/MemberPicker'
import { ProofImages } from '../../../components/ProofImages'
import { Screen } from '../../../components/Screen'
import { PROOFS_KEPT_DAYS, PROOFS_MAX } from '../../../../types/benefitApplications'
import { HARDSHIP_CAUSE_LABELS, HARDSHIP_LEVEL_LABELS, SITUATION_MAX } from '../../../../types/hardship'
import { useHardshipReport } from '../useHardship'
import './index.scss'

/** 上报困难帮扶: find the member (a unit admin: in their unit), then the cause, the level, the situation and the proof. */
export default function HardshipReport() {
  const { search, form, errors, change, addProof, addingProof, submit, busy } = useHardshipReport()
  const proofError = errors.proofFileIds ?? Object.entries(errors).find(([field]) => field.startsWith('proofFileIds.'))?.[1]
  return (
    <Screen className="hardship-report">
      <MemberPicker search={search} hint="先找到要上报的困难职工" />
      {search.member && (
        <>
          <View className="card">
            <FormField label="困难类别" error={errors.cause}>
              <ChoiceChips value={form.cause} options={choicesOf(HARDSHIP_CAUSE_LABELS)} onChange={(cause) => change({ cause })} />
            </FormField>
            <FormField label="困难等级" error={errors.level} help="校工会确认建档时可以调整">
              <ChoiceChips value={form.level} options={choicesOf(HARDSHIP_LEVEL_LABELS)} onChange={(level) => change({ level })} />
            </FormField>
            <FormField label="困难情况" error={errors.situation}>
              <TextArea
                className="field-input"
                value={form.situation}
                maxLength={SITUATION_MAX}
                showCount
                autoSize
                placeholder="家庭成员、收入、支出和困难的原因，如：配偶重病住院，自付医疗费约 6 万元"
                onChange={(situation) => change({ situation })}
              />
            </FormField>
            <FormField
              label="证明材料（选填）"
              error={proofError}
              help={`诊断证明、医疗费用清单、受灾证明等照片，最多 ${PROOFS_MAX} 张。只有校工会和本分工会能看到，结档或退回 ${PROOFS_KEPT_DAYS} 天后删除。`}
            >
              <ProofImages
                urls={form.proofs.map((proof) => proof.url)}
                max={PROOFS_MAX}
                adding={addingProof}
                onAdd={addProof}
                onRemove={(index) => change({ proofs: form.proofs.filter((_, at) => at !== index) })}
              />
            </FormField>
          </View>
          <View className="bottom-bar">
            <Button type="primary" block loading={busy} disabled={addingProof} className="hardship-report__submit" onClick={submit}>
              上报校工会
            </Button>
          </View>
        </>
      )}
    </Screen>
  )
}

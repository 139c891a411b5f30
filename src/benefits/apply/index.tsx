import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ApplicationForm } from '../../components/ApplicationForm'
import { Screen } from '../../components/Screen'
import { takeRetry, useApply } from '../../hooks/useApplications'
import { APPLICATION_KINDS } from '../../../types/benefitApplications'
import './index.scss'

/** A member applies for themselves; a member's own death is applied for by their unit. */
const OWN_KINDS = APPLICATION_KINDS.filter((kind) => kind !== 'bereavement')

/** 申请慰问: the kind, its day and details, proof photos; sent to the unit admin to check, then the union office. */
export default function Apply() {
  const [returned] = useState(takeRetry)
  const { form, errors, change, addProof, addingProof, submit, busy } = useApply(returned)
  return (
    <Screen className="apply">
      {returned && (
        <View className="card apply__returned">
          <Text className="apply__returned-title">重新申请：{returned.kindLabel}</Text>
          <Text className="apply__returned-text">
            退回原因：{returned.returns[returned.returns.length - 1]?.reason}。请按要求修改，并重新上传证明材料。
          </Text>
        </View>
      )}
      <ApplicationForm form={form} errors={errors} change={change} kinds={OWN_KINDS} onAddProof={addProof} addingProof={addingProof} />
      <Text className="page-note">提交后由所在分工会审核，再由校工会审批发放；每一步都会在「消息」中通知您。</Text>
      <View className="bottom-bar">
        <Button type="primary" block loading={busy} disabled={addingProof} className="apply__submit" onClick={submit}>
          提交申请
        </Button>
      </View>
    </Screen>
  )
}

import { Button } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { ApplicationForm } from '../../../components/ApplicationForm'
import { MemberPicker } from '../../../components/MemberPicker'
import { Screen } from '../../../components/Screen'
import { APPLICATION_KINDS } from '../../../../types/benefitApplications'
import { useApplyFor } from '../useApplicationQueue'
import './index.scss'

/** 代为申请慰问: find the member (a unit admin: in their unit), then the same form a member fills for themselves. */
export default function ApplyFor() {
  const { search, form, errors, change, addProof, addingProof, submit, busy } = useApplyFor()
  return (
    <Screen className="apply-for">
      <MemberPicker search={search} hint="先找到要代为申请的会员" />
      {search.member && (
        <>
          <ApplicationForm form={form} errors={errors} change={change} kinds={APPLICATION_KINDS} onAddProof={addProof} addingProof={addingProof} />
          <View className="bottom-bar">
            <Button type="primary" block loading={busy} disabled={addingProof} className="apply__submit" onClick={submit}>
              提交申请
            </Button>
          </View>
        </>
      )}
    </Screen>
  )
}

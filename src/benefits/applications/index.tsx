import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { ApplicationCard } from '../../components/ApplicationCard'
import { ListFooter } from '../../components/ListFooter'
import { ProofImages } from '../../components/ProofImages'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { APPLY_URL, retryApplication, useApplicationReminders, useMyApplications } from '../../hooks/useApplications'
import { APPLY_WITHIN_MONTHS } from '../../../types/benefitApplications'
import './index.scss'

/** After filing: the prompt to hear of each step on WeChat. */
function Filed() {
  const reminders = useApplicationReminders()
  return (
    <View className="card my-applications__filed">
      <Text className="my-applications__filed-title">申请已提交</Text>
      <Text className="my-applications__filed-text">分工会审核、校工会审批后会通知您，批准的慰问会出现在「我的福利」中。</Text>
      <Button type="primary" fill="outline" block loading={reminders.busy} onClick={reminders.ask}>
        {reminders.subscribed ? '已订阅审核结果提醒' : '订阅审核结果提醒'}
      </Button>
    </View>
  )
}

/** 我的慰问申请: my life-event 慰问 applications, newest first, with where each is, why one came back, what was approved. */
export default function MyApplications() {
  const filed = useRouter().params.filed === '1'
  const list = useMyApplications()
  return (
    <Screen className="my-applications">
      {filed && <Filed />}
      <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText="您还没有申请过慰问" onRetry={list.reload}>
        {list.items.map((application) => (
          <ApplicationCard key={application.id} application={application}>
            {application.proofUrls.length > 0 && (
              <View className="my-applications__proofs">
                <ProofImages urls={application.proofUrls} />
              </View>
            )}
            {application.state === 'returned' && (
              <Button type="primary" fill="outline" block className="my-applications__retry" onClick={() => retryApplication(application)}>
                修改后重新申请
              </Button>
            )}
          </ApplicationCard>
        ))}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
      </StateView>
      <Text className="page-note">结婚、生育、住院、退休、直系亲属亡故可申请慰问，事情发生后 {APPLY_WITHIN_MONTHS} 个月内提交；会员亡故由所在分工会代为申请。</Text>
      <View className="bottom-bar">
        <Button type="primary" block onClick={() => Taro.navigateTo({ url: APPLY_URL })}>
          申请慰问
        </Button>
      </View>
    </Screen>
  )
}

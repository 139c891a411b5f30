import { Button } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ApplicationCard } from '../../../components/ApplicationCard'
import { ChoiceChips, choicesOf } from '../../../components/ChoiceChips'
import { ListFooter } from '../../../components/ListFooter'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { APPLICATION_STATE_LABELS } from '../../../../types/benefitApplications'
import { APPLY_FOR_URL, applicationUrl, useApplicationQueue } from '../useApplicationQueue'
import './index.scss'

/** 慰问申请审批: what awaits me first (a unit admin checks, the union office decides), then the rest by state. */
export default function ApplicationQueue() {
  const { list, state, setState, unitId } = useApplicationQueue()
  const waiting = state === 'submitted' || state === 'checked'
  return (
    <Screen className="application-queue">
      <View className="application-queue__filters">
        <ChoiceChips value={state} options={choicesOf(APPLICATION_STATE_LABELS)} onChange={setState} />
      </View>
      <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText={waiting ? '没有等待处理的申请' : `没有${APPLICATION_STATE_LABELS[state]}的申请`} onRetry={list.reload}>
        {list.items.map((application) => (
          <ApplicationCard key={application.id} application={application} who onClick={() => void Taro.navigateTo({ url: applicationUrl(application.id) })} />
        ))}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
      </StateView>
      <View className="bottom-bar">
        <Button type="primary" fill="outline" block onClick={() => void Taro.navigateTo({ url: APPLY_FOR_URL })}>
          {unitId ? '为本分工会会员代为申请' : '代为申请'}
        </Button>
      </View>
    </Screen>
  )
}

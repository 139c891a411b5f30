import { Button } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ListFooter } from '../../components/ListFooter'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { EVENTS_TAB_URL, openEvent, useMySignups } from '../../hooks/useEvents'
import { formatDateTime } from '../../../types/time'
import { SignupCard } from '../SignupCard'
import './index.scss'

/** 我的报名: each of my sign-ups with its status, newest first; tap for the event; cancel or accept an offer. */
export default function MySignups() {
  const { list, cancel, accept, busy } = useMySignups()
  const now = new Date()
  return (
    <Screen className="my-signups">
      <StateView loading={list.loading} error={list.error} empty={list.items.length === 0} emptyText="您还没有报名过活动" onRetry={list.reload}>
        {list.items.map((signup) => (
          <SignupCard
            key={signup.id}
            signup={signup}
            heading={{ title: signup.eventTitle, time: formatDateTime(signup.startAt, now), place: signup.place }}
            onOpen={() => void openEvent(signup.eventId)}
            onCancel={cancel}
            onAccept={accept}
            busy={busy}
          />
        ))}
        <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} />
      </StateView>
      {!list.loading && list.items.length === 0 && !list.error && (
        <View className="my-signups__go">
          <Button type="primary" fill="outline" onClick={() => Taro.switchTab({ url: EVENTS_TAB_URL })}>
            去看看正在报名的活动
          </Button>
        </View>
      )}
    </Screen>
  )
}


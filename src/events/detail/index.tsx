import { Button, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import type { ReactNode } from 'react'
import { CoverImage } from '../../components/CoverImage'
import { RichBody } from '../../components/RichBody'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { eventUrl, MY_SIGNUPS_URL, signupUrl, useEventDetail } from '../../hooks/useEvents'
import { decodedParam } from '../../services/checkIn'
import { cancelText, checkInText, eventTime, placesText, reviewText, waitlistText } from '../../services/eventText'
import { EVENT_KIND_LABELS, EVENT_PHASE_LABELS, LIVE_STATES, type EventDetail } from '../../../types/events'
import { formatDateTime } from '../../../types/time'
import { SignupCard } from '../SignupCard'
import './index.scss'

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="event-detail__row">
      <Text className="event-detail__row-label">{label}</Text>
      <View className="event-detail__row-value">{children}</View>
    </View>
  )
}

/** The main button's words for what signing up now leads to. */
function mainButton(event: EventDetail): string {
  if (!event.verdict.can) return event.verdict.message
  return event.verdict.outcome === 'waitlist' ? '候补报名' : '我要报名'
}

/** 活动详情: its cover, when, where, places, who may come and the rules in plain words; my sign-up, or the way to sign up. */
export default function EventDetailPage() {
  // WeChat hands query values over still URL-encoded.
  const id = decodedParam(useRouter().params.id)
  const { data: event, error, loading, reload, cancel, accept, busy } = useEventDetail(id)
  useShareAppMessage(() => ({ title: event?.title ?? '教工之家 · 活动', path: eventUrl(id) }))
  const now = new Date()
  const live = event?.mySignup !== undefined && (LIVE_STATES as readonly string[]).includes(event.mySignup.state)
  const verdictTone = event?.verdict.can && event.verdict.outcome === 'confirm' ? 'good' : 'pending'

  return (
    <Screen className="event-detail">
      <StateView loading={loading} error={error} empty={!event} emptyText="活动不存在" onRetry={reload}>
        {event && (
          <>
            <View className="event-detail__hero">
              <CoverImage url={event.coverUrl} className="event-detail__cover" />
              <View className="event-detail__tags">
                <Tag color="#ffffff" background="rgba(255,255,255,0.2)" className="event-detail__tag">
                  {EVENT_KIND_LABELS[event.kind]}
                </Tag>
                <Tag color={event.phase === 'open' ? '#c8161d' : '#595959'} background="#ffffff" className="event-detail__tag">
                  {EVENT_PHASE_LABELS[event.phase]}
                </Tag>
              </View>
              <Text className="event-detail__title">{event.title}</Text>
              <Text className="event-detail__organizer">主办：{event.organizer}</Text>
            </View>

            <View className="card event-detail__facts">
              <Row label="时间">
                <Text>{eventTime(event.startAt, event.endAt, now)}</Text>
              </Row>
              <Row label="地点">
                <Text>{event.place}</Text>
              </Row>
              <Row label="报名">
                <Text>
                  {formatDateTime(event.signupOpensAt, now)} 至 {formatDateTime(event.signupClosesAt, now)}
                </Text>
              </Row>
              <Row label="名额">
                <Text className={event.placesLeft === 0 ? 'event-detail__full' : 'event-detail__places'}>{placesText(event)}</Text>
                {event.waitingCount > 0 && <Text className="event-detail__waiting">{event.waitingCount} 人在候补</Text>}
              </Row>
              {event.eligibilityText.length > 0 && (
                <Row label="对象">
                  {event.eligibilityText.map((line) => (
                    <Text key={line} className="event-detail__line">
                      {line}
                    </Text>
                  ))}
                </Row>
              )}
            </View>

            {event.mySignup && <SignupCard signup={event.mySignup} onCancel={cancel} onAccept={accept} busy={busy} onOpen={() => Taro.navigateTo({ url: MY_SIGNUPS_URL })} />}

            {event.description.trim() && (
              <View className="card event-detail__body">
                <Text className="event-detail__heading">活动介绍</Text>
                <RichBody markup={event.description} />
              </View>
            )}

            <View className="card event-detail__rules">
              <Text className="event-detail__heading">报名须知</Text>
              <Row label="审核">
                <Text>{reviewText(event.review)}</Text>
              </Row>
              <Row label="取消">
                <Text>{cancelText(event.cancelPolicy, now)}</Text>
              </Row>
              <Row label="候补">
                <Text>{waitlistText(event.waitlist)}</Text>
              </Row>
              <Row label="签到">
                <Text>{checkInText(event.checkIn)}</Text>
              </Row>
            </View>

            <View className="bottom-bar event-detail__bar">
              {live ? (
                <Button block type="primary" fill="outline" onClick={() => Taro.navigateTo({ url: MY_SIGNUPS_URL })}>
                  查看我的报名
                </Button>
              ) : (
                <>
                  {event.verdict.can && (
                    <Text className={`event-detail__verdict event-detail__verdict--${verdictTone}`}>{event.verdict.message}</Text>
                  )}
                  <Button
                    block
                    type="primary"
                    className="event-detail__signup"
                    disabled={!event.verdict.can}
                    onClick={() => Taro.navigateTo({ url: signupUrl(event.id) })}
                  >
                    {mainButton(event)}
                  </Button>
                </>
              )}
            </View>
          </>
        )}
      </StateView>
    </Screen>
  )
}

import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { EVENT_KIND_LABELS, EVENT_PHASE_LABELS, SIGNUP_STATUS_LABELS, type EventSummary } from '../../types/events'
import { openEvent } from '../hooks/useEvents'
import { eventTime, placesBadge, statusTone } from '../services/eventText'
import { CoverImage } from './CoverImage'
import { StatusTag } from './StatusTag'
import './EventCard.scss'

/** One event in a list: its cover, what, when, where, who organizes it, the places left and my status. Tapping opens it. */
export function EventCard({ event, now }: { event: EventSummary; now?: Date }) {
  const badge = placesBadge(event)
  return (
    <View className={`event-card event-card--${event.phase}`} onClick={() => void openEvent(event.id)}>
      <CoverImage url={event.coverUrl} className="event-card__cover" />
      <View className="event-card__body">
        <View className="event-card__main">
          <View className="event-card__tags">
            <Tag color="#0f7b4f" background="#e3f5ec" className="event-card__tag">
              {EVENT_KIND_LABELS[event.kind]}
            </Tag>
            {event.phase !== 'open' && (
              <Tag color="#595959" background="#f5f5f7" className="event-card__tag">
                {EVENT_PHASE_LABELS[event.phase]}
              </Tag>
            )}
            {event.myStatus && <StatusTag tone={statusTone(event.myStatus)}>{SIGNUP_STATUS_LABELS[event.myStatus]}</StatusTag>}
          </View>
          <Text className="event-card__title">{event.title}</Text>
          <View className="event-card__line">
            <Text className="event-card__label">时间</Text>
            <Text className="event-card__value">{eventTime(event.startAt, event.endAt, now)}</Text>
          </View>
          <View className="event-card__line">
            <Text className="event-card__label">地点</Text>
            <Text className="event-card__value">{event.place}</Text>
          </View>
          <View className="event-card__line">
            <Text className="event-card__label">主办</Text>
            <Text className="event-card__value">{event.organizer}</Text>
          </View>
        </View>
        {badge && (
          <View className={`event-card__places ${badge.full ? 'event-card__places--full' : ''}`}>
            <Text className="event-card__places-value">{badge.value}</Text>
            <Text className="event-card__places-caption">{badge.caption}</Text>
          </View>
        )}
      </View>
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import type { EventPhase } from '../../../types/events'
import { PhaseTag } from './phase'
import './EventHeading.scss'

/** The top of an event's card in the organizer's pages: its phase, kind and organizer on one line, then its title. */
export function EventHeading({ phase, kind, organizer, title }: { phase: EventPhase; kind?: string; organizer: string; title: string }) {
  return (
    <>
      <View className="event-heading">
        <PhaseTag phase={phase} />
        {kind && <Text className="event-heading__kind">{kind}</Text>}
        <Text className="event-heading__organizer">{organizer}</Text>
      </View>
      <Text className="event-heading__title">{title}</Text>
    </>
  )
}

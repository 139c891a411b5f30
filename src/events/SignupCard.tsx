import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { MySignupView } from '../../types/events'
import { formatDateTime } from '../../types/time'
import { StatusTag } from '../components/StatusTag'
import { cancelLabel } from '../hooks/useEvents'
import { statusTone } from '../services/eventText'
import './SignupCard.scss'

interface Props {
  signup: MySignupView
  /** The event's title and time as a heading (我的报名); left out on the event's own page. */
  heading?: { title: string; time: string; place: string }
  onOpen?: () => void
  onCancel: (signup: MySignupView) => void
  onAccept: (signup: MySignupView) => void
  busy: boolean
}

/** What a sign-up says beyond its status: the offer's deadline, a pending cancel, why it was turned down. */
function notes(signup: MySignupView): string[] {
  const lines: string[] = []
  if (signup.state === 'offered' && signup.offerExpiresAt) {
    lines.push(signup.canAccept ? `有名额空出，请在 ${formatDateTime(signup.offerExpiresAt)} 前确认参加` : '确认时限已过')
  }
  if (signup.cancelRequested && signup.state === 'confirmed') lines.push('已申请取消，等待组织者处理')
  if (signup.state === 'pending') lines.push('报名已提交，等待组织者审核')
  if (signup.reason) lines.push(`原因：${signup.reason}`)
  return lines
}

/** One of my sign-ups: its status in words and colour, and the buttons for what I can do now. */
export function SignupCard({ signup, heading, onOpen, onCancel, onAccept, busy }: Props) {
  const cancel = cancelLabel(signup)
  return (
    <View className="signup-card">
      <View className="status-card__top" onClick={onOpen}>
        {heading ? (
          <View className="status-card__heading">
            <Text className="signup-card__title">{heading.title}</Text>
            <Text className="signup-card__meta">{heading.time}</Text>
            <Text className="signup-card__meta">{heading.place}</Text>
          </View>
        ) : (
          <Text className="signup-card__caption">我的报名</Text>
        )}
        <StatusTag tone={statusTone(signup.status)}>{signup.statusLabel}</StatusTag>
      </View>
      {notes(signup).map((line) => (
        <Text key={line} className={`signup-card__note ${signup.state === 'offered' ? 'signup-card__note--urgent' : ''}`}>
          {line}
        </Text>
      ))}
      {(signup.canAccept || cancel) && (
        <View className="signup-card__actions">
          {cancel && (
            <Button className="signup-card__cancel" size="small" fill="outline" disabled={busy} onClick={() => onCancel(signup)}>
              {cancel}
            </Button>
          )}
          {signup.canAccept && (
            <Button className="signup-card__accept" size="small" type="primary" disabled={busy} onClick={() => onAccept(signup)}>
              确认参加
            </Button>
          )}
        </View>
      )}
    </View>
  )
}

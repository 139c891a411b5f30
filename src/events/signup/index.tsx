import { Button, Checkbox, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { ChoiceChips } from '../../components/ChoiceChips'
import { DateField } from '../../components/DateField'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { MY_SIGNUPS_URL, resultHeadline, useEventReminders, useSignupForm } from '../../hooks/useEvents'
import { decodedParam } from '../../services/checkIn'
import { fieldHint, textLimit } from '../../services/eventForm'
import { eventTime } from '../../services/eventText'
import { shanghaiDay } from '../../../types/time'
import type { FormField, SignupResult } from '../../../types/events'
import './index.scss'

/** A text answer this long or longer gets a box of several lines. */
const LONG_TEXT = 50
const EARLIEST_DAY = '1930-01-01'

function Question({ field, value, error, onAnswer }: { field: FormField; value: string | string[] | undefined; error?: string; onAnswer: (value: string | string[]) => void }) {
  const hint = fieldHint(field)
  const text = typeof value === 'string' ? value : ''
  let input
  switch (field.type) {
    case 'choice':
      input = <ChoiceChips value={text} options={(field.options ?? []).map((option) => ({ value: option, label: option }))} onChange={onAnswer} className="choices signup__choices" />
      break
    case 'multiChoice':
      input = (
        <Checkbox.Group className="signup__choices" direction="horizontal" value={Array.isArray(value) ? value : []} onChange={(picked) => onAnswer(picked)}>
          {(field.options ?? []).map((option) => (
            <Checkbox key={option} value={option} label={option} shape="button" className="choice" />
          ))}
        </Checkbox.Group>
      )
      break
    case 'date':
      input = <DateField value={text} title={field.label} from={EARLIEST_DAY} to={shanghaiDay(new Date(Date.now() + 5 * 365 * 86_400_000))} onChange={onAnswer} />
      break
    case 'text':
      input =
        textLimit(field) >= LONG_TEXT ? (
          <TextArea className="field-input signup__textarea" value={text} maxLength={textLimit(field)} showCount autoSize placeholder="请填写" onChange={onAnswer} />
        ) : (
          <Input className="field-input" value={text} maxLength={textLimit(field)} placeholder="请填写" onChange={onAnswer} />
        )
      break
    case 'number':
      input = <Input className="field-input" type="digit" value={text} placeholder="请填写数字" onChange={onAnswer} />
      break
    case 'phone':
      input = <Input className="field-input" type="number" value={text} maxLength={11} placeholder="请填写手机号" onChange={onAnswer} />
      break
  }
  return (
    <View className={`card signup__question signup__question--${field.key}`}>
      <View className="signup__label">
        {field.required && <Text className="signup__required">*</Text>}
        <Text>{field.label}</Text>
        {!field.required && <Text className="signup__optional">（选填）</Text>}
      </View>
      {hint && <Text className="signup__hint">{hint}</Text>}
      {input}
      {error && <Text className="signup__error">{error}</Text>}
    </View>
  )
}

/** The answer: 报名成功, 候补第 N 位, 待审核; then WeChat reminders and 我的报名. */
function Result({ result, title }: { result: SignupResult; title: string }) {
  const reminders = useEventReminders()
  const placed = result.state === 'confirmed'
  return (
    <View className="signup__result">
      <View className={`signup__result-mark ${placed ? 'signup__result-mark--good' : 'signup__result-mark--wait'}`}>{placed ? '✓' : '…'}</View>
      <Text className="signup__result-title">{resultHeadline(result)}</Text>
      {result.message !== resultHeadline(result) && <Text className="signup__result-message">{result.message}</Text>}
      <Text className="signup__result-event">{title}</Text>
      {result.state === 'waiting' && <Text className="signup__result-hint">有名额空出时按候补顺序递补，结果会在「消息」中通知您。</Text>}
      {result.state === 'pending' && <Text className="signup__result-hint">审核结果会在「消息」中通知您。</Text>}
      <View className="signup__result-actions">
        <Button block type="primary" fill="outline" className="signup__remind" loading={reminders.busy} onClick={reminders.ask}>
          {reminders.subscribed ? '已订阅活动提醒' : '订阅活动提醒'}
        </Button>
        <Text className="signup__remind-hint">活动开始前、报名结果变化时通过微信提醒您</Text>
        <Button block type="primary" className="signup__mine" onClick={() => Taro.redirectTo({ url: MY_SIGNUPS_URL })}>
          查看我的报名
        </Button>
      </View>
    </View>
  )
}

/** 填写报名表: the event's own questions, checked before sending; the answer on a result screen. */
export default function Signup() {
  const id = decodedParam(useRouter().params.id)
  const { detail, questions, form, errors, answer, submit, busy, queued, gaveUp, result } = useSignupForm(id)
  const event = detail.data
  if (result && event) {
    return (
      <Screen className="signup">
        <Result result={result} title={event.title} />
      </Screen>
    )
  }
  const waitlist = event?.verdict.can && event.verdict.outcome === 'waitlist'
  const verdictTone = !event?.verdict.can ? 'closed' : event.verdict.outcome === 'confirm' ? 'good' : 'pending'
  return (
    <Screen className="signup">
      <StateView loading={detail.loading} error={detail.error} empty={!event} emptyText="活动不存在" onRetry={detail.reload}>
        {event && (
          <>
            <View className="card signup__event">
              <Text className="signup__event-title">{event.title}</Text>
              <Text className="signup__event-meta">{eventTime(event.startAt, event.endAt)}</Text>
              <Text className="signup__event-meta">{event.place}</Text>
              <Text className={`signup__verdict signup__verdict--${verdictTone}`}>{event.verdict.message}</Text>
            </View>
            {questions.length === 0 && <Text className="signup__none">本活动无需填写报名表，确认后即可提交。</Text>}
            {questions.map((field) => (
              <Question key={field.key} field={field} value={form[field.key]} error={errors[field.key]} onAnswer={(value) => answer(field.key, value)} />
            ))}
            {gaveUp && !busy && (
              <View className="card signup__unsure">
                <Text>暂时没有收到报名结果，您的报名可能已经提交。</Text>
                <Text className="signup__unsure-link" onClick={() => Taro.navigateTo({ url: MY_SIGNUPS_URL })}>
                  去「我的报名」查看 ›
                </Text>
              </View>
            )}
            <View className="bottom-bar signup__bar">
              {queued && <Text className="signup__queued">排队中，请勿离开…（已自动重试 {queued.tries} 次）</Text>}
              <Button block type="primary" className="signup__submit" loading={busy} disabled={!event.verdict.can} onClick={submit}>
                {busy ? '正在提交…' : waitlist ? '提交候补' : '提交报名'}
              </Button>
            </View>
          </>
        )}
      </StateView>
    </Screen>
  )
}

import { Button, Input, Switch, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { ChoiceChips, choicesOf } from '../../../components/ChoiceChips'
import { FORM_FIELDS_MAX, FORM_FIELD_TYPE_LABELS, FORM_FIELD_TYPES, TEXT_ANSWER_MAX, type FormFieldType } from '../../../../types/events'
import { addQuestion, changeQuestion, errorAt, isChoice, moveQuestion, removeQuestion, type QuestionForm } from '../eventForm'

const TYPE_HINTS: Record<FormFieldType, string> = {
  text: `一段文字，默认最多 ${TEXT_ANSWER_MAX} 字`,
  number: '一个数字，可限定范围',
  choice: '从选项中选一项',
  multiChoice: '从选项中选一项或多项',
  date: '一个日期，如 2026-05-20',
  phone: '11 位手机号，自动填入会员本人号码',
}

/** 报名表: the questions members answer when signing up, added, removed, reordered and edited one by one. */
export function FormBuilder({
  questions,
  errors,
  onChange,
}: {
  questions: QuestionForm[]
  errors: Record<string, string>
  onChange: (questions: QuestionForm[]) => void
}) {
  const edit = (index: number, change: Partial<QuestionForm>) => onChange(changeQuestion(questions, index, change))
  return (
    <View className="form-builder">
      {questions.length === 0 && <Text className="event-form__help">报名时只需确认身份（姓名、工号、分工会自动带出）。需要收集其他信息时，在下方添加题目。</Text>}
      {questions.map((question, index) => {
        const error = errorAt(errors, `settings.form.${index}`)
        return (
          <View key={question.key} className="form-builder__question">
            <View className="form-builder__bar">
              <Text className="form-builder__number">第 {index + 1} 题</Text>
              <View className="form-builder__tools">
                <Text className={`form-builder__tool${index === 0 ? ' form-builder__tool--off' : ''}`} onClick={() => onChange(moveQuestion(questions, index, -1))}>
                  上移
                </Text>
                <Text
                  className={`form-builder__tool${index === questions.length - 1 ? ' form-builder__tool--off' : ''}`}
                  onClick={() => onChange(moveQuestion(questions, index, 1))}
                >
                  下移
                </Text>
                <Text className="form-builder__tool form-builder__tool--danger" onClick={() => onChange(removeQuestion(questions, index))}>
                  删除
                </Text>
              </View>
            </View>
            <Input
              className="field-input form-builder__label"
              placeholder="题目，如：参赛组别"
              value={question.label}
              maxLength={20}
              onChange={(label) => edit(index, { label })}
            />
            <ChoiceChips value={question.type} options={choicesOf(FORM_FIELD_TYPE_LABELS)} onChange={(type) => edit(index, { type })} className="choices form-builder__types" />
            <Text className="form-builder__hint">{TYPE_HINTS[question.type]}</Text>
            {question.type === 'text' && (
              <View className="form-builder__limits">
                <Text className="form-builder__limit-label">字数上限</Text>
                <Input className="field-input form-builder__limit" type="number" placeholder={String(TEXT_ANSWER_MAX)} value={question.maxLength} onChange={(maxLength) => edit(index, { maxLength })} />
              </View>
            )}
            {question.type === 'number' && (
              <View className="form-builder__limits">
                <Text className="form-builder__limit-label">范围</Text>
                <Input className="field-input form-builder__limit" type="digit" placeholder="最小" value={question.min} onChange={(min) => edit(index, { min })} />
                <Text className="form-builder__dash">至</Text>
                <Input className="field-input form-builder__limit" type="digit" placeholder="最大" value={question.max} onChange={(max) => edit(index, { max })} />
              </View>
            )}
            {isChoice(question.type) && (
              <TextArea
                className="form-builder__options"
                placeholder={'选项，每行一个，如：\n男子组\n女子组'}
                value={question.options}
                autoSize
                onChange={(options) => edit(index, { options })}
              />
            )}
            <View className="form-builder__required">
              <Text className="form-builder__limit-label">必填</Text>
              <Switch checked={question.required} onChange={(required) => edit(index, { required })} />
            </View>
            {error && <Text className="event-form__error">{error}</Text>}
          </View>
        )
      })}
      {questions.length < FORM_FIELDS_MAX ? (
        <View className="form-builder__add">
          <Text className="form-builder__add-label">添加题目</Text>
          {FORM_FIELD_TYPES.map((type) => (
            <Button key={type} size="small" fill="outline" className="form-builder__add-button" onClick={() => onChange(addQuestion(questions, type))}>
              + {FORM_FIELD_TYPE_LABELS[type]}
            </Button>
          ))}
        </View>
      ) : (
        <Text className="event-form__help">报名表最多 {FORM_FIELDS_MAX} 题。</Text>
      )}
    </View>
  )
}

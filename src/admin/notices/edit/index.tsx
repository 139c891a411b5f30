import { Button, Checkbox, DatePicker, Input, Switch } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ChoiceChips, choicesOf, type Choice } from '../../../components/ChoiceChips'
import { MarkupEditor, PreviewToggle } from '../../../components/MarkupEditor'
import { Screen } from '../../../components/Screen'
import { BODY_MAX, MAX_SCHEDULE_DAYS, NOTICE_CATEGORY_LABELS, TITLE_MAX } from '../../../../types/notices'
import { formatDateTime, inShanghai } from '../../../../types/time'
import { fromPickerValues, type NoticeForm } from '../noticeForm'
import { useNoticeEditor } from '../useNoticeEditor'
import './index.scss'

const PIN_DAYS = [7, 30]
const AUDIENCES: Choice<NoticeForm['audienceKind']>[] = [
  { value: 'all', label: '全体会员' },
  { value: 'units', label: '指定分工会' },
]

/** 发布 / 编辑通知 (union office). */
export default function NoticeEdit() {
  const id = useRouter().params.id
  const { editing, form, errors, saving, units, change, submit } = useNoticeEditor(id ? decodeURIComponent(id) : undefined)
  const [picking, setPicking] = useState(false)
  const [preview, setPreview] = useState(false)
  const set = <K extends keyof NoticeForm>(key: K, value: NoticeForm[K]) => change({ [key]: value } as Partial<NoticeForm>)
  const field = (name: string) => errors[name] && <Text className="notice-form__error">{errors[name]}</Text>
  const pinChoice = form.pinDays !== undefined ? String(form.pinDays) : form.pinnedUntil ? 'until' : 'forever'

  return (
    <Screen className="notice-form">
      <View className="notice-form__cards">
        <View className="card notice-form__group notice-form__group--wide">
          <Text className="notice-form__label">标题</Text>
          <Input
            className="field-input"
            placeholder="例如：关于举办教职工气排球比赛的通知"
            value={form.title}
            maxLength={TITLE_MAX}
            onChange={(value) => set('title', value)}
          />
          {field('title')}
        </View>

        <View className="card notice-form__group">
          <Text className="notice-form__label">栏目</Text>
          <ChoiceChips value={form.category} options={choicesOf(NOTICE_CATEGORY_LABELS)} onChange={(value) => set('category', value)} />
        </View>

        <View className="card notice-form__group">
          <Text className="notice-form__label">发布范围</Text>
          <ChoiceChips value={form.audienceKind} options={AUDIENCES} onChange={(value) => set('audienceKind', value)} />
          {form.audienceKind === 'units' && (
            <Checkbox.Group className="unit-choices" direction="horizontal" value={form.unitIds} onChange={(value) => set('unitIds', value as string[])}>
              {units.map((unit) => (
                <Checkbox key={unit.id} value={unit.id} label={unit.name} className="unit-choice" />
              ))}
            </Checkbox.Group>
          )}
          {field('audience') || field('audience.unitIds')}
        </View>

        <View className="card notice-form__group">
          <View className="notice-form__row">
            <Text className="notice-form__label notice-form__label--inline">置顶</Text>
            <Switch checked={form.pinned} onChange={(value) => set('pinned', value)} />
          </View>
          {form.pinned && (
            <ChoiceChips
              value={pinChoice}
              options={[
                { value: 'forever', label: '长期置顶' },
                ...PIN_DAYS.map((days) => ({ value: String(days), label: `置顶 ${days} 天` })),
                ...(form.pinnedUntil ? [{ value: 'until', label: `至 ${formatDateTime(form.pinnedUntil)}` }] : []),
              ]}
              onChange={(value) => {
                if (value === 'forever') change({ pinDays: undefined, pinnedUntil: undefined })
                else if (value === 'until') change({ pinDays: undefined })
                else change({ pinDays: Number(value) })
              }}
            />
          )}
          {field('pinnedUntil')}
        </View>

        {!editing && (
          <View className="card notice-form__group">
            <View className="notice-form__row">
              <Text className="notice-form__label notice-form__label--inline">同时发送消息提醒</Text>
              <Switch checked={form.notify} onChange={(value) => set('notify', value)} />
            </View>
            <Text className="notice-form__help">
              发布时（定时发布则到时）提醒发布范围内的会员：「消息」中会有这条通知，订阅了通知提醒的会员还会收到微信消息。
            </Text>
          </View>
        )}

        <View className="card notice-form__group">
          <Text className="notice-form__label">发布时间</Text>
          <ChoiceChips
            value={form.timing}
            options={[
              { value: 'now', label: editing ? '保持原时间' : '立即发布' },
              { value: 'scheduled', label: '定时发布' },
            ]}
            onChange={(value) => set('timing', value)}
          />
          {form.timing === 'scheduled' && (
            <View className="notice-form__when" onClick={() => setPicking(true)}>
              {form.publishAt ? formatDateTime(form.publishAt) : '选择发布时间'} ›
            </View>
          )}
          {field('publishAt')}
          <DatePicker
            type="datetime"
            title="选择发布时间"
            visible={picking}
            startDate={new Date()}
            endDate={new Date(Date.now() + MAX_SCHEDULE_DAYS * 86_400_000)}
            defaultValue={new Date(form.publishAt ?? Date.now() + 3_600_000)}
            onClose={() => setPicking(false)}
            onConfirm={(_options, values) => {
              const publishAt = fromPickerValues(values)
              if (publishAt) set('publishAt', publishAt)
            }}
          />
        </View>

        <View className="card notice-form__group notice-form__group--wide">
          <View className="notice-form__row">
            <Text className="notice-form__label notice-form__label--inline">正文</Text>
            <PreviewToggle preview={preview} onToggle={setPreview} />
          </View>
          <MarkupEditor
            className="notice-form__body"
            value={form.body}
            onChange={(value) => set('body', value)}
            preview={preview}
            placeholder="请输入正文"
            maxLength={BODY_MAX}
            emptyText="（正文为空）"
          />
          {field('body')}
        </View>
      </View>

      <View className="bottom-bar">
        <Button type="primary" block loading={saving} onClick={submit} className="notice-form__submit">
          {editing ? '保存修改' : form.timing === 'scheduled' ? '定时发布' : '立即发布'}
        </Button>
      </View>
      <Text className="notice-form__now">当前时间 {inShanghai(new Date()).format('M月D日 HH:mm')}</Text>
    </Screen>
  )
}

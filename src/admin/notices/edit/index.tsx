import { Button, Checkbox, DatePicker, Input, Radio, Switch, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { RichBody } from '../../../components/RichBody'
import { BODY_MAX, MAX_SCHEDULE_DAYS, NOTICE_CATEGORIES, NOTICE_CATEGORY_LABELS, TITLE_MAX, type NoticeCategory } from '../../../../types/notices'
import { formatDateTime, inShanghai } from '../../../../types/time'
import { fromPickerValues, type NoticeForm } from '../noticeForm'
import { useNoticeEditor } from '../useNoticeEditor'
import './index.scss'

const PIN_DAYS = [7, 30]
const MARKUP_HINT = '换行空一行为新段落；“## ”开头为小标题；“- ”开头为列表；**文字** 加粗'

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
    <View className="page notice-form">
      <View className="card notice-form__group">
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
        <Radio.Group value={form.category} direction="horizontal" className="choices" onChange={(value) => set('category', value as NoticeCategory)}>
          {NOTICE_CATEGORIES.map((category) => (
            <Radio key={category} value={category} shape="button" className="choice">
              {NOTICE_CATEGORY_LABELS[category]}
            </Radio>
          ))}
        </Radio.Group>
      </View>

      <View className="card notice-form__group">
        <Text className="notice-form__label">发布范围</Text>
        <Radio.Group value={form.audienceKind} direction="horizontal" className="choices" onChange={(value) => set('audienceKind', value as 'all' | 'units')}>
          <Radio value="all" shape="button" className="choice">
            全体会员
          </Radio>
          <Radio value="units" shape="button" className="choice">
            指定分工会
          </Radio>
        </Radio.Group>
        {form.audienceKind === 'units' && (
          <Checkbox.Group className="notice-form__units" direction="horizontal" value={form.unitIds} onChange={(value) => set('unitIds', value as string[])}>
            {units.map((unit) => (
              <Checkbox key={unit.id} value={unit.id} label={unit.name} className="notice-form__unit" />
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
          <Radio.Group
            value={pinChoice}
            direction="horizontal"
            className="choices"
            onChange={(value) => {
              if (value === 'forever') change({ pinDays: undefined, pinnedUntil: undefined })
              else if (value !== 'until') change({ pinDays: Number(value) })
            }}
          >
            <Radio value="forever" shape="button" className="choice">
              长期置顶
            </Radio>
            {PIN_DAYS.map((days) => (
              <Radio key={days} value={String(days)} shape="button" className="choice">
                置顶 {days} 天
              </Radio>
            ))}
            {form.pinnedUntil && (
              <Radio value="until" shape="button" className="choice" onClick={() => change({ pinDays: undefined })}>
                至 {formatDateTime(form.pinnedUntil)}
              </Radio>
            )}
          </Radio.Group>
        )}
        {field('pinnedUntil')}
      </View>

      <View className="card notice-form__group">
        <Text className="notice-form__label">发布时间</Text>
        <Radio.Group value={form.timing} direction="horizontal" className="choices" onChange={(value) => set('timing', value as 'now' | 'scheduled')}>
          <Radio value="now" shape="button" className="choice">
            {editing ? '保持原时间' : '立即发布'}
          </Radio>
          <Radio value="scheduled" shape="button" className="choice">
            定时发布
          </Radio>
        </Radio.Group>
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

      <View className="card notice-form__group">
        <View className="notice-form__row">
          <Text className="notice-form__label notice-form__label--inline">正文</Text>
          <Text className="notice-form__toggle" onClick={() => setPreview(!preview)}>
            {preview ? '继续编辑' : '预览'}
          </Text>
        </View>
        {preview ? (
          <View className="notice-form__preview">
            <RichBody markup={form.body || '（正文为空）'} />
          </View>
        ) : (
          <TextArea
            className="notice-form__body"
            placeholder="请输入正文"
            value={form.body}
            maxLength={BODY_MAX}
            showCount
            autoSize
            onChange={(value) => set('body', value)}
          />
        )}
        <Text className="notice-form__hint">{MARKUP_HINT}</Text>
        {field('body')}
      </View>

      <View className="bottom-bar">
        <Button type="primary" block loading={saving} onClick={submit} className="notice-form__submit">
          {editing ? '保存修改' : form.timing === 'scheduled' ? '定时发布' : '立即发布'}
        </Button>
      </View>
      <Text className="notice-form__now">当前时间 {inShanghai(new Date()).format('M月D日 HH:mm')}</Text>
    </View>
  )
}

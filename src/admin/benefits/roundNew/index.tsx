import { Button, Checkbox, Input, Switch } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { ChoiceChips } from '../../../components/ChoiceChips'
import { FormField } from '../../../components/FormField'
import { Screen } from '../../../components/Screen'
import { BENEFIT_FORM_LABELS, formatYuan } from '../../../../types/benefits'
import { ROUND_ITEMS_MAX, type RoundPreview } from '../../../../types/festivalRounds'
import { MEMBER_STATUS_LABELS } from '../../../../types/members'
import { formatDay } from '../../../../types/time'
import { emptyItem, type ItemForm, type RoundForm } from '../roundForm'
import { LeftOutList, UnitCounts } from '../roundParts'
import { useRoundEditor } from '../useRounds'
import './index.scss'

const ITEM_FORMS = [
  { value: 'inKind' as const, label: BENEFIT_FORM_LABELS.inKind },
  { value: 'voucher' as const, label: '提货券' },
]
const HANDOUTS = [
  { value: 'unit' as const, label: '由各分工会发放' },
  { value: 'pickup' as const, label: '到指定地点领取' },
]


/** The preview: how many, the total against the budget, each unit's count, who is left out and why. */
function PreviewCard({ preview }: { preview: RoundPreview }) {
  return (
    <>
      <View className="card round-form__preview">
        <Text className="form-title">预览：{preview.title}</Text>
        <View className="round-form__figures">
          <View className="round-form__figure">
            <Text className="round-form__figure-value">{preview.count}</Text>
            <Text className="round-form__figure-label">发放人数</Text>
          </View>
          <View className="round-form__figure">
            <Text className="round-form__figure-value">{formatYuan(preview.totalFen)}</Text>
            <Text className="round-form__figure-label">合计（每人 {formatYuan(preview.perPersonFen)}）</Text>
          </View>
          <View className="round-form__figure">
            <Text className="round-form__figure-value">{formatYuan(preview.budgetFen)}</Text>
            <Text className="round-form__figure-label">本次预算</Text>
          </View>
        </View>
        {preview.blocked ? (
          <Text className="form-field__error">{preview.blocked}</Text>
        ) : (
          <Text className="form-field__help">确认后一次发放给以上 {preview.count} 人，并逐一发消息告知；发放记入福利台账和操作日志，不能撤回。</Text>
        )}
      </View>
      {preview.units.length > 0 && <UnitCounts units={preview.units} showReceived={false} />}
      <LeftOutList leftOut={preview.leftOut} />
    </>
  )
}

/** 发放节日慰问 (union office): the festival, the gifts, who and how; preview, then apply. */
export default function RoundNew() {
  const { festivals, units, form, errors, change, preview, runPreview, previewBusy, apply, applyBusy } = useRoundEditor()
  const error = (field: string) => errors[field]
  const setItem = (index: number, fields: Partial<ItemForm>) => change({ items: form.items.map((item, at) => (at === index ? { ...item, ...fields } : item)) })
  const choices = festivals.slice(0, 6).map((festival) => ({ value: festival.date, label: `${festival.label} ${formatDay(festival.date, true)}` }))
  return (
    <Screen className="round-form">
      <View className="card">
        <FormField label="节日" error={error('festival') ?? error('year')} help="节日日期按农历与节气推算。每个节日每年发放一轮。">
          <ChoiceChips value={form.date} options={choices} onChange={(date) => change({ date, festival: festivals.find((festival) => festival.date === date)?.festival ?? '' })} />
        </FormField>
      </View>
      <View className="card">
        <Text className="form-title">礼品（每人）</Text>
        {error('items') && <Text className="form-field__error">{error('items')}</Text>}
        {form.items.map((item, index) => (
          <View key={index} className="round-form__item">
            <View className="round-form__item-inputs">
              <Input className="field-input round-form__item-name" placeholder="礼品，例如：粽子礼盒" value={item.item} maxLength={20} onChange={(text) => setItem(index, { item: text })} />
              <Input className="field-input round-form__item-amount" type="digit" placeholder="金额（元）" value={item.amount} onChange={(amount) => setItem(index, { amount })} />
            </View>
            <View className="round-form__item-foot">
              <ChoiceChips value={item.form} options={ITEM_FORMS} onChange={(itemForm) => setItem(index, { form: itemForm })} />
              {form.items.length > 1 && (
                <Text className="round-form__remove" onClick={() => change({ items: form.items.filter((_, at) => at !== index) })}>
                  删除
                </Text>
              )}
            </View>
            {(error(`items.${index}.item`) ?? error(`items.${index}.amount`) ?? error(`items.${index}.form`)) && (
              <Text className="form-field__error">{error(`items.${index}.item`) ?? error(`items.${index}.amount`) ?? error(`items.${index}.form`)}</Text>
            )}
          </View>
        ))}
        {form.items.length < ROUND_ITEMS_MAX && (
          <Button size="small" fill="outline" type="primary" className="round-form__add" onClick={() => change({ items: [...form.items, emptyItem()] })}>
            添加礼品
          </Button>
        )}
        <Text className="form-field__help">按规定节日慰问只能发实物或提货券，不得发放现金和购物卡。</Text>
      </View>
      <View className="card">
        <FormField label="发放对象" error={error('audience.statuses')}>
          <Checkbox.Group direction="horizontal" className="form-checks" value={form.statuses} onChange={(value) => change({ statuses: value as RoundForm['statuses'] })}>
            {(['active', 'retired'] as const).map((status) => (
              <Checkbox key={status} value={status} label={`${MEMBER_STATUS_LABELS[status]}会员`} />
            ))}
          </Checkbox.Group>
        </FormField>
        <View className="form-switch form-field">
          <Text className="form-field__label">全部分工会</Text>
          <Switch checked={form.allUnits} onChange={(allUnits) => change({ allUnits })} />
        </View>
        {!form.allUnits && (
          <FormField label="选择分工会" error={error('audience.unitIds')}>
            <Checkbox.Group direction="horizontal" className="unit-choices" value={form.unitIds} onChange={(value) => change({ unitIds: value as string[] })}>
              {units.map((unit) => (
                <Checkbox key={unit.id} value={unit.id} label={unit.name} className="unit-choice" />
              ))}
            </Checkbox.Group>
          </FormField>
        )}
        <View className="form-switch form-field">
          <Text className="form-field__label">仅限已按时缴纳会费</Text>
          <Switch checked={form.duesPaidOnly} onChange={(duesPaidOnly) => change({ duesPaidOnly })} />
        </View>
      </View>
      <View className="card">
        <FormField label="发放方式" error={error('handout.place')}>
          <ChoiceChips value={form.handoutKind} options={HANDOUTS} onChange={(handoutKind) => change({ handoutKind })} />
          {form.handoutKind === 'pickup' && (
            <Input className="field-input form-below" placeholder="领取地点，例如：工会活动中心（行政楼一楼）" value={form.pickupPlace} maxLength={40} onChange={(pickupPlace) => change({ pickupPlace })} />
          )}
        </FormField>
        <FormField label="领取期限" error={error('claimDays')}>
          <View className="form-inline">
            <Text>发放后</Text>
            <Input className="field-input form-short" type="number" value={form.claimDays} onChange={(claimDays) => change({ claimDays })} />
            <Text>天内领取</Text>
          </View>
        </FormField>
        <FormField label="本次预算（元）" error={error('budget')}>
          <Input className="field-input" type="digit" placeholder="例如：600000" value={form.budget} onChange={(budget) => change({ budget })} />
        </FormField>
      </View>
      {preview && <PreviewCard preview={preview} />}
      <View className="bottom-bar">
        {preview && !preview.blocked ? (
          <Button type="primary" block loading={applyBusy} onClick={apply}>
            确认发放（{preview.count} 人，{formatYuan(preview.totalFen)}）
          </Button>
        ) : (
          <Button type="primary" block loading={previewBusy} onClick={runPreview}>
            预览发放名单
          </Button>
        )}
      </View>
    </Screen>
  )
}

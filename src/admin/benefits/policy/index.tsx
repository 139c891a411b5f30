import { Button, Checkbox, Input, Switch } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { ChoiceChips, choicesOf } from '../../../components/ChoiceChips'
import { FormField } from '../../../components/FormField'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { BENEFIT_FORM_LABELS, BENEFIT_FORMS, BENEFIT_FREQUENCY_LABELS, BENEFIT_KINDS, CASH_NEVER, type BenefitKind } from '../../../../types/benefits'
import { MEMBER_STATUS_LABELS } from '../../../../types/members'
import type { PolicyForm } from '../policyForm'
import { usePolicyEditor } from '../useBenefitPolicies'
import './index.scss'

const HANDOUTS = [
  { value: 'code' as const, label: '凭领取码' },
  { value: 'pickup' as const, label: '到指定地点领取' },
]
const LEADS = [
  { value: 'monthStart' as const, label: '生日当月 1 日' },
  { value: 'daysBefore' as const, label: '生日前几天' },
]
const GIFT_FORMS = [
  { value: 'voucher' as const, label: BENEFIT_FORM_LABELS.voucher },
  { value: 'inKind' as const, label: BENEFIT_FORM_LABELS.inKind },
]


/** The birthday gift the daily job gives under the birthday policy. */
function GiftFields({ form, change, error }: { form: PolicyForm; change: (fields: Partial<PolicyForm>) => void; error: (field: string) => string | undefined }) {
  return (
    <View className="card">
      <View className="form-switch">
        <Text className="form-title">生日礼品</Text>
        <Switch checked={form.giftOn} onChange={(giftOn) => change({ giftOn })} />
      </View>
      <Text className="form-field__help">开启后，每天早上 8 点自动给符合条件、生日将到的会员发放，并发消息「生日快乐」提醒领取；每人每年一次。</Text>
      {error('gift') && <Text className="form-field__error">{error('gift')}</Text>}
      {form.giftOn && (
        <>
          <FormField label="礼品名称" error={error('gift.item')}>
            <Input className="field-input" placeholder="例如：生日蛋糕卡" value={form.giftItem} maxLength={20} onChange={(giftItem) => change({ giftItem })} />
          </FormField>
          <FormField label="金额（元）" error={error('gift.amount')}>
            <Input className="field-input" type="digit" placeholder="例如：200" value={form.giftAmount} onChange={(giftAmount) => change({ giftAmount })} />
          </FormField>
          <FormField label="形式" error={error('gift.form')}>
            <ChoiceChips value={form.giftForm} options={GIFT_FORMS} onChange={(giftForm) => change({ giftForm })} />
          </FormField>
          <FormField label="领取方式" error={error('gift.handout.place')}>
            <ChoiceChips value={form.handoutKind} options={HANDOUTS} onChange={(handoutKind) => change({ handoutKind })} />
            {form.handoutKind === 'pickup' && (
              <Input className="field-input form-below" placeholder="领取地点，例如：工会活动中心（行政楼一楼）" value={form.pickupPlace} maxLength={40} onChange={(pickupPlace) => change({ pickupPlace })} />
            )}
          </FormField>
          <FormField label="发放时间" error={error('gift.lead.days')}>
            <ChoiceChips value={form.leadKind} options={LEADS} onChange={(leadKind) => change({ leadKind })} />
            {form.leadKind === 'daysBefore' && (
              <View className="form-inline form-below">
                <Text>生日前</Text>
                <Input className="field-input form-short" type="number" value={form.leadDays} onChange={(leadDays) => change({ leadDays })} />
                <Text>天</Text>
              </View>
            )}
          </FormField>
          <FormField label="领取期限" error={error('gift.claimDays')}>
            <View className="form-inline">
              <Text>发放后</Text>
              <Input className="field-input form-short" type="number" value={form.claimDays} onChange={(claimDays) => change({ claimDays })} />
              <Text>天内领取</Text>
            </View>
          </FormField>
        </>
      )}
    </View>
  )
}

/** 设置福利政策 (union office): one kind's cap, frequency, forms and who qualifies, and for birthdays the gift. */
export default function BenefitPolicy() {
  const asked = useRouter().params.kind as BenefitKind
  const kind = BENEFIT_KINDS.includes(asked) ? asked : 'birthday'
  const { policies, view, form, errors, change, save, saving } = usePolicyEditor(kind)
  const error = (field: string) => errors[field]
  const forms = BENEFIT_FORMS.filter((benefitForm) => benefitForm !== 'cash' || !CASH_NEVER.includes(kind))
  return (
    <Screen className="policy-form">
      <StateView loading={policies.loading} error={policies.error} empty={!form} emptyText="暂无此类福利" onRetry={policies.reload}>
        {form && view && (
          <>
            <View className="card">
              <Text className="form-title">{view.label}</Text>
              {view.policy ? (
                <Text className="form-field__help">
                  {view.policy.updatedByName} 于 {view.policy.updatedAt.slice(0, 10)} 设置。修改只对此后的发放生效。
                </Text>
              ) : (
                <Text className="form-field__help">尚未设置。设置前，这一类福利不能发放。</Text>
              )}
              <FormField label="每人年度限额（元）" error={error('yearlyCap')} help="一个自然年内每人此类福利的合计上限，发放时自动检查。">
                <Input className="field-input" type="digit" placeholder="例如：300" value={form.yearlyCap} onChange={(yearlyCap) => change({ yearlyCap })} />
              </FormField>
              <FormField label="发放频次" error={error('frequency')} help="每件事一次：同一件事（如同一次住院）只能领一次，不同的事各算一次；都不超过年度限额。">
                <ChoiceChips value={form.frequency} options={choicesOf(BENEFIT_FREQUENCY_LABELS)} onChange={(frequency) => change({ frequency })} />
              </FormField>
              <FormField label="发放形式" error={error('forms')} help={CASH_NEVER.includes(kind) ? '按规定只能发实物或提货券，不得发放现金和购物卡。' : '不得发放购物卡。'}>
                <Checkbox.Group direction="horizontal" className="form-checks" value={form.forms} onChange={(value) => change({ forms: value as PolicyForm['forms'] })}>
                  {forms.map((benefitForm) => (
                    <Checkbox key={benefitForm} value={benefitForm} label={BENEFIT_FORM_LABELS[benefitForm]} />
                  ))}
                </Checkbox.Group>
              </FormField>
              <FormField label="适用人员" error={error('eligibility.statuses')}>
                <Checkbox.Group direction="horizontal" className="form-checks" value={form.statuses} onChange={(value) => change({ statuses: value as PolicyForm['statuses'] })}>
                  {(['active', 'retired'] as const).map((status) => (
                    <Checkbox key={status} value={status} label={`${MEMBER_STATUS_LABELS[status]}会员`} />
                  ))}
                </Checkbox.Group>
              </FormField>
              <View className="form-switch form-field">
                <Text className="form-field__label">须按时缴纳会费</Text>
                <Switch checked={form.duesPaid} onChange={(duesPaid) => change({ duesPaid })} />
              </View>
              <FormField label="入会满" error={error('eligibility.minMonths')}>
                <View className="form-inline">
                  <Input className="field-input form-short" type="number" value={form.minMonths} onChange={(minMonths) => change({ minMonths })} />
                  <Text>个月（0 为不限）</Text>
                </View>
              </FormField>
              <FormField label="政策依据" error={error('source')}>
                <Input className="field-input" placeholder="例如：皖工发〔2025〕18号" value={form.source} maxLength={80} onChange={(source) => change({ source })} />
              </FormField>
            </View>
            {kind === 'birthday' && <GiftFields form={form} change={change} error={error} />}
            <View className="bottom-bar">
              <Button type="primary" block loading={saving} onClick={save}>
                保存
              </Button>
            </View>
          </>
        )}
      </StateView>
    </Screen>
  )
}

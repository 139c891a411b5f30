import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { formatDay } from '../../../../types/time'
import { BENEFIT_FORM_LABELS, BENEFIT_FREQUENCY_LABELS, formatYuan, type PolicyView } from '../../../../types/benefits'
import { policyUrl, useBenefitPolicies, useFestivals } from '../useBenefitPolicies'
import './index.scss'

/** A policy in one line: its cap, how often, the forms it allows. */
function summary(view: PolicyView): string {
  const policy = view.policy
  if (!policy) return '未设置：设置前不能发放'
  const forms = policy.forms.map((form) => BENEFIT_FORM_LABELS[form]).join('、')
  return `年度限额 ${formatYuan(policy.yearlyCapFen)} · ${BENEFIT_FREQUENCY_LABELS[policy.frequency]} · ${forms}`
}

/** The coming festivals with their dates, for planning 节日慰问 rounds. */
function ComingFestivals() {
  const { data } = useFestivals()
  if (!data || data.length === 0) return null
  return (
    <View className="card benefit-policies__festivals">
      <Text className="benefit-policies__festivals-title">近期节日（按农历与节气推算）</Text>
      <View className="benefit-policies__festival-list">
        {data.slice(0, 7).map((festival) => (
          <View key={`${festival.festival}-${festival.date}`} className="benefit-policies__festival">
            <Text className="benefit-policies__festival-name">{festival.label}</Text>
            <Text className="benefit-policies__festival-date">{formatDay(festival.date, true)}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

/** 福利政策 (union office): each kind's cap, frequency, forms and who qualifies; the figures are the union's own. */
export default function BenefitPolicies() {
  const policies = useBenefitPolicies()
  return (
    <Screen className="benefit-policies">
      <Text className="page-note">
        各类福利慰问的标准按上级工会规定设置（各省标准不同、几年一调）。修改记入操作日志，只对此后的发放生效，已发放的不变。
      </Text>
      <ComingFestivals />
      <StateView loading={policies.loading} error={policies.error} empty={!policies.data} emptyText="暂无福利政策" onRetry={policies.reload}>
        <View className="benefit-policies__list">
          {(policies.data ?? []).map((view) => (
            <View key={view.kind} className={`benefit-policies__row${view.policy ? '' : ' benefit-policies__row--unset'}`} onClick={() => void Taro.navigateTo({ url: policyUrl(view.kind) })}>
              <View className="benefit-policies__text">
                <Text className="benefit-policies__label">{view.label}</Text>
                <Text className="benefit-policies__summary">{summary(view)}</Text>
                {view.policy?.gift && (
                  <Text className="benefit-policies__gift">
                    生日礼品：{view.policy.gift.item} {formatYuan(view.policy.gift.amountFen)}
                  </Text>
                )}
              </View>
              <Text className="benefit-policies__go">›</Text>
            </View>
          ))}
        </View>
      </StateView>
    </Screen>
  )
}

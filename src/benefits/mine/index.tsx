import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { StatusTag } from '../../components/StatusTag'
import { MY_APPLICATIONS_URL } from '../../hooks/useApplications'
import { useMyBenefits, worthLine } from '../../hooks/useBenefits'
import { BENEFIT_FORM_LABELS, formatYuan, handoutText, type MyBenefit } from '../../../types/benefits'
import { formatDateTime, formatDay, shanghaiDay } from '../../../types/time'
import './index.scss'

function BenefitCard({ benefit, onConfirm, busy }: { benefit: MyBenefit; onConfirm: (benefit: MyBenefit) => void; busy: boolean }) {
  const overdue = !benefit.receivedAt && benefit.deadline !== undefined && benefit.deadline < shanghaiDay(new Date())
  return (
    <View className="card benefit-card">
      <View className="status-card__top">
        <View className="status-card__heading">
          <Text className="benefit-card__kind">{benefit.kindLabel}</Text>
          <Text className="benefit-card__item">{benefit.item}</Text>
          <Text className="benefit-card__worth">{worthLine(benefit, BENEFIT_FORM_LABELS[benefit.form])}</Text>
        </View>
        <StatusTag tone={benefit.receivedAt ? 'good' : overdue ? 'bad' : 'pending'}>{benefit.receivedAt ? '已领取' : overdue ? '已过期限' : '待领取'}</StatusTag>
      </View>
      {benefit.code && !benefit.receivedAt && (
        <View className="benefit-card__code">
          <Text className="benefit-card__code-label">领取码</Text>
          <Text className="benefit-card__code-value">{benefit.code}</Text>
        </View>
      )}
      <View className="benefit-card__lines">
        <Text className="benefit-card__line">{benefit.handout.kind === 'code' ? '凭上方领取码领取' : handoutText(benefit.handout)}</Text>
        {benefit.deadline && !benefit.receivedAt && <Text className="benefit-card__line">请于 {formatDay(benefit.deadline, benefit.deadline.slice(0, 4) !== shanghaiDay(new Date()).slice(0, 4))} 前领取</Text>}
        <Text className="benefit-card__line benefit-card__line--quiet">发放于 {formatDateTime(benefit.issuedAt)}</Text>
        {benefit.receivedAt && (
          <Text className="benefit-card__line benefit-card__line--quiet">
            {formatDateTime(benefit.receivedAt)} {benefit.receivedByName}确认领取
          </Text>
        )}
      </View>
      {!benefit.receivedAt && (
        <Button type="primary" fill="outline" block loading={busy} className="benefit-card__confirm" onClick={() => onConfirm(benefit)}>
          我已领取
        </Button>
      )}
    </View>
  )
}

/** 我的福利: this year's gifts and 慰问 given to me, how to collect each, and my year against each kind's cap. */
export default function MyBenefits() {
  const { mine, confirm, busy } = useMyBenefits()
  const data = mine.data
  return (
    <Screen className="my-benefits">
      <StateView loading={mine.loading} error={mine.error} empty={!data} emptyText="暂无福利记录" onRetry={mine.reload}>
        {data && (
          <>
            <View className="card my-benefits__year">
              <Text className="my-benefits__year-title">{data.year} 年我的福利</Text>
              {data.totals.length > 0 ? (
                data.totals.map((total) => (
                  <View key={total.kind} className="my-benefits__total">
                    <Text>{total.label}</Text>
                    <Text className="my-benefits__total-sum">
                      {formatYuan(total.totalFen)}
                      {total.capFen !== undefined && <Text className="my-benefits__total-cap"> / 年度限额 {formatYuan(total.capFen)}</Text>}
                    </Text>
                  </View>
                ))
              ) : (
                <Text className="my-benefits__none">今年还没有发放给您的福利。生日慰问会在您生日当月发放，节日慰问在节前发放。</Text>
              )}
            </View>
            {data.items.map((benefit) => (
              <BenefitCard key={benefit.id} benefit={benefit} onConfirm={(chosen) => void confirm(chosen)} busy={busy} />
            ))}
          </>
        )}
      </StateView>
      <View className="my-benefits__apply" onClick={() => void Taro.navigateTo({ url: MY_APPLICATIONS_URL })}>
        <Text>结婚、生育、住院、退休等慰问</Text>
        <Text className="my-benefits__apply-link">申请与进度 ›</Text>
      </View>
    </Screen>
  )
}

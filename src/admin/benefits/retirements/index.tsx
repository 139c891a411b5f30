import { Button, Checkbox, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { ChoiceChips } from '../../../components/ChoiceChips'
import { FormField } from '../../../components/FormField'
import { MemberPicker } from '../../../components/MemberPicker'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { StatusTag } from '../../../components/StatusTag'
import { BENEFIT_FORM_LABELS, ITEM_MAX, formatYuan } from '../../../../types/benefits'
import type { RetireeRow } from '../../../../types/retirement'
import { PLACE_MAX } from '../../../../types/retirement'
import { useRetirements } from '../useRetirements'
import './index.scss'

function Person({ row }: { row: RetireeRow }) {
  return (
    <View className="retirements__person">
      <Text className="retirements__name">
        {row.name}（{row.staffNo}）
      </Text>
      <Text className="card-meta">
        {[row.unitName, row.genderLabel && `${row.genderLabel} · ${row.birthDate}`, row.reason].filter(Boolean).join(' · ')}
      </Text>
    </View>
  )
}

/** 荣休名单 (union office): this year's retirees for the 荣休仪式, and their keepsake (a retirement payout in the ledger). */
export default function Retirements() {
  const { list, policy, rows, waiting, chosen, choose, picker, fields, give, busy } = useRetirements()
  const { form, errors, change } = fields
  const data = list.data
  return (
    <Screen className="retirements">
      <StateView loading={list.loading} error={list.error} empty={!data} emptyText="暂无荣休名单" onRetry={list.reload}>
        {data && (
          <>
            <Text className="page-note">
              {data.year} 年达到退休年龄（男 {data.ages.male} 周岁、女 {data.ages.female} 周岁，可在「工会设置」中修改）的会员，以及今年已发放荣休慰问的会员。延迟退休的取消勾选，提前退休的在下方加入。
            </Text>
            <View className="card">
              <Text className="retirements__count">
                共 {rows.length} 人 · 已发放 {rows.length - waiting.length} 人
              </Text>
            </View>
            <Checkbox.Group value={chosen} onChange={(value) => choose(value as string[])} className="check-list">
              {rows.map((row) => (
                <View key={row.memberId} className="check-list__row retirements__row">
                  {row.keepsake ? <Person row={row} /> : <Checkbox value={row.memberId} className="retirements__check" label={<Person row={row} />} />}
                  {row.keepsake ? (
                    <StatusTag tone="good">{row.keepsake.receivedAt ? `已领取 ${row.keepsake.item}` : `已发放 ${row.keepsake.item}`}</StatusTag>
                  ) : (
                    <StatusTag tone="pending">未发放</StatusTag>
                  )}
                </View>
              ))}
            </Checkbox.Group>
            <View className="retirements__add">
              <Text className="form-title">加入名单</Text>
              <MemberPicker search={picker} hint="提前退休等未在名单中的会员，搜索后加入" />
            </View>
            {waiting.length > 0 && (
              <View className="card">
                <Text className="form-title">荣休纪念品</Text>
                <FormField label="纪念品名称" error={errors.item}>
                  <Input className="field-input" value={form.item} maxLength={ITEM_MAX} onChange={(item) => change({ item })} />
                </FormField>
                <FormField
                  label="每人金额（元）"
                  error={errors.amount}
                  help={policy ? `退休（荣休）每人每年限额 ${formatYuan(policy.yearlyCapFen)}${policy.source ? `（${policy.source}）` : ''}，已申请退休慰问的不再发放` : undefined}
                >
                  <Input className="field-input" type="digit" value={form.amount} placeholder="如：300" onChange={(amount) => change({ amount })} />
                </FormField>
                <FormField label="发放形式" error={errors.form}>
                  <ChoiceChips
                    value={form.form}
                    options={(policy?.forms ?? []).map((allowed) => ({ value: allowed, label: BENEFIT_FORM_LABELS[allowed] }))}
                    onChange={(chosenForm) => change({ form: chosenForm })}
                  />
                </FormField>
                <FormField label="领取地点" error={errors.pickupPlace} help="会员在「我的福利」中看到领取地点">
                  <Input className="field-input" value={form.pickupPlace} maxLength={PLACE_MAX} onChange={(pickupPlace) => change({ pickupPlace })} />
                </FormField>
              </View>
            )}
          </>
        )}
      </StateView>
      {waiting.length > 0 && (
        <View className="bottom-bar">
          <Button type="primary" block disabled={chosen.length === 0} loading={busy} className="retirements__give" onClick={give}>
            {chosen.length ? `发放荣休纪念品（${chosen.length} 人）` : '勾选要发放的会员'}
          </Button>
        </View>
      )}
    </Screen>
  )
}

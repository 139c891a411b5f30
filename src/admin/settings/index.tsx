import { Button, Input, InputNumber } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { Screen } from '../../components/Screen'
import { MESSAGE_KIND_LIST, MESSAGE_KINDS } from '../../../types/messages'
import { StateView } from '../../components/StateView'
import { useSettings } from './useSettings'
import './index.scss'

/** 工会设置 (union office): the figures rules use, edited here rather than in code. */
export default function Settings() {
  const { settings, form, errors, saving, change, save } = useSettings()
  return (
    <Screen className="settings">
      <StateView loading={settings.loading} error={settings.error} empty={!form} emptyText="暂无设置" onRetry={settings.reload}>
        {form && (
          <>
            <View className="card">
              <Text className="settings__title">青年教职工</Text>
              <View className="settings__row">
                <Text className="settings__label">在职且未满</Text>
                <InputNumber
                  className="settings__number settings__youth"
                  min={25}
                  max={60}
                  value={form.youthUnderAge}
                  onChange={(value) => change({ youthUnderAge: Number(value) })}
                />
                <Text className="settings__label">周岁</Text>
              </View>
              {errors.youthUnderAge && <Text className="settings__error">{errors.youthUnderAge}</Text>}
              <Text className="settings__help">
                例如填 40：在职教职工中未满 40 周岁的计为青年教职工。会员名册按此筛选青年教职工，面向青年的活动和规则也以此为准。修改会记入操作日志。
              </Text>
            </View>
            <View className="card">
              <Text className="settings__title">退休年龄</Text>
              {(['male', 'female'] as const).map((gender) => (
                <View key={gender} className="settings__row">
                  <Text className="settings__label">{gender === 'male' ? '男职工' : '女职工'}</Text>
                  <InputNumber
                    className={`settings__number settings__retirement-${gender}`}
                    min={45}
                    max={70}
                    value={form.retirementAges[gender]}
                    onChange={(value) => change({ retirementAges: { ...form.retirementAges, [gender]: Number(value) } })}
                  />
                  <Text className="settings__label">周岁</Text>
                </View>
              ))}
              {(errors['retirementAges.male'] || errors['retirementAges.female']) && (
                <Text className="settings__error">{errors['retirementAges.male'] ?? errors['retirementAges.female']}</Text>
              )}
              <Text className="settings__help">今年达到退休年龄的会员列入「荣休名单」，参加年底的荣休仪式。提前或延迟退休的，在荣休名单中加入或不勾选即可。修改会记入操作日志。</Text>
            </View>
            <View className="card">
              <Text className="settings__title">订阅消息模板</Text>
              <Text className="settings__help">
                在微信公众平台「订阅消息」中选用模板后，把模板 ID 填在这里，会员订阅后即可在微信中收到提醒；不填则只在小程序「消息」里提醒。
              </Text>
              {MESSAGE_KIND_LIST.map((kind) => (
                <View key={kind} className="settings__template">
                  <Text className="settings__label">{MESSAGE_KINDS[kind].title}</Text>
                  <Input
                    className="field-input settings__template-id"
                    placeholder="模板 ID"
                    value={form.templateIds[kind] ?? ''}
                    maxLength={64}
                    onChange={(value) => change({ templateIds: { ...form.templateIds, [kind]: value } })}
                  />
                  <Text className="settings__fields">
                    模板字段：{MESSAGE_KINDS[kind].template.map((field) => `${field.label}（${field.key}）`).join('、')}
                  </Text>
                  {errors[`templateIds.${kind}`] && <Text className="settings__error">{errors[`templateIds.${kind}`]}</Text>}
                </View>
              ))}
            </View>
            <View className="bottom-bar">
              <Button type="primary" block loading={saving} onClick={save} className="settings__save">
                保存
              </Button>
            </View>
          </>
        )}
      </StateView>
    </Screen>
  )
}

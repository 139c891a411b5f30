import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useBind, type BindForm } from '../../hooks/useBind'
import { Screen } from '../../components/Screen'
import './index.scss'

const FIELDS: { key: keyof BindForm; label: string; placeholder: string; type: 'text' | 'number' }[] = [
  { key: 'staffNo', label: '工号', placeholder: '人事系统中的工号', type: 'text' },
  { key: 'name', label: '姓名', placeholder: '与人事系统一致', type: 'text' },
  { key: 'phoneLast4', label: '手机号后四位', placeholder: '登记在人事系统的手机号', type: 'number' },
]

/** 绑定会员身份: a first-time WeChat user proves who they are, once. */
export default function Bind() {
  const { form, errors, sending, change, submit } = useBind()
  return (
    <Screen className="bind">
      <View className="bind__intro">
        <Text className="bind__title">欢迎使用教工之家</Text>
        <Text className="bind__hint">首次使用请绑定会员身份。信息仅用于核对身份，连续输错 5 次将暂停绑定 15 分钟。</Text>
      </View>
      <View className="bind__card">
        {FIELDS.map((field) => (
          <View key={field.key} className="bind__field">
            <Text className="bind__label">{field.label}</Text>
            <Input
              className="field-input bind__input"
              type={field.type}
              placeholder={field.placeholder}
              value={form[field.key]}
              maxLength={field.key === 'phoneLast4' ? 4 : 20}
              onChange={(value) => change({ [field.key]: value })}
            />
            {errors[field.key] && <Text className="bind__error">{errors[field.key]}</Text>}
          </View>
        ))}
      </View>
      <View className="bind__action">
        <Button type="primary" block loading={sending} onClick={submit} className="bind__submit">
          绑定
        </Button>
        <Text className="bind__help">工号或手机号有变动？请联系所在分工会或校工会更新后再绑定。</Text>
      </View>
    </Screen>
  )
}

import { Button, Input, Switch, Tag } from '@nutui/nutui-react-taro'
import { ScrollView, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { ChoiceChips, choicesOf } from '../../../components/ChoiceChips'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { GENDER_LABELS, MEMBER_GROUP_LABELS, MEMBER_STATUS_LABELS, type MemberRecord } from '../../../../types/members'
import { useMemberRecord, type MemberForm } from '../useMembers'
import './index.scss'

const TEXT_FIELDS: { key: 'name' | 'phone' | 'birthDate' | 'memberSince'; label: string; placeholder: string }[] = [
  { key: 'name', label: '姓名', placeholder: '姓名' },
  { key: 'phone', label: '手机号', placeholder: '11 位手机号' },
  { key: 'birthDate', label: '出生日期', placeholder: '例如 1980-01-31' },
  { key: 'memberSince', label: '入会时间', placeholder: '例如 2005-09-01' },
]

/** "46 岁 · 女教职工 · 青年教职工": the facts rules use, as of today. */
const memberFacts = (record: MemberRecord) =>
  [`${record.age} 岁`, record.womanStaff && MEMBER_GROUP_LABELS.women, record.youth && MEMBER_GROUP_LABELS.youth].filter(Boolean).join(' · ')

/** 会员信息 (union office): a member's full record, edited and saved with an audit entry; WeChat unbinding. */
export default function MemberDetail() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const { record, units, form, errors, saving, change, save, unbind, reopenBinding } = useMemberRecord(id)
  const error = (key: keyof MemberForm) => errors[`member.${key}`] && <Text className="member__error">{errors[`member.${key}`]}</Text>
  return (
    <Screen className="member">
      <StateView loading={record.loading} error={record.error} empty={!record.data || !form} emptyText="没有这位会员" onRetry={record.reload}>
        {record.data && form && (
          <>
            <View className="card">
              <Text className="member__title">
                {record.data.name}
                <Text className="member__staff-no"> {record.data.staffNo}</Text>
              </Text>
              <Text className="member__facts">{memberFacts(record.data)}</Text>
              <View className="member__tags">
                {record.data.roles.map((role) => (
                  <Tag key={role.label} color="#c8161d" background="#fdecec" className="member__tag">
                    {role.label}
                  </Tag>
                ))}
                <Tag background="#f5f5f7" color="#595959" className="member__tag">
                  {record.data.bound ? '已绑定微信' : '未绑定微信'}
                </Tag>
              </View>
              {record.data.bound && (
                <Button size="small" fill="outline" type="danger" className="member__unbind" onClick={unbind}>
                  解除微信绑定
                </Button>
              )}
              {record.data.bindingPaused && (
                <View className="member__paused">
                  <Text className="member__paused-text">今日自助绑定已暂停：这个工号今天尝试失败次数过多。核实是本人后可以恢复。</Text>
                  <Button size="small" fill="outline" type="primary" className="member__reopen" onClick={() => void reopenBinding()}>
                    恢复自助绑定
                  </Button>
                </View>
              )}
            </View>

            <View className="card member__form">
              {TEXT_FIELDS.map((field) => (
                <View key={field.key} className="member__field">
                  <Text className="member__label">{field.label}</Text>
                  <Input className="field-input" placeholder={field.placeholder} value={form[field.key]} onChange={(value) => change({ [field.key]: value })} />
                  {error(field.key)}
                </View>
              ))}
              <View className="member__field">
                <Text className="member__label">性别</Text>
                <ChoiceChips value={form.gender} options={choicesOf(GENDER_LABELS)} onChange={(gender) => change({ gender })} />
              </View>
              <View className="member__field">
                <Text className="member__label">人员状态</Text>
                <ChoiceChips value={form.status} options={choicesOf(MEMBER_STATUS_LABELS)} onChange={(status) => change({ status })} />
              </View>
              <View className="member__field member__field--wide">
                <Text className="member__label">分工会</Text>
                <ScrollView scrollX className="member__units">
                  <ChoiceChips
                    value={form.unitId}
                    options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
                    onChange={(unitId) => change({ unitId })}
                    className="member__unit-choices"
                  />
                </ScrollView>
                {error('unitId')}
              </View>
              <View className="member__field member__row">
                <Text className="member__label">会费已缴</Text>
                <Switch checked={form.duesPaid} onChange={(value) => change({ duesPaid: value })} />
              </View>
            </View>
            <View className="bottom-bar">
              <Button type="primary" block loading={saving} onClick={save} className="member__save">
                保存
              </Button>
            </View>
          </>
        )}
      </StateView>
    </Screen>
  )
}

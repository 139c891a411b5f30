import { Cell, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { ChoiceChips, choicesOf } from '../../components/ChoiceChips'
import { PRIVACY_GUIDE_URL } from '../../components/PrivacyConsent'
import { Screen } from '../../components/Screen'
import { StateView } from '../../components/StateView'
import { refreshUnreadBadge } from '../../hooks/useMessages'
import { useProfile } from '../../hooks/useProfile'
import { useShared } from '../../hooks/useShared'
import { clearSessionToken } from '../../services/session'
import { chooseTextSize, TEXT_SIZE_LABELS, textSize } from '../../services/textSize'
import { MEMBER_STATUS_LABELS } from '../../../types/members'
import type { Role } from '../../../types/roles'
import './index.scss'

const isBrowser = process.env.TARO_ENV === 'h5'

/** Admin tools (the admin subpackage), and which roles open them. */
const ADMIN_TOOLS: { title: string; description: string; url: string; roles: Role[] }[] = [
  { title: '会员名册', description: '查找会员，查看与修改会员信息', url: '/admin/members/list/index', roles: ['unionOffice', 'unitAdmin'] },
  { title: '通知公告管理', description: '发布、编辑、撤回通知', url: '/admin/notices/list/index', roles: ['unionOffice'] },
  { title: '活动管理', description: '发布活动，审核报名、候补与签到', url: '/admin/events/list/index', roles: ['unionOffice', 'unitAdmin'] },
  { title: '行事历管理', description: '全年活动与工会事项', url: '/admin/events/calendar/index', roles: ['unionOffice'] },
  { title: '角色管理', description: '授予、撤销管理员与代表等角色', url: '/admin/roles/index', roles: ['unionOffice'] },
  { title: '操作日志', description: '谁在何时做了什么修改', url: '/admin/audit/index', roles: ['unionOffice'] },
  { title: '节日慰问发放', description: '按节日一次发放，分工会登记领取', url: '/admin/benefits/rounds/index', roles: ['unionOffice', 'unitAdmin'] },
  { title: '慰问申请审批', description: '结婚、生育、住院等慰问申请的审核与审批', url: '/admin/benefits/applications/index', roles: ['unionOffice', 'unitAdmin'] },
  { title: '困难帮扶档案', description: '困难职工的上报、建档、帮扶与走访', url: '/admin/benefits/hardship/index', roles: ['unionOffice', 'unitAdmin'] },
  { title: '荣休名单', description: '今年退休的会员与荣休纪念品', url: '/admin/benefits/retirements/index', roles: ['unionOffice'] },
  { title: '福利台账', description: '每一笔福利慰问的发放、批准与领取', url: '/admin/benefits/ledger/index', roles: ['unionOffice', 'unitAdmin'] },
  { title: '提案审查', description: '本届教代会提案的立案、并案与转交', url: '/admin/proposals/review/index', roles: ['unionOffice', 'committee'] },
  { title: '提案统计', description: '本届提案的立案、办理与满意度', url: '/admin/proposals/stats/index', roles: ['unionOffice', 'committee'] },
  { title: '教代会届次', description: '届次、大会日期与提案征集时间', url: '/admin/proposals/sessions/index', roles: ['unionOffice'] },
  { title: '承办事项', description: '交办本部门的提案：协办意见与答复', url: '/admin/proposals/handling/index', roles: ['handlingDept'] },
  { title: '福利预算', description: '各类福利的年度预算与执行情况', url: '/admin/benefits/budgets/index', roles: ['unionOffice'] },
  { title: '福利政策', description: '各类福利慰问的年度限额、发放形式与生日礼品', url: '/admin/benefits/policies/index', roles: ['unionOffice'] },
  { title: '工会设置', description: '青年教职工年龄、订阅消息模板等', url: '/admin/settings/index', roles: ['unionOffice'] },
  { title: '发送记录', description: '微信订阅消息是否送达', url: '/admin/messages/index', roles: ['unionOffice'] },
  { title: '任务运行记录', description: '定时任务最近一次运行的结果', url: '/admin/jobs/index', roles: ['unionOffice'] },
]

/** 我的: who I am in the union, and the tools my roles open. */
export default function Mine() {
  const { data: profile, error, loading, reload } = useProfile()
  const size = useShared(textSize)
  useDidShow(() => void refreshUnreadBadge())
  const tools = ADMIN_TOOLS.filter((tool) => profile?.roles.some((grant) => tool.roles.includes(grant.role)))
  const switchIdentity = () => {
    clearSessionToken()
    Taro.reLaunch({ url: '/pages/login/index' })
  }
  return (
    <Screen className="mine">
      <StateView loading={loading} error={error} empty={!profile} emptyText="暂无资料" onRetry={reload}>
        {profile && (
          <View className="mine__card">
            <View className="mine__avatar">{profile.name.slice(-2)}</View>
            <View className="mine__who">
              <Text className="mine__name">{profile.name}</Text>
              <Text className="mine__unit">{profile.unitName}</Text>
              <View className="mine__tags">
                {[MEMBER_STATUS_LABELS[profile.status], '会员', ...profile.roles.map((grant) => grant.label)].map((label) => (
                  <Tag key={label} color="#c8161d" background="#ffffff" className="mine__tag">
                    {label}
                  </Tag>
                ))}
              </View>
            </View>
          </View>
        )}
        {tools.length > 0 && (
          <Cell.Group title="管理" className="mine__group">
            {tools.map((tool) => (
              <Cell
                key={tool.url}
                title={tool.title}
                description={tool.description}
                extra="›"
                clickable
                onClick={() => Taro.navigateTo({ url: tool.url })}
              />
            ))}
          </Cell.Group>
        )}
      </StateView>
      <View className="mine__text-size">
        <Text className="mine__text-size-title">文字大小</Text>
        <ChoiceChips value={size} options={choicesOf(TEXT_SIZE_LABELS)} onChange={chooseTextSize} className="choices mine__text-size-choices" />
        <Text className="mine__text-size-sample">各页面的文字都会按此大小显示，只在本机保存。</Text>
      </View>
      <Cell.Group className="mine__group">
        <Cell title="通知公告" extra="›" clickable onClick={() => Taro.navigateTo({ url: '/pages/notices/list/index' })} />
        <Cell title="我的报名" description="报名的活动、候补与签到" extra="›" clickable onClick={() => Taro.navigateTo({ url: '/events/mine/index' })} />
        <Cell title="我的福利" description="生日、节日慰问与领取" extra="›" clickable onClick={() => Taro.navigateTo({ url: '/benefits/mine/index' })} />
        <Cell title="我的慰问申请" description="结婚、生育、住院等慰问的申请与进度" extra="›" clickable onClick={() => Taro.navigateTo({ url: '/benefits/applications/index' })} />
        <Cell title="消息订阅" description="哪些消息同时发到微信" extra="›" clickable onClick={() => Taro.navigateTo({ url: '/pages/messages/subscriptions/index' })} />
        <Cell title="隐私保护指引" extra="›" clickable onClick={() => Taro.navigateTo({ url: PRIVACY_GUIDE_URL })} />
        {isBrowser && <Cell title="切换演示身份" description="演示模式" extra="›" clickable onClick={switchIdentity} />}
      </Cell.Group>
      <Text className="mine__footnote">教工之家 · 校工会</Text>
    </Screen>
  )
}

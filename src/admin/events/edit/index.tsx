import { Button, Checkbox, DatePicker, Input, Switch } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState, type ReactNode } from 'react'
import { ChoiceChips, choicesOf, type Choice } from '../../../components/ChoiceChips'
import { MarkupEditor, PreviewToggle } from '../../../components/MarkupEditor'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import {
  CANCEL_POLICY_LABELS,
  EVENT_DESCRIPTION_MAX,
  EVENT_KIND_EXAMPLES,
  EVENT_KIND_LABELS,
  EVENT_PLACE_MAX,
  EVENT_TITLE_MAX,
  FORM_FIELD_TYPE_LABELS,
  OFFER_HOURS_MAX,
  WAITLIST_LABELS,
  type Eligibility,
  type FormField,
} from '../../../../types/events'
import { MEMBER_GROUP_LABELS, type MemberGroup, type UnitOption } from '../../../../types/members'
import type { ScopeOption } from '../../../../types/members'
import { formatDateTime, inShanghai } from '../../../../types/time'
import { errorAt, fromPickerValues, parseNumber, pickerDate, type EventForm, type GenderChoice, type StatusChoice } from '../eventForm'
import { editable, PhaseTag } from '../phase'
import { ReasonDialog, type ReasonRequest } from '../ReasonDialog'
import { participantsUrl } from '../useAdminEvents'
import { useEventEditor } from '../useEventEditor'
import { CoverPicker } from './CoverPicker'
import { FormBuilder } from './FormBuilder'
import { QuotaTable } from './QuotaTable'
import './index.scss'


type TimeField = 'startAt' | 'endAt' | 'signupOpensAt' | 'signupClosesAt' | 'cancelUntil'

const TIME_TITLES: Record<TimeField, string> = {
  startAt: '活动开始',
  endAt: '活动结束',
  signupOpensAt: '报名开始',
  signupClosesAt: '报名截止',
  cancelUntil: '取消截止',
}

const STATUS_CHOICES: Choice<StatusChoice>[] = [
  { value: 'all', label: '不限' },
  { value: 'active', label: '仅在职' },
  { value: 'retired', label: '仅退休' },
]
const GENDER_CHOICES: Choice<GenderChoice>[] = [
  { value: 'any', label: '不限' },
  { value: 'female', label: '仅女性' },
  { value: 'male', label: '仅男性' },
]
const CAPACITY_CHOICES: Choice<'limited' | 'unlimited'>[] = [
  { value: 'limited', label: '限定名额' },
  { value: 'unlimited', label: '不限' },
]
const REVIEW_CHOICES: Choice<EventForm['review']>[] = [
  { value: 'auto', label: '报名即成功' },
  { value: 'organizer', label: '组织者审核' },
]
const CHECK_IN_CHOICES: Choice<EventForm['checkInKind']>[] = [
  { value: 'code', label: '现场扫码签到' },
  { value: 'organizer', label: '组织者标记出勤' },
]

const YEAR_MS = 365 * 86_400_000

/** The fixed conditions in words, one a line (the member's detail page says the same). */
function eligibilityLines(eligibility: Eligibility, units: UnitOption[], sessions: ScopeOption[]): string[] {
  const lines: string[] = []
  if (eligibility.statuses) lines.push(`仅限${eligibility.statuses.map((status) => (status === 'active' ? '在职' : '退休')).join('、')}教职工`)
  if (eligibility.gender) lines.push(eligibility.gender === 'female' ? '仅限女性' : '仅限男性')
  if (eligibility.minAge !== undefined || eligibility.maxAge !== undefined) lines.push(`年龄 ${eligibility.minAge ?? '不限'}–${eligibility.maxAge ?? '不限'} 岁`)
  if (eligibility.groups) lines.push(`仅限${eligibility.groups.map((group) => MEMBER_GROUP_LABELS[group]).join('、')}`)
  if (eligibility.unitIds) lines.push(`仅限${eligibility.unitIds.map((id) => units.find((unit) => unit.id === id)?.name ?? id).join('、')}`)
  if (eligibility.delegatesOf) lines.push(`仅限${sessions.find((session) => session.id === eligibility.delegatesOf)?.name ?? ''}教代会代表`)
  if (eligibility.duesPaid) lines.push('须已缴纳会费')
  return lines.length > 0 ? lines : ['不限，全体会员均可报名']
}

const fieldLine = (field: FormField) =>
  `${field.label}（${FORM_FIELD_TYPE_LABELS[field.type]}${field.required ? '，必填' : ''}${field.options ? `：${field.options.join(' / ')}` : ''}）`

/** A card of the form: its title, an optional note beside it, and its fields. */
function Group({ title, note, wide, children, className = '' }: { title: string; note?: ReactNode; wide?: boolean; children: ReactNode; className?: string }) {
  return (
    <View className={`card event-form__group${wide ? ' event-form__group--wide' : ''} ${className}`}>
      <View className="event-form__group-head">
        <Text className="event-form__group-title">{title}</Text>
        {note}
      </View>
      {children}
    </View>
  )
}

/** 新建 / 编辑活动: every setting of an event, for the union office or the event's unit admin. */
export default function EventEdit() {
  const params = useRouter().params
  const id = params.id ? decodeURIComponent(params.id) : undefined
  const unitIdParam = params.unitId ? decodeURIComponent(params.unitId) : undefined
  const editor = useEventEditor(id, unitIdParam)
  const { form, errors, change, draft, units, sessions } = editor
  const [picking, setPicking] = useState<TimeField>()
  const [preview, setPreview] = useState(false)
  const [asking, setAsking] = useState<ReasonRequest>()
  const set = <K extends keyof EventForm>(key: K, value: EventForm[K]) => change({ [key]: value } as Partial<EventForm>)
  const error = (path: string) => {
    const message = errorAt(errors, `settings.${path}`)
    return message && <Text className="event-form__error">{message}</Text>
  }

  const saved = draft.data
  const phase = saved?.phase ?? 'draft'
  const published = saved !== undefined && phase !== 'draft'
  const open = editable(phase)
  const unitEvent = editor.unitId !== undefined
  const unitName = unitEvent ? (units.find((unit) => unit.id === editor.unitId)?.name ?? '本分工会') : undefined
  const capacity = form.capacityLimited ? parseNumber(form.capacity) : undefined
  const now = new Date()

  const timeRow = (field: TimeField, label = TIME_TITLES[field]) => (
    <View className="event-form__time" onClick={() => open && setPicking(field)}>
      <Text className="event-form__time-label">{label}</Text>
      <Text className="event-form__time-value">{form[field] ? formatDateTime(form[field], now) : '请选择'} ›</Text>
    </View>
  )

  const cancelEvent = () =>
    setAsking({
      title: '取消活动',
      description: `取消后「${form.title}」的全部报名随之失效，已报名的 ${saved?.held ?? 0} 人和候补的会员都会收到取消通知和原因。取消后不能恢复。`,
      confirmText: '确定取消活动',
      placeholder: '取消原因，如：天气原因延期',
      required: true,
      onConfirm: (reason) => editor.cancel(reason),
    })

  return (
    <Screen className="event-form">
      <StateView loading={Boolean(id) && draft.loading} error={draft.error} empty={Boolean(id) && !saved} emptyText="没有这个活动" onRetry={draft.reload}>
        <View className="event-form__status">
          <PhaseTag phase={phase} />
          <Text className="event-form__organizer">{unitEvent ? `组织：${unitName}（仅本分工会会员可报名）` : '组织：校工会（面向全校会员）'}</Text>
          {published && (
            <Text className="event-form__link" onClick={() => Taro.navigateTo({ url: participantsUrl(saved.id) })}>
              报名名单（{saved.held} 人）›
            </Text>
          )}
        </View>
        {!open && <Text className="event-form__notice">活动{phase === 'cancelled' ? '已取消' : '已结束'}，设置不能再修改。可以在活动管理中“复制”为新活动。</Text>}

        <View className="event-form__cards">
          <Group title="基本信息" wide>
            <Text className="event-form__label">活动类型</Text>
            <ChoiceChips value={form.kind} options={choicesOf(EVENT_KIND_LABELS)} onChange={(kind) => set('kind', kind)} />
            <Text className="event-form__help">{EVENT_KIND_LABELS[form.kind]}：{EVENT_KIND_EXAMPLES[form.kind]}</Text>
            <Text className="event-form__label">活动名称</Text>
            <Input className="field-input event-form__title" placeholder="例如：2026年教职工气排球比赛" value={form.title} maxLength={EVENT_TITLE_MAX} onChange={(value) => set('title', value)} />
            {error('title')}
            <Text className="event-form__label">活动地点</Text>
            <Input className="field-input event-form__place" placeholder="例如：体育馆二楼气排球场" value={form.place} maxLength={EVENT_PLACE_MAX} onChange={(value) => set('place', value)} />
            {error('place')}
            <Text className="event-form__label">封面图</Text>
            <CoverPicker
              cover={form.cover}
              uploading={editor.uploadingCover}
              disabled={!open || editor.busy}
              onChoose={() => void editor.chooseCover()}
              onRemove={editor.removeCover}
            />
            {error('coverFileId')}
          </Group>

          <View className="event-form__columns">
            <View className="event-form__column">
              <Group title="时间" note={<Text className="event-form__group-note">北京时间</Text>}>
                {timeRow('startAt')}
                {error('startAt')}
                {timeRow('endAt')}
                {error('endAt')}
                {timeRow('signupOpensAt')}
                {error('signupOpensAt')}
                {timeRow('signupClosesAt')}
                {error('signupClosesAt')}
              </Group>

              <Group title="名额">
                <ChoiceChips
                  value={form.capacityLimited ? 'limited' : 'unlimited'}
                  options={CAPACITY_CHOICES}
                  onChange={(value) => change({ capacityLimited: value === 'limited', ...(value === 'unlimited' && !form.quotasOn ? { waitlistKind: 'off' } : {}) })}
                />
                {form.capacityLimited && (
                  <View className="event-form__inline">
                    <Text className="event-form__inline-label">总名额</Text>
                    <Input className="field-input event-form__capacity" type="number" placeholder="人数" value={form.capacity} onChange={(value) => set('capacity', value)} />
                    <Text className="event-form__inline-label">人</Text>
                  </View>
                )}
                {published && <Text className="event-form__help">已占名额 {saved.held} 人（含待审核和待确认），名额不能少于此数；已发布的活动不能在“限定”和“不限”之间切换。</Text>}
                {error('capacity')}
                {!unitEvent && (
                  <>
                    <View className="event-form__row">
                      <Text className="event-form__label event-form__label--inline">按分工会分配名额</Text>
                      <Switch checked={form.quotasOn} disabled={published} onChange={(value) => set('quotasOn', value)} />
                    </View>
                    {form.quotasOn ? (
                      <QuotaTable
                        units={units}
                        quotas={form.quotas}
                        capacity={capacity}
                        fixedUnits={published ? saved.settings.unitQuotas.map((entry) => entry.unitId) : undefined}
                        onChange={(quotas) => set('quotas', quotas)}
                      />
                    ) : (
                      <Text className="event-form__help">不分配时，全校会员先到先得。</Text>
                    )}
                    {error('unitQuotas')}
                  </>
                )}
              </Group>
            </View>
            <View className="event-form__column">
              <Group title="报名条件" className="event-form__eligibility">
                {form.fixed ? (
                  <View className="event-form__fixed">
                    {eligibilityLines(form.fixed.eligibility, units, sessions).map((line) => (
                      <Text key={line} className="event-form__fixed-line">
                        · {line}
                      </Text>
                    ))}
                    <Text className="event-form__locked">已有人报名，报名条件已固定：改动会让已报名的人不再符合条件。</Text>
                  </View>
                ) : (
                  <>
                    <Text className="event-form__label">人员状态</Text>
                    <ChoiceChips value={form.statuses} options={STATUS_CHOICES} onChange={(value) => set('statuses', value)} />
                    <Text className="event-form__label">性别</Text>
                    <ChoiceChips value={form.gender} options={GENDER_CHOICES} onChange={(value) => set('gender', value)} />
                    <Text className="event-form__label">年龄（按活动当天计）</Text>
                    <View className="event-form__inline">
                      <Input className="field-input event-form__age" type="number" placeholder="不限" value={form.minAge} onChange={(value) => set('minAge', value)} />
                      <Text className="event-form__inline-label">至</Text>
                      <Input className="field-input event-form__age" type="number" placeholder="不限" value={form.maxAge} onChange={(value) => set('maxAge', value)} />
                      <Text className="event-form__inline-label">岁</Text>
                    </View>
                    <Text className="event-form__label">人群</Text>
                    <Checkbox.Group direction="horizontal" className="event-form__checks" value={form.groups} onChange={(value) => set('groups', value as MemberGroup[])}>
                      {(Object.keys(MEMBER_GROUP_LABELS) as MemberGroup[]).map((group) => (
                        <Checkbox key={group} value={group} label={`仅${MEMBER_GROUP_LABELS[group]}`} className="event-form__check" />
                      ))}
                    </Checkbox.Group>
                    {!unitEvent && (
                      <>
                        <View className="event-form__row">
                          <Text className="event-form__label event-form__label--inline">仅限部分分工会</Text>
                          <Switch checked={form.unitsOn} onChange={(value) => set('unitsOn', value)} />
                        </View>
                        {form.unitsOn && (
                          <Checkbox.Group direction="horizontal" className="event-form__units" value={form.unitIds} onChange={(value) => set('unitIds', value as string[])}>
                            {units.map((unit) => (
                              <Checkbox key={unit.id} value={unit.id} label={unit.name} className="event-form__unit" />
                            ))}
                          </Checkbox.Group>
                        )}
                      </>
                    )}
                    {sessions.length > 0 && (
                      <>
                        <Text className="event-form__label">教代会代表</Text>
                        <ChoiceChips
                          value={form.delegatesOf}
                          options={[{ value: '', label: '不限' }, ...sessions.map((session) => ({ value: session.id, label: `仅${session.name}代表` }))]}
                          onChange={(value) => set('delegatesOf', value)}
                        />
                      </>
                    )}
                    <View className="event-form__row">
                      <Text className="event-form__label event-form__label--inline">须已缴纳会费</Text>
                      <Switch checked={form.duesPaid} onChange={(value) => set('duesPaid', value)} />
                    </View>
                  </>
                )}
                {error('eligibility')}
              </Group>

              <Group title="报名规则">
                <Text className="event-form__label">审核</Text>
                <ChoiceChips value={form.review} options={REVIEW_CHOICES} onChange={(value) => set('review', value)} />
                <Text className="event-form__help">{form.review === 'auto' ? '有名额即报名成功。' : '报名先占名额，待组织者审核通过后确认；不通过的名额让给候补。'}</Text>
                <Text className="event-form__label">候补</Text>
                <ChoiceChips value={form.waitlistKind} options={choicesOf(WAITLIST_LABELS)} onChange={(value) => set('waitlistKind', value)} />
                {form.waitlistKind === 'offer' && (
                  <View className="event-form__inline">
                    <Text className="event-form__inline-label">递补后须在</Text>
                    <Input className="field-input event-form__hours" type="number" value={form.acceptHours} onChange={(value) => set('acceptHours', value)} />
                    <Text className="event-form__inline-label">小时内确认（最多 {OFFER_HOURS_MAX}）</Text>
                  </View>
                )}
                <Text className="event-form__help">
                  {form.waitlistKind === 'off'
                    ? '名额满后不再接受报名。'
                    : form.waitlistKind === 'auto'
                      ? '名额满后可候补；有人取消或被移出时，第一位候补自动获得名额并收到通知。'
                      : '有名额空出时通知第一位候补，限时确认，过时让给下一位。'}
                </Text>
                {error('waitlist')}
                <Text className="event-form__label">取消报名</Text>
                <ChoiceChips value={form.cancelKind} options={choicesOf(CANCEL_POLICY_LABELS)} onChange={(value) => set('cancelKind', value)} />
                {form.cancelKind === 'until' && timeRow('cancelUntil', '可自行取消至')}
                {error('cancelPolicy')}
              </Group>

              <Group title="签到">
                <ChoiceChips value={form.checkInKind} options={CHECK_IN_CHOICES} onChange={(value) => set('checkInKind', value)} />
                {form.checkInKind === 'code' ? (
                  <>
                    <View className="event-form__inline">
                      <Text className="event-form__inline-label">活动开始前</Text>
                      <Input className="field-input event-form__minutes event-form__opens" type="number" value={form.opensMinutesBefore} onChange={(value) => set('opensMinutesBefore', value)} />
                      <Text className="event-form__inline-label">分钟开放签到</Text>
                    </View>
                    <View className="event-form__inline">
                      <Text className="event-form__inline-label">活动开始后</Text>
                      <Input className="field-input event-form__minutes event-form__closes" type="number" value={form.closesMinutesAfter} onChange={(value) => set('closesMinutesAfter', value)} />
                      <Text className="event-form__inline-label">分钟截止签到</Text>
                    </View>
                    <Text className="event-form__help">发布后在“报名名单”中打印签到码，会员到场用微信扫码签到；未签到的在活动结束后记为缺席。</Text>
                  </>
                ) : (
                  <Text className="event-form__help">活动当天起，组织者在“报名名单”中逐人标记出席或缺席。</Text>
                )}
                {error('checkIn')}
              </Group>
            </View>
          </View>

          <Group
            title="活动介绍"
            wide
            note={<PreviewToggle preview={preview} onToggle={setPreview} />}
          >
            <MarkupEditor
              className="event-form__description"
              value={form.description}
              onChange={(value) => set('description', value)}
              preview={preview}
              placeholder="活动的安排、要求和注意事项"
              maxLength={EVENT_DESCRIPTION_MAX}
              emptyText="（介绍为空）"
            />
            {error('description')}
          </Group>

          <Group title="报名表" wide className="event-form__questions">
            {form.fixed ? (
              <View className="event-form__fixed">
                {form.fixed.form.length === 0 ? (
                  <Text className="event-form__fixed-line">没有附加题目</Text>
                ) : (
                  form.fixed.form.map((field, index) => (
                    <Text key={field.key} className="event-form__fixed-line">
                      {index + 1}. {fieldLine(field)}
                    </Text>
                  ))
                )}
                <Text className="event-form__locked">已有人报名，报名表已固定：改动会让已填写的回答与题目对不上。</Text>
              </View>
            ) : (
              <FormBuilder questions={form.questions} errors={errors} onChange={(questions) => set('questions', questions)} />
            )}
            {error('form')}
          </Group>
        </View>

        {open && (
          <View className="bottom-bar event-form__bar">
            {editor.refusal && <Text className="event-form__refusal">未能完成：{editor.refusal}</Text>}
            <View className="event-form__buttons">
              {published && phase === 'open' && (
                <Button fill="outline" className="event-form__close" loading={editor.closing} disabled={editor.busy} onClick={() => void editor.closeSignup()}>
                  提前截止报名
                </Button>
              )}
              {published && (
                <Button type="danger" fill="outline" className="event-form__cancel" disabled={editor.busy} onClick={cancelEvent}>
                  取消活动
                </Button>
              )}
              {!published && editor.id && (
                <Button type="danger" fill="outline" className="event-form__delete" loading={editor.deleting} disabled={editor.busy} onClick={() => void editor.deleteDraft()}>
                  删除
                </Button>
              )}
              {!published && (
                <Button fill="outline" className="event-form__save" loading={editor.saving} disabled={editor.busy} onClick={editor.save}>
                  保存草稿
                </Button>
              )}
              <Button
                type="primary"
                className={published ? 'event-form__save' : 'event-form__publish'}
                loading={published ? editor.saving : editor.publishing}
                disabled={editor.busy}
                onClick={published ? editor.save : editor.publish}
              >
                {published ? '保存' : '发布'}
              </Button>
            </View>
          </View>
        )}
        <Text className="event-form__now">当前时间 {inShanghai(now).format('M月D日 HH:mm')}（北京时间）</Text>

        <DatePicker
          key={picking ?? 'none'}
          type="datetime"
          title={picking ? `选择${TIME_TITLES[picking]}时间` : ''}
          visible={picking !== undefined}
          startDate={new Date(now.getTime() - YEAR_MS)}
          endDate={new Date(now.getTime() + 400 * 86_400_000)}
          defaultValue={pickerDate(picking && form[picking] ? form[picking] : now.toISOString())}
          onClose={() => setPicking(undefined)}
          onConfirm={(_options, values) => {
            const at = fromPickerValues(values)
            if (at && picking) set(picking, at)
          }}
        />
        <ReasonDialog request={asking} onClose={() => setAsking(undefined)} />
      </StateView>
    </Screen>
  )
}

/**
 * The organizer's event form (src/admin/events/eventForm.ts): what a new form starts from, the sign-up form
 * builder's steps, and the form's translation into the settings the `events` function takes, checked with its schema.
 */
import type { EventDraft, EventSettings } from '../../types/events'
import {
  addQuestion,
  changeQuestion,
  checkEventForm,
  errorAt,
  fieldOf,
  fillQuotas,
  formFromDraft,
  fromPickerValues,
  moveQuestion,
  newEventForm,
  nextQuestionKey,
  pickerDate,
  quotaSum,
  removeQuestion,
  toSettings,
  type EventForm,
  type QuestionForm,
} from '../../src/admin/events/eventForm'

/** 11:00 on 1 December 2026 in Shanghai. */
const NOW = new Date('2026-12-01T03:00:00.000Z')
const UNITS = ['unit01', 'unit02', 'unit03', 'unit04']

const filled = (change: Partial<EventForm> = {}): EventForm => ({
  ...newEventForm(NOW),
  title: '  教职工气排球比赛 ',
  place: '体育馆二楼',
  capacity: '60',
  ...change,
})

const question = (change: Partial<QuestionForm>): QuestionForm => ({
  key: 'q1',
  label: '参赛组别',
  type: 'choice',
  required: true,
  maxLength: '',
  min: '',
  max: '',
  options: '',
  ...change,
})

describe('a new event form', () => {
  it('starts a fortnight ahead, 14:00 to 16:00 Shanghai time, with sign-up open from now until two days before', () => {
    const form = newEventForm(NOW)
    expect(form).toMatchObject({
      startAt: '2026-12-15T06:00:00.000Z',
      endAt: '2026-12-15T08:00:00.000Z',
      signupOpensAt: '2026-12-01T03:00:00.000Z',
      signupClosesAt: '2026-12-13T09:00:00.000Z',
      cancelKind: 'until',
      cancelUntil: '2026-12-14T04:00:00.000Z',
      capacityLimited: true,
      capacity: '',
      review: 'auto',
      waitlistKind: 'auto',
      checkInKind: 'code',
      questions: [],
    })
  })

  it('drops the seconds of now, so the opening time is a minute a picker can show', () => {
    expect(newEventForm(new Date('2026-12-01T03:04:59.999Z')).signupOpensAt).toBe('2026-12-01T03:04:00.000Z')
  })
})

describe('the sign-up form builder', () => {
  it('gives each new question a key no other question has, so answers stay with their question', () => {
    const two = addQuestion(addQuestion([], 'choice'), 'phone')
    expect(two.map((q) => [q.key, q.type, q.label, q.required])).toEqual([
      ['q1', 'choice', '', true],
      ['q2', 'phone', '联系电话', true],
    ])
    const afterRemoving = removeQuestion(two, 0)
    expect(afterRemoving.map((q) => q.key)).toEqual(['q2'])
    expect(nextQuestionKey(afterRemoving)).toBe('q3')
    expect(addQuestion(afterRemoving, 'text').map((q) => q.key)).toEqual(['q2', 'q3'])
  })

  it('moves a question up or down one place, and leaves the ends where they are', () => {
    const three = [question({ key: 'a' }), question({ key: 'b' }), question({ key: 'c' })]
    expect(moveQuestion(three, 2, -1).map((q) => q.key)).toEqual(['a', 'c', 'b'])
    expect(moveQuestion(three, 0, 1).map((q) => q.key)).toEqual(['b', 'a', 'c'])
    expect(moveQuestion(three, 0, -1)).toBe(three)
    expect(moveQuestion(three, 2, 1)).toBe(three)
  })

  it('edits one question only', () => {
    const two = [question({ key: 'a' }), question({ key: 'b' })]
    expect(changeQuestion(two, 1, { label: '服装尺码', required: false })).toEqual([two[0], { ...two[1], label: '服装尺码', required: false }])
  })

  it('sends only the limits a question’s type takes, and the options one a line without blanks', () => {
    expect(fieldOf(question({ options: ' 男子组\n\n女子组 \n混合组\n' }))).toEqual({ key: 'q1', label: '参赛组别', type: 'choice', required: true, options: ['男子组', '女子组', '混合组'] })
    expect(fieldOf(question({ type: 'text', label: '兴趣爱好', maxLength: '100', min: '1', options: 'a\nb', required: false }))).toEqual({
      key: 'q1',
      label: '兴趣爱好',
      type: 'text',
      required: false,
      maxLength: 100,
    })
    expect(fieldOf(question({ type: 'number', label: '同行人数', min: '0', max: ' 3 ', maxLength: '20' }))).toEqual({ key: 'q1', label: '同行人数', type: 'number', required: true, min: 0, max: 3 })
    expect(fieldOf(question({ type: 'number', label: '同行人数' }))).toEqual({ key: 'q1', label: '同行人数', type: 'number', required: true })
    expect(fieldOf(question({ type: 'date', label: '到校日期', options: 'x\ny' }))).toEqual({ key: 'q1', label: '到校日期', type: 'date', required: true })
  })
})

describe('per-unit quotas', () => {
  it('fills every unit with 每个分工会 N 人 and adds up what is typed', () => {
    expect(fillQuotas(UNITS, ' 8 ')).toEqual({ unit01: '8', unit02: '8', unit03: '8', unit04: '8' })
    expect(quotaSum({ unit01: '8', unit02: '', unit03: '12', unit04: 'x' })).toBe(20)
  })

  it('gives places only to the units with a number, in the union’s order', () => {
    const settings = toSettings(filled({ quotasOn: true, quotas: { unit04: '5', unit02: ' 10', unit03: '' } }), UNITS)
    expect(settings.unitQuotas).toEqual([
      { unitId: 'unit02', quota: 10 },
      { unitId: 'unit04', quota: 5 },
    ])
    expect(toSettings(filled({ quotasOn: false, quotas: { unit01: '5' } }), UNITS).unitQuotas).toEqual([])
  })
})

describe('the settings a form sends', () => {
  it('holds every choice of the form', () => {
    const form = filled({
      kind: 'mixer',
      description: '面向单身青年教职工',
      capacityLimited: false,
      statuses: 'active',
      gender: 'female',
      minAge: '25',
      maxAge: '',
      unitsOn: true,
      unitIds: ['unit01', 'unit03'],
      groups: ['youth'],
      delegatesOf: 'session-6-2',
      duesPaid: true,
      questions: [question({ key: 'q1', options: '是\n否' }), question({ key: 'q2', type: 'phone', label: '联系电话', required: false })],
      cancelKind: 'approval',
      review: 'organizer',
      waitlistKind: 'offer',
      acceptHours: '12',
      checkInKind: 'organizer',
    })
    const expected: EventSettings = {
      kind: 'mixer',
      title: '  教职工气排球比赛 ',
      description: '面向单身青年教职工',
      place: '体育馆二楼',
      startAt: '2026-12-15T06:00:00.000Z',
      endAt: '2026-12-15T08:00:00.000Z',
      signupOpensAt: '2026-12-01T03:00:00.000Z',
      signupClosesAt: '2026-12-13T09:00:00.000Z',
      capacity: null,
      unitQuotas: [],
      eligibility: { statuses: ['active'], gender: 'female', minAge: 25, unitIds: ['unit01', 'unit03'], groups: ['youth'], delegatesOf: 'session-6-2', duesPaid: true },
      form: [
        { key: 'q1', label: '参赛组别', type: 'choice', required: true, options: ['是', '否'] },
        { key: 'q2', label: '联系电话', type: 'phone', required: false },
      ],
      cancelPolicy: { kind: 'approval' },
      review: 'organizer',
      waitlist: { kind: 'offer', acceptHours: 12 },
      checkIn: { kind: 'organizer' },
    }
    expect(toSettings(form, UNITS)).toEqual(expected)
  })

  it('leaves out every condition left at 不限', () => {
    const settings = toSettings(filled(), UNITS)
    expect(settings.eligibility).toEqual({})
    expect(settings).toMatchObject({
      capacity: 60,
      cancelPolicy: { kind: 'until', until: '2026-12-14T04:00:00.000Z' },
      waitlist: { kind: 'auto' },
      checkIn: { kind: 'code', opensMinutesBefore: 30, closesMinutesAfter: 60 },
    })
  })
})

describe('checking the form before sending', () => {
  it('passes a complete form, trimmed as the function stores it, with the unit of a unit’s own event', () => {
    const check = checkEventForm(filled(), UNITS, 'unit05')
    expect(check.ok).toBe(true)
    if (!check.ok) return
    expect(check.input.unitId).toBe('unit05')
    expect(check.input.settings.title).toBe('教职工气排球比赛')
    expect('unitId' in (checkEventForm(filled(), UNITS) as { input: object }).input).toBe(false)
  })

  it('says what is missing under the same paths the function answers', () => {
    expect(checkEventForm(filled({ title: ' ' }), UNITS)).toEqual({ ok: false, message: '请填写活动名称', fields: { 'settings.title': '请填写活动名称' } })
    expect(checkEventForm(filled({ capacity: '' }), UNITS)).toMatchObject({ ok: false, fields: { 'settings.capacity': '请填写名额，或选择“不限”' } })
    expect(checkEventForm(filled({ capacity: '0' }), UNITS)).toMatchObject({ ok: false, fields: { 'settings.capacity': '名额不能小于 1' } })
    expect(checkEventForm(filled({ capacity: '2.5' }), UNITS)).toMatchObject({ ok: false, fields: { 'settings.capacity': '名额须为整数' } })
    expect(checkEventForm(filled({ startAt: '' }), UNITS)).toMatchObject({ ok: false, fields: { 'settings.startAt': '请选择开始时间' } })
    expect(checkEventForm(filled({ quotasOn: true, quotas: { unit01: ' ' } }), UNITS)).toMatchObject({ ok: false, fields: { 'settings.unitQuotas': '请至少为一个分工会填写名额' } })
    expect(checkEventForm(filled({ waitlistKind: 'offer', acceptHours: '100' }), UNITS)).toMatchObject({ ok: false, fields: { 'settings.waitlist.acceptHours': '确认时限不能大于 72' } })
    expect(checkEventForm(filled({ unitsOn: true, unitIds: [] }), UNITS)).toMatchObject({ ok: false, fields: { 'settings.eligibility.unitIds': '请至少选择一个分工会' } })
  })

  it('refuses a choice question with fewer than two options, and a question without words', () => {
    const oneOption = checkEventForm(filled({ questions: [question({ options: '男子组' })] }), UNITS)
    expect(oneOption).toMatchObject({ ok: false, fields: { 'settings.form.0.options': '请至少填写两个选项，每行一个' } })
    const unnamed = checkEventForm(filled({ questions: [question({ type: 'text', label: '' })] }), UNITS)
    expect(unnamed).toMatchObject({ ok: false, fields: { 'settings.form.0.label': '请填写题目' } })
    expect(errorAt(unnamed.ok ? {} : unnamed.fields, 'settings.form.0')).toBe('请填写题目')
    expect(errorAt(unnamed.ok ? {} : unnamed.fields, 'settings.form.1')).toBeUndefined()
  })
})

describe('a saved event', () => {
  const settings: EventSettings = {
    kind: 'competition',
    title: '气排球比赛',
    description: '',
    place: '体育馆',
    startAt: '2026-12-11T06:00:00.000Z',
    endAt: '2026-12-11T09:30:00.000Z',
    signupOpensAt: '2026-11-29T01:00:00.000Z',
    signupClosesAt: '2026-12-08T09:00:00.000Z',
    capacity: 60,
    unitQuotas: [{ unitId: 'unit02', quota: 6 }],
    eligibility: { statuses: ['active', 'retired'], groups: ['women'] },
    form: [{ key: 'group', label: '参赛组别', type: 'choice', required: true, options: ['男子组', '女子组'] }],
    cancelPolicy: { kind: 'never' },
    review: 'auto',
    waitlist: { kind: 'offer', acceptHours: 24 },
    checkIn: { kind: 'code', opensMinutesBefore: 60, closesMinutesAfter: 120 },
  }
  const draft = (locked: boolean): EventDraft => ({ id: 'e1', organizer: '校工会', phase: 'open', settings, held: 24, locked })

  it('fills the form with what it has, and sends it back as it was', () => {
    const form = formFromDraft(draft(false))
    expect(form).toMatchObject({
      capacity: '60',
      quotasOn: true,
      quotas: { unit02: '6' },
      statuses: 'all',
      groups: ['women'],
      cancelKind: 'never',
      // Offered if 截止时间前可自行取消 is chosen again: the day before the start, at noon.
      cancelUntil: '2026-12-10T04:00:00.000Z',
      acceptHours: '24',
      opensMinutesBefore: '60',
      closesMinutesAfter: '120',
    })
    expect(form.fixed).toBeUndefined()
    // 在职 and 退休 both is the same as 不限.
    expect(toSettings(form, UNITS)).toEqual({ ...settings, eligibility: { groups: ['women'] } })
  })

  it('once people signed up, sends its form and conditions exactly as loaded, whatever the inputs hold', () => {
    const form = formFromDraft(draft(true))
    const edited = { ...form, questions: [], groups: [], gender: 'male' as const, capacity: '64' }
    const sent = toSettings(edited, UNITS)
    expect(sent.form).toBe(settings.form)
    expect(sent.eligibility).toBe(settings.eligibility)
    expect(sent.capacity).toBe(64)
    // A fixed form is not checked again question by question.
    expect(checkEventForm(edited, UNITS).ok).toBe(true)
  })

  it('keeps its cover with the link that shows it, and sends it back; a cover the function could not link to stays', () => {
    const covered: EventDraft = { ...draft(false), settings: { ...settings, coverFileId: 'cafe'.repeat(8) }, coverUrl: '/files/cafe?sig=x' }
    const form = formFromDraft(covered)
    expect(form.cover).toEqual({ fileId: 'cafe'.repeat(8), url: '/files/cafe?sig=x' })
    expect(toSettings(form, UNITS).coverFileId).toBe('cafe'.repeat(8))
    const unlinked = formFromDraft({ ...covered, coverUrl: undefined })
    expect(unlinked.cover).toEqual({ fileId: 'cafe'.repeat(8), url: '' })
    expect(toSettings({ ...form, cover: undefined }, UNITS)).not.toHaveProperty('coverFileId')
    expect(formFromDraft(draft(false)).cover).toBeUndefined()
  })
})

describe('the date-time picker', () => {
  it('starts from the Shanghai wall time and reads its columns back as the same instant, whatever the device zone', () => {
    const iso = '2026-12-15T06:30:00.000Z'
    const shown = pickerDate(iso)
    expect([shown.getFullYear(), shown.getMonth() + 1, shown.getDate(), shown.getHours(), shown.getMinutes()]).toEqual([2026, 12, 15, 14, 30])
    expect(fromPickerValues(['2026', '12', '15', '14', '30'])).toBe(iso)
    expect(fromPickerValues([2026, 2, 30, 9, 0])).toBeUndefined()
  })
})

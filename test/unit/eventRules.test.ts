/** The events function's pure rules: answers against the form, phases, reminders, copying a year on. */
import { COVER_IMAGE, checkAnswers, copiedSettings, eventPhase, reminderSchedule } from '../../cloudfunctions/events/rules'
import { imageProblem, isImage } from '../../cloudfunctions/core/files/images'
import { COVER_MAX_BYTES, type EventSettings, type FormField } from '../../types/events'

const FORM: FormField[] = [
  { key: 'name', label: '孩子姓名', type: 'text', required: true, maxLength: 10 },
  { key: 'age', label: '孩子年龄', type: 'number', required: true, min: 3, max: 12 },
  { key: 'group', label: '组别', type: 'choice', required: true, options: ['亲子组', '个人组'] },
  { key: 'items', label: '项目', type: 'multiChoice', required: false, options: ['跑步', '跳绳', '踢毽子'] },
  { key: 'day', label: '出生日期', type: 'date', required: false },
  { key: 'phone', label: '联系电话', type: 'phone', required: true },
]

const valid = { name: '小明', age: 8, group: '亲子组', items: ['跑步', '跳绳'], day: '2018-05-20', phone: '13800001111' }

describe('checkAnswers', () => {
  it('takes answers that fit, trimmed, leaving out blank optional ones', () => {
    expect(checkAnswers(FORM, { ...valid, name: '  小明 ', items: [], day: '' })).toEqual({
      ok: true,
      value: { name: '小明', age: 8, group: '亲子组', phone: '13800001111' },
    })
  })

  const cases: [string, Record<string, unknown>, string, string][] = [
    ['a required answer missing', { ...valid, name: undefined }, 'answers.name', '请填写「孩子姓名」'],
    ['a required answer blank', { ...valid, name: '   ' }, 'answers.name', '请填写「孩子姓名」'],
    ['text over its limit', { ...valid, name: '一二三四五六七八九十一' }, 'answers.name', '「孩子姓名」不能超过 10 个字'],
    ['a number for a text', { ...valid, name: 7 }, 'answers.name', '「孩子姓名」请填写文字'],
    ['text for a number', { ...valid, age: '八' }, 'answers.age', '「孩子年龄」请填写数字'],
    ['a number below its range', { ...valid, age: 2 }, 'answers.age', '「孩子年龄」不能小于 3'],
    ['a number above its range', { ...valid, age: 13 }, 'answers.age', '「孩子年龄」不能大于 12'],
    ['a choice not offered', { ...valid, group: '老年组' }, 'answers.group', '「组别」请从选项中选择'],
    ['a list for a single choice', { ...valid, group: ['亲子组'] }, 'answers.group', '「组别」请从选项中选择'],
    ['a multiple choice not offered', { ...valid, items: ['跑步', '游泳'] }, 'answers.items', '「项目」请从选项中选择'],
    ['a multiple choice picked twice', { ...valid, items: ['跑步', '跑步'] }, 'answers.items', '「项目」有重复的选择'],
    ['a date that does not exist', { ...valid, day: '2018-02-30' }, 'answers.day', '「出生日期」请填写日期，如 2026-05-20'],
    ['a date in another format', { ...valid, day: '2018/05/20' }, 'answers.day', '「出生日期」请填写日期，如 2026-05-20'],
    ['a phone of ten digits', { ...valid, phone: '1380000111' }, 'answers.phone', '「联系电话」应为 1 开头的 11 位手机号'],
    ['a question the form lacks', { ...valid, shoe: '42' }, 'answers.shoe', '报名表没有这道题，请刷新后重新填写'],
  ]

  it.each(cases)('%s', (_what, answers, field, message) => {
    const defined = Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined))
    expect(checkAnswers(FORM, defined as never)).toEqual({ ok: false, field, message })
  })
})

describe('eventPhase', () => {
  const event = {
    status: 'published' as const,
    signupOpensAt: '2026-11-23T01:00:00.000Z',
    signupClosesAt: '2026-11-28T09:00:00.000Z',
    endAt: '2026-11-30T08:00:00.000Z',
  }
  it.each([
    ['2026-11-23T00:59:59.000Z', 'upcoming'],
    ['2026-11-23T01:00:00.000Z', 'open'],
    ['2026-11-28T09:00:00.000Z', 'closed'],
    ['2026-11-30T08:00:00.000Z', 'finished'],
  ])('at %s: %s', (at, phase) => {
    expect(eventPhase(event, new Date(at))).toBe(phase)
  })

  it('a draft and a cancelled event are that, whatever the clock', () => {
    expect(eventPhase({ ...event, status: 'draft' }, new Date('2026-11-25T00:00:00Z'))).toBe('draft')
    expect(eventPhase({ ...event, status: 'cancelled' }, new Date('2026-11-25T00:00:00Z'))).toBe('cancelled')
  })
})

describe('reminderSchedule', () => {
  it('the day before at 09:00 Shanghai, and an hour before the start', () => {
    // 2026-12-01 08:30 Shanghai.
    expect(reminderSchedule('2026-12-01T00:30:00.000Z')).toEqual([
      { when: 'day', at: '2026-11-30T01:00:00.000Z' },
      { when: 'hour', at: '2026-11-30T23:30:00.000Z' },
    ])
  })
})

describe('copiedSettings', () => {
  const settings = {
    title: '2025年教职工气排球比赛',
    startAt: '2025-11-29T06:00:00.000Z',
    endAt: '2025-11-29T09:30:00.000Z',
    signupOpensAt: '2025-11-10T01:00:00.000Z',
    signupClosesAt: '2025-11-25T09:00:00.000Z',
    cancelPolicy: { kind: 'until', until: '2025-11-27T04:00:00.000Z' },
  } as EventSettings

  it('moves every time a year on, and the year in the title', () => {
    expect(copiedSettings(settings, new Date('2026-03-01T00:00:00Z'))).toMatchObject({
      title: '2026年教职工气排球比赛',
      startAt: '2026-11-29T06:00:00.000Z',
      signupOpensAt: '2026-11-10T01:00:00.000Z',
      cancelPolicy: { kind: 'until', until: '2026-11-27T04:00:00.000Z' },
    })
  })

  it('moves as many years as it takes for sign-up to open ahead of now', () => {
    expect(copiedSettings(settings, new Date('2026-12-01T00:00:00Z'))).toMatchObject({ title: '2027年教职工气排球比赛', startAt: '2027-11-29T06:00:00.000Z' })
  })

  it('keeps the cover: the copy shows the same picture', () => {
    expect(copiedSettings({ ...settings, coverFileId: 'cloud://env/uploads/cover.jpg' }, new Date('2026-03-01T00:00:00Z')).coverFileId).toBe('cloud://env/uploads/cover.jpg')
  })
})

describe('covers', () => {
  const bytes = (...head: number[]) => Buffer.from([...head, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
  const ascii = (text: string) => Buffer.from(text, 'latin1')

  it.each([
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0), true],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), true],
    ['WebP', ascii('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '), true],
    ['GIF', ascii('GIF89a\u0001\u0000'), false],
    ['a RIFF that is a WAV', ascii('RIFF\u0000\u0000\u0000\u0000WAVEfmt '), false],
    ['PNG’s signature cut short', bytes(0x89, 0x50, 0x4e, 0x47), false],
    ['an .xlsx', ascii('PK\u0003\u0004'), false],
    ['nothing', Buffer.alloc(0), false],
  ])('%s is an image: %s', (_kind, data, image) => {
    expect(isImage(data)).toBe(image)
  })

  it('says what is wrong with a file that cannot be a cover', () => {
    const coverProblem = (data: Buffer | null) => imageProblem(data, COVER_IMAGE)
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)
    expect(coverProblem(null)).toMatch(/^封面图已失效/)
    expect(coverProblem(ascii('GIF89a'))).toMatch(/^封面图只能是 JPG、PNG 或 WebP/)
    expect(coverProblem(Buffer.concat([png, Buffer.alloc(COVER_MAX_BYTES - png.length + 1)]))).toBe('封面图不能超过 2 MB，请换一张小一些的图片')
    expect(coverProblem(Buffer.concat([png, Buffer.alloc(COVER_MAX_BYTES - png.length)]))).toBeUndefined()
  })
})

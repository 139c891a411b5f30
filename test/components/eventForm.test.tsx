/** The sign-up form's own checks: the same words the events function answers, written out here by hand. */
import { checkDraft, draftOf, fieldHint } from '../../src/services/eventForm'
import { decodedParam, sceneFromScan } from '../../src/services/checkIn'
import type { FormField } from '../../types/events'

const FORM: FormField[] = [
  { key: 'group', label: '参赛组别', type: 'choice', required: true, options: ['男子组', '女子组', '混合组'] },
  { key: 'phone', label: '联系电话', type: 'phone', required: true },
  { key: 'size', label: '服装尺码', type: 'choice', required: false, options: ['S', 'M', 'L'] },
  { key: 'hobby', label: '兴趣爱好', type: 'text', required: false, maxLength: 10 },
  { key: 'kids', label: '随行子女人数', type: 'number', required: true, min: 0, max: 3 },
  { key: 'days', label: '可参加日期', type: 'multiChoice', required: true, options: ['周六', '周日'] },
  { key: 'birth', label: '出生日期', type: 'date', required: false },
]

const filled = { group: '女子组', phone: '13800001234', size: '', hobby: '  羽毛球 ', kids: '2', days: ['周日'], birth: '' }

describe('draftOf', () => {
  it('starts every question blank but the member’s own phone number', () => {
    expect(draftOf(FORM, { phone: '13800001234' })).toEqual({ group: '', phone: '13800001234', size: '', hobby: '', kids: '', days: [], birth: '' })
  })
})

describe('checkDraft', () => {
  it('sends trimmed text, a number as a number, a list for a multiple choice, and leaves blank optional ones out', () => {
    expect(checkDraft(FORM, filled)).toEqual({
      ok: true,
      input: { group: '女子组', phone: '13800001234', hobby: '羽毛球', kids: 2, days: ['周日'] },
    })
  })

  it('names every blank required question, the first in the message', () => {
    const check = checkDraft(FORM, { ...filled, group: '', kids: ' ', days: [] })
    expect(check).toEqual({
      ok: false,
      message: '请填写「参赛组别」',
      fields: { group: '请填写「参赛组别」', kids: '请填写「随行子女人数」', days: '请填写「可参加日期」' },
    })
  })

  it.each([
    ['a phone of 10 digits', { phone: '1380000123' }, 'phone', '「联系电话」应为 1 开头的 11 位手机号'],
    ['a phone not starting with 1', { phone: '23800001234' }, 'phone', '「联系电话」应为 1 开头的 11 位手机号'],
    ['text over its limit', { hobby: '一二三四五六七八九十十' }, 'hobby', '「兴趣爱好」不能超过 10 个字'],
    ['a number below its range', { kids: '-1' }, 'kids', '「随行子女人数」不能小于 0'],
    ['a number above its range', { kids: '4' }, 'kids', '「随行子女人数」不能大于 3'],
    ['words for a number', { kids: '两个' }, 'kids', '「随行子女人数」请填写数字'],
    ['a choice not offered', { group: '老年组' }, 'group', '「参赛组别」请从选项中选择'],
    ['a choice picked twice', { days: ['周日', '周日'] }, 'days', '「可参加日期」有重复的选择'],
    ['a date in another shape', { birth: '1980/5/20' }, 'birth', '「出生日期」请填写日期，如 2026-05-20'],
  ])('refuses %s with the function’s words', (_what, change, key, message) => {
    expect(checkDraft(FORM, { ...filled, ...change })).toEqual({ ok: false, message, fields: { [key]: message } })
  })

  it('takes a text of exactly its limit', () => {
    expect(checkDraft(FORM, { ...filled, hobby: '一二三四五六七八九十' })).toMatchObject({ ok: true, input: { hobby: '一二三四五六七八九十' } })
  })

  it('hints each question’s limits in words', () => {
    expect(FORM.map(fieldHint)).toEqual([undefined, '11 位手机号', undefined, '最多 10 字', '请填写 0–3 之间的数字', '可多选', undefined])
  })
})

describe('the venue code’s scene', () => {
  it('comes from the path WeChat’s scanner gives this mini-program’s own codes, decoded once', () => {
    expect(sceneFromScan({ path: 'events/checkin/index?scene=e%3DdemoeventfoO', result: '' })).toBe('e=demoeventfoO')
  })

  it('comes from the browser link in a QR code’s text', () => {
    expect(sceneFromScan({ result: 'http://127.0.0.1:8686/#/events/checkin/index?from=x&scene=e%3Dabc123abc123' })).toBe('e=abc123abc123')
  })

  it('is missing from any other code', () => {
    expect(sceneFromScan({ path: '', result: 'https://example.com/?q=1' })).toBeUndefined()
    expect(sceneFromScan({ result: '6901234567892' })).toBeUndefined()
  })

  it('is decoded once from a page query, and a malformed one is kept as it came', () => {
    expect(decodedParam('e%3Dabc')).toBe('e=abc')
    expect(decodedParam('e=abc')).toBe('e=abc')
    expect(decodedParam('%E4%')).toBe('%E4%')
    expect(decodedParam(undefined)).toBe('')
  })
})

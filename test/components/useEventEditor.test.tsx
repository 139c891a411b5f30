/**
 * The organizer's event form hook (src/admin/events/useEventEditor.ts): what it sends for a new unit event and for
 * 发布, how a refusal of the events function stays on the form (under its field, and in words) until the form
 * changes, and the cover image: in the browser build a picture picked is uploaded to the local host (POST /files,
 * services/images.ts) and previewed, 更换 and 移除 change what the settings send, and a file that is not a picture is
 * refused in words, uploading nothing.
 */
import { act } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { EventDraft, EventSettings } from '../../types/events'
import { useEventEditor } from '../../src/admin/events/useEventEditor'
import { ApiError } from '../../src/services/api'
import { renderPageHook, settle, watchFeedback } from './page'

const mockWrite = jest.fn()
const mockCall = jest.fn()
jest.mock('../../src/services/api', () => ({
  ...jest.requireActual('../../src/services/api'),
  call: (...args: unknown[]) => mockCall(...args),
  write: (...args: unknown[]) => mockWrite(...args),
}))

const feedback = watchFeedback()

const SETTINGS: EventSettings = {
  kind: 'competition',
  title: '2026年教职工气排球比赛',
  description: '',
  place: '体育馆二楼气排球场',
  startAt: '2026-12-11T06:00:00.000Z',
  endAt: '2026-12-11T09:30:00.000Z',
  signupOpensAt: '2026-11-29T01:00:00.000Z',
  signupClosesAt: '2026-12-08T09:00:00.000Z',
  capacity: 60,
  unitQuotas: [],
  eligibility: {},
  form: [{ key: 'group', label: '参赛组别', type: 'choice', required: true, options: ['男子组', '女子组'] }],
  cancelPolicy: { kind: 'until', until: '2026-12-10T10:00:00.000Z' },
  review: 'auto',
  waitlist: { kind: 'auto' },
  checkIn: { kind: 'code', opensMinutesBefore: 60, closesMinutesAfter: 120 },
}

const draft = (change: Partial<EventDraft> = {}): EventDraft => ({ id: 'event-volleyball', organizer: '校工会', phase: 'open', settings: SETTINGS, held: 24, locked: true, ...change })

/** The functions' reads, as the union office (or a unit admin) would get them. */
function answerReads(loaded: EventDraft | undefined, roles = [{ role: 'unionOffice', label: '校工会管理员' }]) {
  mockCall.mockReset().mockImplementation(async (fn: string, action: string) => {
    if (fn === 'members' && action === 'me') return { id: 'm0001', name: '周建华', roles }
    if (fn === 'members' && action === 'units') return [{ id: 'unit01', name: '机关第一分工会' }, { id: 'unit05', name: '文学院分工会' }]
    if (fn === 'members' && action === 'scopeOptions') return { delegate: [{ id: 'session-6-2', name: '六届二次' }] }
    if (fn === 'events' && action === 'adminGet') return loaded
    throw new Error(`unexpected read ${fn}.${action}`)
  })
}

beforeEach(() => {
  mockWrite.mockReset()
  jest.spyOn(Taro, 'setNavigationBarTitle').mockResolvedValue({ errMsg: 'ok' })
  jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' })
  jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'ok' })
})

describe('useEventEditor', () => {
  it('keeps what the function refused on the form until the form changes', async () => {
    answerReads(draft())
    const { result } = await renderPageHook(() => useEventEditor('event-volleyball', undefined))
    await settle()
    expect(result.current.form.capacity).toBe('60')
    expect(result.current.form.fixed).toEqual({ form: SETTINGS.form, eligibility: {} })

    mockWrite.mockRejectedValueOnce(new ApiError('CONFLICT', '名额不能少于已占名额（24 人，含待审核和待确认）'))
    act(() => result.current.change({ capacity: '20' }))
    act(() => result.current.save())
    await settle()
    expect(mockWrite).toHaveBeenCalledTimes(1)
    expect(mockWrite.mock.calls[0].slice(0, 3)).toEqual(['events', 'update', { eventId: 'event-volleyball', settings: { ...SETTINGS, capacity: 20 } }])
    expect(result.current.refusal).toBe('名额不能少于已占名额（24 人，含待审核和待确认）')
    expect(feedback.modal).toHaveBeenCalledWith(expect.objectContaining({ content: '名额不能少于已占名额（24 人，含待审核和待确认）' }))

    act(() => result.current.change({ capacity: '64' }))
    expect(result.current.refusal).toBeUndefined()
  })

  it('shows a field the function names under that field', async () => {
    answerReads(draft({ locked: false }))
    const { result } = await renderPageHook(() => useEventEditor('event-volleyball', undefined))
    await settle()
    mockWrite.mockRejectedValueOnce(new ApiError('INVALID_INPUT', '结束时间须晚于开始时间', { 'settings.endAt': '结束时间须晚于开始时间' }))
    act(() => result.current.save())
    await settle()
    expect(result.current.errors).toEqual({ 'settings.endAt': '结束时间须晚于开始时间' })
    act(() => result.current.change({ title: '气排球比赛' }))
    expect(result.current.errors).toEqual({})
  })

  it('发布 saves the form first, then publishes, each write with its own key, and shows the published event', async () => {
    const saved = draft({ phase: 'draft', held: 0, locked: false })
    answerReads(saved)
    const { result } = await renderPageHook(() => useEventEditor('event-volleyball', undefined))
    await settle()
    mockWrite.mockResolvedValueOnce(saved).mockResolvedValueOnce({ ...saved, phase: 'open' })
    act(() => result.current.change({ title: '2026年教职工气排球联赛' }))
    act(() => result.current.publish())
    await settle()
    const [update, publish] = mockWrite.mock.calls
    expect(update.slice(0, 3)).toEqual(['events', 'update', { eventId: 'event-volleyball', settings: { ...SETTINGS, title: '2026年教职工气排球联赛' } }])
    expect(publish.slice(0, 3)).toEqual(['events', 'publish', { eventId: 'event-volleyball' }])
    expect(update[3]).toMatch(/-save$/)
    expect(publish[3]).toBe(update[3].replace(/-save$/, '-publish'))
    expect(result.current.draft.data?.phase).toBe('open')
    expect(feedback.toast).toHaveBeenCalledWith({ title: '已发布', icon: 'success' })
  })

  it('creates a unit admin’s event for their unit, then opens it as a saved draft', async () => {
    answerReads(undefined, [{ role: 'unitAdmin', scope: 'unit05', label: '分工会管理员' } as never])
    const { result } = await renderPageHook(() => useEventEditor(undefined, 'unit05'))
    await settle()
    // A unit admin cannot list congress sessions: none is asked for.
    expect(mockCall.mock.calls.some(([, action]) => action === 'scopeOptions')).toBe(false)
    mockWrite.mockResolvedValueOnce({ id: 'ev-new' })
    act(() => result.current.change({ title: '文学院分工会茶艺讲座', place: '文学院 305 室', capacity: '20' }))
    act(() => result.current.save())
    await settle()
    const [create] = mockWrite.mock.calls
    expect(create[0]).toBe('events')
    expect(create[1]).toBe('create')
    expect(create[2]).toMatchObject({ unitId: 'unit05', settings: { title: '文学院分工会茶艺讲座', place: '文学院 305 室', capacity: 20, unitQuotas: [], eligibility: {} } })
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/admin/events/edit/index?id=ev-new' })
    expect(feedback.toast).toHaveBeenCalledWith({ title: '已保存草稿', icon: 'success' })
  })

  it('sends nothing for a form that fails its own check', async () => {
    answerReads(undefined)
    const { result } = await renderPageHook(() => useEventEditor(undefined, undefined))
    await settle()
    act(() => result.current.save())
    await settle()
    expect(mockWrite).not.toHaveBeenCalled()
    expect(result.current.errors['settings.capacity']).toBe('请填写名额，或选择“不限”')
  })
})

describe('the cover image (browser build)', () => {
  const COVER = { fileId: 'cafe'.repeat(8), url: '/files/cafecafe?expires=1&sig=x' }
  const NEW_COVER = 'beef'.repeat(8)
  const covered = draft({ phase: 'draft', held: 0, locked: false, settings: { ...SETTINGS, coverFileId: COVER.fileId }, coverUrl: COVER.url })
  const fetchMock = jest.fn()

  beforeEach(() => {
    answerReads(covered)
    // The organizer agreed to the privacy guide on this computer before.
    Taro.setStorageSync('jiaogong.privacyAgreed', true)
    fetchMock.mockReset().mockResolvedValue({ json: async () => ({ ok: true, data: { fileId: NEW_COVER } }) })
    Object.assign(globalThis, { fetch: fetchMock })
    Object.assign(URL, { createObjectURL: () => 'blob:http://localhost/picked' })
  })

  /** Picks `file` in the file dialog that choosing a cover opened. */
  async function pickFile(file: File) {
    await settle()
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!
    expect(input.accept).toBe('image/jpeg,image/png,image/webp')
    Object.defineProperty(input, 'files', { value: [file] })
    await act(async () => {
      input.dispatchEvent(new Event('change'))
    })
    await settle()
  }

  async function editor() {
    const { result } = await renderPageHook(() => useEventEditor('event-volleyball', undefined))
    await settle()
    return result
  }

  it('starts from the saved cover; a picture picked replaces it, uploaded and previewed, and saving sends it', async () => {
    const result = await editor()
    expect(result.current.form.cover).toEqual(COVER)

    act(() => void result.current.chooseCover())
    expect([result.current.uploadingCover, result.current.busy]).toEqual([true, true])
    await pickFile(new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], '游园会.jpg', { type: 'image/jpeg' }))
    const [url, init] = fetchMock.mock.calls[0]
    expect([url, init.method, init.headers['x-file-name']]).toEqual(['/files', 'POST', encodeURIComponent('游园会.jpg')])
    expect(result.current.form.cover).toEqual({ fileId: NEW_COVER, url: 'blob:http://localhost/picked' })
    expect(result.current.uploadingCover).toBe(false)

    mockWrite.mockResolvedValueOnce(covered)
    act(() => result.current.save())
    await settle()
    expect(mockWrite.mock.calls[0].slice(0, 3)).toEqual(['events', 'update', { eventId: 'event-volleyball', settings: { ...SETTINGS, coverFileId: NEW_COVER } }])
  })

  it('移除 sends the settings without a cover', async () => {
    const result = await editor()
    act(() => result.current.removeCover())
    mockWrite.mockResolvedValueOnce(covered)
    act(() => result.current.save())
    await settle()
    expect(mockWrite.mock.calls[0][2]).toEqual({ eventId: 'event-volleyball', settings: SETTINGS })
  })

  it('refuses a file that is not a JPG, PNG or WebP picture, uploading nothing and keeping the cover', async () => {
    const result = await editor()
    act(() => void result.current.chooseCover())
    await pickFile(new File(['GIF89a'], '动图.gif', { type: 'image/gif' }))
    expect(fetchMock).not.toHaveBeenCalled()
    expect(feedback.modal).toHaveBeenCalledWith(expect.objectContaining({ content: '请选择 JPG、PNG 或 WebP 图片，所选文件是“动图.gif”' }))
    expect(result.current.form.cover).toEqual(COVER)
  })
})

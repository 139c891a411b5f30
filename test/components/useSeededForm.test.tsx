import { act } from '@testing-library/react'
import { useSeededForm } from '../../src/hooks/useFormState'
import { useRemote } from '../../src/hooks/useRemote'
import { controlledLoader } from './deferred'
import { renderPageHook, settle } from './page'

interface Member {
  name: string
  phone: string
}

const asForm = (member: Member): Member | undefined => ({ ...member })

/** A member's edit screen: the record loaded, and the form that edits it. */
function editScreen() {
  const { load, calls } = controlledLoader<[], Member>()
  const useScreen = () => {
    const record = useRemote(() => load())
    return { record, ...useSeededForm(record.data, asForm, undefined) }
  }
  return { calls, useScreen }
}

describe('useSeededForm', () => {
  it('fills the form from the first answer', async () => {
    const { calls, useScreen } = editScreen()
    const { result } = await renderPageHook(useScreen)
    expect(result.current.form).toBeUndefined()

    calls[0].resolve({ name: '周建华', phone: '13800001111' })
    await settle()
    expect(result.current.form).toEqual({ name: '周建华', phone: '13800001111' })
  })

  it('keeps what the person typed when the screen shows again and the record is loaded anew', async () => {
    const { calls, useScreen } = editScreen()
    const { result, hide, show } = await renderPageHook(useScreen)
    calls[0].resolve({ name: '周建华', phone: '13800001111' })
    await settle()
    act(() => result.current.change({ phone: '13900002222' }))

    // WeChat's image, scan and chat-file pickers hide the page and show it again.
    await hide()
    await show()
    expect(calls).toHaveLength(2)
    calls[1].resolve({ name: '周建华', phone: '13800001111' })
    await settle()

    expect(result.current.record.data).toEqual({ name: '周建华', phone: '13800001111' })
    expect(result.current.form).toEqual({ name: '周建华', phone: '13900002222' })
  })

  it('fills the form anew when told to (with what a save answered)', async () => {
    const { calls, useScreen } = editScreen()
    const { result } = await renderPageHook(useScreen)
    calls[0].resolve({ name: '周建华', phone: '13800001111' })
    await settle()
    act(() => result.current.change({ name: ' 周建华 ' }))

    act(() => result.current.reseed({ name: '周建华', phone: '13800001111' }))
    expect(result.current.form).toEqual({ name: '周建华', phone: '13800001111' })
  })
})

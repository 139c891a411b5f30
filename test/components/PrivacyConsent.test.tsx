import { act, fireEvent, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { PrivacyConsent } from '../../src/components/PrivacyConsent'
import { privacyAgreed } from '../../src/services/privacy'
import { renderPage, settle } from './page'

const AGREED_KEY = 'jiaogong.privacyAgreed'

beforeEach(() => localStorage.clear())

/** Asks for consent the way binding and picking a file do, and notes the answer when it comes. */
function ask() {
  const answer: { agreed?: boolean } = {}
  act(() => void privacyAgreed().then((agreed) => (answer.agreed = agreed)))
  return answer
}

// The browser build's consent: it keeps the answer on the device and asks the way WeChat's onNeedPrivacyAuthorization does.
describe('PrivacyConsent (browser build)', () => {
  it('shows nothing until a step needs consent', async () => {
    await renderPage(<PrivacyConsent />)
    expect(screen.queryByText('隐私保护提示')).toBeNull()
  })

  it('asks when a step needs consent; 同意并继续 lets it go on and is remembered', async () => {
    await renderPage(<PrivacyConsent />)
    const answer = ask()
    await settle()
    expect(screen.getByText('隐私保护提示')).toBeTruthy()
    expect(screen.getByText('《教工之家隐私保护指引》')).toBeTruthy()
    expect(answer.agreed).toBeUndefined()

    fireEvent.click(screen.getByText('同意并继续'))
    await settle()
    expect(answer.agreed).toBe(true)
    expect(Taro.getStorageSync(AGREED_KEY)).toBe(true)

    // Asked once: the next step goes straight on.
    const next = ask()
    await settle()
    expect(next.agreed).toBe(true)
  })

  it('refuses the step on 不同意, and asks again next time', async () => {
    await renderPage(<PrivacyConsent />)
    const answer = ask()
    await settle()
    fireEvent.click(screen.getByText('不同意'))
    await settle()
    expect(answer.agreed).toBe(false)
    expect(Taro.getStorageSync(AGREED_KEY)).toBe('')

    const again = ask()
    await settle()
    expect(again.agreed).toBeUndefined()
    fireEvent.click(screen.getByText('同意并继续'))
    await settle()
    expect(again.agreed).toBe(true)
  })

  it('answers every step that waited for the one question', async () => {
    await renderPage(<PrivacyConsent />)
    const first = ask()
    const second = ask()
    await settle()
    fireEvent.click(screen.getByText('同意并继续'))
    await settle()
    expect([first.agreed, second.agreed]).toEqual([true, true])
  })

  it('opens the guide from its link', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never)
    await renderPage(<PrivacyConsent />)
    ask()
    await settle()
    fireEvent.click(screen.getByText('《教工之家隐私保护指引》'))
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/privacy/index' })
    navigate.mockRestore()
    fireEvent.click(screen.getByText('不同意'))
    await settle()
  })
})

/**
 * How every screen tells a person how what they did went: a toast when the message fits its two lines (WeChat cuts
 * the rest), otherwise a dialog with the whole message; the sign-in page when the session is gone.
 */
import Taro from '@tarojs/taro'
import { toApiError, type ClientErrorCode } from './api'

/**
 * What a toast without an icon holds: two lines, counted in Chinese characters (a Latin letter or digit is half).
 * Kept short of a small phone's width, since many members enlarge WeChat's own text.
 */
const TOAST_WIDTH = 20

const DIALOG_TITLES: Partial<Record<ClientErrorCode, string>> = {
  TIMEOUT: '处理超时',
  NETWORK: '网络不稳定',
  CONFLICT: '请再次确认',
  FORBIDDEN: '没有权限',
  INVALID_INPUT: '请检查后重试',
}

/** The union red of the theme (styles/variables.scss), for the dialogs' buttons. */
const PRIMARY = '#c8161d'

/** What a toast with its success icon holds. */
const ICON_TOAST_WIDTH = 7

/** The width of `text` in Chinese characters. */
export const textWidth = (text: string) => [...text].reduce((width, char) => width + (char.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0)

/** "已保存": with the success tick when it fits beside it. */
export function showDone(title: string) {
  Taro.showToast({ title, icon: textWidth(title) <= ICON_TOAST_WIDTH ? 'success' : 'none' })
}

/** Asks before something that cannot be undone; true when the person taps `confirmText`. */
export async function confirmed(title: string, content: string, confirmText: string): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title, content, confirmText, confirmColor: PRIMARY })
  return confirm
}

/** Something to read before going on, with 知道了. */
export function showNote(title: string, content: string) {
  Taro.showModal({ title, content, showCancel: false, confirmText: '知道了', confirmColor: PRIMARY })
}

/**
 * The browser build's way to the login page, taken once however many loads fail (首页 loads three things, and a
 * slow one can fail after the first relaunch has finished): relaunching while one is under way, or onto the login
 * page already showing, can leave the login page hidden (Taro H5's router).
 */
let toLogin: Promise<unknown> | undefined
const onLoginPage = () => window.location.hash.startsWith('#/pages/login/')

/** What went wrong, in full. */
export function showError(error: unknown) {
  const { code, message } = toApiError(error)
  if (code === 'NOT_SIGNED_IN' && process.env.TARO_ENV === 'h5') {
    if (!onLoginPage()) toLogin ??= Taro.reLaunch({ url: '/pages/login/index' }).finally(() => (toLogin = undefined))
    return
  }
  if (textWidth(message) <= TOAST_WIDTH) {
    Taro.showToast({ title: message, icon: 'none', duration: 2500 })
    return
  }
  showNote(DIALOG_TITLES[code] ?? '提示', message)
}

import Taro from '@tarojs/taro'

/** The local host's signed session (browser build only; on WeChat the caller is the WeChat user). */
const KEY = 'jiaogong.session'

const getSessionToken = (): string => Taro.getStorageSync(KEY) || ''
export const setSessionToken = (token: string) => Taro.setStorageSync(KEY, token)
export const clearSessionToken = () => Taro.removeStorageSync(KEY)

/** The header that carries the session to the local host: none when signed out. */
export function sessionHeader(): Record<string, string> {
  const token = getSessionToken()
  return token ? { authorization: `Bearer ${token}` } : {}
}

/** The venue code: reading its scene from what WeChat's scanner answers, and opening the check-in page with it. */
import Taro from '@tarojs/taro'
import { ApiError } from './api'
import { showError } from './feedback'

/** The check-in page (cloudfunctions/events: CHECK_IN_PAGE), which a venue code opens. */
export const CHECK_IN_PAGE = '/events/checkin/index'

/** A query value, decoded once (WeChat hands it over URL-encoded); a malformed one as it is. */
export function decodedParam(value: string | undefined): string {
  if (!value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * The scene in a scan's answer: WeChat gives this mini-program's own codes a `path` such as
 * `events/checkin/index?scene=e%3Dabc`; a QR code of the browser build's link carries the same query in `result`.
 * Undefined for any other code.
 */
export function sceneFromScan(scan: { path?: string; result?: string }): string | undefined {
  for (const text of [scan.path, scan.result]) {
    const mark = text?.indexOf('?') ?? -1
    if (!text || mark < 0) continue
    for (const pair of text.slice(mark + 1).split('&')) {
      const equals = pair.indexOf('=')
      if (equals > 0 && pair.slice(0, equals) === 'scene' && equals < pair.length - 1) return decodedParam(pair.slice(equals + 1))
    }
  }
  return undefined
}

/** The check-in page for a scene. */
export const checkInUrl = (scene: string) => `${CHECK_IN_PAGE}?scene=${encodeURIComponent(scene)}`

/**
 * 扫码签到 (WeChat): WeChat's scanner, then the check-in page with the code's scene. A code that is not a venue code
 * says so; closing the scanner does nothing.
 */
export async function scanToCheckIn(): Promise<void> {
  let scan: { path?: string; result?: string }
  try {
    scan = await Taro.scanCode({})
  } catch {
    return
  }
  const scene = sceneFromScan(scan)
  if (!scene) {
    showError(new ApiError('INVALID_INPUT', '这不是活动签到码，请扫描活动现场的签到码'))
    return
  }
  await Taro.navigateTo({ url: checkInUrl(scene) })
}

/**
 * Asking for WeChat subscription consents: WeChat's own panel on the phone (it opens only from a tap, so call this
 * from a tap handler), and in the browser build a dialog that behaves like it: the same question, 允许 or 取消, one
 * answer per template. Each 允许 allows one message; the app records every answer (messages.recordConsent).
 */
import Taro from '@tarojs/taro'
import type { ConsentChoice, SubscriptionView } from '../../types/messages'
import { ApiError } from './api'

/** WeChat takes at most three templates in one panel (its older docs and Taro's say so; newer ones say five). */
export const PANEL_MAX = 3

/** WeChat's panel failures, and what to tell the person. */
const PANEL_ERRORS: Record<number, string> = {
  20004: '您关闭了微信的订阅消息：请在微信「我 → 设置 → 消息通知」中打开后再试',
  20005: '小程序的订阅消息被禁用，请联系校工会',
  20001: '订阅消息模板不存在，请联系校工会核对工会设置',
}

/** The answers for the kinds that have a template, or undefined if the person closed the panel without answering. */
export async function askConsent(kinds: SubscriptionView[]): Promise<Record<string, ConsentChoice> | undefined> {
  const asked = kinds.filter((kind) => kind.templateId).slice(0, PANEL_MAX)
  const ids = asked.map((kind) => kind.templateId!)
  if (ids.length === 0) return undefined
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const result = (await Taro.requestSubscribeMessage({ tmplIds: ids } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>
      return Object.fromEntries(ids.filter((id) => result[id]).map((id) => [id, result[id] as ConsentChoice]))
    } catch (error) {
      const code = (error as { errCode?: number }).errCode ?? 0
      throw new ApiError('INVALID_INPUT', PANEL_ERRORS[code] ?? '暂时无法订阅微信提醒，请稍后再试')
    }
  }
  const { confirm } = await Taro.showModal({
    title: '教工之家 申请发送以下消息',
    content: asked.map((kind) => `· ${kind.title}：${kind.description}`).join('\n'),
    confirmText: '允许',
    cancelText: '取消',
  })
  return Object.fromEntries(ids.map((id) => [id, confirm ? 'accept' : 'reject']))
}

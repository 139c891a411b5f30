/** Pure rules of messages: what WeChat's answers mean for a send, when to try again, how a message reads. */
import { MESSAGE_KINDS, type InboxEntry, type MessageKind, type SubscriptionView } from '../../types/messages'
import type { ConsentDoc, MessageDoc } from '../core/collections'
import type { SubscribeMessage } from '../core/wechatApi/port'
import { fitField } from './fields'

/** Tries of one send before it is marked failed. */
export const MAX_ATTEMPTS = 4
/** Minutes to wait after the first, second and third failed try. */
const BACKOFF_MINUTES = [1, 5, 30]

export type SendOutcome =
  | { state: 'sent' }
  /** WeChat says the member refused, or has no consent left: the consent is used up. */
  | { state: 'noConsent'; error: string }
  | { state: 'failed'; error: string }
  | { state: 'retry'; error: string; nextAt: Date }

/** Errors no retry can mend, and what they mean in Chinese. */
const PERMANENT: Record<number, string> = {
  40003: '接收人的微信标识无效',
  40037: '模板编号无效：请在工会设置中核对订阅消息模板',
  47003: '模板字段内容不符合微信要求',
  41030: '消息打开的页面不存在，或小程序尚未发布该页面',
}

/** What a failed send with WeChat's `errCode` means, on its `attempts`-th try (1 for the first). */
export function afterFailure(errCode: number, attempts: number, now: Date): SendOutcome {
  if (errCode === 43101) return { state: 'noConsent', error: '会员拒绝接收，或订阅次数已用完' }
  if (PERMANENT[errCode]) return { state: 'failed', error: `${PERMANENT[errCode]}（${errCode}）` }
  const error = `微信接口暂时出错（${errCode}）`
  if (attempts >= MAX_ATTEMPTS) return { state: 'failed', error: `${error}，已重试 ${MAX_ATTEMPTS - 1} 次` }
  return { state: 'retry', error, nextAt: new Date(now.getTime() + BACKOFF_MINUTES[attempts - 1] * 60_000) }
}

/** The subscription message for one inbox entry: the kind's template filled from the entry's data, every field fitted. */
export function subscribeMessageOf(message: MessageDoc, openid: string): SubscribeMessage {
  const info = MESSAGE_KINDS[message.kind]
  const data = message.data as never
  return {
    touser: openid,
    templateId: message.templateId!,
    page: message.page,
    data: Object.fromEntries(info.template.map((field) => [field.key, { value: fitField(field.type, field.value(data)) }])),
  }
}

export function toInboxEntry(message: MessageDoc): InboxEntry {
  return {
    id: message._id,
    kind: message.kind,
    title: message.title,
    text: message.text,
    page: `/${message.page}`,
    at: message.sendAt,
    read: message.read,
  }
}

export function toSubscriptionView(kind: MessageKind, templateId: string | undefined, consent: ConsentDoc | null): SubscriptionView {
  const { title, description } = MESSAGE_KINDS[kind]
  return {
    kind,
    title,
    description,
    ...(templateId ? { templateId } : {}),
    remaining: templateId && consent ? consent.remaining : 0,
    ...(templateId && consent ? { lastChoice: consent.lastChoice } : {}),
  }
}

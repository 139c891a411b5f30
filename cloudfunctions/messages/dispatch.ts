/**
 * The dispatch job: sends the subscription messages that are due. A run claims a message (queued → sending) before
 * sending, so overlapping runs never send it twice. A send WeChat answered with an error may be tried again (its
 * rules.ts); one whose fate is unknown, because WeChat did not answer or the run was cut off before it could record
 * the answer, is marked failed rather than sent again (WeChat cannot tell a resend apart). Each send uses up one of
 * the member's consents for the template; WeChat's 43101 says none was left.
 */
import type { JobContext } from '../core/jobs'
import type { MessageDoc } from '../core/collections'
import { consentId } from '../core/notify'
import type { Update } from '../core/store/port'
import { WeChatApiError, WeChatUnansweredError } from '../core/wechatApi/port'
import { afterFailure, subscribeMessageOf, type SendOutcome } from './rules'

/** Messages sent per batch. */
export const DISPATCH_BATCH = 100
/** A batch takes no new message with less than this left before the function's time limit (a send takes ~1 s at worst). */
const SEND_MARGIN_MS = 3000
/** How long a run may hold a claimed message before another run takes it for lost. */
const LEASE_MS = 60_000

/** Messages a run claimed and never settled (it was cut off): their fate is unknown, so they are not sent again. */
async function settleAbandoned({ store, now }: JobContext): Promise<number> {
  const abandoned = await store.find('messages', { pushState: 'sending', pushLeaseUntil: { $lte: now.toISOString() } }, { fields: ['_id'], limit: DISPATCH_BATCH })
  let settled = 0
  for (const { _id } of abandoned) {
    const update = { $set: { pushState: 'failed' as const, pushError: '发送途中中断，微信是否送达未知，未再重发' } }
    if (await store.claim('messages', _id, { pushState: 'sending', pushLeaseUntil: { $lte: now.toISOString() } }, update)) settled += 1
  }
  return settled
}

/** Sends one claimed message: uses up a consent, calls WeChat, and says how it went. */
async function sendOne({ store, wechat, now }: JobContext, message: MessageDoc, openid: string | undefined): Promise<SendOutcome> {
  if (!openid) return { state: 'failed', error: '会员未绑定微信' }
  const consent = consentId(message.recipientId, message.templateId!)
  if (!(await store.claim('consents', consent, { remaining: { $gt: 0 } }, { $inc: { remaining: -1 } }))) {
    return { state: 'noConsent', error: '会员的订阅次数已用完' }
  }
  try {
    await wechat.sendSubscribeMessage(subscribeMessageOf(message, openid))
    return { state: 'sent' }
  } catch (error) {
    // No answer: it may have been delivered. Not sent again, and the consent stays used.
    if (error instanceof WeChatUnansweredError) return { state: 'failed', error: '微信没有回应，是否送达未知，未再重发' }
    if (!(error instanceof WeChatApiError)) throw error
    const outcome = afterFailure(error.errCode, message.pushAttempts + 1, now)
    // WeChat took no consent for a send that failed, except that 43101 says there was none.
    if (outcome.state === 'noConsent') await store.update('consents', { _id: consent }, { $set: { remaining: 0 } })
    else await store.update('consents', { _id: consent }, { $inc: { remaining: 1 } })
    return outcome
  }
}

function settlement(outcome: SendOutcome, now: Date): Update {
  const at = now.toISOString()
  switch (outcome.state) {
    case 'sent':
      return { $set: { pushState: 'sent' as const, pushedAt: at }, $unset: { pushLeaseUntil: true as const, pushError: true as const } }
    case 'retry':
      return { $set: { pushState: 'queued' as const, pushNextAt: outcome.nextAt.toISOString(), pushError: outcome.error }, $unset: { pushLeaseUntil: true as const } }
    default:
      return { $set: { pushState: outcome.state, pushError: outcome.error }, $unset: { pushLeaseUntil: true as const } }
  }
}

/** One batch of due messages; answers how many it sent, and a cursor while more are due. */
export async function dispatch(context: JobContext): Promise<{ count: number; cursor?: string }> {
  const { store, now } = context
  await settleAbandoned(context)
  const at = now.toISOString()
  const due = await store.find('messages', { pushState: 'queued', pushNextAt: { $lte: at } }, { sort: { pushNextAt: 1 }, limit: DISPATCH_BATCH })
  if (due.length === 0) return { count: 0 }
  const bindings = await store.find('bindings', { memberId: { $in: [...new Set(due.map((message) => message.recipientId))] } })
  const openids = new Map(bindings.map((binding) => [binding.memberId, binding._id]))
  let sent = 0
  let handled = 0
  for (const message of due) {
    // Near the time limit: the rest wait for the next batch (the cursor says more are due).
    if (context.timeLeft() < SEND_MARGIN_MS) break
    handled += 1
    const lease = { $set: { pushState: 'sending' as const, pushLeaseUntil: new Date(now.getTime() + LEASE_MS).toISOString() }, $inc: { pushAttempts: 1 } }
    if (!(await store.claim('messages', message._id, { pushState: 'queued', pushNextAt: { $lte: at } }, lease))) continue
    const outcome = await sendOne(context, message, openids.get(message.recipientId))
    await store.update('messages', { _id: message._id }, settlement(outcome, now))
    if (outcome.state === 'sent') sent += 1
  }
  return { count: sent, ...(due.length === DISPATCH_BATCH || handled < due.length ? { cursor: 'more' } : {}) }
}

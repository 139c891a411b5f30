import { WeChatApiError, WeChatUnansweredError, type SubscribeMessage, type WeChatApi } from './port'

/**
 * The local host's (and the tests') stand-in for WeChat: records every send in order. Tests can make the next
 * sends fail with a WeChat error code, as WeChat would answer them.
 */
export class OutboxWeChatApi implements WeChatApi {
  readonly sent: SubscribeMessage[] = []
  private failures: (number | 'unanswered')[] = []

  /** The next sends answer these errCodes (or no answer at all), one each, before sends succeed again. */
  failNext(...failures: (number | 'unanswered')[]) {
    this.failures.push(...failures)
  }

  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    const failure = this.failures.shift()
    if (failure === 'unanswered') throw new WeChatUnansweredError('openapi.subscribeMessage.send:fail timeout')
    if (failure !== undefined) throw new WeChatApiError(failure, `openapi.subscribeMessage.send:fail ${failure}`)
    this.sent.push(message)
  }
}

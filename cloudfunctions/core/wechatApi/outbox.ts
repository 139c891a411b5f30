import { WeChatApiError, type SubscribeMessage, type WeChatApi } from './port'

/**
 * The local host's (and the tests') stand-in for WeChat: records every send in order. Tests can make the next
 * sends fail with a WeChat error code, as WeChat would answer them.
 */
export class OutboxWeChatApi implements WeChatApi {
  readonly sent: SubscribeMessage[] = []
  private failures: number[] = []

  /** The next sends answer these errCodes, one each, before sends succeed again. */
  failNext(...errCodes: number[]) {
    this.failures.push(...errCodes)
  }

  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    const errCode = this.failures.shift()
    if (errCode !== undefined) throw new WeChatApiError(errCode, `openapi.subscribeMessage.send:fail ${errCode}`)
    this.sent.push(message)
  }
}

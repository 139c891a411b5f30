import QRCode from 'qrcode'
import { WeChatApiError, WeChatUnansweredError, type CodeRequest, type SubscribeMessage, type WeChatApi } from './port'

/**
 * The local host's (and the tests') stand-in for WeChat: records every send in order. Tests can make the next
 * sends fail with a WeChat error code, as WeChat would answer them.
 */
export class OutboxWeChatApi implements WeChatApi {
  readonly sent: SubscribeMessage[] = []
  private failures: (number | 'unanswered')[] = []

  /** `origin`: where the browser build is served, which a local code's link opens. */
  constructor(private readonly origin = 'http://127.0.0.1:8686') {}

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

  /** A QR code of the browser build's page with the scene, as a phone's camera opens it. */
  unlimitedCode({ scene, page }: CodeRequest): Promise<Buffer> {
    return QRCode.toBuffer(`${this.origin}/#/${page}?scene=${encodeURIComponent(scene)}`, { type: 'png', width: 430, margin: 2 })
  }
}

/**
 * The WeChat open API, as a port like the store: the real adapter calls `cloud.openapi` on CloudBase; on the local
 * host (and in tests) an outbox records every send instead, since WeChat's servers do not exist there.
 */

/** A subscription message ready to send: every field already fitted to WeChat's rules. */
export interface SubscribeMessage {
  /** The recipient's OPENID. */
  touser: string
  templateId: string
  /** The page it opens, without a leading slash. */
  page: string
  data: Record<string, { value: string }>
}

/** WeChat refused or failed a call: its errCode (43101 no consent left, 47003 bad field, 40037 bad template…). */
export class WeChatApiError extends Error {
  constructor(
    readonly errCode: number,
    message: string,
  ) {
    super(message)
    this.name = 'WeChatApiError'
  }
}

/**
 * No answer came (the connection dropped, the call timed out): WeChat may or may not have delivered the message, so
 * it must not be sent again.
 */
export class WeChatUnansweredError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WeChatUnansweredError'
  }
}

/** A mini-program code (小程序码) that opens `page` with `scene` (wxacode.getUnlimited). */
export interface CodeRequest {
  /** At most 32 characters of 0-9a-zA-Z!#$&'()*+,/:;=?@-._~ (platform-facts.md). */
  scene: string
  /** Without a leading slash and without parameters. */
  page: string
}

export interface WeChatApi {
  /** Sends one subscription message; throws WeChatApiError when WeChat answers an error, WeChatUnansweredError when it does not answer. */
  sendSubscribeMessage(message: SubscribeMessage): Promise<void>
  /** The PNG of a mini-program code (on the local host: a QR code of the browser build's page). */
  unlimitedCode(request: CodeRequest): Promise<Buffer>
}

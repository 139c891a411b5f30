import type { WxCloud } from 'wx-server-sdk'
import { WeChatApiError, WeChatUnansweredError, type SubscribeMessage, type WeChatApi } from './port'

/** Which version of the mini-program a message opens: 'formal' (released), 'trial' or 'developer'. */
export type MiniprogramState = 'formal' | 'trial' | 'developer'

/** The production adapter: `cloud.openapi.subscribeMessage.send`, which needs the permission in config.json. */
export class CloudWeChatApi implements WeChatApi {
  constructor(
    private readonly cloud: WxCloud,
    private readonly miniprogramState: MiniprogramState,
  ) {}

  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    try {
      await this.cloud.openapi.subscribeMessage.send({ ...message, miniprogramState: this.miniprogramState, lang: 'zh_CN' })
    } catch (error) {
      // WeChat's answers carry its errCode; a failure without one never reached it, or its answer was lost.
      const { errCode, errMsg, message: text } = error as { errCode?: number; errMsg?: string; message?: string }
      const said = errMsg ?? text ?? String(error)
      throw typeof errCode === 'number' ? new WeChatApiError(errCode, said) : new WeChatUnansweredError(said)
    }
  }
}

import type { WxCloud } from 'wx-server-sdk'
import { WeChatApiError, WeChatUnansweredError, type CodeRequest, type SubscribeMessage, type WeChatApi } from './port'

/** Which version of the mini-program a message opens: 'formal' (released), 'trial' or 'developer'. */
export type MiniprogramState = 'formal' | 'trial' | 'developer'

/** The production adapter: `cloud.openapi.subscribeMessage.send`, which needs the permission in config.json. */
export class CloudWeChatApi implements WeChatApi {
  constructor(
    private readonly cloud: WxCloud,
    private readonly miniprogramState: MiniprogramState,
  ) {}

  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    await answered(() => this.cloud.openapi.subscribeMessage.send({ ...message, miniprogramState: this.miniprogramState, lang: 'zh_CN' }))
  }

  async unlimitedCode({ scene, page }: CodeRequest): Promise<Buffer> {
    const envVersion = ENV_VERSIONS[this.miniprogramState]
    // check_path off outside the released version, whose pages WeChat does not know yet.
    const { buffer } = await answered(() => this.cloud.openapi.wxacode.getUnlimited({ scene, page, width: 430, checkPath: envVersion === 'release', envVersion }))
    return Buffer.from(buffer)
  }
}

const ENV_VERSIONS: Record<MiniprogramState, 'release' | 'trial' | 'develop'> = { formal: 'release', trial: 'trial', developer: 'develop' }

/** WeChat's answers carry its errCode; a failure without one never reached it, or its answer was lost. */
async function answered<R>(call: () => Promise<R>): Promise<R> {
  try {
    return await call()
  } catch (error) {
    const { errCode, errMsg, message: text } = error as { errCode?: number; errMsg?: string; message?: string }
    const said = errMsg ?? text ?? String(error)
    throw typeof errCode === 'number' ? new WeChatApiError(errCode, said) : new WeChatUnansweredError(said)
  }
}

import { wechatMain } from '../core/wechat'
import { messagesFunction } from './actions'

export const main = wechatMain(messagesFunction)

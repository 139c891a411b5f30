import { wechatMain } from '../core/wechat'
import { proposalsFunction } from './actions'

export const main = wechatMain(proposalsFunction)

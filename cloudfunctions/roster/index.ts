import { wechatMain } from '../core/wechat'
import { rosterFunction } from './actions'

export const main = wechatMain(rosterFunction)

import { wechatMain } from '../core/wechat'
import { noticesFunction } from './actions'

export const main = wechatMain(noticesFunction)

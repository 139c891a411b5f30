import { wechatMain } from '../core/wechat'
import { eventsFunction } from './actions'

export const main = wechatMain(eventsFunction)

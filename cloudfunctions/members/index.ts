import { wechatMain } from '../core/wechat'
import { membersFunction } from './actions'

export const main = wechatMain(membersFunction)

import { wechatMain } from '../core/wechat'
import { benefitsFunction } from './actions'

export const main = wechatMain(benefitsFunction)

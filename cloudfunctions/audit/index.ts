import { wechatMain } from '../core/wechat'
import { auditFunction } from './actions'

export const main = wechatMain(auditFunction)

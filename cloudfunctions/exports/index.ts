import { wechatMain } from '../core/wechat'
import { exportsFunction } from './actions'

export const main = wechatMain(exportsFunction)

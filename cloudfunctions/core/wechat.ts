/**
 * The production entry: runs a function inside WeChat CloudBase. The caller's identity comes only from
 * `cloud.getWXContext()`; a timer trigger is recognised by the absence of a user and the trigger's event type.
 */
import cloud from 'wx-server-sdk'
import type { CloudFunction } from './defineFunction'
import { CloudBaseFileStore } from './files/cloudbase'
import { CloudBaseStore } from './store/cloudbase'
import { CloudWeChatApi, type MiniprogramState } from './wechatApi/cloud'

interface TimerEvent {
  Type?: string
  TriggerName?: string
}

/**
 * Which version of the mini-program subscription messages open: the function's environment variable
 * MINIPROGRAM_STATE (developer / trial / formal), set in the console; 'formal' (the released version) by default.
 */
function miniprogramState(): MiniprogramState {
  const state = process.env.MINIPROGRAM_STATE
  return state === 'developer' || state === 'trial' ? state : 'formal'
}

export function wechatMain(fn: CloudFunction) {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const store = new CloudBaseStore(cloud)
  const files = new CloudBaseFileStore(cloud)
  const wechat = new CloudWeChatApi(cloud, miniprogramState())
  return async (event: unknown) => {
    const { OPENID } = cloud.getWXContext()
    const timer = event as TimerEvent
    const trigger = !OPENID && timer?.Type === 'Timer' ? timer.TriggerName : undefined
    return fn.run(event, { store, files, wechat, identity: { openid: OPENID || undefined, trigger }, now: new Date() })
  }
}

/**
 * The production entry: runs a function inside WeChat CloudBase. The caller's identity comes only from
 * `cloud.getWXContext()`; a timer trigger is recognised by the absence of a user and the trigger's event type.
 */
import cloud from 'wx-server-sdk'
import type { CloudFunction } from './defineFunction'
import { CloudBaseFileStore } from './files/cloudbase'
import { CloudBaseStore } from './store/cloudbase'

interface TimerEvent {
  Type?: string
  TriggerName?: string
}

export function wechatMain(fn: CloudFunction) {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const store = new CloudBaseStore(cloud)
  const files = new CloudBaseFileStore(cloud)
  return async (event: unknown) => {
    const { OPENID } = cloud.getWXContext()
    const timer = event as TimerEvent
    const trigger = !OPENID && timer?.Type === 'Timer' ? timer.TriggerName : undefined
    return fn.run(event, { store, files, identity: { openid: OPENID || undefined, trigger }, now: new Date() })
  }
}

import type { MemberDoc } from './collections'
import type { FileStore } from './files/port'
import type { Store } from './store/port'
import type { WeChatApi } from './wechatApi/port'

/**
 * Who is calling, as the entry point knows it. On WeChat it comes from `cloud.getWXContext()`; on the local host
 * from the signed session. Never from the payload.
 */
export interface Identity {
  /** The WeChat OPENID of a signed-in user. */
  openid?: string
  /** Set only by a timer trigger: the trigger's name. */
  trigger?: string
}

/** Who is calling an action (a timer trigger runs jobs, never actions). */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'user'; openid: string; member: MemberDoc | null }

/** What every call runs over: the data store, the file store and the WeChat open API. */
export interface Services {
  store: Store
  files: FileStore
  wechat: WeChatApi
}

export interface Environment extends Services {
  identity: Identity
  now: Date
}

export async function resolveCaller(store: Store, identity: Identity): Promise<Caller> {
  if (!identity.openid) return { kind: 'anonymous' }
  const binding = await store.get('bindings', identity.openid)
  const member = binding ? await store.get('members', binding.memberId) : null
  return { kind: 'user', openid: identity.openid, member }
}

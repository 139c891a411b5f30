/** The member's messages: the inbox a page at a time, the unread badge on the 消息 tab, and WeChat subscriptions. */
import Taro from '@tarojs/taro'
import type { MessageKind, SubscriptionView } from '../../types/messages'
import { showDone } from '../services/feedback'
import { call, write } from '../services/api'
import { askConsent } from '../services/subscribe'
import { useMutation } from './useMutation'
import { usePagedList } from './usePagedList'
import { useRemote } from './useRemote'

/** The 消息 tab's place in the tab bar (首页 · 活动 · 消息 · 我的). */
const MESSAGES_TAB = 2

/** Shows how many messages are unread on the 消息 tab, or nothing; a tab page calls this when it shows. */
export async function refreshUnreadBadge(): Promise<void> {
  try {
    const { unread } = await call('messages', 'unreadCount')
    if (unread > 0) await Taro.setTabBarBadge({ index: MESSAGES_TAB, text: unread > 99 ? '99+' : String(unread) })
    else await Taro.removeTabBarBadge({ index: MESSAGES_TAB })
  } catch {
    // A badge is a hint: a failure to fetch it (not signed in yet, a weak network) shows nothing, and the page says why.
  }
}

export function useInbox() {
  const list = usePagedList((offset, limit) => call('messages', 'inbox', { offset, limit }), [])
  const markAll = useMutation(() => call('messages', 'readAll'), {
    success: (result) => (result.read > 0 ? `已将 ${result.read} 条标为已读` : '没有未读消息'),
    onSuccess: async () => {
      await list.reload()
      await refreshUnreadBadge()
    },
  })
  /** Opens an entry's page, marking it read (the list shows it read when the person comes back). */
  const open = async (id: string, page: string) => {
    await call('messages', 'read', { id }).catch(() => undefined)
    await Taro.navigateTo({ url: page })
  }
  return { list, open, markAll }
}

/** 消息订阅: each kind, and asking WeChat for a consent from a tap. */
export function useSubscriptions() {
  const subscriptions = useRemote(() => call('messages', 'subscriptions'))
  const subscribing = useMutation(
    async (kinds: SubscriptionView[], key) => {
      const choices = await askConsent(kinds)
      return choices && Object.keys(choices).length > 0 ? write('messages', 'recordConsent', { choices }, key) : undefined
    },
    {
      success: (result) => (result?.some((kind) => kind.lastChoice === 'accept') ? '已订阅，将通过微信提醒您' : '未订阅，仍可在「消息」中查看'),
      onSuccess: (result) => {
        if (result) subscriptions.setData(result)
      },
    },
  )
  return { subscriptions, subscribe: (kinds: SubscriptionView[]) => subscribing.run(kinds), busy: subscribing.busy }
}

/**
 * 订阅提醒 after a sign-up or an application: asks WeChat (from the tap) for `kinds` that have a template; without
 * any, says where the messages go instead (`inbox`: 活动提醒会发到「消息」中).
 */
export function useReminders(kinds: MessageKind[], inbox: string) {
  const { subscriptions, subscribe, busy } = useSubscriptions()
  const asked = (subscriptions.data ?? []).filter((kind) => kinds.includes(kind.kind as MessageKind) && kind.templateId)
  const subscribed = asked.length > 0 && asked.every((kind) => kind.remaining > 0)
  /** Called straight from the tap: WeChat opens its panel only from one. */
  const ask = () => {
    if (asked.length === 0) {
      showDone(subscriptions.data ? inbox : '正在加载，请稍后再点')
      return
    }
    void subscribe(asked)
  }
  return { ask, busy, subscribed }
}

/**
 * Renders hooks or components inside a Taro page, the way the app's pages run, and fires the page's lifecycles as
 * Taro does: `useDidShow`, `useReachBottom` and `usePullDownRefresh` register on the page, and `show()`,
 * `reachBottom()` and `pullDown()` call them. Rendering fires the first show, as Taro does when a page opens.
 */
import { act, render, renderHook } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { getPageInstance } from '@tarojs/runtime'
import { connectReactPage, createReactApp } from '@tarojs/plugin-framework-react/dist/runtime'
import React, { type PropsWithChildren, type ReactElement } from 'react'
import ReactDOM from 'react-dom'

// Hands React to Taro's runtime (the page hooks read it from there); the app itself is never launched.
createReactApp(() => null, React, ReactDOM, {})

type Lifecycle = 'componentDidShow' | 'componentDidHide' | 'onReachBottom' | 'onPullDownRefresh'

let pages = 0

/** Lets promises and the renders they cause settle. */
export const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)))

function taroPage() {
  const id = `test-page-${++pages}`
  const Content = ({ children }: PropsWithChildren) => <>{children}</>
  const Page = connectReactPage(React, id)(Content)
  const wrapper = ({ children }: PropsWithChildren) => <Page>{children}</Page>
  const fire = async (lifecycle: Lifecycle) => {
    // A page none of whose hooks registered has no instance: nothing to fire.
    const instance = getPageInstance(id) as unknown as Partial<Record<Lifecycle, (() => unknown)[]>> | undefined
    const callbacks = instance?.[lifecycle] ?? []
    await act(async () => {
      for (const callback of callbacks) callback()
    })
    await settle()
  }
  return {
    wrapper,
    /** The page shows again: back from another page, or from WeChat's file, image or scan picker. */
    show: () => fire('componentDidShow'),
    hide: () => fire('componentDidHide'),
    reachBottom: () => fire('onReachBottom'),
    pullDown: () => fire('onPullDownRefresh'),
  }
}

export async function renderPageHook<R, P>(hook: (props: P) => R, initialProps?: P) {
  const page = taroPage()
  const rendered = renderHook(hook, { wrapper: page.wrapper, initialProps })
  await page.show()
  return { ...rendered, ...page }
}

export async function renderPage(ui: ReactElement) {
  const page = taroPage()
  const rendered = render(ui, { wrapper: page.wrapper })
  await page.show()
  return { ...rendered, ...page }
}

/** Watches the toasts and dialogs the app shows (answered at once: the dialog's confirm). Restored after the test. */
export function watchFeedback() {
  const spies = {} as { toast: jest.SpyInstance; modal: jest.SpyInstance }
  beforeEach(() => {
    spies.toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
    spies.modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ errMsg: 'showModal:ok', confirm: true, cancel: false } as never)
  })
  afterEach(() => jest.restoreAllMocks())
  return spies
}

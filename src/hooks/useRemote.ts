import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError, type ApiError } from '../services/api'
import { showError } from '../services/feedback'

export interface Remote<T> {
  data: T | undefined
  error: ApiError | undefined
  loading: boolean
  /** Loads again for the same inputs, keeping what is shown until the answer comes (a retry, after a write). */
  reload: () => Promise<void>
  /** Puts data in place (what a write answered, a page appended to a list); a load still under way is dropped. */
  setData: (change: T | ((previous: T | undefined) => T)) => void
}

/** Why a load runs: its inputs are new (nothing shown belongs to them), or the same inputs are loaded again. */
export type LoadReason = 'inputs' | 'refresh'

interface State<T> {
  data?: T
  error?: ApiError
  loading: boolean
}

/**
 * Loads data for a screen: when its inputs (`deps`) change, again on pull-down, and quietly when the screen shows
 * again (back from a notice, or from WeChat's own file, image and scan pickers).
 * - Only the latest load counts: an older answer that arrives late is dropped.
 * - New inputs start from nothing; loading again keeps what is shown until the fresh answer replaces it.
 * - The screen gets every error to show in place of missing data. An error while data is shown is announced
 *   (showError) after a pull-down or a reload; a quiet refresh on show that fails leaves the screen as it was.
 */
export function useRemote<T>(load: (reason: LoadReason) => Promise<T>, deps: unknown[] = []): Remote<T> {
  const [state, setState] = useState<State<T>>({ loading: true })
  const current = useRef(state)
  current.current = state
  const loadRef = useRef(load)
  loadRef.current = load
  const latest = useRef(0)
  const shownOnce = useRef(false)

  const run = useCallback(async (reason: LoadReason, announce: boolean) => {
    const ticket = ++latest.current
    setState((previous) => (reason === 'inputs' ? { loading: true } : { ...previous, loading: true }))
    try {
      const data = await loadRef.current(reason)
      if (ticket === latest.current) setState({ data, loading: false })
    } catch (caught) {
      if (ticket !== latest.current) return
      const error = toApiError(caught)
      const shown = current.current.data !== undefined
      setState((previous) => ({ ...previous, error, loading: false }))
      if (error.code === 'NOT_SIGNED_IN' || (announce && shown)) showError(error)
    }
  }, [])

  const reload = useCallback(() => run('refresh', true), [run])
  const setData = useCallback((change: T | ((previous: T | undefined) => T)) => {
    latest.current += 1
    setState((previous) => ({
      data: typeof change === 'function' ? (change as (previous: T | undefined) => T)(previous.data) : change,
      loading: false,
    }))
  }, [])

  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void run('inputs', true), deps)
  useDidShow(() => {
    if (shownOnce.current) void run('refresh', false)
    shownOnce.current = true
  })
  usePullDownRefresh(() => {
    void run('refresh', true).finally(() => Taro.stopPullDownRefresh())
  })
  return { data: state.data, error: state.error, loading: state.loading, reload, setData }
}

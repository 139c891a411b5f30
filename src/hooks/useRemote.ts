import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError, type ApiError } from '../services/api'

export interface Remote<T> {
  data: T | undefined
  error: ApiError | undefined
  loading: boolean
  reload: () => Promise<void>
}

/** Shows an error the way every screen does: a toast, or the sign-in page when the session is gone. */
export function showError(error: unknown) {
  const apiError = toApiError(error)
  if (apiError.code === 'NOT_SIGNED_IN' && process.env.TARO_ENV === 'h5') {
    Taro.reLaunch({ url: '/pages/login/index' })
    return
  }
  Taro.showToast({ title: apiError.message, icon: 'none', duration: 2500 })
}

/**
 * Loads data for a screen; reloads when the screen shows again (say, after reading a notice) and on pull-down.
 * The screen gets every error to show in place of missing data; an error while data is already shown is toasted.
 */
export function useRemote<T>(load: () => Promise<T>, deps: unknown[] = []): Remote<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<ApiError>()
  const [loading, setLoading] = useState(true)
  const loadRef = useRef(load)
  loadRef.current = load
  const first = useRef(true)
  const hasData = useRef(false)

  const reload = useCallback(async () => {
    setLoading(true)
    try {
      setData(await loadRef.current())
      hasData.current = true
      setError(undefined)
    } catch (caught) {
      const apiError = toApiError(caught)
      setError(apiError)
      if (apiError.code === 'NOT_SIGNED_IN' || hasData.current) showError(apiError)
    } finally {
      setLoading(false)
    }
  }, [])

  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void reload(), deps)
  useDidShow(() => {
    if (first.current) first.current = false
    else void reload()
  })
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  return { data, error, loading, reload }
}

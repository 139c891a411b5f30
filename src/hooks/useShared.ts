import { useSyncExternalStore } from 'react'
import type { Shared } from '../services/shared'

/** The current value of `value`, rendering again whenever it changes. */
export const useShared = <T>(value: Shared<T>): T => useSyncExternalStore(value.subscribe, value.get)

/** A value that several screens follow (the text size, the desk layout, a privacy question waiting): read, set, watched. */
export interface Shared<T> {
  get(): T
  set(value: T): void
  /** Calls `listener` after every change; answers the way to stop. */
  subscribe(listener: () => void): () => void
}

export function shared<T>(initial: T): Shared<T> {
  let value = initial
  const listeners = new Set<() => void>()
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return
      value = next
      listeners.forEach((listener) => listener())
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}

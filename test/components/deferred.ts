/** A promise the test settles by hand: an answer from the functions that arrives when the test says. */
export interface Deferred<T> {
  promise: Promise<T>
  resolve(value: T): void
  reject(error: unknown): void
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((yes, no) => {
    resolve = yes
    reject = no
  })
  return { promise, resolve, reject }
}

/** A loader whose every call waits for the test: `calls[i]` holds the arguments and the answer of the i-th call. */
export function controlledLoader<A extends unknown[], T>() {
  const calls: Array<{ args: A } & Deferred<T>> = []
  const load = jest.fn((...args: A) => {
    const answer = deferred<T>()
    calls.push({ args, ...answer })
    return answer.promise
  })
  return { load, calls }
}

import { AsyncLocalStorage } from 'node:async_hooks'
import { TransactionMisuseError } from './port'

/**
 * Knows whether code runs inside one store's `transaction()` work, so that the store's own methods, called there by
 * mistake, fail at once instead of deadlocking (SQLite) or writing outside the transaction (CloudBase).
 */
export class TransactionScope {
  private readonly inside = new AsyncLocalStorage<true>()

  run<R>(work: () => Promise<R>): Promise<R> {
    return this.inside.run(true, work)
  }

  /** Throws TransactionMisuseError when called from inside this store's transaction work. */
  refuse(method: string): void {
    if (this.inside.getStore()) throw new TransactionMisuseError(method)
  }
}

import { AsyncLocalStorage } from 'node:async_hooks'
import { TransactionMisuseError } from './port'

/**
 * Knows whether code runs inside one store's `transaction()` work, so that the store's own methods, called there by
 * mistake, fail at once instead of deadlocking (SQLite) or writing outside the transaction (CloudBase).
 *
 * On Node 20 an AsyncLocalStorage, once it has run, hooks every promise the process makes from then on (a fifth of a
 * sign-up's time on the local host). The storage is therefore switched off whenever no transaction's work is running:
 * outside them nothing is inside one, which is all `refuse` asks.
 */
export class TransactionScope {
  private readonly inside = new AsyncLocalStorage<true>()
  private running = 0

  async run<R>(work: () => Promise<R>): Promise<R> {
    this.running += 1
    try {
      return await this.inside.run(true, work)
    } finally {
      this.running -= 1
      if (this.running === 0) this.inside.disable()
    }
  }

  /** Throws TransactionMisuseError when called from inside this store's transaction work. */
  refuse(method: string): void {
    if (this.running > 0 && this.inside.getStore()) throw new TransactionMisuseError(method)
  }
}

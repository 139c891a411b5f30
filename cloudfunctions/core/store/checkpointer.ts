/**
 * Copies a SQLite file's write-ahead log back into the database from a worker thread, about once a second. SQLite
 * otherwise does it on the connection that commits the thousandth page, and with `synchronous = NORMAL` that copy
 * waits for the disk twice: the host's one thread stood still through it, every request with it (a sign-up rush ran
 * at two thirds of its pace). The worker's connection holds nothing a writer needs (a passive checkpoint copies what
 * it can and leaves the rest for the next), and a crash midway is recovered like any other at the next open. Under
 * writes that never pause it falls behind: the store's own connection keeps a backstop (sqlite.ts).
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

const EVERY_MS = 1000

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { fileMustExist: true })
db.pragma('busy_timeout = 5000')
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.everyMs)
parentPort.once('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

export interface Checkpointer {
  /** Stops after any checkpoint under way, closing the worker's connection. */
  stop(): void
}

export function startCheckpointer(file: string): Checkpointer {
  const worker = new Worker(WORKER, { eval: true, workerData: { file, everyMs: EVERY_MS, driver: createRequire(__filename).resolve('better-sqlite3') } })
  let stopped = false
  // Without checkpoints the log only grows until the store closes (closing copies it back): worth a line, not a crash.
  // A store closed, and its file removed, before the worker got to open it is no failure at all.
  worker.on('error', (error) => {
    if (!stopped) console.warn(`[store] checkpoints of ${file} stopped: ${error.message}`)
  })
  // The process ends when its own work does, not when the worker's timer says.
  worker.unref()
  return {
    stop() {
      stopped = true
      worker.postMessage('stop')
    },
  }
}

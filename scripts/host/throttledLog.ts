/**
 * A log that writes at most one line per interval and counts the lines it held back, so a burst of the same
 * event (a crowd of clients hanging up) is one line, not one per client.
 */
export function throttledLog(write: (line: string) => void, intervalMs: number, clock: () => number = Date.now) {
  let lastAt = Number.NEGATIVE_INFINITY
  let heldBack = 0
  return (line: string) => {
    const now = clock()
    if (now - lastAt < intervalMs) {
      heldBack += 1
      return
    }
    write(heldBack === 0 ? line : `${line} (and ${heldBack} more like it since the last such line)`)
    lastAt = now
    heldBack = 0
  }
}

/**
 * How alike two proposals read: the Dice coefficient of their Chinese character bigrams (two neighbouring characters
 * of the same run of Chinese text), of their subjects (the title without the 关于… 的提案 every title has, which
 * would make any two alike) and of their subjects with the rest of their text, the higher of the two. Enough to show "someone has filed this already" while a delegate writes, so they second instead
 * of duplicating. Pure.
 */

const HAN_RUN = /[\u4e00-\u9fff]+/g

/** The distinct bigrams of every run of Chinese characters in `text`. */
export function bigrams(text: string): Set<string> {
  const found = new Set<string>()
  for (const run of text.match(HAN_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i += 1) found.add(run.slice(i, i + 2))
  }
  return found
}

/** 2|A∩B| / (|A| + |B|): 1 for the same bigrams, 0 for none shared (or either empty). */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  for (const gram of a) if (b.has(gram)) shared += 1
  return (2 * shared) / (a.size + b.size)
}

/** What a title is about: without the 关于 every title opens with and the 的提案 (建议, 意见建议) it ends with. */
export const subjectOf = (title: string) => title.trim().replace(/^关于/, '').replace(/的?(提案|意见建议|建议|议案)$/, '')

export interface Wording {
  title: string
  /** Everything else: the reasons and the measures. */
  text: string
}

/** How alike two wordings read, 0 to 1. */
export function likeness(a: Wording, b: Wording): number {
  const subjects = dice(bigrams(subjectOf(a.title)), bigrams(subjectOf(b.title)))
  const whole = dice(bigrams(`${subjectOf(a.title)}\n${a.text}`), bigrams(`${subjectOf(b.title)}\n${b.text}`))
  return Math.max(subjects, whole)
}

/** Below this, two proposals are about different things. */
export const SIMILAR_AT = 0.25

/** The candidates alike enough to `wording`, most alike first, at most `limit`, each with its score to two decimals. */
export function mostAlike<T>(wording: Wording, candidates: readonly T[], wordingOf: (candidate: T) => Wording, limit: number): { candidate: T; score: number }[] {
  return candidates
    .map((candidate) => ({ candidate, score: Math.round(likeness(wording, wordingOf(candidate)) * 100) / 100 }))
    .filter(({ score }) => score >= SIMILAR_AT)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
}

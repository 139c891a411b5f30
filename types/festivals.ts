/**
 * The festivals of benefit rounds (节日慰问): the union hands out gifts for these seven. Their dates are computed by
 * cloudfunctions/benefits/festivals.ts, never typed; this file has no imports, so the front end stays small.
 */

export const FESTIVALS = ['newYear', 'springFestival', 'qingming', 'labourDay', 'dragonBoat', 'midAutumn', 'nationalDay'] as const
export type Festival = (typeof FESTIVALS)[number]

export const FESTIVAL_LABELS: Record<Festival, string> = {
  newYear: '元旦',
  springFestival: '春节',
  qingming: '清明',
  labourDay: '劳动节',
  dragonBoat: '端午',
  midAutumn: '中秋',
  nationalDay: '国庆',
}

/** A festival on its day in one year. */
export interface FestivalDate {
  festival: Festival
  label: string
  /** The Shanghai calendar day, 'YYYY-MM-DD'. */
  date: string
}

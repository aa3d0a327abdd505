/**
 * Months of the monitoring year: which months an as-of month covers (the default as-of month is
 * in asOfMonth.ts).
 */
import { MONTHS, type Month } from './types'

/** Months 1..m. */
export function monthsThrough(m: Month): readonly Month[] {
  return MONTHS.filter((month) => month <= m)
}

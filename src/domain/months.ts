/**
 * Months of the monitoring year: which months an as-of month covers, and the latest month
 * with anything entered.
 */
import { MONTHS, type IndicatorValue, type Month, type MonthlySpending } from './types'

/** Months 1..m. */
export function monthsThrough(m: Month): readonly Month[] {
  return MONTHS.filter((month) => month <= m)
}

/** The latest month (1..12) with any spending or indicator value entered; null if none. */
export function latestMonthWithData(
  spending: readonly MonthlySpending[],
  values: readonly IndicatorValue[],
): Month | null {
  let latest: Month | null = null
  const consider = (month: Month): void => {
    if (latest === null || month > latest) latest = month
  }
  for (const s of spending) consider(s.month)
  // An entry with neither a number nor a status is an empty cell, not data.
  for (const v of values) if (v.value !== null || v.manualStatus !== null) consider(v.month)
  return latest
}

/**
 * The as-of month (截至月份) a page opens on when the user has not chosen one. Every page
 * (overview, department, entry, project, meeting) uses these, so one link opens on the same month
 * everywhere.
 */
import type { IndicatorValue, Month, MonthlySpending } from './types'

/** What of an indicator entry decides whether it is data: a number or a status set by hand. */
export type IndicatorEntry = Pick<IndicatorValue, 'month' | 'value' | 'manualStatus'>

/**
 * The latest month with any spending (0 included: an entered 0 is data) or indicator value
 * (a number or a status set by hand); null when nothing is entered yet.
 */
export function latestDataMonth(
  spending: readonly Pick<MonthlySpending, 'month'>[],
  values: readonly IndicatorEntry[],
): Month | null {
  let latest: Month | null = null
  for (const s of spending) if (latest === null || s.month > latest) latest = s.month
  // An entry with neither a number nor a status is an empty cell, not data.
  for (const v of values) {
    if ((v.value !== null || v.manualStatus !== null) && (latest === null || v.month > latest)) latest = v.month
  }
  return latest
}

/** The as-of month shown: the one chosen (in the URL), else the latest month with data, else 1月. */
export function resolveAsOfMonth(chosen: Month | null, latest: Month | null): Month {
  return chosen ?? latest ?? 1
}

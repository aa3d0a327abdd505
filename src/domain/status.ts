/**
 * Traffic-light rules (domain.md rules 3 and 7) and how statuses are ordered.
 */
import { DEFAULT_THRESHOLDS, type ProjectStatus, type Status, type Thresholds } from './types'

/** Project statuses from worst to best, with 未填报 last: the order for lists, legends and filters. */
export const STATUS_ORDER: readonly ProjectStatus[] = ['red', 'yellow', 'green', 'unreported']

/** Sort rank of every status, worst first; 超额 (an indicator's) right after 绿. */
const SORT_RANK: Readonly<Record<Status, number>> = { red: 0, yellow: 1, green: 2, exceeded: 3, unreported: 4 }

/**
 * Severity of a status: higher is worse. 未填报 is 0 because an unreported item is missing,
 * not failing (rule 7): it never makes a project look worse than its reported items.
 */
export const STATUS_SEVERITY: Readonly<Record<Status, number>> = {
  unreported: 0,
  // 超额 (财政一体化) is better than on track: a project with one is as green as its others.
  exceeded: 1,
  green: 2,
  yellow: 3,
  red: 4,
}

/**
 * Rates are floats (e.g. 50 − 175/3 = −8.333…336), so a deviation that is exactly −5 on paper
 * can come out as −5.000000000000001. Comparisons against thresholds use this value, rounded
 * to 1e-9 percentage points, far below any precision a user enters or sees.
 */
export function comparable(value: number): number {
  return Math.round(value * 1e9) / 1e9
}

/** Spend status from the deviation D(m) in percentage points (rule 3); null → 'unreported'. */
export function spendStatus(deviation: number | null, t: Thresholds = DEFAULT_THRESHOLDS): Status {
  if (deviation === null || Number.isNaN(deviation)) return 'unreported'
  const d = comparable(deviation)
  if (d >= t.yellowFrom) return 'green'
  if (d >= t.redBelow) return 'yellow'
  return 'red'
}

/** Sort comparator putting worse statuses first (red, yellow, green, then 未填报). */
export function compareStatus(a: Status, b: Status): number {
  return SORT_RANK[a] - SORT_RANK[b]
}

/** True for the statuses that need attention (红 or 黄): lagging projects and indicators. */
export function isLaggingStatus(status: Status): boolean {
  return status === 'red' || status === 'yellow'
}

/** True when status a is strictly worse than b by severity (未填报 is never worse). */
export function isWorse(a: Status, b: Status): boolean {
  return STATUS_SEVERITY[a] > STATUS_SEVERITY[b]
}

/** The worst of the statuses (red > yellow > green); 未填报 only when all are 未填报 or none given. */
export function worstStatus(statuses: Iterable<Status>): Status {
  let worst: Status = 'unreported'
  for (const status of statuses) if (isWorse(status, worst)) worst = status
  return worst
}

/** The status raised to at least `floor` (e.g. 有可能 → at least yellow); never lowered. */
export function atLeast<S extends Status, F extends 'green' | 'yellow' | 'red'>(status: S, floor: F): S | F {
  return isWorse(floor, status) ? floor : status
}

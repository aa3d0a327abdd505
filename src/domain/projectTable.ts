/**
 * The overview's project list: filtering by status and name, sorting by any column (lagging
 * first by default), paging, and the indicator tally shown per row. Pure and O(n log n), so a
 * finance bureau's 10,000 projects sort and filter without freezing the page.
 */
import { compareLaggingFirst } from './projectEvaluation'
import type { ProjectFigures } from './projectFigures'
import { STATUS_ORDER } from './status'
import type { Status } from './types'

export type ProjectSortKey =
  | 'lagging'
  | 'code'
  | 'name'
  | 'budget'
  | 'executed'
  | 'executionRate'
  | 'planned'
  | 'deviation'
  | 'indicators'
  | 'status'
  | 'forecast'

export type SortDirection = 'asc' | 'desc'

export interface ProjectTableQuery {
  readonly sortKey: ProjectSortKey
  readonly direction: SortDirection
  /** Statuses to show; empty shows all. */
  readonly statuses: readonly Status[]
  /** Part of a project name or code; blank shows all. */
  readonly text: string
}

/** The overview's default: lagging projects first, all statuses, no text. */
export const DEFAULT_TABLE_QUERY: ProjectTableQuery = { sortKey: 'lagging', direction: 'asc', statuses: [], text: '' }

export interface IndicatorTally {
  readonly total: number
  /** Indicators whose status is 绿 */
  readonly met: number
  readonly yellow: number
  readonly red: number
  readonly unreported: number
}

/** Counts a project's indicators by status. */
export function tallyIndicators(evaluation: Pick<ProjectFigures, 'indicators'>): IndicatorTally {
  const tally = { total: evaluation.indicators.length, met: 0, yellow: 0, red: 0, unreported: 0 }
  for (const e of evaluation.indicators) {
    // 超额 (财政一体化) is met, and more.
    if (e.status === 'green' || e.status === 'exceeded') tally.met += 1
    else tally[e.status] += 1
  }
  return tally
}

/** Keeps the projects whose status is selected and whose name or code contains the text. */
export function filterProjects<E extends ProjectFigures>(
  evaluations: readonly E[],
  query: Pick<ProjectTableQuery, 'statuses' | 'text'>,
): readonly E[] {
  const text = query.text.trim().toLowerCase()
  const statuses = new Set(query.statuses)
  if (text === '' && statuses.size === 0) return evaluations
  return evaluations.filter(
    (e) =>
      (statuses.size === 0 || statuses.has(e.status)) &&
      (text === '' || e.project.name.toLowerCase().includes(text) || e.project.code.toLowerCase().includes(text)),
  )
}

type SortValue = number | string | null

/** The value a column sorts by; null (未填报, no indicators) always sorts last. */
function sortValue(e: ProjectFigures, key: Exclude<ProjectSortKey, 'lagging'>): SortValue {
  switch (key) {
    case 'code':
      return e.project.code
    case 'name':
      return e.project.name
    case 'budget':
      return e.spend.budget
    case 'executed':
      return isSpendingEntered(e) ? e.spend.executed : null
    case 'executionRate':
      return e.spend.executionRate
    case 'planned':
      return e.spend.planned
    case 'deviation':
      return e.spend.deviation
    case 'indicators': {
      const tally = tallyIndicators(e)
      return tally.total === 0 ? null : tally.met / tally.total
    }
    case 'status':
      return STATUS_ORDER.indexOf(e.status)
    case 'forecast':
      return e.spend.forecastRate
  }
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true })

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b)
  return (a as number) - (b as number)
}

/** Lagging first, as the meeting's agenda orders them (compareLaggingFirst), then by code. */
export function compareLagging(a: ProjectFigures, b: ProjectFigures): number {
  return compareLaggingFirst(a, b) || collator.compare(a.project.code, b.project.code)
}

/**
 * The first `limit` items of a stable sort of `items` by `compare`, without sorting them all:
 * each item is inserted after its equals into a kept list of at most `limit`.
 */
function firstSorted<T>(items: readonly T[], compare: (a: T, b: T) => number, limit: number): T[] {
  // Past a quarter of the list, inserting costs more than sorting it all.
  if (limit * 4 >= items.length) return [...items].sort(compare).slice(0, limit)
  const kept: T[] = []
  if (limit <= 0) return kept
  for (const item of items) {
    if (kept.length === limit && compare(item, kept[limit - 1]!) >= 0) continue
    let low = 0
    let high = kept.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (compare(item, kept[mid]!) < 0) high = mid
      else low = mid + 1
    }
    kept.splice(low, 0, item)
    if (kept.length > limit) kept.pop()
  }
  return kept
}

/**
 * Sorts by a column (nulls last in either direction; ties keep lagging order). Returns a new
 * array: all of it, or only its first `limit` rows (the same rows, found without sorting all).
 */
export function sortProjects<E extends ProjectFigures>(
  evaluations: readonly E[],
  key: ProjectSortKey,
  direction: SortDirection,
  limit: number = Infinity,
): readonly E[] {
  if (key === 'lagging') {
    if (direction === 'asc') return firstSorted(evaluations, compareLagging, limit)
    // The reverse of the ascending order, equals included: the reversed list sorted descending.
    return firstSorted([...evaluations].reverse(), (a, b) => compareLagging(b, a), limit)
  }
  // Decorate once: the tally and switch run n times, not n log n times.
  const sign = direction === 'asc' ? 1 : -1
  const decorated = evaluations.map((e) => ({ e, value: sortValue(e, key) }))
  const sorted = firstSorted(
    decorated,
    (x, y) => {
      if (x.value === null || y.value === null) {
        if (x.value === y.value) return compareLagging(x.e, y.e)
        return x.value === null ? 1 : -1
      }
      return sign * compareValues(x.value, y.value) || compareLagging(x.e, y.e)
    },
    limit,
  )
  return sorted.map((d) => d.e)
}

/** Filters then sorts, as the table shows the list. */
export function queryProjects<E extends ProjectFigures>(
  evaluations: readonly E[],
  query: ProjectTableQuery,
): readonly E[] {
  return sortProjects(filterProjects(evaluations, query), query.sortKey, query.direction)
}

/**
 * One page of the filtered, sorted list (pageOf of queryProjects, page clamped) and how many
 * rows match, sorting only as far as that page.
 */
export function queryPage<E extends ProjectFigures>(
  evaluations: readonly E[],
  query: ProjectTableQuery,
  page: number,
  size: number,
): { rows: readonly E[]; page: number; pageCount: number; total: number } {
  const filtered = filterProjects(evaluations, query)
  const pageCount = Math.max(1, Math.ceil(filtered.length / size))
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount)
  const first = sortProjects(filtered, query.sortKey, query.direction, current * size)
  return { rows: first.slice((current - 1) * size, current * size), page: current, pageCount, total: filtered.length }
}

/** The projects with the largest spending shortfall (deviation ascending, 未填报 last), at most `limit`. */
export function mostLagging<E extends ProjectFigures>(evaluations: readonly E[], limit: number): readonly E[] {
  return sortProjects(evaluations, 'deviation', 'asc', limit)
}

/**
 * Whether any project has spending entered in months 1..m (zeros count: a 0 is entered, a blank
 * is not). When none has, 1–m月执行数 is 未填报, not 0.00 万元.
 */
export function hasEnteredSpending(evaluations: readonly ProjectFigures[]): boolean {
  return evaluations.some(isSpendingEntered)
}

/**
 * Whether a project has spending entered in any of months 1..m (a 0 is entered, a blank is not).
 * When not, its 1–m月执行数 is 未填报 (the table row as the card), not 0.00 万元.
 */
export function isSpendingEntered(evaluation: Pick<ProjectFigures, 'spend' | 'month'>): boolean {
  return evaluation.spend.unreportedMonths.length < evaluation.month
}

/** Page `page` (from 1) of `size` rows, clamped to the last page. */
export function pageOf<T>(rows: readonly T[], page: number, size: number): { rows: readonly T[]; page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(rows.length / size))
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount)
  return { rows: rows.slice((current - 1) * size, current * size), page: current, pageCount }
}

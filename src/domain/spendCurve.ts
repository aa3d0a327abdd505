/**
 * The spending picture of a project or a department through the year, as the spend chart
 * draws it: plan curve P(0..12), 序时进度, cumulative 执行率 up to the as-of month, monthly
 * spending and the year-end forecast (domain.md rules 1, 2, 3 and 9).
 *
 * Conventions:
 * - Rates are % of 预算数; money is integer 分 and summed exactly.
 * - Nothing after the as-of month is shown, even if entered: the chart shows the year as it
 *   stood at the end of that month, like every other figure of the monitoring round.
 * - A month without an entry is 未填报 (null), never 0.
 */
import { executionRateOf } from './evaluate'
import { sumFen } from './money'
import { buildPlanCurve, checkpointValue, planSource, timeProgress, type PlanSource } from './planCurve'
import { CHECKPOINTS, MONTHS, type Checkpoint, type Fen, type Month, type MonthlySpending, type Project } from './types'

export interface SpendCurve {
  /** As-of month */
  readonly month: Month
  /** 预算数 in 分 */
  readonly budget: Fen
  /** P(0..12) in % of budget, length 13 */
  readonly planned: readonly number[]
  /** Per month 0..12: whether P rests on filled checkpoints or is the 序时进度 fallback */
  readonly planSource: readonly PlanSource[]
  /** The document's checkpoints, in % of budget; null where the cell is blank */
  readonly checkpoints: readonly { month: Checkpoint; value: number | null }[]
  /** 序时进度 T(0..12) in % */
  readonly timeProgress: readonly number[]
  /** Cumulative 执行率 in % at months 0..12; null after the as-of month or where 未填报 */
  readonly actual: readonly (number | null)[]
  /** Spending per month in 分, index 0 = January; null = 未填报 (or after the as-of month) */
  readonly monthly: readonly (Fen | null)[]
  /** Year-end forecast continuation in % of budget, from the as-of month to 12; null before */
  readonly forecast: readonly (number | null)[]
  /**
   * Per month 0..12, how many projects actual[k] covers: those that entered month k (all at
   * 年初; 0 after the as-of month). Below projectCount the department rate is partial.
   */
  readonly reportedProjects: readonly number[]
  /** Projects in the curve: 1 for a project, the department's count for a department */
  readonly projectCount: number
}

/** Months 0..12 of a curve. */
const CURVE_MONTHS: readonly number[] = Array.from({ length: 13 }, (_, m) => m)

/** Spending per month 1..12 in 分 (index 0 = January), summing entries of months 1..asOf; null where none (or later). */
function totalsByMonth(spending: readonly MonthlySpending[], asOf: Month): readonly (Fen | null)[] {
  const monthly: (Fen | null)[] = MONTHS.map(() => null)
  for (const entry of spending) {
    if (entry.month > asOf) continue
    const index = entry.month - 1
    monthly[index] = (monthly[index] ?? 0) + entry.amount
  }
  return monthly
}

/** Cumulative 分 at months 0..12 from monthly totals (blank months add nothing). */
function cumulativeOf(monthly: readonly (Fen | null)[]): readonly Fen[] {
  const cumulative: Fen[] = [0]
  for (const amount of monthly) cumulative.push((cumulative[cumulative.length - 1] ?? 0) + (amount ?? 0))
  return cumulative
}

/**
 * The forecast continuation: from 执行率(m) at the as-of month to 全年预计执行率 at 12月,
 * following the plan's shape in between (the project keeps its pace relative to plan).
 * At 12月 the year is over and the forecast is the actual.
 */
function forecastOf(planned: readonly number[], rate: number | null, asOf: Month): readonly (number | null)[] {
  const plannedNow = planned[asOf] ?? 0
  if (rate === null || plannedNow === 0) return CURVE_MONTHS.map(() => null)
  const plannedEnd = planned[12] ?? 100
  // Rule 9: 全年预计执行率 = 执行率(m) / P(m) × 100.
  const yearEnd = asOf === 12 ? rate : (rate / plannedNow) * 100
  return CURVE_MONTHS.map((k) => {
    if (k < asOf) return null
    if (k === asOf) return rate
    if (k === 12) return yearEnd
    const share = plannedEnd === plannedNow ? (k - asOf) / (12 - asOf) : ((planned[k] ?? 0) - plannedNow) / (plannedEnd - plannedNow)
    return rate + (yearEnd - rate) * share
  })
}

/** The spend chart of one project at an as-of month: rates in % of budget, money in 分. */
export function buildProjectSpendCurve(project: Project, spending: readonly MonthlySpending[], month: Month): SpendCurve {
  const own = spending.filter((s) => s.projectId === project.id)
  const monthly = totalsByMonth(own, month)
  const cumulative = cumulativeOf(monthly)
  const budget = project.budget.total
  const actual = CURVE_MONTHS.map((k) => {
    if (k > month) return null
    if (k === 0) return executionRateOf(0, budget)
    // Same rule as evaluateSpend: 执行率 at k exists only when month k itself is reported.
    return monthly[k - 1] === null ? null : executionRateOf(cumulative[k] ?? 0, budget)
  })
  const planned = buildPlanCurve(project.plan)
  return {
    month,
    budget,
    planned,
    planSource: CURVE_MONTHS.map((k) => planSource(project.plan, k)),
    checkpoints: CHECKPOINTS.map((c) => ({ month: c, value: checkpointValue(project.plan, c) })),
    timeProgress: CURVE_MONTHS.map(timeProgress),
    actual,
    monthly,
    forecast: forecastOf(planned, actual[month] ?? null, month),
    reportedProjects: CURVE_MONTHS.map((k) => (k === 0 ? 1 : k <= month && monthly[k - 1] !== null ? 1 : 0)),
    projectCount: 1,
  }
}

/**
 * The spend chart of a department (or any set of projects) at an as-of month: budgets summed
 * in 分, plan weighted by budget, 执行率 = Σ执行数 / Σ预算数 in % over the projects that reported
 * month k (as in summarizeProjects); null at a month no project reported.
 */
export function buildDepartmentSpendCurve(
  items: readonly { project: Project; spending: readonly MonthlySpending[] }[],
  month: Month,
): SpendCurve {
  const budget = sumFen(items.map((item) => item.project.budget.total))
  const curves = items.map((item) => buildProjectSpendCurve(item.project, item.spending, month))
  const weighted = (pick: (curve: SpendCurve) => number): number =>
    budget === 0
      ? curves.reduce((total, c) => total + pick(c), 0) / Math.max(curves.length, 1)
      : curves.reduce((total, c) => total + c.budget * pick(c), 0) / budget
  const planned = CURVE_MONTHS.map((k) => weighted((c) => c.planned[k] ?? 0))
  const monthly = MONTHS.map((m) => {
    const amounts = curves.flatMap((c) => {
      const amount = c.monthly[m - 1]
      return amount === null || amount === undefined ? [] : [amount]
    })
    return amounts.length === 0 ? null : sumFen(amounts)
  })
  const cumulatives = curves.map((c) => cumulativeOf(c.monthly))
  // As in summarizeProjects, 执行率 at month k covers the projects that reported month k: a
  // project that has not reported yet is left out, never counted as spending nothing.
  const reportersOf = (k: number): readonly number[] =>
    curves.flatMap((c, i) => (k > month || c.monthly[k - 1] === null ? [] : [i]))
  const actual = CURVE_MONTHS.map((k) => {
    if (k > month) return null
    if (k === 0) return executionRateOf(0, budget)
    const reporters = reportersOf(k)
    if (reporters.length === 0) return null
    const executed = sumFen(reporters.map((i) => cumulatives[i]?.[k] ?? 0))
    return executionRateOf(executed, sumFen(reporters.map((i) => curves[i]?.budget ?? 0)))
  })
  const isFallback = (k: number) => curves.length > 0 && curves.every((c) => c.planSource[k] === 'timeProgress')
  return {
    month,
    budget,
    planned,
    planSource: CURVE_MONTHS.map((k) => (isFallback(k) ? 'timeProgress' : 'plan')),
    // A department checkpoint is "filled" when any of its projects filled that cell.
    checkpoints: CHECKPOINTS.map((c) => ({
      month: c,
      value: curves.some((curve) => curve.checkpoints.some((p) => p.month === c && p.value !== null))
        ? (planned[c] ?? null)
        : null,
    })),
    timeProgress: CURVE_MONTHS.map(timeProgress),
    actual,
    monthly,
    forecast: forecastOf(planned, actual[month] ?? null, month),
    reportedProjects: CURVE_MONTHS.map((k) => (k === 0 ? curves.length : reportersOf(k).length)),
    projectCount: curves.length,
  }
}

/**
 * Spend charts with their 已报送 months drawn as reported: the 执行率 point of each month a round
 * reported is the round's, and at the as-of month the budget and the forecast are the round's
 * too, so the chart agrees with the figures above it. Today's figure is kept beside each
 * reported point, so the chart can say where it differs (报送后有变动). One rule for every chart
 * (project page, meeting, department page): a project's month is the round's when its
 * department reported that month, as applyReportedRounds does for the figures.
 */
import type { BudgetAdjustment } from './budgetAdjustment'
import { summarizeSpend } from './departmentSummary'
import type { ReportedRound } from './reportedRound'
import { forecastLine, spendByMonth, type ReportedSpendPoint, type SpendCurve } from './spendCurve'
import type { SpendEvaluation } from './spend'
import type { Month, MonthlySpending, Project } from './types'

/** The spend figures a round reported for the project at its month. */
export interface ReportedSpend {
  readonly month: Month
  readonly spend: Pick<SpendEvaluation, 'budget' | 'executionRate'>
}

/** Rates equal as the pages show them (to 0.1 %). */
function sameRate(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b
  return Math.round(a * 10) === Math.round(b * 10)
}

/** What each round holding the project reported for its spend (rounds not holding it are skipped). */
export function reportedSpendOf(rounds: readonly ReportedRound[], projectId: string): ReportedSpend[] {
  return rounds.flatMap((r) => {
    const e = r.evaluations.find((x) => x.project.id === projectId)
    return e ? [{ month: r.month, spend: e.spend }] : []
  })
}

/** The curve with reported months applied: points replaced, the as-of month's budget and forecast too. */
function withReported(curve: SpendCurve, points: readonly ReportedSpendPoint[]): SpendCurve {
  if (points.length === 0) return curve
  const actual = [...curve.actual]
  for (const p of points) actual[p.month] = p.reportedRate
  const asOf = points.find((p) => p.month === curve.month)
  return {
    ...curve,
    actual,
    budget: asOf?.reportedBudget ?? curve.budget,
    forecast: asOf ? forecastLine(curve.planned, asOf.reportedRate, curve.month) : curve.forecast,
    reported: points,
  }
}

function pointOf(month: Month, reported: ReportedSpend['spend'], currentRate: number | null, currentBudget: number): ReportedSpendPoint {
  return {
    month,
    reportedRate: reported.executionRate,
    currentRate,
    reportedBudget: reported.budget,
    currentBudget,
    isChanged: !sameRate(reported.executionRate, currentRate) || reported.budget !== currentBudget,
  }
}

/**
 * The curve with the months of `reported` (rounds holding this project, months after the
 * as-of month ignored) drawn as reported; the curve itself when none applies.
 */
export function applyReportedSpend(curve: SpendCurve, reported: readonly ReportedSpend[]): SpendCurve {
  const applied = reported.filter((r) => r.month <= curve.month).sort((a, b) => a.month - b.month)
  // Today's budget of an earlier month is not on the curve; only the as-of month's is.
  const points = applied.map(({ month, spend }) =>
    pointOf(month, spend, curve.actual[month] ?? null, month === curve.month ? curve.budget : spend.budget),
  )
  return withReported(curve, points)
}

/** A project of a department curve, as buildDepartmentSpendCurve takes it. */
export interface DepartmentCurveItem {
  readonly project: Project
  readonly spending: readonly MonthlySpending[]
  readonly budgetAdjustments?: readonly BudgetAdjustment[]
}

/**
 * A department (or any scope's) curve built by buildDepartmentSpendCurve from `items`, with
 * each month k that some department of the scope reported drawn as reported: that
 * department's projects at k are the round's (a project added since is left out, one removed
 * since stays in), the others today's, summed as the overview sums them.
 */
export function applyReportedDepartmentSpend(curve: SpendCurve, items: readonly DepartmentCurveItem[], rounds: readonly ReportedRound[]): SpendCurve {
  const applied = rounds.filter((r) => r.month <= curve.month)
  if (applied.length === 0) return curve
  const spends = items.map((item) => ({
    departmentCode: item.project.departmentCode,
    byMonth: spendByMonth(item.project, item.spending, curve.month, item.budgetAdjustments ?? []),
  }))
  const months = [...new Set(applied.map((r) => r.month))].sort((a, b) => a - b)
  const points = months.map((month) => {
    const roundsAt = applied.filter((r) => r.month === month)
    const reportedCodes = new Set(roundsAt.map((r) => r.departmentCode))
    const todayAt = spends.flatMap((s) => {
      const spend = s.byMonth[month - 1]
      return spend ? [{ departmentCode: s.departmentCode, spend }] : []
    })
    const shown = summarizeSpend([
      ...todayAt.filter((s) => !reportedCodes.has(s.departmentCode)).map((s) => s.spend),
      ...roundsAt.flatMap((r) => r.evaluations.map((e) => e.spend)),
    ])
    const today = summarizeSpend(todayAt.map((s) => s.spend))
    return pointOf(month, shown, today.executionRate, today.budget)
  })
  return withReported(curve, points)
}

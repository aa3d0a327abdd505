/**
 * A project's spend chart with its 已报送 months drawn as reported: the 执行率 point of each
 * month a round reported is the round's, and at the as-of month the budget and the forecast are
 * the round's too, so the chart agrees with the figures above it. Today's figure is kept beside
 * each reported point, so the chart can say where it differs (报送后有变动).
 */
import { forecastLine, type ReportedSpendPoint, type SpendCurve } from './spendCurve'
import type { SpendEvaluation } from './spend'
import type { Month } from './types'

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

/**
 * The curve with the months of `reported` (rounds holding this project, months after the
 * as-of month ignored) drawn as reported; the curve itself when none applies.
 */
export function applyReportedSpend(curve: SpendCurve, reported: readonly ReportedSpend[]): SpendCurve {
  const applied = reported.filter((r) => r.month <= curve.month).sort((a, b) => a.month - b.month)
  if (applied.length === 0) return curve
  const actual = [...curve.actual]
  const points: ReportedSpendPoint[] = applied.map(({ month, spend }) => {
    const currentRate = curve.actual[month] ?? null
    actual[month] = spend.executionRate
    // Today's budget of an earlier month is not on the curve; only the as-of month's is.
    const currentBudget = month === curve.month ? curve.budget : spend.budget
    return {
      month,
      reportedRate: spend.executionRate,
      currentRate,
      reportedBudget: spend.budget,
      currentBudget,
      isChanged: !sameRate(spend.executionRate, currentRate) || spend.budget !== currentBudget,
    }
  })
  const asOf = applied.find((r) => r.month === curve.month)
  return {
    ...curve,
    actual,
    budget: asOf?.spend.budget ?? curve.budget,
    forecast: asOf ? forecastLine(curve.planned, asOf.spend.executionRate, curve.month) : curve.forecast,
    reported: points,
  }
}

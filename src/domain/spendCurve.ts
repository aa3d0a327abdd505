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
import { adjustmentKindLabel, adjustmentMonth, type BudgetAdjustment } from './budgetAdjustment'
import { summarizeSpend, weightedPlan } from './departmentSummary'
import { sumFen } from './money'
import { buildPlanCurve, checkpointValue, planSource, timeProgress, type PlanSource } from './planCurve'
import { evaluateMonthlySpend, executionRateOf, forecastRateOf, monthlySpendingOf, type SpendEvaluation } from './spend'
import { CHECKPOINTS, MONTHS, type Checkpoint, type Fen, type Month, type MonthlySpending, type Project } from './types'

export interface SpendCurve {
  /** As-of month */
  readonly month: Month
  /** 调整后预算数 in 分 at the as-of month */
  readonly budget: Fen
  /** Budget adjustments dated up to the as-of month, to mark on the chart (a project's only) */
  readonly adjustments: readonly SpendCurveAdjustment[]
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
  /**
   * Months whose 执行率 is drawn as a 已报送 round reported it (applyReportedSpend), with
   * today's figure beside it; absent or empty when every point is today's.
   */
  readonly reported?: readonly ReportedSpendPoint[]
}

/** A month of the curve drawn as reported: the reported and today's 执行率 (%) and budget (分). */
export interface ReportedSpendPoint {
  readonly month: Month
  readonly reportedRate: number | null
  readonly currentRate: number | null
  readonly reportedBudget: Fen
  readonly currentBudget: Fen
  /** Whether today's figures differ from the reported ones (报送后有变动) */
  readonly isChanged: boolean
}

/** A budget adjustment as the chart marks it: at its month, with its change in 分 and a label. */
export interface SpendCurveAdjustment {
  readonly month: Month
  /** Change of the total budget in 分 (追加 +, 调减 −) */
  readonly change: Fen
  /** 追加 / 调减 / 调剂调入 / 调剂调出 */
  readonly kind: string
  readonly documentNo: string
}

/** Months 0..12 of a curve. */
const CURVE_MONTHS: readonly number[] = Array.from({ length: 13 }, (_, m) => m)

/**
 * The forecast continuation: from 执行率(m) at the as-of month to 全年预计执行率 (forecastRateOf)
 * at 12月, following the plan's shape in between (the project keeps its pace relative to plan).
 */
export function forecastLine(planned: readonly number[], rate: number | null, asOf: Month): readonly (number | null)[] {
  const plannedNow = planned[asOf] ?? 0
  const yearEnd = forecastRateOf(rate, plannedNow, asOf)
  if (rate === null || yearEnd === null) return CURVE_MONTHS.map(() => null)
  const plannedEnd = planned[12] ?? 100
  return CURVE_MONTHS.map((k) => {
    if (k < asOf) return null
    if (k === asOf) return rate
    if (k === 12) return yearEnd
    const share = plannedEnd === plannedNow ? (k - asOf) / (12 - asOf) : ((planned[k] ?? 0) - plannedNow) / (plannedEnd - plannedNow)
    return rate + (yearEnd - rate) * share
  })
}

/** evaluateSpend at each month 1..asOf (index 0 = January): the figures the curve draws. */
export function spendByMonth(
  project: Project,
  spending: readonly MonthlySpending[],
  asOf: Month,
  adjustments: readonly BudgetAdjustment[],
): readonly SpendEvaluation[] {
  const monthly = monthlySpendingOf(project.id, spending, asOf)
  // Each month's 执行率 is over the budget in force at that month, as its round reported it.
  return MONTHS.filter((k) => k <= asOf).map((k) => evaluateMonthlySpend(project, monthly, k, undefined, adjustments))
}

/** The adjustments of a project dated up to the as-of month, by date, as chart marks. */
function curveAdjustments(projectId: string, adjustments: readonly BudgetAdjustment[], month: Month): readonly SpendCurveAdjustment[] {
  return adjustments
    .filter((a) => a.projectId === projectId && adjustmentMonth(a.date) <= month)
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((a) => ({ month: adjustmentMonth(a.date), change: a.fiscal + a.other, kind: adjustmentKindLabel(a), documentNo: a.documentNo }))
}

/**
 * The spend chart of one project at an as-of month: rates in % of the budget in force at each
 * month, money in 分, its budget adjustments marked.
 */
export function buildProjectSpendCurve(
  project: Project,
  spending: readonly MonthlySpending[],
  month: Month,
  adjustments: readonly BudgetAdjustment[] = [],
): SpendCurve {
  const curve = projectCurve(project, spendByMonth(project, spending, month, adjustments), spending, month)
  return { ...curve, adjustments: curveAdjustments(project.id, adjustments, month) }
}

function projectCurve(project: Project, spends: readonly SpendEvaluation[], spending: readonly MonthlySpending[], month: Month): SpendCurve {
  const budget = spends[month - 1]?.budget ?? project.budget.total
  // 执行率 at k exists only when month k itself is reported (evaluateSpend); 年初 is 0.
  const actual = CURVE_MONTHS.map((k) => (k === 0 ? executionRateOf(0, budget) : (spends[k - 1]?.executionRate ?? null)))
  const planned = buildPlanCurve(project.plan)
  return {
    month,
    budget,
    adjustments: [],
    planned,
    planSource: CURVE_MONTHS.map((k) => planSource(project.plan, k)),
    checkpoints: CHECKPOINTS.map((c) => ({ month: c, value: checkpointValue(project.plan, c) })),
    timeProgress: CURVE_MONTHS.map(timeProgress),
    actual,
    monthly: monthlySpendingOf(project.id, spending, month),
    forecast: forecastLine(planned, actual[month] ?? null, month),
    reportedProjects: CURVE_MONTHS.map((k) => (k === 0 || spends[k - 1]?.isReported === true ? 1 : 0)),
    projectCount: 1,
  }
}

/**
 * The spend chart of a department (or any set of projects) at an as-of month: budgets summed
 * in 分, plan weighted by budget, 执行率 = Σ执行数 / Σ预算数 in % over the projects that reported
 * month k (as in summarizeProjects); null at a month no project reported.
 */
export function buildDepartmentSpendCurve(
  items: readonly { project: Project; spending: readonly MonthlySpending[]; budgetAdjustments?: readonly BudgetAdjustment[] }[],
  month: Month,
): SpendCurve {
  const spends = items.map((item) => spendByMonth(item.project, item.spending, month, item.budgetAdjustments ?? []))
  const curves = items.map((item, i) => projectCurve(item.project, spends[i] ?? [], item.spending, month))
  // Month k of the department is summarizeSpend of its projects' figures at k, as on the overview.
  // spendByMonth gives every project one figure per month 1..month, so s[k - 1] is there.
  const summaries = MONTHS.filter((k) => k <= month).map((k) => summarizeSpend(spends.map((s) => s[k - 1] as SpendEvaluation)))
  const budgets = curves.map((c) => c.budget)
  const budget = sumFen(budgets)
  // The plan line covers every project (budget-weighted), reported or not.
  const planned = CURVE_MONTHS.map((k) => weightedPlan(budgets, curves.map((c) => c.planned[k] ?? 0)))
  const monthly = MONTHS.map((m) => {
    let total: Fen | null = null
    for (const c of curves) {
      const amount = c.monthly[m - 1]
      if (amount !== null && amount !== undefined) total = (total ?? 0) + amount
    }
    return total
  })
  const actual = CURVE_MONTHS.map((k) => (k === 0 ? executionRateOf(0, budget) : (summaries[k - 1]?.executionRate ?? null)))
  const isFallback = (k: number) => curves.length > 0 && curves.every((c) => c.planSource[k] === 'timeProgress')
  return {
    month,
    budget,
    adjustments: [],
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
    forecast: forecastLine(planned, actual[month] ?? null, month),
    reportedProjects: CURVE_MONTHS.map((k) => (k === 0 ? curves.length : (summaries[k - 1]?.reportedProjects ?? 0))),
    projectCount: curves.length,
  }
}

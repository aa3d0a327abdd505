/**
 * The spending rule of one project at an as-of month (domain.md rules 3 and 9): 执行数,
 * whether the month is reported, 执行率, plan, deviation, 超预算 and the year-end forecast.
 * Evaluation, the spend curves, the entry grid, the meeting and the monitoring form all take
 * these figures from evaluateSpend; nothing else adds up a project's spending.
 *
 * Conventions:
 * - Only entries for months 1..m count; a value entered for a later month is ignored.
 * - A blank month is 未填报, never 0: 执行率 is judged only when month m itself has an entry;
 *   earlier blank months are listed as missing.
 * - Money is summed as integer 分; only rates (% and percentage points) are floats.
 */
import { budgetInForce, type BudgetAdjustment, type BudgetInForce } from './budgetAdjustment'
import { plannedProgress, planSource, timeProgress, type PlanSource } from './planCurve'
import { judgeSpend } from './presets'
import { DEFAULT_THRESHOLDS, MONTHS, type Fen, type Month, type MonthlySpending, type Project, type Status, type Thresholds } from './types'

export interface SpendEvaluation {
  readonly month: Month
  /** 调整后预算数 in 分: the budget in force at the end of month m (年初 + adjustments so far) */
  readonly budget: Fen
  /** 年初预算数 / 年度预算调整 / 调整后预算数 per source at month m (budgetInForce) */
  readonly budgetInForce: BudgetInForce
  /** 执行数: sum of entered months 1..m in 分 (0 if none) */
  readonly executed: Fen
  /** Whether month m itself has an entry (a 0 is an entry, a blank is not) */
  readonly isReported: boolean
  /** 执行率 in % of budget; null when month m is 未填报 or the budget is 0 */
  readonly executionRate: number | null
  /** P(m) in % of budget */
  readonly planned: number
  readonly planSource: PlanSource
  /** 序时进度 T(m) in % */
  readonly timeProgress: number
  /** 偏差 D(m) = executionRate − planned, in percentage points (个百分点) */
  readonly deviation: number | null
  /** 'unreported' when month m itself has no entry */
  readonly status: Status
  /** 超预算: 执行数 above 预算数 (执行率 > 100 %), a warning of its own */
  readonly isOverBudget: boolean
  /** Months 1..m without an entry */
  readonly unreportedMonths: readonly Month[]
  /** 全年预计执行率 (rule 9): executionRate / P(m) × 100, in % of budget */
  readonly forecastRate: number | null
  /** 全年预计执行数 in 分: budget × forecastRate / 100, rounded to whole 分 */
  readonly forecastAmount: Fen | null
}

/**
 * 执行率 in % of budget, or null for a zero budget. Multiplies before dividing so that whole
 * rates come out exact: 0.07 × 100 would be 7.000000000000001.
 */
export function executionRateOf(executed: Fen, budget: Fen): number | null {
  return budget === 0 ? null : (executed * 100) / budget
}

/** 超预算 (rule 3's own warning): spending above 预算数, compared exactly in 分; reaching it exactly is not over. */
export function exceedsBudget(executed: Fen, budget: Fen): boolean {
  return executed > budget
}

/**
 * 全年预计执行率 (rule 9) in % of budget: 执行率(m) / P(m) × 100, the year at the pace kept so
 * far relative to plan; at 12月 the year is over and the forecast is the actual. null when the
 * rate is unknown or nothing was planned yet.
 */
export function forecastRateOf(rate: number | null, planned: number, month: Month): number | null {
  if (rate === null || planned === 0) return null
  return month === 12 ? rate : (rate / planned) * 100
}

/** 全年预计执行数 in whole 分, the amount of forecastRateOf: budget × rate / 100 with the budget cancelled out. */
function forecastAmountOf(executed: Fen, planned: number, month: Month): Fen {
  return month === 12 ? executed : Math.round((executed * 100) / planned)
}

/**
 * Spending per month 1..12 in 分 (index 0 = January) of one project, summing its entries of
 * months 1..m (several entries for one month add up); null where none, and after month m.
 */
export function monthlySpendingOf(projectId: string, spending: readonly MonthlySpending[], month: Month): readonly (Fen | null)[] {
  const monthly: (Fen | null)[] = MONTHS.map(() => null)
  // Entries of other projects are ignored, so a department's whole list may be passed.
  for (const entry of spending) {
    if (entry.projectId !== projectId || entry.month > month) continue
    monthly[entry.month - 1] = (monthly[entry.month - 1] ?? 0) + entry.amount
  }
  return monthly
}

/**
 * Spending figures of one project at month m: 执行数 in 分, rates in % of the budget in force at
 * m (调整后预算数, from the project's budget adjustments), rules 3 and 9.
 */
export function evaluateSpend(
  project: Project,
  spending: readonly MonthlySpending[],
  month: Month,
  t: Thresholds = DEFAULT_THRESHOLDS,
  adjustments: readonly BudgetAdjustment[] = [],
): SpendEvaluation {
  return evaluateMonthlySpend(project, monthlySpendingOf(project.id, spending, month), month, t, adjustments)
}

/**
 * evaluateSpend from the project's spending per month (monthlySpendingOf, index 0 = January);
 * months after m are ignored, so one list through the as-of month serves every month up to it.
 */
export function evaluateMonthlySpend(
  project: Project,
  monthly: readonly (Fen | null)[],
  month: Month,
  t: Thresholds = DEFAULT_THRESHOLDS,
  adjustments: readonly BudgetAdjustment[] = [],
): SpendEvaluation {
  // One pass over months 1..m (a department curve runs this for every project and month).
  let executed: Fen = 0
  const unreportedMonths: Month[] = []
  for (const m of MONTHS) {
    if (m > month) break
    const amount = monthly[m - 1]
    if (amount === null || amount === undefined) unreportedMonths.push(m)
    else executed += amount
  }
  const isReported = unreportedMonths[unreportedMonths.length - 1] !== month
  // 执行率 = 1–m月执行数 ÷ 调整后预算数: the budget in force at the end of month m.
  const inForce = budgetInForce(project, adjustments, month)
  const budget = inForce.inForce.total
  const executionRate = isReported ? executionRateOf(executed, budget) : null
  const planned = plannedProgress(project.plan, month)
  const deviation = executionRate === null ? null : executionRate - planned
  const forecastRate = forecastRateOf(executionRate, planned, month)
  return {
    month,
    budget,
    budgetInForce: inForce,
    executed,
    isReported,
    executionRate,
    planned,
    planSource: planSource(project.plan, month),
    timeProgress: timeProgress(month),
    deviation,
    // The preset's rules (presets.ts); the default judges D(m) by rule 3.
    status: judgeSpend(executionRate, planned, month, t),
    // Equals 执行率 > 100 and still holds when the month is blank.
    isOverBudget: exceedsBudget(executed, budget),
    unreportedMonths,
    forecastRate,
    forecastAmount: forecastRate === null ? null : forecastAmountOf(executed, planned, month),
  }
}

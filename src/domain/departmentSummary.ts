/**
 * Department aggregates at an as-of month (the overview's cards, the meeting's summary, the
 * form's 合计 rows and the department spend curve): money in 分 summed exactly, rates in %.
 * 执行数 adds everything entered. 执行率, the plan and the deviation cover only the projects
 * that reported the as-of month: a blank month is not 0 (domain rule), so a project that has not
 * reported yet neither drags the rate down nor counts as on plan; reportedProjects says how many.
 * reportedExecuted / reportedBudget are that base, so a figure shown beside 执行率 (the overview
 * card's 执行数) can be over the same projects.
 */
import { sumFen } from './money'
import type { ProjectFigures, SpendFigures } from './projectFigures'
import { executionRateOf } from './spend'
import { judgeSpend } from './presets'
import { DEFAULT_THRESHOLDS, type Fen, type ProjectStatus, type Status, type Thresholds } from './types'

/** The spending aggregates of a set of projects (see summarizeSpend). */
export interface SpendSummary {
  /** Σ 预算数 in 分 (exact) */
  readonly budget: Fen
  /** Σ 执行数 in 分 (exact), entered months 1..m of every project */
  readonly executed: Fen
  /** Σ 执行数 in 分 of the projects that reported the as-of month (the base of executionRate) */
  readonly reportedExecuted: Fen
  /** Σ 预算数 in 分 of the projects that reported the as-of month */
  readonly reportedBudget: Fen
  /**
   * 执行率 in %, over the projects that reported the as-of month (Σ执行数 / Σ预算数 of those):
   * a project whose month is 未填报 is left out rather than counted as spending nothing.
   * null when no project reported it, or their budget is 0.
   */
  readonly executionRate: number | null
  /** Budget-weighted P(m) in %, over the same projects as executionRate (all when none reported) */
  readonly planned: number
  /** 序时进度 T(m) in % */
  readonly timeProgress: number
  /** executionRate − planned in percentage points */
  readonly deviation: number | null
  /** Spend status of the deviation under the thresholds (rule 3), as a project's spending is judged */
  readonly status: Status
  /** Number of projects whose as-of month spending is entered (the base of executionRate) */
  readonly reportedProjects: number
  /** Number of projects whose as-of month spending is 未填报 (their 执行数 is partial) */
  readonly unreportedSpending: number
  /** Number of projects 超预算 */
  readonly overBudget: number
}

export interface DepartmentSummary extends SpendSummary {
  /** Number of projects per project status */
  readonly counts: Readonly<Record<ProjectStatus, number>>
  /** Number of indicators (over all projects) whose status is 未填报 */
  readonly unreportedIndicators: number
  /** Number of projects flagged by rule 8 */
  readonly mismatches: number
}

/**
 * P(m) weighted by budget (the plan of the money), in %: budgets[i] in 分 with planned[i] in %;
 * the plain mean when budgets are 0, 0 for none.
 */
export function weightedPlan(budgets: readonly Fen[], planned: readonly number[]): number {
  const budget = sumFen(budgets)
  let total = 0
  // The products are rates, not amounts, so floats are fine here.
  if (budget !== 0) {
    budgets.forEach((b, i) => (total += b * (planned[i] ?? 0)))
    return total / budget
  }
  for (const p of planned) total += p
  return planned.length === 0 ? 0 : total / planned.length
}

/** Spending aggregates of projects' figures at one month: Σ in 分, 执行率 and plan in % over those that reported. */
export function summarizeSpend(spends: readonly SpendFigures[], t: Thresholds = DEFAULT_THRESHOLDS): SpendSummary {
  // One pass: a department curve runs this for every month over all projects. Sums are of 分.
  const reported: SpendFigures[] = []
  let budget: Fen = 0
  let executed: Fen = 0
  let reportedBudget: Fen = 0
  let reportedExecuted: Fen = 0
  let overBudget = 0
  for (const s of spends) {
    budget += s.budget
    executed += s.executed
    if (s.isOverBudget) overBudget += 1
    if (s.executionRate === null) continue
    reported.push(s)
    reportedBudget += s.budget
    reportedExecuted += s.executed
  }
  const executionRate = reported.length === 0 ? null : executionRateOf(reportedExecuted, reportedBudget)
  const base = reported.length === 0 ? spends : reported
  const planned = weightedPlan(
    base.map((s) => s.budget),
    base.map((s) => s.planned),
  )
  const deviation = executionRate === null ? null : executionRate - planned
  return {
    budget,
    executed,
    reportedExecuted,
    reportedBudget,
    executionRate,
    planned,
    timeProgress: spends[0]?.timeProgress ?? 0,
    deviation,
    status: judgeSpend(executionRate, planned, spends[0]?.month ?? 12, t),
    reportedProjects: reported.length,
    unreportedSpending: spends.length - reported.length,
    overBudget,
  }
}

/** Number of projects per project status. */
export function countStatuses(evaluations: readonly Pick<ProjectFigures, 'status'>[]): Readonly<Record<ProjectStatus, number>> {
  const counts: Record<ProjectStatus, number> = { red: 0, yellow: 0, green: 0, unreported: 0 }
  for (const e of evaluations) counts[e.status] += 1
  return counts
}

/** Department totals of evaluations of one as-of month: spending aggregates (summarizeSpend) and counts. */
export function summarizeProjects(evaluations: readonly ProjectFigures[], t: Thresholds = DEFAULT_THRESHOLDS): DepartmentSummary {
  return {
    ...summarizeSpend(
      evaluations.map((e) => e.spend),
      t,
    ),
    counts: countStatuses(evaluations),
    unreportedIndicators: evaluations.flatMap((e) => e.indicators).filter((i) => i.status === 'unreported').length,
    mismatches: evaluations.filter((e) => e.isMismatch).length,
  }
}

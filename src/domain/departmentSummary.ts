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

/** Σ budget, Σ budget × plan and Σ plan of some projects, in their order (weightedPlan's terms). */
interface PlanSums {
  budget: Fen
  weighted: number
  plain: number
  count: number
}

/** weightedPlan of the sums: the same additions in the same order, so the same float. */
function planOf(sums: PlanSums): number {
  if (sums.budget !== 0) return sums.weighted / sums.budget
  return sums.count === 0 ? 0 : sums.plain / sums.count
}

/** Spending aggregates of projects' figures at one month: Σ in 分, 执行率 and plan in % over those that reported. */
export function summarizeSpend(spends: readonly SpendFigures[], t: Thresholds = DEFAULT_THRESHOLDS): SpendSummary {
  return summarizeSpendOf(spends, (s) => s, t)
}

/** summarizeSpend of the spend figures of any items (spendOf), without copying them out first. */
function summarizeSpendOf<T>(items: readonly T[], spendOf: (item: T) => SpendFigures, t: Thresholds): SpendSummary {
  // One pass, nothing allocated per project: the overview sums 10,000 projects on each change,
  // a department curve every month of all its projects. Sums are of 分.
  const all: PlanSums = { budget: 0, weighted: 0, plain: 0, count: 0 }
  const reported: PlanSums = { budget: 0, weighted: 0, plain: 0, count: 0 }
  let executed: Fen = 0
  let reportedExecuted: Fen = 0
  let overBudget = 0
  let first: SpendFigures | undefined
  for (const item of items) {
    const s = spendOf(item)
    first ??= s
    all.budget += s.budget
    all.weighted += s.budget * s.planned
    all.plain += s.planned
    all.count += 1
    executed += s.executed
    if (s.isOverBudget) overBudget += 1
    if (s.executionRate === null) continue
    reported.budget += s.budget
    reported.weighted += s.budget * s.planned
    reported.plain += s.planned
    reported.count += 1
    reportedExecuted += s.executed
  }
  const executionRate = reported.count === 0 ? null : executionRateOf(reportedExecuted, reported.budget)
  const planned = planOf(reported.count === 0 ? all : reported)
  const deviation = executionRate === null ? null : executionRate - planned
  return {
    budget: all.budget,
    executed,
    reportedExecuted,
    reportedBudget: reported.budget,
    executionRate,
    planned,
    timeProgress: first?.timeProgress ?? 0,
    deviation,
    status: judgeSpend(executionRate, planned, first?.month ?? 12, t),
    reportedProjects: reported.count,
    unreportedSpending: all.count - reported.count,
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
  let unreportedIndicators = 0
  let mismatches = 0
  for (const e of evaluations) {
    for (const i of e.indicators) if (i.status === 'unreported') unreportedIndicators += 1
    if (e.isMismatch) mismatches += 1
  }
  return {
    ...summarizeSpendOf(evaluations, (e) => e.spend, t),
    counts: countStatuses(evaluations),
    unreportedIndicators,
    mismatches,
  }
}


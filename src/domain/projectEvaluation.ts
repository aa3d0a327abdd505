/**
 * A project at an as-of month (domain.md rules 7–9): its spending and indicators evaluated,
 * its status (the worst of them, raised by the confirmed likelihood), what is missing, the
 * 双监控 mismatch and the suggested 完成目标可能性.
 */
import type { BudgetAdjustment } from './budgetAdjustment'
import { formatMonths } from './format'
import { evaluateIndicator, type IndicatorEvaluation } from './indicatorEvaluation'
import { applyLikelihood, suggestKnownIndicatorLikelihood, suggestKnownSpendLikelihood, worstLikelihood } from './likelihood'
import type { ProjectData } from './projectData'
import { evaluateSpend, type SpendEvaluation } from './spend'
import { combineStatuses } from './presets'
import { atLeast, comparable, compareStatus, isLaggingStatus } from './status'
import type { TargetAdjustment } from './targetAdjustment'
import {
  DEFAULT_THRESHOLDS,
  type Indicator,
  type IndicatorValue,
  type Likelihood,
  type MonitoringNote,
  type Month,
  type MonthlySpending,
  type Project,
  type ProjectStatus,
  type Thresholds,
} from './types'

export interface ProjectEvaluation {
  readonly project: Project
  readonly month: Month
  readonly spend: SpendEvaluation
  readonly indicators: readonly IndicatorEvaluation[]
  /** Rule 7: worst of spend and indicator statuses, raised by the confirmed likelihood */
  readonly status: ProjectStatus
  /** Chinese labels of what is 未填报, e.g. '3月支出', '1–7月支出', an indicator's name */
  readonly missing: readonly string[]
  /** Average 完成进度 of cumulative ≥ indicators with a value, in %; null if none */
  readonly averageCompletion: number | null
  /** Rule 8: |executionRate − averageCompletion| > mismatchPoints */
  readonly isMismatch: boolean
  /** Rule 9: suggested 完成目标可能性 from the year-end forecasts; null when nothing is reported */
  readonly suggestedLikelihood: Likelihood | null
  /** 完成目标可能性 confirmed in this month's note; null when not set */
  readonly likelihood: Likelihood | null
}

export interface ProjectInput {
  readonly project: Project
  readonly indicators: readonly Indicator[]
  readonly spending: readonly MonthlySpending[]
  readonly values: readonly IndicatorValue[]
  readonly note: MonitoringNote | null
  /** 调整预算 of the project; absent = none (the 年初 budget is in force all year) */
  readonly budgetAdjustments?: readonly BudgetAdjustment[]
  /** 调整目标 versions of its indicators; absent = none */
  readonly targetAdjustments?: readonly TargetAdjustment[]
}

function missingLabels(spend: SpendEvaluation, indicators: readonly IndicatorEvaluation[]): readonly string[] {
  const labels: string[] = []
  if (spend.unreportedMonths.length > 0) labels.push(`${formatMonths(spend.unreportedMonths)}支出`)
  for (const e of indicators) {
    const name = e.indicator.name
    if (e.unreportedMonths.length > 0) labels.push(`${name}（${formatMonths(e.unreportedMonths)}）`)
    else if (e.status === 'unreported') labels.push(name)
  }
  return labels
}

/**
 * Rule 7 before the likelihood: the worst known status. Two refinements users rely on:
 * - a project whose as-of month spending is 未填报 cannot be 绿 — its main figure is missing,
 *   so "nothing known is wrong" stays grey instead of claiming it is on track;
 * - 超预算 (rule 3's own warning) makes the project at least 黄, so it reaches the meeting.
 */
function projectStatusOf(spend: SpendEvaluation, indicators: readonly IndicatorEvaluation[], t: Thresholds): ProjectStatus {
  const worst = combineStatuses(spend.status, indicators.map((e) => e.status), t)
  const isFine = worst === 'green' || worst === 'exceeded'
  // 超额 belongs to indicators: a project with one and nothing worse is 绿.
  const status = spend.status === 'unreported' && isFine ? 'unreported' : worst === 'exceeded' ? 'green' : worst
  return spend.isOverBudget ? atLeast(status, 'yellow') : status
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((total, v) => total + v, 0) / values.length
}

/**
 * A project at month m (rules 7–9): statuses, missing items, mismatch, likelihoods; rates in % of
 * the budget in force at m, indicators judged by their targets in force at m.
 */
export function evaluateProject(
  input: ProjectInput,
  month: Month,
  t: Thresholds = DEFAULT_THRESHOLDS,
): ProjectEvaluation {
  const { project, note } = input
  const spend = evaluateSpend(project, input.spending, month, t, input.budgetAdjustments)
  const targetAdjustments = input.targetAdjustments ?? []
  const indicators = input.indicators
    .filter((i) => i.projectId === project.id)
    .sort((a, b) => a.order - b.order)
    .map((i) => evaluateIndicator(i, input.values, month, t, targetAdjustments))
  // Rule 4's 完成进度 exists only for cumulative ≥ targets: it is progress through the year, like
  // 执行率. A level indicator (满意度 98 %) is a state, not progress, and averaging it in would
  // flag nearly every project in spring; ceilings have no completion (see evaluateCumulative).
  const completions = indicators.flatMap((e) =>
    e.indicator.target.kind === 'cumulative' && e.completion !== null ? [e.completion] : [],
  )
  const averageCompletion = mean(completions)
  const rate = spend.executionRate
  const isMismatch =
    rate !== null && averageCompletion !== null && comparable(Math.abs(rate - averageCompletion)) > t.mismatchPoints
  // A note belongs to one monitoring round; a note of another month says nothing about this one.
  const likelihood = note !== null && isNoteOf(note, project.id, month) ? note.likelihood : null
  return {
    project,
    month,
    spend,
    indicators,
    status: applyLikelihood(projectStatusOf(spend, indicators, t), likelihood),
    missing: missingLabels(spend, indicators),
    averageCompletion,
    isMismatch,
    // A blank month never improves the suggestion: each item keeps its latest known one (issue 11).
    suggestedLikelihood: worstLikelihood([
      suggestKnownSpendLikelihood(project, input.spending, spend, t),
      ...indicators.map((e) => suggestKnownIndicatorLikelihood(e, input.values, month, t)),
    ]),
    likelihood,
  }
}

/** True when a project is lagging at its as-of month (红 or 黄): it goes on the meeting's agenda. */
export function isLagging(evaluation: Pick<ProjectEvaluation, 'status'>): boolean {
  return isLaggingStatus(evaluation.status)
}

/**
 * Lagging first, the order of the agenda and of the overview table: worse status first (红, 黄,
 * 绿, 未填报), then the larger spend shortfall (more negative 偏差 in 个百分点), a deviation that is
 * 未填报 last; 0 on a tie (callers break it by document order or code).
 */
export function compareLaggingFirst(
  a: { readonly status: ProjectStatus; readonly spend: Pick<SpendEvaluation, 'deviation'> },
  b: { readonly status: ProjectStatus; readonly spend: Pick<SpendEvaluation, 'deviation'> },
): number {
  const byStatus = compareStatus(a.status, b.status)
  if (byStatus !== 0) return byStatus
  const da = a.spend.deviation
  const db = b.spend.deviation
  if (da === null || db === null) return da === db ? 0 : da === null ? 1 : -1
  return da - db
}

/** Whether a note is the one of this project's monitoring round of `month` (a note belongs to one round). */
export function isNoteOf(note: MonitoringNote, projectId: string, month: Month): boolean {
  return note.projectId === projectId && note.month === month
}

/**
 * The note of the monitoring round of `month` among a project's notes: a note belongs to one
 * round, so the note of another month says nothing about this one. null when there is none.
 */
export function noteOfMonth(notes: readonly MonitoringNote[], month: Month): MonitoringNote | null {
  return notes.find((note) => note.month === month) ?? null
}

/** A project's stored data at month m as the input of evaluateProject, with that month's note. */
export function projectInputAt(data: ProjectData, month: Month): ProjectInput {
  return { ...data, note: noteOfMonth(data.notes, month) }
}

/** evaluateProject of a project's stored data at month m, with the note of that month; rates in %. */
export function evaluateProjectData(data: ProjectData, month: Month, t: Thresholds = DEFAULT_THRESHOLDS): ProjectEvaluation {
  return evaluateProject(projectInputAt(data, month), month, t)
}

/**
 * 双监控 evaluation of spending and indicators at an as-of month (domain.md rules 3–9).
 *
 * Conventions used throughout:
 * - Only entries for months 1..m count; a value entered for a later month is ignored.
 * - A blank month is 未填报, never 0: cumulative figures (支出, counts) are judged only when
 *   the as-of month itself has an entry; earlier blank months are listed as missing.
 * - Money is summed as integer 分; only rates (% and percentage points) are floats.
 */
import { sumFen } from './money'
import { plannedProgress, planSource, timeProgress, type PlanSource } from './planCurve'
import { atLeast, comparable, spendStatus, worstStatus } from './status'
import {
  DEFAULT_THRESHOLDS,
  MONTHS,
  type Fen,
  type Indicator,
  type IndicatorValue,
  type Likelihood,
  type MonitoringNote,
  type Month,
  type MonthlySpending,
  type Operator,
  type Project,
  type Status,
  type Thresholds,
} from './types'

export interface SpendEvaluation {
  readonly month: Month
  /** 预算数 in 分 */
  readonly budget: Fen
  /** 执行数: sum of entered months 1..m in 分 (0 if none) */
  readonly executed: Fen
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

export interface IndicatorEvaluation {
  readonly indicator: Indicator
  /** cumulative: sum of entered months 1..m; level: latest entered value in 1..m; null if none */
  readonly actual: number | null
  /** cumulative with a ≥/>/= target: V × T(m) / 100, what should be done by now; else null */
  readonly expected: number | null
  /** 完成进度 in % of target (see completion rules in evaluateIndicator); null when unknown */
  readonly completion: number | null
  readonly status: Status
  /** 全年预计完成情况: cumulative sum × 12 / m; level the latest value; otherwise null */
  readonly forecast: number | null
  /** level/qualitative: target met now; cumulative: forecast meets the target; null if unknown */
  readonly isMet: boolean | null
  /** cumulative: months 1..m without a count; level/qualitative: empty (the latest value stands) */
  readonly unreportedMonths: readonly Month[]
}

export interface ProjectEvaluation {
  readonly project: Project
  readonly month: Month
  readonly spend: SpendEvaluation
  readonly indicators: readonly IndicatorEvaluation[]
  /** Rule 7: worst of spend and indicator statuses, raised by the confirmed likelihood */
  readonly status: Status
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
}

export interface DepartmentSummary {
  /** Σ 预算数 in 分 (exact) */
  readonly budget: Fen
  /** Σ 执行数 in 分 (exact), entered months 1..m of every project */
  readonly executed: Fen
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
  /** Number of projects whose as-of month spending is entered (the base of executionRate) */
  readonly reportedProjects: number
  /** Number of projects per project status */
  readonly counts: Readonly<Record<Status, number>>
  /** Number of indicators (over all projects) whose status is 未填报 */
  readonly unreportedIndicators: number
  /** Number of projects whose as-of month spending is 未填报 (their 执行数 is partial) */
  readonly unreportedSpending: number
  /** Number of projects 超预算 */
  readonly overBudget: number
  /** Number of projects flagged by rule 8 */
  readonly mismatches: number
}

/**
 * Thresholds of the suggested 完成目标可能性 (rule 9), on the year-end attainment: the forecast
 * as % of what the target needs (spend: forecastRate against 100 %; a ≥ count: forecast / V;
 * a ceiling: V / forecast; a level indicator: its 完成进度).
 * - certainFrom 95: the forecast falls short by at most 5 %, the width of rule 3's green band.
 * - possibleFrom 80: reaching the target needs at most a quarter more pace than so far
 *   (100 / 80 = 1.25), which a catch-up in the remaining months can still deliver; below that
 *   we suggest 完全不可能 so the meeting discusses it. The user confirms or overrides it.
 * The suggestion is the worst over spend and indicators; 未填报 items are skipped.
 */
export const LIKELIHOOD_THRESHOLDS = { certainFrom: 95, possibleFrom: 80 } as const

/** Likelihoods from worst to best. */
export const LIKELIHOOD_ORDER: readonly Likelihood[] = ['impossible', 'possible', 'certain']

const YEAR_MONTHS = 12

/** Months 1..m. */
export function monthsThrough(m: Month): readonly Month[] {
  return MONTHS.filter((month) => month <= m)
}

/** Chinese label of a month list, compacting runs: [1,2,3,5] → '1–3、5月'. */
export function formatMonths(months: readonly Month[]): string {
  const sorted = [...new Set(months)].sort((a, b) => a - b)
  const parts: string[] = []
  let runStart: number | undefined
  sorted.forEach((month, i) => {
    runStart ??= month
    const next = sorted[i + 1]
    if (next === month + 1) return
    parts.push(runStart === month ? `${month}` : `${runStart}–${month}`)
    runStart = undefined
  })
  return `${parts.join('、')}月`
}

/**
 * 执行率 in % of budget, or null for a zero budget. Multiplies before dividing so that whole
 * rates come out exact: 0.07 × 100 would be 7.000000000000001.
 */
export function executionRateOf(executed: Fen, budget: Fen): number | null {
  return budget === 0 ? null : (executed * 100) / budget
}

/** Spending evaluation of one project at month m: 执行数 in 分, rates in % of budget (rules 3, 9). */
export function evaluateSpend(
  project: Project,
  spending: readonly MonthlySpending[],
  month: Month,
  t: Thresholds = DEFAULT_THRESHOLDS,
): SpendEvaluation {
  // Entries of other projects are ignored, so a department's whole list may be passed;
  // several entries for one month add up.
  const entered = spending.filter((s) => s.projectId === project.id && s.month <= month)
  const reportedMonths = new Set(entered.map((s) => s.month))
  const budget = project.budget.total
  const executed = sumFen(entered.map((s) => s.amount))
  const executionRate = reportedMonths.has(month) ? executionRateOf(executed, budget) : null
  const planned = plannedProgress(project.plan, month)
  const deviation = executionRate === null ? null : executionRate - planned
  const hasForecast = executionRate !== null && planned !== 0
  return {
    month,
    budget,
    executed,
    executionRate,
    planned,
    planSource: planSource(project.plan, month),
    timeProgress: timeProgress(month),
    deviation,
    status: spendStatus(deviation, t),
    // Integer comparison, exact; equals 执行率 > 100 and still holds when the month is blank.
    isOverBudget: executed > budget,
    unreportedMonths: monthsThrough(month).filter((m) => !reportedMonths.has(m)),
    forecastRate: hasForecast ? (executionRate / planned) * 100 : null,
    // budget × (executed / budget × 100 / planned) / 100, with the budget cancelled out.
    forecastAmount: hasForecast ? Math.round((executed * 100) / planned) : null,
  }
}

/** A target without an operator is a number to reach, read as ≥. */
function operatorOf(indicator: Indicator): Operator {
  return indicator.target.operator ?? '>='
}

function isCeiling(operator: Operator): boolean {
  return operator === '<=' || operator === '<'
}

/** Whether a value meets the target (floats compared to 1e-9, so 1.0000000000000002 ≤ 1). */
export function meetsTarget(value: number, operator: Operator, target: number): boolean {
  const v = comparable(value)
  const goal = comparable(target)
  switch (operator) {
    case '>=':
      return v >= goal
    case '>':
      return v > goal
    case '<=':
      return v <= goal
    case '<':
      return v < goal
    case '=':
      return v === goal
  }
}

type NumberedValue = IndicatorValue & { readonly value: number }

function hasNumber(entry: IndicatorValue): entry is NumberedValue {
  return entry.value !== null && Number.isFinite(entry.value)
}

/** The entry of the highest month; within a month the last one given wins. */
function latestEntry<T extends IndicatorValue>(entries: readonly T[]): T | null {
  let latest: T | null = null
  for (const entry of entries) if (latest === null || entry.month >= latest.month) latest = entry
  return latest
}

function sumValues(entries: readonly { readonly value: number }[]): number | null {
  return entries.length === 0 ? null : entries.reduce((total, e) => total + e.value, 0)
}

/** Level 完成进度 in %: value / V for a floor or =; for a ceiling 100 when met, else V / value. */
function levelCompletion(value: number, operator: Operator, target: number, isMet: boolean): number | null {
  if (isCeiling(operator)) return isMet ? 100 : value === 0 ? null : (target / value) * 100
  if (target === 0) return isMet ? 100 : null
  return (value / target) * 100
}

/** True when the target has a number to judge values against (else it is judged by hand). */
function hasNumericTarget(indicator: Indicator): boolean {
  const { kind, value } = indicator.target
  return kind !== 'qualitative' && value !== null && Number.isFinite(value)
}

/** An evaluation with nothing known yet, to spread the known parts over. */
function unreportedEvaluation(indicator: Indicator): IndicatorEvaluation {
  return {
    indicator,
    actual: null,
    expected: null,
    completion: null,
    status: 'unreported',
    forecast: null,
    isMet: null,
    unreportedMonths: [],
  }
}

function evaluateCumulative(
  indicator: Indicator,
  target: number,
  numbers: readonly NumberedValue[],
  month: Month,
  t: Thresholds,
): IndicatorEvaluation {
  const operator = operatorOf(indicator)
  const reportedMonths = new Set(numbers.map((v) => v.month))
  const unreportedMonths = monthsThrough(month).filter((m) => !reportedMonths.has(m))
  const actual = sumValues(numbers)
  // Counts never go down, so a known partial sum can already decide the year: a ceiling
  // exceeded stays exceeded and a floor reached stays reached, even if month m is blank.
  const isReachedSoFar = actual !== null && meetsTarget(actual, operator, target)
  const isDecided = actual !== null && (isCeiling(operator) ? !isReachedSoFar : isReachedSoFar)
  const isKnown = actual !== null && (reportedMonths.has(month) || isDecided)
  const forecast = isKnown ? (actual * YEAR_MONTHS) / month : null
  const isMet = forecast === null ? null : meetsTarget(forecast, operator, target)
  if (isCeiling(operator)) {
    // A ceiling on a count has no 完成进度 (rule 4 is about reaching a target, not staying
    // under one), so it stays out of the average completion of rule 8.
    const status: Status = !isKnown ? 'unreported' : isDecided ? 'red' : 'green'
    return { ...unreportedEvaluation(indicator), actual, status, forecast, isMet, unreportedMonths }
  }
  const elapsed = timeProgress(month)
  const completion = isKnown ? (target === 0 ? 100 : (actual / target) * 100) : null
  // Rule 4: 完成进度 against 序时进度 with rule 3's thresholds.
  const status = spendStatus(completion === null ? null : completion - elapsed, t)
  const expected = (target * elapsed) / 100
  return { indicator, actual, expected, completion, status, forecast, isMet, unreportedMonths }
}

function evaluateLevel(
  indicator: Indicator,
  target: number,
  numbers: readonly NumberedValue[],
  t: Thresholds,
): IndicatorEvaluation {
  const latest = latestEntry(numbers)
  // Rule 5: no value yet is 未填报, never counted as met.
  if (latest === null) return unreportedEvaluation(indicator)
  const operator = operatorOf(indicator)
  const actual = latest.value
  const isMet = meetsTarget(actual, operator, target)
  const tolerance = (Math.abs(target) * t.levelTolerancePct) / 100
  const isNearMiss = comparable(Math.abs(actual - target)) <= comparable(tolerance)
  const status: Status = isMet ? 'green' : isNearMiss ? 'yellow' : 'red'
  const completion = levelCompletion(actual, operator, target, isMet)
  return { ...unreportedEvaluation(indicator), actual, completion, status, forecast: actual, isMet }
}

/** Rule 6 (and any indicator whose target has no number): the status the user set by hand. */
function evaluateByHand(indicator: Indicator, entered: readonly IndicatorValue[]): IndicatorEvaluation {
  const latest = latestEntry(entered.filter((v) => v.manualStatus !== null))
  const status: Status = latest?.manualStatus ?? 'unreported'
  const numbers = entered.filter(hasNumber)
  // Numbers entered against a target without a number are still shown, just not judged.
  const { kind } = indicator.target
  const latestNumber = latestEntry(numbers)?.value ?? null
  const actual = kind === 'cumulative' ? sumValues(numbers) : kind === 'level' ? latestNumber : null
  const isMet = status === 'unreported' ? null : status === 'green'
  return { ...unreportedEvaluation(indicator), actual, status, isMet }
}

/**
 * One indicator at month m; actual/expected/forecast in the target's unit, completion in % of target.
 * Cumulative ≥/>/= V: completion = sum / V × 100 against T(m) (rule 4); ≤/< V: red once the sum
 * breaks the ceiling, else green. Level (rule 5): met → green, missed by ≤ levelTolerancePct % of V
 * → yellow, else red. Qualitative (rule 6): the latest manualStatus.
 */
export function evaluateIndicator(
  indicator: Indicator,
  values: readonly IndicatorValue[],
  month: Month,
  t: Thresholds = DEFAULT_THRESHOLDS,
): IndicatorEvaluation {
  const entered = values.filter((v) => v.indicatorId === indicator.id && v.month <= month)
  const target = indicator.target.value
  if (target === null || !hasNumericTarget(indicator)) return evaluateByHand(indicator, entered)
  const numbers = entered.filter(hasNumber)
  return indicator.target.kind === 'cumulative'
    ? evaluateCumulative(indicator, target, numbers, month, t)
    : evaluateLevel(indicator, target, numbers, t)
}

/** 完成目标可能性 of an indicator whose status is set by hand. */
const LIKELIHOOD_BY_STATUS: Readonly<Record<Status, Likelihood | null>> = {
  green: 'certain',
  yellow: 'possible',
  red: 'impossible',
  unreported: null,
}

/** Maps a year-end attainment (% of what the target needs) to a 完成目标可能性. */
export function likelihoodFromAttainment(attainment: number): Likelihood {
  const a = comparable(attainment)
  if (a >= LIKELIHOOD_THRESHOLDS.certainFrom) return 'certain'
  if (a >= LIKELIHOOD_THRESHOLDS.possibleFrom) return 'possible'
  return 'impossible'
}

/** Suggested 完成目标可能性 of the spending, from forecastRate (% of budget); null if 未填报. */
export function suggestSpendLikelihood(spend: SpendEvaluation): Likelihood | null {
  return spend.forecastRate === null ? null : likelihoodFromAttainment(spend.forecastRate)
}

/** Suggested 完成目标可能性 of one indicator from its year-end forecast; null if 未填报. */
export function suggestIndicatorLikelihood(e: IndicatorEvaluation): Likelihood | null {
  const target = e.indicator.target.value
  // A status set by hand is the user's own judgement; translate it one to one.
  if (target === null || !hasNumericTarget(e.indicator)) return LIKELIHOOD_BY_STATUS[e.status]
  if (e.indicator.target.kind === 'level') {
    if (e.completion === null) return null
    // A level target missed today is not "certain" however close: the value must still move.
    const likelihood = likelihoodFromAttainment(e.completion)
    return e.isMet === false && likelihood === 'certain' ? 'possible' : likelihood
  }
  if (e.forecast === null) return null
  const operator = operatorOf(e.indicator)
  if (isCeiling(operator)) {
    // A ceiling already broken cannot be un-broken: counts only grow.
    if (e.status === 'red') return 'impossible'
    const isUnder = meetsTarget(e.forecast, operator, target) || e.forecast === 0
    return likelihoodFromAttainment(isUnder ? 100 : (target / e.forecast) * 100)
  }
  return likelihoodFromAttainment(target === 0 ? 100 : (e.forecast / target) * 100)
}

/** The worst of the likelihoods (完全不可能 < 有可能 < 确定能); null when none is given. */
export function worstLikelihood(likelihoods: Iterable<Likelihood | null>): Likelihood | null {
  let worst: Likelihood | null = null
  for (const l of likelihoods) {
    if (l !== null && (worst === null || LIKELIHOOD_ORDER.indexOf(l) < LIKELIHOOD_ORDER.indexOf(worst))) worst = l
  }
  return worst
}

/** Rule 7's likelihood clause: 完全不可能 → red, 有可能 → at least yellow. */
export function applyLikelihood(status: Status, likelihood: Likelihood | null): Status {
  if (likelihood === 'impossible') return 'red'
  // Even a project with nothing reported becomes yellow: the user has judged it at risk.
  if (likelihood === 'possible') return atLeast(status, 'yellow')
  return status
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
function projectStatusOf(spend: SpendEvaluation, indicators: readonly IndicatorEvaluation[]): Status {
  const worst = worstStatus([spend.status, ...indicators.map((e) => e.status)])
  const status = spend.status === 'unreported' && worst === 'green' ? 'unreported' : worst
  return spend.isOverBudget ? atLeast(status, 'yellow') : status
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((total, v) => total + v, 0) / values.length
}

/** A project at month m (rules 7–9): statuses, missing items, mismatch, likelihoods; rates in %. */
export function evaluateProject(
  input: ProjectInput,
  month: Month,
  t: Thresholds = DEFAULT_THRESHOLDS,
): ProjectEvaluation {
  const { project, note } = input
  const spend = evaluateSpend(project, input.spending, month, t)
  const indicators = input.indicators
    .filter((i) => i.projectId === project.id)
    .sort((a, b) => a.order - b.order)
    .map((i) => evaluateIndicator(i, input.values, month, t))
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
  const likelihood = note !== null && note.projectId === project.id && note.month === month ? note.likelihood : null
  return {
    project,
    month,
    spend,
    indicators,
    status: applyLikelihood(projectStatusOf(spend, indicators), likelihood),
    missing: missingLabels(spend, indicators),
    averageCompletion,
    isMismatch,
    suggestedLikelihood: worstLikelihood([
      suggestSpendLikelihood(spend),
      ...indicators.map(suggestIndicatorLikelihood),
    ]),
    likelihood,
  }
}

/**
 * Department totals of evaluations of one as-of month: money in 分 (exact sums), rates in %.
 * 执行数 adds everything entered. 执行率, the plan and the deviation cover only the projects
 * that reported the as-of month: a blank month is not 0 (domain rule), so a project that has not
 * reported yet neither drags the rate down nor counts as on plan; reportedProjects says how many.
 */
export function summarizeProjects(evaluations: readonly ProjectEvaluation[]): DepartmentSummary {
  const budget = sumFen(evaluations.map((e) => e.spend.budget))
  const executed = sumFen(evaluations.map((e) => e.spend.executed))
  const reported = evaluations.filter((e) => e.spend.executionRate !== null)
  const reportedBudget = sumFen(reported.map((e) => e.spend.budget))
  const executionRate =
    reported.length === 0 ? null : executionRateOf(sumFen(reported.map((e) => e.spend.executed)), reportedBudget)
  const planned = weightedPlan(reported.length === 0 ? evaluations : reported)
  const counts: Record<Status, number> = { green: 0, yellow: 0, red: 0, unreported: 0 }
  for (const e of evaluations) counts[e.status] += 1
  return {
    budget,
    executed,
    executionRate,
    planned,
    timeProgress: evaluations[0]?.spend.timeProgress ?? 0,
    deviation: executionRate === null ? null : executionRate - planned,
    reportedProjects: reported.length,
    counts,
    unreportedIndicators: evaluations.flatMap((e) => e.indicators).filter((i) => i.status === 'unreported').length,
    unreportedSpending: evaluations.length - reported.length,
    overBudget: evaluations.filter((e) => e.spend.isOverBudget).length,
    mismatches: evaluations.filter((e) => e.isMismatch).length,
  }
}

/** P(m) weighted by budget (the plan of the money), in %; the plain mean when budgets are 0. */
function weightedPlan(evaluations: readonly ProjectEvaluation[]): number {
  const budget = sumFen(evaluations.map((e) => e.spend.budget))
  // The products are rates, not amounts, so floats are fine here.
  return budget === 0
    ? (mean(evaluations.map((e) => e.spend.planned)) ?? 0)
    : evaluations.reduce((total, e) => total + e.spend.budget * e.spend.planned, 0) / budget
}

/** The latest month (1..12) with any spending or indicator value entered; null if none. */
export function latestMonthWithData(
  spending: readonly MonthlySpending[],
  values: readonly IndicatorValue[],
): Month | null {
  let latest: Month | null = null
  const consider = (month: Month): void => {
    if (latest === null || month > latest) latest = month
  }
  for (const s of spending) consider(s.month)
  // An entry with neither a number nor a status is an empty cell, not data.
  for (const v of values) if (v.value !== null || v.manualStatus !== null) consider(v.month)
  return latest
}

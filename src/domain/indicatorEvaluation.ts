/**
 * One indicator at an as-of month (domain.md rules 4–6), by kind: a cumulative count against
 * 序时进度, a level value against its target, a qualitative one judged by hand.
 *
 * Conventions: only entries for months 1..m count; a blank month is 未填报, never 0; a count
 * is judged only when month m has an entry or the sum so far already decides the year.
 */
import { monthsThrough } from './months'
import { timeProgress } from './planCurve'
import { judgeCumulative, judgeLevel } from './presets'
import { comparable } from './status'
import { indicatorInForce, type TargetAdjustment } from './targetAdjustment'
import {
  DEFAULT_THRESHOLDS,
  type Indicator,
  type IndicatorTarget,
  type IndicatorValue,
  type Month,
  type Operator,
  type Status,
  type Thresholds,
} from './types'

const YEAR_MONTHS = 12

export interface IndicatorEvaluation {
  /** The indicator as judged at month m: its target is the target in force (调整后目标) */
  readonly indicator: Indicator
  /** 原目标 when a target adjustment is in force at month m; null when the original target is */
  readonly originalTarget: IndicatorTarget | null
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

/** A target without an operator is a number to reach, read as ≥. */
export function operatorOf(indicator: Indicator): Operator {
  return indicator.target.operator ?? '>='
}

/** True for a ceiling (≤ or <): the value must stay under the target. */
export function isCeiling(operator: Operator): boolean {
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
export function hasNumericTarget(indicator: Indicator): boolean {
  const { kind, value } = indicator.target
  return kind !== 'qualitative' && value !== null && Number.isFinite(value)
}

/** An evaluation with nothing known yet, to spread the known parts over. */
function unreportedEvaluation(indicator: Indicator): IndicatorEvaluation {
  return {
    indicator,
    originalTarget: null,
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
  // Rule 4: 完成进度 against 序时进度 with rule 3's thresholds (or the preset's rules).
  const status = judgeCumulative(completion, elapsed, t)
  const expected = (target * elapsed) / 100
  return { ...unreportedEvaluation(indicator), actual, expected, completion, status, forecast, isMet, unreportedMonths }
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
  const status = judgeLevel(actual, operator, target, isMet, t)
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
 * One indicator at month m, judged by its target in force at m (the latest 调整目标 version
 * effective by then, else the original; see targetInForce); actual/expected/forecast in the
 * target's unit, completion in % of target.
 * Cumulative ≥/>/= V: completion = sum / V × 100 against T(m) (rule 4); ≤/< V: red once the sum
 * breaks the ceiling, else green. Level (rule 5): met → green, missed by ≤ levelTolerancePct % of V
 * → yellow, else red. Qualitative (rule 6): the latest manualStatus.
 */
export function evaluateIndicator(
  indicator: Indicator,
  values: readonly IndicatorValue[],
  month: Month,
  t: Thresholds = DEFAULT_THRESHOLDS,
  targetAdjustments: readonly TargetAdjustment[] = [],
): IndicatorEvaluation {
  const judged = indicatorInForce(indicator, targetAdjustments, month)
  const evaluation = evaluateInForce(judged, values, month, t)
  return judged === indicator ? evaluation : { ...evaluation, originalTarget: indicator.target }
}

function evaluateInForce(indicator: Indicator, values: readonly IndicatorValue[], month: Month, t: Thresholds): IndicatorEvaluation {
  const entered = values.filter((v) => v.indicatorId === indicator.id && v.month <= month)
  const target = indicator.target.value
  if (target === null || !hasNumericTarget(indicator)) return evaluateByHand(indicator, entered)
  const numbers = entered.filter(hasNumber)
  return indicator.target.kind === 'cumulative'
    ? evaluateCumulative(indicator, target, numbers, month, t)
    : evaluateLevel(indicator, target, numbers, t)
}

/**
 * 完成目标可能性 (rules 7 and 9): the likelihood the app suggests from the year-end forecasts of
 * spending and indicators, and how a confirmed one raises a project's status.
 */
import { evaluateIndicator, hasNumericTarget, isCeiling, meetsTarget, operatorOf, type IndicatorEvaluation } from './indicatorEvaluation'
import { evaluateSpend, type SpendEvaluation } from './spend'
import { atLeast, comparable } from './status'
import { MONTHS, type IndicatorValue, type Likelihood, type Month, type MonthlySpending, type Project, type Status, type Thresholds } from './types'

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

/** 完成目标可能性 of an indicator whose status is set by hand. */
const LIKELIHOOD_BY_STATUS: Readonly<Record<Status, Likelihood | null>> = {
  green: 'certain',
  yellow: 'possible',
  red: 'impossible',
  unreported: null,
  exceeded: 'certain',
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

/**
 * Suggested 完成目标可能性 of the spending at month m that never improves because month m is
 * blank: with month m 未填报 it is the suggestion of the latest reported month (the worst known,
 * not "nothing known"); null only when no month 1..m is reported.
 */
export function suggestKnownSpendLikelihood(
  project: Project,
  spending: readonly MonthlySpending[],
  spend: SpendEvaluation,
  t: Thresholds,
): Likelihood | null {
  if (spend.isReported) return suggestSpendLikelihood(spend)
  const missing = new Set(spend.unreportedMonths)
  const known = MONTHS.filter((m) => m < spend.month && !missing.has(m)).at(-1)
  return known === undefined ? null : suggestSpendLikelihood(evaluateSpend(project, spending, known, t))
}

/**
 * Suggested 完成目标可能性 of one indicator at month m that never improves because month m is
 * blank: a count without month m's entry keeps the suggestion of its latest entered month.
 */
export function suggestKnownIndicatorLikelihood(
  e: IndicatorEvaluation,
  values: readonly IndicatorValue[],
  month: Month,
  t: Thresholds,
): Likelihood | null {
  const direct = suggestIndicatorLikelihood(e)
  if (direct !== null || e.indicator.target.kind !== 'cumulative' || !hasNumericTarget(e.indicator)) return direct
  let known: Month | null = null
  for (const v of values) {
    if (v.indicatorId === e.indicator.id && v.value !== null && v.month < month && (known === null || v.month > known)) known = v.month
  }
  return known === null ? null : suggestIndicatorLikelihood(evaluateIndicator(e.indicator, values, known, t))
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
export function applyLikelihood<S extends Status>(status: S, likelihood: Likelihood | null): S | 'red' | 'yellow' {
  if (likelihood === 'impossible') return 'red'
  // Even a project with nothing reported becomes yellow: the user has judged it at risk.
  if (likelihood === 'possible') return atLeast(status, 'yellow')
  return status
}

/**
 * A project's figures at an as-of month: the part of its evaluation (evaluateProject) that the
 * overview's cards, comparison bars and table show. Small enough to be stored one row per project
 * and month (src/db/figureRepository.ts), so a bureau's 10,000 projects open without evaluating
 * them; a ProjectEvaluation is one too (functions that only show figures take either).
 */
import type { IndicatorEvaluation } from './indicatorEvaluation'
import type { ProjectEvaluation } from './projectEvaluation'
import type { SpendEvaluation } from './spend'
import type { Month, Project, ProjectStatus, Thresholds } from './types'

/** The spend figures shown per project (SpendEvaluation's, in 分 and % of the budget in force). */
export type SpendFigures = Pick<
  SpendEvaluation,
  | 'month'
  | 'budget'
  | 'executed'
  | 'isReported'
  | 'executionRate'
  | 'planned'
  | 'planSource'
  | 'timeProgress'
  | 'deviation'
  | 'status'
  | 'isOverBudget'
  | 'unreportedMonths'
  | 'forecastRate'
  | 'forecastAmount'
>

export interface ProjectFigures {
  readonly project: Pick<Project, 'id' | 'year' | 'departmentCode' | 'code' | 'name'>
  readonly month: Month
  readonly spend: SpendFigures
  /** Each indicator's status at the month, in document order */
  readonly indicators: readonly Pick<IndicatorEvaluation, 'status'>[]
  readonly status: ProjectStatus
  readonly missing: readonly string[]
  readonly isMismatch: boolean
}

/** The figures of an evaluation, copied to plain values (what is stored per project and month). */
export function figuresOf(e: ProjectEvaluation): ProjectFigures {
  const { project, spend } = e
  return {
    project: { id: project.id, year: project.year, departmentCode: project.departmentCode, code: project.code, name: project.name },
    month: e.month,
    spend: {
      month: spend.month,
      budget: spend.budget,
      executed: spend.executed,
      isReported: spend.isReported,
      executionRate: spend.executionRate,
      planned: spend.planned,
      planSource: spend.planSource,
      timeProgress: spend.timeProgress,
      deviation: spend.deviation,
      status: spend.status,
      isOverBudget: spend.isOverBudget,
      unreportedMonths: [...spend.unreportedMonths],
      forecastRate: spend.forecastRate,
      forecastAmount: spend.forecastAmount,
    },
    indicators: e.indicators.map((i) => ({ status: i.status })),
    status: e.status,
    missing: [...e.missing],
    isMismatch: e.isMismatch,
  }
}

/**
 * The thresholds as a key: figures stored under one set of thresholds are the figures only
 * while the settings hold the same values (keys sorted, so equal thresholds give equal keys).
 */
export function thresholdsKey(t: Thresholds): string {
  return JSON.stringify(Object.fromEntries(Object.entries(t).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))
}

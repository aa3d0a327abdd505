import type { Indicator, IndicatorValue, MonitoringNote, MonthlySpending, Project } from './types'

/** One project with everything entered for it: all months' actuals and notes. */
export interface ProjectData {
  readonly project: Project
  readonly indicators: readonly Indicator[]
  readonly spending: readonly MonthlySpending[]
  readonly values: readonly IndicatorValue[]
  readonly notes: readonly MonitoringNote[]
}

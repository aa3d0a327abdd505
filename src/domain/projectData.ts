import type { BudgetAdjustment } from './budgetAdjustment'
import type { TargetAdjustment } from './targetAdjustment'
import type { Indicator, IndicatorValue, MonitoringNote, MonthlySpending, Project } from './types'

/** One project with everything entered for it: all months' actuals, notes and adjustments. */
export interface ProjectData {
  readonly project: Project
  readonly indicators: readonly Indicator[]
  readonly spending: readonly MonthlySpending[]
  readonly values: readonly IndicatorValue[]
  readonly notes: readonly MonitoringNote[]
  /** 调整预算 of the project, any date of the year; absent = none (test data, older callers) */
  readonly budgetAdjustments?: readonly BudgetAdjustment[]
  /** 调整目标 versions of its indicators; absent = none */
  readonly targetAdjustments?: readonly TargetAdjustment[]
}

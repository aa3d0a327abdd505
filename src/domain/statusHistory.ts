/**
 * How many projects were 红/黄/绿/未填报 at each month end of the year: the department view's
 * "are things getting better" chart. Each month is evaluated as if it were the as-of month,
 * with that month's note (rule 7's likelihood belongs to one monitoring round).
 */
import { countStatuses } from './departmentSummary'
import type { ProjectData } from './projectData'
import { evaluateProjectData } from './projectEvaluation'
import { DEFAULT_THRESHOLDS, MONTHS, type Month, type ProjectStatus, type Thresholds } from './types'

/** A project with all months' notes, like the stored project data. */
export type StatusHistoryItem = ProjectData

export interface MonthStatusCounts {
  readonly month: Month
  /** Number of projects per project status at the end of the month */
  readonly counts: Readonly<Record<ProjectStatus, number>>
}

/** Project status counts at each month end 1..throughMonth. */
export function buildStatusHistory(
  items: readonly StatusHistoryItem[],
  throughMonth: Month,
  t: Thresholds = DEFAULT_THRESHOLDS,
): readonly MonthStatusCounts[] {
  return MONTHS.filter((m) => m <= throughMonth).map((month) => ({
    month,
    counts: countStatuses(items.map((item) => evaluateProjectData(item, month, t))),
  }))
}

import type { BudgetAdjustment } from '@/domain/budgetAdjustment'
import type { TargetAdjustment } from '@/domain/targetAdjustment'
import type { ProjectFigures } from '@/domain/projectFigures'
import type { Indicator, ManualStatus, MonitoringNote, Project } from '@/domain/types'

/**
 * The stored rows. Each is defined once, as a schema in src/schema/records.ts; the types come
 * from there (type-only: the database code ships no validator).
 */
export type {
  ActionItemRecord,
  AgendaFlagRecord,
  BudgetAdjustmentRecord,
  ChangeKind,
  ChangeRecord,
  DecisionRecord,
  DepartmentRecord,
  ImportRecord,
  IndicatorNoteRecord,
  IndicatorRecord,
  IndicatorValueRecord,
  MeetingDecision,
  MeetingMinutesRecord,
  MonthLockRecord,
  NoteRecord,
  ProjectRecord,
  PulledMarker,
  ReportedRoundRecord,
  SettingRecord,
  SpendingRecord,
  TargetAdjustmentRecord,
} from '@/schema/records'

/**
 * A project's figures at one as-of month, stored in its department's DepartmentFiguresRecord
 * (v8 stored them a row each, keyed [month+projectId]): derived from its
 * summary under the thresholds keyed `t` (thresholdsKey); figures null when the project is not
 * active at that month (archived before it).
 */
export interface ProjectFigureRecord {
  readonly month: number
  readonly projectId: string
  readonly departmentCode: string
  /** Position in its source document, for document order */
  readonly order: number
  /** thresholdsKey of the thresholds the figures were computed under */
  readonly t: string
  /** The project's latest month with data (latestDataMonth), the same in its 12 rows */
  readonly latest: number | null
  readonly figures: ProjectFigures | null
}

/**
 * A department's figures at one as-of month (v9), keyed [month+scope]: the ProjectFigureRecord
 * of each of its projects, as one JSON text in document order. One row a department, not one a
 * project: IndexedDB's cost is per record (a bureau's 10,000 small records take ~150 ms to read,
 * its 200 department texts ~30 ms and ~25 ms to parse), so a month of a bureau is 200 rows.
 */
export interface DepartmentFiguresRecord {
  readonly month: number
  /** The department's project-id prefix, `year/departmentCode/` (a scope's prefix is a key range) */
  readonly scope: string
  /** JSON of the department's ProjectFigureRecord[] at the month, by position in the document */
  readonly rows: string
}

/**
 * A project's summary (v7, derived: rebuilt from the rows above, never in a backup): what
 * evaluating it at any as-of month needs, in one row. Spending and each indicator's entries
 * are columns by month (months ascending); the rest are the domain values as mapped.
 */
export interface ProjectSummaryRecord {
  readonly projectId: string
  /** Position in its source document, for document order */
  readonly order: number
  readonly project: Project
  /** In document order */
  readonly indicators: readonly Indicator[]
  readonly spendingMonths: number[]
  readonly spendingAmounts: number[]
  /** Entries per indicator (by indicator id): month, value and hand-set status, month ascending */
  readonly values: { readonly indicatorId: string; readonly months: number[]; readonly values: (number | null)[]; readonly statuses: (ManualStatus | null)[] }[]
  readonly notes: readonly MonitoringNote[]
  readonly budgetAdjustments: readonly BudgetAdjustment[]
  readonly targetAdjustments: readonly TargetAdjustment[]
}

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

/**
 * The backup file: every table of the browser's database as JSON. This module names its tables
 * and writes files; it holds no validator, so writing a backup loads none. Reading one is
 * ./backup.ts (loaded only when a file is restored).
 */
import type {
  ActionItemRecord,
  AgendaFlagRecord,
  BudgetAdjustmentRecord,
  ChangeRecord,
  DecisionRecord,
  DepartmentRecord,
  ImportRecord,
  IndicatorNoteRecord,
  IndicatorRecord,
  IndicatorValueRecord,
  MeetingMinutesRecord,
  MonthLockRecord,
  NoteRecord,
  ProjectRecord,
  ReportedRoundRecord,
  SettingRecord,
  SpendingRecord,
  TargetAdjustmentRecord,
} from './records'

export const BACKUP_FORMAT = 'budget-performance-monitor-backup'
/**
 * 2: 会议关注 is the table meetingAgendaFlags (version 1 files call it agendaFlags).
 * 3: 调整预算, 调整目标, 已报送 rounds, per-indicator notes and meeting records; older files have none.
 */
export const BACKUP_VERSION = 3
/** The name version 1 files give 会议关注; read as meetingAgendaFlags. */
export const LEGACY_AGENDA_TABLE = 'agendaFlags'

/** The tables every backup holds, by their database names. */
export interface BackupTables {
  departments: DepartmentRecord[]
  projects: ProjectRecord[]
  indicators: IndicatorRecord[]
  spending: SpendingRecord[]
  indicatorValues: IndicatorValueRecord[]
  notes: NoteRecord[]
  changes: ChangeRecord[]
  settings: SettingRecord[]
  imports: ImportRecord[]
  monthLocks: MonthLockRecord[]
  meetingAgendaFlags: AgendaFlagRecord[]
  decisions: DecisionRecord[]
  actionItems: ActionItemRecord[]
  budgetAdjustments: BudgetAdjustmentRecord[]
  targetAdjustments: TargetAdjustmentRecord[]
  /** 已报送 rounds as reported; absent in files written before it existed (read as none) */
  reportedRounds: ReportedRoundRecord[]
  indicatorNotes: IndicatorNoteRecord[]
  meetingRecords: MeetingMinutesRecord[]
}

export type BackupTableName = keyof BackupTables

/** Chinese names of the tables, for messages; in the order a restore writes them. */
export const BACKUP_TABLE_LABELS: Readonly<Record<BackupTableName, string>> = {
  departments: '单位',
  projects: '项目',
  indicators: '指标',
  spending: '月度支出',
  indicatorValues: '指标月度值',
  notes: '监控说明',
  changes: '修改记录',
  settings: '设置',
  imports: '导入记录',
  monthLocks: '已报送月份',
  meetingAgendaFlags: '会议关注',
  decisions: '会议决定',
  actionItems: '整改措施',
  budgetAdjustments: '预算调整',
  targetAdjustments: '目标调整',
  reportedRounds: '已报送数据',
  indicatorNotes: '指标监控说明',
  meetingRecords: '会议纪要',
}

/** The format version that added each table after version 1; a file older than that has none (read as empty). */
export const TABLE_SINCE_VERSION: Readonly<Partial<Record<BackupTableName, number>>> = {
  budgetAdjustments: 3,
  targetAdjustments: 3,
  reportedRounds: 3,
  indicatorNotes: 3,
  meetingRecords: 3,
}


export const BACKUP_TABLE_NAMES = Object.keys(BACKUP_TABLE_LABELS) as BackupTableName[]

/** Tables added to the database after this format was written: plain rows, by table name. */
export type ExtraTables = Readonly<Record<string, Record<string, unknown>[]>>

export interface BackupFile {
  readonly format: typeof BACKUP_FORMAT
  /** The version the file was written in (it is read as the current one). */
  readonly version: number
  /** ISO timestamp. */
  readonly exportedAt: string
  readonly tables: BackupTables
  /** Tables of later schema versions, restored as they are when the database has them. */
  readonly extraTables: ExtraTables
}

export interface BackupDepartmentSummary {
  readonly code: string
  readonly name: string
  readonly years: readonly number[]
  readonly projectCount: number
}

/** What a backup holds, shown before it replaces the current data. */
export interface BackupSummary {
  readonly exportedAt: string
  readonly departments: readonly BackupDepartmentSummary[]
  readonly years: readonly number[]
  readonly projectCount: number
  readonly indicatorCount: number
  /** 月度支出 + 指标月度值 entries. */
  readonly entryCount: number
  readonly noteCount: number
  readonly importCount: number
}

export type BackupValidation =
  | { readonly ok: true; readonly backup: BackupFile; readonly summary: BackupSummary }
  | { readonly ok: false; readonly error: string }

/** Departments, years and counts of a valid backup (linear in its rows). */
export function summarizeBackup(backup: BackupFile): BackupSummary {
  const { tables } = backup
  const names = new Map(tables.departments.map((row) => [row.code, row.name]))
  const byDepartment = new Map<string, { years: Set<number>; projectCount: number }>()
  const years = new Set<number>()
  for (const project of tables.projects) {
    years.add(project.year)
    const entry = byDepartment.get(project.departmentCode) ?? { years: new Set<number>(), projectCount: 0 }
    entry.years.add(project.year)
    entry.projectCount++
    byDepartment.set(project.departmentCode, entry)
  }
  const newestFirst = (set: Iterable<number>) => [...set].sort((a, b) => b - a)
  return {
    exportedAt: backup.exportedAt,
    departments: [...byDepartment.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, entry]) => ({ code, name: names.get(code) ?? '', years: newestFirst(entry.years), projectCount: entry.projectCount })),
    years: newestFirst(years),
    projectCount: tables.projects.length,
    indicatorCount: tables.indicators.length,
    entryCount: tables.spending.length + tables.indicatorValues.length,
    noteCount: tables.notes.length,
    importCount: tables.imports.length,
  }
}

/** The backup file's content for the given tables and moment (exportedAt as ISO). */
export function createBackupFile(
  tables: BackupTables,
  extraTables: ExtraTables,
  at: Date,
): { format: typeof BACKUP_FORMAT; version: number; exportedAt: string; tables: Record<string, unknown[]> } {
  // Extra tables first so a known table of the same name can never be shadowed.
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: at.toISOString(), tables: { ...extraTables, ...tables } }
}

/** File name `预算绩效监控备份-YYYYMMDD-HHmm.json`, in local time. */
export function backupFileName(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  const date = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`
  return `预算绩效监控备份-${date}-${pad(at.getHours())}${pad(at.getMinutes())}.json`
}

import Dexie, { type EntityTable, type Table } from 'dexie'
import type {
  ActionItemRecord,
  AgendaFlagRecord,
  ChangeRecord,
  DecisionRecord,
  DepartmentRecord,
  ImportRecord,
  IndicatorRecord,
  IndicatorValueRecord,
  MonthLockRecord,
  NoteRecord,
  ProjectRecord,
  SettingRecord,
  SpendingRecord,
} from './records'

export const DATABASE_NAME = 'budget-performance-monitor'

export type MonitorDatabase = Dexie & {
  departments: EntityTable<DepartmentRecord, 'code'>
  projects: EntityTable<ProjectRecord, 'id'>
  indicators: EntityTable<IndicatorRecord, 'id'>
  spending: Table<SpendingRecord, [string, number]>
  indicatorValues: Table<IndicatorValueRecord, [string, number]>
  notes: Table<NoteRecord, [string, number]>
  changes: EntityTable<ChangeRecord, 'id'>
  settings: EntityTable<SettingRecord, 'key'>
  imports: EntityTable<ImportRecord, 'id'>
  monthLocks: Table<MonthLockRecord, [number, string, number]>
  agendaFlags: Table<AgendaFlagRecord, [string, number]>
  decisions: Table<DecisionRecord, [string, number]>
  actionItems: EntityTable<ActionItemRecord, 'id'>
}

/** Opens (lazily) the app's IndexedDB database with every schema version declared. */
export function createDatabase(name: string = DATABASE_NAME): MonitorDatabase {
  const db = new Dexie(name) as MonitorDatabase
  // v1: departments, projects per year, indicators, monthly actuals keyed by (owner, month),
  // notes per as-of month, change log, settings and the list of imported documents.
  db.version(1).stores({
    departments: 'code',
    projects: 'id, [year+departmentCode], year',
    indicators: 'id, projectId',
    spending: '[projectId+month], projectId',
    indicatorValues: '[indicatorId+month], projectId, indicatorId',
    notes: '[projectId+month], projectId',
    changes: '++id, at, projectId, [projectId+month]',
    settings: 'key',
    imports: '++id, [year+departmentCode]',
  })
  // v2: 已报送 month locks, the meeting's agenda flags per (project, meeting month), decisions
  // and action items; change log indexed by kind. Existing rows need no change.
  db.version(2).stores({
    changes: '++id, at, projectId, [projectId+month], kind',
    monthLocks: '[year+departmentCode+month]',
    agendaFlags: '[projectId+month], projectId',
    decisions: '[projectId+month], projectId',
    actionItems: '++id, projectId, status, [projectId+month]',
  })
  return db
}

/** The app's single database instance. */
export const db = createDatabase()

import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie'
import type { Month } from '@/domain/types'
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
  DepartmentFiguresRecord,
  ProjectSummaryRecord,
  ReportedRoundRecord,
  SettingRecord,
  SpendingRecord,
  TargetAdjustmentRecord,
} from './records'
import type { OutboxRecord } from '@/api/outbox'
import { rebuildFiguresWith } from './figureRows'
import { rebuildSummariesWith } from './summaryRows'

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
  meetingAgendaFlags: Table<AgendaFlagRecord, [string, number]>
  decisions: Table<DecisionRecord, [string, number]>
  actionItems: EntityTable<ActionItemRecord, 'id'>
  budgetAdjustments: EntityTable<BudgetAdjustmentRecord, 'id'>
  targetAdjustments: EntityTable<TargetAdjustmentRecord, 'id'>
  reportedRounds: EntityTable<ReportedRoundRecord, 'id'>
  indicatorNotes: Table<IndicatorNoteRecord, [string, number]>
  meetingRecords: Table<MeetingMinutesRecord, [number, string, number]>
  outbox: EntityTable<OutboxRecord, 'id'>
  projectSummaries: Table<ProjectSummaryRecord, string>
  departmentFigures: Table<DepartmentFiguresRecord, [number, string]>
}

/** Dexie stores strings of one schema version: key and indexed fields; null deletes a table. */
export type SchemaStores = Readonly<Record<string, string | null>>

/**
 * Every schema version ever shipped, as declared. A shipped version is never edited: a schema
 * change is a new version (tests/db/database.test.ts holds the shipped ones fixed).
 */
export const SCHEMA_VERSIONS: readonly { readonly version: number; readonly stores: SchemaStores }[] = [
  // v1: departments, projects per year, indicators, monthly actuals keyed by (owner, month),
  // notes per as-of month, change log, settings and the list of imported documents.
  {
    version: 1,
    stores: {
      departments: 'code',
      projects: 'id, [year+departmentCode], year',
      indicators: 'id, projectId',
      spending: '[projectId+month], projectId',
      indicatorValues: '[indicatorId+month], projectId, indicatorId',
      notes: '[projectId+month], projectId',
      changes: '++id, at, projectId, [projectId+month]',
      settings: 'key',
      imports: '++id, [year+departmentCode]',
    },
  },
  // v2: 已报送 month locks, the meeting's agenda flags per (project, meeting month), decisions
  // and action items; change log indexed by kind. Existing rows need no change. Profiles
  // created before the agendaFlags key was changed in place still have it keyed by projectId.
  {
    version: 2,
    stores: {
      changes: '++id, at, projectId, [projectId+month], kind',
      monthLocks: '[year+departmentCode+month]',
      agendaFlags: '[projectId+month], projectId',
      decisions: '[projectId+month], projectId',
      actionItems: '++id, projectId, status, [projectId+month]',
    },
  },
  // v3: 会议关注 moves to meetingAgendaFlags keyed by (project, meeting month), whatever key
  // agendaFlags had (Dexie cannot change a primary key); rows without a month (one flag per
  // project, from before flags had one) hold from 1月, which is what they meant.
  {
    version: 3,
    stores: {
      agendaFlags: null,
      meetingAgendaFlags: '[projectId+month], projectId',
    },
  },
  // v4: 调整预算 (dated budget adjustments per project, a 调剂 two rows sharing transferGroup)
  // and 调整目标 (target versions per indicator); 已报送 rounds frozen as reported, one row per
  // report of a department's month (a reopened one stays, as history). New tables only.
  {
    version: 4,
    stores: {
      budgetAdjustments: '++id, projectId, transferGroup',
      targetAdjustments: '++id, indicatorId, projectId',
      reportedRounds: '++id, [year+departmentCode+month]',
    },
  },
  // v5: per-indicator monitoring notes per as-of month, and the meeting record (会议纪要) of a
  // department's meeting per month. Action items gain optional 整改 fields (no index, no upgrade).
  {
    version: 5,
    stores: {
      indicatorNotes: '[indicatorId+month], projectId',
      meetingRecords: '[year+departmentCode+month]',
    },
  },
  // v6: the outbox of rounds 报送-ed to the 财政局 server, one row per revision sent (or waiting
  // to be sent), by round and by delivery state.
  {
    version: 6,
    stores: {
      outbox: '++id, [year+departmentCode+month], state',
    },
  },
  // v7: one summary row per project (ProjectSummaryRecord), keyed by project id so a scope is
  // one primary-key range; derived from the rows (built by the upgrade, rebuilt on restore).
  {
    version: 7,
    stores: {
      projectSummaries: 'projectId',
    },
  },
  // v8: each project's figures at each as-of month (ProjectFigureRecord), keyed [month+projectId]
  // so a scope at a month is one primary-key range of small rows; derived from the summaries
  // under the saved thresholds (built by the upgrade, rebuilt on restore).
  {
    version: 8,
    stores: {
      projectFigures: '[month+projectId]',
    },
  },
  // v9: the figures by department (DepartmentFiguresRecord), keyed [month+scope]: IndexedDB's
  // cost is per record, so a bureau's month is 200 rows instead of 10,000; v8's table goes.
  {
    version: 9,
    stores: {
      projectFigures: null,
      departmentFigures: '[month+scope]',
    },
  },
]

const storesOf = (version: number): SchemaStores => {
  const found = SCHEMA_VERSIONS.find((entry) => entry.version === version)
  if (!found) throw new Error(`schema version ${version} is not declared`)
  return found.stores
}

/** v3 upgrade: copies every 会议关注 row of agendaFlags, if the profile has that table, into meetingAgendaFlags. */
async function moveAgendaFlags(transaction: Transaction): Promise<void> {
  // A profile upgraded from v1 never had the table.
  if (!transaction.idbtrans.db.objectStoreNames.contains('agendaFlags')) return
  const rows: Record<string, unknown>[] = await transaction.table('agendaFlags').toArray()
  const moved = rows.map((row) => ({ ...row, month: isMonth(row.month) ? row.month : 1 }))
  await transaction.table('meetingAgendaFlags').bulkPut(moved)
}

const isMonth = (value: unknown): value is Month => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 12

/** Opens (lazily) the app's IndexedDB database with every schema version declared. */
export function createDatabase(name: string = DATABASE_NAME): MonitorDatabase {
  const db = new Dexie(name) as MonitorDatabase
  db.version(1).stores(storesOf(1))
  // v2 is declared together with v3, not on its own: Dexie re-applies the version a profile is
  // at before upgrading it, and on a profile whose agendaFlags is keyed by projectId that step
  // would change the key and fail (UpgradeError). v3 deletes that table, so no step re-keys it.
  db.version(3)
    .stores({ ...storesOf(2), ...storesOf(3) })
    .upgrade(moveAgendaFlags)
  db.version(4).stores(storesOf(4))
  db.version(5).stores(storesOf(5))
  db.version(6).stores(storesOf(6))
  db.version(7)
    .stores(storesOf(7))
    .upgrade((transaction) => rebuildSummariesWith((name) => transaction.table(name)))
  // v8 built its projectFigures from the summaries; v9 deletes that table and builds the
  // department figures from the summaries, so v8 itself has nothing left to do.
  db.version(8).stores(storesOf(8))
  db.version(9)
    .stores(storesOf(9))
    .upgrade((transaction) => rebuildFiguresWith((name) => transaction.table(name)))
  return db
}

/** The app's single database instance. */
export const db = createDatabase()

import type { Table } from 'dexie'
import { db as defaultDb, type MonitorDatabase } from './database'
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

/** Every table the app knows, as rows: what a backup holds and a restore writes. */
export interface DatabaseTables {
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
  agendaFlags: AgendaFlagRecord[]
  decisions: DecisionRecord[]
  actionItems: ActionItemRecord[]
}

export interface DatabaseSnapshot {
  readonly tables: DatabaseTables
  /** Tables of later schema versions that DatabaseTables does not name yet, by name. */
  readonly extraTables: Record<string, Record<string, unknown>[]>
}

/** Raised when a backup cannot be restored; the database is left as it was. */
export class RestoreRejectedError extends Error {
  override readonly name = 'RestoreRejectedError'
}

const KNOWN = (database: MonitorDatabase) =>
  ({
    departments: database.departments,
    projects: database.projects,
    indicators: database.indicators,
    spending: database.spending,
    indicatorValues: database.indicatorValues,
    notes: database.notes,
    changes: database.changes,
    settings: database.settings,
    imports: database.imports,
    monthLocks: database.monthLocks,
    agendaFlags: database.agendaFlags,
    decisions: database.decisions,
    actionItems: database.actionItems,
  }) as const

/** Reads every table in one consistent read transaction, for a backup file. */
export async function exportBackup(database: MonitorDatabase = defaultDb): Promise<DatabaseSnapshot> {
  const known = KNOWN(database)
  const knownNames = new Set<string>(Object.keys(known))
  return database.transaction('r', database.tables, async () => {
    const tables: DatabaseTables = {
      departments: await known.departments.toArray(),
      projects: await known.projects.toArray(),
      indicators: await known.indicators.toArray(),
      spending: await known.spending.toArray(),
      indicatorValues: await known.indicatorValues.toArray(),
      notes: await known.notes.toArray(),
      changes: await known.changes.toArray(),
      settings: await known.settings.toArray(),
      imports: await known.imports.toArray(),
      monthLocks: await known.monthLocks.toArray(),
      agendaFlags: await known.agendaFlags.toArray(),
      decisions: await known.decisions.toArray(),
      actionItems: await known.actionItems.toArray(),
    }
    const extraTables: Record<string, Record<string, unknown>[]> = {}
    for (const table of database.tables) {
      if (!knownNames.has(table.name)) extraTables[table.name] = await (table as Table<Record<string, unknown>>).toArray()
    }
    return { tables, extraTables }
  })
}

/**
 * Replaces ALL data with the given tables in one transaction: every table is cleared and
 * refilled, or, if anything fails, nothing changes. Rows keep their keys (also ++ ids).
 */
export async function restoreBackup(snapshot: DatabaseSnapshot, database: MonitorDatabase = defaultDb): Promise<void> {
  const unknown = Object.keys(snapshot.extraTables).filter((name) => !database.tables.some((table) => table.name === name))
  if (unknown.length > 0) {
    throw new RestoreRejectedError(`备份中有本程序不认识的数据表（${unknown.join('、')}），可能来自更新版本的程序；未写入任何数据。`)
  }
  const known = KNOWN(database)
  await database.transaction('rw', database.tables, async () => {
    // Tables the backup does not hold (added after it was made) are emptied too: restore replaces everything.
    for (const table of database.tables) await table.clear()
    await known.departments.bulkAdd(snapshot.tables.departments)
    await known.projects.bulkAdd(snapshot.tables.projects)
    await known.indicators.bulkAdd(snapshot.tables.indicators)
    await known.spending.bulkAdd(snapshot.tables.spending)
    await known.indicatorValues.bulkAdd(snapshot.tables.indicatorValues)
    await known.notes.bulkAdd(snapshot.tables.notes)
    await known.changes.bulkAdd(snapshot.tables.changes)
    await known.settings.bulkAdd(snapshot.tables.settings)
    await known.imports.bulkAdd(snapshot.tables.imports)
    await known.monthLocks.bulkAdd(snapshot.tables.monthLocks)
    await known.agendaFlags.bulkAdd(snapshot.tables.agendaFlags)
    await known.decisions.bulkAdd(snapshot.tables.decisions)
    await known.actionItems.bulkAdd(snapshot.tables.actionItems)
    for (const [name, rows] of Object.entries(snapshot.extraTables)) {
      await (database.table(name) as Table<Record<string, unknown>>).bulkAdd(rows)
    }
  })
}

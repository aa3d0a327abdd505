import Dexie, { type Table } from 'dexie'
import { newChange } from './changeLogRepository'
import { db as defaultDb, type MonitorDatabase } from './database'
import { planRestoreRounds, type RestoreRoundsMode } from './restoreRounds'
import { figuresInSlices } from './figureRows'
import { DERIVED_TABLES, summariesInSlices } from './summaryRows'
import { BACKUP_TABLE_LABELS, BACKUP_TABLE_NAMES, type BackupTableName, type BackupTables, type ExtraTables } from '@/schema/backupFile'

/** Every table the app knows, as rows: what a backup holds and a restore writes. */
export type DatabaseTables = BackupTables

export interface DatabaseSnapshot {
  readonly tables: DatabaseTables
  /** Tables of later schema versions that DatabaseTables does not name yet, by name. */
  readonly extraTables: ExtraTables
}

/** Raised when a backup cannot be restored; the database is left as it was. */
export class RestoreRejectedError extends Error {
  override readonly name = 'RestoreRejectedError'
}

const rowsOf = (database: MonitorDatabase, name: string) => database.table(name) as Table<Record<string, unknown>>

/** Reads every table in one consistent read transaction, for a backup file. */
export async function exportBackup(database: MonitorDatabase = defaultDb): Promise<DatabaseSnapshot> {
  const known = new Set<string>(BACKUP_TABLE_NAMES)
  return database.transaction('r', database.tables, async () => {
    const tables = {} as Record<BackupTableName, unknown[]>
    for (const name of BACKUP_TABLE_NAMES) tables[name] = await rowsOf(database, name).toArray()
    const extraTables: Record<string, Record<string, unknown>[]> = {}
    for (const table of database.tables) {
      // Derived tables (the project summaries) are rebuilt on restore, never carried.
      if (!known.has(table.name) && !DERIVED_TABLES.includes(table.name)) extraTables[table.name] = await rowsOf(database, table.name).toArray()
    }
    return { tables: tables as DatabaseTables, extraTables }
  })
}

/**
 * Rows per bulkAdd of a restore. Each row's add (its structured clone) runs on the page's
 * thread as the batch is handed over, about 10–70 µs a row on this 2-core machine: 2,000 rows
 * keep that task well under 200 ms, where 10,000 made tasks of 0.7–1.7 s under load.
 */
export const RESTORE_BATCH_ROWS = 2000
/** Batches handed to the database ahead: one is written while the next waits, so it never idles. */
const BATCHES_IN_FLIGHT = 2

/** How far a restore has come: rows written of all rows, and the table being written. */
export interface RestoreProgress {
  readonly rowsWritten: number
  readonly rowCount: number
  readonly tableName: string
}

interface Batch {
  readonly name: string
  readonly rows: readonly Record<string, unknown>[]
}

/**
 * Rows per batch of tables whose rows are large: a department's figures at a month is one text
 * of ~40 KB at 50 projects, so 2,000 of them (80 MB) would be one long task to hand over.
 */
const LARGE_ROW_BATCH: Readonly<Record<string, number>> = { departmentFigures: 50 }

function* batchesOf(tables: readonly (readonly [name: string, rows: readonly Record<string, unknown>[]])[]): Generator<Batch> {
  for (const [name, rows] of tables) {
    const size = LARGE_ROW_BATCH[name] ?? RESTORE_BATCH_ROWS
    for (let start = 0; start < rows.length; start += size) yield { name, rows: rows.slice(start, start + size) }
  }
}

/**
 * Writes every table's rows in batches of RESTORE_BATCH_ROWS inside the caller's transaction.
 * The next batch is handed over when an earlier one completes, that is in the database's own
 * callback, so the transaction stays alive; between batches the page draws and answers input.
 * Any table, known or added later, is written the same way: rows are plain objects keyed by the table.
 */
async function writeInBatches(
  database: MonitorDatabase,
  tables: readonly (readonly [name: string, rows: readonly Record<string, unknown>[]])[],
  onWriting: (name: string) => void,
  onProgress: (progress: RestoreProgress) => void,
): Promise<void> {
  const rowCount = tables.reduce((sum, [, rows]) => sum + rows.length, 0)
  let rowsWritten = 0
  const pending = batchesOf(tables)
  const inFlight: { readonly batch: Batch; readonly done: Promise<unknown> }[] = []
  const handOver = () => {
    const next = pending.next()
    if (next.done) return
    const batch = next.value
    const done = rowsOf(database, batch.name).bulkAdd(batch.rows as Record<string, unknown>[])
    // Seen by the loop below; a failure of a batch not yet awaited is not "unhandled".
    done.catch(() => undefined)
    inFlight.push({ batch, done })
  }
  for (let i = 0; i < BATCHES_IN_FLIGHT; i++) handOver()
  for (let oldest = inFlight.shift(); oldest; oldest = inFlight.shift()) {
    onWriting(oldest.batch.name)
    await oldest.done
    handOver()
    rowsWritten += oldest.batch.rows.length
    onProgress({ rowsWritten, rowCount, tableName: oldest.batch.name })
  }
}

/**
 * Replaces ALL data with the given tables in one transaction: every table is cleared and
 * refilled in batches (onProgress after each), or, if anything fails, nothing changes. Rows
 * keep their keys (also ++ ids).
 * 已报送 months: by default (`keep`) a restore never unlocks a month nor replaces what was
 * reported; the backup's locks and reports are taken only for months this browser has none of
 * (planRestoreRounds), and the months kept are logged. `backup` takes the backup's as they are.
 */
export async function restoreBackup(
  snapshot: DatabaseSnapshot,
  database: MonitorDatabase = defaultDb,
  rounds: { readonly mode: RestoreRoundsMode; readonly actor: string } = { mode: 'keep', actor: '恢复备份' },
  onProgress: (progress: RestoreProgress) => void = () => undefined,
): Promise<void> {
  // A derived table in a file (none is written) is ignored: it is rebuilt from the rows.
  const extraTables = Object.entries(snapshot.extraTables).filter(([name]) => !DERIVED_TABLES.includes(name))
  const unknown = extraTables.map(([name]) => name).filter((name) => !database.tables.some((table) => table.name === name))
  if (unknown.length > 0) {
    throw new RestoreRejectedError(`备份中有本程序不认识的数据表（${unknown.join('、')}），可能来自更新版本的程序；未写入任何数据。`)
  }
  const labels: Record<string, string> = Object.fromEntries(BACKUP_TABLE_NAMES.map((name) => [name, `「${BACKUP_TABLE_LABELS[name]}」表（${name}）`]))
  let writing = ''
  // The summaries of the backup's projects, built before the transaction (in slices, between
  // which the page draws): a transaction must not wait on timers, it would commit.
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0))
  const summaries = await summariesInSlices(snapshot.tables, pause)
  // Their figures at every month, under the thresholds the backup's settings hold.
  const figures = await figuresInSlices(summaries, snapshot.tables.settings, pause)
  try {
    await database.transaction('rw', database.tables, async () => {
      const current = { monthLocks: await database.monthLocks.toArray(), reportedRounds: await database.reportedRounds.toArray() }
      const reported = planRestoreRounds(current, snapshot.tables, rounds.mode)
      const tables = { ...snapshot.tables, monthLocks: [...reported.monthLocks], reportedRounds: [...reported.reportedRounds] }
      // Tables the backup does not hold (added after it was made) are emptied too: restore replaces everything.
      for (const table of database.tables) await table.clear()
      const entries = [
        ...BACKUP_TABLE_NAMES.map((name) => [name, tables[name] as Record<string, unknown>[]] as const),
        ...extraTables,
        // The summaries of the restored rows, built from them (a backup does not carry them).
        ['projectSummaries', summaries as unknown as Record<string, unknown>[]] as const,
        ['departmentFigures', figures as unknown as Record<string, unknown>[]] as const,
      ]
      await writeInBatches(database, entries, (name) => (writing = labels[name] ?? `数据表 ${name}`), onProgress)
      // Logged where keeping made a difference: a lock the backup does not hold as it is here.
      const isInBackup = (l: (typeof current.monthLocks)[number]) =>
        snapshot.tables.monthLocks.some((b) => b.year === l.year && b.departmentCode === l.departmentCode && b.month === l.month && b.lockedAt === l.lockedAt)
      const keptLocks = rounds.mode === 'keep' ? current.monthLocks.filter((l) => !isInBackup(l)) : []
      if (keptLocks.length > 0) {
        const months = keptLocks.map((l) => `${l.year}年${l.month}月（${l.departmentCode}）`).join('、')
        await database.changes.add(
          newChange({
            actor: rounds.actor,
            kind: 'lock',
            projectId: null,
            month: null,
            oldValue: null,
            newValue: keptLocks,
            summary: `恢复备份：保持已报送 ${months}，报送时的数据保留`,
          }),
        )
      }
    })
  } catch (error) {
    if (error instanceof Dexie.DexieError || error instanceof Dexie.BulkError) {
      // The database's own refusal (a duplicate key, …): in Chinese, naming the table; the transaction undid everything.
      throw new RestoreRejectedError(`写入${writing}时数据库拒绝了备份中的记录（${error.name}），可能是重复的记录；未写入任何数据。`)
    }
    throw error
  }
}

import Dexie, { liveQuery, type Observable } from 'dexie'
import { buildReportedRound, lockedWithoutRound } from '@/domain/reportedRound'
import type { Month } from '@/domain/types'
import { db as defaultDb, type MonitorDatabase } from './database'
import { loadActionItems } from './meetingRepository'
import { loadProjectData, projectDataTables, type Scope } from './monitorRepository'
import type { MonthLockRecord, ReportedRoundRecord } from './records'
import { getSettings } from './settingsRepository'

/** The tables a 报送 reads and writes: the scope's data and 整改 items, the settings, the lock, the round and the log. */
export function reportTables(database: MonitorDatabase) {
  return [
    ...projectDataTables(database),
    database.actionItems,
    database.settings,
    database.monthLocks,
    database.reportedRounds,
    database.changes,
  ]
}

const roundKey = (year: number, departmentCode: string, month: Month) => [year, departmentCode, month] as const

/** Every report of a department's month, first to last (revision order), reopened ones included. */
export async function loadRoundHistory(
  year: number,
  departmentCode: string,
  month: Month,
  database: MonitorDatabase = defaultDb,
): Promise<ReportedRoundRecord[]> {
  const rows = await database.reportedRounds.where('[year+departmentCode+month]').equals(roundKey(year, departmentCode, month)).toArray()
  return rows.sort((a, b) => a.revision - b.revision)
}

/** Live version of loadRoundHistory. */
export function observeRoundHistory(year: number, departmentCode: string, month: Month, database: MonitorDatabase = defaultDb): Observable<ReportedRoundRecord[]> {
  return liveQuery(() => loadRoundHistory(year, departmentCode, month, database))
}

/**
 * Stores the round of a department's month as it stands now (the caller's transaction must
 * include reportTables): evaluated with the saved thresholds, with the 整改 items as they are;
 * the revision follows the month's earlier reports. Returns the stored round.
 */
export async function storeReportedRound(
  year: number,
  departmentCode: string,
  month: Month,
  actor: string,
  reportedAt: string,
  database: MonitorDatabase,
): Promise<ReportedRoundRecord> {
  const [data, settings, earlier, actions] = await Promise.all([
    loadProjectData({ year, departmentCode }, database),
    getSettings(database),
    database.reportedRounds.where('[year+departmentCode+month]').equals(roundKey(year, departmentCode, month)).toArray(),
    loadActionItems({ year, departmentCode }, database),
  ])
  const revision = earlier.reduce((max, row) => Math.max(max, row.revision), 0) + 1
  const round = buildReportedRound(data, { year, departmentCode, month, revision, reportedAt, reportedBy: actor }, settings.thresholds, actions)
  const record: ReportedRoundRecord = { ...round, reopenedAt: null, reopenedBy: null, reopenReason: null }
  const id = await database.reportedRounds.add(record)
  return { ...record, id }
}

/**
 * Key bounds of a scope on a [year+departmentCode+month] index (both included): one
 * department's year, or every department of the year (from [year] up to [year, maxKey]).
 */
function scopeBounds(scope: Scope): [unknown[], unknown[]] {
  return scope.departmentCode === null
    ? [[scope.year], [scope.year, Dexie.maxKey]]
    : [[scope.year, scope.departmentCode, Dexie.minKey], [scope.year, scope.departmentCode, Dexie.maxKey]]
}

/** True for a round that stands: not reopened, and its month still locked. */
function isStanding(round: ReportedRoundRecord, locks: readonly MonthLockRecord[]): boolean {
  return round.reopenedAt === null && locks.some((l) => l.year === round.year && l.departmentCode === round.departmentCode && l.month === round.month)
}

/**
 * The standing 已报送 rounds of a scope (one department's year, or every department of the
 * year), at most one per department and month: the latest report of a month still locked.
 */
export async function loadReportedRounds(scope: Scope, database: MonitorDatabase = defaultDb): Promise<ReportedRoundRecord[]> {
  return database.transaction('r', [database.reportedRounds, database.monthLocks], async () => {
    const [lower, upper] = scopeBounds(scope)
    const [rounds, locks] = await Promise.all([
      database.reportedRounds.where('[year+departmentCode+month]').between(lower, upper, true, true).toArray(),
      database.monthLocks.where('[year+departmentCode+month]').between(lower, upper, true, true).toArray(),
    ])
    const latest = new Map<string, ReportedRoundRecord>()
    for (const round of rounds.filter((r) => isStanding(r, locks))) {
      const key = `${round.departmentCode}|${round.month}`
      const seen = latest.get(key)
      if (!seen || seen.revision < round.revision) latest.set(key, round)
    }
    return [...latest.values()].sort((a, b) => a.departmentCode.localeCompare(b.departmentCode) || a.month - b.month)
  })
}

/** Live version of loadReportedRounds: re-emits when a round is reported, reopened or restored. */
export function observeReportedRounds(scope: Scope, database: MonitorDatabase = defaultDb): Observable<ReportedRoundRecord[]> {
  return liveQuery(() => loadReportedRounds(scope, database))
}

/**
 * The scope's locked months without a stored round (locked by a version that did not store
 * rounds; lockedWithoutRound): their pages show today's figures, with a notice saying so.
 */
export async function loadLocksWithoutRound(scope: Scope, database: MonitorDatabase = defaultDb): Promise<MonthLockRecord[]> {
  return database.transaction('r', [database.reportedRounds, database.monthLocks], async () => {
    const [lower, upper] = scopeBounds(scope)
    // One after the other: loadReportedRounds opens its own (nested) transaction.
    const rounds = await loadReportedRounds(scope, database)
    const locks = await database.monthLocks.where('[year+departmentCode+month]').between(lower, upper, true, true).toArray()
    return lockedWithoutRound(locks, rounds)
  })
}

/** Live version of loadLocksWithoutRound. */
export function observeLocksWithoutRound(scope: Scope, database: MonitorDatabase = defaultDb): Observable<MonthLockRecord[]> {
  return liveQuery(() => loadLocksWithoutRound(scope, database))
}

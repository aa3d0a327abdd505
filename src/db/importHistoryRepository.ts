import { liveQuery, type Observable } from 'dexie'
import { db as defaultDb, type MonitorDatabase } from './database'
import type { ImportRecord } from './records'

/** One imported document with its department's name. */
export interface ImportHistoryEntry extends ImportRecord {
  readonly departmentName: string
}

export interface ImportHistory {
  readonly entries: readonly ImportHistoryEntry[]
  /** All imports stored, of which `entries` are the newest. */
  readonly total: number
}

/** The newest `limit` imported documents, newest first, with the total count. */
export async function loadImportHistory(limit: number, database: MonitorDatabase = defaultDb): Promise<ImportHistory> {
  return database.transaction('r', [database.imports, database.departments], async () => {
    const rows = await database.imports.orderBy('id').reverse().limit(limit).toArray()
    const codes = [...new Set(rows.map((row) => row.departmentCode))]
    const departments = await database.departments.bulkGet(codes)
    const names = new Map(departments.flatMap((row) => (row ? [[row.code, row.name] as const] : [])))
    return {
      entries: rows.map((row) => ({ ...row, departmentName: names.get(row.departmentCode) ?? '' })),
      total: await database.imports.count(),
    }
  })
}

/** Live version of loadImportHistory. */
export function observeImportHistory(limit: number, database: MonitorDatabase = defaultDb): Observable<ImportHistory> {
  return liveQuery(() => loadImportHistory(limit, database))
}

/**
 * Project codes already stored for a year and department (and the codes of their last import,
 * which still find a project whose code was edited by hand): an import updates these, adds the rest.
 */
export async function findStoredProjectCodes(
  year: number,
  departmentCode: string,
  database: MonitorDatabase = defaultDb,
): Promise<Set<string>> {
  const rows = await database.projects.where('[year+departmentCode]').equals([year, departmentCode]).toArray()
  return new Set(rows.flatMap((row) => (row.importedCode === undefined ? [row.code] : [row.code, row.importedCode])))
}

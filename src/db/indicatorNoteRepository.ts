import { liveQuery, type Observable } from 'dexie'
import { isIndicatorNoteEmpty, type IndicatorNote } from '@/domain/indicatorNotes'
import type { Month } from '@/domain/types'
import { logChange, newChange } from './changeLogRepository'
import { db as defaultDb, type MonitorDatabase } from './database'
import { assertProjectMonthUnlocked } from './lockRepository'
import type { IndicatorNoteRecord } from './records'

/** A stored row as a plain record, fields in one order (they show in the change log and backups). */
function toRecord(note: IndicatorNote | IndicatorNoteRecord): IndicatorNoteRecord {
  return {
    indicatorId: note.indicatorId,
    projectId: note.projectId,
    month: note.month,
    reasons: [...note.reasons],
    likelihood: note.likelihood,
    explanation: note.explanation,
    remark: note.remark,
    forecast: note.forecast,
  }
}

/** Indicator notes of one project, every month. */
export async function listProjectIndicatorNotes(projectId: string, database: MonitorDatabase = defaultDb): Promise<IndicatorNote[]> {
  const rows = await database.indicatorNotes.where('projectId').equals(projectId).toArray()
  return rows.map(toRecord)
}

/** Live version of listProjectIndicatorNotes. */
export function observeProjectIndicatorNotes(projectId: string, database: MonitorDatabase = defaultDb): Observable<IndicatorNote[]> {
  return liveQuery(() => listProjectIndicatorNotes(projectId, database))
}

/**
 * Saves an indicator's monitoring note of one as-of month (an empty one is deleted), logged with
 * old → new; refused (MonthLockedError) when that month is 已报送. Change id, or null if unchanged.
 */
export async function saveIndicatorNote(note: IndicatorNote, actor: string, database: MonitorDatabase = defaultDb): Promise<number | null> {
  const tables = [database.projects, database.indicators, database.monthLocks, database.indicatorNotes, database.changes]
  return database.transaction('rw', tables, async () => {
    const indicator = await database.indicators.get(note.indicatorId)
    if (!indicator || indicator.projectId !== note.projectId) throw new Error(`指标不存在：${note.indicatorId}`)
    await assertProjectMonthUnlocked(note.projectId, note.month, database)
    const key: [string, Month] = [note.indicatorId, note.month]
    const stored = await database.indicatorNotes.get(key)
    const old = stored ? toRecord(stored) : null
    const row = isIndicatorNoteEmpty(note) ? null : toRecord(note)
    if (JSON.stringify(old) === JSON.stringify(row)) return null
    if (row === null) await database.indicatorNotes.delete(key)
    else await database.indicatorNotes.put(row)
    const summary = `${note.month}月指标监控说明：${indicator.name}`
    return logChange(
      database,
      newChange({ actor, kind: 'indicatorNote', projectId: note.projectId, indicatorId: note.indicatorId, month: note.month, oldValue: old, newValue: row, summary }),
    )
  })
}

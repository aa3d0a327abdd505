import { liveQuery, type Observable } from 'dexie'
import type { Fen, ManualStatus, MonitoringNote, Month } from '@/domain/types'
import { getChanges, logChange, newChange } from './changeLogRepository'
import { db as defaultDb, type MonitorDatabase } from './database'
import { assertProjectMonthUnlocked, listLocks } from './lockRepository'
import { loadProject, loadProjectDataFromRows, projectDataTables, type ProjectData, type Scope } from './monitorRepository'
import type { ChangeRecord, IndicatorValueRecord, MonthLockRecord, NoteRecord } from './records'
import { refreshProjectSummaries, summaryTables } from './summaryRepository'


/** An indicator entry as stored and logged: a number and/or a hand-set status. */
export interface IndicatorEntry {
  value: number | null
  manualStatus: ManualStatus | null
}

/** One cell write of a batch (a paste): spending in 分 or an indicator entry; null clears. */
export type EntryWrite =
  | { readonly kind: 'spending'; readonly projectId: string; readonly month: Month; readonly amount: Fen | null }
  | { readonly kind: 'indicator'; readonly indicatorId: string; readonly month: Month; readonly entry: IndicatorEntry }

/** Thrown by undo when a cell no longer holds what the change wrote (changed since, e.g. in another tab). */
export class UndoConflictError extends Error {
  constructor(summary: string) {
    super(`「${summary}」在此之后又被修改过，无法撤销。请在修改记录中选择要恢复的值。`)
    this.name = 'UndoConflictError'
  }
}

const actualsTables = (database: MonitorDatabase) => [
  database.projects,
  database.indicators,
  database.spending,
  database.indicatorValues,
  database.notes,
  database.monthLocks,
  database.changes,
  ...summaryTables(database),
]

/** The project an indicator belongs to (for its summary); null if unknown. */
async function projectOfIndicator(database: MonitorDatabase, indicatorId: string): Promise<string | null> {
  return (await database.indicators.get(indicatorId))?.projectId ?? null
}

/** Refreshes the summaries of the projects written (their ids; null for an unknown indicator). */
const refreshWritten = (database: MonitorDatabase, projectIds: readonly (string | null)[]) =>
  refreshProjectSummaries(database, projectIds.filter((id): id is string => id !== null))

/** Writes (or clears) a spending cell inside a transaction; returns the change id, null if unchanged. */
async function writeSpending(
  database: MonitorDatabase,
  projectId: string,
  month: Month,
  amount: Fen | null,
  actor: string,
  prefix = '',
): Promise<number | null> {
  if (amount !== null && !Number.isSafeInteger(amount)) throw new RangeError('金额必须是整数分')
  await assertProjectMonthUnlocked(projectId, month, database)
  const old = await database.spending.get([projectId, month])
  const oldAmount = old?.amount ?? null
  if (oldAmount === amount) return null
  if (amount === null) await database.spending.delete([projectId, month])
  else await database.spending.put({ projectId, month, amount })
  const summary = `${prefix}${month}月支出`
  return logChange(
    database,
    newChange({ actor, kind: 'spending', projectId, month, oldValue: oldAmount, newValue: amount, summary }),
  )
}

function sameEntry(a: IndicatorEntry | null, b: IndicatorEntry | null): boolean {
  return a === null || b === null ? a === b : a.value === b.value && a.manualStatus === b.manualStatus
}

/** Writes (or clears) an indicator cell inside a transaction; returns the change id, null if unchanged. */
async function writeIndicator(
  database: MonitorDatabase,
  indicatorId: string,
  month: Month,
  entry: IndicatorEntry,
  actor: string,
  prefix = '',
): Promise<number | null> {
  const indicator = await database.indicators.get(indicatorId)
  if (!indicator) throw new Error(`指标不存在：${indicatorId}`)
  if (entry.value !== null && !Number.isFinite(entry.value)) throw new RangeError('指标值必须是有限数字')
  await assertProjectMonthUnlocked(indicator.projectId, month, database)
  const old = await database.indicatorValues.get([indicatorId, month])
  const oldEntry = old ? { value: old.value, manualStatus: old.manualStatus } : null
  const isEmpty = entry.value === null && entry.manualStatus === null
  const newEntry = isEmpty ? null : { value: entry.value, manualStatus: entry.manualStatus }
  if (sameEntry(oldEntry, newEntry)) return null
  if (newEntry === null) await database.indicatorValues.delete([indicatorId, month])
  else {
    const row: IndicatorValueRecord = { indicatorId, projectId: indicator.projectId, month, ...newEntry }
    await database.indicatorValues.put(row)
  }
  return logChange(
    database,
    newChange({
      actor,
      kind: 'indicator',
      projectId: indicator.projectId,
      indicatorId,
      month,
      oldValue: oldEntry,
      newValue: newEntry,
      summary: `${prefix}${month}月「${indicator.name}」`,
    }),
  )
}

function toNoteRecord(note: MonitoringNote | NoteRecord): NoteRecord {
  return {
    projectId: note.projectId,
    month: note.month,
    reasons: [...note.reasons],
    explanation: note.explanation,
    likelihood: note.likelihood,
    actions: note.actions,
  }
}

/** Writes (or, with null, deletes) a project's note inside a transaction; returns the change id. */
async function writeNote(
  database: MonitorDatabase,
  projectId: string,
  month: Month,
  row: NoteRecord | null,
  actor: string,
  prefix = '',
): Promise<number | null> {
  await assertProjectMonthUnlocked(projectId, month, database)
  const stored = await database.notes.get([projectId, month])
  const old = stored ? toNoteRecord(stored) : null
  if (JSON.stringify(old) === JSON.stringify(row)) return null
  if (row === null) await database.notes.delete([projectId, month])
  else await database.notes.put(row)
  return logChange(
    database,
    newChange({ actor, kind: 'note', projectId, month, oldValue: old, newValue: row, summary: `${prefix}${month}月监控说明` }),
  )
}

/**
 * Sets (amount in 分) or clears (null → 未填报) one project's spending for one month,
 * logging old → new in the same transaction. Refuses a 已报送 month (MonthLockedError).
 * Returns the change-log id, or null when nothing changed.
 */
export async function setSpending(
  projectId: string,
  month: Month,
  amount: Fen | null,
  actor: string,
  database: MonitorDatabase = defaultDb,
): Promise<number | null> {
  return database.transaction('rw', actualsTables(database), () =>
    writeSpending(database, projectId, month, amount, actor).then(async (id) => {
      await refreshWritten(database, [projectId])
      return id
    }),
  )
}

/** Sets or clears one indicator's value (or hand-set status) for one month, logged; change id or null. */
export async function setIndicatorValue(
  indicatorId: string,
  month: Month,
  entry: IndicatorEntry,
  actor: string,
  database: MonitorDatabase = defaultDb,
): Promise<number | null> {
  return database.transaction('rw', actualsTables(database), () =>
    writeIndicator(database, indicatorId, month, entry, actor).then(async (id) => {
      await refreshWritten(database, [await projectOfIndicator(database, indicatorId)])
      return id
    }),
  )
}

/** Saves a project's monitoring note for one as-of month, logged; change id, or null if unchanged. */
export async function saveNote(
  note: MonitoringNote,
  actor: string,
  database: MonitorDatabase = defaultDb,
): Promise<number | null> {
  return database.transaction('rw', actualsTables(database), () =>
    writeNote(database, note.projectId, note.month, toNoteRecord(note), actor).then(async (id) => {
      await refreshWritten(database, [note.projectId])
      return id
    }),
  )
}

/** Writes a batch of cells (a paste) all or nothing; returns the ids of the changes made. */
export async function applyEntries(
  writes: readonly EntryWrite[],
  actor: string,
  database: MonitorDatabase = defaultDb,
): Promise<number[]> {
  return database.transaction('rw', actualsTables(database), async () => {
    const ids: number[] = []
    for (const write of writes) {
      const id =
        write.kind === 'spending'
          ? await writeSpending(database, write.projectId, write.month, write.amount, actor)
          : await writeIndicator(database, write.indicatorId, write.month, write.entry, actor)
      if (id !== null) ids.push(id)
    }
    const projects = await Promise.all(
      writes.map((write) => (write.kind === 'spending' ? write.projectId : projectOfIndicator(database, write.indicatorId))),
    )
    await refreshWritten(database, projects)
    return ids
  })
}

/** The cell's current value in the shape the change log stores it. */
async function currentValue(database: MonitorDatabase, change: ChangeRecord): Promise<unknown> {
  const { projectId, indicatorId, month } = change
  if (projectId === null || month === null) return undefined
  if (change.kind === 'spending') return (await database.spending.get([projectId, month]))?.amount ?? null
  if (change.kind === 'indicator' && indicatorId !== null) {
    const row = await database.indicatorValues.get([indicatorId, month])
    return row ? { value: row.value, manualStatus: row.manualStatus } : null
  }
  if (change.kind === 'note') {
    const row = await database.notes.get([projectId, month])
    return row ? toNoteRecord(row) : null
  }
  return undefined
}

/** Writes a logged value back into its cell; returns the new change id (null if unchanged). */
async function writeLoggedValue(
  database: MonitorDatabase,
  change: ChangeRecord,
  value: unknown,
  actor: string,
  prefix: string,
): Promise<number | null> {
  const { projectId, indicatorId, month } = change
  if (projectId === null || month === null) throw new Error('这条记录不能恢复')
  switch (change.kind) {
    case 'spending':
      return writeSpending(database, projectId, month, value as Fen | null, actor, prefix)
    case 'indicator':
      if (indicatorId === null) throw new Error('这条记录不能恢复')
      return writeIndicator(database, indicatorId, month, (value as IndicatorEntry | null) ?? { value: null, manualStatus: null }, actor, prefix)
    case 'note':
      return writeNote(database, projectId, month, value as NoteRecord | null, actor, prefix)
    default:
      throw new Error('这条记录不能恢复')
  }
}

/**
 * Undoes changes (given oldest first) newest first, all or nothing: each cell gets back its
 * old value, logged as 撤销. Throws UndoConflictError when a cell changed since.
 */
export async function undoChanges(
  ids: readonly number[],
  actor: string,
  database: MonitorDatabase = defaultDb,
): Promise<void> {
  await database.transaction('rw', actualsTables(database), async () => {
    const changes = await getChanges(ids, database)
    for (const change of [...changes].reverse()) {
      const current = await currentValue(database, change)
      if (JSON.stringify(current) !== JSON.stringify(change.newValue)) throw new UndoConflictError(change.summary)
      await writeLoggedValue(database, change, change.oldValue, actor, '撤销：')
    }
    await refreshWritten(database, changes.map((change) => change.projectId))
  })
}

/** Restores the value a cell had before (side 'old') or after ('new') a recorded change, logged. */
export async function restoreChange(
  id: number,
  side: 'old' | 'new',
  actor: string,
  database: MonitorDatabase = defaultDb,
): Promise<number | null> {
  return database.transaction('rw', actualsTables(database), async () => {
    const change = await database.changes.get(id)
    if (!change) throw new Error('修改记录不存在')
    const changeId = await writeLoggedValue(database, change, side === 'old' ? change.oldValue : change.newValue, actor, '恢复：')
    await refreshWritten(database, [change.projectId])
    return changeId
  })
}

/** What the entry screens show: the scope's projects with all actuals, and its 已报送 months. */
export interface EntryData {
  readonly projects: readonly ProjectData[]
  readonly locks: readonly MonthLockRecord[]
}

/** Entry data of one department's year (one query: projects, actuals, notes and locks). */
export async function loadEntryData(
  scope: Scope & { readonly departmentCode: string },
  database: MonitorDatabase = defaultDb,
): Promise<EntryData> {
  const [projects, locks] = await Promise.all([
    loadProjectDataFromRows(scope, database),
    listLocks(scope.year, scope.departmentCode, database),
  ])
  return { projects, locks }
}

/** Live version of loadEntryData, re-emitted when any of its rows change (in any tab). */
export function observeEntryData(
  scope: Scope & { readonly departmentCode: string },
  database: MonitorDatabase = defaultDb,
): Observable<EntryData> {
  return liveQuery(() => loadEntryData(scope, database))
}

/** Entry data of one project: its actuals and notes, and the 已报送 months of its department; null if unknown. */
export async function loadEntryProject(projectId: string, database: MonitorDatabase = defaultDb): Promise<EntryData | null> {
  const tables = [...projectDataTables(database), database.monthLocks]
  return database.transaction('r', tables, async () => {
    const data = await loadProject(projectId, database)
    if (!data) return null
    return { projects: [data], locks: await listLocks(data.project.year, data.project.departmentCode, database) }
  })
}

/** Live version of loadEntryProject. */
export function observeEntryProject(projectId: string, database: MonitorDatabase = defaultDb): Observable<EntryData | null> {
  return liveQuery(() => loadEntryProject(projectId, database))
}

import { liveQuery, type Observable } from 'dexie'
import type { Month } from '@/domain/types'
import { db as defaultDb, type MonitorDatabase } from './database'
import type { ChangeKind, ChangeRecord } from './records'
import { getSettings, saveSettings, type AppSettings } from './settingsRepository'

/** The fields of one change-log row; `at` is now, and indicatorId is null unless given. */
export interface ChangeFields {
  readonly actor: string
  readonly kind: ChangeKind
  readonly projectId: string | null
  readonly indicatorId?: string | null
  readonly month: Month | null
  readonly oldValue: unknown
  readonly newValue: unknown
  readonly summary: string
}

/** A change-log row stamped with the current time (ISO), ready to add. */
export function newChange(fields: ChangeFields): ChangeRecord {
  const { actor, kind, projectId, indicatorId = null, month, oldValue, newValue, summary } = fields
  // Spelled out so every row keeps the same key order (it shows in backup files).
  return { at: new Date().toISOString(), actor, kind, projectId, indicatorId, month, oldValue, newValue, summary }
}

/** Adds a change-log row (inside the caller's transaction) and returns its id. */
export function logChange(database: MonitorDatabase, record: ChangeRecord): Promise<number> {
  // `changes` has an auto-incremented key, so add() always resolves to the new id.
  return database.changes.add(record).then((id) => id as number)
}

/** True when a logged lock/reopen row (its lock record, before or after) is of that department's year. */
function isLockOf(change: ChangeRecord, year: number, departmentCode: string): boolean {
  const lock = (change.newValue ?? change.oldValue) as { year?: unknown; departmentCode?: unknown } | null
  return typeof lock === 'object' && lock !== null && lock.year === year && lock.departmentCode === departmentCode
}

/**
 * Recorded changes of one project (spending, indicators, notes) and the 已报送/重新打开 events of
 * its department's year (logged once per department, with no project), newest first, at most `limit`.
 */
export async function listProjectChanges(
  projectId: string,
  limit = 500,
  database: MonitorDatabase = defaultDb,
): Promise<ChangeRecord[]> {
  const [own, project] = await Promise.all([database.changes.where('projectId').equals(projectId).toArray(), database.projects.get(projectId)])
  const locks = project
    ? (await database.changes.where('kind').equals('lock').toArray()).filter(
        (row) => row.projectId === null && isLockOf(row, project.year, project.departmentCode),
      )
    : []
  return [...own, ...locks].sort((a, b) => (b.id ?? 0) - (a.id ?? 0)).slice(0, limit)
}

/** Live version of listProjectChanges. */
export function observeProjectChanges(
  projectId: string,
  limit = 500,
  database: MonitorDatabase = defaultDb,
): Observable<ChangeRecord[]> {
  return liveQuery(() => listProjectChanges(projectId, limit, database))
}

/** The change-log rows with the given ids, in the order given (missing ids skipped). */
export async function getChanges(ids: readonly number[], database: MonitorDatabase = defaultDb): Promise<ChangeRecord[]> {
  const rows = await database.changes.bulkGet([...ids])
  return rows.filter((row): row is ChangeRecord => row !== undefined)
}

/** Saves settings and logs old → new of each changed key, in one transaction. */
export async function saveSettingsLogged(
  patch: Partial<Pick<AppSettings, 'actor' | 'thresholds' | 'targetDisplay'>>,
  actor: string,
  database: MonitorDatabase = defaultDb,
): Promise<void> {
  await database.transaction('rw', [database.settings, database.changes], async () => {
    const before = await getSettings(database)
    const keys = (Object.keys(patch) as (keyof typeof patch)[]).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(patch[key]),
    )
    if (keys.length === 0) return
    await saveSettings(patch, database)
    const labels: Record<keyof typeof patch, string> = { actor: '填报人姓名', thresholds: '判定阈值', targetDisplay: '输出中调整后目标的显示' }
    await database.changes.bulkAdd(
      keys.map((key) =>
        newChange({
          actor: key === 'actor' ? String(patch.actor ?? actor) : actor,
          kind: 'settings',
          projectId: null,
          month: null,
          oldValue: before[key],
          newValue: patch[key],
          summary: `修改设置：${labels[key]}`,
        }),
      ),
    )
  })
}

import type { ObservabilitySet } from 'dexie'
import { resolveAsOfMonth } from '@/domain/asOfMonth'
import { thresholdsKey, type ProjectFigures } from '@/domain/projectFigures'
import type { Month, Thresholds } from '@/domain/types'
import { db as defaultDb, type MonitorDatabase } from './database'
import { figureKeysOf, figureRowsOf, thresholdsIn } from './figureRows'
import type { ProjectFigureRecord } from './records'
import { runPatchingSource, sharedSource, type LiveList, type SourceObserver } from './sharedSource'
import { keysOf } from './summaryRepository'
import { upperOf } from './summaryRows'

/** A scope's figures at an as-of month, as the overview shows them (see figureRows.ts). */
export interface FigureView {
  /** The as-of month shown: the one asked for, or else the scope's latest month with data */
  readonly month: Month
  /** The latest month with data over the scope's projects; null when none has any */
  readonly latest: Month | null
  /** The figures of the projects active at the month, in document order (department, then position) */
  readonly figures: readonly ProjectFigures[]
  /** Ids of the scope's projects whose figures at the month are not stored under these thresholds */
  readonly stale: readonly string[]
}

const byDocumentOrder = (a: ProjectFigureRecord, b: ProjectFigureRecord) =>
  a.departmentCode < b.departmentCode ? -1 : a.departmentCode > b.departmentCode ? 1 : a.order - b.order

/** Above this many changed rows a change re-reads the scope instead of patching it. */
const PATCH_LIMIT = 500

/**
 * Reads a scope's figure rows at a month (one key range of small rows) and the scope's project
 * ids, then on each committed write (any tab) re-reads only the rows it changed. A range change,
 * a project added or removed, or a new latest month when none was asked for re-reads all.
 */
function startFigures(prefix: string, asked: Month | null, t: Thresholds, database: MonitorDatabase, observer: SourceObserver<FigureView>): () => void {
  const key = thresholdsKey(t)
  let month: Month = asked ?? 12
  let ids: readonly string[] = []
  let rows: ProjectFigureRecord[] = []
  const latestOf = (list: readonly ProjectFigureRecord[]): Month | null =>
    list.reduce<Month | null>((max, row) => (row.latest !== null && (max === null || row.latest > max) ? (row.latest as Month) : max), null)
  const rangeAt = (m: Month) => database.projectFigures.where(':id').between([m, prefix], [m, upperOf(prefix)], true, true).toArray()
  const readAll = async () => {
    ids = (await database.projects.where(':id').between(prefix, upperOf(prefix), true, true).primaryKeys()) as string[]
    // Every project's rows carry its latest month: the rows of any month tell the scope's.
    const first = await rangeAt(asked ?? 12)
    month = resolveAsOfMonth(asked, latestOf(first))
    place(month === (asked ?? 12) ? first : await rangeAt(month))
  }
  // Where each project's row is in `rows`: a written project in its place is replaced there.
  let position = new Map<string, number>()
  const place = (list: ProjectFigureRecord[]) => {
    rows = list.sort(byDocumentOrder)
    position = new Map(rows.map((row, i) => [row.projectId, i]))
  }
  const patch = async (changed: readonly string[]) => {
    const before = latestOf(rows)
    const found = await database.projectFigures.bulkGet(changed.map((id) => [month, id] as [number, string]))
    const inPlace = changed.every((id, i) => {
      const at = position.get(id)
      const row = found[i]
      return at !== undefined && row !== undefined && byDocumentOrder(rows[at]!, row) === 0
    })
    if (inPlace) {
      rows = [...rows]
      changed.forEach((id, i) => (rows[position.get(id)!] = found[i]!))
    } else {
      const byId = new Map(rows.map((row) => [row.projectId, row]))
      changed.forEach((id, i) => (found[i] ? byId.set(id, found[i]) : byId.delete(id)))
      place([...byId.values()])
    }
    if (asked === null && latestOf(rows) !== before) await readAll()
  }
  const emit = () => {
    const figures: ProjectFigures[] = []
    const valid = new Set<string>()
    for (const row of rows) {
      if (row.t !== key) continue
      valid.add(row.projectId)
      if (row.figures !== null) figures.push(row.figures)
    }
    // Rows are written and deleted with their projects: all valid means none is missing.
    const stale = valid.size === ids.length ? [] : ids.filter((id) => !valid.has(id))
    observer.next({ month, latest: latestOf(rows), figures, stale })
  }
  // Each step reads in one transaction: the project ids and the rows agree.
  const inTransaction = (step: () => Promise<void>) => () => database.transaction('r', [database.projects, database.projectFigures], step)
  const figuresPart = `idb://${database.name}/projectFigures/`
  const projectsPart = `idb://${database.name}/projects/`
  const stepFor = (parts: ObservabilitySet) => {
    if (projectsPart in parts) {
      const keys = keysOf(parts[projectsPart])
      if (keys === null || keys.some((k) => typeof k === 'string' && k.startsWith(prefix))) return inTransaction(readAll)
    }
    if (!(figuresPart in parts)) return null
    const keys = keysOf(parts[figuresPart])
    if (keys === null || keys.length > PATCH_LIMIT) return inTransaction(readAll)
    const mine = keys.flatMap((k) => (Array.isArray(k) && k[0] === month && typeof k[1] === 'string' && k[1].startsWith(prefix) ? [k[1]] : []))
    return mine.length > 0 ? inTransaction(() => patch(mine)) : null
  }
  return runPatchingSource({ readAll: inTransaction(readAll), stepFor, emit }, (error) => observer.error(error))
}

/**
 * Live figures of a scope (project-id prefix) at an as-of month (null: its latest month with
 * data) under thresholds t, shared by the pages that show them and kept a minute after the last.
 */
export function observeFigures(prefix: string, month: Month | null, t: Thresholds, database: MonitorDatabase = defaultDb): LiveList<FigureView> {
  return sharedSource(`figures\u0000${database.name}\u0000${prefix}\u0000${month}\u0000${thresholdsKey(t)}`, (observer) =>
    startFigures(prefix, month, t, database, observer),
  )
}

/** Projects whose figures are being rewritten (refreshFigures), per database: asked twice, done once. */
const refreshing = new Map<string, Set<string>>()
/** Projects per transaction of refreshFigures: a few tens of ms of work each. */
const CHUNK = 100

/**
 * Rewrites the figures of the given projects from their summaries under the saved thresholds
 * (figures computed under other thresholds, after a settings change), a chunk per transaction
 * with a pause between, so the page keeps drawing. Projects no longer stored lose theirs.
 */
export async function refreshFigures(projectIds: readonly string[], database: MonitorDatabase = defaultDb): Promise<void> {
  const busy = refreshing.get(database.name) ?? new Set<string>()
  refreshing.set(database.name, busy)
  const ids = projectIds.filter((id) => !busy.has(id))
  for (const id of ids) busy.add(id)
  try {
    for (let start = 0; start < ids.length; start += CHUNK) {
      const chunk = ids.slice(start, start + CHUNK)
      await database.transaction('rw', [database.projectSummaries, database.projectFigures, database.settings], async () => {
        const t = await thresholdsIn((name) => database.table(name))
        const summaries = await database.projectSummaries.bulkGet(chunk)
        const gone = chunk.filter((_, i) => summaries[i] === undefined)
        await database.projectFigures.bulkDelete(gone.flatMap(figureKeysOf))
        await database.projectFigures.bulkPut(summaries.flatMap((s) => (s === undefined ? [] : figureRowsOf(s, t))))
      })
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
  } finally {
    for (const id of ids) busy.delete(id)
  }
}

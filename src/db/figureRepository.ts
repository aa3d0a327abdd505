import type { ObservabilitySet } from 'dexie'
import { resolveAsOfMonth } from '@/domain/asOfMonth'
import { thresholdsKey, type ProjectFigures } from '@/domain/projectFigures'
import type { Month, Thresholds } from '@/domain/types'
import { db as defaultDb, type MonitorDatabase } from './database'
import { figureRowsOf, parseInSlices, rowsOfDepartment, thresholdsIn, writeFigureRows } from './figureRows'
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

/**
 * A department's rows as read again, where each row equal to the one shown keeps the object
 * shown: after a value typed for one project, the page redraws that project's row alone.
 */
function keepingUnchanged(shown: readonly ProjectFigureRecord[], read: ProjectFigureRecord[]): ProjectFigureRecord[] {
  const byId = new Map(shown.map((row) => [row.projectId, row]))
  return read.map((row) => {
    const before = byId.get(row.projectId)
    return before !== undefined && JSON.stringify(before) === JSON.stringify(row) ? before : row
  })
}

/** Above this many changed department records at the shown month a change re-reads the scope. */
const PATCH_LIMIT = 50

/**
 * Reads a scope's department figure records at a month (one key range of at most a few hundred
 * rows: 10,000 projects are 200 records), then on each committed write (any tab) re-reads only
 * the department records it changed. A project added or removed, or a new latest month when
 * none was asked for, re-reads all.
 */
function startFigures(prefix: string, asked: Month | null, t: Thresholds, database: MonitorDatabase, observer: SourceObserver<FigureView>): () => void {
  const key = thresholdsKey(t)
  let month: Month = asked ?? 12
  // Each department's rows (document order), departments in key order: document order throughout.
  let departments = new Map<string, ProjectFigureRecord[]>()
  let latest: Month | null = null
  let stale: readonly string[] = []
  const latestOf = (lists: Iterable<readonly ProjectFigureRecord[]>): Month | null => {
    let max: Month | null = null
    for (const list of lists) for (const row of list) if (row.latest !== null && (max === null || row.latest > max)) max = row.latest as Month
    return max
  }
  // A month's department records and the scope's project count, in one transaction (they agree).
  const tables = [database.projects, database.departmentFigures]
  const readRange = (m: Month) =>
    database.transaction('r', tables, async () => ({
      records: await database.departmentFigures.where(':id').between([m, prefix], [m, upperOf(prefix)], true, true).toArray(),
      count: await database.projects.where(':id').between(prefix, upperOf(prefix), true, true).count(),
    }))
  // The scope's project count, counted on each full read (a project added or removed re-reads all).
  let count: number | null = null
  // Stale: rows under other thresholds, and projects without a row (none, unless a writer failed to write them).
  const findStale = async () => {
    const old: string[] = []
    let valid = 0
    for (const list of departments.values()) {
      for (const row of list) {
        if (row.t === key) valid++
        else old.push(row.projectId)
      }
    }
    count ??= await database.projects.where(':id').between(prefix, upperOf(prefix), true, true).count()
    if (valid + old.length === count) {
      stale = old
      return
    }
    const ids = (await database.projects.where(':id').between(prefix, upperOf(prefix), true, true).primaryKeys()) as string[]
    const valids = new Set<string>()
    for (const list of departments.values()) for (const row of list) if (row.t === key) valids.add(row.projectId)
    stale = ids.filter((id) => !valids.has(id))
  }
  const readAll = async () => {
    // Every project's rows carry its latest month: the rows of any month tell the scope's.
    const wanted = asked ?? 12
    let read = await readRange(wanted)
    let parsed = await parseInSlices(read.records)
    const resolved = resolveAsOfMonth(asked, latestOf(parsed.values()))
    if (resolved !== wanted) {
      read = await readRange(resolved)
      parsed = await parseInSlices(read.records)
    }
    month = resolved
    departments = parsed
    latest = latestOf(departments.values())
    count = read.count
    await findStale()
  }
  const patch = async (scopes: readonly string[]) => {
    const found = await database.departmentFigures.bulkGet(scopes.map((scope) => [month, scope] as [number, string]))
    const isKnown = scopes.every((scope) => departments.has(scope))
    const next = new Map(departments)
    scopes.forEach((scope, i) => {
      const record = found[i]
      if (record === undefined) next.delete(scope)
      else next.set(scope, keepingUnchanged(departments.get(scope) ?? [], rowsOfDepartment(record)))
    })
    // A department new to the scope takes its place in key order.
    departments = isKnown ? next : new Map([...next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    const before = latest
    latest = latestOf(departments.values())
    if (asked === null && latest !== before) await readAll()
    else await findStale()
  }
  const emit = () => {
    const figures: ProjectFigures[] = []
    for (const list of departments.values()) for (const row of list) if (row.t === key && row.figures !== null) figures.push(row.figures)
    observer.next({ month, latest, figures, stale })
  }
  // A patch reads in one transaction: the project count and the rows agree (a full read: readRange).
  const inTransaction = (step: () => Promise<void>) => () => database.transaction('r', tables, step)
  const figuresPart = `idb://${database.name}/departmentFigures/`
  const projectsPart = `idb://${database.name}/projects/`
  const stepFor = (parts: ObservabilitySet) => {
    if (projectsPart in parts) {
      const keys = keysOf(parts[projectsPart])
      if (keys === null || keys.some((k) => typeof k === 'string' && k.startsWith(prefix))) return readAll
    }
    if (!(figuresPart in parts)) return null
    const keys = keysOf(parts[figuresPart])
    if (keys === null) return readAll
    const mine = keys.flatMap((k) => (Array.isArray(k) && k[0] === month && typeof k[1] === 'string' && k[1].startsWith(prefix) ? [k[1]] : []))
    if (mine.length > PATCH_LIMIT) return readAll
    return mine.length > 0 ? inTransaction(() => patch(mine)) : null
  }
  return runPatchingSource({ readAll, stepFor, emit }, (error) => observer.error(error))
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
/** Projects per transaction of refreshFigures: a few tens of ms of work each (a department's, as generated). */
const CHUNK = 50

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
      await database.transaction('rw', [database.projectSummaries, database.departmentFigures, database.settings], async () => {
        const table = (name: string) => database.table(name)
        const t = await thresholdsIn(table)
        const summaries = await database.projectSummaries.bulkGet(chunk)
        const gone = chunk.filter((_, i) => summaries[i] === undefined)
        await writeFigureRows(table, summaries.flatMap((s) => (s === undefined ? [] : figureRowsOf(s, t))), gone)
      })
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
  } finally {
    for (const id of ids) busy.delete(id)
  }
}

/** Every stored figure row, of every month and department (checks and tools; the pages read a scope). */
export async function storedFigureRows(database: MonitorDatabase = defaultDb): Promise<ProjectFigureRecord[]> {
  return (await database.departmentFigures.toArray()).flatMap(rowsOfDepartment)
}

import Dexie, { cmp, type IntervalTree, type ObservabilitySet } from 'dexie'
import type { ProjectData } from '@/domain/projectData'
import { db as defaultDb, type MonitorDatabase } from './database'
import type { ProjectFigureRecord, ProjectSummaryRecord } from './records'
import { runPatchingSource, sharedSource, stopSharedSources, type LiveList, type SourceObserver } from './sharedSource'
import { figureRowsOf, rebuildFiguresWith, thresholdsIn, writeFigureRows } from './figureRows'
import { projectDataOf, rebuildSummariesWith, summaryOf, upperOf } from './summaryRows'

export type { LiveList } from './sharedSource'
export { DERIVED_TABLES, projectDataOf, summariesOf, summaryOf, type ProjectRows } from './summaryRows'

/**
 * Per-project summaries (v7): one row per project holding everything the overview, the
 * department page and the meeting evaluate at any as-of month — the project, its indicators,
 * the months of spending and of each indicator's entries (columns, not one row a month), its
 * notes and adjustments — so a scope of 10,000 projects reads 10,000 rows, not 300,000.
 * The monthly rows stay the source of truth: every write that changes a project's rows calls
 * refreshProjectSummaries (or rebuildSummaries) in the same transaction.
 */

/** The tables a summary is built from and written to: a writer's transaction includes them all. */
export function summaryTables(database: MonitorDatabase) {
  return [
    database.projects,
    database.indicators,
    database.spending,
    database.indicatorValues,
    database.notes,
    database.budgetAdjustments,
    database.targetAdjustments,
    database.projectSummaries,
    // The figures are derived from the summaries under the saved thresholds (figureRows.ts).
    database.departmentFigures,
    database.settings,
  ]
}

/** rebuildSummariesWith, then the figures from the rebuilt summaries, on the database's own tables in one transaction. */
export async function rebuildSummaries(database: MonitorDatabase = defaultDb, prefix = ''): Promise<void> {
  await database.transaction('rw', summaryTables(database), async () => {
    const table = (name: string) => database.table(name)
    await rebuildSummariesWith(table, prefix)
    await rebuildFiguresWith(table, prefix)
  })
}

/**
 * Rewrites the summaries of the given projects from their rows, and their figures at every month
 * under the saved thresholds (figureRows.ts); deletes both for projects no longer stored. Every
 * writer of project data calls it in its own transaction, which must include
 * summaryTables(database) (Dexie refuses a table the outer transaction lacks).
 */
export async function refreshProjectSummaries(database: MonitorDatabase, projectIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(projectIds)]
  if (ids.length === 0) return
  await database.transaction('rw', summaryTables(database), async () => {
    const table = (name: string) => database.table(name)
    const t = await thresholdsIn(table)
    const figures: ProjectFigureRecord[] = []
    const gone: string[] = []
    for (const id of ids) {
      const project = await database.projects.get(id)
      if (!project) {
        await database.projectSummaries.delete(id)
        gone.push(id)
        continue
      }
      const [indicators, spending, values, notes, budgetAdjustments, targetAdjustments] = await Promise.all([
        database.indicators.where('projectId').equals(id).toArray(),
        database.spending.where('[projectId+month]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray(),
        database.indicatorValues.where('projectId').equals(id).toArray(),
        database.notes.where('[projectId+month]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray(),
        database.budgetAdjustments.where('projectId').equals(id).toArray(),
        database.targetAdjustments.where('projectId').equals(id).toArray(),
      ])
      const summary = summaryOf({ project, indicators, spending, values, notes, budgetAdjustments, targetAdjustments })
      await database.projectSummaries.put(summary)
      figures.push(...figureRowsOf(summary, t))
    }
    // Each department's record of a month once, however many of its projects were written.
    await writeFigureRows(table, figures, gone)
  })
}

/** Summaries of a scope's projects (id prefix), by primary-key range, as project data in document order. */
export async function loadSummaries(prefix: string, database: MonitorDatabase = defaultDb): Promise<ProjectData[]> {
  const rows = await database.projectSummaries.where(':id').between(prefix, upperOf(prefix), true, true).toArray()
  return sortedData(rows)
}

/** Document order: by department code, then position in its document (as loadProjectDataFromRows sorts). */
const byDocumentOrder = (a: ProjectSummaryRecord, b: ProjectSummaryRecord) =>
  a.project.departmentCode.localeCompare(b.project.departmentCode) || a.order - b.order

function sortedData(rows: ProjectSummaryRecord[]): ProjectData[] {
  return rows.sort(byDocumentOrder).map(projectDataOf)
}

/** The keys a storagemutated part names one by one; null when it names a range (a clear, a range delete). */
export function keysOf(tree: IntervalTree | undefined): unknown[] | null {
  const keys: unknown[] = []
  const walk = (node: IntervalTree | null | undefined): boolean => {
    if (!node || !('from' in node)) return true
    if (cmp(node.from, node.to) !== 0) return false
    keys.push(node.from)
    return walk(node.l) && walk(node.r)
  }
  return walk(tree) ? keys : null
}

/** Summaries read per task when a scope is read whole. */
const READ_CHUNK = 250

/** Above this many changed projects a change re-reads the scope instead of patching it. */
const PATCH_LIMIT = 500

type Observer = SourceObserver<ProjectData[]>

/**
 * Reads a scope's summaries once, then on each committed write (this tab or another: Dexie's
 * storagemutated) re-reads only the summaries it changed and replaces those projects, keeping
 * the others' objects. A range change (clear, restore, import) re-reads all. Returns the stop.
 */
function startSource(prefix: string, database: MonitorDatabase, observer: Observer): () => void {
  // The scope's projects in document order, and where each is in it.
  let shown: ProjectData[] = []
  let rows: ProjectSummaryRecord[] = []
  let position = new Map<string, number>()
  const emit = () => observer.next(shown)
  // A row read once keeps its data object (so pages keep what they computed from it).
  const dataOf = new WeakMap<ProjectSummaryRecord, ProjectData>()
  const dataFor = (row: ProjectSummaryRecord) => {
    let data = dataOf.get(row)
    if (!data) dataOf.set(row, (data = projectDataOf(row)))
    return data
  }
  const place = (all: ProjectSummaryRecord[]) => {
    rows = all.sort(byDocumentOrder)
    position = new Map(rows.map((row, i) => [row.projectId, i]))
    shown = rows.map(dataFor)
  }
  // In chunks with a pause between: a bureau's 10,000 rows are not one long task. A write
  // between two chunks is applied after the read (its storagemutated queues a patch).
  const readAll = async () => {
    const all: ProjectSummaryRecord[] = []
    for (let after: string | null = null; ; ) {
      const chunk: ProjectSummaryRecord[] = await database.projectSummaries
        .where(':id')
        .between(after ?? prefix, upperOf(prefix), after === null, true)
        .limit(READ_CHUNK)
        .toArray()
      all.push(...chunk)
      if (chunk.length < READ_CHUNK) break
      after = chunk.at(-1)!.projectId
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
    place(all)
  }
  const patch = async (keys: readonly string[]) => {
    const found = await database.projectSummaries.bulkGet([...keys])
    // A project that stays where it was is replaced in place; anything else re-sorts (no re-read).
    const inPlace = keys.every((key, i) => {
      const at = position.get(key)
      const row = found[i]
      return at !== undefined && row !== undefined && byDocumentOrder(rows[at]!, row) === 0
    })
    if (!inPlace) {
      const byKey = new Map(rows.map((row) => [row.projectId, row]))
      keys.forEach((key, i) => (found[i] ? byKey.set(key, found[i]) : byKey.delete(key)))
      return place([...byKey.values()])
    }
    const next = [...shown]
    keys.forEach((key, i) => {
      const at = position.get(key)!
      rows[at] = found[i]!
      next[at] = dataFor(found[i]!)
    })
    shown = next
  }
  const part = `idb://${database.name}/projectSummaries/`
  const stepFor = (parts: ObservabilitySet) => {
    if (!(part in parts)) return null
    const keys = keysOf(parts[part])
    if (keys === null || keys.length > PATCH_LIMIT) return readAll
    const mine = keys.filter((key): key is string => typeof key === 'string' && key.startsWith(prefix))
    return mine.length > 0 ? () => patch(mine) : null
  }
  return runPatchingSource({ readAll, stepFor, emit }, (error) => observer.error(error))
}

/**
 * Live project data of a scope from the summaries (startSource), shared by every page that
 * shows the scope and kept a minute after the last one leaves: returning to 总览 after 录入
 * shows the figures kept up to date meanwhile, with no read and no evaluation of unchanged projects.
 */
export function observeSummaries(prefix: string, database: MonitorDatabase = defaultDb): LiveList<ProjectData[]> {
  return sharedSource(`summaries\u0000${database.name}\u0000${prefix}`, (observer) => startSource(prefix, database, observer))
}

/**
 * Live project data of the given projects (in the order given; ids not stored are left out),
 * from their summaries: read by key (a page's few), then on each committed write (any tab) only
 * the written ones are read again. `known`: data of some of them from a source live until this one starts
 * (the page's previous set), kept as it is so only the others are read. The meeting page reads
 * the page of agenda items it shows this way, not a bureau's 10,000 projects.
 */
export function observeSummariesOf(ids: readonly string[], known: ReadonlyMap<string, ProjectData> = new Map(), database: MonitorDatabase = defaultDb): LiveList<ProjectData[]> {
  return {
    subscribe(observer) {
      const wanted = new Set(ids)
      let byId = new Map<string, ProjectData>()
      let isFirst = true
      const readAll = async () => {
        const next = new Map<string, ProjectData>()
        const missing = isFirst ? ids.filter((id) => !known.has(id)) : [...ids]
        if (isFirst) for (const id of ids) if (known.has(id)) next.set(id, known.get(id)!)
        isFirst = false
        // One request a project, answered one task each: no long task, and no pause between chunks.
        for (const row of await database.projectSummaries.bulkGet(missing)) if (row) next.set(row.projectId, projectDataOf(row))
        byId = next
      }
      const patch = async (keys: readonly string[]) => {
        const found = await database.projectSummaries.bulkGet([...keys])
        byId = new Map(byId)
        keys.forEach((key, i) => {
          const row = found[i]
          if (row) byId.set(key, projectDataOf(row))
          else byId.delete(key)
        })
      }
      const part = `idb://${database.name}/projectSummaries/`
      const stepFor = (parts: ObservabilitySet) => {
        if (!(part in parts)) return null
        const keys = keysOf(parts[part])
        if (keys === null) return readAll
        const mine = keys.filter((key): key is string => typeof key === 'string' && wanted.has(key))
        return mine.length > 0 ? () => patch(mine) : null
      }
      const emit = () => observer.next(ids.flatMap((id) => byId.get(id) ?? []))
      return { unsubscribe: runPatchingSource({ readAll, stepFor, emit }, (error) => observer.error(error)) }
    },
  }
}

/** Stops every kept source at once (tests: a database about to be deleted). */
export const stopSummarySources = stopSharedSources

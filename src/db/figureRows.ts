import { latestDataMonth } from '@/domain/asOfMonth'
import { evaluateProjectData } from '@/domain/projectEvaluation'
import { figuresOf, thresholdsKey } from '@/domain/projectFigures'
import { activeProjectDataAt } from '@/domain/projectRegister'
import { MONTHS, type Thresholds } from '@/domain/types'
import type { DepartmentFiguresRecord, ProjectFigureRecord, ProjectSummaryRecord } from './records'
import { readThresholds } from './settingsValues'
import { projectDataOf, upperOf, type TableOf } from './summaryRows'

/**
 * Per-project figures (v8, stored by department since v9): each project's figures
 * (ProjectFigures) at each of the 12 as-of months, computed from its summary under the
 * thresholds in force and stored in its department's row of that month (DepartmentFiguresRecord,
 * keyed [month+scope]), so the overview of a scope at a month reads one key range of at most a
 * few hundred rows and evaluates nothing. Derived like the summaries: every writer that
 * refreshes a summary writes its figures in the same transaction (writeFigureRows); a row
 * computed under other thresholds is stale (see figureRepository.ts).
 */

/** The 12 figure rows of a project's summary under thresholds t (null figures where it is not active). */
export function figureRowsOf(summary: ProjectSummaryRecord, t: Thresholds, key: string = thresholdsKey(t)): ProjectFigureRecord[] {
  const data = projectDataOf(summary)
  const latest = latestDataMonth(data.spending, data.values)
  return MONTHS.map((month) => {
    const [active] = activeProjectDataAt([data], month)
    const figures = active === undefined ? null : figuresOf(evaluateProjectData(active, month, t))
    return { month, projectId: summary.projectId, departmentCode: summary.project.departmentCode, order: summary.order, t: key, latest, figures }
  })
}

/** The department scope of a project id, `year/departmentCode/` (the key of its figures). */
export function scopeOfProject(projectId: string): string {
  const [year, department] = projectId.split('/')
  return `${year}/${department}/`
}

/** A department record's key [month, scope] as one string (for sets and maps of records). */
const recordKey = (month: number, scope: string) => `${month}\u0000${scope}`

const byOrder = (a: ProjectFigureRecord, b: ProjectFigureRecord) => a.order - b.order || (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0)

/** The figure rows of a department's record, in document order. */
export const rowsOfDepartment = (record: DepartmentFiguresRecord): ProjectFigureRecord[] => JSON.parse(record.rows) as ProjectFigureRecord[]

/** The department records holding figure rows (any order; several departments and months). */
export function departmentFiguresOf(rows: readonly ProjectFigureRecord[]): DepartmentFiguresRecord[] {
  const grouped = new Map<string, { month: number; scope: string; rows: ProjectFigureRecord[] }>()
  for (const row of rows) {
    const scope = scopeOfProject(row.projectId)
    const key = recordKey(row.month, scope)
    const group = grouped.get(key) ?? { month: row.month, scope, rows: [] }
    group.rows.push(row)
    grouped.set(key, group)
  }
  return [...grouped.values()].map(({ month, scope, rows: list }) => ({ month, scope, rows: JSON.stringify(list.sort(byOrder)) }))
}

/**
 * Puts figure rows into their departments' records and removes every row of the projects in
 * `gone`, in the caller's transaction (it must include departmentFigures): each department
 * record concerned is read, merged and written back (deleted once it holds no project).
 */
export async function writeFigureRows(table: TableOf, rows: readonly ProjectFigureRecord[], gone: readonly string[] = []): Promise<void> {
  const figures = table('departmentFigures')
  const replaced = new Set([...rows.map((row) => row.projectId), ...gone])
  const keys = new Map<string, [number, string]>()
  const want = (month: number, scope: string) => keys.set(recordKey(month, scope), [month, scope])
  for (const row of rows) want(row.month, scopeOfProject(row.projectId))
  for (const id of gone) for (const month of MONTHS) want(month, scopeOfProject(id))
  const wanted = [...keys.values()]
  if (wanted.length === 0) return
  const found = (await figures.bulkGet(wanted)) as (DepartmentFiguresRecord | undefined)[]
  const kept = found.flatMap((record) => (record === undefined ? [] : rowsOfDepartment(record).filter((row) => !replaced.has(row.projectId))))
  const merged = departmentFiguresOf([...kept, ...rows])
  const written = new Set(merged.map((record) => recordKey(record.month, record.scope)))
  await figures.bulkDelete(wanted.filter(([month, scope]) => !written.has(recordKey(month, scope))))
  await figures.bulkPut(merged)
}

/** The thresholds saved in the settings table (the settings row 'thresholds'), defaults when none. */
export async function thresholdsIn(table: TableOf): Promise<Thresholds> {
  const row = (await table('settings').get('thresholds')) as { value?: unknown } | undefined
  return readThresholds(row?.value)
}

/**
 * Rewrites the figures of every project whose id starts with prefix ('' = all) from their
 * summaries, under the saved thresholds; in the caller's transaction (it must include
 * projectSummaries, departmentFigures and settings). `table` lets the v9 upgrade pass its own.
 * The prefix is a scope's: '', a year's or a department's (a department's rows are whole).
 */
export async function rebuildFiguresWith(table: TableOf, prefix = ''): Promise<void> {
  const t = await thresholdsIn(table)
  const key = thresholdsKey(t)
  const figures = table('departmentFigures')
  for (const month of MONTHS) await figures.where(':id').between([month, prefix], [month, upperOf(prefix)], true, true).delete()
  const summaries = table('projectSummaries')
  const keys = (await summaries.where(':id').between(prefix, upperOf(prefix), true, true).primaryKeys()) as string[]
  // A department at a time: a bureau's summaries are never all in memory at once.
  const scopes = [...new Set(keys.map(scopeOfProject))]
  for (const scope of scopes) {
    const rows = (await summaries.where(':id').between(scope, upperOf(scope), true, true).toArray()) as ProjectSummaryRecord[]
    await figures.bulkPut(departmentFiguresOf(rows.flatMap((row) => figureRowsOf(row, t, key))))
  }
}

/**
 * The department figure records of summaries under the thresholds saved in `settings` (rows of
 * the settings table), a department at a time awaiting `pause` between them (50 projects' 600
 * evaluations and 12 records): a restore builds a bureau's without a long task.
 */
export async function figuresInSlices(
  summaries: readonly ProjectSummaryRecord[],
  settings: readonly { readonly key: string; readonly value: unknown }[],
  pause: () => Promise<void>,
): Promise<DepartmentFiguresRecord[]> {
  const t = readThresholds(settings.find((row) => row.key === 'thresholds')?.value)
  const key = thresholdsKey(t)
  const byScope = new Map<string, ProjectSummaryRecord[]>()
  for (const summary of summaries) {
    const scope = scopeOfProject(summary.projectId)
    const list = byScope.get(scope)
    if (list) list.push(summary)
    else byScope.set(scope, [summary])
  }
  const records: DepartmentFiguresRecord[] = []
  for (const list of byScope.values()) {
    records.push(...departmentFiguresOf(list.flatMap((summary) => figureRowsOf(summary, t, key))))
    await pause()
  }
  return records
}

/** Parsing runs in slices of about this many ms, the page's own work (input, drawing) between them. */
const SLICE_MS = 8

/** Lets the page run what waits (an input, a frame, another source's patch) before going on. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * Each department record's rows by scope, parsed a slice at a time (`now`: the clock, for
 * tests). A bureau's month is ~8 MB of JSON, 60–150 ms in one task, which held up a value typed
 * meanwhile; the months read ahead in the background parse the same way.
 */
export async function parseInSlices(
  records: readonly DepartmentFiguresRecord[],
  now: () => number = () => performance.now(),
): Promise<Map<string, ProjectFigureRecord[]>> {
  const parsed = new Map<string, ProjectFigureRecord[]>()
  let sliceStart = now()
  for (const [i, record] of records.entries()) {
    parsed.set(record.scope, rowsOfDepartment(record))
    if (i < records.length - 1 && now() - sliceStart > SLICE_MS) {
      await yieldToPage()
      sliceStart = now()
    }
  }
  return parsed
}

import type { Table } from 'dexie'
import type { ProjectData } from '@/domain/projectData'
import type { ManualStatus, Month } from '@/domain/types'
import { toBudgetAdjustment, toIndicator, toNote, toProject, toTargetAdjustment } from './mappers'
import type {
  BudgetAdjustmentRecord,
  IndicatorRecord,
  IndicatorValueRecord,
  NoteRecord,
  ProjectRecord,
  ProjectSummaryRecord,
  SpendingRecord,
  TargetAdjustmentRecord,
} from './records'

/**
 * Per-project summaries (v7) built from the monthly rows, without a database of their own: the
 * v7 upgrade, a restore and summaryRepository.ts build them here. See summaryRepository.ts.
 */

/** Tables derived from the others: never in a backup, rebuilt on restore (projectFigures: v8's, in case a file names it). */
export const DERIVED_TABLES: readonly string[] = ['projectSummaries', 'departmentFigures', 'projectFigures']

/** A project's rows, as read from the tables (any order within a table: keys order them here). */
export interface ProjectRows {
  readonly project: ProjectRecord
  readonly indicators: readonly IndicatorRecord[]
  readonly spending: readonly SpendingRecord[]
  readonly values: readonly IndicatorValueRecord[]
  readonly notes: readonly NoteRecord[]
  readonly budgetAdjustments: readonly BudgetAdjustmentRecord[]
  readonly targetAdjustments: readonly TargetAdjustmentRecord[]
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** The summary row of a project's rows, ordered as the tables' keys order them (so both paths give equal data). */
export function summaryOf(rows: ProjectRows): ProjectSummaryRecord {
  const spending = [...rows.spending].sort((a, b) => a.month - b.month)
  const values = [...rows.values].sort((a, b) => byString(a.indicatorId, b.indicatorId) || a.month - b.month)
  const columns: ProjectSummaryRecord['values'] = []
  for (const row of values) {
    let column = columns.at(-1)
    if (column?.indicatorId !== row.indicatorId) {
      column = { indicatorId: row.indicatorId, months: [], values: [], statuses: [] }
      columns.push(column)
    }
    column.months.push(row.month)
    column.values.push(row.value)
    column.statuses.push(row.manualStatus)
  }
  const indicators = [...rows.indicators].sort((a, b) => byString(a.id, b.id)).sort((a, b) => a.order - b.order)
  return {
    projectId: rows.project.id,
    order: rows.project.order,
    project: toProject(rows.project),
    indicators: indicators.map(toIndicator),
    spendingMonths: spending.map((row) => row.month),
    spendingAmounts: spending.map((row) => row.amount),
    values: columns,
    notes: [...rows.notes].sort((a, b) => a.month - b.month).map(toNote),
    budgetAdjustments: [...rows.budgetAdjustments].sort((a, b) => (a.id ?? 0) - (b.id ?? 0)).map(toBudgetAdjustment),
    targetAdjustments: [...rows.targetAdjustments].sort((a, b) => (a.id ?? 0) - (b.id ?? 0)).map(toTargetAdjustment),
  }
}

/** The project's data as evaluation reads it, from its summary row. */
export function projectDataOf(summary: ProjectSummaryRecord): ProjectData {
  const projectId = summary.projectId
  // Built here as the mappers build them (toSpending, toIndicatorValue), one object a month.
  const spending = summary.spendingMonths.map((month, i) => ({ projectId, month: month as Month, amount: summary.spendingAmounts[i]! }))
  const values = summary.values.flatMap((column) =>
    column.months.map((month, i) => ({
      indicatorId: column.indicatorId,
      month: month as Month,
      value: column.values[i] ?? null,
      manualStatus: (column.statuses[i] ?? null) as ManualStatus | null,
    })),
  )
  return {
    project: summary.project,
    indicators: summary.indicators,
    spending,
    values,
    notes: summary.notes,
    budgetAdjustments: summary.budgetAdjustments,
    targetAdjustments: summary.targetAdjustments,
  }
}

/** Groups rows by projectId. */
function groupBy<T extends { projectId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const group = groups.get(row.projectId)
    if (group) group.push(row)
    else groups.set(row.projectId, [row])
  }
  return groups
}

/** The rows of several projects, by table. */
export interface ProjectTables {
  readonly projects: readonly ProjectRecord[]
  readonly indicators: readonly IndicatorRecord[]
  readonly spending: readonly SpendingRecord[]
  readonly indicatorValues: readonly IndicatorValueRecord[]
  readonly notes: readonly NoteRecord[]
  readonly budgetAdjustments: readonly BudgetAdjustmentRecord[]
  readonly targetAdjustments: readonly TargetAdjustmentRecord[]
}

/** A set of projects' rows grouped by project id, per table. */
interface GroupedRows {
  readonly indicators: ReadonlyMap<string, IndicatorRecord[]>
  readonly spending: ReadonlyMap<string, SpendingRecord[]>
  readonly values: ReadonlyMap<string, IndicatorValueRecord[]>
  readonly notes: ReadonlyMap<string, NoteRecord[]>
  readonly budgetAdjustments: ReadonlyMap<string, BudgetAdjustmentRecord[]>
  readonly targetAdjustments: ReadonlyMap<string, TargetAdjustmentRecord[]>
}

/** One project's summary from grouped rows. */
function summaryOfGrouped(project: ProjectRecord, grouped: GroupedRows): ProjectSummaryRecord {
  const own = <T>(groups: ReadonlyMap<string, T[]>): T[] => groups.get(project.id) ?? []
  return summaryOf({
    project,
    indicators: own(grouped.indicators),
    spending: own(grouped.spending),
    values: own(grouped.values),
    notes: own(grouped.notes),
    budgetAdjustments: own(grouped.budgetAdjustments),
    targetAdjustments: own(grouped.targetAdjustments),
  })
}

/** Rows (or projects) handled between two pauses of summariesInSlices: a few tens of ms of work. */
const SLICE = 5000

/**
 * summariesOf in slices, awaiting `pause` between them (a restore builds 10,000 projects'
 * summaries without one long task; the page draws and answers input in the pauses).
 */
export async function summariesInSlices(tables: ProjectTables, pause: () => Promise<void>): Promise<ProjectSummaryRecord[]> {
  const group = async <T extends { projectId: string }>(rows: readonly T[]) => {
    const groups = new Map<string, T[]>()
    for (let start = 0; start < rows.length; start += SLICE) {
      for (const row of rows.slice(start, start + SLICE)) {
        const list = groups.get(row.projectId)
        if (list) list.push(row)
        else groups.set(row.projectId, [row])
      }
      await pause()
    }
    return groups
  }
  const grouped: GroupedRows = {
    indicators: await group(tables.indicators),
    spending: await group(tables.spending),
    values: await group(tables.indicatorValues),
    notes: await group(tables.notes),
    budgetAdjustments: await group(tables.budgetAdjustments),
    targetAdjustments: await group(tables.targetAdjustments),
  }
  const summaries: ProjectSummaryRecord[] = []
  for (const [i, project] of tables.projects.entries()) {
    summaries.push(summaryOfGrouped(project, grouped))
    if (i % (SLICE / 5) === SLICE / 5 - 1) await pause()
  }
  return summaries
}

/** Every project's summary from the rows of several projects (a scope, a backup's tables). */
export function summariesOf(tables: ProjectTables): ProjectSummaryRecord[] {
  const grouped: GroupedRows = {
    indicators: groupBy(tables.indicators),
    spending: groupBy(tables.spending),
    values: groupBy(tables.indicatorValues),
    notes: groupBy(tables.notes),
    budgetAdjustments: groupBy(tables.budgetAdjustments),
    targetAdjustments: groupBy(tables.targetAdjustments),
  }
  return tables.projects.map((project) => summaryOfGrouped(project, grouped))
}

/** The key range of every id starting with prefix (ids are `year/department/…`). */
export const upperOf = (prefix: string) => prefix + '\uffff'

export type TableOf = (name: string) => Table

/** Reads the rows of every project whose id starts with prefix, by key ranges, and writes their summaries. */
async function rebuildRange(table: TableOf, prefix: string): Promise<number> {
  const range = <T>(name: string, index: string) => table(name).where(index).between(prefix, upperOf(prefix), true, true).toArray() as Promise<T[]>
  // Spending and notes are keyed [projectId+month]: a range of the primary key, not of an index.
  const pkRange = <T>(name: string) => table(name).where(':id').between([prefix], [upperOf(prefix)], true, true).toArray() as Promise<T[]>
  const [projects, indicators, spending, indicatorValues, notes, budgetAdjustments, targetAdjustments] = await Promise.all([
    range<ProjectRecord>('projects', ':id'),
    range<IndicatorRecord>('indicators', 'projectId'),
    pkRange<SpendingRecord>('spending'),
    range<IndicatorValueRecord>('indicatorValues', 'projectId'),
    pkRange<NoteRecord>('notes'),
    range<BudgetAdjustmentRecord>('budgetAdjustments', 'projectId'),
    range<TargetAdjustmentRecord>('targetAdjustments', 'projectId'),
  ])
  const summaries = summariesOf({ projects, indicators, spending, indicatorValues, notes, budgetAdjustments, targetAdjustments })
  const summaryTable = table('projectSummaries')
  await summaryTable.where(':id').between(prefix, upperOf(prefix), true, true).delete()
  await summaryTable.bulkPut(summaries)
  return summaries.length
}

/**
 * Rebuilds the summaries of every project whose id starts with prefix ('' = all), one
 * year-and-department at a time (so a bureau's rows are never all in memory at once). Runs in
 * the caller's transaction when it has summaryTables; `table` lets the v7 upgrade pass its own.
 */
export async function rebuildSummariesWith(table: TableOf, prefix = ''): Promise<void> {
  const keys = (await table('projects').where(':id').between(prefix, upperOf(prefix), true, true).primaryKeys()) as string[]
  const scopes = new Set(keys.map((id) => id.split('/').slice(0, 2).join('/') + '/'))
  // Summaries of projects no longer stored (outside every scope left) go too.
  if (prefix === '') await table('projectSummaries').clear()
  for (const scope of scopes) await rebuildRange(table, scope)
  if (scopes.size === 0) await table('projectSummaries').where(':id').between(prefix, upperOf(prefix), true, true).delete()
}


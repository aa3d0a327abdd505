import { liveQuery, type Observable } from 'dexie'
import { latestDataMonth } from '@/domain/asOfMonth'
import type { ProjectData } from '@/domain/projectData'
import type { Month } from '@/domain/types'
import { db as defaultDb, type MonitorDatabase } from './database'
import { toBudgetAdjustment, toIndicator, toIndicatorValue, toNote, toProject, toSpending, toTargetAdjustment } from './mappers'
import type { DepartmentRecord, IndicatorValueRecord } from './records'
import { loadSummaries, observeSummaries, observeSummariesOf, summaryTables, type LiveList } from './summaryRepository'
import { upperOf } from './summaryRows'
import { sharedLiveQuery } from './sharedSource'

/** Which slice of the data a screen looks at: one year, one department or all (null). */
export interface Scope {
  readonly year: number
  readonly departmentCode: string | null
}

export interface Catalog {
  readonly years: readonly number[]
  /** Every department known, by code (names for any year) */
  readonly departments: readonly DepartmentRecord[]
  /** The [year, department code] pairs that have projects, by year then code */
  readonly yearDepartments: readonly (readonly [year: number, departmentCode: string])[]
}

/** An empty catalog, while it loads. */
export const EMPTY_CATALOG: Catalog = { years: [], departments: [], yearDepartments: [] }

/**
 * The departments a selector offers for a year: those with projects in it (all that have
 * projects in any year when year is null), so no choice leads to an empty page.
 */
export function departmentsInYear(catalog: Catalog, year: number | null): readonly DepartmentRecord[] {
  const codes = new Set(catalog.yearDepartments.filter(([y]) => year === null || y === year).map(([, code]) => code))
  return catalog.departments.filter((d) => codes.has(d.code))
}

/**
 * The project-id prefix shared by every project of a scope: ids are `year/department/code`
 * (projectId in the domain), so a scope's rows form one contiguous range of the projectId index.
 */
export function scopeKeyPrefix(scope: Scope): string {
  return scope.departmentCode === null ? `${scope.year}/` : `${scope.year}/${scope.departmentCode}/`
}

/** Years that have projects, newest first, all departments by code, and which have projects in which year. */
export async function loadCatalog(database: MonitorDatabase = defaultDb): Promise<Catalog> {
  // Unique keys of the compound index: one entry per (year, department), not per project.
  const pairs = (await database.projects.orderBy('[year+departmentCode]').uniqueKeys()) as unknown as [number, string][]
  const years = [...new Set(pairs.map(([year]) => year))]
  const departments = await database.departments.orderBy('code').toArray()
  return { years: years.reverse(), departments, yearDepartments: pairs.map(([year, code]) => [year, code] as const) }
}

/**
 * Live catalog of years and departments, shared by the pages and kept a minute after the last
 * (sharedSource): a page opened next has it as it subscribes, not after a read.
 */
export function observeCatalog(database: MonitorDatabase = defaultDb): LiveList<Catalog> {
  return sharedLiveQuery(`catalog\u0000${database.name}`, () => loadCatalog(database))
}

// ProjectData is a domain value; re-exported so repository callers keep one import.
export type { ProjectData }

/**
 * The tables a project's data is read from: a transaction that evaluates projects includes them
 * all. They are the summaries' tables (the rows and the summaries built from them): one list.
 */
export function projectDataTables(database: MonitorDatabase) {
  return summaryTables(database)
}

/**
 * Everything needed to evaluate the projects of a scope at any as-of month, in document
 * order: each project with its indicators, monthly spending, indicator entries, notes and its
 * budget and target adjustments (so every figure uses the budget and target in force). Read
 * from the per-project summaries (one row a project, one primary-key range), equal to
 * loadProjectDataFromRows.
 */
export async function loadProjectData(scope: Scope, database: MonitorDatabase = defaultDb): Promise<ProjectData[]> {
  return database.transaction('r', projectDataTables(database), () => loadSummaries(scopeKeyPrefix(scope), database))
}

/**
 * loadProjectData read from the monthly rows themselves (the source of truth), for entry and
 * to check the summaries against. Spending and notes, keyed [projectId+month], are read as one
 * range of their primary key; the other tables through their projectId index.
 */
export async function loadProjectDataFromRows(scope: Scope, database: MonitorDatabase = defaultDb): Promise<ProjectData[]> {
  return database.transaction(
    'r',
    projectDataTables(database),
    async () => {
      const projects = await (scope.departmentCode === null
        ? database.projects.where('year').equals(scope.year).toArray()
        : database.projects.where('[year+departmentCode]').equals([scope.year, scope.departmentCode]).toArray())
      projects.sort((a, b) => a.departmentCode.localeCompare(b.departmentCode) || a.order - b.order)
      // One key range per table instead of anyOf(ids): with 10,000 ids anyOf makes IndexedDB
      // seek once per id, which took minutes in the storage bench.
      const prefix = scopeKeyPrefix(scope)
      const [indicators, spending, values, notes, budgetAdjustments, targetAdjustments] = await Promise.all([
        database.indicators.where('projectId').startsWith(prefix).toArray(),
        database.spending.where(':id').between([prefix], [upperOf(prefix)], true, true).toArray(),
        database.indicatorValues.where('projectId').startsWith(prefix).toArray(),
        database.notes.where(':id').between([prefix], [upperOf(prefix)], true, true).toArray(),
        database.budgetAdjustments.where('projectId').startsWith(prefix).toArray(),
        database.targetAdjustments.where('projectId').startsWith(prefix).toArray(),
      ])
      const byProject = <T extends { projectId: string }>(rows: readonly T[]) => {
        const groups = new Map<string, T[]>()
        for (const row of rows) {
          const group = groups.get(row.projectId)
          if (group) group.push(row)
          else groups.set(row.projectId, [row])
        }
        return groups
      }
      const indicatorsBy = byProject(indicators)
      const spendingBy = byProject(spending)
      const valuesBy = byProject(values)
      const notesBy = byProject(notes)
      const budgetBy = byProject(budgetAdjustments)
      const targetBy = byProject(targetAdjustments)
      return projects.map((project) => ({
        project: toProject(project),
        indicators: (indicatorsBy.get(project.id) ?? []).sort((a, b) => a.order - b.order).map(toIndicator),
        spending: (spendingBy.get(project.id) ?? []).map(toSpending),
        values: (valuesBy.get(project.id) ?? []).map(toIndicatorValue),
        notes: (notesBy.get(project.id) ?? []).map(toNote),
        budgetAdjustments: (budgetBy.get(project.id) ?? []).map(toBudgetAdjustment),
        targetAdjustments: (targetBy.get(project.id) ?? []).map(toTargetAdjustment),
      }))
    },
  )
}

/**
 * Live version of loadProjectData: re-emits when any of the scope's projects change (any tab),
 * re-reading only the changed projects' summaries (observeSummaries).
 */
export function observeProjectData(scope: Scope, database: MonitorDatabase = defaultDb): LiveList<ProjectData[]> {
  return observeSummaries(scopeKeyPrefix(scope), database)
}

/**
 * Live project data of the given projects only (ids in the order wanted), from their summaries
 * (observeSummariesOf); `known`: data of some of them already read and kept up to date until now.
 */
export function observeProjectDataOf(ids: readonly string[], known?: ReadonlyMap<string, ProjectData>, database: MonitorDatabase = defaultDb): LiveList<ProjectData[]> {
  return observeSummariesOf(ids, known, database)
}

/** One project with its indicators (in document order), monthly spending, indicator entries and notes; null if unknown. */
export async function loadProject(projectId: string, database: MonitorDatabase = defaultDb): Promise<ProjectData | null> {
  return database.transaction(
    'r',
    projectDataTables(database),
    async () => {
      const project = await database.projects.get(projectId)
      if (!project) return null
      // equals, not startsWith: a project id may be the prefix of another (…/A1 and …/A12).
      const [indicators, spending, values, notes, budgetAdjustments, targetAdjustments] = await Promise.all([
        database.indicators.where('projectId').equals(projectId).sortBy('order'),
        database.spending.where('projectId').equals(projectId).toArray(),
        database.indicatorValues.where('projectId').equals(projectId).toArray(),
        database.notes.where('projectId').equals(projectId).toArray(),
        database.budgetAdjustments.where('projectId').equals(projectId).toArray(),
        database.targetAdjustments.where('projectId').equals(projectId).toArray(),
      ])
      return {
        project: toProject(project),
        indicators: indicators.map(toIndicator),
        spending: spending.map(toSpending),
        values: values.map(toIndicatorValue),
        notes: notes.map(toNote),
        budgetAdjustments: budgetAdjustments.map(toBudgetAdjustment),
        targetAdjustments: targetAdjustments.map(toTargetAdjustment),
      }
    },
  )
}

/** Live version of loadProject. */
export function observeProject(projectId: string, database: MonitorDatabase = defaultDb): Observable<ProjectData | null> {
  return liveQuery(() => loadProject(projectId, database))
}

/**
 * The latest month with data in a scope (latestDataMonth), read cheaply: only the keys of the
 * scope's spending and indicator entries (one key range each, no rows), plus the few indicator
 * rows later than the last spending month, to tell a value from an empty cell.
 */
export async function loadLatestDataMonth(scope: Scope, database: MonitorDatabase = defaultDb): Promise<Month | null> {
  const prefix = scopeKeyPrefix(scope)
  return database.transaction('r', [database.spending, database.indicatorValues], async () => {
    const [spendingKeys, valueKeys] = await Promise.all([
      database.spending.where('projectId').startsWith(prefix).primaryKeys(),
      database.indicatorValues.where('projectId').startsWith(prefix).primaryKeys(),
    ])
    const spending = spendingKeys.map(([, month]) => ({ month: month as Month }))
    const spendingLatest = latestDataMonth(spending, [])
    // Entries at or before the last spending month cannot make it later; read only the rest.
    const laterKeys = valueKeys.filter(([, month]) => spendingLatest === null || month > spendingLatest)
    const later = await database.indicatorValues.bulkGet(laterKeys)
    return latestDataMonth(spending, later.filter((row): row is IndicatorValueRecord => row !== undefined))
  })
}

/** Live version of loadLatestDataMonth: re-emits when the scope's spending or indicator entries change. */
export function observeLatestDataMonth(scope: Scope, database: MonitorDatabase = defaultDb): Observable<Month | null> {
  return liveQuery(() => loadLatestDataMonth(scope, database))
}

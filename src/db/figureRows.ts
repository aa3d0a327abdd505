import { latestDataMonth } from '@/domain/asOfMonth'
import { evaluateProjectData } from '@/domain/projectEvaluation'
import { figuresOf, thresholdsKey } from '@/domain/projectFigures'
import { activeProjectDataAt } from '@/domain/projectRegister'
import { MONTHS, type Thresholds } from '@/domain/types'
import type { ProjectFigureRecord, ProjectSummaryRecord } from './records'
import { readThresholds } from './settingsValues'
import { projectDataOf, upperOf, type TableOf } from './summaryRows'

/**
 * Per-project figures (v8): each project's figures (ProjectFigures) at each of the 12 as-of
 * months, computed from its summary under the thresholds in force, keyed [month+projectId] so
 * the overview of a scope at a month reads one key range of small rows and evaluates nothing.
 * Derived like the summaries: every writer that refreshes a summary writes its figures in the
 * same transaction; a row computed under other thresholds is stale (see figureRepository.ts).
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

/** The 12 primary keys of a project's figure rows. */
export const figureKeysOf = (projectId: string): [number, string][] => MONTHS.map((month) => [month, projectId])

/** The thresholds saved in the settings table (the settings row 'thresholds'), defaults when none. */
export async function thresholdsIn(table: TableOf): Promise<Thresholds> {
  const row = (await table('settings').get('thresholds')) as { value?: unknown } | undefined
  return readThresholds(row?.value)
}

/**
 * Rewrites the figure rows of every project whose id starts with prefix ('' = all) from their
 * summaries, under the saved thresholds; in the caller's transaction (it must include
 * projectSummaries, projectFigures and settings). `table` lets the v8 upgrade pass its own.
 */
export async function rebuildFiguresWith(table: TableOf, prefix = ''): Promise<void> {
  const t = await thresholdsIn(table)
  const key = thresholdsKey(t)
  const figures = table('projectFigures')
  for (const month of MONTHS) await figures.where(':id').between([month, prefix], [month, upperOf(prefix)], true, true).delete()
  const summaries = table('projectSummaries')
  const keys = (await summaries.where(':id').between(prefix, upperOf(prefix), true, true).primaryKeys()) as string[]
  // A department at a time: a bureau's summaries are never all in memory at once.
  const scopes = [...new Set(keys.map((id) => id.split('/').slice(0, 2).join('/') + '/'))]
  for (const scope of scopes) {
    const rows = (await summaries.where(':id').between(scope, upperOf(scope), true, true).toArray()) as ProjectSummaryRecord[]
    await figures.bulkPut(rows.flatMap((row) => figureRowsOf(row, t, key)))
  }
}

/** Summaries between two pauses of figuresInSlices: each is 12 evaluations. */
const SLICE = 100

/**
 * The figure rows of summaries under the thresholds saved in `settings` (rows of the settings
 * table), in slices awaiting `pause` between them: a restore builds a bureau's without a long task.
 */
export async function figuresInSlices(
  summaries: readonly ProjectSummaryRecord[],
  settings: readonly { readonly key: string; readonly value: unknown }[],
  pause: () => Promise<void>,
): Promise<ProjectFigureRecord[]> {
  const t = readThresholds(settings.find((row) => row.key === 'thresholds')?.value)
  const key = thresholdsKey(t)
  const rows: ProjectFigureRecord[] = []
  for (let start = 0; start < summaries.length; start += SLICE) {
    for (const summary of summaries.slice(start, start + SLICE)) rows.push(...figureRowsOf(summary, t, key))
    await pause()
  }
  return rows
}

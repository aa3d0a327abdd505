import type { DeviationReason, Fen, Likelihood, Month } from '@/domain/types'
import { projectId } from '@/domain/types'
import { db as defaultDb, type MonitorDatabase } from './database'
import { importDocument, ImportRejectedError, type ImportableDocument } from './importRepository'
import { getSettings, saveSettings } from './settingsRepository'
import { rebuildSummaries, refreshProjectSummaries } from './summaryRepository'

/** Demo actuals, addressed by project code and 三级指标 name as in the document. */
export interface DemoActuals {
  readonly spending: readonly { projectCode: string; month: Month; amount: Fen }[]
  readonly values: readonly { projectCode: string; indicatorName: string; month: Month; value: number }[]
  readonly notes: readonly {
    projectCode: string
    month: Month
    reasons: readonly DeviationReason[]
    explanation: string
    likelihood: Likelihood | null
    actions: string
  }[]
}

const ALL_TABLES = (database: MonitorDatabase) => [
  database.departments,
  database.projects,
  database.indicators,
  database.spending,
  database.indicatorValues,
  database.notes,
  database.changes,
  database.settings,
  database.imports,
  database.monthLocks,
  database.meetingAgendaFlags,
  database.decisions,
  database.actionItems,
  database.reportedRounds,
  database.budgetAdjustments,
  database.targetAdjustments,
  database.projectSummaries,
  database.departmentFigures,
]

/** True when no project has ever been stored (first start). */
export async function isDatabaseEmpty(database: MonitorDatabase = defaultDb): Promise<boolean> {
  return (await database.projects.count()) === 0
}

/** Loads the demo department with its actuals in one transaction and marks it as demo. */
export async function loadDemo(
  document: ImportableDocument,
  actuals: DemoActuals,
  source: { readonly fileName: string; readonly warningCount: number },
  database: MonitorDatabase = defaultDb,
): Promise<void> {
  await database.transaction('rw', ALL_TABLES(database), async () => {
    const summary = await importDocument(document, { ...source, actor: '示例数据' }, database)
    // By code, not by a derived id: the id of a project is not its code.
    const ids = new Map(
      (await database.projects.where('[year+departmentCode]').equals([summary.year, summary.departmentCode]).toArray()).map((row) => [row.code, row.id]),
    )
    const idOf = (code: string) => ids.get(code) ?? projectId(summary.year, summary.departmentCode, code)
    const indicators = await database.indicators.toArray()
    const indicatorOf = (code: string, name: string) => {
      const found = indicators.find((row) => row.projectId === idOf(code) && row.name === name)
      if (!found) throw new ImportRejectedError(`示例数据找不到指标「${name}」`)
      return found
    }
    await database.spending.bulkPut(
      actuals.spending.map((row) => ({ projectId: idOf(row.projectCode), month: row.month, amount: row.amount })),
    )
    await database.indicatorValues.bulkPut(
      actuals.values.map((row) => {
        const indicator = indicatorOf(row.projectCode, row.indicatorName)
        return { indicatorId: indicator.id, projectId: indicator.projectId, month: row.month, value: row.value, manualStatus: null }
      }),
    )
    await database.notes.bulkPut(
      actuals.notes.map((note) => ({
        projectId: idOf(note.projectCode),
        month: note.month,
        reasons: [...note.reasons],
        explanation: note.explanation,
        likelihood: note.likelihood,
        actions: note.actions,
      })),
    )
    await rebuildSummaries(database, `${summary.year}/${summary.departmentCode}/`)
    await saveSettings({ demo: { year: summary.year, departmentCode: summary.departmentCode }, demoDismissed: false }, database)
  })
}

/** Removes the demo department (its projects, actuals, notes and log) and the demo marker. */
export async function clearDemo(database: MonitorDatabase = defaultDb): Promise<void> {
  await database.transaction('rw', ALL_TABLES(database), async () => {
    const { demo } = await getSettings(database)
    if (!demo) return
    const ids = await database.projects
      .where('[year+departmentCode]')
      .equals([demo.year, demo.departmentCode])
      .primaryKeys()
    await database.indicators.where('projectId').anyOf(ids).delete()
    await database.spending.where('projectId').anyOf(ids).delete()
    await database.indicatorValues.where('projectId').anyOf(ids).delete()
    await database.notes.where('projectId').anyOf(ids).delete()
    await database.changes.where('projectId').anyOf(ids).delete()
    await database.meetingAgendaFlags.where('projectId').anyOf(ids).delete()
    await database.decisions.where('projectId').anyOf(ids).delete()
    await database.actionItems.where('projectId').anyOf(ids).delete()
    await database.projects.bulkDelete(ids)
    await refreshProjectSummaries(database, ids)
    await database.imports.where('[year+departmentCode]').equals([demo.year, demo.departmentCode]).delete()
    await database.monthLocks.filter((row) => row.year === demo.year && row.departmentCode === demo.departmentCode).delete()
    await database.reportedRounds.filter((row) => row.year === demo.year && row.departmentCode === demo.departmentCode).delete()
    const stillUsed = await database.projects.filter((row) => row.departmentCode === demo.departmentCode).count()
    if (stillUsed === 0) await database.departments.delete(demo.departmentCode)
    await database.settings.delete('demo')
    await saveSettings({ demoDismissed: true }, database)
  })
}

import type { BudgetSplit, Department, IndicatorTarget, SpendPlan } from '@/domain/types'
import { projectId } from '@/domain/types'
import { db as defaultDb, type MonitorDatabase } from './database'
import { toProjectRecord } from './mappers'
import type { IndicatorRecord } from './records'

/** What an importer hands to the store: one department's 绩效目标表 for one year. */
export interface ImportableDocument {
  readonly year: number | null
  readonly department: Department
  readonly projects: readonly {
    readonly code: string
    readonly name: string
    readonly budget: BudgetSplit
    readonly plan: SpendPlan
    readonly purpose: string
    readonly goals: readonly string[]
    readonly indicators: readonly {
      readonly level1: string
      readonly level2: string
      readonly name: string
      readonly description: string
      readonly target: IndicatorTarget
      readonly basis: string | null
    }[]
  }[]
}

export interface ImportOptions {
  readonly fileName: string
  readonly actor: string
  /** Fiscal year to use when the document does not state one. */
  readonly year?: number
  readonly warningCount?: number
}

export interface ImportSummary {
  readonly year: number
  readonly departmentCode: string
  readonly projectsCreated: number
  readonly projectsUpdated: number
  readonly indicatorsCreated: number
  readonly indicatorsUpdated: number
  /** Indicators stored earlier but absent from this document: kept with their actuals. */
  readonly indicatorsKept: number
}

/** Raised when a document cannot be stored; nothing of it has been written. */
export class ImportRejectedError extends Error {
  override readonly name = 'ImportRejectedError'
}

/**
 * Stores a parsed document in one transaction: projects are matched on (year, department,
 * project code) and updated in place; indicators are matched on their 一级/二级/三级 names.
 * Entered actuals are never touched, so re-importing a corrected document is safe.
 */
export async function importDocument(
  document: ImportableDocument,
  options: ImportOptions,
  database: MonitorDatabase = defaultDb,
): Promise<ImportSummary> {
  const year = document.year ?? options.year
  if (year === undefined || !Number.isInteger(year)) {
    throw new ImportRejectedError('文档未写明预算年度，请先选择年度。 (No fiscal year.)')
  }
  const departmentCode = document.department.code.trim()
  if (departmentCode === '') throw new ImportRejectedError('文档缺少单位编码。 (No department code.)')
  // Project ids are `year/department/code`; a slash in the code would blur scope prefixes.
  if (departmentCode.includes('/')) {
    throw new ImportRejectedError(`单位编码「${departmentCode}」含有“/”，请改为纯编码后再导入。`)
  }

  return database.transaction(
    'rw',
    [database.departments, database.projects, database.indicators, database.changes, database.imports],
    async () => {
      const counts = { projectsCreated: 0, projectsUpdated: 0, indicatorsCreated: 0, indicatorsUpdated: 0, indicatorsKept: 0 }
      await database.departments.put({ code: departmentCode, name: document.department.name })
      for (const [index, project] of document.projects.entries()) {
        assertStorable(project)
        const id = projectId(year, departmentCode, project.code)
        const existing = await database.projects.get(id)
        const record = toProjectRecord({ ...project, id, year, departmentCode }, index)
        await database.projects.put(record)
        counts[existing ? 'projectsUpdated' : 'projectsCreated']++

        const stored = await database.indicators.where('projectId').equals(id).toArray()
        // Queues per key, so two indicators sharing a name still match one to one.
        const unmatched = new Map<string, IndicatorRecord[]>()
        for (const row of stored.sort((a, b) => a.order - b.order)) {
          unmatched.set(indicatorKey(row), [...(unmatched.get(indicatorKey(row)) ?? []), row])
        }
        let nextNumber = stored.reduce((max, row) => Math.max(max, indicatorNumber(row.id)), 0)
        for (const [order, indicator] of project.indicators.entries()) {
          const match = unmatched.get(indicatorKey(indicator))?.shift()
          const row: IndicatorRecord = {
            id: match?.id ?? `${id}#${++nextNumber}`,
            projectId: id,
            order,
            level1: indicator.level1,
            level2: indicator.level2,
            name: indicator.name,
            description: indicator.description,
            targetRaw: indicator.target.raw,
            operator: indicator.target.operator,
            targetValue: indicator.target.value,
            unit: indicator.target.unit,
            kind: indicator.target.kind,
            // A user's 口径 is a correction of the document's inference: a re-import keeps it.
            ...(match?.kindOverride != null ? { kindOverride: match.kindOverride } : {}),
            basis: indicator.basis,
          }
          await database.indicators.put(row)
          counts[match ? 'indicatorsUpdated' : 'indicatorsCreated']++
        }
        // Indicators the new document no longer lists keep their rows (and so their
        // entered values); they move behind the document's own indicators.
        for (const [extra, row] of [...unmatched.values()].flat().entries()) {
          await database.indicators.update(row.id, { order: project.indicators.length + extra })
          counts.indicatorsKept++
        }
      }
      const at = new Date().toISOString()
      const indicatorCount = document.projects.reduce((n, p) => n + p.indicators.length, 0)
      await database.imports.add({
        at,
        year,
        departmentCode,
        fileName: options.fileName,
        projectCount: document.projects.length,
        indicatorCount,
        warningCount: options.warningCount ?? 0,
      })
      await database.changes.add({
        at,
        actor: options.actor,
        kind: 'import',
        projectId: null,
        indicatorId: null,
        month: null,
        oldValue: null,
        newValue: { fileName: options.fileName, projects: document.projects.length, indicators: indicatorCount },
        summary: `导入 ${options.fileName}：${document.projects.length} 个项目，${indicatorCount} 个指标`,
      })
      return { year, departmentCode, ...counts }
    },
  )
}

function indicatorKey(indicator: { level1: string; level2: string; name: string }): string {
  return [indicator.level1, indicator.level2, indicator.name].map((part) => part.trim()).join('\u0000')
}

function indicatorNumber(id: string): number {
  const number = Number(id.slice(id.lastIndexOf('#') + 1))
  return Number.isInteger(number) ? number : 0
}

function assertStorable(project: ImportableDocument['projects'][number]): void {
  const where = project.name || project.code || '(未命名项目)'
  if (project.code.trim() === '') throw new ImportRejectedError(`项目「${where}」缺少项目编码，未导入任何内容。`)
  const amounts = [project.budget.total, project.budget.fiscal, project.budget.other]
  if (!amounts.every((amount) => amount === null || (Number.isSafeInteger(amount) && amount >= 0))) {
    throw new ImportRejectedError(`项目「${where}」的预算数不是有效金额，未导入任何内容。`)
  }
}

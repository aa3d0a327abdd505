import {
  findConflicts,
  INDICATOR_FIELD_LABELS,
  INDICATOR_FIELDS,
  indicatorFieldTexts,
  PROJECT_FIELD_LABELS,
  PROJECT_FIELDS,
  projectFieldTexts,
  type HandEditedProject,
  type IndicatorField,
  type ProjectField,
} from '@/domain/handEdits'
import type { BudgetSplit, Department, IndicatorTarget, SpendPlan } from '@/domain/types'
import { projectId } from '@/domain/types'
import { db as defaultDb, type MonitorDatabase } from './database'
import { rebuildSummaries, summaryTables } from './summaryRepository'
import { toProject, toProjectRecord } from './mappers'
import { assertDepartmentWritable } from './pulledSubmissionRepository'
import type { IndicatorRecord, ProjectRecord } from './records'

/** What an importer hands to the store: one department's 绩效目标表 for one year. */
export interface ImportableDocument {
  readonly year: number | null
  readonly department: Department
  readonly projects: readonly {
    readonly code: string
    /** The code was generated from the name (自编): the document has none. */
    readonly isCodeGenerated?: boolean
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
  /** Document codes of projects whose hand edits the document overwrites; others keep them. */
  readonly takeDocument?: ReadonlySet<string>
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
 * project code; or the code of their last import, when the code was edited by hand) and
 * updated in place, keeping their id; indicators are matched on their 一级/二级/三级 names
 * (or those of their last import). Fields edited by hand in 项目管理 keep the hand value
 * unless the project's document code is in `options.takeDocument`. Entered actuals are never
 * touched, so re-importing a corrected document is safe.
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
  // Project ids start with `year/department/`; a slash in the code would blur scope prefixes.
  if (departmentCode.includes('/')) {
    throw new ImportRejectedError(`单位编码「${departmentCode}」含有“/”，请改为纯编码后再导入。`)
  }

  return database.transaction(
    'rw',
    [database.departments, ...summaryTables(database), database.changes, database.imports],
    async () => {
      await assertDepartmentWritable(departmentCode, database)
      const counts = { projectsCreated: 0, projectsUpdated: 0, indicatorsCreated: 0, indicatorsUpdated: 0, indicatorsKept: 0 }
      await database.departments.put({ code: departmentCode, name: document.department.name })
      const matches = await matchStoredProjects(database, year, departmentCode, document.projects.map((p) => p.code))
      for (const [index, project] of document.projects.entries()) {
        assertStorable(project)
        const existing = matches[index]
        const id = existing?.id ?? (await freshImportId(database, year, departmentCode, project.code))
        const isKeepingEdits = !(options.takeDocument?.has(project.code) ?? false)
        const imported = toProjectRecord({ ...project, id, year, departmentCode }, index)
        await database.projects.put(mergeProject(existing, imported, project, isKeepingEdits))
        counts[existing ? 'projectsUpdated' : 'projectsCreated']++

        const stored = await database.indicators.where('projectId').equals(id).toArray()
        const match = indicatorMatcher(stored)
        let nextNumber = stored.reduce((max, row) => Math.max(max, indicatorNumber(row.id)), 0)
        for (const [order, indicator] of project.indicators.entries()) {
          const found = match(indicator)
          const row: IndicatorRecord = {
            id: found?.id ?? `${id}#${++nextNumber}`,
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
            basis: indicator.basis,
          }
          await database.indicators.put(mergeIndicator(found, row, isKeepingEdits))
          counts[found ? 'indicatorsUpdated' : 'indicatorsCreated']++
        }
        // Indicators the new document no longer lists (also those added by hand) keep their
        // rows (and so their entered values); they move behind the document's own indicators.
        for (const [extra, row] of match.rest().entries()) {
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
      // Every project of the department: ids start with `year/department/`.
      await rebuildSummaries(database, `${year}/${departmentCode}/`)
      return { year, departmentCode, ...counts }
    },
  )
}

/**
 * The document's projects that were edited by hand (项目管理) since their last import, with
 * each edited field the document would overwrite (stored hand value → document value).
 * Only projects with at least one such field are listed.
 */
export async function findHandEdits(
  document: Pick<ImportableDocument, 'projects'>,
  year: number,
  departmentCode: string,
  database: MonitorDatabase = defaultDb,
): Promise<HandEditedProject[]> {
  return database.transaction('r', [database.projects, database.indicators], async () => {
    const matches = await matchStoredProjects(database, year, departmentCode, document.projects.map((p) => p.code))
    const found: HandEditedProject[] = []
    for (const [index, project] of document.projects.entries()) {
      const existing = matches[index]
      if (!existing) continue
      const stored = toProject(existing)
      const conflicts = findConflicts(
        projectFieldTexts(stored),
        projectFieldTexts({ ...project, code: project.code }),
        existing.editedFields ?? [],
        PROJECT_FIELDS,
        PROJECT_FIELD_LABELS,
      )
      const match = indicatorMatcher(await database.indicators.where('projectId').equals(existing.id).toArray())
      for (const indicator of project.indicators) {
        const row = match(indicator)
        if (!row || !row.editedFields?.length) continue
        const incoming = indicatorFieldTexts({ ...indicator, targetRaw: indicator.target.raw })
        conflicts.push(
          ...findConflicts(indicatorFieldTexts(row), incoming, row.editedFields, INDICATOR_FIELDS, INDICATOR_FIELD_LABELS, `指标「${row.name}」的`),
        )
      }
      if (conflicts.length > 0) found.push({ index, code: project.code, name: project.name, conflicts })
    }
    return found
  })
}

/**
 * The stored project of each document code, one to one: by code first (for the whole document),
 * then, for codes left over, by the code of a project's last import (its code edited by hand).
 */
async function matchStoredProjects(
  database: MonitorDatabase,
  year: number,
  departmentCode: string,
  codes: readonly string[],
): Promise<(ProjectRecord | undefined)[]> {
  const rows = await database.projects.where('[year+departmentCode]').equals([year, departmentCode]).toArray()
  const byCode = new Map(rows.map((row) => [row.code, row]))
  const matched = codes.map((code) => byCode.get(code))
  const used = new Set(matched.flatMap((row) => (row ? [row.id] : [])))
  return matched.map((row, i) => {
    if (row) return row
    const found = rows.find((candidate) => !used.has(candidate.id) && candidate.importedCode === codes[i])
    if (found) used.add(found.id)
    return found
  })
}

/** The id of a project imported for the first time: year/department/code, unless a project (whose code was edited since) holds it. */
async function freshImportId(database: MonitorDatabase, year: number, departmentCode: string, code: string): Promise<string> {
  const id = projectId(year, departmentCode, code)
  return (await database.projects.get(id)) ? newStableId(projectId(year, departmentCode, '~')) : id
}

/** The stored project after an import: the document's fields, except hand-edited ones when they are kept. */
function mergeProject(
  existing: ProjectRecord | undefined,
  imported: ProjectRecord,
  project: ImportableDocument['projects'][number],
  isKeepingEdits: boolean,
): ProjectRecord {
  const fromDocument: ProjectRecord = {
    ...imported,
    importedCode: project.code,
    ...(project.isCodeGenerated ? { isCodeGenerated: true } : {}),
  }
  if (!existing) return fromDocument
  // Archiving is a hand decision the document knows nothing of: it stays.
  const kept = { ...(existing.archivedAt ? { archivedAt: existing.archivedAt } : {}) }
  const edited = isKeepingEdits ? (existing.editedFields ?? []) : []
  if (edited.length === 0) return { ...fromDocument, ...kept }
  const stored = projectFieldTexts(toProject(existing))
  const incoming = projectFieldTexts(toProject(fromDocument))
  // Still a hand edit only where it differs from the document; where they agree the marker goes.
  const stillEdited = edited.filter((field) => (PROJECT_FIELDS as readonly string[]).includes(field) && stored[field as ProjectField] !== incoming[field as ProjectField])
  const record: ProjectRecord = { ...fromDocument, ...kept, editedFields: stillEdited }
  for (const field of stillEdited) Object.assign(record, projectFieldsOf(existing, field as ProjectField))
  return record
}

function projectFieldsOf(row: ProjectRecord, field: ProjectField): Partial<ProjectRecord> {
  switch (field) {
    case 'budget':
      return { budgetTotal: row.budgetTotal, budgetFiscal: row.budgetFiscal, budgetOther: row.budgetOther }
    case 'code':
      return { code: row.code, isCodeGenerated: row.isCodeGenerated ?? false }
    default:
      return { [field]: row[field] }
  }
}

/** The stored indicator after an import: as mergeProject, for one indicator (口径 by hand always kept). */
function mergeIndicator(found: IndicatorRecord | undefined, imported: IndicatorRecord, isKeepingEdits: boolean): IndicatorRecord {
  const fromDocument: IndicatorRecord = { ...imported, importedKey: keyParts(imported) }
  if (!found) return fromDocument
  const kept: Partial<IndicatorRecord> = {
    // A user's 口径 is a correction of the document's inference: a re-import keeps it.
    ...(found.kindOverride != null ? { kindOverride: found.kindOverride } : {}),
    ...(found.archivedAt ? { archivedAt: found.archivedAt } : {}),
  }
  const edited = isKeepingEdits ? (found.editedFields ?? []) : []
  const stored = indicatorFieldTexts(found)
  const incoming = indicatorFieldTexts(fromDocument)
  const stillEdited = edited.filter((field) => (INDICATOR_FIELDS as readonly string[]).includes(field) && stored[field as IndicatorField] !== incoming[field as IndicatorField])
  const record: IndicatorRecord = { ...fromDocument, ...kept, ...(stillEdited.length > 0 ? { editedFields: stillEdited } : {}) }
  for (const field of stillEdited) {
    if (field === 'target') {
      Object.assign(record, { targetRaw: found.targetRaw, operator: found.operator, targetValue: found.targetValue, unit: found.unit, kind: found.kind })
    } else {
      Object.assign(record, { [field]: found[field as Exclude<IndicatorField, 'target'>] })
    }
  }
  return record
}

/**
 * Matches document indicators to stored ones, one to one: on their 一级/二级/三级 names, else on
 * the names of their last import (renamed by hand). `rest()` lists the stored ones left over.
 */
function indicatorMatcher(stored: readonly IndicatorRecord[]) {
  const left = new Set(stored)
  const sorted = [...stored].sort((a, b) => a.order - b.order)
  const take = (predicate: (row: IndicatorRecord) => boolean) => {
    const row = sorted.find((candidate) => left.has(candidate) && predicate(candidate))
    if (row) left.delete(row)
    return row
  }
  const matcher = (indicator: { level1: string; level2: string; name: string }) => {
    const key = indicatorKey(indicator)
    return take((row) => indicatorKey(row) === key) ?? take((row) => row.importedKey !== undefined && row.importedKey.join('\u0000') === key)
  }
  return Object.assign(matcher, { rest: () => sorted.filter((row) => left.has(row)) })
}

function keyParts(indicator: { level1: string; level2: string; name: string }): string[] {
  return [indicator.level1, indicator.level2, indicator.name].map((part) => part.trim())
}

/** A new id no other row has: prefix + random base-36 (ids never derive from an editable code). */
export function newStableId(prefix: string): string {
  const bytes = new Uint8Array(8)
  crypto.getRandomValues(bytes)
  return prefix + [...bytes].map((byte) => byte.toString(36).padStart(2, '0')).join('')
}

function indicatorKey(indicator: { level1: string; level2: string; name: string }): string {
  return keyParts(indicator).join('\u0000')
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

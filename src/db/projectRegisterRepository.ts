import { liveQuery, type Observable } from 'dexie'
import { changedFields, INDICATOR_FIELD_LABELS, INDICATOR_FIELDS, indicatorFieldTexts, PROJECT_FIELD_LABELS, PROJECT_FIELDS, projectFieldTexts } from '@/domain/handEdits'
import { checkProjectDraft, type DraftErrors, type IndicatorInput, type ProjectDraft, type ProjectInput, type TargetReader } from '@/domain/projectRegister'
import type { Indicator, Project } from '@/domain/types'
import { generatedCode } from '@/importers/document/codes'
import { parseTarget } from '@/importers/parseTarget'
import { newChange } from './changeLogRepository'
import { db as defaultDb, type MonitorDatabase } from './database'
import { newStableId } from './importRepository'
import { refreshProjectSummaries, summaryTables } from './summaryRepository'
import { toIndicator, toProject } from './mappers'
import { assertDepartmentWritable, assertProjectWritable } from './pulledSubmissionRepository'
import type { ChangeRecord, IndicatorRecord, ProjectRecord } from './records'

/** One project of 项目管理 with all its indicators (archived ones too), in order. */
export interface RegisterEntry {
  readonly project: Project
  readonly indicators: readonly Indicator[]
}

/** Raised when a draft breaks a rule; `errors` by field (see DraftErrors). Nothing was written. */
export class RegisterRejectedError extends Error {
  override readonly name = 'RegisterRejectedError'
  constructor(readonly errors: DraftErrors) {
    super(Object.values(errors).join('；'))
  }
}

/** The importer's reading of a 指标值, so a hand-typed one is read exactly as an imported one. */
export const readTarget: TargetReader = (raw, context) => parseTarget(raw, context)

/** Every project (archived too) of a department's year with its indicators, in document order. */
export async function loadRegister(year: number, departmentCode: string, database: MonitorDatabase = defaultDb): Promise<RegisterEntry[]> {
  return database.transaction('r', [database.projects, database.indicators], async () => {
    const projects = await database.projects.where('[year+departmentCode]').equals([year, departmentCode]).sortBy('order')
    const indicators = await database.indicators.where('projectId').anyOf(projects.map((p) => p.id)).toArray()
    return projects.map((project) => ({
      project: toProject(project),
      indicators: indicators
        .filter((row) => row.projectId === project.id)
        .sort((a, b) => a.order - b.order)
        .map(toIndicator),
    }))
  })
}

/** Live version of loadRegister. */
export function observeRegister(year: number, departmentCode: string, database: MonitorDatabase = defaultDb): Observable<RegisterEntry[]> {
  return liveQuery(() => loadRegister(year, departmentCode, database))
}

const PROJECT_TABLES = (database: MonitorDatabase) => [database.departments, ...summaryTables(database), database.changes]

/**
 * Creates a project by hand, with its indicators, in one transaction; its id never derives from
 * its code (`year/department/~random`). Refuses (RegisterRejectedError) what checkProjectDraft refuses.
 */
export async function createProject(
  scope: { readonly year: number; readonly departmentCode: string },
  draft: ProjectDraft,
  actor: string,
  database: MonitorDatabase = defaultDb,
): Promise<string> {
  return database.transaction('rw', PROJECT_TABLES(database), async () => {
    await assertDepartmentWritable(scope.departmentCode, database)
    if (!(await database.departments.get(scope.departmentCode))) {
      throw new RegisterRejectedError({ name: `单位「${scope.departmentCode}」不存在：请先导入该单位的绩效目标表，或在页面上方选择单位` })
    }
    const siblings = await database.projects.where('[year+departmentCode]').equals([scope.year, scope.departmentCode]).toArray()
    const input = checked(draft, siblings)
    const id = newStableId(`${scope.year}/${scope.departmentCode}/~`)
    const code = input.code === '' ? uniqueGeneratedCode(input.name, siblings) : input.code
    const record: ProjectRecord = {
      id,
      year: scope.year,
      departmentCode: scope.departmentCode,
      ...projectValues(input),
      code,
      order: siblings.reduce((max, row) => Math.max(max, row.order + 1), 0),
      ...(input.code === '' ? { isCodeGenerated: true } : {}),
      // Made by hand: a document that later lists the same code must not overwrite it silently.
      editedFields: [...PROJECT_FIELDS],
    }
    await database.projects.add(record)
    const changes: ChangeRecord[] = [
      newChange({ actor, kind: 'project', projectId: id, month: null, oldValue: null, newValue: record, summary: `新建项目「${record.name}」（${code}）` }),
    ]
    await writeIndicators(database, id, [], input.indicators, actor, changes)
    await database.changes.bulkAdd(changes)
    await refreshProjectSummaries(database, [id])
    return id
  })
}

/**
 * Saves a hand edit of a project and its indicators in one transaction: changed fields are
 * marked as hand edits (a re-import keeps them), each change logged old → new, indicators
 * marked removed archived. The id never changes, also when the code does.
 */
export async function saveProject(id: string, draft: ProjectDraft, actor: string, database: MonitorDatabase = defaultDb): Promise<void> {
  await database.transaction('rw', PROJECT_TABLES(database), async () => {
    const stored = await database.projects.get(id)
    if (!stored) throw new RegisterRejectedError({ name: '找不到这个项目，它可能已被删除：请返回项目列表' })
    assertProjectWritable(stored)
    const siblings = (await database.projects.where('[year+departmentCode]').equals([stored.year, stored.departmentCode]).toArray()).filter(
      (row) => row.id !== id,
    )
    const indicators = await database.indicators.where('projectId').equals(id).toArray()
    const input = checked(draft, siblings, new Map(indicators.map((row) => [row.id, row.targetRaw])))
    // Cleared code: generated again (自编), unless it already was one.
    const isGenerated = input.code === '' ? true : input.code === stored.code ? (stored.isCodeGenerated ?? false) : false
    const code = input.code === '' ? (stored.isCodeGenerated ? stored.code : uniqueGeneratedCode(input.name, siblings)) : input.code
    const values = { ...projectValues(input), code }
    const next: ProjectRecord = { ...stored, ...keepUnsplitBudget(stored, values), ...(isGenerated ? { isCodeGenerated: true } : { isCodeGenerated: false }) }
    if (!stored.isCodeGenerated && !isGenerated) delete next.isCodeGenerated
    const before = projectFieldTexts(toProject(stored))
    const after = projectFieldTexts(toProject(next))
    const fields = changedFields(before, after, PROJECT_FIELDS)
    const changes: ChangeRecord[] = []
    if (fields.length > 0) {
      next.editedFields = [...new Set([...(stored.editedFields ?? []), ...fields])]
      await database.projects.put(next)
      changes.push(
        newChange({
          actor,
          kind: 'project',
          projectId: id,
          month: null,
          oldValue: Object.fromEntries(fields.map((f) => [f, before[f]])),
          newValue: Object.fromEntries(fields.map((f) => [f, after[f]])),
          summary: `修改项目「${next.name}」：${fields.map((f) => `${PROJECT_FIELD_LABELS[f]} ${before[f] || '（空）'} → ${after[f] || '（空）'}`).join('；')}`,
        }),
      )
    }
    await writeIndicators(database, id, indicators, input.indicators, actor, changes)
    if (changes.length > 0) await database.changes.bulkAdd(changes)
    await refreshProjectSummaries(database, [id])
  })
}

/** Archives (删除) a project or brings it back (恢复); its actuals stay stored either way; logged. */
export async function setProjectArchived(id: string, isArchived: boolean, actor: string, database: MonitorDatabase = defaultDb): Promise<void> {
  await database.transaction('rw', [...summaryTables(database), database.changes], async () => {
    const stored = await database.projects.get(id)
    if (!stored || Boolean(stored.archivedAt) === isArchived) return
    assertProjectWritable(stored)
    const archivedAt = isArchived ? new Date().toISOString() : null
    await database.projects.put({ ...stored, archivedAt })
    await database.changes.add(
      newChange({
        actor,
        kind: 'project',
        projectId: id,
        month: null,
        oldValue: { archivedAt: stored.archivedAt ?? null },
        newValue: { archivedAt },
        summary: `${isArchived ? '删除（归档）' : '恢复'}项目「${stored.name}」（${stored.code}）${isArchived ? '，已录入的数据保留' : ''}`,
      }),
    )
    await refreshProjectSummaries(database, [id])
  })
}

/** Brings an archived indicator back (恢复), logged. */
export async function restoreIndicator(id: string, actor: string, database: MonitorDatabase = defaultDb): Promise<void> {
  await database.transaction('rw', [...summaryTables(database), database.changes], async () => {
    const stored = await database.indicators.get(id)
    if (!stored?.archivedAt) return
    await database.indicators.put({ ...stored, archivedAt: null })
    await database.changes.add(
      newChange({
        actor,
        kind: 'indicatorDefinition',
        projectId: stored.projectId,
        indicatorId: id,
        month: null,
        oldValue: { archivedAt: stored.archivedAt },
        newValue: { archivedAt: null },
        summary: `恢复指标「${stored.name}」`,
      }),
    )
    await refreshProjectSummaries(database, [stored.projectId])
  })
}

function checked(draft: ProjectDraft, siblings: readonly ProjectRecord[], storedTargets?: ReadonlyMap<string, string>): ProjectInput {
  const result = checkProjectDraft(draft, new Set(siblings.map((row) => row.code)), readTarget, storedTargets)
  if (!result.ok) throw new RegisterRejectedError(result.errors)
  return result.value
}

function projectValues(input: ProjectInput) {
  return {
    name: input.name,
    code: input.code,
    budgetTotal: input.budget.total,
    budgetFiscal: input.budget.fiscal,
    budgetOther: input.budget.other,
    purpose: input.purpose,
    plan: { ...input.plan },
    goals: [...input.goals],
  }
}

/**
 * A document may state only 预算数 (no split); the form shows it as 财政资金. Saved unchanged,
 * it stays unsplit, so an untouched budget is not logged as an edit.
 */
function keepUnsplitBudget<T extends ReturnType<typeof projectValues>>(stored: ProjectRecord, values: T): T {
  const isUnsplit = stored.budgetFiscal === null && stored.budgetOther === null
  const isSame = values.budgetFiscal === stored.budgetTotal && values.budgetOther === null
  return isUnsplit && isSame ? { ...values, budgetFiscal: null } : values
}

/** A 自编 code from the name, as the importer makes one, made unique with -2, -3 … */
function uniqueGeneratedCode(name: string, siblings: readonly ProjectRecord[]): string {
  const taken = new Set(siblings.map((row) => row.code))
  const base = generatedCode(name)
  let code = base
  for (let n = 2; taken.has(code); n++) code = `${base}-${n}`
  return code
}

/** Writes the indicator rows of a draft (new, changed, removed → archived), collecting log rows. */
async function writeIndicators(
  database: MonitorDatabase,
  projectId: string,
  stored: readonly IndicatorRecord[],
  inputs: readonly IndicatorInput[],
  actor: string,
  changes: ChangeRecord[],
): Promise<void> {
  const byId = new Map(stored.map((row) => [row.id, row]))
  const log = (indicatorId: string, oldValue: unknown, newValue: unknown, summary: string) =>
    changes.push(newChange({ actor, kind: 'indicatorDefinition', projectId, indicatorId, month: null, oldValue, newValue, summary }))
  let order = 0
  for (const input of inputs) {
    const existing = input.id === null ? undefined : byId.get(input.id)
    if (input.isRemoved) {
      if (existing && !existing.archivedAt) {
        const archivedAt = new Date().toISOString()
        await database.indicators.put({ ...existing, archivedAt })
        log(existing.id, { archivedAt: null }, { archivedAt }, `删除（归档）指标「${existing.name}」，已录入的数据保留`)
      }
      continue
    }
    const values = {
      level1: input.level1,
      level2: input.level2,
      name: input.name,
      description: input.description,
      targetRaw: input.target.raw,
      operator: input.target.operator,
      targetValue: input.target.value,
      unit: input.target.unit,
      kind: input.target.kind,
      basis: input.basis,
    }
    const position = order++
    if (!existing) {
      const row: IndicatorRecord = {
        id: newStableId(`${projectId}#~`),
        projectId,
        order: position,
        ...values,
        ...(input.kindOverride !== null ? { kindOverride: input.kindOverride } : {}),
        editedFields: [...INDICATOR_FIELDS],
      }
      await database.indicators.add(row)
      log(row.id, null, values, `新增指标「${row.name}」：指标值 ${row.targetRaw}`)
      continue
    }
    const before = indicatorFieldTexts(existing)
    const after = indicatorFieldTexts(values)
    const fields = changedFields(before, after, INDICATOR_FIELDS)
    const kindOverride = input.kindOverride ?? existing.kindOverride ?? null
    const isKindChanged = input.kindOverride !== null && input.kindOverride !== (existing.kindOverride ?? null)
    if (fields.length === 0 && !isKindChanged && existing.order === position) continue
    const next: IndicatorRecord = {
      ...existing,
      ...values,
      order: position,
      ...(kindOverride !== null ? { kindOverride } : {}),
      ...(fields.length > 0 ? { editedFields: [...new Set([...(existing.editedFields ?? []), ...fields])] } : {}),
    }
    await database.indicators.put(next)
    if (fields.length > 0 || isKindChanged) {
      const parts = fields.map((f) => `${INDICATOR_FIELD_LABELS[f]} ${before[f] || '（空）'} → ${after[f] || '（空）'}`)
      if (isKindChanged) parts.push(`口径 → ${kindOverride === 'cumulative' ? '累计' : '时点'}`)
      log(
        existing.id,
        { ...Object.fromEntries(fields.map((f) => [f, before[f]])), ...(isKindChanged ? { kindOverride: existing.kindOverride ?? null } : {}) },
        { ...Object.fromEntries(fields.map((f) => [f, after[f]])), ...(isKindChanged ? { kindOverride } : {}) },
        `修改指标「${next.name}」：${parts.join('；')}`,
      )
    }
  }
}

/**
 * 调整预算 and 调整目标: adding, editing and removing them, each in one transaction with the
 * change log, validated by the domain checks (checkBudgetAdjustment, checkTargetAdjustment).
 * Invalid input throws AdjustmentInvalidError with a Chinese message per field; nothing is written.
 */
import {
  adjustmentKindLabel,
  adjustmentMonth,
  checkBudgetAdjustment,
  findNegativeBudget,
  isAdjustmentValid,
  type BudgetAdjustment,
} from '@/domain/budgetAdjustment'
import { formatTarget } from '@/domain/indicatorFormat'
import { formatWan } from '@/domain/money'
import { checkTargetAdjustment } from '@/domain/targetAdjustment'
import type { Month } from '@/domain/types'
import { parseTarget } from '@/importers/parseTarget'
import { newChange } from './changeLogRepository'
import { db as defaultDb, type MonitorDatabase } from './database'
import { refreshProjectSummaries, summaryTables } from './summaryRepository'
import { toBudgetAdjustment, toIndicator, toProject } from './mappers'
import { assertProjectWritable } from './pulledSubmissionRepository'
import type { BudgetAdjustmentRecord, ProjectRecord, TargetAdjustmentRecord } from './records'

/** The fields of an adjustment form that can be wrong. */
export type AdjustmentField = 'date' | 'fiscal' | 'other' | 'documentNo' | 'toProjectId' | 'targetRaw' | 'month' | 'reason'

/** Raised when an adjustment is refused: a Chinese message per field; the database is unchanged. */
export class AdjustmentInvalidError extends Error {
  override readonly name = 'AdjustmentInvalidError'
  constructor(readonly errors: Readonly<Partial<Record<AdjustmentField, string>>>) {
    super(Object.values(errors).join(' '))
  }
}

/** A 追加 / 调减 as entered: amounts in 分 (调减 negative). */
export interface BudgetAdjustmentInput {
  readonly projectId: string
  readonly date: string
  readonly fiscal: number
  readonly other: number
  readonly documentNo: string
  readonly reason: string
}

/** A 调剂: `fiscal` / `other` (分, positive) move from one project to another under one 文号. */
export interface BudgetTransferInput {
  readonly fromProjectId: string
  readonly toProjectId: string
  readonly date: string
  readonly fiscal: number
  readonly other: number
  readonly documentNo: string
  readonly reason: string
}

/** A new target version as typed: the 指标值 text is parsed here, as the importer parses it. */
export interface TargetAdjustmentInput {
  readonly indicatorId: string
  readonly month: Month
  readonly targetRaw: string
  readonly reason: string
}

function refuse(errors: Readonly<Partial<Record<AdjustmentField, string>>>): never {
  throw new AdjustmentInvalidError(errors)
}

/** How the change log describes an adjustment, e.g. 调减预算 1.00 万元（财政资金 −1.00）· 北财预〔2020〕12号. */
function describeAdjustment(a: BudgetAdjustment): string {
  const total = a.fiscal + a.other
  const parts = [a.fiscal !== 0 ? `财政资金 ${formatWan(a.fiscal)}` : '', a.other !== 0 ? `其他资金 ${formatWan(a.other)}` : ''].filter(Boolean)
  const ref = [a.documentNo, a.reason].filter((s) => s.trim() !== '').join('，')
  return `${a.date} ${adjustmentKindLabel(a)}预算 ${formatWan(Math.abs(total))} 万元（${parts.join('，')} 万元）${ref === '' ? '' : ` · ${ref}`}`
}

async function projectOf(database: MonitorDatabase, projectId: string, field: AdjustmentField = 'date'): Promise<ProjectRecord> {
  const project = await database.projects.get(projectId)
  if (project) assertProjectWritable(project)
  return project ?? refuse({ [field]: '找不到该项目，可能已被删除。请刷新页面后重试。' })
}

async function adjustmentsOf(database: MonitorDatabase, projectId: string): Promise<BudgetAdjustment[]> {
  return (await database.budgetAdjustments.where('projectId').equals(projectId).toArray()).map(toBudgetAdjustment)
}

function rowOf(input: BudgetAdjustmentInput, transferGroup: string | null, actor: string): BudgetAdjustmentRecord {
  const { projectId, date, fiscal, other } = input
  return { projectId, date, fiscal, other, documentNo: input.documentNo.trim(), reason: input.reason.trim(), transferGroup, at: new Date().toISOString(), actor }
}

/**
 * An edited row: when it was first recorded and by whom stay (so an adjustment recorded before
 * a 报送 is not taken for one recorded after it), `editedAt` says when it was changed.
 */
function editedRow(row: BudgetAdjustmentRecord, old: BudgetAdjustmentRecord, id: number): BudgetAdjustmentRecord {
  return { ...row, id, at: old.at, actor: old.actor, editedAt: row.at }
}

/** Checks a row against the project's other adjustments; refuses with field errors. */
async function checkRow(database: MonitorDatabase, row: BudgetAdjustmentRecord, exceptId?: number): Promise<void> {
  const project = toProject(await projectOf(database, row.projectId))
  const others = (await adjustmentsOf(database, row.projectId)).filter((a) => a.id !== exceptId)
  const errors = checkBudgetAdjustment(project, others, toBudgetAdjustment(row))
  if (!isAdjustmentValid(errors)) refuse(errors)
}

async function logBudget(database: MonitorDatabase, actor: string, before: BudgetAdjustmentRecord | null, after: BudgetAdjustmentRecord | null): Promise<void> {
  const row = (after ?? before) as BudgetAdjustmentRecord
  const verb = before === null ? '' : after === null ? '删除：' : '修改：'
  await database.changes.add(
    newChange({
      actor,
      kind: 'budget',
      projectId: row.projectId,
      month: adjustmentMonth(row.date),
      oldValue: before,
      newValue: after,
      summary: `${verb}${describeAdjustment(toBudgetAdjustment(row))}`,
    }),
  )
}

/** The tables an adjustment's write touches: its own, the change log and the project summaries. */
const adjustmentTables = (database: MonitorDatabase) => [...summaryTables(database), database.changes]

/** Records a 追加 / 调减 (amounts in 分) of a project, validated and logged; returns its id. */
export async function addBudgetAdjustment(input: BudgetAdjustmentInput, actor: string, database: MonitorDatabase = defaultDb): Promise<number> {
  return database.transaction('rw', adjustmentTables(database), async () => {
    const row = rowOf(input, null, actor)
    await checkRow(database, row)
    const id = (await database.budgetAdjustments.add(row)) as number
    await logBudget(database, actor, null, { ...row, id })
    await refreshProjectSummaries(database, [row.projectId])
    return id
  })
}

/** Changes a recorded 追加 / 调减 (not a 调剂, which is removed and entered again), validated and logged. */
export async function updateBudgetAdjustment(
  id: number,
  input: Omit<BudgetAdjustmentInput, 'projectId'>,
  actor: string,
  database: MonitorDatabase = defaultDb,
): Promise<void> {
  await database.transaction('rw', adjustmentTables(database), async () => {
    const old = await database.budgetAdjustments.get(id)
    if (!old) return refuse({ date: '这笔调整已不存在，可能已被删除。请刷新页面。' })
    if (old.transferGroup !== null) refuse({ date: '调剂的两笔调整须一起修改：请删除这笔调剂后重新录入。' })
    const row = editedRow(rowOf({ ...input, projectId: old.projectId }, null, actor), old, id)
    await checkRow(database, row, id)
    await database.budgetAdjustments.put(row)
    await logBudget(database, actor, old, row)
    await refreshProjectSummaries(database, [row.projectId])
  })
}

/**
 * Removes an adjustment (both rows of a 调剂), logged; refused when a project's budget in force
 * would fall below 0 in some month without it (a later 调减 relied on it).
 */
export async function removeBudgetAdjustment(id: number, actor: string, database: MonitorDatabase = defaultDb): Promise<void> {
  await database.transaction('rw', adjustmentTables(database), async () => {
    const old = await database.budgetAdjustments.get(id)
    if (!old) return
    const rows = old.transferGroup === null ? [old] : await database.budgetAdjustments.where('transferGroup').equals(old.transferGroup).toArray()
    const ids = new Set(rows.map((row) => row.id))
    for (const row of rows) {
      const project = toProject(await projectOf(database, row.projectId))
      const rest = (await adjustmentsOf(database, row.projectId)).filter((a) => !ids.has(a.id))
      const negative = findNegativeBudget(project, rest)
      if (negative !== null)
        refuse({ date: `删除后「${project.name}」${negative.month}月的调整后预算数将小于 0（${formatWan(negative.value)} 万元）。请先删除或修改后面的调减。` })
    }
    await database.budgetAdjustments.bulkDelete(rows.map((row) => row.id as number))
    for (const row of rows) await logBudget(database, actor, row, null)
    await refreshProjectSummaries(database, rows.map((row) => row.projectId))
  })
}

/**
 * Records a 调剂: a 调减 of `fiscal` / `other` (分) on one project and the same 追加 on another,
 * under one 文号, in one transaction; returns the transfer's group key.
 */
export async function addBudgetTransfer(input: BudgetTransferInput, actor: string, database: MonitorDatabase = defaultDb): Promise<string> {
  checkTransferInput(input)
  return database.transaction('rw', adjustmentTables(database), async () => {
    // Not crypto.randomUUID: it exists only in secure contexts, and the app may be served over plain http.
    const group = `t-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
    const common = { date: input.date, documentNo: input.documentNo, reason: input.reason }
    const out = rowOf({ ...common, projectId: input.fromProjectId, fiscal: 0 - input.fiscal, other: 0 - input.other }, group, actor)
    const into = rowOf({ ...common, projectId: input.toProjectId, fiscal: input.fiscal, other: input.other }, group, actor)
    await checkRow(database, out)
    await checkReceiving(database, into)
    for (const row of [out, into]) {
      const id = (await database.budgetAdjustments.add(row)) as number
      await logBudget(database, actor, null, { ...row, id })
    }
    await refreshProjectSummaries(database, [out.projectId, into.projectId])
    return group
  })
}

function checkTransferInput(input: BudgetTransferInput): void {
  if (input.toProjectId === input.fromProjectId) refuse({ toProjectId: '调入项目不能是本项目。请选择另一个项目。' })
  if (input.toProjectId === '') refuse({ toProjectId: '请选择调入的项目。' })
  if (input.fiscal < 0 || input.other < 0) refuse({ fiscal: '调剂金额请填正数：从本项目调出、调入所选项目。' })
}

/** Checks the receiving side of a 调剂; its errors are about the chosen project, so they go to that field. */
async function checkReceiving(database: MonitorDatabase, row: BudgetAdjustmentRecord, exceptId?: number): Promise<void> {
  const target = await projectOf(database, row.projectId, 'toProjectId')
  try {
    await checkRow(database, row, exceptId)
  } catch (error) {
    if (error instanceof AdjustmentInvalidError) refuse({ toProjectId: `调入「${target.name}」：${Object.values(error.errors).join(' ')}` })
    throw error
  }
}

/** The two rows of a 调剂 (调出 first), or null when the transfer is gone. */
export async function loadTransfer(
  group: string,
  database: MonitorDatabase = defaultDb,
): Promise<{ out: BudgetAdjustmentRecord; into: BudgetAdjustmentRecord } | null> {
  const rows = await database.budgetAdjustments.where('transferGroup').equals(group).toArray()
  const out = rows.find((r) => r.fiscal + r.other < 0)
  const into = rows.find((r) => r !== out)
  return rows.length === 2 && out && into ? { out, into } : null
}

/**
 * Changes a 调剂 (date, amounts, 文号, reason, receiving project): both rows in one transaction,
 * each checked against its project's other adjustments, both logged old → new. `input` is put
 * as from the project giving the money, amounts positive; that project cannot change.
 */
export async function updateBudgetTransfer(group: string, input: BudgetTransferInput, actor: string, database: MonitorDatabase = defaultDb): Promise<void> {
  checkTransferInput(input)
  await database.transaction('rw', adjustmentTables(database), async () => {
    const old = await loadTransfer(group, database)
    if (old === null) return refuse({ date: '这笔调剂已不存在，可能已被删除。请刷新页面。' })
    if (old.out.projectId !== input.fromProjectId) refuse({ date: '调剂的调出项目不能修改：请删除这笔调剂后重新录入。' })
    const common = { date: input.date, documentNo: input.documentNo, reason: input.reason }
    const out = editedRow(rowOf({ ...common, projectId: old.out.projectId, fiscal: 0 - input.fiscal, other: 0 - input.other }, group, actor), old.out, old.out.id as number)
    const into = editedRow(rowOf({ ...common, projectId: input.toProjectId, fiscal: input.fiscal, other: input.other }, group, actor), old.into, old.into.id as number)
    await checkRow(database, out, old.out.id)
    await checkReceiving(database, into, old.into.id)
    if (old.into.projectId !== into.projectId) {
      // The project that no longer receives the money must not be left below 0 without it.
      const project = toProject(await projectOf(database, old.into.projectId, 'toProjectId'))
      const rest = (await adjustmentsOf(database, project.id)).filter((a) => a.id !== old.into.id)
      const negative = findNegativeBudget(project, rest)
      if (negative !== null)
        refuse({ toProjectId: `改调入项目后「${project.name}」${negative.month}月的调整后预算数将小于 0（${formatWan(negative.value)} 万元）。请先删除或修改它后面的调减。` })
    }
    await database.budgetAdjustments.bulkPut([out, into])
    await logBudget(database, actor, old.out, out)
    await logBudget(database, actor, old.into, into)
    await refreshProjectSummaries(database, [out.projectId, into.projectId, old.into.projectId])
  })
}

/** Records a new version of an indicator's target (parsed with parseTarget), validated and logged; returns its id. */
export async function addTargetAdjustment(input: TargetAdjustmentInput, actor: string, database: MonitorDatabase = defaultDb): Promise<number> {
  return database.transaction('rw', adjustmentTables(database), async () => {
    const record = await database.indicators.get(input.indicatorId)
    if (!record) return refuse({ targetRaw: '找不到该指标，可能已被删除。请刷新页面后重试。' })
    const indicator = toIndicator(record)
    const raw = input.targetRaw.trim()
    const { target } = parseTarget(raw, { name: indicator.name, description: indicator.description })
    const errors = checkTargetAdjustment(indicator, { month: input.month, targetRaw: raw, value: target.value, reason: input.reason })
    if (!isAdjustmentValid(errors)) refuse(errors)
    const row: TargetAdjustmentRecord = {
      indicatorId: indicator.id,
      projectId: indicator.projectId,
      month: input.month,
      targetRaw: raw,
      operator: target.operator,
      targetValue: target.value,
      unit: target.unit,
      kind: target.kind,
      reason: input.reason.trim(),
      at: new Date().toISOString(),
      actor,
    }
    const id = (await database.targetAdjustments.add(row)) as number
    const summary = `「${indicator.name}」调整目标：${formatTarget(indicator.target)} → ${formatTarget(target)}（${input.month}月起）· ${row.reason}`
    await database.changes.add(
      newChange({ actor, kind: 'target', projectId: indicator.projectId, indicatorId: indicator.id, month: input.month, oldValue: null, newValue: { ...row, id }, summary }),
    )
    await refreshProjectSummaries(database, [indicator.projectId])
    return id
  })
}

/** Removes a target version (the previous one, or the original, is in force again), logged. */
export async function removeTargetAdjustment(id: number, actor: string, database: MonitorDatabase = defaultDb): Promise<void> {
  await database.transaction('rw', adjustmentTables(database), async () => {
    const old = await database.targetAdjustments.get(id)
    if (!old) return
    const indicator = await database.indicators.get(old.indicatorId)
    await database.targetAdjustments.delete(id)
    const name = indicator ? `「${indicator.name}」` : ''
    const summary = `删除${name}调整目标：${old.targetRaw}（${old.month}月起${old.reason ? `，${old.reason}` : ''}）`
    await database.changes.add(
      newChange({ actor, kind: 'target', projectId: old.projectId, indicatorId: old.indicatorId, month: old.month, oldValue: old, newValue: null, summary }),
    )
    await refreshProjectSummaries(database, [old.projectId])
  })
}

/** The projects of a year a 调剂 can go to, by department and document order: id and name. */
export async function loadTransferTargets(year: number, database: MonitorDatabase = defaultDb): Promise<{ id: string; name: string }[]> {
  const projects = await database.projects.where('year').equals(year).toArray()
  projects.sort((a, b) => a.departmentCode.localeCompare(b.departmentCode) || a.order - b.order)
  return projects.map((p) => ({ id: p.id, name: p.name }))
}

// The bureau's copy of the departments' submissions (来自报送): a round pulled from the 财政局
// server is written into this browser's IndexedDB as read-only departments, so the overview,
// ranking, department and meeting pages work across them. The marker lives on the department
// row (`pulled`) and on each of its projects (`pulledFrom`): no schema change.
import Dexie from 'dexie'
import { readRoundProjects, type RoundContent, type RoundProject } from '@/api/roundContent'
import { buildReportedRound } from '@/domain/reportedRound'
import { parseTarget } from '@/importers/parseTarget'
import { DEFAULT_THRESHOLDS, MONTHS, projectId as makeProjectId, type Month, type Thresholds } from '@/domain/types'
import { newChange } from './changeLogRepository'
import { db as defaultDb, type MonitorDatabase } from './database'
import { loadProjectData, projectDataTables } from './monitorRepository'
import { getSettings, saveSettings } from './settingsRepository'
import { rebuildSummaries } from './summaryRepository'
import type {
  ActionItemRecord,
  BudgetAdjustmentRecord,
  DepartmentRecord,
  IndicatorNoteRecord,
  IndicatorRecord,
  IndicatorValueRecord,
  NoteRecord,
  ProjectRecord,
  PulledMarker,
  SpendingRecord,
} from './records'

/** Thrown when a write targets data pulled from the server; the message is for the user. */
export class PulledReadOnlyError extends Error {
  constructor(readonly departmentCode: string, readonly marker: PulledMarker, departmentName: string | null = null) {
    super(`${departmentName ? `「${departmentName}」` : `部门 ${departmentCode} `}的数据来自报送（${marker.year}年${marker.month}月第 ${marker.revision} 版），只读，不能在本机修改。如需更正，请退回该部门修改后重新报送。`)
    this.name = 'PulledReadOnlyError'
  }
}

/** Thrown when a pull would overwrite a department entered or imported in this browser. */
export class PullRefusedError extends Error {
  override readonly name = 'PullRefusedError'
}

/** Refuses (PulledReadOnlyError) a write to a project pulled from the server. */
export function assertProjectWritable(project: Pick<ProjectRecord, 'departmentCode' | 'pulledFrom'>): void {
  if (project.pulledFrom) throw new PulledReadOnlyError(project.departmentCode, project.pulledFrom)
}

/** Refuses (PulledReadOnlyError) a write to a pulled project, by id; call in a transaction that includes projects. */
export async function assertProjectIdWritable(projectId: string, database: MonitorDatabase = defaultDb): Promise<void> {
  const project = await database.projects.get(projectId)
  if (project) assertProjectWritable(project)
}

/**
 * Refuses (PulledReadOnlyError) a write to a department's year pulled from the server (its
 * projects carry the marker); call in a transaction that includes projects.
 */
export async function assertDepartmentYearWritable(year: number, departmentCode: string, database: MonitorDatabase = defaultDb): Promise<void> {
  const pulled = await database.projects.where('[year+departmentCode]').equals([year, departmentCode]).filter((p) => p.pulledFrom !== undefined).first()
  if (pulled?.pulledFrom) throw new PulledReadOnlyError(departmentCode, pulled.pulledFrom)
}

/**
 * Refuses (PulledReadOnlyError) a write to a department pulled from the server. Call inside a
 * transaction that includes the departments table.
 */
export async function assertDepartmentWritable(departmentCode: string, database: MonitorDatabase = defaultDb): Promise<void> {
  const department = await database.departments.get(departmentCode)
  if (department?.pulled) throw new PulledReadOnlyError(departmentCode, department.pulled, department.name)
}

/** A submission as the server hands it to the bureau (GET /api/rounds/:year/:month/submissions). */
export interface PulledSubmission {
  readonly id: number
  readonly department: { readonly code: string; readonly name: string }
  readonly year: number
  readonly month: number
  readonly revision: number
  readonly submittedAt: string
  readonly content: unknown
}

/** What a pull did to one department: `kept` = this browser holds a later round of that year, left as it is. */
export type PullOutcome = 'created' | 'replaced' | 'unchanged' | 'kept'

/** Every table a pull reads or writes. */
export function pullTables(database: MonitorDatabase) {
  return [
    ...projectDataTables(database),
    database.departments,
    database.settings,
    database.indicatorNotes,
    database.actionItems,
    database.meetingAgendaFlags,
    database.decisions,
    database.meetingRecords,
    database.monthLocks,
    database.reportedRounds,
    database.changes,
  ]
}

/**
 * Writes one department's submission into this browser, in one transaction: the department's
 * data of that year is replaced by the submission's (projects with their 年初预算数 and, as one
 * adjustment from 1月, the difference to the budget in force; plan,
 * monthly spending and indicator entries of months 1..m, the month's notes and indicator notes,
 * the 整改 items), the month marked 已报送 with its round, and the department marked 来自报送.
 * The same submission pulled again changes nothing, nor does an earlier round of a year whose
 * later round is here (`kept`). Refused (PullRefusedError, nothing written)
 * when the department exists here and was not pulled: its own data is never overwritten (the
 * demo department excepted: it is replaced, and the demo is not loaded again).
 */
export async function storePulledSubmission(
  submission: PulledSubmission,
  actor: string,
  pulledAt: Date = new Date(),
  database: MonitorDatabase = defaultDb,
): Promise<PullOutcome> {
  const { year, department } = submission
  const month = toMonth(submission.month)
  const code = department.code
  if (code.includes('/')) throw new PullRefusedError(`报送的部门编码「${code}」含有“/”，无法存入本机。`)
  return database.transaction('rw', pullTables(database), async () => {
    const existing = await database.departments.get(code)
    // The demo department (loaded on a browser's first start) is sample data: a pull replaces it.
    const { demo } = await getSettings(database)
    if (demo?.departmentCode === code && !existing?.pulled) {
      await clearDepartmentYear(database, demo.year, code)
      await rebuildSummaries(database, makeProjectId(demo.year, code, ''))
      await saveSettings({ demo: null, demoDismissed: true }, database)
    }
    if (existing && !existing.pulled && (await hasOwnData(database, code))) {
      throw new PullRefusedError(`本机已有部门「${existing.name}」（${code}）自己录入或导入的数据，未用报送数据覆盖。请在另一个浏览器配置（或另一台电脑）中拉取本轮报送。`)
    }
    if (existing?.pulled?.submissionId === submission.id) return 'unchanged'
    // A later round of the year holds months 1..m of this one too: an earlier round never replaces it.
    const held = existing?.pulled
    if (held && held.year === year && (held.month > month || (held.month === month && held.revision > submission.revision))) return 'kept'
    const marker: PulledMarker = { submissionId: submission.id, year, month, revision: submission.revision, submittedAt: submission.submittedAt, pulledAt: pulledAt.toISOString() }
    await clearDepartmentYear(database, year, code)
    const record: DepartmentRecord = { code, name: department.name, pulled: marker }
    await database.departments.put(record)
    const content = submission.content as Partial<RoundContent> | null
    const rows = toRows(readRoundProjects(content), year, code, month, marker)
    await database.projects.bulkPut(rows.projects)
    await database.indicators.bulkPut(rows.indicators)
    await database.spending.bulkPut(rows.spending)
    await database.indicatorValues.bulkPut(rows.values)
    await database.notes.bulkPut(rows.notes)
    await database.indicatorNotes.bulkPut(rows.indicatorNotes)
    await database.actionItems.bulkAdd(rows.actions)
    await database.budgetAdjustments.bulkAdd(rows.adjustments)
    const round = content?.round
    const reportedAt = round?.reportedAt ?? submission.submittedAt
    const reportedBy = round?.reportedBy ?? department.name
    await database.monthLocks.put({ year, departmentCode: code, month, lockedAt: reportedAt, lockedBy: reportedBy })
    // The overview, department page and meeting read the per-project summaries: rebuild the department's year.
    await rebuildSummaries(database, makeProjectId(year, code, ''))
    // The round as the department reported it, judged with its thresholds: the pages show it.
    const data = await loadProjectData({ year, departmentCode: code }, database)
    const thresholds: Thresholds = { ...DEFAULT_THRESHOLDS, ...(round?.thresholds ?? {}) }
    const reported = buildReportedRound(data, { year, departmentCode: code, month, revision: round?.revision ?? submission.revision, reportedAt, reportedBy }, thresholds)
    await database.reportedRounds.add({ ...reported, reopenedAt: null, reopenedBy: null, reopenReason: null })
    await database.changes.add(newChange({
      actor,
      kind: 'import',
      projectId: null,
      month,
      oldValue: existing?.pulled ?? null,
      newValue: marker,
      summary: `拉取报送：${department.name} ${year}年${month}月第 ${submission.revision} 版，${rows.projects.length} 个项目`,
    }))
    return existing?.pulled ? 'replaced' : 'created'
  })
}

/** True when the department has projects (any year) that were not pulled. */
async function hasOwnData(database: MonitorDatabase, code: string): Promise<boolean> {
  const own = await database.projects.where('[year+departmentCode]').between([Dexie.minKey, code], [Dexie.maxKey, code]).filter((p) => p.departmentCode === code && !p.pulledFrom).count()
  return own > 0
}

/** Deletes a department's data of one year: projects and everything keyed by them, its locks, rounds and meeting records. */
async function clearDepartmentYear(database: MonitorDatabase, year: number, code: string): Promise<void> {
  const prefix = makeProjectId(year, code, '')
  const byProject = [
    database.indicators, database.spending, database.indicatorValues, database.notes, database.budgetAdjustments,
    database.targetAdjustments, database.indicatorNotes, database.actionItems, database.meetingAgendaFlags, database.decisions,
  ]
  await database.projects.where('[year+departmentCode]').equals([year, code]).delete()
  for (const table of byProject) await table.where('projectId').startsWith(prefix).delete()
  const lower = [year, code, Dexie.minKey]
  const upper = [year, code, Dexie.maxKey]
  await database.monthLocks.where('[year+departmentCode+month]').between(lower, upper).delete()
  await database.reportedRounds.where('[year+departmentCode+month]').between(lower, upper).delete()
  await database.meetingRecords.where('[year+departmentCode+month]').between(lower, upper).delete()
}

function toMonth(value: number): Month {
  const month = MONTHS.find((m) => m === value)
  if (month === undefined) throw new PullRefusedError(`报送的月份 ${value} 不是 1 至 12 月。`)
  return month
}

const isQualitativeStatus = (status: string): status is 'green' | 'yellow' | 'red' => status === 'green' || status === 'yellow' || status === 'red'

/** The stored rows of a submission's projects (ids kept when they belong to this department's year). */
function toRows(projects: readonly RoundProject[], year: number, code: string, month: Month, marker: PulledMarker) {
  const prefix = makeProjectId(year, code, '')
  const rows = {
    projects: [] as ProjectRecord[], indicators: [] as IndicatorRecord[], spending: [] as SpendingRecord[], values: [] as IndicatorValueRecord[],
    notes: [] as NoteRecord[], indicatorNotes: [] as IndicatorNoteRecord[], actions: [] as ActionItemRecord[],
    adjustments: [] as BudgetAdjustmentRecord[],
  }
  const used = new Set<string>()
  for (const [order, p] of projects.entries()) {
    let id = p.id.startsWith(prefix) && !used.has(p.id) ? p.id : makeProjectId(year, code, p.code || `~${order + 1}`)
    if (used.has(id)) id = `${prefix}~pulled${order + 1}`
    used.add(id)
    const initial = p.budgetInitial ?? p.budget
    const fiscal = (p.budget.fiscal ?? 0) - (initial.fiscal ?? 0)
    const other = (p.budget.other ?? 0) - (initial.other ?? 0)
    if (fiscal !== 0 || other !== 0) {
      rows.adjustments.push({ projectId: id, date: `${year}-01-01`, fiscal, other, documentNo: '', reason: '报送时的年度预算调整合计', transferGroup: null, at: marker.pulledAt, actor: '来自报送' })
    }
    rows.projects.push({
      id, year, departmentCode: code, code: p.code, name: p.name,
      // 年初预算数; the budget in force comes back through one adjustment of the difference.
      budgetTotal: initial.total, budgetFiscal: initial.fiscal, budgetOther: initial.other,
      purpose: p.purpose ?? '',
      plan: { 3: p.plan?.[3] ?? null, 6: p.plan?.[6] ?? null, 10: p.plan?.[10] ?? null, 12: p.plan?.[12] ?? null },
      goals: [...(p.goals ?? [])],
      order,
      pulledFrom: marker,
    })
    p.monthlySpending.forEach((amount, index) => {
      if (amount !== null && index < month) rows.spending.push({ projectId: id, month: (index + 1) as Month, amount })
    })
    if (p.note) {
      rows.notes.push({ projectId: id, month, reasons: [...p.note.reasons] as NoteRecord['reasons'], explanation: p.note.explanation, likelihood: p.note.likelihood ?? p.likelihood, actions: p.note.actions })
    }
    for (const [index, indicator] of p.indicators.entries()) {
      const indicatorId = indicator.id.startsWith(`${id}#`) ? indicator.id : `${id}#${index + 1}`
      // A format 1 document has the 指标值 as written only: read its operator and number again.
      const parsed = indicator.targetValue === undefined ? parseTarget(indicator.target).target : null
      rows.indicators.push({
        id: indicatorId, projectId: id, order: index,
        level1: indicator.level1, level2: indicator.level2, name: indicator.name, description: indicator.description ?? '',
        targetRaw: indicator.target, operator: indicator.operator ?? parsed?.operator ?? null, targetValue: indicator.targetValue ?? parsed?.value ?? null,
        unit: indicator.unit, kind: indicator.kind, basis: indicator.basis ?? null,
      })
      indicator.monthlyValues.forEach((value, at) => {
        if (value !== null && at < month) rows.values.push({ indicatorId, projectId: id, month: (at + 1) as Month, value, manualStatus: null })
      })
      // A qualitative indicator's status is set by hand: the month's status is what was reported.
      if (indicator.kind === 'qualitative' && isQualitativeStatus(indicator.status)) {
        rows.values.push({ indicatorId, projectId: id, month, value: null, manualStatus: indicator.status })
      }
      if (indicator.note) {
        const n = indicator.note
        rows.indicatorNotes.push({ indicatorId, projectId: id, month, reasons: [...n.reasons], likelihood: n.likelihood, explanation: n.explanation, remark: n.remark, forecast: n.forecast ?? null })
      }
    }
    for (const item of p.actionItems) {
      const itemMonth = MONTHS.find((m) => m === item.month) ?? month
      rows.actions.push({
        projectId: id, month: itemMonth, text: item.text, owner: item.owner, dueDate: item.dueDate, status: item.status,
        closedMonth: item.status === 'closed' ? month : null,
        ...(item.progress ? { progress: item.progress } : {}),
        completionNote: item.completionNote ?? '', completedOn: item.completedOn ?? '', evidence: item.evidence ?? '',
      })
    }
  }
  return rows
}

/** The departments of this browser pulled from the server, by code. */
export async function listPulledDepartments(database: MonitorDatabase = defaultDb): Promise<DepartmentRecord[]> {
  const departments = await database.departments.toArray()
  return departments.filter((d) => d.pulled !== undefined)
}

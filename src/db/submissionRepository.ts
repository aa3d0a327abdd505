// Builds the round document a department 报送-s to the 财政局 from its data in IndexedDB.
import { liveQuery, type Observable } from 'dexie'
import { actionsAtMonth } from '@/domain/agenda'
import { evaluateProjectData, noteOfMonth } from '@/domain/projectEvaluation'
import { monthlySpendingOf } from '@/domain/spend'
import { MONTHS, type Month } from '@/domain/types'
import type { RoundContent, RoundProject } from '@/api/roundContent'
import { SUBMISSION_FORMAT_VERSION, type SubmissionDocument } from '@/schema/submission'
import { db as defaultDb, type MonitorDatabase } from './database'
import { loadMeetingData } from './meetingRepository'
import { loadProjectData } from './monitorRepository'
import { latestOfRound, type OutboxRecord } from './outboxRepository'
import { getSettings } from './settingsRepository'

/** Thrown when a round cannot be 报送-ed yet; the message says why and what to do. */
export class RoundNotReadyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RoundNotReadyError'
  }
}

/**
 * The round document of a department's 已报送 month (1–m月), built from today's data through the
 * domain's evaluation. The one place a round document is made: when reported rounds are frozen as
 * snapshots, this reads the snapshot instead.
 */
export async function buildRoundSubmission(
  year: number,
  departmentCode: string,
  month: Month,
  reportedAt: Date,
  database: MonitorDatabase = defaultDb,
): Promise<SubmissionDocument> {
  const [department, lock, data, meeting, settings] = await Promise.all([
    database.departments.get(departmentCode),
    database.monthLocks.get([year, departmentCode, month]),
    loadProjectData({ year, departmentCode }, database),
    loadMeetingData({ year, departmentCode }, database),
    getSettings(database),
  ])
  if (!department) throw new RoundNotReadyError(`没有编码为“${departmentCode}”的部门。`)
  if (!lock) throw new RoundNotReadyError(`${year}年${month}月尚未标记已报送：请先在录入页「标记${month}月已报送」，再报送到财政局。`)
  if (data.length === 0) throw new RoundNotReadyError(`${year}年没有项目，无可报送的内容。`)
  // The 整改 items are judged on the day the round is reported, like the meeting does.
  const day = reportedAt.toLocaleDateString('sv-SE')
  const projects = data.map((projectData): RoundProject => {
    const evaluation = evaluateProjectData(projectData, month, settings.thresholds)
    const { project, spend } = evaluation
    const note = noteOfMonth(projectData.notes, month)
    const through = MONTHS.filter((m) => m <= month)
    return {
      id: project.id,
      code: project.code,
      name: project.name,
      budget: { total: project.budget.total, fiscal: project.budget.fiscal, other: project.budget.other },
      monthlySpending: monthlySpendingOf(project.id, projectData.spending, month).slice(0, month),
      executed: spend.executed,
      executionRate: spend.executionRate,
      planned: spend.planned,
      deviation: spend.deviation,
      isOverBudget: spend.isOverBudget,
      status: evaluation.status,
      likelihood: evaluation.likelihood,
      missing: evaluation.missing,
      note: note && { reasons: [...note.reasons], explanation: note.explanation, actions: note.actions },
      indicators: evaluation.indicators.map((e) => ({
        id: e.indicator.id,
        level1: e.indicator.level1,
        level2: e.indicator.level2,
        name: e.indicator.name,
        target: e.indicator.target.raw,
        unit: e.indicator.target.unit,
        kind: e.indicator.target.kind,
        monthlyValues: through.map((m) => projectData.values.find((v) => v.indicatorId === e.indicator.id && v.month === m)?.value ?? null),
        actual: e.actual,
        completion: e.completion,
        status: e.status,
        forecast: e.forecast,
      })),
      actionItems: actionsAtMonth(meeting.actions.filter((a) => a.projectId === project.id), month, day)
        .map(({ item, state }) => ({ text: item.text, owner: item.owner, dueDate: item.dueDate, status: state })),
    }
  })
  const content: RoundContent = { asOfMonth: month, projects }
  return {
    formatVersion: SUBMISSION_FORMAT_VERSION,
    department: { code: department.code, name: department.name },
    year,
    month,
    reportedAt: reportedAt.toISOString(),
    // Plain JSON: what reaches IndexedDB and the server is exactly what the package hashes.
    content: JSON.parse(JSON.stringify(content)) as SubmissionDocument['content'],
  }
}

/** Whether a department's month is 已报送, and its newest outbox row (null if never 报送-ed). */
export interface RoundSubmissionState {
  readonly isLocked: boolean
  readonly outbox: OutboxRecord | null
}

/** Live RoundSubmissionState of a department's round. */
export function observeRoundSubmissionState(year: number, departmentCode: string, month: Month, database: MonitorDatabase = defaultDb): Observable<RoundSubmissionState> {
  return liveQuery(async () => ({
    isLocked: (await database.monthLocks.get([year, departmentCode, month])) !== undefined,
    outbox: await latestOfRound(year, departmentCode, month, database),
  }))
}

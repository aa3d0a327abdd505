// Builds the round document a department 报送-s to the 财政局 from its data in IndexedDB.
import { liveQuery, type Observable } from 'dexie'
import { buildReportedRound, type ReportedRound } from '@/domain/reportedRound'
import type { Month } from '@/domain/types'
import { buildRoundContent } from '@/api/roundDocument'
import { SUBMISSION_FORMAT_VERSION, type SubmissionDocument } from '@/schema/submission'
import { db as defaultDb, type MonitorDatabase } from './database'
import { loadMeetingData } from './meetingRepository'
import { loadProjectData, projectDataTables } from './monitorRepository'
import { loadRoundHistory } from './reportedRoundRepository'
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
 * The round document of a department's 已报送 month (1–m月): the round frozen when the month was
 * marked 已报送 (its evaluations, notes, monthly entries and thresholds, see storeReportedRound),
 * never today's re-computation, so a change after the report (a 调整预算, a corrected earlier
 * month, an 整改 item edited or completed) does not change what is 报送-ed. The month's
 * per-indicator notes are read from the table (they cannot change while the month is locked);
 * the 整改 items are the round's (today's for a round stored before they were kept with it),
 * judged on the day the round was reported, as the meeting does. A locked month without a
 * stored round (from before rounds were frozen) is built from today's data once, as the report
 * would have been.
 */
export async function buildRoundSubmission(
  year: number,
  departmentCode: string,
  month: Month,
  submittedAt: Date,
  database: MonitorDatabase = defaultDb,
): Promise<SubmissionDocument> {
  const tables = [...projectDataTables(database), database.departments, database.settings, database.monthLocks, database.reportedRounds,
    database.meetingAgendaFlags, database.decisions, database.actionItems, database.meetingRecords, database.indicatorNotes]
  return database.transaction('r', tables, async () => {
    const [department, lock, history] = await Promise.all([
      database.departments.get(departmentCode),
      database.monthLocks.get([year, departmentCode, month]),
      loadRoundHistory(year, departmentCode, month, database),
    ])
    if (!department) throw new RoundNotReadyError(`没有编码为“${departmentCode}”的部门。`)
    if (!lock) throw new RoundNotReadyError(`${year}年${month}月尚未标记已报送：请先在录入页「标记${month}月已报送」，再报送到财政局。`)
    const standing = history.filter((round) => round.reopenedAt === null).at(-1)
    const round = standing ?? await roundFromToday(year, departmentCode, month, lock.lockedAt, lock.lockedBy, database)
    if (round.evaluations.length === 0) throw new RoundNotReadyError(`${year}年没有项目，无可报送的内容。`)
    const [meeting, fallback] = await Promise.all([
      loadMeetingData({ year, departmentCode }, database),
      // Rounds stored before the monthly entries were frozen: today's entries of months 1..m.
      round.entries ? Promise.resolve(null) : loadProjectData({ year, departmentCode }, database),
    ])
    const content = buildRoundContent(round, meeting, fallback)
    return {
      formatVersion: SUBMISSION_FORMAT_VERSION,
      department: { code: department.code, name: department.name },
      year,
      month,
      // When the department 报送-s to the bureau; content.round.reportedAt is when the month was marked 已报送.
      reportedAt: submittedAt.toISOString(),
      // Plain JSON: what reaches IndexedDB and the server is exactly what the package hashes.
      content: JSON.parse(JSON.stringify(content)) as SubmissionDocument['content'],
    }
  })
}

async function roundFromToday(year: number, departmentCode: string, month: Month, reportedAt: string, reportedBy: string, database: MonitorDatabase): Promise<ReportedRound> {
  const [data, settings] = await Promise.all([loadProjectData({ year, departmentCode }, database), getSettings(database)])
  return buildReportedRound(data, { year, departmentCode, month, revision: 1, reportedAt, reportedBy }, settings.thresholds)
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

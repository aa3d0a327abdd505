import type { Month } from '@/domain/types'
import { newChange } from './changeLogRepository'
import { db as defaultDb, type MonitorDatabase } from './database'
import { assertDepartmentYearWritable, assertProjectWritable } from './pulledSubmissionRepository'
import type { MonthLockRecord } from './records'
import { reportTables, storeReportedRound } from './reportedRoundRepository'

/** Thrown when a write targets a month marked 已报送; the message is for the user. */
export class MonthLockedError extends Error {
  constructor(
    readonly year: number,
    readonly month: Month,
  ) {
    super(`${year}年${month}月已报送并锁定，不能修改。如需更正，请先「重新打开」本月。`)
    this.name = 'MonthLockedError'
  }
}

/** The 已报送 months of one department's year, by month. */
export async function listLocks(
  year: number,
  departmentCode: string,
  database: MonitorDatabase = defaultDb,
): Promise<MonthLockRecord[]> {
  const rows = await database.monthLocks
    .where('[year+departmentCode+month]')
    .between([year, departmentCode, 1], [year, departmentCode, 12], true, true)
    .toArray()
  return rows.sort((a, b) => a.month - b.month)
}

/** True when the department's month is 已报送. */
export async function isMonthLocked(
  year: number,
  departmentCode: string,
  month: Month,
  database: MonitorDatabase = defaultDb,
): Promise<boolean> {
  return (await database.monthLocks.get([year, departmentCode, month])) !== undefined
}

/**
 * Throws MonthLockedError when the project's month is locked. Call inside a transaction that
 * includes the projects and monthLocks tables, so the check and the write are atomic.
 */
export async function assertProjectMonthUnlocked(
  projectId: string,
  month: Month,
  database: MonitorDatabase = defaultDb,
): Promise<void> {
  const project = await database.projects.get(projectId)
  if (!project) throw new Error(`项目不存在：${projectId}`)
  assertProjectWritable(project)
  // Inlined rather than via isMonthLocked: under fake-indexeddb that extra nested async call
  // let the transaction commit early (PrematureCommitError) before the caller's write.
  const lock = await database.monthLocks.get([project.year, project.departmentCode, month])
  if (lock !== undefined) {
    throw new MonthLockedError(project.year, month)
  }
}

/**
 * Marks a department's month 已报送 (locking its cells) and, in the same transaction, stores what
 * is reported (the round: every project's figures, the notes and the summary, see
 * buildReportedRound); logged. Does nothing if already locked.
 */
export async function lockMonth(
  year: number,
  departmentCode: string,
  month: Month,
  actor: string,
  database: MonitorDatabase = defaultDb,
): Promise<void> {
  await database.transaction('rw', reportTables(database), async () => {
    await assertDepartmentYearWritable(year, departmentCode, database)
    if (await database.monthLocks.get([year, departmentCode, month])) return
    const lock: MonthLockRecord = { year, departmentCode, month, lockedAt: new Date().toISOString(), lockedBy: actor }
    await database.monthLocks.add(lock)
    const round = await storeReportedRound(year, departmentCode, month, actor, lock.lockedAt, database)
    const again = round.revision > 1 ? `，第 ${round.revision} 次报送` : ''
    await database.changes.add(
      newChange({
        actor,
        kind: 'lock',
        projectId: null,
        month,
        oldValue: null,
        newValue: lock,
        summary: `${year}年${month}月标记已报送（${departmentCode}${again}）`,
      }),
    )
  })
}

/** Thrown when a 已报送 month is reopened without saying why; the message is for the user. */
export class ReopenReasonMissingError extends Error {
  constructor() {
    super('请填写重新打开的原因：它会记入修改记录。')
    this.name = 'ReopenReasonMissingError'
  }
}

/**
 * Reopens a 已报送 month for corrections; the reason is required, and logged with the reopening.
 * The round reported stays, marked reopened (who, when, why): the month's history.
 */
export async function reopenMonth(
  year: number,
  departmentCode: string,
  month: Month,
  actor: string,
  reason: string,
  database: MonitorDatabase = defaultDb,
): Promise<void> {
  await database.transaction('rw', [database.projects, database.monthLocks, database.reportedRounds, database.changes], async () => {
    await assertDepartmentYearWritable(year, departmentCode, database)
    const lock = await database.monthLocks.get([year, departmentCode, month])
    if (!lock) return
    if (reason.trim() === '') throw new ReopenReasonMissingError()
    await database.monthLocks.delete([year, departmentCode, month])
    const at = new Date().toISOString()
    await database.reportedRounds
      .where('[year+departmentCode+month]')
      .equals([year, departmentCode, month])
      .filter((round) => round.reopenedAt === null)
      .modify({ reopenedAt: at, reopenedBy: actor, reopenReason: reason.trim() })
    const why = `，原因：${reason.trim()}`
    await database.changes.add(
      newChange({
        actor,
        kind: 'lock',
        projectId: null,
        month,
        oldValue: lock,
        newValue: null,
        summary: `${year}年${month}月重新打开（${departmentCode}${why}）`,
      }),
    )
  })
}

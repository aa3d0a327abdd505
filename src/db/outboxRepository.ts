// The outbox: rounds a department 报送-s to the 财政局, kept in IndexedDB until the server has
// them, then following the server's review (已退回 / 已审核). One row per revision: resubmitting
// after 退回 adds a row, the old one stays.
import { liveQuery, type Observable } from 'dexie'
import type { OutboxRecord, OutboxState } from '@/api/outbox'
import type { SubmissionDocument } from '@/schema/submission'
import { db as defaultDb, type MonitorDatabase } from './database'

export { OUTBOX_STATE_LABELS, type OutboxRecord, type OutboxState } from '@/api/outbox'

/** Thrown when a round cannot be queued again; the message says why and what to do. */
export class OutboxRefusedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OutboxRefusedError'
  }
}

const FIRST_RETRY_MS = 5_000
const LONGEST_RETRY_MS = 5 * 60_000

/** Wait before the next attempt after `attempts` failures, in ms: 5 s doubling, at most 5 min. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS)
}

function roundRows(database: MonitorDatabase, year: number, departmentCode: string, month: number) {
  return database.outbox.where('[year+departmentCode+month]').equals([year, departmentCode, month])
}

/** The newest outbox row of a department's round, or null. */
export async function latestOfRound(year: number, departmentCode: string, month: number, database: MonitorDatabase = defaultDb): Promise<OutboxRecord | null> {
  const rows = await roundRows(database, year, departmentCode, month).sortBy('id')
  return rows.at(-1) ?? null
}

/** Live latestOfRound. */
export function observeRoundOutbox(year: number, departmentCode: string, month: number, database: MonitorDatabase = defaultDb): Observable<OutboxRecord | null> {
  return liveQuery(() => latestOfRound(year, departmentCode, month, database))
}

/** Every outbox row, newest first. */
export function observeOutbox(database: MonitorDatabase = defaultDb): Observable<OutboxRecord[]> {
  return liveQuery(async () => (await database.outbox.toArray()).reverse())
}

/**
 * Queues a round document to be sent. A row still 待发送 gets the new document (nothing reached
 * the server yet); after 退回 or 被拒收 a new row (the next revision) is added; a round waiting
 * for review or approved is refused.
 */
export async function enqueueSubmission(document: SubmissionDocument, now: Date, database: MonitorDatabase = defaultDb): Promise<number> {
  const { year, month } = document
  const departmentCode = document.department.code
  return database.transaction('rw', database.outbox, async () => {
    const latest = await latestOfRound(year, departmentCode, month, database)
    if (latest?.state === 'delivered') {
      throw new OutboxRefusedError(`${month}月已报送到财政局（第 ${latest.revision ?? '?'} 版），正在等待审核，不能重复报送。`)
    }
    if (latest?.state === 'approved') throw new OutboxRefusedError(`${month}月报送已审核通过，不能再次报送。如确需更正，请联系财政局。`)
    if (latest?.state === 'pending' && latest.id !== undefined) {
      await database.outbox.update(latest.id, { document, createdAt: now.toISOString(), attempts: 0, nextAttemptAt: null, lastError: null })
      return latest.id
    }
    const row: OutboxRecord = {
      year, departmentCode, month, document, state: 'pending', createdAt: now.toISOString(), attempts: 0,
      nextAttemptAt: null, lastError: null, submissionId: null, revision: null, deliveredAt: null,
    }
    return (await database.outbox.add(row)) as number
  })
}

/** Rows waiting to be sent whose next attempt is due at `now`, oldest first. */
export async function dueSubmissions(now: Date, database: MonitorDatabase = defaultDb): Promise<OutboxRecord[]> {
  const pending = await database.outbox.where('state').equals('pending').sortBy('id')
  return pending.filter((row) => row.nextAttemptAt === null || Date.parse(row.nextAttemptAt) <= now.getTime())
}

/** When the earliest waiting row is due (ms since epoch), or null when none waits. */
export async function nextAttemptTime(database: MonitorDatabase = defaultDb): Promise<number | null> {
  const pending = await database.outbox.where('state').equals('pending').toArray()
  if (pending.length === 0) return null
  return Math.min(...pending.map((row) => (row.nextAttemptAt === null ? 0 : Date.parse(row.nextAttemptAt))))
}

/** The server has the row: its submission id and revision. */
export async function markDelivered(id: number, submission: { id: number; revision: number }, now: Date, database: MonitorDatabase = defaultDb): Promise<void> {
  await database.outbox.update(id, {
    state: 'delivered', submissionId: submission.id, revision: submission.revision, deliveredAt: now.toISOString(), lastError: null, nextAttemptAt: null,
  })
}

/** The server was not reached: count the attempt and wait longer before the next. */
export async function markAttemptFailed(id: number, message: string, now: Date, database: MonitorDatabase = defaultDb): Promise<void> {
  await database.transaction('rw', database.outbox, async () => {
    const row = await database.outbox.get(id)
    if (!row || row.state !== 'pending') return
    const attempts = row.attempts + 1
    await database.outbox.update(id, { attempts, lastError: message, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString() })
  })
}

/** The server refused the document (it will not accept it as it is); the message says why. */
export async function markRefused(id: number, message: string, database: MonitorDatabase = defaultDb): Promise<void> {
  await database.outbox.update(id, { state: 'refused', lastError: message, nextAttemptAt: null })
}

/** Follows the server's review of delivered rows: submission id → 'submitted' | 'returned' | 'approved'. */
export async function applyReviewStates(states: ReadonlyMap<number, 'submitted' | 'returned' | 'approved'>, database: MonitorDatabase = defaultDb): Promise<number> {
  return database.transaction('rw', database.outbox, async () => {
    let changed = 0
    const rows = await database.outbox.where('state').anyOf('delivered', 'returned', 'approved').toArray()
    for (const row of rows) {
      const serverState = row.submissionId === null ? undefined : states.get(row.submissionId)
      if (serverState === undefined || row.id === undefined) continue
      const state: OutboxState = serverState === 'submitted' ? 'delivered' : serverState
      if (state !== row.state) {
        await database.outbox.update(row.id, { state })
        changed += 1
      }
    }
    return changed
  })
}

// Sends the outbox to the 财政局 server and follows the review of what was delivered. Called on
// load, when the browser comes back online, and on a timer with growing waits (retryDelayMs).
import { db as defaultDb, type MonitorDatabase } from '@/db/database'
import {
  applyReviewStates, dueSubmissions, markAttemptFailed, markDelivered, markRefused, nextAttemptTime,
} from '@/db/outboxRepository'
import { ApiError, type ApiClient, describeApiError } from './client'

export interface SendReport {
  readonly delivered: number
  readonly failed: number
  readonly refused: number
}

/** Sends every due outbox row once; unreachable → retried later, refused → kept with the reason. */
export async function sendDueSubmissions(client: ApiClient, now: () => Date = () => new Date(), database: MonitorDatabase = defaultDb): Promise<SendReport> {
  let delivered = 0
  let failed = 0
  let refused = 0
  for (const row of await dueSubmissions(now(), database)) {
    if (row.id === undefined) continue
    try {
      const submission = await client.submit(row.document)
      await markDelivered(row.id, submission, now(), database)
      delivered += 1
    } catch (error) {
      // Not reached, or not logged in (the login page is shown): try again later, unchanged.
      if (!(error instanceof ApiError) || error.isUnreachable || error.status === 401 || error.status === 429 || error.status >= 500) {
        await markAttemptFailed(row.id, describeApiError(error), now(), database)
        failed += 1
      } else {
        await markRefused(row.id, describeApiError(error), database)
        refused += 1
      }
    }
  }
  return { delivered, failed, refused }
}

/** Updates delivered rows with the server's review state (已退回 / 已审核). */
export async function syncReviewStates(client: ApiClient, database: MonitorDatabase = defaultDb): Promise<number> {
  const submissions = await client.listSubmissions()
  return applyReviewStates(new Map(submissions.map((s) => [s.id, s.state])), database)
}

/** When the next send is due, in ms from `now`; null when nothing waits. */
export async function msUntilNextAttempt(now: Date, database: MonitorDatabase = defaultDb): Promise<number | null> {
  const at = await nextAttemptTime(database)
  return at === null ? null : Math.max(0, at - now.getTime())
}

// The outbox row and its states, shared by the repository (src/db/outboxRepository.ts) and the
// components that show it.
import type { SubmissionDocument } from '@/schema/submission'

/** pending 待发送; delivered 已送达 (awaiting review); returned 已退回; approved 已审核; refused 被拒收. */
export type OutboxState = 'pending' | 'delivered' | 'returned' | 'approved' | 'refused'

export const OUTBOX_STATE_LABELS: Readonly<Record<OutboxState, string>> = {
  pending: '待发送',
  delivered: '已送达',
  returned: '已退回',
  approved: '已审核',
  refused: '被拒收',
}

/** One submission in the outbox. Not part of backups: the server holds what was delivered. */
export interface OutboxRecord {
  readonly id?: number
  readonly year: number
  readonly departmentCode: string
  readonly month: number
  readonly document: SubmissionDocument
  readonly state: OutboxState
  readonly createdAt: string
  /** Failed sending attempts so far (no server, offline). */
  readonly attempts: number
  /** When the next attempt is due (ISO); null: now. */
  readonly nextAttemptAt: string | null
  /** Why the last attempt failed, or why the server refused it. */
  readonly lastError: string | null
  readonly submissionId: number | null
  readonly revision: number | null
  readonly deliveredAt: string | null
}


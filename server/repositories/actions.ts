import type { Queryable } from '../db/database'
import type { Role } from './accounts'
import { toIso } from './rows'

export type ActionKind = 'submit' | 'upload_package' | 'approve' | 'return' | 'ask' | 'answer' | 'close_inquiry'

export const ACTION_LABELS: Readonly<Record<ActionKind, string>> = {
  submit: '报送',
  upload_package: '上传报送文件',
  approve: '审核通过',
  return: '退回',
  ask: '问询',
  answer: '答复问询',
  close_inquiry: '关闭问询',
}

/** One entry of a round's review log: who did what, when, on which revision. */
export interface ReviewActionEntry {
  readonly id: number
  readonly action: ActionKind
  readonly label: string
  readonly revision: number | null
  readonly submissionId: number | null
  readonly inquiryId: number | null
  readonly actor: string
  readonly actorRole: Role
  readonly at: string
  readonly note: string | null
}

export interface NewAction {
  readonly departmentId: number
  readonly year: number
  readonly month: number
  readonly submissionId: number | null
  readonly inquiryId: number | null
  readonly action: ActionKind
  readonly actorId: number
  readonly at: Date
  readonly note: string | null
}

/** Appends an entry to the round's review log. */
export async function insertAction(tx: Queryable, a: NewAction): Promise<void> {
  await tx.query(
    `INSERT INTO review_actions (department_id, year, month, submission_id, inquiry_id, action, actor_id, at, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [a.departmentId, a.year, a.month, a.submissionId, a.inquiryId, a.action, a.actorId, a.at.toISOString(), a.note])
}

/** A department's round log, oldest first. */
export async function listRoundActions(db: Queryable, departmentId: number, year: number, month: number): Promise<ReviewActionEntry[]> {
  const rows = await db.query<{
    id: number; action: ActionKind; revision: number | null; submission_id: number | null; inquiry_id: number | null
    login: string; role: Role; at: unknown; note: string | null
  }>(
    `SELECT r.id, r.action, s.revision, r.submission_id, r.inquiry_id, a.login, a.role, r.at, r.note
     FROM review_actions r JOIN accounts a ON a.id = r.actor_id LEFT JOIN submissions s ON s.id = r.submission_id
     WHERE r.department_id = $1 AND r.year = $2 AND r.month = $3 ORDER BY r.at, r.id`, [departmentId, year, month])
  return rows.map((row) => ({
    id: row.id, action: row.action, label: ACTION_LABELS[row.action], revision: row.revision, submissionId: row.submission_id,
    inquiryId: row.inquiry_id, actor: row.login, actorRole: row.role, at: toIso(row.at), note: row.note,
  }))
}

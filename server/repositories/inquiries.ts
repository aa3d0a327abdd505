import type { Queryable } from '../db/database'
import type { InquiryState } from '../review/workflow'
import { toIso, toIsoOrNull } from './rows'

/** A 问询 on a project or one of its indicators, with its answer and closing. */
export interface Inquiry {
  readonly id: number
  readonly submissionId: number
  readonly revision: number
  readonly departmentId: number
  readonly year: number
  readonly month: number
  readonly target: { readonly projectId: string; readonly indicatorId: string | null }
  readonly question: string
  readonly state: InquiryState
  readonly askedBy: string
  readonly askedAt: string
  readonly answer: string | null
  readonly answeredBy: string | null
  readonly answeredAt: string | null
  readonly closeNote: string | null
  readonly closedBy: string | null
  readonly closedAt: string | null
}

interface InquiryRow {
  id: number; submission_id: number; revision: number; department_id: number; year: number; month: number
  project_id: string; indicator_id: string | null; question: string; state: InquiryState
  asked_by: string; asked_at: unknown; answer: string | null; answered_by: string | null; answered_at: unknown
  close_note: string | null; closed_by: string | null; closed_at: unknown
}

const SELECT = `SELECT i.id, i.submission_id, s.revision, s.department_id, s.year, s.month, i.project_id, i.indicator_id,
  i.question, i.state, qa.login AS asked_by, i.asked_at, i.answer, aa.login AS answered_by, i.answered_at,
  i.close_note, ca.login AS closed_by, i.closed_at
  FROM inquiries i JOIN submissions s ON s.id = i.submission_id
  JOIN accounts qa ON qa.id = i.asked_by
  LEFT JOIN accounts aa ON aa.id = i.answered_by
  LEFT JOIN accounts ca ON ca.id = i.closed_by`

function toInquiry(row: InquiryRow): Inquiry {
  return {
    id: row.id, submissionId: row.submission_id, revision: row.revision, departmentId: row.department_id,
    year: row.year, month: row.month,
    target: { projectId: row.project_id, indicatorId: row.indicator_id },
    question: row.question, state: row.state, askedBy: row.asked_by, askedAt: toIso(row.asked_at),
    answer: row.answer, answeredBy: row.answered_by, answeredAt: toIsoOrNull(row.answered_at),
    closeNote: row.close_note, closedBy: row.closed_by, closedAt: toIsoOrNull(row.closed_at),
  }
}

/** Stores a new open inquiry and returns its id. */
export async function insertInquiry(tx: Queryable, submissionId: number, projectId: string, indicatorId: string | null,
  question: string, askedBy: number, at: Date): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `INSERT INTO inquiries (submission_id, project_id, indicator_id, question, state, asked_by, asked_at)
     VALUES ($1, $2, $3, $4, 'open', $5, $6) RETURNING id`,
    [submissionId, projectId, indicatorId, question, askedBy, at.toISOString()])
  return rows[0]!.id
}

/** One inquiry, or null. */
export async function findInquiry(db: Queryable, id: number): Promise<Inquiry | null> {
  const rows = await db.query<InquiryRow>(`${SELECT} WHERE i.id = $1`, [id])
  const row = rows[0]
  return row ? toInquiry(row) : null
}

/** Every inquiry of a department's round (all revisions), oldest first. */
export async function listRoundInquiries(db: Queryable, departmentId: number, year: number, month: number): Promise<Inquiry[]> {
  const rows = await db.query<InquiryRow>(`${SELECT} WHERE s.department_id = $1 AND s.year = $2 AND s.month = $3 ORDER BY i.id`,
    [departmentId, year, month])
  return rows.map(toInquiry)
}

/** How many inquiries of a department's round are not closed yet. */
export async function countUnclosedInquiries(db: Queryable, departmentId: number, year: number, month: number): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::integer AS n FROM inquiries i JOIN submissions s ON s.id = i.submission_id
     WHERE s.department_id = $1 AND s.year = $2 AND s.month = $3 AND i.state <> 'closed'`, [departmentId, year, month])
  return rows[0]?.n ?? 0
}

/** Per department and month of a year: inquiries not closed yet. */
export async function countUnclosedByRound(db: Queryable, year: number): Promise<{ departmentId: number; month: number; count: number }[]> {
  const rows = await db.query<{ department_id: number; month: number; n: number }>(
    `SELECT s.department_id, s.month, count(*)::integer AS n FROM inquiries i JOIN submissions s ON s.id = i.submission_id
     WHERE s.year = $1 AND i.state <> 'closed' GROUP BY s.department_id, s.month`, [year])
  return rows.map((row) => ({ departmentId: row.department_id, month: row.month, count: row.n }))
}

/** Records the department's answer. */
export async function updateInquiryAnswer(tx: Queryable, id: number, answer: string, by: number, at: Date): Promise<void> {
  await tx.query("UPDATE inquiries SET state = 'answered', answer = $2, answered_by = $3, answered_at = $4 WHERE id = $1",
    [id, answer, by, at.toISOString()])
}

/** Records the bureau closing the inquiry. */
export async function updateInquiryClosed(tx: Queryable, id: number, note: string | null, by: number, at: Date): Promise<void> {
  await tx.query("UPDATE inquiries SET state = 'closed', close_note = $2, closed_by = $3, closed_at = $4 WHERE id = $1",
    [id, note, by, at.toISOString()])
}

/** Holds the inquiry's row lock until the transaction ends. */
export async function lockInquiry(tx: Queryable, id: number): Promise<void> {
  await tx.query('SELECT id FROM inquiries WHERE id = $1 FOR UPDATE', [id])
}

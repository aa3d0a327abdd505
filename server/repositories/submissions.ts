import type { Queryable } from '../db/database'
import type { SubmissionState } from '../review/workflow'
import { toIso } from './rows'

/** One revision of a department's round, without its content. */
export interface SubmissionSummary {
  readonly id: number
  readonly department: { readonly id: number; readonly code: string; readonly name: string }
  readonly year: number
  readonly month: number
  readonly revision: number
  readonly state: SubmissionState
  readonly formatVersion: number
  readonly reportedAt: string
  readonly sha256: string
  readonly source: 'online' | 'package'
  readonly submittedBy: string
  readonly submittedAt: string
}

export interface Submission extends SubmissionSummary {
  /** The department name as written in the document (the department may be renamed later). */
  readonly documentDepartmentName: string
  readonly content: unknown
}

interface SubmissionRow {
  id: number
  department_id: number
  department_code: string
  department_current_name: string
  department_name: string
  year: number
  month: number
  revision: number
  state: SubmissionState
  format_version: number
  reported_at: unknown
  sha256: string
  source: 'online' | 'package'
  submitted_by_login: string
  submitted_at: unknown
  content?: unknown
}

const SUMMARY_COLUMNS = `s.id, s.department_id, d.code AS department_code, d.name AS department_current_name,
  s.department_name, s.year, s.month, s.revision, s.state, s.format_version, s.reported_at, s.sha256,
  s.source, a.login AS submitted_by_login, s.submitted_at`
const FROM = 'FROM submissions s JOIN departments d ON d.id = s.department_id JOIN accounts a ON a.id = s.submitted_by'

function toSummary(row: SubmissionRow): SubmissionSummary {
  return {
    id: row.id,
    department: { id: row.department_id, code: row.department_code, name: row.department_current_name },
    year: row.year,
    month: row.month,
    revision: row.revision,
    state: row.state,
    formatVersion: row.format_version,
    reportedAt: toIso(row.reported_at),
    sha256: row.sha256,
    source: row.source,
    submittedBy: row.submitted_by_login,
    submittedAt: toIso(row.submitted_at),
  }
}

function toSubmission(row: SubmissionRow): Submission {
  return { ...toSummary(row), documentDepartmentName: row.department_name, content: row.content }
}

/** Locks the department's row until the transaction ends (its submissions and reviews take turns) and returns its round's latest revision, in one query. */
export async function lockAndFindLatestRevision(tx: Queryable, departmentId: number, year: number, month: number):
  Promise<{ readonly revision: number; readonly state: SubmissionState } | null> {
  const rows = await tx.query<{ revision: number | null; state: SubmissionState | null }>(
    `SELECT latest.revision, latest.state FROM departments d
     LEFT JOIN LATERAL (SELECT revision, state FROM submissions
       WHERE department_id = d.id AND year = $2 AND month = $3 ORDER BY revision DESC LIMIT 1) latest ON true
     WHERE d.id = $1 FOR UPDATE OF d`, [departmentId, year, month])
  const row = rows[0]
  return row && row.revision !== null && row.state !== null ? { revision: row.revision, state: row.state } : null
}

export interface NewSubmission {
  readonly departmentId: number
  readonly year: number
  readonly month: number
  readonly revision: number
  readonly formatVersion: number
  readonly departmentName: string
  readonly reportedAt: string
  readonly contentJson: string
  readonly sha256: string
  readonly source: 'online' | 'package'
  readonly submittedBy: number
  readonly submittedAt: Date
}

/** Stores a new revision in state submitted with its log entry (one statement); returns its id and reported time. */
export async function insertSubmission(tx: Queryable, s: NewSubmission, log: { action: 'submit' | 'upload_package'; note: string | null }):
  Promise<{ readonly id: number; readonly reportedAt: string }> {
  const rows = await tx.query<{ id: number; reported_at: unknown }>(
    `WITH inserted AS (
       INSERT INTO submissions (department_id, year, month, revision, state, format_version, department_name,
         reported_at, content, sha256, source, submitted_by, submitted_at)
       VALUES ($1, $2, $3, $4, 'submitted', $5, $6, $7, $8::jsonb, $9, $10, $11, $12) RETURNING id, reported_at
     ), logged AS (
       INSERT INTO review_actions (department_id, year, month, submission_id, action, actor_id, at, note)
       SELECT $1, $2, $3, id, $13, $11, $12, $14 FROM inserted
     )
     SELECT id, reported_at FROM inserted`,
    [s.departmentId, s.year, s.month, s.revision, s.formatVersion, s.departmentName, s.reportedAt, s.contentJson,
      s.sha256, s.source, s.submittedBy, s.submittedAt.toISOString(), log.action, log.note])
  return { id: rows[0]!.id, reportedAt: toIso(rows[0]!.reported_at) }
}

/** Moves a revision to a new state. */
export async function updateSubmissionState(tx: Queryable, id: number, state: SubmissionState): Promise<void> {
  await tx.query('UPDATE submissions SET state = $2 WHERE id = $1', [id, state])
}

/** One revision with its content, or null. */
export async function findSubmission(db: Queryable, id: number): Promise<Submission | null> {
  const rows = await db.query<SubmissionRow>(`SELECT ${SUMMARY_COLUMNS}, s.content ${FROM} WHERE s.id = $1`, [id])
  const row = rows[0]
  return row ? toSubmission(row) : null
}

/** One revision without its content, or null. */
export async function findSubmissionSummary(db: Queryable, id: number): Promise<SubmissionSummary | null> {
  const rows = await db.query<SubmissionRow>(`SELECT ${SUMMARY_COLUMNS} ${FROM} WHERE s.id = $1`, [id])
  const row = rows[0]
  return row ? toSummary(row) : null
}

/** Revisions without content, newest round first; filtered by department and round when given. */
export async function listSubmissions(db: Queryable, filter: { departmentId?: number; year?: number; month?: number }): Promise<SubmissionSummary[]> {
  const rows = await db.query<SubmissionRow>(
    `SELECT ${SUMMARY_COLUMNS} ${FROM}
     WHERE ($1::integer IS NULL OR s.department_id = $1) AND ($2::integer IS NULL OR s.year = $2) AND ($3::integer IS NULL OR s.month = $3)
     ORDER BY s.year DESC, s.month DESC, d.code, s.revision DESC`,
    [filter.departmentId ?? null, filter.year ?? null, filter.month ?? null])
  return rows.map(toSummary)
}

/** The latest revision of every department for one round, with content (the bureau's pull). */
export async function listLatestForRound(db: Queryable, year: number, month: number): Promise<Submission[]> {
  const rows = await db.query<SubmissionRow>(
    `SELECT DISTINCT ON (s.department_id) ${SUMMARY_COLUMNS}, s.content ${FROM}
     WHERE s.year = $1 AND s.month = $2 ORDER BY s.department_id, s.revision DESC`, [year, month])
  return rows.map(toSubmission).sort((a, b) => a.department.code.localeCompare(b.department.code))
}

/** Per department and month of a year: the latest revision's state and the first submission time. */
export async function listRoundStates(db: Queryable, year: number): Promise<{
  readonly id: number; readonly departmentId: number; readonly month: number; readonly revision: number
  readonly state: SubmissionState; readonly firstSubmittedAt: string
}[]> {
  const rows = await db.query<{ id: number; department_id: number; month: number; revision: number; state: SubmissionState; first_submitted_at: unknown }>(
    `SELECT DISTINCT ON (department_id, month) id, department_id, month, revision, state,
       min(submitted_at) OVER (PARTITION BY department_id, month) AS first_submitted_at
     FROM submissions WHERE year = $1 ORDER BY department_id, month, revision DESC`, [year])
  return rows.map((row) => ({ id: row.id, departmentId: row.department_id, month: row.month, revision: row.revision, state: row.state, firstSubmittedAt: toIso(row.first_submitted_at) }))
}

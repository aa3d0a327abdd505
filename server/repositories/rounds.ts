import type { Queryable } from '../db/database'
import { toIso } from './rows'

/** A round's 报送截止日期 (YYYY-MM-DD, a calendar day in the bureau's time zone). */
export interface RoundDeadline {
  readonly year: number
  readonly month: number
  readonly deadline: string
  readonly setBy: string
  readonly setAt: string
}

/** Sets or moves a round's deadline. */
export async function upsertDeadline(db: Queryable, year: number, month: number, deadline: string, by: number, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO rounds (year, month, deadline, set_by, set_at) VALUES ($1, $2, $3::date, $4, $5)
     ON CONFLICT (year, month) DO UPDATE SET deadline = EXCLUDED.deadline, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at`,
    [year, month, deadline, by, at.toISOString()])
}

/** The deadlines set for a year, by month. */
export async function listDeadlines(db: Queryable, year: number): Promise<RoundDeadline[]> {
  const rows = await db.query<{ year: number; month: number; deadline: string; login: string; set_at: unknown }>(
    `SELECT r.year, r.month, r.deadline::text AS deadline, a.login, r.set_at
     FROM rounds r JOIN accounts a ON a.id = r.set_by WHERE r.year = $1 ORDER BY r.month`, [year])
  return rows.map((row) => ({ year: row.year, month: row.month, deadline: row.deadline, setBy: row.login, setAt: toIso(row.set_at) }))
}

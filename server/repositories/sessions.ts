import type { Queryable } from '../db/database'
import { type Account, type Role } from './accounts'

/** Stores a session by the SHA-256 of its token. */
export async function insertSession(db: Queryable, tokenHash: string, accountId: number, now: Date, expiresAt: Date): Promise<void> {
  await db.query('INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
    [tokenHash, accountId, now.toISOString(), expiresAt.toISOString()])
}

/** The account of a session still valid at `now`, or null (one query: it runs on every request). */
export async function findSessionAccount(db: Queryable, tokenHash: string, now: Date): Promise<Account | null> {
  const rows = await db.query<{ id: number; login: string; role: Role; department_id: number | null; code: string | null; name: string | null }>(
    `SELECT a.id, a.login, a.role, a.department_id, d.code, d.name
     FROM sessions s JOIN accounts a ON a.id = s.account_id LEFT JOIN departments d ON d.id = a.department_id
     WHERE s.token_hash = $1 AND s.expires_at > $2`, [tokenHash, now.toISOString()])
  const row = rows[0]
  if (!row) return null
  return {
    id: row.id, login: row.login, role: row.role,
    department: row.department_id === null ? null : { id: row.department_id, code: row.code ?? '', name: row.name ?? '' },
  }
}

/** Ends one session (logout). */
export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash])
}

/** Ends every session of an account but one (after a password change). */
export async function deleteOtherSessions(db: Queryable, accountId: number, keepTokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2', [accountId, keepTokenHash])
}

/** Drops sessions that have expired. */
export async function deleteExpiredSessions(db: Queryable, now: Date): Promise<void> {
  await db.query('DELETE FROM sessions WHERE expires_at <= $1', [now.toISOString()])
}

/** The wait recorded for a login name: until when it is blocked (null when not). */
export async function findLoginBlock(db: Queryable, loginKey: string): Promise<Date | null> {
  const rows = await db.query<{ blocked_until: Date | string | null }>('SELECT blocked_until FROM login_failures WHERE login_key = $1', [loginKey])
  const value = rows[0]?.blocked_until ?? null
  return value === null ? null : new Date(value)
}

/** Counts one more failed login for a login name and returns the consecutive count. */
export async function recordLoginFailure(db: Queryable, loginKey: string, now: Date): Promise<number> {
  const rows = await db.query<{ failures: number }>(
    `INSERT INTO login_failures (login_key, failures, last_failed_at) VALUES ($1, 1, $2)
     ON CONFLICT (login_key) DO UPDATE SET failures = login_failures.failures + 1, last_failed_at = EXCLUDED.last_failed_at
     RETURNING failures`, [loginKey, now.toISOString()])
  return rows[0]!.failures
}

/** Sets until when a login name must wait. */
export async function setLoginBlock(db: Queryable, loginKey: string, blockedUntil: Date): Promise<void> {
  await db.query('UPDATE login_failures SET blocked_until = $2 WHERE login_key = $1', [loginKey, blockedUntil.toISOString()])
}

/** Forgets the failures of a login name after a successful login. */
export async function clearLoginFailures(db: Queryable, loginKey: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE login_key = $1', [loginKey])
}

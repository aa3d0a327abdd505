import type { Queryable } from '../db/database'
import { toIso } from './rows'

export type Role = 'bureau' | 'department'

/** An account with its department (null for the bureau). */
export interface Account {
  readonly id: number
  readonly login: string
  readonly role: Role
  readonly department: { readonly id: number; readonly code: string; readonly name: string } | null
}

export interface Department {
  readonly id: number
  readonly code: string
  readonly name: string
  readonly login: string | null
  readonly createdAt: string
}

interface AccountRow {
  id: number
  login: string
  role: Role
  password_hash: string
  department_id: number | null
  department_code: string | null
  department_name: string | null
}

const ACCOUNT_SELECT = `SELECT a.id, a.login, a.role, a.password_hash, a.department_id,
  d.code AS department_code, d.name AS department_name
  FROM accounts a LEFT JOIN departments d ON d.id = a.department_id`

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    login: row.login,
    role: row.role,
    department: row.department_id === null ? null : { id: row.department_id, code: row.department_code ?? '', name: row.department_name ?? '' },
  }
}

/** The account with this login (case-insensitive) and its password hash, or null. */
export async function findAccountByLogin(db: Queryable, login: string): Promise<(Account & { readonly passwordHash: string }) | null> {
  const rows = await db.query<AccountRow>(`${ACCOUNT_SELECT} WHERE lower(a.login) = lower($1)`, [login])
  const row = rows[0]
  return row ? { ...toAccount(row), passwordHash: row.password_hash } : null
}

/** The account with this id and its password hash, or null. */
export async function findAccountById(db: Queryable, id: number): Promise<(Account & { readonly passwordHash: string }) | null> {
  const rows = await db.query<AccountRow>(`${ACCOUNT_SELECT} WHERE a.id = $1`, [id])
  const row = rows[0]
  return row ? { ...toAccount(row), passwordHash: row.password_hash } : null
}

/** Creates a bureau account; throws a unique violation when the login is taken. */
export async function insertBureauAccount(db: Queryable, login: string, passwordHash: string): Promise<number> {
  const rows = await db.query<{ id: number }>(
    "INSERT INTO accounts (login, password_hash, role) VALUES ($1, $2, 'bureau') RETURNING id", [login, passwordHash])
  return rows[0]!.id
}

/** Creates a department; throws a unique violation when the code is taken. */
export async function insertDepartment(db: Queryable, code: string, name: string): Promise<number> {
  const rows = await db.query<{ id: number }>('INSERT INTO departments (code, name) VALUES ($1, $2) RETURNING id', [code, name])
  return rows[0]!.id
}

/** Creates a department's login; throws a unique violation when the login is taken. */
export async function insertDepartmentAccount(db: Queryable, departmentId: number, login: string, passwordHash: string): Promise<number> {
  const rows = await db.query<{ id: number }>(
    "INSERT INTO accounts (login, password_hash, role, department_id) VALUES ($1, $2, 'department', $3) RETURNING id",
    [login, passwordHash, departmentId])
  return rows[0]!.id
}

/** Replaces an account's password hash. */
export async function updatePasswordHash(db: Queryable, accountId: number, passwordHash: string): Promise<void> {
  await db.query('UPDATE accounts SET password_hash = $2 WHERE id = $1', [accountId, passwordHash])
}

/** Every department by code, with its (first) login. */
export async function listDepartments(db: Queryable): Promise<Department[]> {
  const rows = await db.query<{ id: number; code: string; name: string; login: string | null; created_at: unknown }>(
    `SELECT d.id, d.code, d.name, d.created_at,
       (SELECT a.login FROM accounts a WHERE a.department_id = d.id ORDER BY a.id LIMIT 1) AS login
     FROM departments d ORDER BY d.code`)
  return rows.map((row) => ({ id: row.id, code: row.code, name: row.name, login: row.login, createdAt: toIso(row.created_at) }))
}

/** The department with this code, or null. */
export async function findDepartmentByCode(db: Queryable, code: string): Promise<{ readonly id: number; readonly code: string; readonly name: string } | null> {
  const rows = await db.query<{ id: number; code: string; name: string }>('SELECT id, code, name FROM departments WHERE code = $1', [code])
  return rows[0] ?? null
}

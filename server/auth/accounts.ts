// Creating accounts: the bureau's (from the command line) and departments' (by the bureau).
import { randomBytes } from 'node:crypto'
import type { Database } from '../db/database'
import { conflict, invalid } from '../http/errors'
import { insertBureauAccount, insertDepartment, insertDepartmentAccount } from '../repositories/accounts'
import { isUniqueViolation } from '../repositories/rows'
import { checkNewPassword, hashPassword } from './passwords'

function assertPassword(password: string): void {
  const problem = checkNewPassword(password)
  if (problem) throw invalid(problem, [{ path: 'password', message: problem }])
}

/** A readable random password (no 0/O, 1/l/I) for a new department account. */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'
  return Array.from(randomBytes(14), (byte) => alphabet[byte % alphabet.length]).join('')
}

/** Creates a bureau account; refuses a taken login. */
export async function createBureauAccount(db: Database, login: string, password: string, cost: number): Promise<number> {
  assertPassword(password)
  const hash = await hashPassword(password, cost)
  try {
    return await insertBureauAccount(db, login, hash)
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('LOGIN_TAKEN', `登录名“${login}”已被使用`)
    throw error
  }
}

/** Creates a department and its login in one transaction; returns the password to hand over. */
export async function createDepartment(db: Database, input: { code: string; name: string; login: string; password?: string | undefined }, cost: number):
  Promise<{ readonly id: number; readonly password: string; readonly isGenerated: boolean }> {
  const password = input.password ?? generatePassword()
  assertPassword(password)
  const hash = await hashPassword(password, cost)
  try {
    const id = await db.transaction(async (tx) => {
      const departmentId = await insertDepartment(tx, input.code, input.name)
      await insertDepartmentAccount(tx, departmentId, input.login, hash)
      return departmentId
    })
    return { id, password, isGenerated: input.password === undefined }
  } catch (error) {
    if (isUniqueViolation(error)) {
      const detail = String((error as { constraint?: unknown }).constraint ?? '')
      throw conflict(detail.startsWith('departments') ? 'CODE_TAKEN' : 'LOGIN_TAKEN',
        detail.startsWith('departments') ? `部门编码“${input.code}”已登记` : `登录名“${input.login}”已被使用`)
    }
    throw error
  }
}

import type { FastifyRequest } from 'fastify'
import type { Database } from '../db/database'
import type { Account } from '../repositories/accounts'
import { forbidden, unauthenticated } from './errors'

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in account; set by the authentication hook on every /api route but the open ones. */
    account: Account | null
    /** The session token hash of this request, for logout and password changes. */
    sessionTokenHash: string | null
  }
}

/** What every route needs besides the request: the database, the clock and the settings. */
export interface AppContext {
  readonly db: Database
  readonly now: () => Date
  readonly passwordCost: number
  readonly sessionHours: number
  readonly submissionBodyLimit: number
}

/** The logged-in account, or 401. */
export function requireAccount(request: FastifyRequest): Account {
  if (!request.account) throw unauthenticated()
  return request.account
}

/** The logged-in bureau account, or 401/403. */
export function requireBureau(request: FastifyRequest): Account {
  const account = requireAccount(request)
  if (account.role !== 'bureau') throw forbidden('只有财政局账号可以进行此操作')
  return account
}

/** The logged-in department account with its department, or 401/403. */
export function requireDepartment(request: FastifyRequest): Account & { readonly department: NonNullable<Account['department']> } {
  const account = requireAccount(request)
  if (account.role !== 'department' || account.department === null) throw forbidden('只有部门账号可以进行此操作')
  return account as Account & { readonly department: NonNullable<Account['department']> }
}

// Logging in and sessions: password check with a growing wait after repeated failures for a
// login name, then a random session token whose SHA-256 is stored server side.
import { createHash, randomBytes } from 'node:crypto'
import type { Database } from '../db/database'
import { HttpError } from '../http/errors'
import { findAccountByLogin, type Account } from '../repositories/accounts'
import {
  clearLoginFailures, deleteExpiredSessions, findLoginBlock, findSessionAccount, insertSession, recordLoginFailure, setLoginBlock,
} from '../repositories/sessions'
import { verifyAgainstNothing, verifyPassword } from './passwords'
import { loginWaitSeconds, remainingWaitSeconds } from './throttle'

/** SHA-256 (hex) of a session token: what the sessions table keeps. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

function tooManyFailures(seconds: number): HttpError {
  return new HttpError(429, 'LOGIN_WAIT', `登录失败次数过多，请 ${seconds} 秒后再试。`, undefined, { 'retry-after': String(seconds) })
}

/** Checks a login and password; on success returns the account and a new session token. */
export async function logIn(db: Database, login: string, password: string, options: { now: Date; passwordCost: number; sessionHours: number }):
  Promise<{ readonly account: Account; readonly token: string; readonly expiresAt: Date }> {
  const { now } = options
  const loginKey = login.trim().toLowerCase()
  const wait = remainingWaitSeconds(await findLoginBlock(db, loginKey), now)
  // While blocked the password is not even checked: guessing gains nothing during the wait.
  if (wait > 0) throw tooManyFailures(wait)
  const found = await findAccountByLogin(db, login.trim())
  const isValid = found ? await verifyPassword(password, found.passwordHash) : await verifyAgainstNothing(password, options.passwordCost)
  if (!found || !isValid) {
    const failures = await recordLoginFailure(db, loginKey, now)
    const seconds = loginWaitSeconds(failures)
    if (seconds > 0) {
      await setLoginBlock(db, loginKey, new Date(now.getTime() + seconds * 1000))
      throw new HttpError(401, 'LOGIN_FAILED', `登录名或密码不正确。失败次数过多，请 ${seconds} 秒后再试。`, undefined, { 'retry-after': String(seconds) })
    }
    throw new HttpError(401, 'LOGIN_FAILED', '登录名或密码不正确。')
  }
  await clearLoginFailures(db, loginKey)
  await deleteExpiredSessions(db, now)
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + options.sessionHours * 3600_000)
  await insertSession(db, hashToken(token), found.id, now, expiresAt)
  const { passwordHash, ...account } = found
  return { account, token, expiresAt }
}

/** The account of a valid session token, or null. */
export function accountForToken(db: Database, token: string, now: Date): Promise<Account | null> {
  return findSessionAccount(db, hashToken(token), now)
}

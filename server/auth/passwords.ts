// bcrypt through bcryptjs: pure JavaScript, no native build or downloaded binary, so it installs
// wherever npm does; the cost factor is stored in each hash, so raising it later keeps old hashes valid.
import bcrypt from 'bcryptjs'

/** Default bcrypt cost (2^12 rounds, about 0.3 s per hash here); tests pass a lower one. */
export const DEFAULT_PASSWORD_COST = 12
export const MIN_PASSWORD_LENGTH = 8
/** bcrypt reads only the first 72 bytes of a password; longer ones are refused, not cut. */
export const MAX_PASSWORD_BYTES = 72

/** Why a new password is not acceptable, in Chinese, or null when it is. */
export function checkNewPassword(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`
  if (new TextEncoder().encode(password).length > MAX_PASSWORD_BYTES) return `密码不能超过 ${MAX_PASSWORD_BYTES} 字节（约 24 个汉字或 72 个英文字符）`
  return null
}

/** Hashes a password with a fresh salt. */
export function hashPassword(password: string, cost: number = DEFAULT_PASSWORD_COST): Promise<string> {
  return bcrypt.hash(password, cost)
}

/** Checks a password against a stored hash. */
export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash)
}

// Compared against when the login does not exist, so that an unknown login takes as long to
// refuse as a wrong password (no telling which logins exist by timing).
let dummyHash: Promise<string> | null = null
/** Spends the same time as a real check and always fails. */
export async function verifyAgainstNothing(password: string, cost: number): Promise<false> {
  dummyHash ??= bcrypt.hash('no account has this password', cost)
  await bcrypt.compare(password, await dummyHash)
  return false
}

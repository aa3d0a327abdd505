// The wait after repeated failed logins for one login name: free tries first, then a wait that
// doubles with each further failure, capped. Pure: the clock is an argument.

export const FREE_LOGIN_FAILURES = 5
export const FIRST_WAIT_SECONDS = 2
export const MAX_WAIT_SECONDS = 15 * 60

/** Seconds to wait after the given number of consecutive failures (0 while tries are free). */
export function loginWaitSeconds(failures: number): number {
  if (failures < FREE_LOGIN_FAILURES) return 0
  return Math.min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (failures - FREE_LOGIN_FAILURES))
}

/** Whole seconds still to wait at `now`, or 0 when a login may be tried. */
export function remainingWaitSeconds(blockedUntil: Date | null, now: Date): number {
  if (blockedUntil === null) return 0
  return Math.max(0, Math.ceil((blockedUntil.getTime() - now.getTime()) / 1000))
}

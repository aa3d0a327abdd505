// Whether a 财政局 server is there and who is logged in: one shared state for the header, the
// 报送 controls and the outbox. With `npm run dev` or the static build there is no server, and
// everything that needs one says so instead of failing.
import { shallowRef } from 'vue'
import { type ApiClient, createApiClient } from './client'
import type { Account } from './types'

/** 'checking' until /api/health answered; 'absent' without a server (static build, offline). */
export type ServerPresence = 'checking' | 'present' | 'absent'

let onUnauthenticated: () => void = () => undefined

/** The app's API client; a 401 from any call clears the account and runs the handler. */
export const api: ApiClient = createApiClient({
  onUnauthenticated: () => {
    account.value = null
    onUnauthenticated()
  },
})

export const presence = shallowRef<ServerPresence>('checking')
export const account = shallowRef<Account | null>(null)

/** Sets what a 401 does (the router sends the user to the login page). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler
}

let pending: Promise<void> | null = null

/**
 * True when the page came from the 财政局 server: it marks its pages with a cookie (bpm_server).
 * A static copy of the app (npm run dev, a file share) has none and asks nothing, so a host
 * without a server is never sent /api/... requests (which it would answer 404).
 */
export function isServedByServer(): boolean {
  return typeof document !== 'undefined' && /(?:^|;\s*)bpm_server=1/.test(document.cookie)
}

/** Asks the server (once at a time) whether it is there and who is logged in. */
export function refreshSession(client: ApiClient = api, isServed: () => boolean = isServedByServer): Promise<void> {
  if (pending) return pending
  const check = (async () => {
    try {
      if (!isServed() || !(await client.isServerReachable())) {
        presence.value = 'absent'
        return
      }
      presence.value = 'present'
      account.value = await client.currentAccount()
    } catch {
      presence.value = 'absent'
    }
  })()
  // Cleared after the assignment: a check that finishes at once must not leave itself behind.
  pending = check.finally(() => {
    pending = null
  })
  return pending
}

/** Logs in and remembers the account. */
export async function logIn(login: string, password: string, client: ApiClient = api): Promise<Account> {
  const signedIn = await client.logIn(login, password)
  presence.value = 'present'
  account.value = signedIn
  return signedIn
}

/** Logs out (the server forgets the session) and forgets the account. */
export async function logOut(client: ApiClient = api): Promise<void> {
  try {
    await client.logOut()
  } finally {
    account.value = null
  }
}

// Runs the outbox while the app is open: on start, on the browser's `online` event, after each
// 报送, and on a timer at the next due attempt. Only for a logged-in department account.
import { watch } from 'vue'
import { msUntilNextAttempt, sendDueSubmissions, syncReviewStates } from './outboxSender'
import { account, api, presence, refreshSession } from './session'

/** Without a server (or a department login) waiting rows are looked at again this often. */
const IDLE_RECHECK_MS = 60_000
let timer: ReturnType<typeof setTimeout> | null = null
let isRunning = false
let isStarted = false

/** Sends what is due now and plans the next attempt; safe to call any time. */
export async function runOutbox(): Promise<void> {
  if (isRunning) return
  isRunning = true
  let canSend = false
  try {
    if (presence.value !== 'present') await refreshSession()
    canSend = presence.value === 'present' && account.value?.role === 'department'
    if (!canSend) return
    await sendDueSubmissions(api)
    await syncReviewStates(api).catch(() => 0)
  } catch {
    // Storage or network trouble: the next attempt (timer or `online`) tries again.
  } finally {
    isRunning = false
    await schedule(canSend)
  }
}

async function schedule(canSend: boolean): Promise<void> {
  if (timer !== null) clearTimeout(timer)
  timer = null
  const wait = await msUntilNextAttempt(new Date()).catch(() => null)
  if (wait === null) return
  timer = setTimeout(() => void runOutbox(), canSend ? Math.max(wait, 1_000) : IDLE_RECHECK_MS)
}

/** Starts running the outbox (once per page). */
export function startOutbox(): void {
  if (isStarted) return
  isStarted = true
  window.addEventListener('online', () => void runOutbox())
  // Logging in as a department sends what waited for it.
  watch(account, (current) => {
    if (current?.role === 'department') void runOutbox()
  })
  void runOutbox()
}

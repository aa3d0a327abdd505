// 拉取本轮报送 (bureau): the latest submission of every department of a round, written into this
// browser's IndexedDB as read-only departments (来自报送), one department per transaction.
import { shallowRef } from 'vue'
import { describeApiError } from '@/api/client'
import { account, api } from '@/api/session'
import { storePulledSubmission, type PullOutcome } from '@/db/pulledSubmissionRepository'
import { describeError } from '@/db/storageErrors'

export interface PullProgress {
  readonly phase: 'download' | 'store'
  /** Departments written so far (store phase) */
  readonly done: number
  readonly total: number
}

export interface PullResult {
  readonly year: number
  readonly month: number
  readonly counts: Readonly<Record<PullOutcome, number>>
  /** Departments not written, with why (e.g. this browser holds their own data) */
  readonly refused: readonly { readonly name: string; readonly message: string }[]
}

export function usePullRound() {
  const progress = shallowRef<PullProgress | null>(null)
  const result = shallowRef<PullResult | null>(null)
  const failure = shallowRef<string | null>(null)

  async function pull(year: number, month: number): Promise<void> {
    if (progress.value) return
    failure.value = null
    result.value = null
    progress.value = { phase: 'download', done: 0, total: 0 }
    try {
      const submissions = await api.roundSubmissions(year, month)
      const counts: Record<PullOutcome, number> = { created: 0, replaced: 0, unchanged: 0, kept: 0 }
      const refused: { name: string; message: string }[] = []
      const actor = account.value?.login ?? '财政局'
      for (const [index, submission] of submissions.entries()) {
        progress.value = { phase: 'store', done: index, total: submissions.length }
        try {
          counts[await storePulledSubmission(submission, actor)]++
        } catch (error) {
          refused.push({ name: submission.department.name, message: describeError(error) })
        }
      }
      result.value = { year, month, counts, refused }
    } catch (error) {
      failure.value = describeApiError(error)
    } finally {
      progress.value = null
    }
  }

  return { progress, result, failure, pull }
}

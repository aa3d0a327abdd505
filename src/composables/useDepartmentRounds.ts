// The department's rounds on the 财政局 server: each round's latest state, its review log
// (退回 reasons), its 问询 with answers; and answering a 问询.
import { shallowRef } from 'vue'
import { describeApiError } from '@/api/client'
import { describeTarget, readRoundProjects, type RoundProject } from '@/api/roundContent'
import { runOutbox } from '@/api/outboxScheduler'
import { api } from '@/api/session'
import type { RoundHistory, SubmissionSummary } from '@/api/types'
import { observeOutbox, type OutboxRecord } from '@/db/outboxRepository'
import { useLiveQuery } from './useLiveQuery'

export interface DepartmentRound {
  readonly latest: SubmissionSummary
  readonly history: RoundHistory
  readonly projects: readonly RoundProject[]
}

/** Loads the logged-in department's rounds (newest first) and answers 问询. */
export function useDepartmentRounds() {
  const rounds = shallowRef<readonly DepartmentRound[]>([])
  const isLoading = shallowRef(false)
  const failure = shallowRef<string | null>(null)
  const busyInquiry = shallowRef<number | null>(null)
  const { data: outbox } = useLiveQuery(() => observeOutbox(), [] as OutboxRecord[])

  async function load(): Promise<void> {
    isLoading.value = true
    failure.value = null
    try {
      const submissions = await api.listSubmissions()
      // Newest revision first per round: the first one seen of each round is its latest.
      const latest = new Map<string, SubmissionSummary>()
      for (const s of submissions) if (!latest.has(`${s.year}/${s.month}`)) latest.set(`${s.year}/${s.month}`, s)
      rounds.value = await Promise.all([...latest.values()].map(async (s) => {
        const [history, full] = await Promise.all([api.round(s.department.code, s.year, s.month), api.getSubmission(s.id)])
        return { latest: s, history, projects: readRoundProjects(full.content) }
      }))
      // The outbox follows what the server says (已退回, 已审核).
      void runOutbox()
    } catch (error) {
      failure.value = describeApiError(error)
    } finally {
      isLoading.value = false
    }
  }

  async function answer(inquiryId: number, text: string): Promise<void> {
    busyInquiry.value = inquiryId
    failure.value = null
    try {
      await api.answer(inquiryId, text)
      await load()
    } catch (error) {
      failure.value = describeApiError(error)
    } finally {
      busyInquiry.value = null
    }
  }

  return { rounds, outbox, isLoading, failure, busyInquiry, load, answer, describeTarget }
}

import { computed, type ComputedRef } from 'vue'
import type { ReportedRound } from '@/domain/reportedRound'
import { observeReportedRounds } from '@/db/reportedRoundRepository'
import { useLiveQuery, type Subscribable } from './useLiveQuery'

const NONE: Subscribable<ReportedRound[]> = {
  subscribe(observer) {
    observer.next([])
    return { unsubscribe() {} }
  },
}

/** One standing 已报送 round, as a notice lists it. */
export interface ReportedRoundSummary {
  readonly month: number
  readonly revision: number
  readonly reportedBy: string
  /** ISO timestamp */
  readonly reportedAt: string
}

/** The standing 已报送 rounds of one department's year, live, by month; none while either is unknown. */
export function useReportedRoundsOf(year: () => number | null, departmentCode: () => string): ComputedRef<readonly ReportedRoundSummary[]> {
  const rounds = useLiveQuery(() => {
    const y = year()
    const code = departmentCode().trim()
    return y === null || code === '' ? NONE : observeReportedRounds({ year: y, departmentCode: code })
  }, [] as ReportedRound[])
  return computed(() => rounds.data.value.map(({ month, revision, reportedBy, reportedAt }) => ({ month, revision, reportedBy, reportedAt })))
}

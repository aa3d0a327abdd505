// 报送情况: every department × every month of a year with the round's state, for the bureau.
import type { Database } from '../db/database'
import { listDepartments } from '../repositories/accounts'
import { countUnclosedByRound } from '../repositories/inquiries'
import { listDeadlines } from '../repositories/rounds'
import { listRoundStates } from '../repositories/submissions'
import { bureauDay, decideRoundState, ROUND_STATE_LABELS, type RoundState } from './workflow'

export interface StatusCell {
  readonly month: number
  readonly state: RoundState
  readonly label: string
  readonly submissionId: number | null
  readonly revision: number | null
  /** First submitted after the deadline (已超时). */
  readonly isLate: boolean
  readonly unclosedInquiries: number
}

export interface StatusListing {
  readonly year: number
  readonly today: string
  readonly deadlines: readonly { readonly month: number; readonly deadline: string | null }[]
  readonly departments: readonly { readonly code: string; readonly name: string; readonly months: readonly StatusCell[] }[]
}

const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1)

/** The 报送情况 listing of a year as of `now`. */
export async function buildStatusListing(db: Database, year: number, now: Date): Promise<StatusListing> {
  const [departments, states, deadlines, unclosed] = await Promise.all([
    listDepartments(db), listRoundStates(db, year), listDeadlines(db, year), countUnclosedByRound(db, year),
  ])
  const today = bureauDay(now)
  const deadlineOf = new Map(deadlines.map((d) => [d.month, d.deadline]))
  const stateOf = new Map(states.map((s) => [`${s.departmentId}/${s.month}`, s]))
  const unclosedOf = new Map(unclosed.map((u) => [`${u.departmentId}/${u.month}`, u.count]))
  return {
    year,
    today,
    deadlines: MONTHS.map((month) => ({ month, deadline: deadlineOf.get(month) ?? null })),
    departments: departments.map((department) => ({
      code: department.code,
      name: department.name,
      months: MONTHS.map((month): StatusCell => {
        const key = `${department.id}/${month}`
        const latest = stateOf.get(key) ?? null
        const { state, isLate } = decideRoundState(
          latest && { revision: latest.revision, state: latest.state, firstSubmittedOn: bureauDay(new Date(latest.firstSubmittedAt)) },
          deadlineOf.get(month) ?? null, today)
        return {
          month, state, label: ROUND_STATE_LABELS[state], submissionId: latest?.id ?? null, revision: latest?.revision ?? null,
          isLate, unclosedInquiries: unclosedOf.get(key) ?? 0,
        }
      }),
    })),
  }
}

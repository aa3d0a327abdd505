/**
 * The notice a page shows above a 已报送 month: which rounds it shows (who reported them, when,
 * which report of the month) and, for 报送后有变动, each changed project with both values.
 */
import type { ReportedDifference, ReportedRoundMeta, ReportedView } from '@/domain/reportedRound'
import type { Month } from '@/domain/types'

export interface ReportedNoticeRound {
  readonly departmentCode: string
  readonly reportedBy: string
  /** ISO timestamp */
  readonly reportedAt: string
  /** '' for the month's first report, else '第 2 次报送' */
  readonly revisionLabel: string
}

export interface ReportedNotice {
  readonly month: Month
  readonly rounds: readonly ReportedNoticeRound[]
  readonly changedProjects: readonly { readonly id: string; readonly name: string; readonly differences: readonly ReportedDifference[] }[]
  /** Department totals that differ (only when one department is shown) */
  readonly summary: readonly ReportedDifference[]
  /** Names of projects added since the report (not in the reported month) */
  readonly added: readonly string[]
  /** Names of reported projects no longer there today (still shown as reported) */
  readonly removed: readonly string[]
  readonly isChanged: boolean
  /** True on the page of a project added after the report: it shows today's figures */
  readonly showsCurrent: boolean
}

/** The notice of a page's reported rounds at `month`; null when the month is reported by none. */
export function buildReportedNotice(view: ReportedView, month: Month): ReportedNotice | null {
  if (view.rounds.length === 0) return null
  const names = new Map(view.evaluations.map((e) => [e.project.id, e.project.name]))
  const comparisons = [...view.comparisons.values()]
  const changedProjects = [...view.changes].map(([id, differences]) => ({ id, name: names.get(id) ?? id, differences }))
  const summary = view.rounds.length === 1 ? (comparisons[0]?.summary ?? []) : []
  const added = comparisons.flatMap((c) => c.added.map((p) => p.name))
  const removed = comparisons.flatMap((c) => c.removed.map((p) => p.name))
  return {
    month,
    rounds: view.rounds.map(roundOf),
    changedProjects,
    summary,
    added,
    removed,
    isChanged: changedProjects.length > 0 || summary.length > 0 || added.length > 0 || removed.length > 0,
    showsCurrent: false,
  }
}

function roundOf(r: ReportedRoundMeta): ReportedNoticeRound {
  return { departmentCode: r.departmentCode, reportedBy: r.reportedBy, reportedAt: r.reportedAt, revisionLabel: r.revision > 1 ? `第 ${r.revision} 次报送` : '' }
}

/**
 * The notice of one project's page at a 已报送 month: its differences (报送后有变动), or that it
 * was added after the report (then the page shows today's figures).
 */
export function buildProjectReportedNotice(
  round: ReportedRoundMeta,
  project: { readonly id: string; readonly name: string },
  isInRound: boolean,
  differences: readonly ReportedDifference[],
): ReportedNotice {
  const changedProjects = differences.length > 0 ? [{ ...project, differences }] : []
  return {
    month: round.month,
    rounds: [roundOf(round)],
    changedProjects,
    summary: [],
    added: [],
    removed: [],
    isChanged: changedProjects.length > 0,
    showsCurrent: !isInRound,
  }
}

// The content of the round document a department 报送-s (SubmissionDocument.content), built from
// the round frozen when the month was marked 已报送. Pure: the app (src/db/submissionRepository)
// and the server load run (bench/server.ts) both build documents with it.
import { actionsAtMonth, type ActionItem } from '@/domain/agenda'
import type { IndicatorNote } from '@/domain/indicatorNotes'
import type { ProjectData } from '@/domain/projectData'
import { reportedNoteOf, type ReportedRound } from '@/domain/reportedRound'
import { MONTHS } from '@/domain/types'
import type { RoundContent, RoundProject } from './roundContent'

/** What a round document reads besides the round: the month's per-indicator notes and the department's 整改 items. */
export interface RoundExtras {
  /** Per-indicator notes of the department (any month: the round's month is taken) */
  readonly indicatorNotes: readonly IndicatorNote[]
  /** Today's 整改 items, for a round stored before they were frozen with it */
  readonly actions: readonly ActionItem[]
}

/**
 * The content of a round document from a frozen round (see buildRoundSubmission): the round's
 * evaluations, entries and 整改 items (today's `extras.actions` for a round without them), the
 * month's indicator notes; `today` gives the entries of a round stored before they were kept.
 */
export function buildRoundContent(round: ReportedRound, extras: RoundExtras, today: readonly ProjectData[] | null): RoundContent {
  const { month } = round
  const day = new Date(round.reportedAt).toLocaleDateString('sv-SE')
  const through = MONTHS.filter((m) => m <= month)
  const spending = round.entries?.spending ?? today?.flatMap((row) => row.spending) ?? []
  const values = round.entries?.values ?? today?.flatMap((row) => row.values) ?? []
  const spendOf = new Map(spending.filter((s) => s.month <= month).map((s) => [`${s.projectId}|${s.month}`, s.amount]))
  const valueOf = new Map(values.filter((v) => v.month <= month).map((v) => [`${v.indicatorId}|${v.month}`, v.value]))
  const indicatorNoteOf = new Map(extras.indicatorNotes.filter((n) => n.month === month).map((n) => [n.indicatorId, n]))
  const actions = round.actions ?? extras.actions
  const projects = round.evaluations.map((evaluation): RoundProject => {
    const { project, spend } = evaluation
    const note = reportedNoteOf(round, project.id)
    const { initial, inForce } = spend.budgetInForce
    return {
      id: project.id,
      code: project.code,
      name: project.name,
      budget: { total: inForce.total, fiscal: inForce.fiscal, other: inForce.other },
      budgetInitial: { total: initial.total, fiscal: initial.fiscal, other: initial.other },
      purpose: project.purpose,
      goals: [...project.goals],
      plan: { ...project.plan },
      monthlySpending: through.map((m) => spendOf.get(`${project.id}|${m}`) ?? null),
      executed: spend.executed,
      executionRate: spend.executionRate,
      planned: spend.planned,
      deviation: spend.deviation,
      isOverBudget: spend.isOverBudget,
      status: evaluation.status,
      likelihood: evaluation.likelihood,
      missing: evaluation.missing,
      note: note && { reasons: [...note.reasons], explanation: note.explanation, actions: note.actions, likelihood: note.likelihood },
      indicators: evaluation.indicators.map((e) => {
        const indicatorNote = indicatorNoteOf.get(e.indicator.id)
        return {
          id: e.indicator.id,
          level1: e.indicator.level1,
          level2: e.indicator.level2,
          name: e.indicator.name,
          description: e.indicator.description,
          target: e.indicator.target.raw,
          operator: e.indicator.target.operator,
          targetValue: e.indicator.target.value,
          unit: e.indicator.target.unit,
          kind: e.indicator.target.kind,
          basis: e.indicator.basis,
          monthlyValues: through.map((m) => valueOf.get(`${e.indicator.id}|${m}`) ?? null),
          actual: e.actual,
          completion: e.completion,
          status: e.status,
          forecast: e.forecast,
          note: indicatorNote
            ? { reasons: [...indicatorNote.reasons], likelihood: indicatorNote.likelihood, explanation: indicatorNote.explanation, remark: indicatorNote.remark, forecast: indicatorNote.forecast }
            : null,
        }
      }),
      actionItems: actionsAtMonth(actions.filter((a) => a.projectId === project.id), month, day)
        .map(({ item, state, progress, isOverdue }) => ({
          text: item.text,
          owner: item.owner,
          dueDate: item.dueDate,
          status: state,
          month: item.month,
          progress,
          isOverdue,
          completionNote: item.completionNote ?? '',
          completedOn: item.completedOn ?? '',
          evidence: item.evidence ?? '',
        })),
    }
  })
  return {
    asOfMonth: month,
    round: { revision: round.revision, reportedAt: round.reportedAt, reportedBy: round.reportedBy, thresholds: { ...round.thresholds } },
    projects,
  }
}

/**
 * 已报送 rounds frozen as reported (issue 9 item 4). Marking a department's month 已报送 stores
 * what the app showed at that moment: each project's evaluation at the month (budget, 执行数,
 * 执行率, plan, deviation, status, every indicator's figures and status), the month's notes and
 * the department summary. Pages that show a reported month show the round, never a
 * re-computation; where today's figures differ they are marked 报送后有变动 with both values.
 *
 * The round is built by the same functions the pages use (evaluateProjectData,
 * summarizeProjects), so a round reported and shown at once cannot disagree with the pages.
 */
import { summarizeProjects, type DepartmentSummary } from './departmentSummary'
import { formatPercent, formatPoints } from './format'
import { formatIndicatorValue, formatTarget } from './indicatorFormat'
import type { IndicatorEvaluation } from './indicatorEvaluation'
import type { ActionItem } from './meetingActions'
import { formatWan } from './money'
import type { ProjectData } from './projectData'
import { evaluateProjectData, noteOfMonth, type ProjectEvaluation } from './projectEvaluation'
import {
  DEFAULT_THRESHOLDS,
  DEVIATION_REASON_LABELS,
  LIKELIHOOD_LABELS,
  STATUS_LABELS,
  type IndicatorValue,
  type MonitoringNote,
  type Month,
  type MonthlySpending,
  type Thresholds,
} from './types'

/** Who reported a round and when (ISO), and which report of the month it is. */
export interface ReportedRoundMeta {
  readonly year: number
  readonly departmentCode: string
  readonly month: Month
  /** 1 for the month's first report; each report after a 重新打开 adds one */
  readonly revision: number
  /** ISO timestamp of the 标记已报送 */
  readonly reportedAt: string
  readonly reportedBy: string
}

/** One department's month as reported: the evaluations, notes and summary at the moment of 报送. */
export interface ReportedRound extends ReportedRoundMeta {
  /** The thresholds the statuses were judged with */
  readonly thresholds: Thresholds
  /** Each project's evaluation at the month, in document order */
  readonly evaluations: readonly ProjectEvaluation[]
  /** The month's monitoring notes (偏差原因, 原因说明, 完成目标可能性, 整改措施) */
  readonly notes: readonly MonitoringNote[]
  /** summarizeProjects of the evaluations: the department totals reported */
  readonly summary: DepartmentSummary
  /**
   * The monthly entries of months 1..m as reported (a month before m may be edited after the
   * report while it is not locked itself). Absent on rounds stored before they were kept.
   */
  readonly entries?: {
    readonly spending: readonly MonthlySpending[]
    readonly values: readonly (IndicatorValue & { readonly projectId: string })[]
  }
  /**
   * The 整改 items of the round's projects as they stood when reported (created in the meeting
   * of month m or before), so an item edited, completed or deleted later does not change what
   * was reported. Absent on rounds stored before they were kept.
   */
  readonly actions?: readonly ActionItem[]
}

/** One figure that differs between the round and today: both values as shown on the page. */
export interface ReportedDifference {
  /** e.g. '执行率', '法律援助案件受理 状态' */
  readonly label: string
  readonly reported: string
  readonly current: string
}

/** How today's figures of one reported round differ from what was reported. */
export interface ReportedComparison {
  /** Differences per reported project id; a project without differences is absent */
  readonly projects: ReadonlyMap<string, readonly ReportedDifference[]>
  /** Differences of the department summary */
  readonly summary: readonly ReportedDifference[]
  /** Projects there today that the round does not hold (added after the report) */
  readonly added: readonly { readonly id: string; readonly name: string }[]
  /** Projects in the round that are no longer there today */
  readonly removed: readonly { readonly id: string; readonly name: string }[]
  readonly isChanged: boolean
}

/**
 * The round of a department's month from its stored data: evaluated and summed as the pages do;
 * with the department's 整改 items when given (those of the round's projects up to month m kept).
 */
export function buildReportedRound(
  data: readonly ProjectData[],
  meta: ReportedRoundMeta,
  t: Thresholds = DEFAULT_THRESHOLDS,
  actions?: readonly ActionItem[],
): ReportedRound {
  const evaluations = data.map((row) => evaluateProjectData(row, meta.month, t))
  const notes = data.flatMap((row) => {
    const note = noteOfMonth(row.notes, meta.month)
    return note === null ? [] : [note]
  })
  const entries = {
    spending: data.flatMap((row) => row.spending.filter((s) => s.month <= meta.month).map((s) => ({ projectId: s.projectId, month: s.month, amount: s.amount }))),
    values: data.flatMap((row) => row.values.filter((v) => v.month <= meta.month)
      .map((v) => ({ indicatorId: v.indicatorId, projectId: row.project.id, month: v.month, value: v.value, manualStatus: v.manualStatus }))),
  }
  const round: ReportedRound = { ...meta, thresholds: t, evaluations, notes, summary: summarizeProjects(evaluations, t), entries }
  if (actions === undefined) return round
  const ids = new Set(data.map((row) => row.project.id))
  return { ...round, actions: actions.filter((item) => ids.has(item.projectId) && item.month <= meta.month).map((item) => ({ ...item })) }
}

/** A figure as shown: `key` tells two indicators of the same name apart, `label` is for people. */
type Figure = readonly [key: string, label: string, text: string]

function indicatorFigures(e: IndicatorEvaluation): Figure[] {
  const { id, name } = e.indicator
  return [
    [`${id}|target`, `${name} 指标值`, formatTarget(e.indicator.target)],
    [`${id}|actual`, `${name} 实际`, formatIndicatorValue(e.actual, e.indicator.target.unit)],
    [`${id}|status`, `${name} 状态`, STATUS_LABELS[e.status]],
  ]
}

function noteText(note: MonitoringNote | null): string {
  if (note === null) return '（无）'
  const reasons = note.reasons.map((r) => DEVIATION_REASON_LABELS[r]).join('、')
  return [reasons, note.explanation, note.actions].filter((part) => part.trim() !== '').join('；') || '（无）'
}

/** The figures of a project a user reads on the pages, as they are shown (rounded), in a fixed order. */
function projectFigures(e: ProjectEvaluation, note: MonitoringNote | null): Figure[] {
  const { spend } = e
  const figures: [string, string][] = [
    ['预算数', `${formatWan(spend.budget)} 万元`],
    ['执行数', `${formatWan(spend.executed)} 万元`],
    ['执行率', formatPercent(spend.executionRate)],
    ['计划进度', formatPercent(spend.planned)],
    ['偏差', formatPoints(spend.deviation)],
    ['状态', STATUS_LABELS[e.status]],
    ['完成目标可能性', e.likelihood === null ? '未选' : LIKELIHOOD_LABELS[e.likelihood]],
    ['监控说明', noteText(note)],
  ]
  return [...figures.map(([label, text]): Figure => [label, label, text]), ...e.indicators.flatMap(indicatorFigures)]
}

function diffFigures(reported: readonly Figure[], current: readonly Figure[]): ReportedDifference[] {
  const now = new Map(current.map(([key, , text]) => [key, text]))
  const was = new Set(reported.map(([key]) => key))
  const differences: ReportedDifference[] = []
  for (const [key, label, text] of reported) {
    const today = now.get(key) ?? '（已删除）'
    if (today !== text) differences.push({ label, reported: text, current: today })
  }
  for (const [key, label, text] of current) {
    if (!was.has(key)) differences.push({ label, reported: '（报送时没有）', current: text })
  }
  return differences
}

function summaryFigures(s: DepartmentSummary): Figure[] {
  const figures: [string, string][] = [
    ['部门预算数', `${formatWan(s.budget)} 万元`],
    ['部门执行数', `${formatWan(s.executed)} 万元`],
    ['部门执行率', formatPercent(s.executionRate)],
    ['部门偏差', formatPoints(s.deviation)],
    ['红色项目', `${s.counts.red} 个`],
    ['黄色项目', `${s.counts.yellow} 个`],
  ]
  return figures.map(([label, text]) => [label, label, text])
}

/**
 * The differences between a reported round and today's evaluations of the same department and
 * month (with today's notes of that month): figures compared as shown, so a difference a page
 * would not show is not flagged.
 */
export function compareWithReported(
  round: ReportedRound,
  current: readonly ProjectEvaluation[],
  currentNotes: readonly MonitoringNote[] = [],
  t: Thresholds = round.thresholds,
): ReportedComparison {
  const todayById = new Map(current.map((e) => [e.project.id, e]))
  const reportedIds = new Set(round.evaluations.map((e) => e.project.id))
  const noteOf = (notes: readonly MonitoringNote[], id: string) => notes.find((n) => n.projectId === id && n.month === round.month) ?? null
  const projects = new Map<string, readonly ReportedDifference[]>()
  const removed: { id: string; name: string }[] = []
  for (const reported of round.evaluations) {
    const id = reported.project.id
    const today = todayById.get(id)
    if (!today) {
      removed.push({ id, name: reported.project.name })
      continue
    }
    const differences = diffFigures(projectFigures(reported, noteOf(round.notes, id)), projectFigures(today, noteOf(currentNotes, id)))
    if (differences.length > 0) projects.set(id, differences)
  }
  const added = current.filter((e) => !reportedIds.has(e.project.id)).map((e) => ({ id: e.project.id, name: e.project.name }))
  const summary = diffFigures(summaryFigures(round.summary), summaryFigures(summarizeProjects(current, t)))
  return {
    projects,
    summary,
    added,
    removed,
    isChanged: projects.size > 0 || summary.length > 0 || added.length > 0 || removed.length > 0,
  }
}

/** What a page shows at an as-of month once the 已报送 rounds are applied (see applyReportedRounds). */
export interface ReportedView {
  /** The evaluations to show: a reported department's round, today's for the others */
  readonly evaluations: readonly ProjectEvaluation[]
  /** The rounds applied, one per reported department of the scope */
  readonly rounds: readonly ReportedRound[]
  /** Per reported project id, how today differs (报送后有变动); absent when unchanged */
  readonly changes: ReadonlyMap<string, readonly ReportedDifference[]>
  /** Per round (by department code), the whole comparison */
  readonly comparisons: ReadonlyMap<string, ReportedComparison>
}

/**
 * Today's evaluations of a scope at `month` with every department whose month is 已报送 shown as
 * reported: its projects replaced by the round's evaluations (a project added since is left out
 * of that month, and listed in the comparison). Departments keep the order of `current`, a
 * department only in a round comes last. Rounds of other months are ignored.
 */
export function applyReportedRounds(
  current: readonly ProjectEvaluation[],
  currentNotes: readonly MonitoringNote[],
  rounds: readonly ReportedRound[],
  month: Month,
): ReportedView {
  const roundBy = new Map(rounds.filter((r) => r.month === month).map((r) => [r.departmentCode, r]))
  if (roundBy.size === 0) return { evaluations: current, rounds: [], changes: new Map(), comparisons: new Map() }
  const order = [...new Set([...current.map((e) => e.project.departmentCode), ...roundBy.keys()])]
  const evaluations: ProjectEvaluation[] = []
  const changes = new Map<string, readonly ReportedDifference[]>()
  const comparisons = new Map<string, ReportedComparison>()
  for (const code of order) {
    const todays = current.filter((e) => e.project.departmentCode === code)
    const round = roundBy.get(code)
    if (!round) {
      evaluations.push(...todays)
      continue
    }
    evaluations.push(...round.evaluations)
    const comparison = compareWithReported(round, todays, currentNotes)
    comparisons.set(code, comparison)
    for (const [id, differences] of comparison.projects) changes.set(id, differences)
  }
  return { evaluations, rounds: [...roundBy.values()], changes, comparisons }
}

/** The note a reported round holds for a project, or null (a round's notes are the ones of its month). */
export function reportedNoteOf(round: ReportedRound, projectId: string): MonitoringNote | null {
  return round.notes.find((note) => note.projectId === projectId) ?? null
}

/**
 * What the pages show for a scope's stored data at `month`: every project evaluated as the
 * pages do, with the 已报送 rounds of that month in place of today's figures (applyReportedRounds).
 * `evaluate` is evaluateProjectData, or a cache of it (a page keeps unchanged projects' results).
 */
export function evaluateShownAt(
  data: readonly ProjectData[],
  rounds: readonly ReportedRound[],
  month: Month,
  t: Thresholds = DEFAULT_THRESHOLDS,
  evaluate: typeof evaluateProjectData = evaluateProjectData,
): ReportedView {
  const current = data.map((row) => evaluate(row, month, t))
  const notes = data.flatMap((row) => row.notes.filter((note) => note.month === month))
  return applyReportedRounds(current, notes, rounds, month)
}

/** A department's month marked 已报送. */
export interface LockedMonth {
  readonly year: number
  readonly departmentCode: string
  readonly month: Month
}

/**
 * The locked months that no stored round holds: marked 已报送 by a version that did not store
 * what was reported. Pages show today's figures for them and must say so (not the reported
 * ones). `rounds` are the standing rounds of the same scope.
 */
export function lockedWithoutRound<L extends LockedMonth>(locks: readonly L[], rounds: readonly LockedMonth[]): L[] {
  const held = new Set(rounds.map((r) => `${r.year}|${r.departmentCode}|${r.month}`))
  return locks.filter((l) => !held.has(`${l.year}|${l.departmentCode}|${l.month}`))
}

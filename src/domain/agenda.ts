/**
 * The meeting agenda (会议议程): which projects a monthly performance meeting goes through, in
 * which order, with their decisions (会议决定) and action items (整改措施).
 *
 * Glossary: 会议关注 agenda flag, 会议决定 decision, 整改措施 action item, 责任人 owner,
 * 期限 due date, 逾期 overdue, 结转 carried over (an open action of an earlier meeting).
 *
 * Dates are ISO calendar dates (YYYY-MM-DD) passed in by the caller: the domain has no clock.
 * A meeting is judged at its reference date (see meetingReferenceDate), not at the viewer's
 * today: a 2020 meeting looked at in 2026 still shows what was overdue when it was held.
 */
import { formatPercent } from './format'
import { compareLaggingFirst, isLagging, type ProjectEvaluation } from './projectEvaluation'
import { actionsAtMonth, type ActionItem, type MeetingAction } from './meetingActions'
import { compareStatus, isLaggingStatus } from './status'
import type { Month, Status } from './types'

// Action items (整改措施) at a meeting live in ./meetingActions; re-exported for the agenda's users.
export { actionAtMonth, actionsAtMonth, compareMeetingActions, type ActionItem, type ActionStatus, type MeetingAction } from './meetingActions'

/** 会议决定, as in monitoring practice. */
export type MeetingDecision = 'continue' | 'adjustBudget' | 'adjustTarget' | 'suspend'

export const MEETING_DECISIONS: readonly MeetingDecision[] = ['continue', 'adjustBudget', 'adjustTarget', 'suspend']

export const DECISION_LABELS: Readonly<Record<MeetingDecision, string>> = {
  continue: '继续执行',
  adjustBudget: '调整预算',
  adjustTarget: '调整目标',
  suspend: '暂停',
}

/** The decision taken for a project in the meeting of one as-of month. */
export interface Decision {
  readonly projectId: string
  readonly month: Month
  readonly decision: MeetingDecision
  readonly remark: string
}

/** Why a project is on the agenda. */
export type AgendaReason = 'lagging' | 'manual' | 'openActions'

export const AGENDA_REASON_LABELS: Readonly<Record<AgendaReason, string>> = {
  lagging: '滞后',
  manual: '会议关注',
  openActions: '整改未完成',
}

/**
 * What the agenda needs of a project: who it is, its status and spend deviation (its order).
 * A ProjectEvaluation is one; so are the stored figures (projectFigures.ts), so the meeting page
 * can build its agenda of a bureau's projects without evaluating them.
 */
export interface AgendaProject {
  readonly project: { readonly id: string; readonly code: string; readonly name: string; readonly departmentCode: string }
  readonly status: ProjectEvaluation['status']
  readonly spend: Pick<ProjectEvaluation['spend'], 'deviation'>
}

export interface AgendaEntry<E extends AgendaProject = ProjectEvaluation> {
  readonly evaluation: E
  readonly reasons: readonly AgendaReason[]
  /** Actions of this project as seen at this meeting (open first, overdue first). */
  readonly actions: readonly MeetingAction[]
  readonly openActionCount: number
  readonly overdueActionCount: number
  readonly decision: Decision | null
}

export interface Agenda<E extends AgendaProject = ProjectEvaluation> {
  /** The projects to discuss, lagging first (compareLaggingFirst), ties in document order. */
  readonly entries: readonly AgendaEntry<E>[]
  /** Projects that would be on the agenda but were taken off by hand (会议关注 off). */
  readonly removed: readonly E[]
}

/**
 * 会议关注 set by hand in the meeting of `month`: true added, false removed, null back to
 * automatic. An addition holds from that meeting on, until a later meeting sets the project
 * again; a removal holds for that meeting only (a project still lagging next month is back).
 */
export interface AgendaFlag {
  readonly projectId: string
  readonly month: Month
  readonly isOnAgenda: boolean | null
}

/** What the agenda is built from; decisions keyed by project id. */
export interface AgendaInput<E extends AgendaProject = ProjectEvaluation> {
  readonly evaluations: readonly E[]
  /** Every stored 会议关注 flag of the scope (any month); resolved for this meeting here. */
  readonly flags: readonly AgendaFlag[]
  /** Decisions of this meeting's month, by project id. */
  readonly decisions: ReadonlyMap<string, Decision>
  /** Every stored action item of the scope (any month); filtered to this meeting here. */
  readonly actions: readonly ActionItem[]
  readonly month: Month
  /** The meeting's reference date, YYYY-MM-DD, for 逾期 (see meetingReferenceDate). */
  readonly referenceDate: string
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/**
 * The date a meeting of as-of month m of `year` is judged at (YYYY-MM-DD): the first day of
 * month m+1, when that month's meeting is held (12月 → 1 January of the next year), or today
 * if that day has not come yet. 逾期 means 期限 before this date.
 */
export function meetingReferenceDate(year: number, month: Month, today: string): string {
  const held = month === 12 ? `${year + 1}-01-01` : `${year}-${pad2(month + 1)}-01`
  // ISO dates compare as strings.
  return today < held ? today : held
}

/**
 * What the latest flag at or before `month` means there: an addition or 恢复 carries on; a
 * removal only in its own meeting, later it is automatic again (it also ends an earlier addition).
 */
function flagInForce(flag: Omit<AgendaFlag, 'projectId'> | undefined, month: Month): boolean | null {
  if (flag === undefined || flag.isOnAgenda === null) return null
  return flag.isOnAgenda || flag.month === month ? flag.isOnAgenda : null
}

/** The 会议关注 of one project in force at the meeting of `month` (see flagInForce). */
export function effectiveAgendaFlag(flags: readonly Omit<AgendaFlag, 'projectId'>[], month: Month): boolean | null {
  let latest: Omit<AgendaFlag, 'projectId'> | undefined
  for (const flag of flags) {
    if (flag.month <= month && (latest === undefined || flag.month > latest.month)) latest = flag
  }
  return flagInForce(latest, month)
}

/** 会议关注 in force at the meeting of `month`, by project id; projects left automatic are absent. O(n). */
export function effectiveAgendaFlags(flags: readonly AgendaFlag[], month: Month): ReadonlyMap<string, boolean> {
  const latest = new Map<string, AgendaFlag>()
  for (const flag of flags) {
    const seen = latest.get(flag.projectId)
    if (flag.month <= month && (seen === undefined || flag.month > seen.month)) latest.set(flag.projectId, flag)
  }
  const effective = new Map<string, boolean>()
  for (const [projectId, flag] of latest) {
    const inForce = flagInForce(flag, month)
    if (inForce !== null) effective.set(projectId, inForce)
  }
  return effective
}

/**
 * The agenda of one meeting: lagging projects (红 then 黄, by deviation), those added by hand,
 * and those with open action items, minus those taken off by hand. O(n log n) in projects.
 */
export function buildAgenda<E extends AgendaProject>(input: AgendaInput<E>): Agenda<E> {
  const actionsByProject = new Map<string, MeetingAction[]>()
  for (const action of actionsAtMonth(input.actions, input.month, input.referenceDate)) {
    const list = actionsByProject.get(action.item.projectId)
    if (list) list.push(action)
    else actionsByProject.set(action.item.projectId, [action])
  }
  const flags = effectiveAgendaFlags(input.flags, input.month)
  const order = new Map(input.evaluations.map((e, index) => [e.project.id, index]))
  const chosen: AgendaEntry<E>[] = []
  const removed: E[] = []
  for (const evaluation of input.evaluations) {
    const id = evaluation.project.id
    const actions = actionsByProject.get(id) ?? []
    const openActionCount = actions.filter((a) => a.state === 'open').length
    const reasons: AgendaReason[] = []
    if (isLagging(evaluation)) reasons.push('lagging')
    if (flags.get(id) === true) reasons.push('manual')
    if (openActionCount > 0) reasons.push('openActions')
    if (reasons.length === 0) continue
    if (flags.get(id) === false) {
      removed.push(evaluation)
      continue
    }
    chosen.push({
      evaluation,
      reasons,
      actions,
      openActionCount,
      overdueActionCount: actions.filter((a) => a.isOverdue).length,
      decision: input.decisions.get(id) ?? null,
    })
  }
  const documentOrder = (e: E) => order.get(e.project.id) ?? 0
  chosen.sort(
    (a, b) =>
      compareLaggingFirst(a.evaluation, b.evaluation) || documentOrder(a.evaluation) - documentOrder(b.evaluation),
  )
  return { entries: chosen, removed }
}

/**
 * The 双监控不一致 flag (rule 8) as one line for the agenda, slides, briefing and form, e.g.
 * 双监控不一致：执行率 60.0%，指标平均完成进度 46.7%，相差 13.3 个百分点; null when not flagged.
 */
export function describeMismatch(evaluation: ProjectEvaluation): string | null {
  const rate = evaluation.spend.executionRate
  const completion = evaluation.averageCompletion
  if (!evaluation.isMismatch || rate === null || completion === null) return null
  const gap = formatPercent(Math.abs(rate - completion)).replace('%', '')
  return `双监控不一致：执行率 ${formatPercent(rate)}，指标平均完成进度 ${formatPercent(completion)}，相差 ${gap} 个百分点`
}

/** Indicators that fall short at the as-of month (红 first, then 黄), for the agenda and slides. */
export function indicatorShortfalls(evaluation: ProjectEvaluation): ProjectEvaluation['indicators'] {
  return evaluation.indicators
    .filter((e) => isLaggingStatus(e.status))
    .sort((a, b) => compareStatus(a.status, b.status))
}

/** Whether an ISO date string (YYYY-MM-DD) names a real calendar day. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return false
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const daysInMonth = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return m >= 1 && m <= 12 && d >= 1 && d <= (daysInMonth[m - 1] ?? 0)
}

/**
 * At most `max` indicators for a slide or printed page, shortfalls and 未填报 before green,
 * otherwise in document order; `hidden` counts the rest (all of them better than those shown).
 */
export function pickIndicators<T extends { readonly status: Status }>(
  indicators: readonly T[],
  max: number,
): { readonly shown: readonly T[]; readonly hidden: number } {
  if (indicators.length <= max) return { shown: indicators, hidden: 0 }
  const rank: Readonly<Record<Status, number>> = { red: 0, yellow: 1, unreported: 2, green: 3, exceeded: 3 }
  const keep = new Set(
    indicators
      .map((indicator, index) => ({ indicator, index }))
      .sort((a, b) => rank[a.indicator.status] - rank[b.indicator.status] || a.index - b.index)
      .slice(0, max)
      .map((x) => x.indicator),
  )
  return { shown: indicators.filter((i) => keep.has(i)), hidden: indicators.length - keep.size }
}

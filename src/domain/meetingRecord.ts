/**
 * The meeting record (会议纪要) of one department's meeting for an as-of month: when and where
 * it was held, who chaired and attended, notes, and its 议定事项 (the decisions per project,
 * stored as decisions). Later meetings show earlier decisions with their 整改 follow-up.
 *
 * Glossary: 会议纪要 meeting record, 主持人 host, 参会人员 attendees, 议定事项 decisions,
 * 以往决定 earlier decisions.
 */
import { actionAtMonth, DECISION_LABELS, type ActionItem, type Decision, type MeetingAction } from './agenda'
import type { Month } from './types'

/** 会议纪要 of a department's meeting for as-of month `month`. */
export interface MeetingRecord {
  readonly year: number
  readonly departmentCode: string
  readonly month: Month
  /** 会议日期, YYYY-MM-DD or '' when not recorded */
  readonly date: string
  /** 会议地点 */
  readonly place: string
  /** 主持人 */
  readonly host: string
  /** 参会人员 */
  readonly attendees: string
  /** 会议记录 (free text) */
  readonly notes: string
}

/** An empty record of a meeting (what the form starts from). */
export function emptyMeetingRecord(year: number, departmentCode: string, month: Month): MeetingRecord {
  return { year, departmentCode, month, date: '', place: '', host: '', attendees: '', notes: '' }
}

/** The date a briefing's cover names (YYYY-MM-DD): the meeting's own date when recorded, else the print date. */
export function briefingDate(record: MeetingRecord | null, printDate: string): string {
  return record !== null && record.date !== '' ? record.date : printDate
}

/** An earlier meeting's decision on a project and the 整改 items that meeting set, as they stand now. */
export interface EarlierDecision {
  readonly month: Month
  /** null when the meeting set actions but took no decision */
  readonly decision: Decision | null
  readonly label: string
  /** Actions created at that meeting, as seen at the current one (closed ones before it are kept, as 已完成). */
  readonly actions: readonly MeetingAction[]
}

/**
 * 以往决定 of one project at the meeting of `month`: each earlier meeting (month < `month`)
 * that decided something or set actions, newest first, with the actions' state now.
 * `referenceDate` (YYYY-MM-DD) judges 逾期, as in actionAtMonth.
 */
export function earlierDecisions(
  projectId: string,
  decisions: readonly Decision[],
  actions: readonly ActionItem[],
  month: Month,
  referenceDate: string,
): readonly EarlierDecision[] {
  const months = new Set<Month>()
  const decided = new Map<Month, Decision>()
  for (const d of decisions) {
    if (d.projectId !== projectId || d.month >= month) continue
    decided.set(d.month, d)
    months.add(d.month)
  }
  const ownActions = actions.filter((a) => a.projectId === projectId && a.month < month)
  for (const a of ownActions) months.add(a.month)
  return [...months]
    .sort((a, b) => b - a)
    .map((m) => {
      const decision = decided.get(m) ?? null
      const seen = ownActions
        .filter((a) => a.month === m)
        .map((a) => {
          // An item closed before this meeting is gone from its agenda but is its follow-up: show it as closed.
          const closedBefore = a.status === 'closed' && (a.closedMonth ?? a.month) < month
          return actionAtMonth(a, closedBefore ? (a.closedMonth ?? a.month) : month, referenceDate)
        })
        .filter((a): a is MeetingAction => a !== null)
      const label = decision === null ? '未作决定' : DECISION_LABELS[decision.decision] + (decision.remark ? `（${decision.remark}）` : '')
      return { month: m, decision, label, actions: seen }
    })
}

/** An ISO date (YYYY-MM-DD) written the Chinese way, e.g. 2020年8月6日; other text as it is. */
export function formatChineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  return match ? `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日` : iso
}

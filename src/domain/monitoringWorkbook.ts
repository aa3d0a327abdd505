/**
 * What the 监控表 workbook (.xlsx) of one department's round 1–m月 holds, as values, and how it
 * is built from what the app stores: 汇总, one sheet per project of the department (every
 * project, on the agenda or not), 整改清单 and 会议纪要 when a meeting is given. The exporter
 * (src/exporters/monitoringFormXlsx.ts) only lays these values out.
 *
 * A department whose month is 已报送 is shown as reported (evaluateShownAt): the status line
 * reads 已报送（date）, the figures are the round's, and today's differences are marked
 * 报送后有变动 where they occur. Otherwise the line reads 草稿.
 */
import { ACTION_PROGRESS_LABELS } from './actionProgress'
import {
  buildAgenda,
  describeMismatch,
  DECISION_LABELS,
  type ActionItem,
  type AgendaFlag,
  type Decision,
  type MeetingAction,
  type MeetingDecision,
} from './agenda'
import { buildFormTotal, type FormTotal } from './formTotal'
import type { IndicatorNote } from './indicatorNotes'
import type { MeetingRecord } from './meetingRecord'
import { buildMonitoringForm, type MonitoringForm, type TargetDisplay } from './monitoringForm'
import { noteOfMonth } from './projectEvaluation'
import type { ProjectData } from './projectData'
import { reportedNoteOf, type ReportedView } from './reportedRound'
import { signOffDate, type SignOff } from './signOff'
import type { Month, Thresholds } from './types'

/** What the meeting adds to the 汇总 sheet for one project. */
export interface MeetingOutcome {
  readonly decision: MeetingDecision | null
  readonly openActions: number
}

/** One row of the 整改清单 sheet (texts as printed). */
export interface ActionListRow {
  readonly projectName: string
  /** As-of month of the meeting that set it (提出月份) */
  readonly month: Month
  /** 整改措施 */
  readonly text: string
  /** 责任人 */
  readonly owner: string
  /** 期限, YYYY-MM-DD */
  readonly dueDate: string
  /** 状态: 未开始 / 进行中 / 已完成 at this meeting */
  readonly progress: string
  /** 完成说明 */
  readonly completionNote: string
  /** 实际完成日期, YYYY-MM-DD or '' */
  readonly completedOn: string
  /** 证明材料 */
  readonly evidence: string
  /** 逾期 (open past 期限), 逾期完成 (done after 期限), or '' */
  readonly lateness: '逾期' | '逾期完成' | ''
  /** 结转: set at an earlier meeting and still open */
  readonly isCarriedOver: boolean
}

/** The 会议纪要 sheet: the meeting of the round and its 议定事项 per project. */
export interface MinutesSheet {
  /** 会议日期, YYYY-MM-DD or '' */
  readonly date: string
  readonly place: string
  readonly host: string
  readonly attendees: string
  readonly notes: string
  /** 议定事项: this meeting's decision per project, in agenda order */
  readonly decisions: readonly { readonly projectName: string; readonly label: string }[]
}

/** Everything writeMonitoringWorkbook lays out (see the exporter for the sheets). */
export interface MonitoringWorkbookInput {
  readonly departmentCode: string
  readonly departmentName: string
  readonly year: number
  readonly month: Month
  /** 填报日期, YYYY-MM-DD (the sign-off's, else the caller's today). */
  readonly date: string
  /** One form per project sheet, in sheet order (every project of the department). */
  readonly forms: readonly MonitoringForm[]
  /** 合计 rows under the projects of the 汇总 sheet (e.g. 议程项目合计, 部门合计), in order. */
  readonly totals: readonly FormTotal[]
  /** Meeting outcomes by project id; projects without one get blank cells. */
  readonly outcomes?: ReadonlyMap<string, MeetingOutcome>
  /** The warning preset the statuses follow (thresholdsName), written on every sheet; absent = not written. */
  readonly presetName?: string
  /** 双监控不一致 lines by project id (describeMismatch), written under the form; absent = none. */
  readonly mismatches?: ReadonlyMap<string, string>
  /** 填报人, 联系电话, 单位负责人, 财务负责人 (填报日期 is `date`); absent = blank lines to sign. */
  readonly signOff?: SignOff
  /** Day the round was 已报送 (YYYY-MM-DD): every sheet reads 已报送（date）; null or absent = 草稿. */
  readonly reportedOn?: string | null
  /** Rows of the 整改清单 sheet; absent = no such sheet. */
  readonly actions?: readonly ActionListRow[]
  /** The 会议纪要 sheet; absent or null = no such sheet. */
  readonly minutes?: MinutesSheet | null
}

/** The status line of every sheet: 已报送（YYYY-MM-DD） or 草稿. */
export function roundStatusLine(reportedOn: string | null | undefined): string {
  return reportedOn ? `已报送（${reportedOn}）` : '草稿'
}

/** One 整改清单 row of an action as seen at the meeting. */
export function buildActionListRow(action: MeetingAction, projectName: string): ActionListRow {
  const { item } = action
  return {
    projectName,
    month: item.month,
    text: item.text,
    owner: item.owner,
    dueDate: item.dueDate,
    progress: ACTION_PROGRESS_LABELS[action.progress],
    completionNote: action.state === 'closed' ? (item.completionNote ?? '') : '',
    completedOn: action.state === 'closed' ? (item.completedOn ?? '') : '',
    evidence: item.evidence ?? '',
    lateness: action.isCompletedLate ? '逾期完成' : action.isOverdue ? '逾期' : '',
    isCarriedOver: action.isCarriedOver,
  }
}

/** The meeting of the round, as stored (all of the scope: filtered to the round here). */
export interface WorkbookMeeting {
  readonly flags: readonly AgendaFlag[]
  readonly decisions: readonly Decision[]
  readonly actions: readonly ActionItem[]
  readonly records: readonly MeetingRecord[]
  /** The meeting's reference date for 逾期 (meetingReferenceDate) */
  readonly referenceDate: string
}

/** What the app stores for one department's round, to build its workbook from. */
export interface WorkbookSource {
  readonly departmentCode: string
  readonly departmentName: string
  readonly year: number
  readonly month: Month
  /** Today, YYYY-MM-DD: the 填报日期 unless the sign-off has one */
  readonly today: string
  /** The department's active projects at the month (activeProjectDataAt), today's data */
  readonly data: readonly ProjectData[]
  /** evaluateShownAt(data, rounds, month, thresholds): the figures shown, reported ones where 已报送 */
  readonly view: ReportedView
  /** Indicator notes of the department's projects (any month) */
  readonly indicatorNotes: readonly IndicatorNote[]
  /** Day the round was 已报送 (YYYY-MM-DD, the caller's local date of the report); null = 草稿 */
  readonly reportedOn: string | null
  readonly signOff?: SignOff
  readonly presetName?: string
  readonly display?: TargetDisplay
  /** The warning preset the statuses follow: a 定性 indicator's light is written in its words */
  readonly thresholds?: Thresholds
  /** The meeting data; given, the workbook gets 会议决定, 议程项目合计, 整改清单 and 会议纪要 */
  readonly meeting?: WorkbookMeeting
}

/** The workbook of one department's round: every project's form, the totals and the meeting's sheets. */
export function buildMonitoringWorkbookInput(source: WorkbookSource): MonitoringWorkbookInput {
  const { view, month, meeting } = source
  const round = view.rounds.find((r) => r.departmentCode === source.departmentCode) ?? null
  const notesById = new Map(source.data.map((row) => [row.project.id, row.notes]))
  const forms = view.evaluations.map((e) => {
    const id = e.project.id
    const note = round !== null && round.evaluations.some((r) => r.project.id === id) ? reportedNoteOf(round, id) : noteOfMonth(notesById.get(id) ?? [], month)
    return buildMonitoringForm(e, note, source.departmentName, {
      display: source.display,
      indicatorNotes: source.indicatorNotes,
      changes: view.changes.get(id) ?? [],
      ...(source.thresholds ? { thresholds: source.thresholds } : {}),
    })
  })
  const mismatches = new Map(view.evaluations.flatMap((e) => {
    const line = describeMismatch(e)
    return line === null ? [] : [[e.project.id, line] as const]
  }))
  const base = {
    departmentCode: source.departmentCode,
    departmentName: source.departmentName,
    year: source.year,
    month,
    date: source.signOff ? signOffDate(source.signOff, source.today) : source.today,
    forms,
    mismatches,
    reportedOn: source.reportedOn,
    ...(source.signOff ? { signOff: source.signOff } : {}),
    ...(source.presetName === undefined ? {} : { presetName: source.presetName }),
  }
  const departmentTotal = buildFormTotal('部门合计', view.evaluations)
  if (!meeting) return { ...base, totals: [departmentTotal] }
  const decisions = new Map(meeting.decisions.filter((d) => d.month === month).map((d) => [d.projectId, d]))
  const agenda = buildAgenda({ evaluations: view.evaluations, flags: meeting.flags, decisions, actions: meeting.actions, month, referenceDate: meeting.referenceDate })
  const names = new Map(view.evaluations.map((e) => [e.project.id, e.project.name]))
  const outcomes = new Map(agenda.entries.map((e) => [e.evaluation.project.id, { decision: e.decision?.decision ?? null, openActions: e.openActionCount }]))
  const actions = agenda.entries.flatMap((e) => e.actions.map((a) => buildActionListRow(a, e.evaluation.project.name)))
  const record = meeting.records.find((r) => r.departmentCode === source.departmentCode && r.month === month) ?? null
  const agreed = agenda.entries.flatMap((e) =>
    e.decision === null ? [] : [{ projectName: e.evaluation.project.name, label: DECISION_LABELS[e.decision.decision] + (e.decision.remark ? `（${e.decision.remark}）` : '') }],
  )
  // Decisions on projects off the agenda (taken off after deciding) are 议定事项 all the same.
  const offAgenda = [...decisions.values()]
    .filter((d) => !agenda.entries.some((e) => e.evaluation.project.id === d.projectId))
    .map((d) => ({ projectName: names.get(d.projectId) ?? d.projectId, label: DECISION_LABELS[d.decision] + (d.remark ? `（${d.remark}）` : '') }))
  const minutes: MinutesSheet = {
    date: record?.date ?? '',
    place: record?.place ?? '',
    host: record?.host ?? '',
    attendees: record?.attendees ?? '',
    notes: record?.notes ?? '',
    decisions: [...agreed, ...offAgenda],
  }
  return {
    ...base,
    totals: [buildFormTotal('议程项目合计', agenda.entries.map((e) => e.evaluation)), departmentTotal],
    outcomes,
    actions,
    minutes,
  }
}

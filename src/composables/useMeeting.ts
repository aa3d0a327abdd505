import { computed, toValue, watch, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue'
import { agendaCandidateIds, buildAgenda, DECISION_LABELS, meetingReferenceDate, type MeetingDecision } from '@/domain/agenda'
import { buildIndicatorNoteRows, type IndicatorNote, type IndicatorNoteRow } from '@/domain/indicatorNotes'
import { earlierDecisions, emptyMeetingRecord, type EarlierDecision, type MeetingRecord } from '@/domain/meetingRecord'
import { countStatuses, evaluateShownAt, noteOfMonth, reportedNoteOf, type ProjectEvaluation } from '@/domain'
import type { ProjectData } from '@/domain/projectData'
import type { ProjectFigures } from '@/domain/projectFigures'
import { activeProjectDataAt } from '@/domain/projectRegister'
import { applyReportedDepartmentSpend, applyReportedSpend, reportedSpendOf } from '@/domain/reportedSpendCurve'
import { buildDepartmentSpendCurve, buildProjectSpendCurve, type SpendCurve } from '@/domain/spendCurve'
import type { MonitoringNote } from '@/domain/types'
import {
  addActionItem,
  deleteActionItem,
  EMPTY_MEETING,
  observeMeetingData,
  saveMeetingRecord,
  setActionResult,
  setActionStatus,
  type ActionResult,
  setAgendaFlag,
  setDecision,
  type MeetingData,
} from '@/db/meetingRepository'
import { saveIndicatorNote } from '@/db/indicatorNoteRepository'
import { loadProjectData, observeProjectDataOf } from '@/db/monitorRepository'
import { evaluateCached } from './evaluationCache'
import { useLiveQuery, type Subscribable } from './useLiveQuery'
import { useMonitor, type Monitor } from './useMonitor'
import type { ScopeSelection } from './useScope'

const NO_DATA: Subscribable<ProjectData[]> = {
  subscribe(observer) {
    observer.next([])
    return { unsubscribe() {} }
  },
}

const NO_MEETING: Subscribable<MeetingData> = {
  subscribe(observer) {
    observer.next(EMPTY_MEETING)
    return { unsubscribe() {} }
  },
}

/** Who is written into the change log when no name is set in 设置. */
const DEFAULT_ACTOR = '会议记录'

/** A new action item as the meeting types it: 整改措施, 责任人, 期限 (YYYY-MM-DD). */
export interface ActionDraft {
  readonly text: string
  readonly owner: string
  readonly dueDate: string
}

/** The projects a meeting shows in full: the evaluations and data its agenda is built from. */
interface AgendaSource {
  readonly evaluations: ComputedRef<readonly ProjectEvaluation[]>
  readonly projectData: ComputedRef<readonly ProjectData[]>
  /** True while the monitor or these projects are being read */
  readonly isLoading: ComputedRef<boolean>
  /** Every project of the scope, evaluated at the as-of month, with its data (exports of the whole scope) */
  readonly loadScope: () => Promise<{ readonly evaluations: readonly ProjectEvaluation[]; readonly projectData: readonly ProjectData[] }>
}

/**
 * The meeting of the chosen scope and as-of month with every project evaluated: the live agenda
 * (红 then 黄 by deviation, plus 会议关注 and open actions), department totals and curves, and the
 * meeting's writes. `today` (YYYY-MM-DD) comes from the view; 逾期 is judged at the meeting's
 * reference date. The slides and the briefing use it (they draw the department's spend curve).
 */
export function useMeeting(scope: ScopeSelection, today: MaybeRefOrGetter<string>) {
  const monitor = useMonitor(scope)
  const meeting = meetingOf(monitor, today, () => ({
    evaluations: monitor.evaluations,
    projectData: monitor.projectData,
    isLoading: monitor.isLoading,
    loadScope: async () => ({ evaluations: monitor.evaluations.value, projectData: monitor.projectData.value }),
  }))
  // Each 已报送 month is drawn as reported, today's figure beside it (as on the project page).
  const departmentCurve = computed<SpendCurve>(() => {
    const data = monitor.projectData.value
    return applyReportedDepartmentSpend(buildDepartmentSpendCurve(data, monitor.month.value), data, monitor.rounds.value)
  })
  return { ...meeting, departmentCurve }
}

/**
 * The meeting page's meeting: as useMeeting, but the scope's projects are shown from their stored
 * figures (useMonitor figuresFirst) and only the agenda's candidates (agendaCandidateIds: lagging,
 * 会议关注, with actions) are read and evaluated — a bureau's meeting of 10,000 projects reads and
 * evaluates the few thousand that can be on its agenda. The whole scope is read for an export.
 */
export function useMeetingAgenda(scope: ScopeSelection, today: MaybeRefOrGetter<string>) {
  const monitor = useMonitor(scope, { figuresFirst: true })
  return meetingOf(monitor, today, (meetingData) => {
    const ids = computed<readonly string[]>((previous) => {
      const data = meetingData.value
      const next = agendaCandidateIds(monitor.evaluations.value, data.flags, data.actions, monitor.month.value)
      // The same projects: no new read.
      return previous !== undefined && previous.length === next.length && previous.every((id, i) => id === next[i]) ? previous : next
    })
    // The data read so far: a changed set reads only the projects new to it.
    let known: ReadonlyMap<string, ProjectData> = new Map()
    const candidates = useLiveQuery(() => {
      const list = ids.value
      return monitor.fullEvaluations.value !== null || list.length === 0 ? NO_DATA : observeProjectDataOf(list, known)
    }, [] as ProjectData[])
    watch(candidates.data, (data) => (known = new Map(data.map((row) => [row.project.id, row]))))
    const evaluations = computed<readonly ProjectEvaluation[]>(() => {
      const full = monitor.fullEvaluations.value
      if (full !== null) return full
      const month = monitor.month.value
      // Not yet read for this set: nothing rather than an agenda of the previous set.
      if (candidates.isLoading.value && candidates.data.value.length === 0) return []
      return evaluateShownAt(activeProjectDataAt(candidates.data.value, month), [], month, monitor.settings.value.thresholds, evaluateCached).evaluations
    })
    return {
      evaluations,
      projectData: computed(() => (monitor.fullEvaluations.value !== null ? monitor.projectData.value : candidates.data.value)),
      isLoading: computed(() => monitor.isLoading.value || (monitor.fullEvaluations.value === null && candidates.isLoading.value)),
      loadScope: async () => {
        const full = monitor.fullEvaluations.value
        if (full !== null) return { evaluations: full, projectData: monitor.projectData.value }
        const year = monitor.year.value
        if (year === null) return { evaluations: [], projectData: [] }
        const month = monitor.month.value
        const data = activeProjectDataAt(await loadProjectData({ year, departmentCode: monitor.departmentCode.value }), month)
        return { evaluations: evaluateShownAt(data, monitor.rounds.value, month, monitor.settings.value.thresholds, evaluateCached).evaluations, projectData: data }
      },
    }
  })
}

/** The meeting's state over a monitor (either kind) and the source of the projects shown in full. */
function meetingOf<E extends ProjectFigures>(monitor: Monitor<E>, today: MaybeRefOrGetter<string>, sourceOf: (meetingData: Ref<MeetingData>) => AgendaSource) {
  const meeting = useLiveQuery(() => {
    const year = monitor.year.value
    return year === null ? NO_MEETING : observeMeetingData({ year, departmentCode: monitor.departmentCode.value })
  }, EMPTY_MEETING)
  const source = sourceOf(meeting.data)

  // When the as-of month's meeting is held (or today, if that is still ahead), for 逾期.
  const referenceDate = computed(() => {
    const year = monitor.year.value
    const now = toValue(today)
    return year === null ? now : meetingReferenceDate(year, monitor.month.value, now)
  })
  const agenda = computed(() => {
    const month = monitor.month.value
    const data = meeting.data.value
    const decisions = new Map(data.decisions.filter((d) => d.month === month).map((d) => [d.projectId, d]))
    return buildAgenda({
      evaluations: source.evaluations.value,
      flags: data.flags,
      decisions,
      actions: data.actions,
      month,
      referenceDate: referenceDate.value,
    })
  })
  // The page shows only the agenda's 红/黄 counts: no department totals of thousands of items.
  const agendaCounts = computed(() => countStatuses(agenda.value.entries.map((e) => e.evaluation)))
  const dataById = computed(() => new Map(source.projectData.value.map((row) => [row.project.id, row])))
  const evaluationById = computed(() => new Map(source.evaluations.value.map((e) => [e.project.id, e])))

  const departmentName = computed(() => {
    const code = monitor.departmentCode.value ?? monitor.evaluations.value[0]?.project.departmentCode ?? ''
    const isSingle = monitor.departmentCode.value !== null || monitor.evaluations.value.every((e) => e.project.departmentCode === code)
    if (!isSingle) return '全部部门'
    return monitor.catalog.value.departments.find((d) => d.code === code)?.name ?? code
  })

  /** The spend curve of one agenda project at the as-of month (rates in % of budget), 已报送 months as reported. */
  function curveOf(projectId: string): SpendCurve | null {
    const row = dataById.value.get(projectId)
    if (!row) return null
    const today = buildProjectSpendCurve(row.project, row.spending, monitor.month.value, row.budgetAdjustments)
    return applyReportedSpend(today, reportedSpendOf(monitor.rounds.value, projectId))
  }

  /** The agenda project's monitoring note of the as-of month (the reported one when 已报送), or null. */
  function noteOf(projectId: string): MonitoringNote | null {
    const round = monitor.reported.value.rounds.find((r) => r.evaluations.some((e) => e.project.id === projectId))
    if (round) return reportedNoteOf(round, projectId)
    const row = dataById.value.get(projectId)
    return row ? noteOfMonth(row.notes, monitor.month.value) : null
  }

  /** The department whose meeting this is: the scope's, or the only one of its projects; null for several. */
  const meetingDepartmentCode = computed(() => {
    const chosen = monitor.departmentCode.value
    if (chosen !== null) return chosen
    const codes = new Set(monitor.evaluations.value.map((e) => e.project.departmentCode))
    return codes.size === 1 ? ([...codes][0] ?? null) : null
  })
  /** 会议纪要 of this meeting (an empty one until saved); null when the scope spans several departments. */
  const record = computed<MeetingRecord | null>(() => {
    const year = monitor.year.value
    const code = meetingDepartmentCode.value
    if (year === null || code === null) return null
    const month = monitor.month.value
    const stored = meeting.data.value.records.find((r) => r.departmentCode === code && r.month === month)
    return stored ?? emptyMeetingRecord(year, code, month)
  })
  /** 议定事项: this meeting's decisions, in agenda order. */
  const agreed = computed(() =>
    agenda.value.entries.flatMap((e) =>
      e.decision === null
        ? []
        : [{ projectName: e.evaluation.project.name, label: DECISION_LABELS[e.decision.decision] + (e.decision.remark ? `（${e.decision.remark}）` : '') }],
    ),
  )

  /** 以往决定 of one project: earlier meetings' decisions and the follow-up of their actions. */
  function earlierOf(projectId: string): readonly EarlierDecision[] {
    const data = meeting.data.value
    return earlierDecisions(projectId, data.decisions, data.actions, monitor.month.value, referenceDate.value)
  }

  /** Per-indicator note rows of one agenda project at the as-of month. */
  function indicatorRowsOf(projectId: string): readonly IndicatorNoteRow[] {
    const evaluation = evaluationById.value.get(projectId)
    return evaluation ? buildIndicatorNoteRows(evaluation.indicators, meeting.data.value.indicatorNotes, evaluation.month) : []
  }

  const actor = () => monitor.settings.value.actor || DEFAULT_ACTOR
  return {
    monitor,
    agenda,
    agendaCounts,
    referenceDate,
    departmentName,
    meetingData: meeting.data,
    /** True while the scope or the agenda's projects are being read (no agenda to show yet) */
    isLoading: source.isLoading,
    /** Every project of the scope evaluated, with its data (read first when shown from figures) */
    loadScope: source.loadScope,
    curveOf,
    noteOf,
    record,
    agreed,
    earlierOf,
    indicatorRowsOf,
    saveRecord: (value: MeetingRecord) => saveMeetingRecord(value, actor()),
    saveIndicatorNote: (note: IndicatorNote) => saveIndicatorNote(note, actor()),
    recordActionResult: (id: number, result: ActionResult) => setActionResult(id, result, monitor.month.value, actor()),
    setOnAgenda: (projectId: string, isOnAgenda: boolean | null) =>
      setAgendaFlag(projectId, monitor.month.value, isOnAgenda, actor()),
    decide: (projectId: string, decision: { decision: MeetingDecision; remark: string } | null) =>
      setDecision(projectId, monitor.month.value, decision, actor()),
    addAction: (projectId: string, draft: ActionDraft) =>
      addActionItem({ projectId, month: monitor.month.value, ...draft }, actor()),
    closeAction: (id: number) => setActionStatus(id, 'closed', monitor.month.value, actor()),
    reopenAction: (id: number) => setActionStatus(id, 'open', monitor.month.value, actor()),
    deleteAction: (id: number) => deleteActionItem(id, actor()),
  }
}

export type MeetingState = ReturnType<typeof useMeeting>
/** The meeting page's meeting (useMeetingAgenda): its monitor shows the stored figures. */
export type AgendaMeetingState = ReturnType<typeof useMeetingAgenda>

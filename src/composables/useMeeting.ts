import { computed, shallowRef, toValue, watch, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { buildAgenda, DECISION_LABELS, meetingReferenceDate, type Agenda, type AgendaEntry, type AgendaProject, type MeetingDecision } from '@/domain/agenda'
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
import { constantSource, useLiveQuery } from './useLiveQuery'
import { useMonitor, type Monitor } from './useMonitor'
import type { ScopeSelection } from './useScope'

const NO_DATA = constantSource<ProjectData[]>([])

const NO_MEETING = constantSource<MeetingData>(EMPTY_MEETING)

/** Who is written into the change log when no name is set in 设置. */
const DEFAULT_ACTOR = '会议记录'

/** A new action item as the meeting types it: 整改措施, 责任人, 期限 (YYYY-MM-DD). */
export interface ActionDraft {
  readonly text: string
  readonly owner: string
  readonly dueDate: string
}

/** What a meeting lists and shows in full: its agenda, and each agenda project evaluated with its data. */
interface AgendaSource<A extends AgendaProject> {
  /** The agenda as the page lists it (projects as evaluations, or on the meeting page their stored figures) */
  readonly agenda: ComputedRef<Agenda<A>>
  /** An agenda project's entry with its evaluation, once read (the meeting page reads the page it shows); else null */
  readonly entryOf: (projectId: string) => AgendaEntry | null
  /** An agenda project's data, once read */
  readonly dataOf: (projectId: string) => ProjectData | undefined
  /** True while the monitor or the projects shown are being read */
  readonly isLoading: ComputedRef<boolean>
  /** Every project of the scope, evaluated at the as-of month, with its data (exports of the whole scope) */
  readonly loadScope: () => Promise<{ readonly evaluations: readonly ProjectEvaluation[]; readonly projectData: readonly ProjectData[] }>
}

/** buildAgenda over some of the scope's projects, with this meeting's flags, decisions and actions. */
type AgendaOf = <X extends AgendaProject>(evaluations: readonly X[]) => Agenda<X>

/**
 * The meeting of the chosen scope and as-of month with every project evaluated: the live agenda
 * (红 then 黄 by deviation, plus 会议关注 and open actions), department totals and curves, and the
 * meeting's writes. `today` (YYYY-MM-DD) comes from the view; 逾期 is judged at the meeting's
 * reference date. The slides and the briefing use it (they draw the department's spend curve).
 */
export function useMeeting(scope: ScopeSelection, today: MaybeRefOrGetter<string>) {
  const monitor = useMonitor(scope)
  const meeting = meetingOf(monitor, today, (agendaOf) => {
    const agenda = computed(() => agendaOf(monitor.evaluations.value))
    const entries = computed(() => new Map(agenda.value.entries.map((e) => [e.evaluation.project.id, e])))
    const data = computed(() => new Map(monitor.projectData.value.map((row) => [row.project.id, row])))
    return {
      agenda,
      entryOf: (id: string) => entries.value.get(id) ?? null,
      dataOf: (id: string) => data.value.get(id),
      isLoading: monitor.isLoading,
      loadScope: async () => ({ evaluations: monitor.evaluations.value, projectData: monitor.projectData.value }),
    }
  })
  // Each 已报送 month is drawn as reported, today's figure beside it (as on the project page).
  const departmentCurve = computed<SpendCurve>(() => {
    const data = monitor.projectData.value
    return applyReportedDepartmentSpend(buildDepartmentSpendCurve(data, monitor.month.value), data, monitor.rounds.value)
  })
  return { ...meeting, departmentCurve }
}

/**
 * The meeting page's meeting: as useMeeting, but its agenda is built from the projects' stored
 * figures (useMonitor figuresFirst: nothing evaluated), and only the agenda projects the page
 * shows (`show`, a page of the list) are read and evaluated — a bureau's meeting of 10,000
 * projects and thousands of agenda items reads about 20. The whole scope is read for an export.
 */
export function useMeetingAgenda(scope: ScopeSelection, today: MaybeRefOrGetter<string>) {
  const monitor = useMonitor(scope, { figuresFirst: true })
  const shown = shallowRef<readonly string[]>([])
  const meeting = meetingOf(monitor, today, (agendaOf) => {
    // Evaluated (a 已报送 month shown as reported, figures being rewritten): every project is at hand.
    const full = monitor.fullEvaluations
    // The data read so far: a page turned reads only the projects new to it.
    let known: ReadonlyMap<string, ProjectData> = new Map()
    const read = useLiveQuery(() => {
      const ids = shown.value
      return full.value !== null || ids.length === 0 ? NO_DATA : observeProjectDataOf(ids, known)
    }, [] as ProjectData[])
    watch(read.data, (data) => (known = new Map(data.map((row) => [row.project.id, row]))))
    const fullAgenda = computed(() => {
      const all = full.value
      if (all !== null) return agendaOf(all)
      const month = monitor.month.value
      return agendaOf(evaluateShownAt(activeProjectDataAt(read.data.value, month), [], month, monitor.settings.value.thresholds, evaluateCached).evaluations)
    })
    const entries = computed(() => new Map(fullAgenda.value.entries.map((e) => [e.evaluation.project.id, e])))
    const data = computed(() => new Map((full.value !== null ? monitor.projectData.value : read.data.value).map((row) => [row.project.id, row])))
    return {
      agenda: computed<Agenda<ProjectFigures>>(() => (full.value !== null ? fullAgenda.value : agendaOf(monitor.evaluations.value))),
      entryOf: (id: string) => entries.value.get(id) ?? null,
      dataOf: (id: string) => data.value.get(id),
      isLoading: computed(() => monitor.isLoading.value || (full.value === null && read.isLoading.value)),
      loadScope: async () => {
        const all = full.value
        if (all !== null) return { evaluations: all, projectData: monitor.projectData.value }
        const year = monitor.year.value
        if (year === null) return { evaluations: [], projectData: [] }
        const month = monitor.month.value
        const scopeData = activeProjectDataAt(await loadProjectData({ year, departmentCode: monitor.departmentCode.value }), month)
        return { evaluations: evaluateShownAt(scopeData, monitor.rounds.value, month, monitor.settings.value.thresholds, evaluateCached).evaluations, projectData: scopeData }
      },
    }
  })
  return {
    ...meeting,
    /** The agenda projects the page shows (a page of the list): these are read and evaluated. */
    show: (projectIds: readonly string[]) => (shown.value = projectIds),
  }
}

/** The meeting's state over a monitor (either kind) and the source of its agenda. */
function meetingOf<E extends ProjectFigures, A extends AgendaProject>(monitor: Monitor<E>, today: MaybeRefOrGetter<string>, sourceOf: (agendaOf: AgendaOf) => AgendaSource<A>) {
  const meeting = useLiveQuery(() => {
    const year = monitor.year.value
    return year === null ? NO_MEETING : observeMeetingData({ year, departmentCode: monitor.departmentCode.value })
  }, EMPTY_MEETING)

  // When the as-of month's meeting is held (or today, if that is still ahead), for 逾期.
  const referenceDate = computed(() => {
    const year = monitor.year.value
    const now = toValue(today)
    return year === null ? now : meetingReferenceDate(year, monitor.month.value, now)
  })
  const agendaOf: AgendaOf = (evaluations) => {
    const month = monitor.month.value
    const data = meeting.data.value
    const decisions = new Map(data.decisions.filter((d) => d.month === month).map((d) => [d.projectId, d]))
    return buildAgenda({ evaluations, flags: data.flags, decisions, actions: data.actions, month, referenceDate: referenceDate.value })
  }
  const source = sourceOf(agendaOf)
  const agenda = source.agenda
  // The page shows only the agenda's 红/黄 counts: no department totals of thousands of items.
  const agendaCounts = computed(() => countStatuses(agenda.value.entries.map((e) => e.evaluation)))

  const departmentName = computed(() => {
    const code = monitor.departmentCode.value ?? monitor.evaluations.value[0]?.project.departmentCode ?? ''
    const isSingle = monitor.departmentCode.value !== null || monitor.evaluations.value.every((e) => e.project.departmentCode === code)
    if (!isSingle) return '全部部门'
    return monitor.catalog.value.departments.find((d) => d.code === code)?.name ?? code
  })

  /** The spend curve of one agenda project at the as-of month (rates in % of budget), 已报送 months as reported. */
  function curveOf(projectId: string): SpendCurve | null {
    const row = source.dataOf(projectId)
    if (!row) return null
    const today = buildProjectSpendCurve(row.project, row.spending, monitor.month.value, row.budgetAdjustments)
    return applyReportedSpend(today, reportedSpendOf(monitor.rounds.value, projectId))
  }

  /** The agenda project's monitoring note of the as-of month (the reported one when 已报送), or null. */
  function noteOf(projectId: string): MonitoringNote | null {
    const round = monitor.reported.value.rounds.find((r) => r.evaluations.some((e) => e.project.id === projectId))
    if (round) return reportedNoteOf(round, projectId)
    const row = source.dataOf(projectId)
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
    const evaluation = source.entryOf(projectId)?.evaluation
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
    /** An agenda project's entry with its evaluation, once read; null before */
    entryOf: source.entryOf,
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

import { computed, type Ref } from 'vue'
import { resolveAsOfMonth } from '@/domain/asOfMonth'
import { compareWithReported, evaluateProjectData, noteOfMonth, reportedNoteOf, type ReportedDifference, type ReportedRound } from '@/domain'
import { applyReportedSpend, reportedSpendOf } from '@/domain/reportedSpendCurve'
import { buildProjectSpendCurve } from '@/domain/spendCurve'
import type { Month } from '@/domain/types'
import { EMPTY_CATALOG, observeCatalog, observeLatestDataMonth, observeProject, type Catalog, type ProjectData } from '@/db/monitorRepository'
import { observeLocksWithoutRound, observeReportedRounds } from '@/db/reportedRoundRepository'
import type { MonthLockRecord } from '@/db/records'
import { DEFAULT_SETTINGS, observeSettings } from '@/db/settingsRepository'
import { useLiveQuery, type Subscribable } from './useLiveQuery'
import type { ScopeSelection } from './useScope'

function constant<T>(value: T): Subscribable<T> {
  return {
    subscribe(observer) {
      observer.next(value)
      return { unsubscribe() {} }
    },
  }
}

/** Year and department code from a project id `<year>/<department>/<code>` (see projectId); null if malformed. */
export function parseProjectId(id: string): { year: number; departmentCode: string } | null {
  const match = /^(\d{4})\/([^/]+)\//.exec(id)
  return match === null ? null : { year: Number(match[1]), departmentCode: match[2] ?? '' }
}

/** How a project's as-of month stands against a 已报送 round (null when the month is not reported). */
export interface ProjectReported {
  readonly round: ReportedRound
  /** False for a project added after the report: the page then shows today's figures */
  readonly isInRound: boolean
  /** 报送后有变动: each figure that differs today, both values; empty when unchanged */
  readonly differences: readonly ReportedDifference[]
}

/**
 * One project, live: its stored data (only its own rows), its evaluation and spend curve at the
 * as-of month (the chosen one, else the latest month with data in its department's year, as the
 * overview and 录入 of that department open on), and that month's note. When the month is
 * 已报送 the evaluation and the note are the reported ones, and `reported` says what differs today.
 */
export function useProjectDetail(projectId: Ref<string>, scope: ScopeSelection) {
  const settings = useLiveQuery(() => observeSettings(), DEFAULT_SETTINGS)
  const catalog = useLiveQuery<Catalog>(() => observeCatalog(), EMPTY_CATALOG)
  const key = computed(() => parseProjectId(projectId.value))
  const row = useLiveQuery(() => (key.value === null ? constant(null) : observeProject(projectId.value)), null as ProjectData | null)
  // Keys of the department's rows only: a department is small, the whole year may be 10,000 projects.
  const latest = useLiveQuery<Month | null>(() => (key.value === null ? constant(null) : observeLatestDataMonth(key.value)), null)
  const latestMonth = latest.data
  const month = computed<Month>(() => resolveAsOfMonth(scope.month.value, latestMonth.value))
  const isMonthKnown = computed(() => scope.month.value !== null || !latest.isLoading.value)

  // Shown only once the month is known, so the page does not flash 1月's figures.
  const data = computed(() => (isMonthKnown.value ? row.data.value : null))
  const rounds = useLiveQuery(() => (key.value === null ? constant([] as ReportedRound[]) : observeReportedRounds(key.value)), [] as ReportedRound[])
  const current = computed(() =>
    data.value === null
      ? null
      : evaluateProjectData(data.value, month.value, settings.data.value.thresholds),
  )
  const reported = computed<ProjectReported | null>(() => {
    const round = rounds.data.value.find((r) => r.month === month.value)
    const today = current.value
    if (!round || today === null || data.value === null) return null
    const isInRound = round.evaluations.some((e) => e.project.id === projectId.value)
    const notes = data.value.notes.filter((n) => n.month === month.value)
    const differences = isInRound ? (compareWithReported(round, [today], notes).projects.get(projectId.value) ?? []) : []
    return { round, isInRound, differences }
  })
  const evaluation = computed(() => {
    const shown = reported.value
    if (!shown?.isInRound) return current.value
    return shown.round.evaluations.find((e) => e.project.id === projectId.value) ?? current.value
  })
  // The spend chart draws each 已报送 month holding the project as reported, today's figure beside it.
  const curve = computed(() => {
    if (data.value === null) return null
    const today = buildProjectSpendCurve(data.value.project, data.value.spending, month.value, data.value.budgetAdjustments)
    return applyReportedSpend(today, reportedSpendOf(rounds.data.value, projectId.value))
  })
  const note = computed(() => {
    const shown = reported.value
    if (shown?.isInRound) return reportedNoteOf(shown.round, projectId.value)
    return data.value === null ? null : noteOfMonth(data.value.notes, month.value)
  })
  const oldLocks = useLiveQuery(() => (key.value === null ? constant([] as MonthLockRecord[]) : observeLocksWithoutRound(key.value)), [] as MonthLockRecord[])
  /** The month was marked 已报送 without storing the round (old version): the page shows today's figures */
  const legacyLocked = computed(() => oldLocks.data.value.some((l) => l.month === month.value))
  const department = computed(() => catalog.data.value.departments.find((d) => d.code === key.value?.departmentCode) ?? null)

  return {
    data,
    evaluation,
    reported,
    legacyLocked,
    /** Today's evaluation at the month (the shown one is the reported round's when 已报送) */
    current,
    curve,
    note,
    month,
    latestMonth,
    department,
    thresholds: computed(() => settings.data.value.thresholds),
    isLoading: computed(() => row.isLoading.value || !isMonthKnown.value || rounds.isLoading.value),
    error: computed(() => row.error.value ?? latest.error.value ?? rounds.error.value),
  }
}

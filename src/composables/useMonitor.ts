import { computed, watch } from 'vue'
import { latestDataMonth, resolveAsOfMonth } from '@/domain/asOfMonth'
import { evaluateShownAt, summarizeProjects, type ProjectEvaluation, type ReportedRound, type ReportedView } from '@/domain'
import { activeProjectDataAt } from '@/domain/projectRegister'
import { hasEnteredSpending } from '@/domain/projectTable'
import type { Month } from '@/domain/types'
import type { ProjectFigures } from '@/domain/projectFigures'
import { observeFigures, refreshFigures, type FigureView } from '@/db/figureRepository'
import { departmentsInYear, EMPTY_CATALOG, observeCatalog, observeProjectData, scopeKeyPrefix, type Catalog, type ProjectData } from '@/db/monitorRepository'
import { observeLocksWithoutRound, observeReportedRounds } from '@/db/reportedRoundRepository'
import type { MonthLockRecord } from '@/db/records'
import { DEFAULT_SETTINGS, observeSettings } from '@/db/settingsRepository'
import { evaluateCached, evaluateNeighboursWhenIdle, whenIdle } from './evaluationCache'
import type { ScopeSelection } from './useScope'
import { constantSource, useLiveQuery } from './useLiveQuery'

const NO_PROJECTS = constantSource<ProjectData[]>([])

const NO_LOCKS = constantSource<MonthLockRecord[]>([])

const NO_ROUNDS = constantSource<ReportedRound[]>([])

const NO_FIGURES = constantSource<FigureView | null>(null)

/** The latest month with data of one project, kept per data object (unchanged projects keep theirs). */
const latestByData = new WeakMap<ProjectData, Month | null>()
function latestOf(row: ProjectData): Month | null {
  if (!latestByData.has(row)) latestByData.set(row, latestDataMonth(row.spending, row.values))
  return latestByData.get(row) ?? null
}

/** What useMonitor's options change. */
export interface MonitorOptions {
  /**
   * Show the stored per-project figures (figureRepository) instead of evaluating every project:
   * the overview of a bureau's 10,000 projects reads its 200 department records and evaluates none. The
   * scope is then evaluated only while a department's as-of month is 已报送 (shown as reported)
   * or some figures are stale (being rewritten after a thresholds change); `projectData` is
   * empty otherwise.
   */
  readonly figuresFirst?: boolean
}

/**
 * The live monitoring picture of the chosen scope (from the URL, see useScope): catalog of
 * years/departments, settings, the effective year (newest by default) and as-of month (the
 * latest with data by default), each project's evaluation and the totals. A department whose
 * as-of month is 已报送 shows the round as reported (evaluateShownAt), never a re-computation;
 * `reported` says which rounds are shown and how today's figures differ (报送后有变动).
 */
export function useMonitor(scope: ScopeSelection): ReturnType<typeof monitorOf<ProjectEvaluation>>
export function useMonitor(scope: ScopeSelection, options: MonitorOptions & { figuresFirst: true }): ReturnType<typeof monitorOf<ProjectFigures>>
export function useMonitor(scope: ScopeSelection, options: MonitorOptions = {}) {
  return monitorOf(scope, options)
}

/** What useMonitor returns: E is ProjectEvaluation, or with figuresFirst ProjectFigures. */
export type Monitor<E extends ProjectFigures = ProjectEvaluation> = ReturnType<typeof monitorOf<E>>

function monitorOf<E extends ProjectFigures>(scope: ScopeSelection, options: MonitorOptions) {
  const isFiguresFirst = options.figuresFirst === true
  const catalog = useLiveQuery<Catalog>(() => observeCatalog(), EMPTY_CATALOG)
  const settings = useLiveQuery(() => observeSettings(), DEFAULT_SETTINGS)

  const year = computed(() => scope.year.value ?? catalog.data.value.years[0] ?? null)
  const departmentCode = computed(() => scope.departmentCode.value)
  // The stored figures (only once the settings are read: they say which thresholds are in force).
  const figureView = useLiveQuery(() => {
    const selectedYear = year.value
    return !isFiguresFirst || selectedYear === null || settings.isLoading.value
      ? NO_FIGURES
      : observeFigures(scopeKeyPrefix({ year: selectedYear, departmentCode: departmentCode.value }), scope.month.value, settings.data.value.thresholds)
  }, null)
  // The months with data next to the one shown are read once the page is idle and kept live (and
  // a minute after, see sharedSource): stepping the 截至 month to either shows its figures at once.
  const neighbours = computed(() => {
    const view = figureView.data.value
    const selectedYear = year.value
    if (view === null || selectedYear === null) return null
    // Months with data only: after the latest month with data there is nothing to step to.
    const months = [view.month - 1, view.month + 1].filter((m): m is Month => m >= 1 && m <= 12 && view.latest !== null && m <= view.latest)
    const prefix = scopeKeyPrefix({ year: selectedYear, departmentCode: departmentCode.value })
    return { prefix, months, key: `${prefix}\u0000${months.join(',')}` }
  })
  watch(
    [() => neighbours.value?.key ?? null, () => settings.data.value.thresholds],
    (_, __, onCleanup) => {
      const near = neighbours.value
      if (near === null) return
      const t = settings.data.value.thresholds
      const held: { unsubscribe(): void }[] = []
      const ignore = { next: () => undefined, error: () => undefined }
      const left = [...near.months]
      // One month per idle period: each is a read of the scope's department records.
      let cancel = () => undefined as void
      const next = () => {
        const m = left.shift()
        if (m === undefined) return
        cancel = whenIdle(() => {
          held.push(observeFigures(near.prefix, m, t).subscribe(ignore))
          next()
        })
      }
      next()
      onCleanup(() => {
        cancel()
        for (const each of held) each.unsubscribe()
      })
    },
  )
  const rounds = useLiveQuery(() => {
    const selectedYear = year.value
    return selectedYear === null ? NO_ROUNDS : observeReportedRounds({ year: selectedYear, departmentCode: departmentCode.value })
  }, [] as ReportedRound[])
  // Figures computed under other thresholds are rewritten in the background; evaluated meanwhile.
  watch(
    () => figureView.data.value?.stale,
    (stale) => {
      if (stale && stale.length > 0) void refreshFigures(stale)
    },
  )
  const isEvaluated = computed(() => {
    if (!isFiguresFirst) return true
    const view = figureView.data.value
    return view !== null && (view.stale.length > 0 || rounds.data.value.some((r) => r.month === view.month))
  })
  // Read only while evaluated: shown from figures, nothing else of the scope is read.
  const projectData = useLiveQuery(() => {
    const selectedYear = year.value
    return selectedYear === null || !isEvaluated.value ? NO_PROJECTS : observeProjectData({ year: selectedYear, departmentCode: departmentCode.value })
  }, [] as ProjectData[])

  // Per project, kept while its data object is: a write replaces only the written project's.
  const latestMonth = computed(() => {
    if (!isEvaluated.value) return figureView.data.value?.latest ?? null
    let latest: Month | null = null
    for (const row of projectData.data.value) {
      const month = latestOf(row)
      if (month !== null && (latest === null || month > latest)) latest = month
    }
    return latest
  })
  const month = computed<Month>(() => resolveAsOfMonth(scope.month.value, latestMonth.value))
  // Archived projects and indicators drop out after their archive month (one rule: activeProjectDataAt).
  const activeData = computed(() => (isEvaluated.value ? activeProjectDataAt(projectData.data.value, month.value) : []))
  const reported = computed<ReportedView>(() =>
    evaluateShownAt(activeData.value, rounds.data.value, month.value, settings.data.value.thresholds, evaluateCached),
  )
  // The months next to the shown one, evaluated ahead while the page is idle (none shown from figures).
  watch(
    [projectData.data, month, () => settings.data.value.thresholds],
    ([data, m, t], _, onCleanup) => onCleanup(evaluateNeighboursWhenIdle(data, m, t)),
    { immediate: true },
  )
  const oldLocks = useLiveQuery(() => {
    const selectedYear = year.value
    return selectedYear === null ? NO_LOCKS : observeLocksWithoutRound({ year: selectedYear, departmentCode: departmentCode.value })
  }, [] as MonthLockRecord[])
  // Departments whose as-of month is 已报送 without a stored round: shown with today's figures.
  const legacyLocked = computed(() => oldLocks.data.value.filter((l) => l.month === month.value).map((l) => l.departmentCode))
  // The figures shown are of an earlier choice of month (the one asked for is being read).
  const isOtherMonth = computed(() => {
    const view = figureView.data.value
    return isFiguresFirst && view !== null && scope.month.value !== null && view.month !== scope.month.value
  })
  const evaluations = computed<E[]>(() => {
    if (isEvaluated.value) return [...reported.value.evaluations] as unknown as E[]
    // Not before the rounds are read: a 已报送 month must not flash today's figures first; nor
    // another month's figures while the month asked for is read.
    return rounds.isLoading.value || isOtherMonth.value ? [] : ([...(figureView.data.value?.figures ?? [])] as E[])
  })
  const summary = computed(() => summarizeProjects(evaluations.value, settings.data.value.thresholds))
  const hasSpending = computed(() => hasEnteredSpending(evaluations.value))
  const isLoading = computed(
    () =>
      catalog.isLoading.value ||
      rounds.isLoading.value ||
      (isFiguresFirst && (figureView.data.value === null || isOtherMonth.value)) ||
      (isEvaluated.value && projectData.isLoading.value),
  )

  return {
    catalog: catalog.data,
    /** The departments the scope bar offers: those with projects in the shown year */
    departments: computed(() => departmentsInYear(catalog.data.value, year.value)),
    /** The departments with projects in a year (a year choice drops a department it lacks) */
    departmentsInYear: (y: number) => departmentsInYear(catalog.data.value, y),
    settings: settings.data,
    year,
    departmentCode,
    latestMonth,
    month,
    projectData: activeData,
    /** Each project at the as-of month: evaluations, or with figuresFirst the stored figures */
    evaluations,
    /** The evaluations of every project when they were computed (always without figuresFirst; with it, while evaluated), else null */
    fullEvaluations: computed<readonly ProjectEvaluation[] | null>(() => (isEvaluated.value ? reported.value.evaluations : null)),
    /** The 已报送 rounds shown at the as-of month and how today differs from them */
    reported,
    /** Every standing 已报送 round of the scope's year (the charts draw each reported month as reported) */
    rounds: rounds.data,
    /** Department codes whose as-of month was marked 已报送 without storing the round (old version): today's figures shown */
    legacyLocked,
    summary,
    hasSpending,
    isLoading,
    error: computed(() => projectData.error.value ?? rounds.error.value ?? figureView.error.value),
  }
}

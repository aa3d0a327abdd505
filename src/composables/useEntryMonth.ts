import { computed, shallowRef } from 'vue'
import { activeProjectDataAt } from '@/domain/projectRegister'
import type { SpendingEntryMode } from '@/domain/cumulativeSpending'
import { latestDataMonth, resolveAsOfMonth } from '@/domain/asOfMonth'
import { indicatorKindChoice, type IndicatorKindChoice, type NumericKind } from '@/domain/indicatorKind'
import { buildMonthGrid, buildProjectGrid, type EntryGrid } from '@/presenters/entryGrid'
import type { MonitoringNote, Month } from '@/domain/types'
import { observeEntryData, observeEntryProject, saveNote, type EntryData } from '@/db/actualsRepository'
import { setIndicatorKind } from '@/db/indicatorRepository'
import { lockMonth, reopenMonth } from '@/db/lockRepository'
import { departmentsInYear, EMPTY_CATALOG, observeCatalog, type Catalog } from '@/db/monitorRepository'
import type { MonthLockRecord, ReportedRoundRecord } from '@/db/records'
import { observeRoundHistory } from '@/db/reportedRoundRepository'
import { describeError } from '@/db/storageErrors'
import { useEntryStore } from '@/stores/entry'
import { useEntryCells } from './useEntryCells'
import { useLiveQuery, type Subscribable } from './useLiveQuery'
import type { ScopeSelection } from './useScope'

const EMPTY: EntryData = { projects: [], locks: [] }
const EMPTY_GRID: EntryGrid = { columns: [], rows: [], metas: new Map(), spending: new Map() }

function constant<T>(value: T): Subscribable<T> {
  return {
    subscribe(observer) {
      observer.next(value)
      return { unsubscribe() {} }
    },
  }
}

/** The locks of a department's year as a set of months, and the lock of one month. */
function lockState(locks: readonly MonthLockRecord[]) {
  return { months: new Set(locks.map((l) => l.month)), byMonth: new Map(locks.map((l) => [l.month, l])) }
}

export interface EntryHost {
  readonly actor: () => string
  readonly confirm: (message: string) => Promise<boolean>
  /** How spending cells are typed (default monthly). */
  readonly spendingEntry?: () => SpendingEntryMode
}

/**
 * The 录入 month view: the chosen scope (year, one department, month; see useScope), one live
 * query for its projects, actuals and locks, the grid built from it, and cell commits.
 */
export function useEntryMonth(scope: ScopeSelection, host: EntryHost) {
  const entry = useEntryStore()
  const catalog = useLiveQuery<Catalog>(() => observeCatalog(), EMPTY_CATALOG)
  const year = computed(() => scope.year.value ?? catalog.data.value.years[0] ?? null)
  // The departments with projects in the year; entry is per department: with none chosen, take the first one.
  const departments = computed(() => departmentsInYear(catalog.data.value, year.value))
  const departmentCode = computed(() => scope.departmentCode.value ?? departments.value[0]?.code ?? null)
  const data = useLiveQuery(() => {
    const y = year.value
    const d = departmentCode.value
    return y === null || d === null ? constant(EMPTY) : observeEntryData({ year: y, departmentCode: d })
  }, EMPTY)
  // The same rule as the overview's: the latest month with any spending or indicator value.
  const latestMonth = computed(() => {
    const projects = data.data.value.projects
    return latestDataMonth(projects.flatMap((p) => p.spending), projects.flatMap((p) => p.values))
  })
  const month = computed<Month>(() => resolveAsOfMonth(scope.month.value, latestMonth.value))
  const locks = computed(() => lockState(data.data.value.locks))
  // Every report of the month, reopened ones included: the lock control's history.
  const history = useLiveQuery(() => {
    const y = year.value
    const d = departmentCode.value
    return y === null || d === null ? constant([] as ReportedRoundRecord[]) : observeRoundHistory(y, d, month.value)
  }, [] as ReportedRoundRecord[])
  // Archived projects and indicators drop out after their archive month (one rule: activeProjectDataAt).
  const activeProjects = computed(() => activeProjectDataAt(data.data.value.projects, month.value))
  const grid = computed(() =>
    year.value === null ? EMPTY_GRID : buildMonthGrid(activeProjects.value, year.value, month.value, entry.moneyUnit, locks.value.months, host.spendingEntry?.() ?? 'monthly'),
  )
  const cells = useEntryCells({
    metas: () => grid.value.metas,
    spendingOf: (projectId) => grid.value.spending.get(projectId) ?? new Map(),
    actor: host.actor,
    confirm: host.confirm,
  })
  const lockError = shallowRef<string | null>(null)

  async function withScope(action: (y: number, d: string) => Promise<void>): Promise<void> {
    const y = year.value
    const d = departmentCode.value
    if (y === null || d === null) return
    lockError.value = null
    try {
      await action(y, d)
    } catch (error) {
      lockError.value = describeError(error)
    }
  }

  return {
    catalog: catalog.data,
    departments,
    departmentsInYear: (y: number) => departmentsInYear(catalog.data.value, y),
    year,
    departmentCode,
    month,
    latestMonth,
    projects: activeProjects,
    isLoading: data.isLoading,
    loadError: data.error,
    grid,
    lock: computed(() => locks.value.byMonth.get(month.value) ?? null),
    lockedMonths: computed(() => locks.value.months),
    /** The month's reports, first to last, each with its reopening (who, when, why) if any */
    roundHistory: computed(() =>
      history.data.value.map(({ revision, reportedAt, reportedBy, reopenedAt, reopenedBy, reopenReason }) => ({
        revision,
        reportedAt,
        reportedBy,
        reopenedAt,
        reopenedBy,
        reopenReason,
      })),
    ),
    lockError,
    lockMonth: () => withScope((y, d) => lockMonth(y, d, month.value, host.actor())),
    reopenMonth: (reason: string) => withScope((y, d) => reopenMonth(y, d, month.value, host.actor(), reason)),
    ...cells,
    saveNote: (note: MonitoringNote, projectName: string) =>
      cells.record(`${projectName} · ${note.month}月监控说明`, () => saveNote(note, host.actor()), [{ projectId: note.projectId, month: note.month }]),
  }
}

/** The 录入 project view: one project's twelve months, live, with cell commits. */
export function useEntryProject(projectId: () => string, host: EntryHost) {
  const entry = useEntryStore()
  const data = useLiveQuery(() => observeEntryProject(projectId()), null as EntryData | null)
  const project = computed(() => data.data.value?.projects[0] ?? null)
  const locks = computed(() => lockState(data.data.value?.locks ?? []))
  const grid = computed(() => (project.value === null ? EMPTY_GRID : buildProjectGrid(project.value, entry.moneyUnit, locks.value.months, host.spendingEntry?.() ?? 'monthly')))
  const cells = useEntryCells({
    metas: () => grid.value.metas,
    spendingOf: (id) => grid.value.spending.get(id) ?? new Map(),
    actor: host.actor,
    confirm: host.confirm,
  })
  // 口径 choices by indicator id (= the grid's column key); the live query recomputes everything after a change.
  const kindChoices = computed(() => {
    const choices = new Map<string, IndicatorKindChoice>()
    for (const indicator of project.value?.indicators ?? []) {
      const choice = indicatorKindChoice(indicator)
      if (choice) choices.set(indicator.id, choice)
    }
    return choices
  })
  return {
    project,
    isLoading: data.isLoading,
    loadError: data.error,
    grid,
    lockedMonths: computed(() => locks.value.months),
    kindChoices,
    setKind: (indicatorId: string, kind: NumericKind | null) => setIndicatorKind(indicatorId, kind, host.actor()),
    ...cells,
  }
}

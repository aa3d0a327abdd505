import { computed, type Ref } from 'vue'
import { resolveAsOfMonth } from '@/domain/asOfMonth'
import { evaluateProject } from '@/domain/evaluate'
import { buildProjectSpendCurve } from '@/domain/spendCurve'
import type { Month } from '@/domain/types'
import { observeCatalog, observeLatestDataMonth, observeProject, type Catalog, type ProjectData } from '@/db/monitorRepository'
import { DEFAULT_SETTINGS, observeSettings } from '@/db/settingsRepository'
import { useLiveQuery, type Subscribable } from './useLiveQuery'
import { toProjectInput } from './useMonitor'
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

/**
 * One project, live: its stored data (only its own rows), its evaluation and spend curve at the
 * as-of month (the chosen one, else the latest month with data in the scope the overview shows
 * for the same link: the project's year and the chosen department, or all), and that month's note.
 */
export function useProjectDetail(projectId: Ref<string>, scope: ScopeSelection) {
  const settings = useLiveQuery(() => observeSettings(), DEFAULT_SETTINGS)
  const catalog = useLiveQuery<Catalog>(() => observeCatalog(), { years: [], departments: [] })
  const key = computed(() => parseProjectId(projectId.value))
  const row = useLiveQuery(() => (key.value === null ? constant(null) : observeProject(projectId.value)), null as ProjectData | null)
  // A chosen department other than the project's would list no such project: use the year's.
  const latestScope = computed(() => {
    const chosen = scope.departmentCode.value
    return key.value === null ? null : { year: key.value.year, departmentCode: chosen === key.value.departmentCode ? chosen : null }
  })
  const latest = useLiveQuery<Month | null>(
    () => (latestScope.value === null ? constant(null) : observeLatestDataMonth(latestScope.value)),
    null,
  )
  const latestMonth = latest.data
  const month = computed<Month>(() => resolveAsOfMonth(scope.month.value, latestMonth.value))
  const isMonthKnown = computed(() => scope.month.value !== null || !latest.isLoading.value)

  // Shown only once the month is known, so the page does not flash 1月's figures.
  const data = computed(() => (isMonthKnown.value ? row.data.value : null))
  const evaluation = computed(() =>
    data.value === null
      ? null
      : evaluateProject(toProjectInput(data.value, month.value), month.value, settings.data.value.thresholds),
  )
  const curve = computed(() => (data.value === null ? null : buildProjectSpendCurve(data.value.project, data.value.spending, month.value)))
  const note = computed(() => data.value?.notes.find((n) => n.month === month.value) ?? null)
  const department = computed(() => catalog.data.value.departments.find((d) => d.code === key.value?.departmentCode) ?? null)

  return {
    data,
    evaluation,
    curve,
    note,
    month,
    latestMonth,
    department,
    isLoading: computed(() => row.isLoading.value || !isMonthKnown.value),
    error: computed(() => row.error.value ?? latest.error.value),
  }
}

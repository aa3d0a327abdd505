import { computed, type Ref } from 'vue'
import { evaluateProjectData, latestMonthWithData, noteOfMonth } from '@/domain'
import { buildProjectSpendCurve } from '@/domain/spendCurve'
import type { Month } from '@/domain/types'
import { observeCatalog, observeProjectData, type Catalog, type ProjectData } from '@/db/monitorRepository'
import { DEFAULT_SETTINGS, observeSettings } from '@/db/settingsRepository'
import { useScopeStore } from '@/stores/scope'
import { useLiveQuery, type Subscribable } from './useLiveQuery'

const NOTHING: Subscribable<ProjectData[]> = {
  subscribe(observer) {
    observer.next([])
    return { unsubscribe() {} }
  },
}

/** Year and department code from a project id `<year>/<department>/<code>` (see projectId); null if malformed. */
export function parseProjectId(id: string): { year: number; departmentCode: string } | null {
  const match = /^(\d{4})\/([^/]+)\//.exec(id)
  return match === null ? null : { year: Number(match[1]), departmentCode: match[2] ?? '' }
}

/**
 * One project, live: its stored data, its evaluation and spend curve at the as-of month (the
 * scope's month, else the latest month its department has data for), and that month's note.
 */
export function useProjectDetail(projectId: Ref<string>) {
  const scope = useScopeStore()
  const settings = useLiveQuery(() => observeSettings(), DEFAULT_SETTINGS)
  const catalog = useLiveQuery<Catalog>(() => observeCatalog(), { years: [], departments: [] })
  const key = computed(() => parseProjectId(projectId.value))
  // The whole department is read so that the default month matches the overview's.
  const rows = useLiveQuery(() => (key.value === null ? NOTHING : observeProjectData(key.value)), [] as ProjectData[])

  const data = computed(() => rows.data.value.find((row) => row.project.id === projectId.value) ?? null)
  const latestMonth = computed(() =>
    latestMonthWithData(
      rows.data.value.flatMap((row) => row.spending),
      rows.data.value.flatMap((row) => row.values),
    ),
  )
  const month = computed<Month>(() => scope.month ?? latestMonth.value ?? 1)
  const evaluation = computed(() =>
    data.value === null
      ? null
      : evaluateProjectData(data.value, month.value, settings.data.value.thresholds),
  )
  const curve = computed(() => (data.value === null ? null : buildProjectSpendCurve(data.value.project, data.value.spending, month.value)))
  const note = computed(() => (data.value === null ? null : noteOfMonth(data.value.notes, month.value)))
  const department = computed(() => catalog.data.value.departments.find((d) => d.code === key.value?.departmentCode) ?? null)

  return {
    data,
    evaluation,
    curve,
    note,
    month,
    latestMonth,
    department,
    isLoading: computed(() => rows.isLoading.value),
    error: rows.error,
  }
}

import { computed, onScopeDispose, shallowRef, type Ref } from 'vue'
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router'
import { DEFAULT_TABLE_QUERY, type ProjectSortKey, type ProjectTableQuery } from '@/domain/projectTable'
import { STATUS_ORDER } from '@/domain/status'
import type { Month, Status } from '@/domain/types'

const SORT_KEYS: readonly ProjectSortKey[] = [
  'lagging', 'code', 'name', 'budget', 'executed', 'executionRate', 'planned', 'deviation', 'indicators', 'status', 'forecast',
]

/** How long typing in the search box waits before the URL follows (one replace, not one per key). */
export const SEARCH_DEBOUNCE_MS = 300

/** The URL's query parameters of the scope: year, department, as-of month, table sort/filters/text, page. */
type ScopeParam = 'y' | 'd' | 'm' | 'sort' | 'st' | 'q' | 'p'
type ScopeChange = Partial<Record<ScopeParam, string | null>>

function readInteger(query: LocationQuery, key: string, min: number, max: number): number | null {
  const raw = query[key]
  const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN
  return value >= min && value <= max ? value : null
}

function readString(query: LocationQuery, key: string): string {
  const raw = query[key]
  return typeof raw === 'string' ? raw : ''
}

/** The table's sort and filters from the query: `sort=deviation.desc`, `st=red,yellow`, `q=text`. */
export function readTableQuery(query: LocationQuery): ProjectTableQuery {
  const [key = '', direction = ''] = readString(query, 'sort').split('.')
  const isKey = (SORT_KEYS as readonly string[]).includes(key)
  const statuses = readString(query, 'st')
    .split(',')
    .filter((s): s is Status => (STATUS_ORDER as readonly string[]).includes(s))
  return {
    sortKey: isKey ? (key as ProjectSortKey) : DEFAULT_TABLE_QUERY.sortKey,
    direction: isKey && direction === 'desc' ? 'desc' : 'asc',
    statuses,
    text: readString(query, 'q'),
  }
}

/** Query parameters of the table's sort and filters; defaults are left out (null). */
export function tableQueryParams(table: ProjectTableQuery): Record<'sort' | 'st' | 'q', string | null> {
  const isDefaultSort = table.sortKey === DEFAULT_TABLE_QUERY.sortKey && table.direction === DEFAULT_TABLE_QUERY.direction
  return {
    sort: isDefaultSort ? null : `${table.sortKey}.${table.direction}`,
    st: table.statuses.length === 0 ? null : table.statuses.join(','),
    q: table.text === '' ? null : table.text,
  }
}

function applyChange(query: LocationQuery, change: ScopeChange): LocationQueryRaw {
  const next: LocationQueryRaw = { ...query }
  for (const [key, value] of Object.entries(change)) {
    if (value === null || value === undefined) delete next[key]
    else next[key] = value
  }
  return next
}

function sameTableOrder(a: ProjectTableQuery, b: ProjectTableQuery): boolean {
  return a.sortKey === b.sortKey && a.direction === b.direction && a.statuses.join(',') === b.statuses.join(',')
}

/** The chosen scope as a data composable needs it: null = not chosen (the page's default applies). */
export interface ScopeSelection {
  readonly year: Readonly<Ref<number | null>>
  /** null = all departments (the entry page then takes the first one). */
  readonly departmentCode: Readonly<Ref<string | null>>
  readonly month: Readonly<Ref<Month | null>>
}

/** What a page shows, defaults included: its year and department (the chosen ones if left out) and month. */
export interface EffectiveScope {
  readonly year?: Readonly<Ref<number | null>>
  readonly departmentCode?: Readonly<Ref<string | null>>
  readonly month: Readonly<Ref<Month>>
  /** The departments with projects in a year: choosing a year drops a chosen department it lacks */
  readonly departmentsInYear?: (year: number) => readonly { readonly code: string }[]
}

/**
 * The scope read from and written to the route's query, the one place it lives: year `y`,
 * department `d`, as-of month `m`, the overview table's `sort`, `st` (statuses), `q` (text) and
 * page `p`. Only explicit choices are in the URL; defaults stay implicit. Choosing a year,
 * department, month, sort, status filter or page pushes a history entry (Back undoes it);
 * typing in the search box replaces the entry once the typing pauses.
 */
export function useScope() {
  const route = useRoute()
  const router = useRouter()

  const year = computed(() => readInteger(route.query, 'y', 1990, 2100))
  const departmentCode = computed(() => {
    const raw = route.query.d
    return typeof raw === 'string' && raw !== '' ? raw : null
  })
  const month = computed(() => readInteger(route.query, 'm', 1, 12) as Month | null)

  // Search text typed but not yet in the URL: shown and filtered at once, written after a pause.
  const pendingText = shallowRef<string | null>(null)
  let pendingTimer: ReturnType<typeof setTimeout> | undefined
  function dropPendingText(): void {
    clearTimeout(pendingTimer)
    pendingText.value = null
  }
  // Back / Forward leaves the typing behind: the entry it lands on has its own text.
  const stopListening = router.options.history.listen(dropPendingText)
  onScopeDispose(() => {
    stopListening()
    dropPendingText()
  })

  /** The query with the unwritten search text applied: what links from this page carry. */
  const query = computed<LocationQuery>(() =>
    pendingText.value === null ? route.query : (applyChange(route.query, { q: pendingText.value || null }) as LocationQuery),
  )
  const table = computed(() => readTableQuery(query.value))
  const page = computed(() => readInteger(route.query, 'p', 1, Number.MAX_SAFE_INTEGER) ?? 1)

  // The query of a navigation still under way, so two changes in one tick both land.
  let inFlight: LocationQuery | null = null
  async function navigate(change: ScopeChange, mode: 'push' | 'replace'): Promise<void> {
    const next = applyChange(inFlight ?? route.query, change)
    const target = { path: route.path, query: next }
    inFlight = next as LocationQuery
    try {
      // Navigating to the same location adds no entry (vue-router reports it as a duplicate).
      await (mode === 'push' ? router.push(target) : router.replace(target))
    } finally {
      if (inFlight === next) inFlight = null
    }
  }

  /** Writes a choice of the scope bar or the table; any unwritten search text goes with it. */
  function choose(change: ScopeChange): Promise<void> {
    const text = pendingText.value
    dropPendingText()
    return navigate(text === null ? change : { q: text || null, p: null, ...change }, 'push')
  }

  function typeText(text: string): void {
    const path = route.path
    clearTimeout(pendingTimer)
    pendingText.value = text
    pendingTimer = setTimeout(() => {
      pendingText.value = null
      // The user may have left the page meanwhile: never write the text into another route.
      if (route.path === path) void navigate({ q: text || null, p: null }, 'replace')
    }, SEARCH_DEBOUNCE_MS)
  }

  /** Sets the table's sort/filters: a changed sort or status filter is pushed, changed text replaced. */
  function setTable(next: ProjectTableQuery): void {
    const current = table.value
    if (sameTableOrder(current, next)) {
      if (next.text !== current.text) typeText(next.text)
      return
    }
    void choose({ ...tableQueryParams(next), p: null })
  }

  /** Models for a scope bar: they show the effective values (defaults included) and write choices. */
  function models(effective: EffectiveScope) {
    return {
      year: computed({
        get: () => (effective.year ? effective.year.value : year.value),
        set: (value: number | null) => {
          const code = departmentCode.value
          // A department without projects in the new year would show 还没有项目: fall back to all.
          const lacks = value !== null && code !== null && effective.departmentsInYear !== undefined &&
            !effective.departmentsInYear(value).some((d) => d.code === code)
          void choose({ y: value === null ? null : String(value), p: null, ...(lacks ? { d: null } : {}) })
        },
      }),
      departmentCode: computed({
        get: () => (effective.departmentCode ? effective.departmentCode.value : departmentCode.value),
        set: (value: string | null) => void choose({ d: value, p: null }),
      }),
      month: computed({ get: () => effective.month.value, set: (value: Month) => void choose({ m: String(value) }) }),
    }
  }

  return {
    year,
    departmentCode,
    month,
    /** The overview table's sort and filters (typed text included at once). */
    table: computed({ get: () => table.value, set: setTable }),
    /** The overview table's page (1-based; 1 while a search is typed); the pager clamps it. */
    page: computed({
      get: () => (pendingText.value === null ? page.value : 1),
      set: (value: number) => void choose({ p: value <= 1 ? null : String(value) }),
    }),
    query,
    models,
  }
}

export type Scope = ReturnType<typeof useScope>

import { watch } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'
import { DEFAULT_TABLE_QUERY, type ProjectSortKey, type ProjectTableQuery } from '@/domain/projectTable'
import { STATUS_ORDER } from '@/domain/status'
import type { Month, Status } from '@/domain/types'
import { useScopeStore } from '@/stores/scope'

const SORT_KEYS: readonly ProjectSortKey[] = [
  'lagging', 'code', 'name', 'budget', 'executed', 'executionRate', 'planned', 'deviation', 'indicators', 'status', 'forecast',
]

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

/**
 * Keeps the scope (year `y`, department `d`, as-of month `m`) and the overview table's sort
 * and filters (`sort`, `st`, `q`) in the URL's query, so a link or a reload shows the same
 * view. Only explicit choices are written; defaults stay implicit.
 */
export function useScopeUrl(): void {
  const route = useRoute()
  const router = useRouter()
  const scope = useScopeStore()

  watch(
    () => route.query,
    (query) => {
      scope.year = readInteger(query, 'y', 1990, 2100)
      scope.departmentCode = typeof query.d === 'string' && query.d !== '' ? query.d : null
      scope.month = readInteger(query, 'm', 1, 12) as Month | null
      const table = readTableQuery(query)
      // Keep the object when nothing changed, so watchers of the table do not reset its page.
      if (JSON.stringify(table) !== JSON.stringify(scope.tableQuery)) scope.tableQuery = table
    },
    { immediate: true },
  )

  watch(
    () => [scope.year, scope.departmentCode, scope.month, scope.tableQuery] as const,
    ([year, departmentCode, month, table]) => {
      const query: Record<string, string> = { ...(route.query as Record<string, string>) }
      const set = (key: string, value: string | number | null) => {
        if (value === null) delete query[key]
        else query[key] = String(value)
      }
      set('y', year)
      set('d', departmentCode)
      set('m', month)
      for (const [key, value] of Object.entries(tableQueryParams(table))) set(key, value)
      if (JSON.stringify(query) !== JSON.stringify(route.query)) void router.replace({ query })
    },
  )
}

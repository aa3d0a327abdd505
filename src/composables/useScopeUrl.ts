import { watch } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'
import type { Month } from '@/domain/types'
import { useScopeStore } from '@/stores/scope'

function readInteger(query: LocationQuery, key: string, min: number, max: number): number | null {
  const raw = query[key]
  const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN
  return value >= min && value <= max ? value : null
}

/**
 * Keeps the scope (year `y`, department `d`, as-of month `m`) in the URL's query, so a link
 * or a reload shows the same view. Only explicit choices are written; defaults stay implicit.
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
    },
    { immediate: true },
  )

  watch(
    () => [scope.year, scope.departmentCode, scope.month] as const,
    ([year, departmentCode, month]) => {
      const query: Record<string, string> = { ...(route.query as Record<string, string>) }
      const set = (key: string, value: string | number | null) => {
        if (value === null) delete query[key]
        else query[key] = String(value)
      }
      set('y', year)
      set('d', departmentCode)
      set('m', month)
      if (JSON.stringify(query) !== JSON.stringify(route.query)) void router.replace({ query })
    },
  )
}

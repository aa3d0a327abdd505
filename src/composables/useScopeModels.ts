import { computed, type Ref } from 'vue'
import type { Month } from '@/domain/types'
import { useScopeStore } from '@/stores/scope'

/**
 * Writable models for a scope bar: they show the effective year and as-of month (defaults
 * included) and write the user's choice to the scope store (and so to the URL).
 */
export function useScopeModels(effective: {
  readonly year: Readonly<Ref<number | null>>
  readonly departmentCode?: Readonly<Ref<string | null>>
  readonly month: Readonly<Ref<Month>>
}) {
  const scope = useScopeStore()
  return {
    year: computed({ get: () => effective.year.value, set: (value: number | null) => (scope.year = value) }),
    departmentCode: computed({
      get: () => (effective.departmentCode ? effective.departmentCode.value : scope.departmentCode),
      set: (value: string | null) => (scope.departmentCode = value),
    }),
    month: computed({ get: () => effective.month.value, set: (value: Month) => (scope.month = value) }),
  }
}

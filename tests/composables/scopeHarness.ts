import { effectScope, ref, type EffectScope } from 'vue'
import type { ScopeSelection } from '@/composables/useScope'
import type { Month } from '@/domain/types'
import { DEMO_DEPARTMENT, DEMO_YEAR } from '../db/demoDatabase'

/** Composables run in effect scopes that stopRuns ends (after each test). */
let scopes: EffectScope[] = []

/** Runs a composable in its own effect scope, kept until stopRuns. */
export function run<T>(fn: () => T): T {
  const s = effectScope()
  scopes.push(s)
  return s.run(fn) as T
}

/** Stops every scope started by run. */
export function stopRuns(): void {
  for (const s of scopes) s.stop()
  scopes = []
}

/** The demo's year and a department (null: all) at an as-of month (null: its latest), as the URL gives them. */
export const demoScopeAt = (month: Month | null, departmentCode: string | null = DEMO_DEPARTMENT): ScopeSelection => ({
  year: ref(DEMO_YEAR),
  departmentCode: ref(departmentCode),
  month: ref(month),
})

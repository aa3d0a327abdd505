import { computed } from 'vue'
import { buildDepartmentSpendCurve } from '@/domain/spendCurve'
import { buildStatusHistory } from '@/domain/statusHistory'
import { useMonitor } from './useMonitor'
import type { ScopeSelection } from './useScope'

/**
 * The department view's data for the selected scope, live: the monitor picture plus the
 * department's spend curve (budgets summed, plan weighted by budget) and its status mix per month.
 */
export function useDepartmentDetail(scope: ScopeSelection) {
  const monitor = useMonitor(scope)
  const curve = computed(() => buildDepartmentSpendCurve(monitor.projectData.value, monitor.month.value))
  const history = computed(() =>
    buildStatusHistory(monitor.projectData.value, monitor.month.value, monitor.settings.value.thresholds),
  )
  const departmentName = computed(() => {
    const code = monitor.departmentCode.value
    if (code === null) return '全部部门'
    return monitor.catalog.value.departments.find((d) => d.code === code)?.name ?? code
  })
  return { monitor, curve, history, departmentName }
}

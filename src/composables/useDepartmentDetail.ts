import { computed } from 'vue'
import { applyReportedDepartmentSpend } from '@/domain/reportedSpendCurve'
import { buildDepartmentSpendCurve } from '@/domain/spendCurve'
import { buildStatusHistory } from '@/domain/statusHistory'
import { useMonitor } from './useMonitor'
import type { ScopeSelection } from './useScope'

/**
 * The department view's data for the selected scope, live: the monitor picture plus the
 * department's spend curve (budgets summed, plan weighted by budget; each 已报送 month drawn as
 * reported, today's figure beside it) and its status mix per month.
 */
export function useDepartmentDetail(scope: ScopeSelection) {
  const monitor = useMonitor(scope)
  const curve = computed(() => {
    const data = monitor.projectData.value
    return applyReportedDepartmentSpend(buildDepartmentSpendCurve(data, monitor.month.value), data, monitor.rounds.value)
  })
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

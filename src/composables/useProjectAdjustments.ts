import { computed, shallowRef, watch, type Ref } from 'vue'
import { loadTransferTargets } from '@/db/adjustmentRepository'
import type { ProjectData } from '@/domain/projectData'
import { useAdjustments, type BudgetFormErrors, type BudgetFormValue, type TargetFormErrors, type TargetFormValue } from './useAdjustments'

/**
 * The adjustment dialogs of a project page: which one is open, its field errors, saving, and the
 * projects a 调剂 can go to. `requested` ('budget' / 'target', e.g. from the meeting) opens one.
 */
export function useProjectAdjustments(data: Ref<ProjectData | null>, requested: Ref<string | null>) {
  const adjustments = useAdjustments()
  const budgetMode = shallowRef<'adjust' | 'transfer'>('adjust')
  const isBudgetOpen = shallowRef(false)
  const budgetErrors = shallowRef<BudgetFormErrors>({})
  const isTargetOpen = shallowRef(false)
  const targetIndicator = shallowRef<string | null>(null)
  const targetErrors = shallowRef<TargetFormErrors>({})
  const targets = shallowRef<{ id: string; name: string }[]>([])
  const year = computed(() => data.value?.project.year ?? null)

  // Read when a 调剂 form opens, not with the page: a bureau's year has 10,000 projects.
  let targetsYear: number | null = null
  watch([year, () => isBudgetOpen.value && budgetMode.value === 'transfer'], async ([y, isTransfer]) => {
    if (y !== targetsYear) {
      targets.value = []
      targetsYear = null
    }
    if (y === null || !isTransfer || y === targetsYear) return
    targetsYear = y
    targets.value = await loadTransferTargets(y)
  }, { immediate: true })

  function openBudget(mode: 'adjust' | 'transfer') {
    budgetMode.value = mode
    budgetErrors.value = {}
    isBudgetOpen.value = true
  }
  function openTarget(indicatorId: string | null) {
    targetIndicator.value = indicatorId
    targetErrors.value = {}
    isTargetOpen.value = true
  }
  // Opened once the project is there, so the meeting's 调整预算 / 调整目标 link lands in its form;
  // only once per request: the data re-emits after every save and must not reopen it.
  let handled: string | null = null
  watch([requested, data], ([kind, row]) => {
    if (row === null || kind === null) return
    const key = `${kind}|${row.project.id}`
    if (handled === key) return
    handled = key
    if (kind === 'budget') openBudget('adjust')
    if (kind === 'target') openTarget(null)
  }, { immediate: true })

  async function saveBudget(value: BudgetFormValue) {
    const project = data.value?.project
    if (!project) return
    const { date, fiscal, other, documentNo, reason } = value
    const errors =
      budgetMode.value === 'transfer'
        ? await adjustments.addTransfer({ fromProjectId: project.id, toProjectId: value.toProjectId, date, fiscal, other, documentNo, reason })
        : await adjustments.addBudget({ projectId: project.id, date, fiscal, other, documentNo, reason })
    budgetErrors.value = errors ?? {}
    if (errors === null) isBudgetOpen.value = false
  }
  async function saveTarget(value: TargetFormValue) {
    const errors = await adjustments.addTarget(value)
    targetErrors.value = errors ?? {}
    if (errors === null) isTargetOpen.value = false
  }

  return {
    failure: adjustments.failure,
    budgetMode,
    isBudgetOpen,
    budgetErrors,
    isTargetOpen,
    targetIndicator,
    targetErrors,
    transferTargets: computed(() => targets.value.filter((t) => t.id !== data.value?.project.id)),
    openBudget,
    openTarget,
    saveBudget,
    saveTarget,
    removeBudget: adjustments.removeBudget,
    removeTarget: adjustments.removeTarget,
  }
}

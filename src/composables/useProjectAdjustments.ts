import { computed, shallowRef, watch, type Ref } from 'vue'
import { loadTransfer, loadTransferTargets } from '@/db/adjustmentRepository'
import type { BudgetAdjustment } from '@/domain/budgetAdjustment'
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
  // The adjustment being edited: a 追加 / 调减 by id, or a 调剂 by group (put as from the giving project).
  const editing = shallowRef<{ id: number } | { group: string; fromProjectId: string } | null>(null)
  const budgetInitial = shallowRef<BudgetFormValue | null>(null)
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

  // The other project of each 调剂 of this project, by transfer group, for the history's wording.
  const counterparts = shallowRef<ReadonlyMap<string, string>>(new Map())
  watch([() => data.value?.budgetAdjustments, targets], async ([rows, list]) => {
    const own = data.value?.project.id
    const groups = [...new Set((rows ?? []).flatMap((a) => (a.transferGroup === null ? [] : [a.transferGroup])))]
    const names = new Map<string, string>()
    for (const group of groups) {
      const transfer = await loadTransfer(group)
      if (transfer === null) continue
      const other = transfer.out.projectId === own ? transfer.into : transfer.out
      names.set(group, list.find((p) => p.id === other.projectId)?.name ?? '另一项目')
    }
    counterparts.value = names
  }, { immediate: true })

  function openBudget(mode: 'adjust' | 'transfer', edit: typeof editing.value = null, initial: BudgetFormValue | null = null) {
    // Set before opening: the form fills its fields when it opens.
    editing.value = edit
    budgetInitial.value = initial
    budgetMode.value = mode
    budgetErrors.value = {}
    isBudgetOpen.value = true
  }
  /** Opens the budget form on a recorded adjustment; a 调剂 is edited whole, from the project giving the money. */
  async function editBudget(a: BudgetAdjustment) {
    if (a.transferGroup === null) {
      if (a.id === undefined) return
      const common = { date: a.date, documentNo: a.documentNo, reason: a.reason }
      openBudget('adjust', { id: a.id }, { ...common, fiscal: a.fiscal, other: a.other, toProjectId: '' })
      return
    }
    const transfer = await loadTransfer(a.transferGroup)
    if (transfer === null) return
    const { out, into } = transfer
    const initial = { date: out.date, documentNo: out.documentNo, reason: out.reason, fiscal: -out.fiscal, other: -out.other, toProjectId: into.projectId }
    openBudget('transfer', { group: a.transferGroup, fromProjectId: out.projectId }, initial)
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
    const edited = editing.value
    const common = { date, fiscal, other, documentNo, reason }
    const transfer = (fromProjectId: string) => ({ ...common, fromProjectId, toProjectId: value.toProjectId })
    const errors =
      edited !== null && 'group' in edited
        ? await adjustments.updateTransfer(edited.group, transfer(edited.fromProjectId))
        : edited !== null
          ? await adjustments.updateBudget(edited.id, common)
          : budgetMode.value === 'transfer'
            ? await adjustments.addTransfer(transfer(project.id))
            : await adjustments.addBudget({ ...common, projectId: project.id })
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
    budgetInitial,
    counterparts,
    /** The project a 调剂 goes out of: this one, or the giving project of the 调剂 being edited */
    budgetFromName: computed(() => {
      const edited = editing.value
      const from = edited !== null && 'group' in edited ? edited.fromProjectId : data.value?.project.id
      return targets.value.find((t) => t.id === from)?.name ?? data.value?.project.name ?? ''
    }),
    transferTargets: computed(() => {
      const edited = editing.value
      const from = edited !== null && 'group' in edited ? edited.fromProjectId : data.value?.project.id
      return targets.value.filter((t) => t.id !== from)
    }),
    editBudget,
    openBudget,
    openTarget,
    saveBudget,
    saveTarget,
    removeBudget: adjustments.removeBudget,
    removeTarget: adjustments.removeTarget,
  }
}

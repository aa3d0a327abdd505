import { shallowRef } from 'vue'
import {
  addBudgetAdjustment,
  addBudgetTransfer,
  addTargetAdjustment,
  AdjustmentInvalidError,
  removeBudgetAdjustment,
  removeTargetAdjustment,
  updateBudgetAdjustment,
  updateBudgetTransfer,
  type AdjustmentField,
  type BudgetAdjustmentInput,
  type BudgetTransferInput,
  type TargetAdjustmentInput,
} from '@/db/adjustmentRepository'
import { DEFAULT_SETTINGS, observeSettings } from '@/db/settingsRepository'
import { describeError } from '@/db/storageErrors'
import { useLiveQuery } from './useLiveQuery'

/** Field → Chinese message of a refused adjustment. */
export type AdjustmentErrors = Partial<Record<AdjustmentField, string>>

/** What the budget form submits: amounts in 分, signed (调减 negative); toProjectId only for a 调剂. */
export interface BudgetFormValue {
  readonly date: string
  readonly fiscal: number
  readonly other: number
  readonly documentNo: string
  readonly reason: string
  readonly toProjectId: string
}
export type BudgetFormErrors = Partial<Record<'date' | 'fiscal' | 'other' | 'documentNo' | 'toProjectId', string>>

/** What the target form submits: the 指标值 as typed, parsed on saving. */
export type TargetFormValue = TargetAdjustmentInput
export type TargetFormErrors = Partial<Record<'targetRaw' | 'month' | 'reason', string>>

const DEFAULT_ACTOR = '未署名'

/**
 * Recording 调整预算 and 调整目标 from a page: each call saves (one transaction, logged) and
 * resolves to null, or to the field errors to show at the form; `failure` holds a storage error.
 */
export function useAdjustments() {
  const settings = useLiveQuery(() => observeSettings(), DEFAULT_SETTINGS)
  const failure = shallowRef<string | null>(null)
  const actor = () => settings.data.value.actor || DEFAULT_ACTOR

  async function attempt(save: () => Promise<unknown>): Promise<AdjustmentErrors | null> {
    failure.value = null
    try {
      await save()
      return null
    } catch (error) {
      if (error instanceof AdjustmentInvalidError) return error.errors
      failure.value = `保存失败：${describeError(error)}`
      return {}
    }
  }

  return {
    failure,
    addBudget: (input: BudgetAdjustmentInput) => attempt(() => addBudgetAdjustment(input, actor())),
    addTransfer: (input: BudgetTransferInput) => attempt(() => addBudgetTransfer(input, actor())),
    updateBudget: (id: number, input: Omit<BudgetAdjustmentInput, 'projectId'>) => attempt(() => updateBudgetAdjustment(id, input, actor())),
    updateTransfer: (group: string, input: BudgetTransferInput) => attempt(() => updateBudgetTransfer(group, input, actor())),
    removeBudget: (id: number) => attempt(() => removeBudgetAdjustment(id, actor())),
    addTarget: (input: TargetAdjustmentInput) => attempt(() => addTargetAdjustment(input, actor())),
    removeTarget: (id: number) => attempt(() => removeTargetAdjustment(id, actor())),
  }
}

import { computed, shallowRef } from 'vue'
import { undoChanges } from '@/db/actualsRepository'
import { MonthLockedError } from '@/db/lockRepository'
import { describeError } from '@/db/storageErrors'
import { useEntryStore, type UndoCell } from '@/stores/entry'

/**
 * Undo of this session's entry changes (Ctrl+Z and the 撤销 button), one user action at a
 * time: a typed cell or a whole paste. The undo itself is logged; a step whose cells were
 * changed since (another tab) is dropped with a message instead of overwriting. A step that
 * writes into a 已报送 month is blocked, with the reason, and kept for after a reopening.
 */
export function useUndo(actor: () => string, isLocked: (cell: UndoCell) => boolean = () => false) {
  const store = useEntryStore()
  const isBusy = shallowRef(false)
  const lastMessage = shallowRef<string | null>(null)
  const lockedMonth = computed(() => store.lastUndo?.cells?.find(isLocked)?.month ?? null)
  const blockReason = computed(() =>
    lockedMonth.value === null ? null : `${lockedMonth.value}月已报送并锁定，不能撤销。如需更正，请先「重新打开」本月。`,
  )

  async function undo(): Promise<boolean> {
    if (isBusy.value) return false
    isBusy.value = true
    let step = null
    try {
      await store.settle()
      if (blockReason.value !== null) {
        lastMessage.value = blockReason.value
        return false
      }
      step = store.popUndo()
      if (!step) {
        lastMessage.value = '没有可撤销的修改。'
        return false
      }
      await undoChanges(step.changeIds, actor())
      lastMessage.value = `已撤销：${step.label}`
      return true
    } catch (error) {
      // A lock can be undone later (after 重新打开); a conflict never can, so that step goes.
      if (step && error instanceof MonthLockedError) store.pushUndo(step)
      lastMessage.value = describeError(error)
      return false
    } finally {
      isBusy.value = false
    }
  }

  return {
    canUndo: computed(() => store.lastUndo !== null && !isBusy.value && blockReason.value === null),
    blockReason,
    isBusy: computed(() => isBusy.value),
    nextLabel: computed(() => store.lastUndo?.label ?? null),
    lastMessage,
    undo,
  }
}

import { computed, shallowRef } from 'vue'
import { undoChanges } from '@/db/actualsRepository'
import { useEntryStore } from '@/stores/entry'

/**
 * Undo of this session's entry changes (Ctrl+Z and the 撤销 button), one user action at a
 * time: a typed cell or a whole paste. The undo itself is logged; a step whose cells were
 * changed since (another tab) is dropped with a message instead of overwriting.
 */
export function useUndo(actor: () => string) {
  const store = useEntryStore()
  const isBusy = shallowRef(false)
  const lastMessage = shallowRef<string | null>(null)

  async function undo(): Promise<boolean> {
    if (isBusy.value) return false
    isBusy.value = true
    try {
      await store.settle()
      const step = store.popUndo()
      if (!step) {
        lastMessage.value = '没有可撤销的修改。'
        return false
      }
      await undoChanges(step.changeIds, actor())
      lastMessage.value = `已撤销：${step.label}`
      return true
    } catch (error) {
      lastMessage.value = error instanceof Error ? error.message : String(error)
      return false
    } finally {
      isBusy.value = false
    }
  }

  return {
    canUndo: computed(() => store.lastUndo !== null && !isBusy.value),
    isBusy: computed(() => isBusy.value),
    nextLabel: computed(() => store.lastUndo?.label ?? null),
    lastMessage,
    undo,
  }
}

import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { MoneyUnit } from '@/domain/money'
import type { Month } from '@/domain/types'

/** A project's month an undo step writes back (to tell whether it is 已报送). */
export interface UndoCell {
  readonly projectId: string
  readonly month: Month
}

/** One step of this session's undo: the change-log ids one user action made (a paste makes many). */
export interface UndoStep {
  readonly label: string
  readonly changeIds: readonly number[]
  /** The cells it changed, when known (a restore from the history does not say). */
  readonly cells?: readonly UndoCell[]
}

/** Keeps at most this many undo steps; older ones stay in the change log and its history panel. */
const MAX_UNDO_STEPS = 200

/**
 * Session state of the 录入 pages: the undo stack of this session's changes, the money unit
 * of spending cells, whether the user skipped giving a name, and whether the side panel is open.
 */
export const useEntryStore = defineStore('entry', () => {
  const undoSteps = shallowRef<readonly UndoStep[]>([])
  const moneyUnit = ref<MoneyUnit>('wan')
  const isActorPromptDismissed = ref(false)
  // Grid and side panel side by side need about 1600 px (all indicator columns): narrower, start collapsed.
  const isSidePanelOpen = ref(typeof window === 'undefined' || window.innerWidth >= 1600)

  // Saves still running: undo waits for them, so Ctrl+Z right after Enter undoes that entry.
  const pendingSaves = new Set<Promise<unknown>>()

  /** Registers a running save; returns the same promise. */
  function track<T>(promise: Promise<T>): Promise<T> {
    pendingSaves.add(promise)
    const done = () => pendingSaves.delete(promise)
    promise.then(done, done)
    return promise
  }

  /** Resolves once every save running now has finished (successfully or not). */
  async function settle(): Promise<void> {
    await Promise.allSettled([...pendingSaves])
  }

  function pushUndo(step: UndoStep): void {
    if (step.changeIds.length === 0) return
    undoSteps.value = [...undoSteps.value, step].slice(-MAX_UNDO_STEPS)
  }

  function popUndo(): UndoStep | null {
    const last = undoSteps.value[undoSteps.value.length - 1] ?? null
    if (last) undoSteps.value = undoSteps.value.slice(0, -1)
    return last
  }

  const lastUndo = computed(() => undoSteps.value[undoSteps.value.length - 1] ?? null)
  return { undoSteps, moneyUnit, isActorPromptDismissed, isSidePanelOpen, lastUndo, pushUndo, popUndo, track, settle }
})

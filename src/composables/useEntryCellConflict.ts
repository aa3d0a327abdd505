import { ref, watch, type Ref } from 'vue'

/** What a cell asks after another tab saved it while this one was typing in it. */
export interface CellConflict {
  /** The value now stored (as text; '' = 未填报). */
  readonly stored: string
  /** What the user had typed. */
  readonly mine: string
  /** The input had the focus: the question takes it. */
  readonly focus: boolean
}

export interface CellConflictHost {
  /** The cell's stored value, live from IndexedDB (any tab). */
  readonly stored: () => string
  /** The input's text and whether the user has typed since the last commit. */
  readonly text: Ref<string>
  readonly isDirty: Ref<boolean>
  readonly hasFocus: () => boolean
  readonly save: (text: string) => void
  readonly focus: () => void
}

/**
 * A second tab's save while this cell is being edited: the cell shows the stored value at once
 * and keeps the typed text in a question (overwrite or keep), instead of storing it over the
 * other tab's value on the next Enter.
 */
export function useEntryCellConflict(host: CellConflictHost) {
  const conflict = ref<CellConflict | null>(null)
  watch(host.stored, (stored) => {
    if (!host.isDirty.value) return
    host.isDirty.value = false
    // The same value as typed: nothing to ask.
    if (stored !== host.text.value) conflict.value = { stored, mine: host.text.value, focus: host.hasFocus() }
    host.text.value = stored
  })

  /** Answers the question: overwrite saves the typed text; keep leaves the stored value. */
  function resolve(overwrite: boolean): void {
    const mine = conflict.value?.mine
    conflict.value = null
    host.focus()
    if (overwrite && mine !== undefined && mine !== host.stored()) host.save(mine)
  }

  return { conflict, resolve, dismiss: () => (conflict.value = null) }
}

import { computed, onScopeDispose, shallowRef } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'
import { storeToRefs } from 'pinia'
import type { Month } from '@/domain/types'
import { useEntryStore, type UndoCell } from '@/stores/entry'
import { useSettings } from './useSettings'
import { useUndo } from './useUndo'

export interface EntryPageHost {
  /** Shows a short message to the user. */
  readonly notify: (message: string, type: 'success' | 'error') => void
  /** Asks whether to leave with `count` unsaved cells. */
  readonly confirmLeave: (count: number) => Promise<boolean>
}

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

/**
 * What both 录入 views share: the person's name (asked once), the money unit, undo by button
 * and Ctrl+Z, and a guard against leaving with unsaved (refused) cells.
 */
export function useEntryPage(host: EntryPageHost) {
  const store = useEntryStore()
  const { moneyUnit, isSidePanelOpen } = storeToRefs(store)
  const settings = useSettings()
  // The view says which months are 已报送 once it has loaded them (see lockedCells).
  const isLocked = shallowRef<(cell: UndoCell) => boolean>(() => false)
  const undo = useUndo(settings.actorOrAnonymous, (cell) => isLocked.value(cell))

  const isActorDialogOpen = computed({
    get: () => !settings.isLoading.value && settings.actor.value === '' && !store.isActorPromptDismissed,
    set: (isOpen: boolean) => {
      if (!isOpen) store.isActorPromptDismissed = true
    },
  })

  const undoTitle = computed(
    () => undo.blockReason.value ?? (undo.nextLabel.value ? `撤销：${undo.nextLabel.value}（Ctrl+Z）` : '没有可撤销的修改'),
  )

  async function runUndo(): Promise<void> {
    if (undo.isBusy.value) return
    const isDone = await undo.undo()
    host.notify(undo.lastMessage.value ?? '', isDone ? 'success' : 'error')
  }

  // Cells handle Ctrl+Z themselves; elsewhere on the page (not in a text field) it undoes too.
  const onKeydown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z' && !isTextField(event.target)) {
      event.preventDefault()
      void runUndo()
    }
  }
  window.addEventListener('keydown', onKeydown)
  onScopeDispose(() => window.removeEventListener('keydown', onKeydown))

  function guardUnsaved(unsavedCount: () => number): void {
    onBeforeRouteLeave(async () => (unsavedCount() === 0 ? true : host.confirmLeave(unsavedCount())))
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (unsavedCount() > 0) event.preventDefault()
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    onScopeDispose(() => window.removeEventListener('beforeunload', onBeforeUnload))
  }

  /** True when the month of `year` has not begun yet by the clock. */
  function isFuture(year: number | null, month: Month): boolean {
    const now = new Date()
    return year === now.getFullYear() && month > now.getMonth() + 1
  }

  return {
    settings: settings.settings,
    /** Spending typed per month or as 1–m月累计; kept in the settings (IndexedDB), so it survives reloads. */
    spendingEntry: computed({
      get: () => settings.settings.value.spendingEntry,
      set: (mode) => void settings.saveSpendingEntry(mode),
    }),
    actor: settings.actorOrAnonymous,
    moneyUnit,
    isSidePanelOpen,
    undo,
    undoTitle,
    runUndo,
    isActorDialogOpen,
    saveActor: async (name: string) => {
      await settings.saveActor(name)
      host.notify(`已记下您的姓名：${name}`, 'success')
    },
    skipActor: () => (store.isActorPromptDismissed = true),
    guardUnsaved,
    /** Tells undo which cells are in a 已报送 month of this view, so it is blocked with the reason. */
    lockedCells: (check: (cell: UndoCell) => boolean) => (isLocked.value = check),
    isFuture,
  }
}

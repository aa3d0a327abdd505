import { computed, shallowRef } from 'vue'
import type { CellMeta, EntryCellState } from '@/presenters/entryGrid'
import {
  confirmationOf,
  declinedPaste,
  LOCKED_MESSAGE,
  pasteConfirmation,
  planPaste,
  refusedState,
  savedState,
  unsavedPaste,
  validateCell,
  type AcceptedPaste,
  type PasteReport,
  type PasteTarget,
} from '@/presenters/entryPaste'
import type { EntryValue } from '@/domain/entryValidation'
import type { Fen, Month } from '@/domain/types'
import { applyEntries, setIndicatorValue, setSpending, type EntryWrite } from '@/db/actualsRepository'
import { describeError } from '@/db/storageErrors'
import { useEntryStore, type UndoCell, type UndoStep } from '@/stores/entry'

export interface SaveStatus {
  readonly phase: 'idle' | 'saving' | 'saved' | 'error'
  readonly at: Date | null
  readonly message: string | null
}

export interface EntryCellsOptions {
  /** Metadata of every editable cell of the view, by key. */
  readonly metas: () => ReadonlyMap<string, CellMeta>
  /** Stored spending by project: month → 分 (for the 超预算 check). */
  readonly spendingOf: (projectId: string) => ReadonlyMap<Month, Fen>
  readonly actor: () => string
  /** Asks the user to confirm (超预算); resolves true to save. */
  readonly confirm: (message: string) => Promise<boolean>
  /** Today's year and month; defaults to the clock. */
  readonly today?: () => { year: number; month: Month }
}

function clock(): { year: number; month: Month } {
  const now = new Date()
  return { year: now.getFullYear(), month: (now.getMonth() + 1) as Month }
}

function toWrite(meta: CellMeta, value: EntryValue): EntryWrite {
  if (meta.indicatorId === null) {
    return { kind: 'spending', projectId: meta.projectId, month: meta.month, amount: value.kind === 'money' ? value.amount : null }
  }
  const entry = {
    value: value.kind === 'number' ? value.value : null,
    manualStatus: value.kind === 'status' ? value.status : null,
  }
  return { kind: 'indicator', indicatorId: meta.indicatorId, month: meta.month, entry }
}

/** Why a cell of a 已报送 month takes no typing or paste, and how to reopen it. */
export function lockedCellMessage(month: Month, action: 'type' | 'paste'): string {
  const verb = action === 'paste' ? '粘贴' : '修改'
  return `${month}月已报送并锁定，不能${verb}。如需更正，请在月度录入选${month}月，点「重新打开」并填写原因（会记入修改记录）。`
}

function errorMessage(error: unknown): string {
  return describeError(error)
}

/**
 * Commits typed and pasted text into cells: validates (domain rules), asks to confirm 超预算,
 * writes at once to IndexedDB (logged, undoable) and keeps per-cell feedback. A refused value
 * is never stored; its cell keeps the user's text (draft) with the message.
 */
export function useEntryCells(options: EntryCellsOptions) {
  const store = useEntryStore()
  const states = shallowRef<ReadonlyMap<string, EntryCellState>>(new Map())
  const saveStatus = shallowRef<SaveStatus>({ phase: 'idle', at: null, message: null })
  const today = options.today ?? clock

  function setStates(updates: Iterable<readonly [string, EntryCellState | null]>): void {
    const next = new Map(states.value)
    for (const [key, state] of updates) {
      if (state === null) next.delete(key)
      else next.set(key, state)
    }
    states.value = next
  }

  async function save<T>(write: () => Promise<T>): Promise<T> {
    saveStatus.value = { ...saveStatus.value, phase: 'saving' }
    try {
      const result = await write()
      saveStatus.value = { phase: 'saved', at: new Date(), message: null }
      return result
    } catch (error) {
      saveStatus.value = { phase: 'error', at: saveStatus.value.at, message: errorMessage(error) }
      throw error
    }
  }

  /** Validates and saves one cell's text; resolves when stored or refused. */
  function commit(key: string, text: string): Promise<void> {
    return store.track(commitCell(key, text))
  }

  async function commitCell(key: string, text: string): Promise<void> {
    const meta = options.metas().get(key)
    if (!meta) return
    if (meta.isLocked) return setStates([[key, refusedState(text, { message: LOCKED_MESSAGE, severity: 'error' })]])
    const result = validateCell(meta, text, today(), options.spendingOf(meta.projectId))
    if (!result.ok) return setStates([[key, refusedState(text, result.issue)]])
    const confirmation = confirmationOf(result.issues)
    if (confirmation && !(await options.confirm(confirmation.message))) {
      return setStates([[key, refusedState(text, { message: `未保存：${confirmation.message}`, severity: 'confirm' })]])
    }
    setStates([[key, { draft: text, message: null, severity: null, phase: 'saving' }]])
    try {
      const write = toWrite(meta, result.value)
      const id = await save(() =>
        write.kind === 'spending'
          ? setSpending(write.projectId, write.month, write.amount, options.actor())
          : setIndicatorValue(write.indicatorId, write.month, write.entry, options.actor()),
      )
      if (id !== null) store.pushUndo({ label: meta.label, changeIds: [id], cells: [{ projectId: meta.projectId, month: meta.month }] })
      setStates([[key, savedState(result.issues)]])
    } catch (error) {
      setStates([[key, refusedState(text, { message: `未保存：${errorMessage(error)}`, severity: 'error' })]])
    }
  }

  /** Typing or pasting into a cell of a 已报送 month: says why nothing changes (nothing kept as unsaved). */
  function refuseLocked(key: string, action: 'type' | 'paste'): void {
    const meta = options.metas().get(key)
    if (!meta?.isLocked) return
    setStates([[key, { draft: null, message: lockedCellMessage(meta.month, action), severity: 'error', phase: null }]])
  }

  /** Runs a logged write (note, restore) with the save status, and makes it undoable. */
  function record(label: string, write: () => Promise<number | null>, cells?: readonly UndoCell[]): Promise<void> {
    return store.track(
      save(write).then((id) => {
        if (id !== null) store.pushUndo({ label, changeIds: [id], cells })
      }),
    )
  }

  /** Escape: drops the cell's draft and message, back to the stored value. */
  function cancel(key: string): void {
    if (states.value.has(key)) setStates([[key, null]])
  }

  // The last paste's report with its undo step: once that step is undone, the report is gone.
  const lastPaste = shallowRef<{ readonly report: PasteReport; readonly step: UndoStep | null } | null>(null)
  const pasteReport = computed(() => {
    const last = lastPaste.value
    return last === null || (last.step !== null && !store.undoSteps.includes(last.step)) ? null : last.report
  })

  /** Validates every pasted value, confirms 超预算 once, saves the accepted ones in one transaction. */
  function paste(targets: readonly PasteTarget[]): Promise<PasteReport> {
    return store.track(pasteCells(targets))
  }

  async function pasteCells(targets: readonly PasteTarget[]): Promise<PasteReport> {
    const plan = planPaste(targets, options.metas(), options.spendingOf, today())
    const rejected = [...plan.rejected]
    const updates: (readonly [string, EntryCellState | null])[] = [...plan.states]
    const keepUnsaved = (unsaved: ReturnType<typeof unsavedPaste>) => {
      rejected.push(...unsaved.rejected)
      updates.push(...unsaved.states)
    }
    const needConfirm = plan.accepted.filter((cell) => confirmationOf(cell.issues) !== undefined)
    let toSave: readonly AcceptedPaste[] = plan.accepted
    if (needConfirm.length > 0 && !(await options.confirm(pasteConfirmation(needConfirm)))) {
      toSave = plan.accepted.filter((cell) => !needConfirm.includes(cell))
      keepUnsaved(declinedPaste(needConfirm))
    }
    let savedCount = 0
    let step: UndoStep | null = null
    if (toSave.length > 0) {
      try {
        const ids = await save(() => applyEntries(toSave.map((cell) => toWrite(cell.meta, cell.value)), options.actor()))
        const cells = toSave.map((cell) => ({ projectId: cell.meta.projectId, month: cell.meta.month }))
        step = { label: `粘贴 ${toSave.length} 个单元格`, changeIds: ids, cells }
        store.pushUndo(step)
        savedCount = toSave.length
        for (const cell of toSave) updates.push([cell.key, savedState(cell.issues)])
      } catch (error) {
        keepUnsaved(unsavedPaste(toSave, () => `未保存：${errorMessage(error)}`, 'error'))
      }
    }
    setStates(updates)
    const report: PasteReport = { savedCount, rejected, skipped: plan.skipped }
    // A paste that changed nothing has no undo step (pushUndo drops it): its report stays until closed.
    lastPaste.value = { report, step: step !== null && step.changeIds.length > 0 ? step : null }
    return report
  }

  const unsavedCount = computed(() => [...states.value.values()].filter((state) => state.draft !== null && state.phase === null).length)

  return {
    states,
    saveStatus,
    commit,
    cancel,
    paste,
    refuseLocked,
    /** The last paste's report, until closed or until that paste is undone. */
    pasteReport,
    closePasteReport: () => (lastPaste.value = null),
    record,
    unsavedCount,
    clearStates: () => (states.value = new Map()),
  }
}

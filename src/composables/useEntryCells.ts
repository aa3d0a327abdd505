import { computed, shallowRef } from 'vue'
import { validateEntry, type CellValidation, type EntryTarget, type EntryValue, type ValidationIssue } from '@/domain/entryValidation'
import type { Fen, Month } from '@/domain/types'
import { applyEntries, setIndicatorValue, setSpending, type EntryWrite } from '@/db/actualsRepository'
import { useEntryStore } from '@/stores/entry'

/** What a grid cell holds: money, a count, a measured level or a hand-set status. */
export type EntryCellKind = 'money' | 'count' | 'level' | 'status'

/** An editable cell as the grid shows it; `value` is the stored value as text ('' = 未填报). */
export interface EntryCell {
  readonly kind: EntryCellKind
  readonly key: string
  readonly value: string
  /** Small caption above the input (the indicator's name in the month view). */
  readonly label: string | null
  /** Shown beside the input: running total, target, unit. */
  readonly aside: string
  readonly isLocked: boolean
}

/** A read-only figure in the grid (执行数, 执行率); the keyboard skips it. */
export interface EntryFigure {
  readonly kind: 'figure'
  readonly text: string
  readonly isWarning: boolean
  readonly testId: string
  readonly title: string
}

export type EntryGridItem = EntryCell | EntryFigure | null

export interface EntryGridRow {
  readonly key: string
  readonly title: string
  readonly subtitle: string
  readonly isLocked: boolean
  readonly items: readonly EntryGridItem[]
}

export interface EntryGridColumn {
  readonly key: string
  readonly title: string
  readonly subtitle: string
  readonly isFigure: boolean
}

/** Where a cell's value goes and how it is checked. */
export interface CellMeta {
  readonly target: EntryTarget
  readonly projectId: string
  readonly indicatorId: string | null
  readonly year: number
  readonly month: Month
  readonly isLocked: boolean
  /** 预算数 in 分 (spending cells). */
  readonly budget: Fen
  /** Human name of the cell, e.g. 法律援助经费 · 8月支出. */
  readonly label: string
}

/** A cell's feedback: the user's text while refused or unconfirmed, the message, saving state. */
export interface EntryCellState {
  readonly draft: string | null
  readonly message: string | null
  readonly severity: ValidationIssue['severity'] | null
  readonly phase: 'saving' | 'saved' | null
}

/** One pasted value landing on a cell (key) or outside any cell (key null, with the reason). */
export interface PasteTarget {
  readonly key: string | null
  readonly text: string
  readonly where: string
  readonly reason?: string
}

export interface PasteRejection {
  readonly where: string
  readonly text: string
  readonly message: string
}

export interface PasteReport {
  readonly savedCount: number
  readonly rejected: readonly PasteRejection[]
}

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

const LOCKED_MESSAGE = '本月已报送并锁定，不能修改。如需更正，请先点「重新打开」。'

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

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
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

  const refused = (draft: string, issue: Pick<ValidationIssue, 'message' | 'severity'>): EntryCellState => ({
    draft,
    message: issue.message,
    severity: issue.severity,
    phase: null,
  })

  function validate(meta: CellMeta, text: string, pending: ReadonlyMap<string, Fen> = new Map()): CellValidation {
    let otherMonthsSpent = 0
    if (meta.target.kind === 'spending') {
      const months = new Map(options.spendingOf(meta.projectId))
      for (const [key, amount] of pending) {
        const [projectId, month] = key.split('|')
        if (projectId === meta.projectId) months.set(Number(month) as Month, amount)
      }
      months.delete(meta.month)
      for (const amount of months.values()) otherMonthsSpent += amount
    }
    return validateEntry(text, meta.target, {
      year: meta.year,
      month: meta.month,
      today: today(),
      budget: meta.target.kind === 'spending' ? meta.budget : undefined,
      otherMonthsSpent,
    })
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
    if (meta.isLocked) return setStates([[key, refused(text, { message: LOCKED_MESSAGE, severity: 'error' })]])
    const result = validate(meta, text)
    if (!result.ok) return setStates([[key, refused(text, result.issue)]])
    const confirmation = result.issues.find((issue) => issue.severity === 'confirm')
    if (confirmation && !(await options.confirm(confirmation.message))) {
      return setStates([[key, refused(text, { message: `未保存：${confirmation.message}`, severity: 'confirm' })]])
    }
    setStates([[key, { draft: text, message: null, severity: null, phase: 'saving' }]])
    try {
      const write = toWrite(meta, result.value)
      const id = await save(() =>
        write.kind === 'spending'
          ? setSpending(write.projectId, write.month, write.amount, options.actor())
          : setIndicatorValue(write.indicatorId, write.month, write.entry, options.actor()),
      )
      if (id !== null) store.pushUndo({ label: meta.label, changeIds: [id] })
      const warning = result.issues.find((issue) => issue.severity === 'warning') ?? null
      setStates([[key, { draft: null, message: warning?.message ?? null, severity: warning ? 'warning' : null, phase: 'saved' }]])
    } catch (error) {
      setStates([[key, refused(text, { message: `未保存：${errorMessage(error)}`, severity: 'error' })]])
    }
  }

  /** Runs a logged write (note, restore) with the save status, and makes it undoable. */
  function record(label: string, write: () => Promise<number | null>): Promise<void> {
    return store.track(
      save(write).then((id) => {
        if (id !== null) store.pushUndo({ label, changeIds: [id] })
      }),
    )
  }

  /** Escape: drops the cell's draft and message, back to the stored value. */
  function cancel(key: string): void {
    if (states.value.has(key)) setStates([[key, null]])
  }

  /** Validates every pasted value, confirms 超预算 once, saves the accepted ones in one transaction. */
  function paste(targets: readonly PasteTarget[]): Promise<PasteReport> {
    return store.track(pasteCells(targets))
  }

  async function pasteCells(targets: readonly PasteTarget[]): Promise<PasteReport> {
    const metas = options.metas()
    const rejected: PasteRejection[] = []
    const updates: [string, EntryCellState | null][] = []
    const accepted: { key: string; meta: CellMeta; result: Extract<CellValidation, { ok: true }>; text: string }[] = []
    const pendingSpend = new Map<string, Fen>()
    for (const target of targets) {
      const meta = target.key === null ? undefined : metas.get(target.key)
      const reject = (message: string) => {
        rejected.push({ where: target.where, text: target.text, message })
        if (target.key !== null && meta) updates.push([target.key, refused(target.text, { message, severity: 'error' })])
      }
      if (target.key === null || !meta) {
        reject(target.reason ?? '这里没有可填的单元格。')
        continue
      }
      if (meta.isLocked) {
        reject(LOCKED_MESSAGE)
        continue
      }
      const result = validate(meta, target.text, pendingSpend)
      if (!result.ok) {
        reject(result.issue.message)
        continue
      }
      if (result.value.kind === 'money') pendingSpend.set(`${meta.projectId}|${meta.month}`, result.value.amount)
      accepted.push({ key: target.key, meta, result, text: target.text })
    }
    const needConfirm = accepted.filter((a) => a.result.issues.some((issue) => issue.severity === 'confirm'))
    let toSave = accepted
    if (needConfirm.length > 0) {
      const list = needConfirm.map((a) => `${a.meta.label}：${a.result.issues.find((i) => i.severity === 'confirm')?.message ?? ''}`)
      if (!(await options.confirm(list.join('\n')))) {
        toSave = accepted.filter((a) => !needConfirm.includes(a))
        for (const a of needConfirm) {
          const message = `未保存：超预算未确认。${a.result.issues.find((i) => i.severity === 'confirm')?.message ?? ''}`
          rejected.push({ where: a.meta.label, text: a.text, message })
          updates.push([a.key, refused(a.text, { message, severity: 'confirm' })])
        }
      }
    }
    let savedCount = 0
    if (toSave.length > 0) {
      try {
        const ids = await save(() => applyEntries(toSave.map((a) => toWrite(a.meta, a.result.value)), options.actor()))
        store.pushUndo({ label: `粘贴 ${toSave.length} 个单元格`, changeIds: ids })
        savedCount = toSave.length
        for (const a of toSave) {
          const warning = a.result.issues.find((issue) => issue.severity === 'warning') ?? null
          updates.push([a.key, { draft: null, message: warning?.message ?? null, severity: warning ? 'warning' : null, phase: 'saved' }])
        }
      } catch (error) {
        for (const a of toSave) {
          const message = `未保存：${errorMessage(error)}`
          rejected.push({ where: a.meta.label, text: a.text, message })
          updates.push([a.key, refused(a.text, { message, severity: 'error' })])
        }
      }
    }
    setStates(updates)
    return { savedCount, rejected }
  }

  const unsavedCount = computed(() => [...states.value.values()].filter((state) => state.draft !== null && state.phase === null).length)

  return { states, saveStatus, commit, cancel, paste, record, unsavedCount, clearStates: () => (states.value = new Map()) }
}

/**
 * What typed or pasted text means for the cells of an entry grid, before anything is saved:
 * which cell each pasted value lands on, which values are refused (locked month, invalid,
 * outside the grid) and why, which wait for the 超预算 confirmation, and the feedback each cell
 * shows afterwards. Spending is checked against 预算数 with the project's other months, counting
 * the amounts pasted in the same block.
 */
import { isEditableItem, type CellMeta, type EntryCellState, type EntryGridColumn, type EntryGridRow, type GridPosition } from './entryGrid'
import { validateCumulativeSpending } from '@/domain/cumulativeSpending'
import { validateEntry, type CellValidation, type EntryContext, type EntryValue, type IssueSeverity, type ValidationIssue } from '@/domain/entryValidation'
import { sumFen } from '@/domain/money'
import type { Fen, Month } from '@/domain/types'

/** Why a pasted value was skipped: it sits under a read-only column, or it is blank. */
export type PasteSkipKind = 'figure' | 'blank'

/**
 * One pasted value landing on a cell (key) or outside any cell (key null, with the reason).
 * A skipped value (under a read-only column, or blank) carries `skip` and is never saved.
 */
export interface PasteTarget {
  readonly key: string | null
  readonly text: string
  readonly where: string
  readonly reason?: string
  readonly skip?: PasteSkipKind
}

/** A pasted value left alone: it changes no cell and is neither saved nor refused. */
export interface PasteSkip {
  readonly where: string
  readonly text: string
  readonly kind: PasteSkipKind
}

export interface PasteRejection {
  readonly where: string
  readonly text: string
  readonly message: string
  /** True when the value stays in its (red) cell; false when it fell outside the grid and was not pasted. */
  readonly hasCell: boolean
}

export interface PasteReport {
  /** Values saved; blanks and values under read-only columns never count. */
  readonly savedCount: number
  readonly rejected: readonly PasteRejection[]
  readonly skipped: readonly PasteSkip[]
}

/** A pasted value that passed validation; `issues` may still ask to confirm (超预算) or warn. */
export interface AcceptedPaste {
  readonly key: string
  readonly meta: CellMeta
  readonly text: string
  readonly value: EntryValue
  readonly issues: readonly ValidationIssue[]
}

/** Refused values (for the report and as cell states) and the values ready to save. */
export interface PastePlan {
  readonly accepted: readonly AcceptedPaste[]
  readonly rejected: readonly PasteRejection[]
  readonly skipped: readonly PasteSkip[]
  /** Refused states of grid cells; values that fell outside the grid have no cell to mark. */
  readonly states: readonly (readonly [string, EntryCellState])[]
}

/** Today's calendar year and month: the caller reads the clock. */
export type Today = EntryContext['today']

export const LOCKED_MESSAGE = '本月已报送并锁定，不能修改。如需更正，请先点「重新打开」。'
const NO_CELL_MESSAGE = '这里没有可填的单元格。'

/**
 * Maps a pasted block (rows of cells) onto the grid from the anchor cell, as the grid shows it:
 * block rows go to consecutive grid rows, block columns to consecutive grid columns. A value
 * under a read-only column (执行数, 执行率) is skipped, never shifted into the next input; a
 * blank value is skipped too, leaving its cell as it is (clearing is done in the cell). Values
 * falling outside a cell carry the reason.
 */
export function pasteTargets(
  rows: readonly EntryGridRow[],
  columns: readonly EntryGridColumn[],
  anchor: GridPosition,
  block: readonly (readonly string[])[],
): PasteTarget[] {
  const targets: PasteTarget[] = []
  block.forEach((cells, i) => {
    const row = rows[anchor.row + i]
    cells.forEach((text, j) => {
      const col = anchor.col + j
      const column = columns[col]
      const item = row?.items[col]
      // The month view's columns are 指标 1, 2…: name a cell by its indicator instead.
      const columnName = (isEditableItem(item) ? item.label : null) ?? column?.title ?? `第 ${col + 1} 列`
      const where = `${row?.title ?? `第 ${anchor.row + i + 1} 行`} · ${columnName}`
      if (text.trim() === '') return targets.push({ key: null, text, where, skip: 'blank' })
      if (row === undefined) return targets.push({ key: null, text, where, reason: '超出表格：下面没有更多的行了。' })
      if (column === undefined) return targets.push({ key: null, text, where, reason: '超出表格：右边没有更多可填的列了。' })
      if (column.isFigure) return targets.push({ key: null, text, where, skip: 'figure' })
      if (!isEditableItem(item)) return targets.push({ key: null, text, where, reason: `「${row.title}」没有${column.title}。` })
      targets.push({ key: item.key, text, where })
    })
  })
  return targets
}

/**
 * Validates the text of one cell (validateEntry); a spending cell is also checked against its
 * 预算数 with `spent`, the project's spending by month in 分 (its own month is left out). A
 * cumulative cell (1–m月累计) derives the month's amount from `spent` (validateCumulativeSpending).
 */
export function validateCell(meta: CellMeta, text: string, today: Today, spent: ReadonlyMap<Month, Fen>): CellValidation {
  const isSpending = meta.target.kind === 'spending'
  if (meta.target.kind === 'spending' && meta.isCumulative === true) {
    // Typed as 1–m月累计: the month's amount is derived from the other months (pasted ones included).
    return validateCumulativeSpending(text, meta.target.unit, { year: meta.year, month: meta.month, today, budget: meta.budget, spending: spent })
  }
  const otherMonthsSpent = isSpending ? sumFen([...spent].filter(([month]) => month !== meta.month).map(([, amount]) => amount)) : 0
  return validateEntry(text, meta.target, {
    year: meta.year,
    month: meta.month,
    today,
    budget: isSpending ? meta.budget : undefined,
    otherMonthsSpent,
  })
}

/** The confirmation (超预算) a validated value waits for, if any. */
export function confirmationOf(issues: readonly ValidationIssue[]): ValidationIssue | undefined {
  return issues.find((issue) => issue.severity === 'confirm')
}

/** A refused cell: it keeps the user's text (draft) with the message. */
export function refusedState(draft: string, issue: Pick<ValidationIssue, 'message' | 'severity'>): EntryCellState {
  return { draft, message: issue.message, severity: issue.severity, phase: null }
}

/** A saved cell: back to the stored value, showing the first warning (future month) if any. */
export function savedState(issues: readonly ValidationIssue[]): EntryCellState {
  const warning = issues.find((issue) => issue.severity === 'warning') ?? null
  return { draft: null, message: warning?.message ?? null, severity: warning ? 'warning' : null, phase: 'saved' }
}

/**
 * Validates every pasted value in order. Spending accepted earlier in the block counts toward
 * the 超预算 check of later cells of the same project, as the whole block is saved at once.
 */
export function planPaste(
  targets: readonly PasteTarget[],
  metas: ReadonlyMap<string, CellMeta>,
  spendingOf: (projectId: string) => ReadonlyMap<Month, Fen>,
  today: Today,
): PastePlan {
  const accepted: AcceptedPaste[] = []
  const rejected: PasteRejection[] = []
  const skipped: PasteSkip[] = []
  const states: [string, EntryCellState][] = []
  const spent = new Map<string, Map<Month, Fen>>()
  const spentOf = (projectId: string) => {
    let months = spent.get(projectId)
    if (months === undefined) spent.set(projectId, (months = new Map(spendingOf(projectId))))
    return months
  }
  for (const target of targets) {
    const { key, text, where } = target
    if (target.skip !== undefined) {
      skipped.push({ where, text, kind: target.skip })
      continue
    }
    const meta = key === null ? undefined : metas.get(key)
    if (key === null || meta === undefined) {
      rejected.push({ where, text, message: target.reason ?? NO_CELL_MESSAGE, hasCell: false })
      continue
    }
    const refuse = (message: string) => {
      rejected.push({ where, text, message, hasCell: true })
      states.push([key, refusedState(text, { message, severity: 'error' })])
    }
    if (meta.isLocked) {
      refuse(LOCKED_MESSAGE)
      continue
    }
    const months = meta.target.kind === 'spending' ? spentOf(meta.projectId) : new Map<Month, Fen>()
    const result = validateCell(meta, text, today, months)
    if (!result.ok) {
      refuse(result.issue.message)
      continue
    }
    if (result.value.kind === 'money') months.set(meta.month, result.value.amount)
    accepted.push({ key, meta, text, value: result.value, issues: result.issues })
  }
  return { accepted, rejected, skipped, states }
}

/** The one question asked before saving pasted values above 预算数: a line per cell. */
export function pasteConfirmation(cells: readonly AcceptedPaste[]): string {
  return cells.map((cell) => `${cell.meta.label}：${confirmationOf(cell.issues)?.message ?? ''}`).join('\n')
}

/** Accepted values that were not saved after all, as report lines and cell states. */
export function unsavedPaste(
  cells: readonly AcceptedPaste[],
  messageOf: (cell: AcceptedPaste) => string,
  severity: IssueSeverity,
): Omit<PastePlan, 'accepted' | 'skipped'> {
  const rejected: PasteRejection[] = []
  const states: [string, EntryCellState][] = []
  for (const cell of cells) {
    const message = messageOf(cell)
    rejected.push({ where: cell.meta.label, text: cell.text, message, hasCell: true })
    states.push([cell.key, refusedState(cell.text, { message, severity })])
  }
  return { rejected, states }
}

/** Values above 预算数 the user declined to confirm: kept unsaved with the reason. */
export function declinedPaste(cells: readonly AcceptedPaste[]): Omit<PastePlan, 'accepted' | 'skipped'> {
  return unsavedPaste(cells, (cell) => `未保存：超预算未确认。${confirmationOf(cell.issues)?.message ?? ''}`, 'confirm')
}

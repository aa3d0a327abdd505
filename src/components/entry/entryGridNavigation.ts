/**
 * Spreadsheet geometry of the entry grid: where Tab, Enter and the arrow keys go. Figures
 * (执行数, 执行率) and missing cells are skipped. Where a pasted block lands is in
 * src/presenters/entryPaste.ts.
 */
import { isEditableItem, type EntryGridRow, type GridPosition } from '@/presenters/entryGrid'

export type MoveDirection = 'left' | 'right' | 'up' | 'down' | 'next' | 'previous'

function isEditableAt(rows: readonly EntryGridRow[], row: number, col: number): boolean {
  return isEditableItem(rows[row]?.items[col])
}

/** The cell a key press moves to from `from`, or null when there is none that way. */
export function nextPosition(rows: readonly EntryGridRow[], from: GridPosition, direction: MoveDirection): GridPosition | null {
  const width = rows.reduce((max, r) => Math.max(max, r.items.length), 0)
  const step = { left: [0, -1], right: [0, 1], up: [-1, 0], down: [1, 0] } as const
  if (direction === 'next' || direction === 'previous') {
    // Tab runs through the cells in reading order and wraps to the next row, like Excel.
    const delta = direction === 'next' ? 1 : -1
    for (let i = from.row * width + from.col + delta; i >= 0 && i < rows.length * width; i += delta) {
      const row = Math.floor(i / width)
      const col = i % width
      if (isEditableAt(rows, row, col)) return { row, col }
    }
    return null
  }
  const [dRow, dCol] = step[direction]
  let row = from.row + dRow
  let col = from.col + dCol
  while (row >= 0 && row < rows.length && col >= 0 && col < width) {
    if (isEditableAt(rows, row, col)) return { row, col }
    row += dRow
    col += dCol
  }
  return null
}

/** What a key press in a cell does: commit and move, cancel the edit, undo, or nothing special. */
export type CellKeyAction = { readonly type: 'move'; readonly direction: MoveDirection } | { readonly type: 'cancel' } | { readonly type: 'undo' } | null

/** The action of a key in a cell; arrows left/right move only from the text's edge, like Excel. */
export function cellKeyAction(
  key: { readonly key: string; readonly shiftKey: boolean; readonly ctrlKey: boolean; readonly metaKey: boolean },
  caret: { readonly start: number | null; readonly end: number | null; readonly length: number },
  isDirty: boolean,
): CellKeyAction {
  const isAllSelected = caret.start === 0 && caret.end === caret.length
  const move = (direction: MoveDirection) => ({ type: 'move', direction }) as const
  switch (key.key) {
    case 'Enter':
      return move(key.shiftKey ? 'up' : 'down')
    case 'Tab':
      return move(key.shiftKey ? 'previous' : 'next')
    case 'ArrowDown':
      return move('down')
    case 'ArrowUp':
      return move('up')
    case 'ArrowLeft':
      return isAllSelected || (caret.start === 0 && caret.end === 0) ? move('left') : null
    case 'ArrowRight':
      return isAllSelected || caret.start === caret.length ? move('right') : null
    case 'Escape':
      return { type: 'cancel' }
  }
  // With nothing typed, Ctrl+Z undoes the last saved change rather than the input's text.
  if ((key.ctrlKey || key.metaKey) && key.key.toLowerCase() === 'z' && !key.shiftKey && !isDirty) return { type: 'undo' }
  return null
}
